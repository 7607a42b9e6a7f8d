//! Word tokenization: Unicode-aware words and numbers as byte ranges.
//!
//! Rules, chosen deliberately:
//! - A word is a run of alphanumeric characters (Unicode), so `Rodríguez`,
//!   `Bogotá` and `Nicolás` stay whole.
//! - An apostrophe (`'` or `’`) between two letters stays inside the word
//!   (`don't`, `Venezuela’s`); the stemmer later drops a possessive `'s`.
//! - A hyphen splits: `long-term` gives `long` and `term`, so compounds share
//!   statistics with their parts. Keyphrases re-join them through their span.
//! - A `.` or `,` between two digits stays inside a number (`3.5`, `1,200`),
//!   and letters glued to a number stay with it (`$1.2bn` gives `1.2bn`).

use crate::Span;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum TokenKind {
    /// Starts with a letter.
    Word,
    /// Starts with a digit.
    Number,
}

/// One token: where it is and a few cheap shape facts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Token {
    /// Byte range in the tokenized text.
    pub span: Span,
    /// Word or number.
    pub kind: TokenKind,
    /// First character is upper-case (`Maduro`, `CIA`).
    pub capitalized: bool,
    /// A hyphen joins this token to the previous one (`term` in `long-term`).
    pub joined: bool,
}

/// Iterator over the tokens of a text.
///
/// ```
/// use epitome::tokenize::Tokens;
/// let text = "Rodríguez's $1.2bn long-term plan";
/// let words: Vec<&str> = Tokens::new(text).map(|t| &text[t.span.start as usize..t.span.end as usize]).collect();
/// assert_eq!(words, ["Rodríguez's", "1.2bn", "long", "term", "plan"]);
/// ```
#[derive(Debug, Clone)]
pub struct Tokens<'a> {
    text: &'a str,
    pos: usize,
    /// The previous token ended right before a hyphen.
    after_hyphen: bool,
}

impl<'a> Tokens<'a> {
    /// Tokenizes `text` from its start.
    pub const fn new(text: &'a str) -> Self {
        Tokens { text, pos: 0, after_hyphen: false }
    }
}

#[inline]
fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

#[inline]
fn is_hyphen(c: char) -> bool {
    c == '-' || c == '\u{2010}' || c == '\u{2011}'
}

use crate::unicode::{is_digit, is_letter, is_upper, is_word as is_word_char};

/// Byte classes for the ASCII fast paths, one table load per byte. Bytes
/// from 0x80 up start or continue a non-ASCII char ([`NON_ASCII`]) and are
/// decoded by the slow path.
const DIGIT: u8 = 1;
const UPPER: u8 = 2;
const LOWER: u8 = 4;
/// An ASCII letter or digit: always inside a word.
const WORD: u8 = DIGIT | UPPER | LOWER;
/// `.`, `,` and `'`: inside a word between the right neighbours.
const INNER: u8 = 8;
/// Every other ASCII byte: a word never runs over it.
const SEPARATOR: u8 = 16;
const NON_ASCII: u8 = 0;

const ASCII_CLASS: [u8; 256] = {
    let mut t = [NON_ASCII; 256];
    let mut i = 0;
    while i < 0x80 {
        let b = i as u8;
        t[i] = if b.is_ascii_digit() {
            DIGIT
        } else if b.is_ascii_uppercase() {
            UPPER
        } else if b.is_ascii_lowercase() {
            LOWER
        } else if matches!(b, b'.' | b',' | b'\'') {
            INNER
        } else {
            SEPARATOR
        };
        i += 1;
    }
    t
};

#[inline]
fn class_at(bytes: &[u8], i: usize) -> Option<u8> {
    // A `u8` index into a 256-entry table: no bounds check, no panic path.
    bytes.get(i).map(|&b| ascii_class(b))
}

/// The char starting at byte `i` of `text` (ASCII bytes without decoding).
#[inline]
fn char_at(text: &str, i: usize) -> Option<char> {
    match text.as_bytes().get(i) {
        Some(&b) if b < 0x80 => Some(char::from(b)),
        Some(_) => text.get(i..).and_then(|s| s.chars().next()),
        None => None,
    }
}

