//! The wire format end to end: round trips, pinned encoding, corruption,
//! resynchronisation, bundles and the multi-article digest on the seeds.

use std::path::PathBuf;

use epitome::digest::{DefaultDigestBuilder, DigestBuilder};
use epitome::wire::{
    Article, Bundle, BundleWriter, Digest, DigestKeyword, ErrorCode, ErrorFrame, FRAME_VERSION, FrameReader,
    FrameWriter, Hello, Message, MultiDigest, MultiSentence, WireError, decode_frame, encode_payload, write_bundle,
};
use epitome::{Budget, DefaultSummarizer, Language, LanguageSet, Options, Span};

mod shared;

const ARTICLE: Article<'static> = Article {
    id: 42,
    title: "Bridge opens",
    source: "Gazette",
    published: "2026-01-28",
    lang: "en",
    body: "The new bridge opened on Monday. Traffic was light.",
};

/// One framed message (with its trailing delimiter).
fn frame(msg: &Message<'_>) -> Vec<u8> {
    let mut scratch = vec![0u8; 64 * 1024];
    let mut out = vec![0u8; 64 * 1024];
    let n = FrameWriter::new(&mut out[..], &mut scratch).send(msg).unwrap();
    out.truncate(n);
    out
}

/// Every frame of `stream` as `Ok(message bytes re-encoded)` or `Err`.
fn read_all(stream: &[u8], buf_len: usize) -> Vec<Result<Vec<u8>, WireError>> {
    let mut buf = vec![0u8; buf_len];
    let mut r = FrameReader::new(stream, &mut buf);
    let mut out = Vec::new();
    loop {
        match r.next_frame() {
            Ok(None) => return out,
            Ok(Some(m)) => out.push(Ok(frame(&m))),
            Err(e) => out.push(Err(e)),
        }
        assert!(out.len() <= stream.len() + 1, "reader does not make progress");
    }
}

fn digest() -> Digest<'static> {
    let mut d = Digest { article: 42, flags: 3, ..Digest::default() };
    d.sentences
        .push(epitome::wire::DigestSentence {
            text: "The new bridge opened on Monday.",
            span: Span::new(0, 32),
            score: 1000,
            index: 0,
        })
        .unwrap();
    d.keywords.push(DigestKeyword { text: "bridge", score: 1000 }).unwrap();
    d.keywords.push(DigestKeyword { text: "Monday", score: 310 }).unwrap();
    d
}

fn multi() -> MultiDigest<'static> {
    let mut d = MultiDigest { articles: 5, flags: 0x10, ..MultiDigest::default() };
    for (i, t) in ["Ünïcode — text “quoted”.", "Second."].iter().enumerate() {
        d.sentences
            .push(MultiSentence {
                article: i as u32 * 7,
                text: t,
                span: Span::new(3, 3 + t.len()),
                score: 999,
                index: 2,
            })
            .unwrap();
    }
    d.keywords.push(DigestKeyword { text: "CIA", score: 1000 }).unwrap();
    d
}

fn all_messages() -> Vec<Message<'static>> {
    vec![
        Message::Hello(Hello { max_frame: 4096, languages: LanguageSet::COMPILED }),
        Message::Article(ARTICLE),
        Message::Article(Article::default()),
        Message::Digest(digest()),
        Message::Digest(Digest::default()),
        Message::MultiDigest(multi()),
        Message::Error(ErrorFrame { code: ErrorCode::BadCrc, article: u32::MAX }),
        Message::Error(ErrorFrame { code: ErrorCode::Other, article: 0 }),
    ]
}

