//! Fast paths against naive references (as memchr checks its own): the
//! tokenizer's ASCII runs and early exits against a char-at-a-time reading
//! of its rules, the one-pass `Words` against tokenizing and then folding,
//! term keys (fold, stopword test, stem, hash) against a char-at-a-time
//! fold, a binary search of the stopword list and a plain FNV-1a, and the
//! term table against exact counts.

use std::collections::HashMap;

use epitome::normalize::{Folded, term_key};
use epitome::stopwords::{ENGLISH, NAME_CONNECTORS, is_name_connector, is_stopword};
use epitome::terms::{TermTable, WAYS};
use epitome::tokenize::{Token, Tokens, Words};
use proptest::prelude::*;

mod reference;
use reference::{naive_fnv1a, naive_fold, naive_term_key, naive_tokens};

// ---- tokenizer ------------------------------------------------------------

/// Text that exercises every branch: ASCII words and separators, the
/// in-word punctuation, hyphens, non-ASCII letters, digits and separators.
fn texty() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9 .,'’\\-‐‑éÉßŁΩ日٣—“”…\n\t$%:!?]{0,80}",
        "([A-Za-z]{1,3}[.,'’\\-]?){0,30}",
        "([0-9]{1,3}[.,]?|[a-z]\\.){0,30}",
        any::<String>(),
    ]
}

/// News-like text: words (ASCII of every length up to past the fold
/// buffer, with either apostrophe, non-ASCII letters, numbers, dotted
/// abbreviations) glued by what news puts between and after them (curly
/// quotes, dashes, ellipses, `.”`, no-break spaces, hyphens), so that every
/// way an ASCII word can stop meets every way the next one starts.
fn newsy() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        "[a-z]{1,8}",
        "[A-Z][a-z]{0,12}",
        "[A-Za-z0-9]{25,40}",
        "[a-zA-Z]{1,6}['’][a-zA-Z]{1,4}",
        "[a-z]{1,5}['’]",
        "[0-9]{1,4}([.,][0-9]{1,3})?[a-z]{0,2}",
        "[0-9]{1,4}['’]s",
        "([A-Za-z]\\.){1,3}",
        "[a-zA-Z]{0,4}[éíáäßŁΩ日][a-z]{0,4}",
        Just("Venezuela’s".to_owned()),
        Just("don't".to_owned()),
    ];
    let glue = prop_oneof![
        Just(" "),
        Just(", "),
        Just(". "),
        Just(".\n"),
        Just(".” "),
        Just(",” "),
        Just("” "),
        Just(" “"),
        Just("’ "),
        Just("' "),
        Just("'"),
        Just("’"),
        Just("."),
        Just(","),
        Just("-"),
        Just("‐"),
        Just("‑"),
        Just(" - "),
        Just("—"),
        Just(" – "),
        Just("…"),
        Just("\u{a0}"),
        Just("\u{2009}"),
        Just("\u{203a}"),
        Just(""),
    ];
    proptest::collection::vec((word, glue), 0..12)
        .prop_map(|parts| parts.into_iter().map(|(w, g)| w + g).collect::<String>())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn tokens_match_the_naive_reading(text in prop_oneof![texty(), newsy()]) {
        let fast: Vec<Token> = Tokens::new(&text).collect();
        prop_assert_eq!(fast, naive_tokens(&text));
    }

    /// The one-pass fold gives the tokens and, for each, what folding its
    /// text gives: bytes, hash, stopword test and stem.
    #[test]
    fn words_match_tokens_then_fold(text in prop_oneof![texty(), newsy(), "([a-zA-Z0-9]{20,40}[ .,'’-]){0,4}"]) {
        let words: Vec<_> = Words::new(&text).collect();
        let tokens = naive_tokens(&text);
        prop_assert_eq!(words.len(), tokens.len());
        for (w, t) in words.iter().zip(&tokens) {
            prop_assert_eq!(w.token, *t);
            let word = t.span.slice(&text).unwrap_or("");
            let want = Folded::new(word);
            let (naive, _) = naive_fold(word);
            prop_assert_eq!(w.folded.as_bytes(), naive.as_slice());
            prop_assert_eq!(want.as_bytes(), naive.as_slice());
            prop_assert_eq!(w.folded.hash(), naive_fnv1a(&naive));
            prop_assert_eq!(w.folded.is_stopword(), ENGLISH.binary_search(&naive.as_slice()).is_ok());
            prop_assert_eq!(w.folded.term_key(), naive_term_key(word));
            let (mut a, mut b) = (w.folded, want);
            a.stem();
            b.stem();
            prop_assert_eq!((a.as_bytes(), a.hash()), (b.as_bytes(), b.hash()));
        }
    }
}

// ---- term keys ------------------------------------------------------------

