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

impl Iterator for Tokens<'_> {
    type Item = Token;

    fn next(&mut self) -> Option<Token> {
        let rest = self.text.get(self.pos..)?;
        // Skip to the first word character. The token is joined to the
        // previous one when exactly one hyphen separates them.
        let mut start = None;
        for (i, c) in rest.char_indices() {
            if is_word_char(c) {
                start = Some((i, c));
                break;
            }
        }
        let joined = self.after_hyphen
            && start.is_some_and(|(i, _)| {
                rest.get(..i).is_some_and(|gap| {
                    let mut g = gap.chars();
                    g.next().is_some_and(is_hyphen) && g.next().is_none()
                })
            });
        let (off, first) = start?;
        let begin = self.pos.saturating_add(off);
        let kind = if is_digit(first) { TokenKind::Number } else { TokenKind::Word };
        let capitalized = is_upper(first);
        let tail = self.text.get(begin..)?;
        let mut end = tail.len();
        let mut prev: char = first;
        // Letters since the last dot: `U.S.` and `a.m.` are one token
        // because each dotted segment is a single letter.
        let mut seg = 1u32;
        let mut iter = tail.char_indices().skip(1).peekable();
        while let Some((i, c)) = iter.next() {
            if is_word_char(c) {
                prev = c;
                seg = seg.saturating_add(1);
                continue;
            }
            let next = iter.peek().map(|&(_, n)| n);
            let keep = match next {
                Some(n) => {
                    (is_apostrophe(c) && is_letter(prev) && is_letter(n))
                        || ((c == '.' || c == ',') && is_digit(prev) && is_digit(n))
                        || (c == '.' && seg == 1 && is_letter(prev) && is_letter(n) && is_upper(n) == is_upper(prev))
                }
                None => false,
            };
            if keep {
                prev = c;
                seg = 0;
                continue;
            }
            end = i;
            break;
        }
        let stop = begin.saturating_add(end);
        // A hyphen right after the token joins the next token to this one.
        self.after_hyphen = self.text.get(stop..).and_then(|s| s.chars().next()).is_some_and(is_hyphen);
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
            words("U.S. forces at 9 a.m. in the U.K., e.g. here. End.Next"),
            ["U.S", "forces", "at", "9", "a.m", "in", "the", "U.K", "e.g", "here", "End", "Next"]
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
