//! The near-duplicate rule, written once and shared by the summarizer
//! (within one article: a quote run twice, a repeated paragraph) and the
//! digest (across articles: one wire story printed by two outlets).
//!
//! Two sentences are near-duplicates when their 64-bit term signatures
//! nominate the pair ([`signatures_nominate`]) *and* their distinct terms
//! confirm it ([`shares_most_terms`]). Signatures alone are not enough: two
//! sentences of one story share many signature bits by chance, and skipping
//! such false repeats cost 0.005 ROUGE-2 on BBC (EVALUATION.md).
//!
//! ```
//! use epitome::Language::English;
//! use epitome::near_duplicate::{is_near_duplicate, signature, term_set};
//! let a = "The mayor said the town lost everything in an hour.";
//! let b = "\u{201c}The town lost everything in an hour,\u{201d} the mayor said.";
//! let c = "The army sent boats to the flooded streets of the town.";
//! let dup = |x: &str, y: &str| {
//!     is_near_duplicate(signature(x, English), signature(y, English), || term_set(x, English), || term_set(y, English))
//! };
//! assert!(dup(a, b));
//! assert!(!dup(a, c));
//! ```

use heapless::Vec;

use crate::Language;
use crate::normalize::term_keys;

/// Share (x/256) of signature bits, and then of distinct terms, that two
/// sentences must have in common to be near-duplicates: 80 %.
pub const DUPLICATE_OVERLAP: u32 = 205;

/// Most distinct terms compared per sentence: a choosable sentence has at
/// most 80 words, about half of them content words, and the check stays
/// cheap.
pub const DUPLICATE_TERMS: usize = 48;

/// Distinct term keys of a sentence (at most [`DUPLICATE_TERMS`], the first
/// ones in text order).
pub type TermSet = Vec<u32, DUPLICATE_TERMS>;

/// The bit a term sets in a sentence's 64-bit signature
/// ([`crate::Chosen::signature`]): picked by the hash's top 6 bits, because
/// FNV-1a mixes its high bits best (its lowest bit is only the parity of the
/// bytes' lowest bits).
pub const fn signature_bit(hash: u32) -> u64 {
    1u64 << (hash >> 26)
}

/// The signature of `text` in `language`, read again: what the counting
/// pass computes for a sentence.
pub fn signature(text: &str, language: Language) -> u64 {
    term_keys(text, language).fold(0, |s, k| s | signature_bit(k))
}

/// Adds `key` to `set` unless it is there; returns false once the set is
/// full (later keys are left out).
pub fn add_term(set: &mut TermSet, key: u32) -> bool {
    set.contains(&key) || set.push(key).is_ok()
}

/// The distinct term keys of `text` in `language`, read again.
pub fn term_set(text: &str, language: Language) -> TermSet {
    let mut set = TermSet::new();
    for k in term_keys(text, language) {
        if !add_term(&mut set, k) {
            break;
        }
    }
    set
}

/// True if signatures `a` and `b` share [`DUPLICATE_OVERLAP`] of the bits
/// of the smaller. Signatures of one or two terms collide by chance: for
/// those only an exact match nominates.
pub fn signatures_nominate(a: u64, b: u64) -> bool {
    let small = a.count_ones().min(b.count_ones());
    if small < 3 {
        return a == b;
    }
    (a & b).count_ones().saturating_mul(256) >= small.saturating_mul(DUPLICATE_OVERLAP)
}

/// True if `a` and `b` share [`DUPLICATE_OVERLAP`] of the distinct terms of
/// the one with *more*: a repeat says nearly the same words, while a short
/// sentence whose few words all recur in a longer one is not a repeat.
pub fn shares_most_terms(a: &[u32], b: &[u32]) -> bool {
    let shared = a.iter().filter(|k| b.contains(k)).count();
    let large = a.len().max(b.len()).max(1);
    let shared = u32::try_from(shared).unwrap_or(u32::MAX);
    let large = u32::try_from(large).unwrap_or(u32::MAX);
    shared.saturating_mul(256) >= large.saturating_mul(DUPLICATE_OVERLAP)
}

/// The rule: signatures `a` and `b` nominate the pair and their term sets
/// (asked for only then: reading a sentence again costs) confirm it.
pub fn is_near_duplicate(a: u64, b: u64, a_terms: impl FnOnce() -> TermSet, b_terms: impl FnOnce() -> TermSet) -> bool {
    signatures_nominate(a, b) && shares_most_terms(&a_terms(), &b_terms())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_signatures_must_match_exactly() {
        assert!(signatures_nominate(0b11, 0b11));
        assert!(!signatures_nominate(0b11, 0b111));
        assert!(signatures_nominate(0b1111_1111, 0b1111_1110)); // 7 of the smaller 7
        assert!(!signatures_nominate(0b1111_0000_1111, 0b1111_1111_0000)); // 4 of 8
    }

    #[test]
    fn terms_are_counted_against_the_larger_set() {
        assert!(shares_most_terms(&[1, 2, 3, 4, 5], &[1, 2, 3, 4, 5]));
        assert!(shares_most_terms(&[1, 2, 3, 4, 5], &[5, 4, 3, 2, 1]));
        // Four of five is 80 %, just short of 205/256 (80.08 %).
        assert!(!shares_most_terms(&[1, 2, 3, 4], &[1, 2, 3, 4, 5]));
        assert!(shares_most_terms(&[1, 2, 3, 4, 5, 6, 7, 8, 9], &[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]));
        assert!(!shares_most_terms(&[1, 2], &[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]));
        // No terms to confirm it: not a repeat.
        assert!(!shares_most_terms(&[], &[]));
    }

    #[test]
    fn term_sets_hold_distinct_keys_up_to_the_cap() {
        use core::fmt::Write;
        let mut text = heapless::String::<2048>::new();
        for i in 0..100 {
            let _ = write!(text, "word{i} word{i} ");
        }
        let set = term_set(&text, Language::English);
        assert_eq!(set.len(), DUPLICATE_TERMS);
        let mut sorted = set.clone();
        sorted.sort_unstable();
        assert!(sorted.windows(2).all(|w| w[0] != w[1]));
    }

    #[test]
    fn the_signature_read_again_matches_the_counting_pass() {
        use crate::{DefaultSummarizer, Options};
        let body = "The harbour bridge opened on Monday after years of work.";
        let s = DefaultSummarizer::new().summarize("", body, &Options::default()).unwrap();
        assert_eq!(s.sentences.first().map(|c| c.signature), Some(signature(body, Language::English)));
    }
}
