//! Property tests for the wire format: arbitrary bytes never panic the
//! decoders, any article round-trips, and the digest is deterministic and
//! fixed in size whatever is fed.

use epitome::digest::DigestBuilder;
use epitome::wire::{Article, Bundle, FrameReader, FrameWriter, Message, decode_frame, write_bundle};
use epitome::{Budget, DefaultSummarizer, Options};
use proptest::prelude::*;

fn article_strategy() -> impl Strategy<Value = (u32, [String; 5])> {
    (any::<u32>(), [".{0,20}", ".{0,12}", ".{0,12}", ".{0,5}", "(?s).{0,300}"])
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600), buf_len in 0usize..300) {
        let mut copy = bytes.clone();
        let _ = decode_frame(&mut copy);
        let _ = Bundle::from_bytes(&bytes).map(|b| b.iter().count());
        let mut buf = vec![0u8; buf_len];
        let mut r = FrameReader::new(&bytes[..], &mut buf);
        // Terminates: every call consumes input or reports the end.
        for _ in 0..=bytes.len() + 1 {
            if let Ok(None) = r.next_frame() {
                break;
            }
        }
    }

    #[test]
    fn any_article_round_trips((id, [title, source, published, lang, body]) in article_strategy()) {
        let a = Article { id, title: &title, source: &source, published: &published, lang: &lang, body: &body };
        let mut scratch = vec![0u8; 4096];
        let mut stream = vec![0u8; 4096];
        let n = FrameWriter::new(&mut stream[..], &mut scratch).send(&Message::Article(a)).unwrap();
        let mut buf = vec![0u8; 4096];
        let mut r = FrameReader::new(&stream[..n], &mut buf);
        prop_assert_eq!(r.next_frame().unwrap(), Some(Message::Article(a)));
        let mut out = vec![0u8; 4096];
        let len = write_bundle(&[a, a], &mut out).unwrap();
        let b = Bundle::from_bytes(&out[..len]).unwrap();
        prop_assert_eq!(b.get(1), Some(a));
    }

    #[test]
    fn digest_is_deterministic_and_bounded(bodies in proptest::collection::vec("(?s)[A-Za-z .,\"\n]{0,400}", 0..12)) {
        let opts = Options { budget: Budget::Sentences(4), ..Options::default() };
        let run = || {
            let mut s = Box::new(DefaultSummarizer::new());
            let mut d: DigestBuilder<'_, 5, 8> = DigestBuilder::new();
            for (i, b) in bodies.iter().enumerate() {
                d.feed(i as u32, "", b, &mut s, &opts).unwrap();
            }
            d.to_message(16)
        };
        let m = run();
        prop_assert_eq!(&m, &run());
        prop_assert!(m.sentences.len() <= 5);
        prop_assert!(m.keywords.len() <= 8);
        prop_assert_eq!(m.articles as usize, bodies.len());
        for s in &m.sentences {
            prop_assert_eq!(s.span.slice(&bodies[s.article as usize]), Some(s.text));
        }
    }
}
