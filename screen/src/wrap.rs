//! Line breaking in character cells: greedy, word by word, in place.
//!
//! Words are separated by runs of whitespace, which are drawn as one empty
//! cell (no-break spaces are not separators, see [`crate::font::Glyph`]).
//! A word longer than a line is cut to the line and ends in `…`; the rest
//! of that word is not shown.

use crate::content::Content;
use crate::font::{Font, Glyph};

/// A line's worth of one text, borrowed from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Piece<'a> {
    /// The text, possibly with whitespace runs inside (drawn as one cell each).
    pub text: &'a str,
    /// True if the text is longer than the line: the first `cols - 1`
    /// cells are drawn, then `…`.
    pub clipped: bool,
}

/// Cells of `text` when drawn: whitespace runs collapse to one cell, none at the ends.
pub fn width(font: &Font, text: &str) -> usize {
    let mut cells = 0usize;
    let mut gap = false;
    for c in text.chars() {
        match font.glyph(c) {
            Glyph::Space => gap = cells > 0,
            Glyph::Invisible => {}
            Glyph::Drawn(..) | Glyph::Missing => {
                cells = cells.saturating_add(1 + usize::from(gap));
                gap = false;
            }
        }
    }
    cells
}

/// Byte offset of the first visible character at or after `from`, if any
/// (invisible ones are skipped too, so that no line is blank).
pub(crate) fn skip_spaces(font: &Font, text: &str, from: usize) -> Option<usize> {
    let rest = text.get(from..)?;
    rest.char_indices()
        .find(|&(_, c)| !matches!(font.glyph(c), Glyph::Space | Glyph::Invisible))
        .map(|(i, _)| from.saturating_add(i))
}

/// End (byte offset) and cells of the word starting at `from`.
fn word(font: &Font, text: &str, from: usize) -> (usize, usize) {
    let rest = text.get(from..).unwrap_or("");
    let mut cells = 0usize;
    for (i, c) in rest.char_indices() {
        if matches!(font.glyph(c), Glyph::Space) {
            return (from.saturating_add(i), cells);
        }
        cells = cells.saturating_add(font.cells(c));
    }
    (text.len(), cells)
}

/// The next line of `text` starting at byte `from`, `cols` cells wide, and
/// where the line after it starts; `None` when only whitespace is left.
pub fn next_line<'a>(font: &Font, text: &'a str, from: usize, cols: usize) -> Option<(Piece<'a>, usize)> {
    let start = skip_spaces(font, text, from)?;
    let mut used = 0usize;
    let mut end = start;
    let mut pos = start;
    loop {
        let (word_end, cells) = word(font, text, pos);
        let need = if end == start { cells } else { used.saturating_add(1).saturating_add(cells) };
        if need > cols {
            if end == start {
                // A word longer than the line: cut, with an ellipsis.
                return Some((Piece { text: text.get(start..word_end).unwrap_or(""), clipped: true }, word_end));
            }
            break;
        }
        used = need;
        end = word_end;
        match skip_spaces(font, text, word_end) {
            Some(next) => pos = next,
            None => break,
        }
    }
    Some((Piece { text: text.get(start..end).unwrap_or(""), clipped: false }, end))
}

/// Separator between keyphrases on the keywords line, drawn with a space on each side.
pub const KEYWORD_SEPARATOR: char = '\u{b7}';

/// Cells the separator takes with its spaces.
pub const SEPARATOR_CELLS: usize = 3;

/// How the keywords line is filled: the first `shown` keyphrases whole,
/// then ` …` if `more` were left out. `shown == 0` with `more` means the
/// best keyphrase alone is longer than the line: it is cut with `…`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeywordsFit {
    /// Keyphrases shown whole, best first.
    pub shown: usize,
    /// True if some keyphrases are not shown.
    pub more: bool,
}

/// Fits `content`'s keyphrases on one line of `cols` cells; `None` if it has none.
pub fn fit_keywords<C: Content + ?Sized>(font: &Font, content: &C, cols: usize) -> Option<KeywordsFit> {
    content.keyword(0)?;
    let mut used = 0usize;
    let mut shown = 0usize;
    while let Some(k) = content.keyword(shown) {
        let need = if shown == 0 {
            width(font, k)
        } else {
            used.saturating_add(SEPARATOR_CELLS).saturating_add(width(font, k))
        };
        if need > cols {
            break;
        }
        used = need;
        shown = shown.saturating_add(1);
    }
    let more = content.keyword(shown).is_some();
    // " …" must fit after the last keyphrase shown; dropping one always makes room.
    if more && shown > 0 && used.saturating_add(2) > cols {
        shown = shown.saturating_sub(1);
    }
    Some(KeywordsFit { shown, more })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::font::FONT_5X8;

    fn lines(text: &str, cols: usize) -> heapless::Vec<(&str, bool), 32> {
        let mut out = heapless::Vec::new();
        let mut from = 0;
        while let Some((p, next)) = next_line(&FONT_5X8, text, from, cols) {
            out.push((p.text, p.clipped)).unwrap();
            from = next;
        }
        out
    }

    #[test]
    fn greedy_word_wrap() {
        assert_eq!(lines("one two three four", 9)[..], [("one two", false), ("three", false), ("four", false)]);
        assert_eq!(lines("  one  \n two ", 20)[..], [("one  \n two", false)]);
        assert_eq!(lines("", 5).len(), 0);
        assert_eq!(lines(" \t\n", 5).len(), 0);
        assert_eq!(lines("\u{200b} \u{ad}", 5).len(), 0);
        // Exactly full lines.
        assert_eq!(lines("abc de", 6)[..], [("abc de", false)]);
    }

    #[test]
    fn long_word_is_cut_on_its_own_line() {
        assert_eq!(lines("a abcdefghijk b", 5)[..], [("a", false), ("abcdefghijk", true), ("b", false)]);
    }

    #[test]
    fn width_collapses_spaces_and_skips_invisible() {
        assert_eq!(width(&FONT_5X8, "  a \n\t b  "), 3);
        assert_eq!(width(&FONT_5X8, "co\u{ad}op"), 4);
        assert_eq!(width(&FONT_5X8, "Łódź 中文"), 7);
        assert_eq!(width(&FONT_5X8, ""), 0);
    }

    struct Kw(&'static [&'static str]);
    impl Content for Kw {
        fn title(&self) -> &str {
            ""
        }
        fn keyword(&self, i: usize) -> Option<&str> {
            self.0.get(i).copied()
        }
        fn sentence(&self, _: usize) -> Option<&str> {
            None
        }
    }

    #[test]
    fn keywords_fit_whole_then_ellipsis() {
        let fit = |k: &'static [&'static str], cols| fit_keywords(&FONT_5X8, &Kw(k), cols);
        assert_eq!(fit(&[], 25), None);
        assert_eq!(fit(&["aa", "bb"], 25), Some(KeywordsFit { shown: 2, more: false }));
        // "aa · bb" is 7 cells; "cc" does not fit in 9, and " …" needs 2 more.
        assert_eq!(fit(&["aa", "bb", "cc"], 9), Some(KeywordsFit { shown: 2, more: true }));
        assert_eq!(fit(&["aa", "bb", "cc"], 8), Some(KeywordsFit { shown: 1, more: true }));
        assert_eq!(fit(&["a very long keyphrase"], 10), Some(KeywordsFit { shown: 0, more: true }));
    }
}
