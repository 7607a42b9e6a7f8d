//! Property tests: for arbitrary input the summarizer never panics, returns
//! valid ranges in text order within budget, and is deterministic.

use epitome::{Budget, DefaultSummarizer, MAX_CHOSEN, MAX_KEYWORDS, Options, Summarizer};
use proptest::prelude::*;

fn check(title: &str, body: &str, opts: &Options<'_>) {
    let mut s = Box::new(DefaultSummarizer::new());
    let a = s.summarize(title, body, opts).expect("inputs under 4 GiB always summarize");
    // Ranges are on char boundaries inside the body and match the text.
    let mut prev_end = 0u32;
    let mut chars = 0usize;
    for c in &a.sentences {
        assert!(c.span.start >= prev_end, "sentences out of order or overlapping");
        assert!(c.span.start < c.span.end);
        assert_eq!(c.span.slice(body), Some(c.text));
        assert!((1..=1000).contains(&c.score));
        prev_end = c.span.end;
        chars += c.text.chars().count();
    }
    match opts.budget {
        Budget::Sentences(n) => assert!(a.sentences.len() <= usize::from(n).min(MAX_CHOSEN)),
        Budget::Chars(m) => {
            let total = chars + a.sentences.len().saturating_sub(1);
            assert!(total <= m as usize, "{total} chars over budget {m}");
        }
    }
    assert!(a.keywords.len() <= usize::from(opts.keywords).min(MAX_KEYWORDS));
    for k in &a.keywords {
        assert!(!k.text.is_empty());
        let in_title = title.as_ptr() as usize <= k.text.as_ptr() as usize
            && k.text.as_ptr() as usize + k.text.len() <= title.as_ptr() as usize + title.len();
        let in_body = body.as_ptr() as usize <= k.text.as_ptr() as usize
            && k.text.as_ptr() as usize + k.text.len() <= body.as_ptr() as usize + body.len();
        assert!(in_title || in_body, "keyword does not borrow from the input");
    }
    // Deterministic, also on a reused workspace.
    let b = s.summarize(title, body, opts).expect("second run");
    assert_eq!(a, b);
    let mut fresh = Box::new(DefaultSummarizer::new());
    let c = fresh.summarize(title, body, opts).expect("fresh run");
    assert_eq!(a, c);
}

fn budget() -> impl Strategy<Value = Budget> {
    prop_oneof![(0u16..40).prop_map(Budget::Sentences), (0u32..2000).prop_map(Budget::Chars)]
}

/// Text made of news-like pieces, punctuation and odd Unicode.
fn newsish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("The ".to_owned()),
        Just("Mr. ".to_owned()),
        Just("U.S. ".to_owned()),
        Just("said. ".to_owned()),
        Just("“Quote,” ".to_owned()),
        Just("$1.2bn ".to_owned()),
        Just("\n".to_owned()),
        Just("\n\n".to_owned()),
        Just("- ".to_owned()),
        Just("… ".to_owned()),
        Just("Share on facebook\n".to_owned()),
        Just("Rodríguez ".to_owned()),
        Just("İ ".to_owned()),
        Just("date 2026-01-28 ".to_owned()),
        "[a-zA-Z]{1,12} ",
        "[.!?,;:'\"()\\-]{1,3}",
        any::<char>().prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(piece, 0..300).prop_map(|v| v.concat())
}

/// Sentences over a small vocabulary, so that terms recur across sentences
/// (centrality is not zero) and small term tables evict.
fn recurring_words() -> impl Strategy<Value = String> {
    const WORDS: &[&str] = &[
        "the", "a", "of", "and", "to", "in", "said", "on", "was", "for", "council", "bridge", "river", "minister",
        "budget", "plan", "vote", "city", "traffic", "Smith", "Jones", "London", "police", "report", "year", "cost",
        "workers", "strike", "talks", "union", "bank", "rates", "prices", "homes", "water", "storm", "coast", "flood",
        "school", "pupils", "teachers", "hospital", "doctors", "patients", "court", "judge", "trial", "prison",
    ];
    let word = prop::sample::select(WORDS);
    let sentence = (prop::collection::vec(word, 3..30), prop::sample::select(&[". ", "! ", "? ", ".\n\n", ", "][..]))
        .prop_map(|(w, end)| {
            let mut s = w.join(" ");
            s.push_str(end);
            s
        });
    prop::collection::vec(sentence, 0..60).prop_map(|v| v.concat())
}

/// Summaries from one workspace shape with pools of 0 (every sentence read
/// again), a few and many entries: all must be equal.
fn same_with_any_pool<const S: usize, const T: usize, const P: usize>(title: &str, body: &str, opts: &Options<'_>) {
    let (mut a, mut b, mut c) = (
        Box::new(Summarizer::<S, T, P, 0>::new()),
        Box::new(Summarizer::<S, T, P, 40>::new()),
        Box::new(Summarizer::<S, T, P, 4096>::new()),
    );
    let none = a.summarize(title, body, opts).expect("no pool");
    let some = b.summarize(title, body, opts).expect("small pool");
    let all = c.summarize(title, body, opts).expect("big pool");
    assert_eq!(none, some, "a small pool changed the summary");
    assert_eq!(none, all, "a big pool changed the summary");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// The slot pool (`W`) only makes scoring faster: with term tables small
    /// enough to evict, and with every budget, the answer is the same.
    #[test]
    fn the_slot_pool_never_changes_the_answer(body in recurring_words(), b in budget(), red in 0u16..512) {
        let opts = Options { budget: b, redundancy: red, ..Options::default() };
        same_with_any_pool::<160, 480, 96>("Council budget vote", &body, &opts);
        same_with_any_pool::<160, 16, 8>("Council budget vote", &body, &opts);
        same_with_any_pool::<20, 24, 8>("Council budget vote", &body, &opts);
        same_with_any_pool::<4, 8, 8>("", &body, &opts);
    }

    #[test]
    fn arbitrary_strings(title in ".{0,40}", body in ".{0,2000}", b in budget(), k in 0u8..40) {
        check(&title, &body, &Options { budget: b, keywords: k, ..Options::default() });
    }

    #[test]
    fn news_like_text(title in newsish(), body in newsish(), b in budget(), k in 0u8..20, red in 0u16..512) {
        check(&title, &body, &Options { budget: b, keywords: k, redundancy: red, ..Options::default() });
    }

    #[test]
    fn lossy_bytes(bytes in prop::collection::vec(any::<u8>(), 0..3000), b in budget()) {
        let body = String::from_utf8_lossy(&bytes);
        check("", &body, &Options { budget: b, ..Options::default() });
    }

    #[test]
    fn tiny_capacities(body in newsish(), b in budget()) {
        // The smallest legal workspace exercises every overflow path.
        let mut s = Summarizer::<1, 8, 8>::new();
        let r = s.summarize("t", &body, &Options { budget: b, ..Options::default() }).expect("summarize");
        prop_assert!(r.sentences.len() <= 1);
    }
}

#[test]
fn only_punctuation_and_huge_input() {
    check("", &"!?.…—“”".repeat(3000), &Options::default());
    let big = "The council approved the plan on Monday after a long debate. ".repeat(20_000);
    check("Plan", &big, &Options { budget: Budget::Sentences(5), ..Options::default() });
}
