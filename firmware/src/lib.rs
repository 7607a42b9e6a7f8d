//! Epitome firmware logic shared by every board: the session protocol
//! spoken over the UART, the offline digest of the flash corpus and, on a
//! bare-metal target, the runtime that wires them to a board.
//!
//! Everything but [`runtime`] is `no_std` and target-independent so that it
//! is unit-tested on the host and shared with the host's `epitome board`
//! link, which runs this same [`Session`] to predict a board's frames.
//! Each board is a package of its own under `firmware/boards/` (see
//! `firmware/README.md`): its pins and UART, its capacities, a thin binary.
#![no_std]
#![cfg_attr(not(target_os = "none"), forbid(unsafe_code))]
#![deny(missing_docs)]

#[cfg(target_os = "none")]
pub mod mmio;
pub mod offline;
pub mod protocol;
#[cfg(target_os = "none")]
pub mod runtime;
pub mod session;
pub mod spec;
pub mod workspace;

pub use protocol::HANG_UP;
pub use session::{Clock, Event, Session};
pub use spec::BoardSpec;
pub use workspace::Summarize;