#[test]
fn every_message_round_trips_through_postcard_and_frames() {
    for msg in all_messages() {
        let mut buf = [0u8; 1024];
        let bytes = postcard::to_slice(&msg, &mut buf).unwrap();
        let back: Message<'_> = postcard::from_bytes(bytes).unwrap();
        assert_eq!(back, msg);

        let mut f = frame(&msg);
        assert_eq!(f.pop(), Some(0));
        assert!(!f.contains(&0));
        assert_eq!(decode_frame(&mut f).unwrap(), msg);
    }
    // The parts on their own too.
    let mut buf = [0u8; 1024];
    let b = postcard::to_slice(&digest(), &mut buf).unwrap();
    assert_eq!(postcard::from_bytes::<Digest<'_>>(b).unwrap(), digest());
    let b = postcard::to_slice(&ARTICLE, &mut buf).unwrap();
    let a: Article<'_> = postcard::from_bytes(b).unwrap();
    assert_eq!(a, ARTICLE);
}

#[test]
fn decoded_text_borrows_the_input() {
    let mut f = frame(&Message::Article(ARTICLE));
    f.pop();
    let range = f.as_ptr_range();
    let Message::Article(a) = decode_frame(&mut f).unwrap() else { panic!("not an article") };
    assert!(range.contains(&a.body.as_ptr()), "body was copied");
}

/// A format change must be deliberate: update these bytes (and the version) on purpose.
#[test]
fn golden_bytes_of_a_fixed_article() {
    let mut buf = [0u8; 256];
    let bytes = postcard::to_slice(&ARTICLE, &mut buf).unwrap();
    assert_eq!(
        hex(bytes),
        "2a0c427269646765206f70656e730747617a657474650a323032362d30312d323802656e3354686520\
         6e657720627269646765206f70656e6564206f6e204d6f6e6461792e205472616666696320776173206c\
         696768742e"
    );
    let f = frame(&Message::Article(ARTICLE));
    assert_eq!(
        hex(&f),
        // COBS code (one 94-byte block), version 0xE2, variant 1 (Article), the
        // article as above, CRC-32 (zlib's) little-endian, delimiter.
        "5fe2012a0c427269646765206f70656e730747617a657474650a323032362d30312d323802656e3354686520\
         6e657720627269646765206f70656e6564206f6e204d6f6e6461792e205472616666696320776173206c\
         696768742e2dd639de00"
    );
}

/// `Hello` in version 2: the receive buffer, then the languages' bits, both varints.
#[test]
fn golden_bytes_of_a_hello() {
    let hello = Hello { max_frame: 2048, languages: LanguageSet::of(&[Language::English, Language::French]) };
    let mut buf = [0u8; 16];
    // variant 0 (Hello), 2048 as a varint (80 10), the bits 0b11.
    assert_eq!(hex(postcard::to_slice(&Message::Hello(hello), &mut buf).unwrap()), "00801003");
    let mut f = frame(&Message::Hello(hello));
    f.pop();
    assert_eq!(decode_frame(&mut f), Ok(Message::Hello(hello)));
    // A newer peer's language (bit 31) survives the round trip.
    let future = Hello { max_frame: 1, languages: LanguageSet::from_bits(1 << 31 | 1) };
    let mut f = frame(&Message::Hello(future));
    f.pop();
    assert_eq!(decode_frame(&mut f), Ok(Message::Hello(future)));
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

#[test]
fn frame_starts_with_the_version_byte() {
    let mut buf = [0u8; 256];
    let raw = encode_payload(&Message::Article(ARTICLE), &mut buf).unwrap();
    assert_eq!(raw[0], FRAME_VERSION);
    let mut wrong = frame(&Message::Article(ARTICLE));
    wrong.pop();
    wrong[1] = FRAME_VERSION + 1; // a future version
    assert_eq!(decode_frame(&mut wrong), Err(WireError::BadVersion));
}

/// Frames small enough that every flip can be tried: one with zeros in the
/// payload (multi-block COBS), one without.
fn small_frames() -> Vec<Message<'static>> {
    vec![
        Message::Article(Article { id: 0, title: "", source: "", published: "", lang: "", body: "abc" }),
        Message::Article(ARTICLE),
        Message::Error(ErrorFrame { code: ErrorCode::Decode, article: 0 }),
    ]
}

#[test]
fn every_single_byte_flip_is_an_error_and_the_next_frame_survives() {
    let next = frame(&Message::Hello(Hello { max_frame: 777, languages: LanguageSet::of(&[Language::English]) }));
    for msg in small_frames() {
        let good = frame(&msg);
        let body_len = good.len() - 1; // the delimiter itself is not flipped
        for pos in 0..body_len {
            for x in 1..=255u8 {
                let mut bad = good.clone();
                bad[pos] ^= x;
                let mut stream = bad.clone();
                stream.extend_from_slice(&next);
                let got = read_all(&stream, 512);
                let (last, before) = got.split_last().unwrap();
                assert_eq!(last.as_ref().ok(), Some(&next), "frame after flip {pos}^{x:#x} lost");
                // A flip to 0x00 splits the frame in two: both parts are errors.
                assert!(!before.is_empty() && before.len() <= 2, "flip {pos}^{x:#x}: {before:?}");
                assert!(before.iter().all(Result::is_err), "flip {pos}^{x:#x} decoded: {before:?}");
            }
        }
    }
}

#[test]
fn every_truncation_is_an_error_and_the_next_frame_survives() {
    let next = frame(&Message::Hello(Hello { max_frame: 777, languages: LanguageSet::of(&[Language::English]) }));
    for msg in small_frames() {
        let good = frame(&msg);
        for cut in 1..good.len() - 1 {
            // Cut short, then the delimiter (the sender gave up mid-frame).
            let mut stream = good[..cut].to_vec();
            stream.push(0);
            stream.extend_from_slice(&next);
            let got = read_all(&stream, 512);
            assert_eq!(got.len(), 2, "cut {cut}: {got:?}");
            assert!(got[0].is_err(), "cut {cut} decoded");
            assert_eq!(got[1].as_ref().ok(), Some(&next), "frame after cut {cut} lost");
            // Cut short at the end of the stream.
            let got = read_all(&good[..cut], 512);
            assert_eq!(got, vec![Err(WireError::Truncated)], "end-of-stream cut {cut}");
        }
    }
}

/// A reader that hands out at most `chunk` bytes per call, like a UART driver.
struct Chunked<'a> {
    data: &'a [u8],
    chunk: usize,
}

