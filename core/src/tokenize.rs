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

/// Byte classes for the ASCII fast paths: an ASCII letter or digit, an
/// ASCII separator, or the first or later byte of a non-ASCII char (decoded
/// by the slow path).
const WORD: u8 = 1;
const SEPARATOR: u8 = 2;
const OTHER: u8 = 0;

const ASCII_CLASS: [u8; 256] = {
    let mut t = [OTHER; 256];
    let mut i = 0;
    while i < 0x80 {
        t[i] = if (i as u8).is_ascii_alphanumeric() { WORD } else { SEPARATOR };
        i += 1;
    }
    t
};

#[inline]
fn ascii_class(b: u8) -> u8 {
    // A `u8` index into a 256-entry table: no bounds check, no panic path.
    ASCII_CLASS[usize::from(b)]
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

impl Iterator for Tokens<'_> {
    type Item = Token;

    fn next(&mut self) -> Option<Token> {
        let text = self.text;
        let bytes = text.as_bytes();
        // Offsets below stay within `text` (each step moves past a byte or
        // char that is there), so they cannot overflow: plain wrapping
        // adds, cheaper than saturating ones in this hottest loop.
        // Skip to the first word character; ASCII separators byte by byte.
        let mut begin = self.pos;
        let first = loop {
            let skip = bytes.get(begin..).map_or(0, |r| r.iter().take_while(|&&b| ascii_class(b) == SEPARATOR).count());
            begin = begin.wrapping_add(skip);
            let b = *bytes.get(begin)?;
            if ascii_class(b) == WORD {
                break char::from(b);
            }
            let c = char_at(text, begin)?;
            if is_word_char(c) {
                break c;
            }
            begin = begin.wrapping_add(c.len_utf8());
        };
        // Joined to the previous token when exactly one hyphen separates them.
        let joined = self.after_hyphen
            && text.get(self.pos..begin).is_some_and(|gap| {
                let mut g = gap.chars();
                g.next().is_some_and(is_hyphen) && g.next().is_none()
            });
        let kind = if is_digit(first) { TokenKind::Number } else { TokenKind::Word };
        let capitalized = is_upper(first);
        let mut prev: char = first;
        // Letters since the last dot: `U.S.` and `a.m.` are one token
        // because each dotted segment is a single letter.
        let mut seg = 1u32;
        // A dot was kept inside the token.
        let mut dot = false;
        let mut i = begin.wrapping_add(first.len_utf8());
        loop {
            // Fast path: a run of ASCII letters and digits (most of news).
            let run = bytes.get(i..).map_or(0, |r| r.iter().take_while(|&&b| ascii_class(b) == WORD).count());
            if run != 0 {
                i = i.wrapping_add(run);
                if let Some(&b) = bytes.get(i.wrapping_sub(1)) {
                    prev = char::from(b);
                }
                // Only `seg <= 1` matters: a longer run counts as 2.
                seg = if run == 1 { seg.saturating_add(1) } else { 2 };
            }
            // Most tokens end at an ASCII byte that can never stay inside
            // one (space, quote, colon): stop without decoding.
            match bytes.get(i) {
                None => break,
                Some(&b) if ascii_class(b) == SEPARATOR && !matches!(b, b'.' | b',' | b'\'') => break,
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
