//! Offline digest: every article of the flash corpus, then the digest of all.

use embedded_io::Write;
use epitome::digest::DigestBuilder;
use epitome::wire::{Article, Bundle, ErrorFrame, Message, WireError};

use crate::protocol::DIGEST_KEYWORDS;
use crate::session::{Clock, Event, Session};
use crate::workspace::Summarize;

/// Why the offline digest stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OfflineError {
    /// An article was answered with this error frame: the summarizer
    /// rejected it, or it is in a language the board lacks.
    Rejected(ErrorFrame),
    /// Writing a digest frame failed.
    Wire(WireError),
}

/// Summarizes every article of `bundle`, sends each digest, then sends the
/// multi-article digest built in `builder` (a board's `CorpusDigest`,
/// caller-provided so that it can live in a `static`, and be read afterwards). `each` sees every article
/// and what answering it did.
///
/// Each step is a function of its own so that the stack holds one step's
/// data at a time: the peak is that of the serial summarizer, not the sum.
///
/// Errors: [`OfflineError`]; digests already sent stay sent.
pub fn run<'a, W: Write, C: Clock, Z: Summarize, const K: usize, const KW: usize>(
    bundle: &Bundle<'a>,
    session: &mut Session<'_, W, C, Z>,
    builder: &mut DigestBuilder<'a, K, KW>,
    mut each: impl FnMut(&Article<'a>, &Event),
) -> Result<(), OfflineError> {
    for a in bundle.iter() {
        // The summary whose digest was sent is merged into the corpus
        // digest as it is: each article is summarized once.
        let event = session.answer_then(&a, &mut |s| builder.add(a.id, s)).map_err(OfflineError::Wire)?;
        each(&a, &event);
        if let Event::Rejected(e) = event {
            return Err(OfflineError::Rejected(e));
        }
    }
    send_multi(session, builder)
}

/// Sends the multi-article digest (its own frame: see [`run`]).
#[inline(never)]
fn send_multi<W: Write, C: Clock, Z: Summarize, const K: usize, const KW: usize>(
    session: &mut Session<'_, W, C, Z>,
    builder: &DigestBuilder<'_, K, KW>,
) -> Result<(), OfflineError> {
    let msg = Message::MultiDigest(builder.to_message(DIGEST_KEYWORDS));
    session.send(&msg).map_err(OfflineError::Wire)?;
    #[cfg(target_os = "none")]
    if let Message::MultiDigest(d) = &msg {
        defmt::info!("digest of all {=u32} articles:", d.articles);
        for s in &d.sentences {
            defmt::info!("  [{=u32}] {=str}", s.article, s.text);
        }
        for k in &d.keywords {
            defmt::info!("  # {=str} ({=u32})", k.text, k.score);
        }
    }
    Ok(())
}