impl embedded_io::ErrorType for Chunked<'_> {
    type Error = core::convert::Infallible;
}

impl embedded_io::Read for Chunked<'_> {
    fn read(&mut self, buf: &mut [u8]) -> Result<usize, Self::Error> {
        let n = self.data.len().min(buf.len()).min(self.chunk);
        buf[..n].copy_from_slice(&self.data[..n]);
        self.data = &self.data[n..];
        Ok(n)
    }
}

#[test]
fn mixed_good_corrupt_and_oversize_stream_loses_no_good_frame() {
    let long_body = "x".repeat(3000);
    let oversize = Message::Article(Article { id: 9, body: &long_body, ..Article::default() });
    let mut stream = Vec::new();
    let mut expected = Vec::new();
    let mut rng = 0x2545_f491u32;
    let mut next = || {
        rng ^= rng << 13;
        rng ^= rng >> 17;
        rng ^= rng << 5;
        rng
    };
    let goods = all_messages();
    let mut bad_frames = 0;
    for i in 0..200 {
        let good = &goods[i % goods.len()];
        match next() % 5 {
            0 => {
                stream.extend(frame(&oversize));
                bad_frames += 1;
            }
            1 => {
                let mut f = frame(good);
                let pos = next() as usize % (f.len() - 1);
                f[pos] ^= 1 + (next() % 255) as u8;
                stream.extend(f);
                bad_frames += 1;
            }
            2 => {
                // Line noise between frames, ending in a delimiter.
                stream.extend([0x13, 0x37, 0xff, 0x00]);
                bad_frames += 1;
            }
            _ => {}
        }
        if next() % 7 == 0 {
            stream.extend([0, 0]); // idle delimiters are ignored
        }
        stream.extend(frame(good));
        expected.push(frame(good));
    }
    for chunk in [1, 3, 64, 4096] {
        let mut buf = [0u8; 1024];
        let mut r = FrameReader::new(Chunked { data: &stream, chunk }, &mut buf);
        let (mut got, mut errors, mut oversize_seen) = (Vec::new(), 0, 0);
        loop {
            match r.next_frame() {
                Ok(None) => break,
                Ok(Some(m)) => got.push(frame(&m)),
                Err(e) => {
                    errors += 1;
                    if e == WireError::Oversize {
                        oversize_seen += 1;
                    }
                }
            }
        }
        assert_eq!(got, expected, "chunk {chunk}: good frames lost or altered");
        // An oversize frame is one error, not a burst of garbage frames.
        assert!(errors <= bad_frames * 2, "chunk {chunk}: {errors} errors for {bad_frames} bad frames");
        assert!(oversize_seen > 0);
    }
}

