//! Offline digest: every article of the flash corpus, then the digest of all.

use embedded_io::Write;
use epitome::wire::{Article, Bundle, Digest, Message, WireError};

use crate::protocol::{CorpusDigest, DIGEST_KEYWORDS, options};
use crate::session::{Clock, Session};

/// Why the offline digest stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OfflineError {
    /// The summarizer rejected an article (its id).
    Summarize(u32),
    /// Writing a digest frame failed.
    Wire(WireError),
}

/// Summarizes every article of `bundle`, sends each digest, then sends the
/// multi-article digest built in `builder` (caller-provided so that it can
/// live in a `static`, and be read afterwards). `each` sees every article,
/// its digest and the clock ticks spent summarizing it.
///
/// Errors: [`OfflineError`]; digests already sent stay sent.
pub fn run<W: Write, C: Clock>(
    bundle: &Bundle<'static>,
    session: &mut Session<'_, W, C>,
    builder: &mut CorpusDigest<'static>,
    mut each: impl FnMut(&Article<'static>, &Digest<'static>, u64),
) -> Result<(), OfflineError> {
    let opts = options();
    for a in bundle.iter() {
        let start = session.clock().now();
        let summary =
            session.summarizer().summarize(a.title, a.body, &opts).map_err(|_| OfflineError::Summarize(a.id))?;
        let ticks = session.clock().now().wrapping_sub(start);
        let digest = Digest::from_summary(a.id, &summary);
        each(&a, &digest, ticks);
        session.send(&Message::Digest(digest)).map_err(OfflineError::Wire)?;
        builder.feed_article(&a, session.summarizer(), &opts).map_err(|_| OfflineError::Summarize(a.id))?;
    }
    session.send(&Message::MultiDigest(builder.to_message(DIGEST_KEYWORDS))).map_err(OfflineError::Wire)
}
