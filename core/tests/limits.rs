//! Capacity limits: what happens at, just over and far over each capacity.

use epitome::{Budget, DefaultSummarizer, Flags, MAX_CHOSEN, MAX_KEYWORDS, Options, Summarizer};

fn sentences(n: usize) -> String {
    (0..n).map(|i| format!("Sentence number {i} talks about topic{i} and the harbour bridge. ")).collect()
}

#[test]
fn sentence_capacity_at_and_over() {
    let mut s = Box::new(Summarizer::<8, 256, 32>::new());
    let at = sentences(8);
    let r = s.summarize("", &at, &Options::default()).expect("summarize");
    assert!(!r.flags.contains(Flags::SENTENCES_TRUNCATED));
    let over = sentences(9);
    let r = s.summarize("", &over, &Options::default()).expect("summarize");
    assert!(r.flags.contains(Flags::SENTENCES_TRUNCATED));
    // Sentences past the capacity are never chosen, but still counted.
    assert!(r.sentences.iter().all(|c| c.index < 8));
    assert_eq!(r.stats.sentences, 9);
    let far = sentences(5000);
    let r = s.summarize("", &far, &Options::default()).expect("summarize");
    assert!(r.flags.contains(Flags::SENTENCES_TRUNCATED));
    assert_eq!(r.stats.sentences, 5000);
}

#[test]
fn term_capacity_evicts_rare_terms_and_keeps_frequent_ones() {
    let mut s = Box::new(Summarizer::<64, 16, 16>::new());
    let text: String = (0..40).map(|i| format!("The harbour bridge opened with word{i} present. ")).collect();
    let r = s.summarize("", &text, &Options::default()).expect("summarize");
    assert!(r.flags.contains(Flags::TERMS_EVICTED));
    let kw: Vec<&str> = r.keywords.iter().map(|k| k.text).collect();
    assert!(kw.iter().any(|k| k.contains("harbour")), "{kw:?}");
    // Within capacity: no flag.
    let r = DefaultSummarizer::new().summarize("", &text, &Options::default()).expect("summarize");
    assert!(!r.flags.contains(Flags::TERMS_EVICTED));
}

#[test]
fn default_handles_a_16_kib_article() {
    // A 16 KiB article of news-length sentences (about 110 bytes each). Each sentence draws five
    // content words with different strides so that no two are near-duplicates of each other.
    let w = [
        "harbour",
        "bridge",
        "council",
        "ferry",
        "budget",
        "engineers",
        "residents",
        "tide",
        "quay",
        "vote",
        "mayor",
        "contract",
        "storm",
        "cranes",
        "fishermen",
        "tunnel",
        "schools",
        "tolls",
        "lighthouse",
        "railway",
    ];
    let body: String = (0..160)
        .map(|i| {
            let (a, b, c, d, e) = (
                w[i % 20],
                w[(i / 20 + i * 3 + 1) % 20],
                w[(i * 7 + 3) % 20],
                w[(i * 11 + 5) % 20],
                w[(i * 13 + 9) % 20],
            );
            format!("Officials said the {a} report on the {b} and {c} would reach the {d} before the {e} review {i}. ")
        })
        .collect();
    assert!(body.len() >= 16 * 1024, "{}", body.len());
    let r = DefaultSummarizer::new().summarize("Harbour bridge", &body, &Options::default()).expect("summarize");
    assert!(!r.flags.contains(Flags::SENTENCES_TRUNCATED));
    assert_eq!(r.sentences.len(), 3, "{:?}", r.sentences);
}

#[test]
fn budgets_are_clamped_and_flagged() {
    let body = sentences(60);
    let mut s = DefaultSummarizer::new();
    let r = s
        .summarize("", &body, &Options { budget: Budget::Sentences(MAX_CHOSEN as u16), ..Options::default() })
        .expect("ok");
    assert!(!r.flags.contains(Flags::BUDGET_CLAMPED));
    let r = s
        .summarize("", &body, &Options { budget: Budget::Sentences(MAX_CHOSEN as u16 + 1), ..Options::default() })
        .expect("ok");
    assert!(r.flags.contains(Flags::BUDGET_CLAMPED));
    assert!(r.sentences.len() <= MAX_CHOSEN);
    let r = s.summarize("", &body, &Options { keywords: MAX_KEYWORDS as u8 + 1, ..Options::default() }).expect("ok");
    assert!(r.flags.contains(Flags::KEYWORDS_CLAMPED));
    let r = s
        .summarize("", &body, &Options { budget: Budget::Sentences(0), keywords: 0, ..Options::default() })
        .expect("ok");
    assert!(r.sentences.is_empty() && r.keywords.is_empty());
}

#[test]
fn char_budget_prefers_what_fits() {
    let body = "A very long opening sentence about the harbour bridge vote that goes on and on for quite a while indeed. Short bridge note here today.";
    let mut s = DefaultSummarizer::new();
    let r =
        s.summarize("Harbour bridge", body, &Options { budget: Budget::Chars(40), ..Options::default() }).expect("ok");
    assert_eq!(r.sentences.len(), 1);
    assert_eq!(r.sentences[0].text, "Short bridge note here today.");
    let r =
        s.summarize("Harbour bridge", body, &Options { budget: Budget::Chars(5), ..Options::default() }).expect("ok");
    assert!(r.sentences.is_empty());
}

#[test]
fn long_sentences_and_words() {
    let mut s = DefaultSummarizer::new();
    let long_sentence = format!("{}.", "word ".repeat(200));
    let r = s.summarize("", &long_sentence, &Options::default()).expect("ok");
    assert!(r.sentences.is_empty(), "run-on sentences over 80 words are never chosen");
    let long_word = format!("The {} was long. The {} was long again today.", "x".repeat(500), "x".repeat(500));
    let r = s.summarize("", &long_word, &Options::default()).expect("ok");
    assert!(r.keywords.iter().all(|k| k.text.len() <= 255));
}