#[test]
fn reader_handles_exact_fit_and_tiny_buffers() {
    let f = frame(&Message::Article(ARTICLE));
    // The frame without its delimiter fills the buffer exactly.
    assert_eq!(read_all(&f, f.len() - 1).len(), 1);
    assert_eq!(read_all(&f, f.len() - 1)[0].as_ref().ok(), Some(&f));
    assert_eq!(read_all(&f, f.len() - 2), vec![Err(WireError::Oversize)]);
    assert_eq!(read_all(&f, 1), vec![Err(WireError::Oversize)]);
    let mut empty: [u8; 0] = [];
    assert_eq!(FrameReader::new(&f[..], &mut empty).next_frame(), Err(WireError::BufferTooSmall));
}

#[test]
fn writer_reports_small_scratch_and_full_output() {
    let mut scratch = [0u8; 10];
    let mut out = [0u8; 512];
    assert_eq!(
        FrameWriter::new(&mut out[..], &mut scratch).send(&Message::Article(ARTICLE)),
        Err(WireError::BufferTooSmall)
    );
    let mut scratch = [0u8; 512];
    let mut out = [0u8; 20];
    assert_eq!(FrameWriter::new(&mut out[..], &mut scratch).send(&Message::Article(ARTICLE)), Err(WireError::Io));
}

// ---- bundles ----

fn articles() -> Vec<Article<'static>> {
    vec![
        ARTICLE,
        Article { id: 7, title: "Zero", ..Article::default() },
        Article {
            id: 8,
            title: "Ünïcode “quotes”",
            source: "Le Monde",
            lang: "fr",
            body: "Été.\n\nÀ bientôt.",
            ..Article::default()
        },
    ]
}

#[test]
fn bundle_round_trips_and_ignores_trailing_bytes() {
    let arts = articles();
    let mut buf = vec![0xAAu8; 4096];
    let n = write_bundle(&arts, &mut buf).unwrap();
    let b = Bundle::from_bytes(&buf).unwrap(); // with trailing 0xAA padding
    assert_eq!(b.as_bytes().len(), n);
    assert_eq!(b.len(), 3);
    assert_eq!(b.iter().collect::<Vec<_>>(), arts);
    assert_eq!(b.iter().len(), 3);
    assert_eq!(b.get(2), Some(arts[2]));
    assert_eq!(b.get(3), None);
    assert_eq!(b.get(usize::MAX), None);
    // Zero copy: texts point into the bundle.
    let range = buf.as_ptr_range();
    assert!(b.iter().all(|a| range.contains(&a.title.as_ptr()) || a.title.is_empty()));
    assert_eq!(&buf[..5], b"EPTB\x01");

    let mut small = [0u8; 16];
    let n = write_bundle(&[], &mut small[..]).unwrap_or(0);
    assert_eq!(n, 0, "an empty bundle needs 20 bytes");
    let mut buf = [0u8; 20];
    let n = write_bundle(&[], &mut buf).unwrap();
    assert!(Bundle::from_bytes(&buf[..n]).unwrap().is_empty());
}

