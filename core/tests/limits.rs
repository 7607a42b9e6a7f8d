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

/// A sentence of exactly `n` words, every other one a function word (so it
/// reads as English prose to the language check).
fn sentence_of(n: usize, tag: &str) -> String {
    let mut s = String::from("The");
    for i in 1..n {
        if i % 2 == 0 {
            s.push_str(" and");
        } else {
            s.push_str(&format!(" {tag}{i}"));
        }
    }
    s.push('.');
    s
}

#[test]
fn sentence_length_bounds_are_inclusive() {
    let mut s = DefaultSummarizer::new();
    let opts = Options { budget: Budget::Sentences(1), ..Options::default() };
    for (n, chosen) in [(4, false), (5, true), (80, true), (81, false)] {
        let body = sentence_of(n, "harbour");
        assert_eq!(body.split(' ').count(), n);
        let r = s.summarize("", &body, &opts).expect("ok");
        assert_eq!(r.sentences.len(), usize::from(chosen), "{n} words");
    }
}

#[test]
fn keyphrases_are_at_most_three_words() {
    // A five-word name repeated in every sentence: shown as (part of) it, never longer than three words.
    let body: String = (0..6)
        .map(|i| format!("The Northern Harbour Bridge Restoration Trust met on day {i} to discuss repairs. "))
        .collect();
    let r = DefaultSummarizer::new().summarize("", &body, &Options::default()).expect("ok");
    assert!(!r.keywords.is_empty());
    for k in &r.keywords {
        assert!((1..=3).contains(&k.words), "{k:?}");
        assert!(k.text.split_whitespace().count() <= 3, "{k:?}");
    }
    assert!(r.keywords.iter().any(|k| k.words >= 2), "{:?}", r.keywords);
}

#[test]
fn phrase_capacity_at_and_over() {
    // Capitalized two-word names, each in two sentences.
    let names = |n: usize| -> String {
        (0..n).flat_map(|i| [i, i]).map(|i| format!("Then Quorn{i} Vantly{i} spoke. ")).collect()
    };
    let mut small = Box::new(Summarizer::<160, 480, 32>::new());
    let (few, many) = (names(4), names(40));
    let r = small.summarize("", &few, &Options::default()).expect("ok");
    assert!(!r.flags.contains(Flags::PHRASES_EVICTED), "4 names fit 32 slots");
    let r = small.summarize("", &many, &Options::default()).expect("ok");
    assert!(r.flags.contains(Flags::PHRASES_EVICTED), "40 repeated names cannot fit 32 slots");
    // Keywords still come out, and the flag is reported rather than an error.
    assert!(!r.keywords.is_empty());
}

#[test]
fn digest_keyword_capacity_at_and_over() {
    use epitome::digest::DigestBuilder;
    let texts: Vec<String> = (0..6)
        .map(|i| {
            format!(
                "The Zelk{i} plant opened. Workers at the Zelk{i} plant cheered the Zelk{i} owners. Zelk{i} grew fast."
            )
        })
        .collect();
    let mut s = Box::new(DefaultSummarizer::new());
    let opts = Options { keywords: 2, ..Options::default() };
    // Two keywords per article, six articles: 12 distinct words over W = 4.
    let mut small = DigestBuilder::<4, 4>::new();
    let mut big = DigestBuilder::<4, 48>::new();
    for (i, t) in texts.iter().enumerate() {
        small.feed(i as u32, "", t, &mut s, &opts).expect("ok");
        big.feed(i as u32, "", t, &mut s, &opts).expect("ok");
    }
    assert!(small.flags().contains(Flags::PHRASES_EVICTED));
    assert_eq!(small.keywords(10).count(), 4);
    assert!(!big.flags().contains(Flags::PHRASES_EVICTED));
    assert!(big.keywords(48).count() > 4);
    // K: at most four sentences kept, best first.
    let kept: Vec<u32> = small.sentences().map(|e| e.score).collect();
    assert!(kept.len() <= 4 && kept.windows(2).all(|w| w[0] >= w[1]), "{kept:?}");
}

/// Ten sentences of six content words each (one stopword keeps them
/// English): 60 slot-pool entries.
fn sixty_pool_entries() -> String {
    (0..10).map(|i| format!("The harbour bridge council ferry budget vote{i}. ")).collect()
}

fn with_pool<const W: usize>(body: &str) -> epitome::Summary<'_> {
    // Boxed: a big pool would not fit a test thread's stack.
    let mut s = Box::new(Summarizer::<160, 480, 96, W>::new());
    s.summarize("Harbour vote", body, &Options { budget: Budget::Sentences(4), ..Options::default() })
        .expect("summarize")
}

#[test]
fn slot_pool_at_and_over_capacity_gives_the_same_summary() {
    // Past `W` the later sentences are read again to be scored: slower,
    // never different, and not flagged (nothing is lost).
    let body = sixty_pool_entries();
    let reference = with_pool::<0>(&body);
    assert_eq!(reference.sentences.len(), 4);
    assert!(reference.flags.is_empty());
    assert_eq!(with_pool::<6>(&body), reference); // one sentence fits
    assert_eq!(with_pool::<59>(&body), reference); // just under: the last sentence does not fit
    assert_eq!(with_pool::<60>(&body), reference); // exactly full
    assert_eq!(with_pool::<61>(&body), reference);
    assert_eq!(with_pool::<4096>(&body), reference);
}
