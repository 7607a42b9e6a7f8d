//! The serial summarizer: one frame in, one frame out.

use embedded_io::Write;
use epitome::wire::{Article, Digest, ErrorCode, ErrorFrame, FrameWriter, Hello, Message, WireError};
use epitome::{Flags, Summary};

use crate::protocol::{article_options, is_hang_up};
use crate::workspace::Summarize;

/// A source of instruction (or cycle) counts, to measure the summarizer.
pub trait Clock {
    /// A monotonic count; only differences are used.
    fn now(&mut self) -> u64;

    /// A difference of [`Clock::now`] in instructions (for the log): the
    /// count itself unless the clock knows better.
    fn instructions(&self, ticks: u64) -> u64 {
        ticks
    }
}

/// A clock that does not count (tests, or boards without a counter).
impl Clock for () {
    fn now(&mut self) -> u64 {
        0
    }
}

/// What one received frame led to; for the board's log.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    /// An article was summarized and its digest sent.
    Digest {
        /// The article's id.
        article: u32,
        /// Length of its body in bytes.
        body_bytes: usize,
        /// Sentences in the digest.
        sentences: usize,
        /// [`Flags`] of the summary.
        flags: Flags,
        /// Instructions spent in the summarizer alone (by the session's
        /// [`Clock`]: its ticks, converted by [`Clock::instructions`]).
        instructions: u64,
    },
    /// A bad or unsupported frame was answered with an error frame.
    Rejected(ErrorFrame),
    /// The peer greeted us; we greeted back.
    Greeted,
    /// The peer hung up ([`HANG_UP`]); nothing was sent.
    HangUp,
    /// The input stream ended.
    EndOfStream,
}

/// Answers frames on a writer with one reusable summarizer workspace `Z`
/// (a board's `Workspace`).
pub struct Session<'w, W: Write, C: Clock, Z: Summarize> {
    out: FrameWriter<'w, W>,
    summarizer: &'w mut Z,
    clock: C,
    hello: Hello,
}

impl<'w, W: Write, C: Clock, Z: Summarize> Session<'w, W, C, Z> {
    /// A session writing replies to `tx`, encoding them in `scratch`, that
    /// greets with `hello` ([`crate::protocol::hello`]: the reader's receive
    /// buffer and the languages the board reads, which it answers articles
    /// in).
    pub fn new(tx: W, scratch: &'w mut [u8], summarizer: &'w mut Z, clock: C, hello: Hello) -> Self {
        Session { out: FrameWriter::new(tx, scratch), summarizer, clock, hello }
    }

    /// The greeting this session sends (first, and to every `Hello`).
    pub fn hello(&self) -> Hello {
        self.hello
    }

    /// The writer, once the session is over (the host reads its replies).
    pub fn into_inner(self) -> W {
        self.out.into_inner()
    }

    /// Sends one message and flushes.
    ///
    /// Errors: [`WireError::BufferTooSmall`] (nothing was written then), [`WireError::Io`].
    pub fn send(&mut self, msg: &Message<'_>) -> Result<(), WireError> {
        self.out.send(msg)?;
        self.out.flush()
    }

    /// The clock, for callers that measure around other work.
    pub fn clock(&mut self) -> &mut C {
        &mut self.clock
    }

    /// The summarizer workspace.
    pub fn summarizer(&mut self) -> &mut Z {
        self.summarizer
    }

    /// Answers one result of [`epitome::wire::FrameReader::next_frame`].
    ///
    /// Errors: only [`WireError::Io`] from the writer; every problem with the
    /// input is answered with an error frame and reported as
    /// [`Event::Rejected`].
    #[inline(never)]
    pub fn handle(&mut self, frame: Result<Option<Message<'_>>, WireError>) -> Result<Event, WireError> {
        let msg = match frame {
            Ok(Some(m)) => m,
            Ok(None) => return Ok(Event::EndOfStream),
            Err(WireError::Io) => return Err(WireError::Io),
            Err(e) => return self.reject(ErrorFrame { code: e.into(), article: u32::MAX }),
        };
        match msg {
            Message::Article(a) => self.answer(&a),
            Message::Hello(h) if is_hang_up(&h) => Ok(Event::HangUp),
            Message::Hello(_) => self.greet().map(|()| Event::Greeted),
            _ => self.reject(ErrorFrame { code: ErrorCode::Unsupported, article: u32::MAX }),
        }
    }

