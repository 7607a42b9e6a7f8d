//! The serial summarizer: one frame in, one frame out.

use embedded_io::Write;
use epitome::wire::{Article, Digest, ErrorCode, ErrorFrame, FrameWriter, Message, WireError};
use epitome::{DefaultSummarizer, Flags, Summary};

use crate::protocol::{HANG_UP, HELLO, options};

/// A source of instruction (or cycle) counts, to measure the summarizer.
pub trait Clock {
    /// A monotonic count; only differences are used.
    fn now(&mut self) -> u64;
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
        /// Clock ticks spent in the summarizer alone.
        ticks: u64,
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

/// Answers frames on a writer with one reusable summarizer workspace.
pub struct Session<'w, W: Write, C: Clock> {
    out: FrameWriter<'w, W>,
    summarizer: &'w mut DefaultSummarizer,
    clock: C,
}

impl<'w, W: Write, C: Clock> Session<'w, W, C> {
    /// A session writing replies to `tx`, encoding them in `scratch`.
    pub fn new(tx: W, scratch: &'w mut [u8], summarizer: &'w mut DefaultSummarizer, clock: C) -> Self {
        Session { out: FrameWriter::new(tx, scratch), summarizer, clock }
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
    pub fn summarizer(&mut self) -> &mut DefaultSummarizer {
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
            Message::Hello(h) if h == HANG_UP => Ok(Event::HangUp),
            Message::Hello(_) => self.send(&Message::Hello(HELLO)).map(|()| Event::Greeted),
            _ => self.reject(ErrorFrame { code: ErrorCode::Unsupported, article: u32::MAX }),
        }
    }

    /// Summarizes `a` and sends its digest (or the error frame that says why not).
    ///
    /// Errors: only [`WireError::Io`].
    #[inline(never)]
    pub fn answer(&mut self, a: &Article<'_>) -> Result<Event, WireError> {
        let start = self.clock.now();
        let summary = self.summarizer.summarize(a.title, a.body, &options());
        let ticks = self.clock.now().wrapping_sub(start);
        // Borrowed, not moved out of the result: each move of a `Summary`
        // (over a kilobyte) is another copy on the stack.
        let summary = match &summary {
            Ok(s) => s,
            Err(_) => return self.reject(ErrorFrame { code: ErrorCode::Summarize, article: a.id }),
        };
        match self.send_digest(a.id, summary) {
            Ok(()) => Ok(Event::Digest {
                article: a.id,
                body_bytes: a.body.len(),
                sentences: summary.sentences.len(),
                flags: summary.flags,
                ticks,
            }),
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

    #[inline(never)]
    fn reject(&mut self, e: ErrorFrame) -> Result<Event, WireError> {
        self.send(&Message::Error(e))?;
        Ok(Event::Rejected(e))
    }
}

#[cfg(test)]
mod tests {
    use epitome::wire::{FrameReader, Hello};

    use super::*;
    use crate::protocol::MAX_FRAME;

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
                let mut session = Session::new(&mut out, &mut scratch, &mut summarizer, ());
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
        let mut n = stream(&[Message::Hello(Hello { max_frame: 64 })], &mut input);
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
        let mut n = stream(&[Message::Hello(Hello { max_frame: 64 })], &mut input);
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
        let mut session = Session::new(&mut tx, &mut scratch, &mut summarizer, ());
        let mut buf = [0u8; 512];
        let mut reader = FrameReader::new(&input[..n], &mut buf);
        let e = session.handle(reader.next_frame()).unwrap();
        assert_eq!(e, Event::Rejected(ErrorFrame { code: ErrorCode::TooLarge, article: 5 }));
    }
}
