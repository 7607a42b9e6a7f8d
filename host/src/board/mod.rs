//! The link to an Epitome board, for `epitome board`, one job per module:
//! [`frame`] (what the host sends), [`hostile`] (the `--garbage` stream),
//! [`predict`] (every frame the board must send back, by running the
//! firmware's own session), [`process`] (QEMU stopped on every exit path),
//! [`link`] (QEMU's or a serial port's bytes) and [`describe`] (frames
//! classified and printed).
//!
//! The firmware's session (see `epitome_firmware::protocol`): it greets
//! with `Hello`, sends the digests of its flash corpus and their
//! multi-article digest, then answers every frame in order.

pub mod describe;
pub mod frame;
pub mod hostile;
pub mod link;
pub mod predict;
pub mod process;

pub use describe::{FrameKind, describe, kind};
pub use frame::{article_frame, encode, hang_up_frame};
pub use hostile::hostile_stream;
pub use link::{Link, QemuConfig};
pub use predict::{expected_boot, expected_replies};
pub use process::{QemuGuard, install_interrupt_handler};