const LANES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `v` that is not an ASCII letter or digit.
/// Per byte, `x + (0x80 - lo)` has its high bit set iff `x >= lo` (no carry
/// into the next byte: `x` is at most 0x7f after masking), so a byte is in
/// `lo..=hi` iff the first sum has the bit and the second (`hi + 1`) not.
#[inline]
const fn not_word_bytes(v: u64) -> u64 {
    let x = v & !HIGH;
    // Setting bit 5 maps `A..=Z` onto `a..=z` (and nothing else onto them).
    let l = x | (LANES * 0x20);
    let letter = (l + LANES * (0x80 - 0x61)) & !(l + LANES * (0x80 - 0x7b));
    let digit = (x + LANES * (0x80 - 0x30)) & !(x + LANES * (0x80 - 0x3a));
    !((letter | digit) & !v) & HIGH
}

/// How many ASCII letters and digits start `bytes[i..]`.
#[inline]
fn ascii_word_run(bytes: &[u8], i: usize) -> usize {
    let mut n = 0usize;
    loop {
        let at = i.wrapping_add(n);
        let Some(chunk) = bytes.get(at..).and_then(|r| r.first_chunk::<8>()) else {
            // Fewer than eight bytes left: one at a time.
            let tail = bytes.get(at..).unwrap_or(&[]);
            return n.wrapping_add(tail.iter().take_while(|&&b| ascii_class(b) & WORD != 0).count());
        };
        let stop = not_word_bytes(u64::from_le_bytes(*chunk));
        if stop != 0 {
            return n.wrapping_add((stop.trailing_zeros() / 8) as usize);
        }
        n = n.wrapping_add(8);
    }
}

#[inline]
fn ascii_class(b: u8) -> u8 {
    ASCII_CLASS[usize::from(b)]
}

/// The first char of a token: where it starts, its length, and whether it is
/// a digit and upper case; `None` at the end of the text.
#[inline]
fn next_start(text: &str, mut begin: usize) -> Option<(usize, char, usize, bool, bool)> {
    let bytes = text.as_bytes();
    // Offsets stay within `text` (each step moves past a byte or char that
    // is there), so plain wrapping adds cannot overflow.
    loop {
        let class = class_at(bytes, begin)?;
        if class & WORD != 0 {
            let b = bytes.get(begin).copied().unwrap_or(b'a');
            return Some((begin, char::from(b), 1, class == DIGIT, class == UPPER));
        }
        if class != NON_ASCII {
            begin = begin.wrapping_add(1);
            continue;
        }
        let c = char_at(text, begin)?;
        if is_word_char(c) {
            return Some((begin, c, c.len_utf8(), is_digit(c), is_upper(c)));
        }
        begin = begin.wrapping_add(c.len_utf8());
    }
}

