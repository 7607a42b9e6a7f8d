//! Double quotation marks: keeping a short quotation that spans sentences in
//! one unit, and telling which units would show a reader a quotation that
//! never closes.
//!
//! Only double marks count (straight `"`, curly `“ ”`, guillemets `« »`):
//! single ones double as apostrophes (`don't`, `the ’90s`).

use crate::unicode::is_space;

/// Longest unit, in bytes, that a quotation spanning sentences is merged
/// into: about 80 words, the longest sentence a summary takes. A longer
/// quotation stays split, and its pieces are marked [`super::Unit::open_quote`].
pub(super) const MAX_QUOTE_UNIT: usize = 480;

/// Counts of the double quotation marks in a piece of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) struct Marks {
    /// Straight `"`: opens and closes alike.
    straight: u16,
    /// `“` and `«`.
    open: u16,
    /// `”` and `»`.
    close: u16,
}

impl Marks {
    /// Counts the marks of `s` (a byte scan: every mark but `"` is two or
    /// three bytes with a rare lead byte). The segmenter's sentence scan
    /// counts them itself; this is for pieces it joins.
    pub(super) fn of(s: &str) -> Self {
        let b = s.as_bytes();
        let mut m = Marks::default();
        let mut i = 0usize;
        while let Some(rel) = b.get(i..).and_then(|t| t.iter().position(|&c| matches!(c, b'"' | 0xE2 | 0xC2))) {
            let p = i.saturating_add(rel);
            match (b.get(p), b.get(p.saturating_add(1)), b.get(p.saturating_add(2))) {
                (Some(b'"'), _, _) => m.straight = m.straight.saturating_add(1),
                (Some(0xE2), Some(0x80), Some(0x9C)) | (Some(0xC2), Some(0xAB), _) => m.open = m.open.saturating_add(1),
                (Some(0xE2), Some(0x80), Some(0x9D)) | (Some(0xC2), Some(0xBB), _) => {
                    m.close = m.close.saturating_add(1)
                }
                _ => {}
            }
            i = p.saturating_add(1);
        }
        m
    }

    /// Counts `c` if it is a double quotation mark.
    pub(super) fn add(&mut self, c: char) {
        match c {
            '"' => self.straight = self.straight.saturating_add(1),
            '\u{201c}' | '\u{ab}' => self.open = self.open.saturating_add(1),
            '\u{201d}' | '\u{bb}' => self.close = self.close.saturating_add(1),
            _ => {}
        }
    }

    /// True if every quotation opened in the piece is closed in it.
    pub(super) const fn balanced(self) -> bool {
        self.straight.is_multiple_of(2) && self.open == self.close
    }

    /// True if the piece leaves a quotation open at its end (rather than
    /// only closing one opened before it).
    const fn opens(self) -> bool {
        !self.straight.is_multiple_of(2) || self.open > self.close
    }
}

/// For a piece with marks `m` that leaves a quotation open, the offset in
/// `rest` (the line after the piece) of the mark that closes it, or `None`
/// if the line ends first or a new quotation opens first: the news
/// convention for a quotation running over paragraphs leaves each paragraph
/// open and re-opens the next one with a fresh mark.
pub(super) fn closing_mark(rest: &str, m: Marks) -> Option<usize> {
    if !m.opens() {
        return None;
    }
    let straight = !m.straight.is_multiple_of(2);
    let mut prev = ' ';
    for (i, c) in rest.char_indices() {
        match c {
            '"' if straight => {
                // `debt. "He …`: a mark after a space and before a word opens.
                let next = rest.get(i.saturating_add(1)..).and_then(|t| t.chars().next());
                let opening = is_space(prev) && next.is_some_and(|n| !is_space(n));
                return if opening { None } else { Some(i) };
            }
            '\u{201c}' | '\u{ab}' if !straight => return None,
            '\u{201d}' | '\u{bb}' if !straight => return Some(i),
            _ => {}
        }
        prev = c;
    }
    None
}

/// Where a quotation's state stands between the units of one line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) struct QuoteState {
    open: bool,
}

impl QuoteState {
    /// Outside any quotation (the start of a line).
    pub(super) const fn new() -> Self {
        QuoteState { open: false }
    }

    /// Takes the next unit of the line (its text and marks); returns true if
    /// it shows an unmatched mark or lies inside a quotation opened before it.
    pub(super) fn step(&mut self, text: &str, m: Marks) -> bool {
        // A unit starting with its own opening mark starts a new quotation
        // (the re-opened paragraph of a long quotation), whatever was open.
        let reopens = text.starts_with(['"', '\u{201c}', '\u{ab}']);
        let inside = self.open && !reopens;
        let unbalanced = !m.balanced();
        self.open = if reopens { unbalanced } else { self.open != unbalanced };
        inside || unbalanced
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_are_counted() {
        let m = Marks::of("He said “yes” and \"no\" and «oui».");
        assert_eq!(m, Marks { straight: 2, open: 2, close: 2 });
        assert!(m.balanced());
        assert!(!Marks::of("She said: \"It works.").balanced());
        assert!(!Marks::of("“It works.").balanced());
        assert!(Marks::of("Don't — it’s the ’90s.").balanced());
    }

    #[test]
    fn the_closing_mark_is_found_unless_a_new_quotation_opens() {
        let open = Marks::of("She said: \"It works.");
        assert_eq!(closing_mark(" It is fast,\" she said.", open), Some(12));
        assert_eq!(closing_mark(" \"He left.\"", open), None);
        assert_eq!(closing_mark(" no mark at all.", open), None);
        let curly = Marks::of("She said: “It works.");
        assert_eq!(closing_mark(" It is “fast”.", curly), None);
        assert_eq!(closing_mark(" It is fast.”", curly), Some(12));
        assert_eq!(closing_mark(" It is fast.”", Marks::of("balanced")), None);
    }

    #[test]
    fn units_inside_an_open_quotation_are_marked() {
        let mut q = QuoteState::default();
        assert!(q.step("He said: \"One.", Marks::of("He said: \"One.")));
        assert!(q.step("Two.", Marks::of("Two.")));
        assert!(q.step("Three.\"", Marks::of("Three.\"")));
        assert!(!q.step("Done.", Marks::of("Done.")));
        assert!(q.step("\"Four.", Marks::of("\"Four.")));
        assert!(!q.step("\"Five.\"", Marks::of("\"Five.\"")));
    }
}
