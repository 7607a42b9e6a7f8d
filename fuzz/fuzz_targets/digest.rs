//! The multi-article digest fed arbitrary articles (the input split at
//! 0xFF bytes, lossy UTF-8) with small capacities so that every overflow path
//! is reached. Checks: the article count, at most `K` kept sentences, each
//! one the exact text of its span in its own article, ranked best first, no
//! sentence kept twice, keywords within bounds and ranked, the same result
//! when fed again in a fresh builder, and a digest message that frames and
//! decodes back to itself.
#![no_main]

use epitome::wire::{FrameWriter, Message, decode_frame};
use epitome::digest::DigestBuilder;
use epitome::{Options, Summarizer};
use libfuzzer_sys::fuzz_target;

const K: usize = 4;

fn build<'a>(arts: &[(&'a str, &'a str)], opts: &Options<'_>) -> DigestBuilder<'a, K, 8> {
    let mut s = Summarizer::<12, 32, 16>::new();
    let mut d = DigestBuilder::<K, 8>::new();
    for (i, (title, body)) in arts.iter().enumerate() {
        d.feed(i as u32 + 100, title, body, &mut s, opts).expect("inputs under 4 GiB always summarize");
    }
    d
}

fuzz_target!(|data: &[u8]| {
    let Some((head, rest)) = data.split_first_chunk::<2>() else { return };
    let opts = Options { budget: epitome::Budget::Sentences(u16::from(head[0] % 8)), keywords: head[1] % 20, ..Options::default() };
    let texts: Vec<String> = rest.split(|&b| b == 0xFF).take(12).map(|p| String::from_utf8_lossy(p).into_owned()).collect();
    let arts: Vec<(&str, &str)> = texts
        .iter()
        .map(|t| match t.split_once('\n') {
            Some((title, body)) => (title, body),
            None => ("", t.as_str()),
        })
        .collect();

    let d = build(&arts, &opts);
    assert_eq!(d.articles() as usize, arts.len());
    let kept: Vec<_> = d.sentences().copied().collect();
    assert!(kept.len() <= K);
    for (i, e) in kept.iter().enumerate() {
        let (_, body) = arts[(e.article - 100) as usize];
        assert_eq!(e.span.slice(body), Some(e.text));
        assert!(e.score <= 1000);
        if let Some(next) = kept.get(i + 1) {
            assert!(e.score >= next.score, "kept sentences are ranked best first");
        }
        assert!(kept[..i].iter().all(|o| o.text != e.text), "a sentence is kept once");
    }
    let kws: Vec<_> = d.keywords(usize::from(opts.keywords)).collect();
    assert!(kws.len() <= usize::from(opts.keywords).min(8));
    assert!(kws.windows(2).all(|w| w[0].score >= w[1].score && w[0].score <= 1000));

    // Deterministic.
    let again = build(&arts, &opts);
    assert_eq!(again.sentences().copied().collect::<Vec<_>>(), kept);

    // The digest message frames and decodes to itself (when it fits a frame).
    let msg = Message::MultiDigest(d.to_message(usize::from(opts.keywords)));
    let mut scratch = vec![0u8; 1 << 16];
    let mut out = vec![0u8; 1 << 17];
    if let Ok(n) = FrameWriter::new(&mut out[..], &mut scratch).send(&msg) {
        assert_eq!(decode_frame(&mut out[..n - 1]).expect("own frame decodes"), msg);
    }
});