    /// Summarizes `a` and sends its digest (or the error frame that says
    /// why not: [`ErrorCode::Language`] for a language the board lacks,
    /// [`ErrorCode::Summarize`], [`ErrorCode::TooLarge`]).
    ///
    /// Errors: only [`WireError::Io`].
    pub fn answer(&mut self, a: &Article<'_>) -> Result<Event, WireError> {
        self.answer_then(a, &mut |_| {})
    }

    /// [`Session::answer`], then `then` sees the summary whose digest was
    /// sent (not called when the article was rejected): the offline digest
    /// merges it there, so no article is summarized twice.
    ///
    /// Errors: only [`WireError::Io`].
    #[inline(never)]
    pub fn answer_then<'a>(&mut self, a: &Article<'a>, then: &mut dyn FnMut(&Summary<'a>)) -> Result<Event, WireError> {
        let opts = match article_options(a.lang, self.hello.languages) {
            Ok(o) => o,
            Err(code) => return self.reject(ErrorFrame { code, article: a.id }),
        };
        let start = self.clock.now();
        let summary = self.summarizer.summarize(a.title, a.body, &opts);
        let ticks = self.clock.now().wrapping_sub(start);
        let instructions = self.clock.instructions(ticks);
        // Borrowed, not moved out of the result: each move of a `Summary`
        // (over a kilobyte) is another copy on the stack.
        let summary = match &summary {
            Ok(s) => s,
            Err(_) => return self.reject(ErrorFrame { code: ErrorCode::Summarize, article: a.id }),
        };
        match self.send_digest(a.id, summary) {
            Ok(()) => {
                then(summary);
                Ok(Event::Digest {
                    article: a.id,
                    body_bytes: a.body.len(),
                    sentences: summary.sentences.len(),
                    flags: summary.flags,
                    instructions,
                })
            }
            // Encoding failed before a byte was written: say why instead.
            Err(WireError::BufferTooSmall) => self.reject(ErrorFrame { code: ErrorCode::TooLarge, article: a.id }),
            Err(e) => Err(e),
        }
    }

    /// Sends the digest of `summary`. Not inlined: the digest and its
    /// message are on the stack only here, never together with the
    /// summarizer's own frame.
    #[inline(never)]
    fn send_digest(&mut self, article: u32, summary: &Summary<'_>) -> Result<(), WireError> {
        let msg = Message::Digest(Digest::from_summary(article, summary));
        self.send(&msg)?;
        #[cfg(target_os = "none")]
        if let Message::Digest(d) = &msg {
            for s in &d.sentences {
                defmt::info!("  - {=str}", s.text);
            }
            for k in &d.keywords {
                defmt::info!("  # {=str} ({=u32})", k.text, k.score);
            }
        }
        Ok(())
    }

    /// Sends this session's [`Hello`]. Not inlined: a `Message` is over a
    /// kilobyte, and in [`Session::handle`] it would be on the stack under
    /// every summary too.
    #[inline(never)]
    pub fn greet(&mut self) -> Result<(), WireError> {
        self.send(&Message::Hello(self.hello))
    }

    #[inline(never)]
    fn reject(&mut self, e: ErrorFrame) -> Result<Event, WireError> {
        self.send(&Message::Error(e))?;
        Ok(Event::Rejected(e))
    }
}

#[cfg(test)]
mod tests {
    use epitome::wire::{FrameReader, Hello};
    use epitome::{DefaultSummarizer, Language, LanguageSet, Options};

    use super::*;
    use crate::protocol::{HANG_UP, hello, options};

