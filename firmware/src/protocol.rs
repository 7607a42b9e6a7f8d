//! What every board's firmware and the host agree on: summarizer options
//! and the session's framing conventions. Buffer sizes and capacities are
//! each board's own (its package under `firmware/boards/`).
//!
//! A session on the UART, all messages as [`epitome::wire`] frames:
//!
//! 1. The firmware announces itself with [`Hello`] (`max_frame` = the size
//!    of its receive buffer, [`hello`]); bytes sent before that may be lost
//!    (a UART may drop them until it is enabled). A frame longer than that
//!    is answered with an [`epitome::wire::ErrorCode::Oversize`] error frame.
//! 2. It sends one [`epitome::wire::Digest`] per article of its flash corpus,
//!    then one [`epitome::wire::MultiDigest`] over all of them.
//! 3. It then answers every frame it receives, in order: an article with its
//!    digest, a `Hello` with its own `Hello`, anything else with an
//!    [`epitome::wire::ErrorFrame`] (bad frames included). [`HANG_UP`] ends
//!    the session: under QEMU the firmware exits, on a board it keeps serving.

use epitome::wire::Hello;
use epitome::{MAX_KEYWORDS, Options};

/// A `Hello` announcing a receive buffer of zero bytes: the peer is leaving.
pub const HANG_UP: Hello = Hello { max_frame: 0 };

/// The firmware's greeting: the size of its receive buffer (saturated at
/// `u32::MAX`, far above any board's RAM).
pub const fn hello(max_frame: usize) -> Hello {
    Hello { max_frame: if max_frame > u32::MAX as usize { u32::MAX } else { max_frame as u32 } }
}

/// Keywords in the multi-article digest of the flash corpus.
pub const DIGEST_KEYWORDS: usize = 10;
const _: () = assert!(DIGEST_KEYWORDS <= MAX_KEYWORDS);

/// Summarizer options for every digest the firmware sends (the core's
/// defaults: three sentences, ten keywords, no IDF table).
pub fn options() -> Options<'static> {
    Options::default()
}