impl Iterator for Tokens<'_> {
    type Item = Token;

    fn next(&mut self) -> Option<Token> {
        let text = self.text;
        let bytes = text.as_bytes();
        let (begin, first, first_len, digit, capitalized) = next_start(text, self.pos)?;
        // Joined to the previous token when exactly one hyphen separates them.
        let joined = self.after_hyphen
            && text.get(self.pos..begin).is_some_and(|gap| {
                let mut g = gap.chars();
                g.next().is_some_and(is_hyphen) && g.next().is_none()
            });
        let kind = if digit { TokenKind::Number } else { TokenKind::Word };
        let mut prev: char = first;
        // Letters since the last dot: `U.S.` and `a.m.` are one token
        // because each dotted segment is a single letter.
        let mut seg = 1u32;
        // A dot was kept inside the token.
        let mut dot = false;
        let mut i = begin.wrapping_add(first_len);
        loop {
            // Fast path: a run of ASCII letters and digits (most of news),
            // eight bytes at a time.
            let run = ascii_word_run(bytes, i);
            if run != 0 {
                i = i.wrapping_add(run);
                if let Some(&b) = bytes.get(i.wrapping_sub(1)) {
                    prev = char::from(b);
                }
                // Only `seg <= 1` matters: a longer run counts as 2.
                seg = if run == 1 { seg.saturating_add(1) } else { 2 };
            }
            let class = class_at(bytes, i);
            // Most tokens end at an ASCII byte that can never stay inside
            // one (space, quote, colon): stop without decoding.
            match class {
                None | Some(SEPARATOR) => break,
                _ => {}
            }
            let Some(c) = char_at(text, i) else { break };
            let after = i.wrapping_add(c.len_utf8());
            if is_word_char(c) {
                prev = c;
                seg = seg.saturating_add(1);
                i = after;
                continue;
            }
            let keep = match c {
                '.' | ',' | '\'' | '\u{2019}' => char_at(text, after).is_some_and(|n| {
                    (is_apostrophe(c) && is_letter(prev) && is_letter(n))
                        || ((c == '.' || c == ',') && is_digit(prev) && is_digit(n))
                        || (c == '.' && seg == 1 && is_letter(prev) && is_letter(n) && is_upper(n) == is_upper(prev))
                }),
                _ => false,
            };
            if !keep {
                break;
            }
            dot |= c == '.';
            prev = c;
            seg = 0;
            i = after;
        }
        // `U.S.` keeps its final dot: the token is shown as a keyword.
        let dotted = dot && seg <= 1 && is_letter(prev);
        let stop = if dotted && char_at(text, i) == Some('.') { i.saturating_add(1) } else { i };
        // A hyphen right after the token joins the next token to this one.
        self.after_hyphen = match bytes.get(stop) {
            Some(&b) if b < 0x80 => b == b'-',
            Some(_) => char_at(text, stop).is_some_and(is_hyphen),
            None => false,
        };
        self.pos = stop;
        Some(Token { span: Span::new(begin, stop), kind, capitalized, joined })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> heapless::Vec<(&str, bool), 32> {
        let mut v = heapless::Vec::new();
        for t in Tokens::new(text) {
            let _ = v.push((t.span.slice(text).unwrap_or("?"), t.joined));
        }
        v
    }

    fn words(text: &str) -> heapless::Vec<&str, 32> {
        toks(text).iter().map(|&(w, _)| w).collect()
    }

    /// The eight-at-a-time test against the byte table: every byte value in
    /// every lane, next to neighbours that are and are not word bytes.
    #[test]
    fn word_bytes_in_parallel_match_the_table() {
        for lane in 0..8 {
            for fill in [b'a', b' ', 0xC3, b'Z', b'0', 0x7F, 0xFF] {
                for b in 0..=255u8 {
                    let mut chunk = [fill; 8];
                    chunk[lane] = b;
                    let got = not_word_bytes(u64::from_le_bytes(chunk));
                    for (k, &x) in chunk.iter().enumerate() {
                        let want = ascii_class(x) & WORD == 0;
                        assert_eq!(got >> (8 * k + 7) & 1 == 1, want, "byte {x:#x} in lane {k} of {chunk:x?}");
                    }
                }
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn word_runs_match_a_byte_loop(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..40), i in 0usize..44) {
            let want = bytes.get(i..).map_or(0, |r| r.iter().take_while(|&&b| b.is_ascii_alphanumeric()).count());
            proptest::prop_assert_eq!(ascii_word_run(&bytes, i), want);
        }
    }

    #[test]
    fn unicode_words_stay_whole() {
        assert_eq!(
            words("Delcy Rodríguez met Nicolás in Bogotá."),
            ["Delcy", "Rodríguez", "met", "Nicolás", "in", "Bogotá"]
        );
    }

    #[test]
    fn apostrophes_inside_words() {
        assert_eq!(words("Venezuela’s don't 'quoted' rock'n"), ["Venezuela’s", "don't", "quoted", "rock'n"]);
    }

    #[test]
    fn hyphens_split_and_join() {
        assert_eq!(toks("long-term - plan"), [("long", false), ("term", true), ("plan", false)]);
        assert_eq!(toks("CIA-Drohnenangriff"), [("CIA", false), ("Drohnenangriff", true)]);
    }

    #[test]
    fn dotted_abbreviations_stay_whole() {
        assert_eq!(
            words("U.S. forces at 9 a.m. in the U.K., e.g. here. End.Next 3.5."),
            ["U.S.", "forces", "at", "9", "a.m.", "in", "the", "U.K.", "e.g.", "here", "End", "Next", "3.5"]
        );
    }

    #[test]
    fn numbers() {
        assert_eq!(words("$1.2bn rose 3.5% to 1,200, then 7."), ["1.2bn", "rose", "3.5", "to", "1,200", "then", "7"]);
        let t = Tokens::new("42 apples").next();
        assert_eq!(t.map(|t| t.kind), Some(TokenKind::Number));
    }

    #[test]
    fn capitalization() {
        let caps: heapless::Vec<bool, 8> = Tokens::new("The CIA met rodríguez Élan").map(|t| t.capitalized).collect();
        assert_eq!(caps, [true, true, false, false, true]);
    }

    #[test]
    fn empty_and_punctuation_only() {
        assert_eq!(Tokens::new("").count(), 0);
        assert_eq!(Tokens::new("… — !!! ”“ - -").count(), 0);
    }
}
