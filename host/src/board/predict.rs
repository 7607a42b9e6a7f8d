//! The host's prediction of every frame a board sends: it runs the
//! firmware library's own [`Session`] and offline digest, with the board's
//! workspace and buffer sizes, over an in-memory stream, so that a
//! prediction cannot drift from the firmware; a difference between the
//! Cortex-M and the desktop then shows up as a mismatch.

use anyhow::{Result, anyhow, bail};
use epitome::digest::DigestBuilder;
use epitome::wire::{Bundle, FrameReader};
use epitome_firmware::{BoardSpec, Event, Session, Summarize, offline, protocol};

use crate::boards::{BoardName, with_workspace};

/// Every frame `board` must send back for the byte stream `sent`, in
/// order (each with its `0x00`).
///
/// Errors: the session failed to write (it cannot, in memory).
pub fn expected_replies(board: BoardName, sent: &[u8]) -> Result<Vec<Vec<u8>>> {
    with_workspace!(board, Ws, Digest, replies(&mut *Box::<Ws>::default(), board.spec(), sent))
}

/// The frames `board` sends at boot for its flash corpus `bundle`:
/// `Hello`, one digest per article, then the multi-article digest.
///
/// Errors: the firmware would stop there (it logs an error): an article
/// the summarizer rejects, or a frame that cannot be sent.
pub fn expected_boot(board: BoardName, bundle: &Bundle<'_>) -> Result<Vec<Vec<u8>>> {
    with_workspace!(board, Ws, Digest, {
        let mut digest = Box::new(Digest::new());
        boot(&mut *Box::<Ws>::default(), &mut digest, board.spec(), bundle)
    })
}

fn replies<Z: Summarize>(summarizer: &mut Z, spec: &BoardSpec, sent: &[u8]) -> Result<Vec<Vec<u8>>> {
    let mut scratch = vec![0u8; spec.scratch];
    let mut rx = vec![0u8; spec.max_frame];
    let mut session = Session::new(Vec::new(), &mut scratch, summarizer, (), hello(spec));
    let mut reader = FrameReader::new(sent, &mut rx);
    loop {
        match session.handle(reader.next_frame()) {
            Ok(Event::EndOfStream) => break,
            Ok(_) => {}
            Err(e) => bail!("predicting the board's replies: {e}"),
        }
    }
    Ok(split_frames(&session.into_inner()))
}

fn boot<'a, Z: Summarize, const K: usize, const KW: usize>(
    summarizer: &mut Z,
    digest: &mut DigestBuilder<'a, K, KW>,
    spec: &BoardSpec,
    bundle: &Bundle<'a>,
) -> Result<Vec<Vec<u8>>> {
    let mut scratch = vec![0u8; spec.scratch];
    let mut session = Session::new(Vec::new(), &mut scratch, summarizer, (), hello(spec));
    session.greet().map_err(|e| anyhow!("predicting the board's Hello: {e}"))?;
    offline::run(bundle, &mut session, digest, |_, _| {})
        .map_err(|e| anyhow!("the board's offline digest would stop: {e:?}"))?;
    Ok(split_frames(&session.into_inner()))
}

/// The board's greeting, as its runtime makes it: its receive buffer and
/// its languages, so that the session reads articles among those alone.
fn hello(spec: &BoardSpec) -> epitome::wire::Hello {
    protocol::hello(spec.max_frame, spec.languages)
}

/// Cuts a byte stream after every `0x00`.
fn split_frames(bytes: &[u8]) -> Vec<Vec<u8>> {
    bytes.split_inclusive(|&b| b == 0).map(<[u8]>::to_vec).collect()
}

#[cfg(test)]
mod tests {
    use epitome::DefaultSummarizer;
    use epitome::wire::{Article, Digest, ErrorCode, ErrorFrame, Message};
    use epitome_firmware::protocol;

    use super::*;
    use crate::board::describe::{FrameKind, kind};
    use crate::board::frame::{article_frame, encode, hang_up_frame};

