//! Char-at-a-time references for the tokenizer and the term key, shared by
//! the property tests (`core/tests/naive.rs`) and the `tokenize` fuzz
//! target (`fuzz/fuzz_targets/tokenize.rs`, which includes this file by
//! path): no byte classes, no fast paths, no shortcuts.

use epitome::Span;
use epitome::normalize::MAX_WORD_BYTES;
use epitome::stem::stem_plural;
use epitome::stopwords::ENGLISH;
use epitome::tokenize::{Token, TokenKind};
use epitome::unicode::{is_digit, is_letter, is_upper, is_word, to_lower};

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
pub fn naive_tokens(text: &str) -> Vec<Token> {
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

pub fn naive_fnv1a(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5u32, |h, &b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193))
}

/// The fold of a word with no fast path: one char at a time into a `Vec`
/// (lower case, `’` to `'`), stopping at the first char that does not fit
/// in [`MAX_WORD_BYTES`]; and whether every char read was ASCII or `’`
/// (`Folded` stems only such words as ASCII).
pub fn naive_fold(word: &str) -> (Vec<u8>, bool) {
    let mut folded: Vec<u8> = Vec::new();
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
    (folded, ascii)
}

/// Fold, stopword test, stem and hash with no fast path: [`naive_fold`],
/// the stopword list by binary search, FNV-1a over the result.
pub fn naive_term_key(word: &str) -> Option<u32> {
    let (mut folded, ascii) = naive_fold(word);
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