    const MAX_FRAME: usize = 17 * 1024;

    /// The board of these tests reads every language compiled in.
    const HELLO: Hello = hello(MAX_FRAME, LanguageSet::COMPILED);

    /// Frames `msgs` into one byte stream.
    fn stream(msgs: &[Message<'_>], out: &mut [u8]) -> usize {
        let mut scratch = [0u8; 512];
        let mut w: &mut [u8] = out;
        let mut writer = FrameWriter::new(&mut w, &mut scratch);
        msgs.iter().map(|m| writer.send(m).unwrap()).sum()
    }

    /// Runs a session over `input`; returns the events and the reply frames.
    fn serve<'o>(input: &[u8], replies: &'o mut [u8]) -> (heapless::Vec<Event, 8>, FrameReader<'o, &'o [u8]>) {
        let mut events = heapless::Vec::new();
        let mut summarizer = DefaultSummarizer::new();
        let mut scratch = [0u8; 1024];
        let used = {
            let mut out: &mut [u8] = &mut replies[..];
            let before = out.len();
            {
                let mut session = Session::new(&mut out, &mut scratch, &mut summarizer, (), HELLO);
                let mut buf = [0u8; MAX_FRAME];
                let mut reader = FrameReader::new(input, &mut buf);
                loop {
                    let e = session.handle(reader.next_frame()).unwrap();
                    events.push(e).unwrap();
                    if e == Event::EndOfStream {
                        break;
                    }
                }
            }
            before - out.len()
        };
        let replies: &'o [u8] = &replies[..used];
        (events, FrameReader::new(replies, &mut []))
    }

    const BODY: &str = "The city council approved a new bridge over the river on Monday. \
        The bridge will cost $40m and open in 2028. Council members said the river crossing would cut traffic.";

    #[test]
    fn answers_articles_hellos_and_bad_frames_in_order() {
        let article = Article { id: 3, title: "Bridge approved", body: BODY, ..Article::default() };
        let mut input = [0u8; 1024];
        let mut n = stream(&[Message::Hello(Hello { max_frame: 64, languages: LanguageSet::ALL })], &mut input);
        input[n..n + 4].copy_from_slice(&[9, 9, 9, 0]); // garbage
        n += 4;
        n += stream(&[Message::Article(article), Message::Hello(HANG_UP)], &mut input[n..]);
        let mut replies = [0u8; 2048];
        let (events, _) = serve(&input[..n], &mut replies);
        assert_eq!(events[0], Event::Greeted);
        assert!(matches!(events[1], Event::Rejected(ErrorFrame { article: u32::MAX, .. })));
        assert!(matches!(events[2], Event::Digest { article: 3, sentences: 3, .. }), "{:?}", events[2]);
        assert_eq!(events[3], Event::HangUp);
        assert_eq!(events[4], Event::EndOfStream);
    }

    #[test]
    fn replies_decode_to_hello_error_and_the_digest() {
        let article = Article { id: 4, title: "Bridge approved", body: BODY, ..Article::default() };
        let mut input = [0u8; 1024];
        let mut n = stream(&[Message::Hello(Hello { max_frame: 64, languages: LanguageSet::ALL })], &mut input);
        input[n..n + 2].copy_from_slice(&[7, 0]);
        n += 2;
        n += stream(&[Message::Article(article)], &mut input[n..]);
        let mut replies = [0u8; 2048];
        let (_, reader) = serve(&input[..n], &mut replies);
        let bytes = reader.into_inner();
        let mut buf = [0u8; 2048];
        let mut r = FrameReader::new(bytes, &mut buf);
        assert_eq!(r.next_frame().unwrap(), Some(Message::Hello(HELLO)));
        assert!(matches!(r.next_frame().unwrap(), Some(Message::Error(_))));
        let want =
            DefaultSummarizer::new().summarize(article.title, BODY, &options()).map(|s| Digest::from_summary(4, &s));
        assert_eq!(r.next_frame().unwrap(), Some(Message::Digest(want.unwrap())));
        assert_eq!(r.next_frame().unwrap(), None);
    }

