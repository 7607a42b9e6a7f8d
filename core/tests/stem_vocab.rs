//! The Porter2 stemmer against the Snowball reference implementation.
//!
//! `data/porter2_vocab.tsv` holds `word<TAB>stem` pairs produced by
//! `data/make_porter2_vocab.py` (PyPI `snowballstemmer` 3.1.1); every pair must
//! match exactly. Set `EPITOME_PORTER2_EXTRA` to the path of another file in the
//! same format to check a larger list too.

use epitome::stem::stem;
use proptest::prelude::*;

const VOCAB: &str = include_str!("data/porter2_vocab.tsv");

/// Checks every `word<TAB>stem` line of `tsv`; returns (pairs, failures).
fn check_tsv(tsv: &str) -> (usize, Vec<String>) {
    let mut pairs = 0;
    let mut failures = Vec::new();
    for line in tsv.lines().filter(|l| !l.starts_with('#') && !l.is_empty()) {
        let (word, want) = line.split_once('\t').unwrap_or_else(|| panic!("no tab in line {line:?}"));
        let mut buf = word.as_bytes().to_vec();
        let n = stem(&mut buf);
        let got = String::from_utf8_lossy(&buf[..n]).into_owned();
        if got != want {
            failures.push(format!("{word}: got {got}, want {want}"));
        }
        pairs += 1;
    }
    (pairs, failures)
}

#[test]
fn matches_reference_on_vocabulary() {
    let (pairs, failures) = check_tsv(VOCAB);
    assert!(pairs >= 3000, "fixture too small: {pairs} pairs");
    assert!(failures.is_empty(), "{} of {pairs} differ:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn matches_reference_on_extra_list() {
    let Ok(path) = std::env::var("EPITOME_PORTER2_EXTRA") else {
        println!("EPITOME_PORTER2_EXTRA not set: skipping the extra list");
        return;
    };
    let tsv = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading {path}: {e}"));
    let (pairs, failures) = check_tsv(&tsv);
    println!("{path}: {pairs} pairs");
    assert!(
        failures.is_empty(),
        "{} of {pairs} differ:\n{}",
        failures.len(),
        failures.iter().take(50).cloned().collect::<Vec<_>>().join("\n")
    );
}

proptest! {
    #[test]
    fn never_panics_and_never_grows(word in proptest::collection::vec(any::<u8>(), 0..40)) {
        let mut buf = word.clone();
        let n = stem(&mut buf);
        prop_assert!(n <= word.len());
    }

    #[test]
    fn word_like_input_never_grows(word in "[a-z'yY]{0,24}") {
        let mut buf = word.clone().into_bytes();
        let n = stem(&mut buf);
        prop_assert!(n <= word.len());
        if !word.bytes().all(|b| b.is_ascii_lowercase() || b == b'\'') {
            prop_assert_eq!(n, word.len());
            prop_assert_eq!(&buf[..], word.as_bytes());
        }
    }

    #[test]
    fn deterministic(word in "[a-z']{0,24}") {
        let mut a = word.clone().into_bytes();
        let mut b = word.into_bytes();
        let na = stem(&mut a);
        let nb = stem(&mut b);
        prop_assert_eq!(&a[..na], &b[..nb]);
    }
}
