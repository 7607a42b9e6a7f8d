//! Epitome firmware logic that does not depend on the board: the session
//! protocol spoken over the UART and the offline digest of the flash corpus.
//!
//! It is `no_std` and target-independent so that it is unit-tested on the
//! host and shared with the host's `epitome board` link (same options, same
//! buffer sizes); `src/main.rs` wires it to a board.
#![no_std]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod offline;
pub mod protocol;
pub mod session;

pub use protocol::{HANG_UP, MAX_FRAME, SCRATCH};
pub use session::{Clock, Event, Session};
