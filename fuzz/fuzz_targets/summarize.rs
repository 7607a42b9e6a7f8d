//! `summarize` on arbitrary bytes (lossy UTF-8) with arbitrary options,
//! checking the documented invariants, not just the absence of a crash, and
//! that the slot pool never changes the answer.
#![no_main]

use epitome::{Budget, MAX_CHOSEN, MAX_KEYWORDS, Options, Summarizer};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((head, rest)) = data.split_first_chunk::<6>() else { return };
    let budget = if head[0] & 1 == 0 {
        Budget::Sentences(u16::from(head[1]))
    } else {
        Budget::Chars(u32::from(u16::from_le_bytes([head[1], head[2]])))
    };
    let opts = Options { budget, keywords: head[3], redundancy: u16::from(head[4]) * 2, ..Options::default() };
    let text = String::from_utf8_lossy(rest);
    let split = usize::from(head[5]).min(text.len());
    let split = (0..=split).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
    let (title, body) = text.split_at(split);

    // Small capacities reach every overflow path quickly.
    let mut small = Summarizer::<4, 16, 8>::new();
    let mut big = Box::new(epitome::DefaultSummarizer::new());
    for r in [small.summarize(title, body, &opts), big.summarize(title, body, &opts)] {
        let s = r.expect("inputs under 4 GiB always summarize");
        let mut prev = 0u32;
        let mut chars = 0usize;
        for c in &s.sentences {
            assert!(c.span.start >= prev && c.span.start < c.span.end);
            assert_eq!(c.span.slice(body), Some(c.text));
            prev = c.span.end;
            chars += c.text.chars().count();
        }
        match budget {
            Budget::Sentences(n) => assert!(s.sentences.len() <= usize::from(n).min(MAX_CHOSEN)),
            Budget::Chars(m) => assert!(chars + s.sentences.len().saturating_sub(1) <= m as usize),
        }
        assert!(s.keywords.len() <= usize::from(opts.keywords).min(MAX_KEYWORDS));
    }
    // Deterministic on a reused workspace.
    let a = big.summarize(title, body, &opts).ok();
    let b = big.summarize(title, body, &opts).ok();
    assert_eq!(a, b);
    // The slot pool only saves work: without it (every sentence read again
    // to be scored) the answer is the same, also with evicting tables.
    let mut no_pool = Box::new(Summarizer::<160, 480, 96, 0>::new());
    assert_eq!(no_pool.summarize(title, body, &opts).ok(), a);
    let mut small_no_pool = Summarizer::<4, 16, 8, 0>::new();
    assert_eq!(small_no_pool.summarize(title, body, &opts).ok(), small.summarize(title, body, &opts).ok());
});