#[test]
fn bundle_writer_checks_count_and_space() {
    let mut buf = [0u8; 4096];
    let mut w = BundleWriter::new(&mut buf, 2).unwrap();
    w.push(&ARTICLE).unwrap();
    assert_eq!(w.finish().err(), Some(WireError::WrongCount));
    let mut w = BundleWriter::new(&mut buf, 1).unwrap();
    w.push(&ARTICLE).unwrap();
    assert_eq!(w.push(&ARTICLE), Err(WireError::WrongCount));
    let mut tiny = [0u8; 40];
    let mut w = BundleWriter::new(&mut tiny, 1).unwrap();
    assert_eq!(w.push(&ARTICLE), Err(WireError::BufferTooSmall));
    assert_eq!(BundleWriter::new(&mut tiny, u32::MAX).err(), Some(WireError::BufferTooSmall));
}

#[test]
fn every_bundle_corruption_and_truncation_is_rejected() {
    let arts = articles();
    let mut buf = vec![0u8; 4096];
    let n = write_bundle(&arts, &mut buf).unwrap();
    let good = buf[..n].to_vec();
    for cut in 0..n {
        assert!(Bundle::from_bytes(&good[..cut]).is_err(), "truncated to {cut} accepted");
    }
    for pos in 0..n {
        if (5..8).contains(&pos) {
            continue; // reserved bytes are not checked
        }
        for x in [0x01u8, 0x80, 0xff] {
            let mut bad = good.clone();
            bad[pos] ^= x;
            assert!(Bundle::from_bytes(&bad).is_err(), "flip {pos}^{x:#x} accepted");
        }
    }
    let mut v2 = good.clone();
    v2[4] = 2;
    assert_eq!(Bundle::from_bytes(&v2), Err(WireError::BadVersion));
    assert_eq!(Bundle::from_bytes(b"PK\x03\x04 not a bundle at all"), Err(WireError::BadVersion));
}

// ---- the seeds ----

fn seed_dir() -> PathBuf {
    shared::path("corpus/seeds")
}

/// (title, body) of each seed, title = first non-empty line.
fn seed_texts(dir: &PathBuf) -> Vec<(String, String)> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    paths.sort();
    paths
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| {
            let text = std::fs::read_to_string(p).unwrap();
            let text = text.trim_start();
            let (t, b) = text.split_once('\n').unwrap_or((text, ""));
            (t.trim().to_owned(), b.to_owned())
        })
        .collect()
}

#[test]
#[ignore = "needs ../shared"]
fn seeds_bundle_round_trip_gives_identical_text() {
    let dir = seed_dir();
    let texts = seed_texts(&dir);
    assert_eq!(texts.len(), 5);
    let arts: Vec<Article<'_>> = texts
        .iter()
        .enumerate()
        .map(|(i, (t, b))| Article {
            id: i as u32,
            title: t,
            source: "seed",
            lang: "en",
            body: b,
            ..Article::default()
        })
        .collect();
    let mut buf = vec![0u8; 64 * 1024];
    let n = write_bundle(&arts, &mut buf).unwrap();
    let bundle = Bundle::from_bytes(&buf[..n]).unwrap();
    for (a, (t, b)) in bundle.iter().zip(&texts) {
        assert_eq!(a.title, t);
        assert_eq!(a.body, b);
    }
    // And through frames, one article per frame.
    let mut stream = Vec::new();
    for a in &arts {
        stream.extend(frame(&Message::Article(*a)));
    }
    let mut rbuf = vec![0u8; 16 * 1024];
    let mut r = FrameReader::new(&stream[..], &mut rbuf);
    for (t, b) in &texts {
        let Some(Message::Article(a)) = r.next_frame().unwrap() else { panic!("expected an article") };
        assert_eq!((a.title, a.body), (t.as_str(), b.as_str()));
    }
    assert_eq!(r.next_frame(), Ok(None));
}

