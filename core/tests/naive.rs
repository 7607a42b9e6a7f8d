//! Fast paths against naive references (as memchr checks its own): the
//! tokenizer's ASCII runs and early exits against a char-at-a-time reading
//! of its rules, term keys (fold, stopword test, stem, hash) against a
//! char-at-a-time fold, a binary search of the stopword list and a plain
//! FNV-1a, and the term table against exact counts.

use std::collections::HashMap;

use epitome::Span;
use epitome::normalize::{MAX_WORD_BYTES, term_key};
use epitome::stem::stem_plural;
use epitome::stopwords::{ENGLISH, is_stopword};
use epitome::terms::{TermTable, WAYS};
use epitome::tokenize::{Token, TokenKind, Tokens};
use epitome::unicode::{is_digit, is_letter, is_upper, is_word, to_lower};
use proptest::prelude::*;

// ---- tokenizer ------------------------------------------------------------

fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}')
}

/// The tokenizer's rules (module docs of `tokenize`), one decoded char at a
/// time, no byte classes and no shortcuts.
fn naive_tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut pos = 0;
    let mut after_hyphen = false;
    loop {
        let mut begin = pos;
        let first = loop {
            match char_at(text, begin) {
                None => return out,
                Some(c) if is_word(c) => break c,
                Some(c) => begin += c.len_utf8(),
            }
        };
        let gap: Vec<char> = text[pos..begin].chars().collect();
        let joined = after_hyphen && gap.len() == 1 && is_hyphen(gap[0]);
        let kind = if is_digit(first) { TokenKind::Number } else { TokenKind::Word };
        let (mut prev, mut seg, mut dot) = (first, 1u32, false);
        let mut i = begin + first.len_utf8();
        while let Some(c) = char_at(text, i) {
            let after = i + c.len_utf8();
            if is_word(c) {
                (prev, seg, i) = (c, seg + 1, after);
                continue;
            }
            let next = char_at(text, after);
            let keep = next.is_some_and(|n| {
                (is_apostrophe(c) && is_letter(prev) && is_letter(n))
                    || ((c == '.' || c == ',') && is_digit(prev) && is_digit(n))
                    || (c == '.' && seg == 1 && is_letter(prev) && is_letter(n) && is_upper(n) == is_upper(prev))
            });
            if !keep {
                break;
            }
            dot |= c == '.';
            (prev, seg, i) = (c, 0, after);
        }
        let dotted = dot && seg <= 1 && is_letter(prev);
        let stop = if dotted && char_at(text, i) == Some('.') { i + 1 } else { i };
        after_hyphen = char_at(text, stop).is_some_and(is_hyphen);
        pos = stop;
        out.push(Token { span: Span::new(begin, stop), kind, capitalized: is_upper(first), joined });
    }
}

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

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn tokens_match_the_naive_reading(text in texty()) {
        let fast: Vec<Token> = Tokens::new(&text).collect();
        prop_assert_eq!(fast, naive_tokens(&text));
    }
}

// ---- term keys ------------------------------------------------------------

fn naive_fnv1a(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5u32, |h, &b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193))
}

/// Fold, stopword test, stem and hash with no fast path: one char at a time
/// into a `Vec`, the stopword list by binary search, FNV-1a over the result.
fn naive_term_key(word: &str) -> Option<u32> {
    let mut folded: Vec<u8> = Vec::new();
    // Mirrors `Folded`: a word with a char other than ASCII or `’` among
    // those read (up to the first that does not fit) is not stemmed as ASCII.
    let mut ascii = true;
    for c in word.chars() {
        if !c.is_ascii() && c != '\u{2019}' {
            ascii = false;
        }
        let c = if c == '\u{2019}' { '\'' } else { to_lower(c) };
        let mut tmp = [0u8; 4];
        let enc = c.encode_utf8(&mut tmp).as_bytes();
        if folded.len() + enc.len() > MAX_WORD_BYTES {
            break;
        }
        folded.extend_from_slice(enc);
    }
    if ENGLISH.binary_search(&folded.as_slice()).is_ok() {
        return None;
    }
    let n = if ascii {
        stem_plural(&mut folded)
    } else if folded.ends_with(b"'s") {
        folded.len() - 2
    } else {
        folded.len()
    };
    Some(naive_fnv1a(&folded[..n]))
}

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