    fn article(id: u32, body: &str) -> Article<'_> {
        Article { id, title: "Council approves bridge", body, ..Article::default() }
    }

    const BODY: &str = "The city council approved a new bridge over the river on Monday. \
        The bridge will cost $40m and open in 2028. Council members said the river crossing would cut traffic.";

    #[test]
    fn replies_follow_the_stream_in_order_and_equal_the_core_s_digest() {
        let good = article_frame(&article(5, BODY)).unwrap();
        let mut stream = vec![1, 2, 3, 0];
        stream.extend_from_slice(&good);
        stream.extend_from_slice(&hang_up_frame());
        let replies = expected_replies(BoardName::Stm32f405, &stream).unwrap();
        assert_eq!(replies.len(), 2, "one error, one digest, nothing for the hang-up");
        assert_eq!(kind(&replies[0]), FrameKind::Error);
        // Computed independently of the session: the core's summary, encoded.
        let summary =
            DefaultSummarizer::new().summarize("Council approves bridge", BODY, &protocol::options()).unwrap();
        let want = encode(&Message::Digest(Digest::from_summary(5, &summary)), 4096).unwrap();
        assert_eq!(replies[1], want);
    }

    #[test]
    fn an_article_over_the_board_s_receive_buffer_gets_an_oversize_error() {
        let oversize = Message::Error(ErrorFrame { code: ErrorCode::Oversize, article: u32::MAX });
        for board in BoardName::ALL {
            let body = "word ".repeat(board.spec().max_frame / 5 + 10);
            let frame = article_frame(&article(9, &body)).unwrap();
            let replies = expected_replies(board, &frame).unwrap();
            assert_eq!(replies, vec![encode(&oversize, 64).unwrap()], "{board:?}");
        }
        // Within the micro:bit's buffer but over its workspace's 32 sentences: a digest, flagged.
        let body = "The council met again. ".repeat(60);
        let frame = article_frame(&article(10, &body)).unwrap();
        assert!(frame.len() < BoardName::Microbit.spec().max_frame);
        let replies = expected_replies(BoardName::Microbit, &frame).unwrap();
        let mut raw = replies[0][..replies[0].len() - 1].to_vec();
        match epitome::wire::decode_frame(&mut raw).unwrap() {
            Message::Digest(d) => assert!(d.flags & epitome::Flags::SENTENCES_TRUNCATED.bits() != 0, "{d:?}"),
            other => panic!("expected a digest, got {other:?}"),
        }
    }

    #[test]
    fn boot_frames_are_hello_digests_and_the_multi_digest() {
        let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../firmware/corpus/sample.bin")).unwrap();
        let bundle = Bundle::from_bytes(&bytes).unwrap();
        let boot = expected_boot(BoardName::Stm32f405, &bundle).unwrap();
        assert_eq!(boot.len(), bundle.len() + 2);
        let spec = BoardName::Stm32f405.spec();
        let hello = Message::Hello(protocol::hello(spec.max_frame, spec.languages));
        assert_eq!(boot[0], encode(&hello, 64).unwrap());
        assert!(boot[1..=bundle.len()].iter().all(|f| kind(f) == FrameKind::Digest));
        assert_eq!(kind(boot.last().unwrap()), FrameKind::MultiDigest);
    }

    /// Decodes every reply frame.
    fn decoded(replies: &[Vec<u8>]) -> Vec<String> {
        replies.iter().map(|f| crate::board::describe(f)).collect()
    }

    const FRENCH: &str = "Le conseil municipal a approuvé lundi la construction d'un nouveau pont sur le fleuve. \
        Le pont coûtera 40 millions d'euros et ouvrira en 2028. Selon les élus, il réduira la circulation.";

    #[test]
    fn an_article_in_a_language_the_board_lacks_is_predicted_as_a_language_error() {
        use epitome::{Language, LanguageSet};
        // A micro:bit that carried English alone (the host carries them all).
        let small = BoardSpec { languages: LanguageSet::of(&[Language::English]), ..*BoardName::Microbit.spec() };
        let fr = Article { lang: "fr", title: "Le pont approuvé", ..article(1, FRENCH) };
        let untagged = Article { id: 2, lang: "", ..fr };
        let en = Article { id: 3, lang: "en-GB", ..article(3, BODY) };
        let mut stream = Vec::new();
        for a in [fr, untagged, en] {
            stream.extend_from_slice(&article_frame(&a).unwrap());
        }
        let mut ws = Box::<epitome_board_microbit::Workspace>::default();
        let replies = replies(&mut *ws, &small, &stream).unwrap();
        let refused = Message::Error(ErrorFrame { code: ErrorCode::Language, article: 1 });
        assert_eq!(replies[0], encode(&refused, 64).unwrap());
        assert_eq!(kind(&replies[1]), FrameKind::Digest);
        assert_eq!(kind(&replies[2]), FrameKind::Digest);
        // The untagged French article is read as the small board reads it,
        // among its languages alone: in English, not in French.
        let mut opts = protocol::article_options("", small.languages).unwrap();
        let mut core = Box::<epitome_board_microbit::Workspace>::default();
        let summary = core.summarize(untagged.title, FRENCH, &opts).unwrap();
        assert_eq!(summary.language(), Language::English);
        assert_eq!(replies[1], encode(&Message::Digest(Digest::from_summary(2, &summary)), 4096).unwrap());
        // Every real board reads French: a digest in French.
        opts.languages = LanguageSet::ALL;
        let all = expected_replies(BoardName::Microbit, &stream).unwrap();
        assert!(all.iter().all(|f| kind(f) == FrameKind::Digest), "{:?}", decoded(&all));
        let summary = core.summarize(untagged.title, FRENCH, &opts).unwrap();
        assert_eq!(summary.language(), Language::French);
        assert_eq!(all[1], encode(&Message::Digest(Digest::from_summary(2, &summary)), 4096).unwrap());
    }

    #[test]
    fn no_board_reads_a_language_the_core_does_not_know() {
        let ja = Article { lang: "ja", ..article(4, BODY) };
        let refused = Message::Error(ErrorFrame { code: ErrorCode::Language, article: 4 });
        for board in BoardName::ALL {
            let replies = expected_replies(board, &article_frame(&ja).unwrap()).unwrap();
            assert_eq!(replies, vec![encode(&refused, 64).unwrap()], "{board:?}");
        }
    }
}