/// Words: stopwords and their case variants, plurals and possessives,
/// long words, non-ASCII and arbitrary strings.
fn wordy() -> impl Strategy<Value = String> {
    prop_oneof![
        (0..ENGLISH.len(), any::<u32>()).prop_map(|(i, caps)| {
            let w = String::from_utf8_lossy(ENGLISH[i]).into_owned();
            w.chars()
                .enumerate()
                .map(|(k, c)| if caps >> (k % 32) & 1 == 1 { c.to_ascii_uppercase() } else { c })
                .map(|c| if c == '\'' && caps & 1 == 1 { '\u{2019}' } else { c })
                .collect()
        }),
        "[a-zA-Z'’]{0,12}(ies|es|s|'s|’s|ss|us|is|s')?",
        "[a-zA-Z]{28,40}",
        "[a-zA-Zé’ÉŁİß]{0,40}",
        "[\u{0}-\u{7f}]{0,40}",
        any::<String>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    #[test]
    fn term_keys_match_the_naive_path(word in wordy()) {
        prop_assert_eq!(term_key(&word), naive_term_key(&word));
    }

    #[test]
    fn stopword_index_matches_binary_search(word in wordy()) {
        let folded = word.to_lowercase().into_bytes();
        prop_assert_eq!(is_stopword(&folded), ENGLISH.binary_search(&folded.as_slice()).is_ok());
    }

    #[test]
    fn name_connectors_match_the_list(word in prop_oneof![wordy(), "(al|bin|da|de|del|della|der|di|dos|du|el|la|le|van|von|y|of)[a-z\u{0}]{0,2}"]) {
        let folded = word.as_bytes();
        let want = NAME_CONNECTORS.contains(&folded) || folded == b"of";
        prop_assert_eq!(is_name_connector(folded), want);
    }

    /// The stopword test on a stemmed word reads only its bytes (the
    /// buffer past them is cleared), as on a word folded that way.
    #[test]
    fn stopword_test_after_stemming(word in wordy()) {
        let mut f = Folded::new(&word);
        f.stem();
        prop_assert_eq!(f.is_stopword(), ENGLISH.binary_search(&f.as_bytes()).is_ok());
    }
}

#[test]
fn every_stopword_has_no_key_in_any_case() {
    for w in ENGLISH {
        let w = core::str::from_utf8(w).expect("stopwords are UTF-8");
        assert_eq!(term_key(w), None, "{w}");
        assert_eq!(term_key(&w.to_ascii_uppercase()), None, "{w}");
        assert_eq!(term_key(&w.replace('\'', "\u{2019}")), None, "{w}");
    }
}

// ---- term table -----------------------------------------------------------

/// Bumps every hash of `stream` into a table of `N` slots and checks it
/// against exact counts: counts never under-estimate, they sum to the
/// stream's length (Space-Saving moves counts, never drops them), and with
/// no eviction every count is exact and every term is found.
fn check_table<const N: usize>(stream: &[u32]) -> Result<TermTable<N>, TestCaseError> {
    let mut table = TermTable::<N>::new();
    let mut exact: HashMap<u32, u32> = HashMap::new();
    for &h in stream {
        let b = table.bump_slot(h, |_| {});
        prop_assert!(b.is_some());
        // 0 marks an empty slot, so the table files hash 0 under 1.
        *exact.entry(h.max(1)).or_default() += 1;
    }
    let held: Vec<_> = table.slots().iter().filter(|t| t.hash != 0).collect();
    prop_assert_eq!(held.len(), table.len());
    let sum: u32 = held.iter().map(|t| u32::from(t.count)).sum();
    prop_assert_eq!(sum as usize, stream.len());
    for t in &held {
        prop_assert!(u32::from(t.count) >= exact[&t.hash], "count under-estimated");
        prop_assert_eq!(table.find(t.hash).and_then(|i| table.slot(i)).map(|x| x.hash), Some(t.hash));
    }
    prop_assert!(table.lost() <= table.evicted());
    // A term's bucket is WAYS consecutive slots: with no more distinct
    // terms than that, one always has room.
    if exact.len() <= WAYS {
        prop_assert_eq!(table.evicted(), 0);
    }
    if table.evicted() == 0 {
        prop_assert_eq!(table.len(), exact.len());
        for (&h, &c) in &exact {
            prop_assert_eq!(table.get(h).map(|t| u32::from(t.count)), Some(c));
        }
    }
    Ok(table)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn term_table_counts_exactly_when_it_fits(stream in proptest::collection::vec(0u32..48, 0..600)) {
        // Few distinct terms, spread over the hash space as FNV-1a spreads them.
        let spread: Vec<u32> = stream.iter().map(|&k| k.wrapping_mul(0x9E37_79B9) ^ (k << 7)).collect();
        let table = check_table::<480>(&spread)?;
        prop_assert_eq!(table.evicted(), 0);
    }

    #[test]
    fn term_table_never_undercounts_under_pressure(stream in proptest::collection::vec(any::<u32>(), 0..600)) {
        check_table::<16>(&stream)?;
    }

    #[test]
    fn term_table_keeps_heavy_hitters(rare in proptest::collection::vec(any::<u32>(), 0..400), every in 2usize..6) {
        // One term every `every` rare ones (even hashes, so never it): its
        // count outgrows what eight slots' share of the stream allows, so it
        // is never the smallest of a full bucket and stays.
        let heavy = 0xDEAD_BEEF;
        let mut stream = Vec::new();
        for (i, &r) in rare.iter().enumerate() {
            stream.push(r & !1);
            if i % every == 0 {
                stream.push(heavy);
            }
        }
        let table = check_table::<16>(&stream)?;
        let n = stream.iter().filter(|&&h| h == heavy).count();
        if n > 0 {
            prop_assert!(table.get(heavy).is_some_and(|t| usize::from(t.count) >= n));
        }
    }
}