/// No two entries are near-duplicates by the rule the builder and the
/// summarizer share (signatures nominate, distinct terms confirm).
fn assert_no_repeats(entries: &[epitome::digest::DigestEntry<'_>]) {
    use epitome::near_duplicate::{is_near_duplicate, term_set};
    for (i, a) in entries.iter().enumerate() {
        for b in &entries[i + 1..] {
            let repeat = is_near_duplicate(
                a.signature,
                b.signature,
                || term_set(a.text, a.language),
                || term_set(b.text, b.language),
            );
            assert!(!repeat, "near-duplicates kept:\n  {}\n  {}", a.text, b.text);
            assert_ne!(a.text.split_whitespace().collect::<Vec<_>>(), b.text.split_whitespace().collect::<Vec<_>>());
        }
    }
}

const QUOTE: &str = "State plants the flag but CIA is really the influence";

#[test]
#[ignore = "needs ../shared"]
fn seeds_digest_says_nothing_twice() {
    let dir = seed_dir();
    let texts = seed_texts(&dir);
    let in_seeds = texts.iter().filter(|(_, b)| b.contains(QUOTE)).count();
    assert_eq!(in_seeds, 2, "the seed quote should appear in two seeds");
    let mut s = DefaultSummarizer::new();
    // Each article offers up to 32 sentences; both quoting seeds must offer the quote.
    let opts = Options { budget: Budget::Sentences(32), ..Options::default() };
    for (t, b) in texts.iter().filter(|(_, b)| b.contains(QUOTE)) {
        let offered = s.summarize(t, b, &opts).unwrap().sentences.iter().any(|c| c.text.contains(QUOTE));
        assert!(offered, "precondition: the summarizer no longer chooses the quote in {t:?}");
    }
    // Room for every offered sentence: only near-duplicates are dropped, so
    // the quote must be there exactly once.
    let mut big: Box<DigestBuilder<'_, 256, 64>> = Box::new(DigestBuilder::new());
    for (i, (t, b)) in texts.iter().enumerate() {
        big.feed(i as u32, t, b, &mut s, &opts).unwrap();
    }
    assert_eq!(big.sentences().filter(|e| e.text.contains(QUOTE)).count(), 1, "quote kept twice or never");
    // A small digest keeps the best 16: still no repeats.
    let mut d: DigestBuilder<'_, 16, 48> = DigestBuilder::new();
    for (i, (t, b)) in texts.iter().enumerate() {
        d.feed(i as u32, t, b, &mut s, &opts).unwrap();
    }
    let kept: Vec<_> = d.sentences().copied().collect();
    assert_eq!(kept.len(), 16);
    assert!(kept.iter().filter(|e| e.text.contains(QUOTE)).count() <= 1);
    let all: Vec<_> = big.sentences().copied().collect();
    assert_no_repeats(&all);
    assert_no_repeats(&kept);
    for a in &kept {
        // Attribution: the text really is in that article, at that span.
        assert_eq!(a.span.slice(&texts[a.article as usize].1), Some(a.text));
    }
    // Several outlets contribute, best first.
    assert!(kept.windows(2).all(|w| w[0].score >= w[1].score));
    let outlets: std::collections::BTreeSet<u32> = kept.iter().map(|e| e.article).collect();
    assert!(outlets.len() >= 3, "{outlets:?}");
    // Corpus keywords: the story's names, merged across outlets.
    let kw: Vec<&str> = d.keywords(10).map(|k| k.text).collect();
    assert!(kw.iter().any(|k| k.eq_ignore_ascii_case("CIA")), "{kw:?}");
    assert!(kw.iter().any(|k| k.contains("Venezuela")), "{kw:?}");
    let lower: std::collections::BTreeSet<String> = kw.iter().map(|k| k.to_lowercase()).collect();
    assert_eq!(lower.len(), kw.len(), "keyword repeated: {kw:?}");

    // The message form round-trips.
    let msg = Message::MultiDigest(d.to_message(10));
    let mut f = frame(&msg);
    f.pop();
    assert_eq!(decode_frame(&mut f).unwrap(), msg);
}

#[test]
fn digest_memory_is_fixed() {
    // The documented size of the default builder on x86-64 (smaller on 32-bit targets).
    assert!(std::mem::size_of::<DefaultDigestBuilder<'static>>() <= 2048);
}