    #[test]
    fn a_digest_too_large_for_the_scratch_is_an_error_frame() {
        let article = Article { id: 5, title: "Bridge approved", body: BODY, ..Article::default() };
        let mut input = [0u8; 512];
        let n = stream(&[Message::Article(article)], &mut input);
        let mut summarizer = DefaultSummarizer::new();
        let mut scratch = [0u8; 40];
        let mut out = [0u8; 256];
        let mut tx: &mut [u8] = &mut out;
        let mut session = Session::new(&mut tx, &mut scratch, &mut summarizer, (), hello(512, LanguageSet::COMPILED));
        let mut buf = [0u8; 512];
        let mut reader = FrameReader::new(&input[..n], &mut buf);
        let e = session.handle(reader.next_frame()).unwrap();
        assert_eq!(e, Event::Rejected(ErrorFrame { code: ErrorCode::TooLarge, article: 5 }));
    }

    const FRENCH: &str = "Le conseil municipal a approuvé lundi la construction d'un nouveau pont sur le fleuve. \
        Le pont coûtera 40 millions d'euros et ouvrira en 2028. Selon les élus, il réduira la circulation dans le centre.";

    /// The replies of a board reading `languages` to `articles`, decoded.
    fn answers(languages: LanguageSet, articles: &[Article<'_>]) -> heapless::Vec<Event, 4> {
        let mut summarizer = DefaultSummarizer::new();
        let mut scratch = [0u8; 1024];
        let mut out = [0u8; 4096];
        let mut tx: &mut [u8] = &mut out;
        let mut session = Session::new(&mut tx, &mut scratch, &mut summarizer, (), hello(MAX_FRAME, languages));
        articles.iter().map(|a| session.answer(a).unwrap()).collect()
    }

    #[test]
    fn an_article_in_a_language_the_board_lacks_gets_a_language_error() {
        let english_only = LanguageSet::of(&[Language::English]);
        let fr = Article { id: 6, title: "Le pont approuvé", lang: "fr-FR", body: FRENCH, ..Article::default() };
        let ja = Article { id: 7, lang: "ja", ..fr };
        let en = Article { id: 8, title: "Bridge approved", lang: "EN", body: BODY, ..Article::default() };
        let events = answers(english_only, &[fr, ja, en]);
        assert_eq!(events[0], Event::Rejected(ErrorFrame { code: ErrorCode::Language, article: 6 }));
        assert_eq!(events[1], Event::Rejected(ErrorFrame { code: ErrorCode::Language, article: 7 }));
        assert!(matches!(events[2], Event::Digest { article: 8, .. }), "{:?}", events[2]);
        // A tag naming no language the core knows is refused by every board.
        assert!(matches!(answers(LanguageSet::ALL, &[ja])[0], Event::Rejected(_)));
    }

    #[test]
    fn an_untagged_article_is_read_in_a_language_the_board_has() {
        if !Language::French.is_compiled() {
            return; // nothing to choose between
        }
        let untagged = Article { id: 9, title: "Le pont approuvé", body: FRENCH, ..Article::default() };
        let mut s = DefaultSummarizer::new();
        let all = s.summarize(untagged.title, FRENCH, &options()).unwrap();
        assert_eq!(all.language(), Language::French);
        let english_only = LanguageSet::of(&[Language::English]);
        let opts = Options { languages: english_only, ..options() };
        assert_eq!(s.summarize(untagged.title, FRENCH, &opts).unwrap().language(), Language::English);
        // Summarized, not refused: untagged text is read among the board's languages.
        assert!(matches!(answers(english_only, &[untagged])[0], Event::Digest { article: 9, .. }));
        let tagged = Article { lang: "fr", ..untagged };
        let en_fr = LanguageSet::of(&[Language::English, Language::French]);
        assert!(matches!(answers(en_fr, &[tagged])[0], Event::Digest { article: 9, .. }));
    }
}
