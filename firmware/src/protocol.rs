//! What the firmware and the host agree on: buffer sizes, summarizer
//! options and the session's framing conventions.
//!
//! A session on the UART, all messages as [`epitome::wire`] frames:
//!
//! 1. The firmware announces itself with [`Hello`] (`max_frame` =
//!    [`MAX_FRAME`]); bytes sent before that may be lost (the USART drops
//!    them until it is enabled).
//! 2. It sends one [`epitome::wire::Digest`] per article of its flash corpus,
//!    then one [`epitome::wire::MultiDigest`] over all of them.
//! 3. It then answers every frame it receives, in order: an article with its
//!    digest, a `Hello` with its own `Hello`, anything else with an
//!    [`epitome::wire::ErrorFrame`] (bad frames included). [`HANG_UP`] ends
//!    the session: under QEMU the firmware exits, on a board it keeps serving.

use epitome::digest::DigestBuilder;
use epitome::wire::Hello;
use epitome::{MAX_KEYWORDS, Options};

/// Largest COBS-encoded frame received (the receive buffer): an article of
/// 16 KiB of text plus 1 KiB for its title, metadata and framing.
pub const MAX_FRAME: usize = 17 * 1024;

/// Encoding buffer for one reply. A digest of the default three sentences
/// and ten keywords needs a few hundred bytes; a longer one is answered
/// with [`epitome::wire::ErrorCode::TooLarge`].
pub const SCRATCH: usize = 4 * 1024;

/// A `Hello` announcing a receive buffer of zero bytes: the peer is leaving.
pub const HANG_UP: Hello = Hello { max_frame: 0 };

/// The firmware's own greeting.
pub const HELLO: Hello = Hello { max_frame: MAX_FRAME as u32 };

/// Keywords in the multi-article digest of the flash corpus.
pub const DIGEST_KEYWORDS: usize = 10;
const _: () = assert!(DIGEST_KEYWORDS <= MAX_KEYWORDS);

/// The multi-article digest builder: 8 sentences, 48 corpus keywords.
pub type CorpusDigest<'a> = DigestBuilder<'a, 8, 48>;

/// Summarizer options for every digest the firmware sends (the core's
/// defaults: three sentences, ten keywords, no IDF table).
pub fn options() -> Options<'static> {
    Options::default()
}
