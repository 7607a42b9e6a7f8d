//! Double quotation marks: keeping a short quotation that spans sentences in
//! one unit, and telling which units would show a reader a quotation that
//! never closes.
//!
//! Only double marks count (straight `"`, curly `“ ”`, German `„ “`,
//! guillemets `« »`, also reversed as German sets them: `» «`):
//! single ones double as apostrophes (`don't`, `the ’90s`). A straight `"`
//! right after a digit while no straight quotation is open is an inch mark
//! (`an 8" pipe`), not a quotation mark ([`is_inch_mark`]).

use super::scan::Stops;
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
    /// German `„` not yet closed: the `“` after it closes it (where in
    /// English it opens), and so does a `”` when no `“` is open.
    low_open: u16,
}

impl Marks {
    /// Counts the marks of `s` (a byte scan: every mark but `"` is two or
    /// three bytes with a rare lead byte). The segmenter's sentence scan
    /// counts them itself; this is for pieces it joins.
    pub(super) fn of(s: &str) -> Self {
        let b = s.as_bytes();
        let mut m = Marks::default();
        let mut i = 0usize;
        // The segmenter's stop scan finds every `"`, 0xE2 and 0xC2 (and the
        // terminals, passed over here) a word at a time.
        let mut stops = Stops::new(b);
        while let Some(p) = stops.next_from(i) {
            match (b.get(p), b.get(p.saturating_add(1)), b.get(p.saturating_add(2))) {
                (Some(b'"'), _, _) => {
                    let after_digit = p > 0 && b.get(p.saturating_sub(1)).is_some_and(u8::is_ascii_digit);
                    if !is_inch_mark(after_digit, m.straight) {
                        m.straight = m.straight.saturating_add(1);
                    }
                }
                (Some(0xE2), Some(0x80), Some(&low)) => m.add_general_punctuation(low),
                (Some(0xC2), Some(0xAB), _) => m.open = m.open.saturating_add(1),
                (Some(0xC2), Some(0xBB), _) => m.close = m.close.saturating_add(1),
                _ => {}
            }
            i = p.saturating_add(1);
        }
        m
    }

    /// Counts `c` if it is a double quotation mark (`after_digit`: it
    /// follows an ASCII digit, so a `"` may be an inch mark).
    pub(super) fn add(&mut self, c: char, after_digit: bool) {
        match c {
            '"' if is_inch_mark(after_digit, self.straight) => {}
            '"' => self.straight = self.straight.saturating_add(1),
            '\u{201c}' => self.add_general_punctuation(0x9C),
            '\u{201d}' => self.add_general_punctuation(0x9D),
            '\u{201e}' => self.add_general_punctuation(0x9E),
            '\u{ab}' => self.open = self.open.saturating_add(1),
            '\u{bb}' => self.close = self.close.saturating_add(1),
            _ => {}
        }
    }

    /// [`Marks::add`] for the char U+2000 + (`low` & 0x3F), the bytes
    /// `E2 80 low` (the general punctuation block's first 64 chars), read
    /// without decoding: only `“` (`9C`), `”` (`9D`) and `„` (`9E`) are marks.
    pub(super) fn add_general_punctuation(&mut self, low: u8) {
        match low {
            0x9C if self.low_open > 0 => self.low_open -= 1,
            0x9C => self.open = self.open.saturating_add(1),
            0x9D if self.open <= self.close && self.low_open > 0 => self.low_open -= 1,
            0x9D => self.close = self.close.saturating_add(1),
            0x9E => self.low_open = self.low_open.saturating_add(1),
            _ => {}
        }
    }

    /// True if the piece leaves a straight quotation open.
    pub(super) const fn straight_open(self) -> bool {
        !self.straight.is_multiple_of(2)
    }

    /// True if every quotation opened in the piece is closed in it.
    pub(super) const fn balanced(self) -> bool {
        self.straight.is_multiple_of(2) && self.open == self.close && self.low_open == 0
    }

    /// True if the piece leaves a quotation open at its end (rather than
    /// only closing one opened before it).
    const fn opens(self) -> bool {
        !self.straight.is_multiple_of(2) || self.open > self.close || self.low_open > 0
    }
}

/// True if a straight `"` is an inch mark (`an 8" pipe`, `8"x10"`): it
/// follows a digit while no straight quotation is open (`straight` marks
/// before it, an even number). After a digit inside a quotation it closes
/// it (`the score was "2-1"`).
pub(super) const fn is_inch_mark(after_digit: bool, straight: u16) -> bool {
    after_digit && straight.is_multiple_of(2)
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
    // Only quotation marks matter: the stop scan finds every `"` and lead
    // byte 0xE2 or 0xC2 a word at a time (and the terminals, passed over).
    let b = rest.as_bytes();
    let mut stops = Stops::new(b);
    let mut from = 0usize;
    while let Some(i) = stops.next_from(from) {
        from = i.saturating_add(1);
        let c = match b.get(i) {
            Some(b'"') => '"',
            Some(0xC2 | 0xE2) => rest.get(i..).and_then(|t| t.chars().next()).unwrap_or(' '),
            _ => continue,
        };
        match c {
            '"' if straight => {
                // `debt. "He …`: a mark after a space and before a word opens.
                let prev = rest.get(..i).and_then(|t| t.chars().next_back()).unwrap_or(' ');
                let next = rest.get(i.saturating_add(1)..).and_then(|t| t.chars().next());
                let opening = is_space(prev) && next.is_some_and(|n| !is_space(n));
                return if opening { None } else { Some(i) };
            }
            // German `„…“`: its `“` closes (a `”` too, below).
            '\u{201c}' if !straight && m.low_open > 0 && m.open <= m.close => return Some(i),
            '\u{201c}' | '\u{ab}' | '\u{201e}' if !straight => return None,
            '\u{201d}' | '\u{bb}' if !straight => return Some(i),
            _ => {}
        }
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

    /// True if a quotation opened in an earlier unit of the line is open.
    pub(super) const fn is_open(self) -> bool {
        self.open
    }

    /// Takes the next unit of the line (its text and marks); returns true if
    /// it shows an unmatched mark or lies inside a quotation opened before it.
    pub(super) fn step(&mut self, text: &str, m: Marks) -> bool {
        // A unit starting with its own opening mark starts a new quotation
        // (the re-opened paragraph of a long quotation), whatever was open.
        let reopens = matches!(text.as_bytes(), [b'"', ..] | [0xE2, 0x80, 0x9C | 0x9E, ..] | [0xC2, 0xAB, ..]);
        let inside = self.open && !reopens;
        let unbalanced = !m.balanced();
        self.open = if reopens { unbalanced } else { self.open != unbalanced };
        inside || unbalanced
    }
}

/// Most marks [`MissingMarks`] adds on one side: four three-byte marks. A
/// unit lacking more (four nested quotations left open) still shows the rest
/// unmatched.
const MAX_ADDED: usize = 12;

/// Quotation marks added on one side of a unit, at most [`MAX_ADDED`] bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct MarkRun {
    bytes: [u8; MAX_ADDED],
    len: u8,
}

impl MarkRun {
    /// Appends `c` `n` times while it fits (the rest is dropped: see [`MAX_ADDED`]).
    fn push(&mut self, c: char, n: u8) {
        let mut buf = [0u8; 4];
        let enc = c.encode_utf8(&mut buf).as_bytes();
        for _ in 0..n {
            let at = usize::from(self.len);
            let Some(dst) = self.bytes.get_mut(at..at.saturating_add(enc.len())) else { return };
            dst.copy_from_slice(enc);
            self.len = self.len.saturating_add(u8::try_from(enc.len()).unwrap_or(u8::MAX));
        }
    }

    fn as_str(&self) -> &str {
        self.bytes.get(..usize::from(self.len)).and_then(|b| core::str::from_utf8(b).ok()).unwrap_or("")
    }
}

/// The double quotation marks a unit lacks when it is shown on its own: a
/// closing mark for each quotation it leaves open, an opening mark for each
/// one it closes without having opened it.
///
/// Most units lacking one are the first sentence of a quotation that runs
/// over paragraphs: news leaves each paragraph of such a quotation open and
/// re-opens the next, so no run of whole sentences shows it closed, and an
/// editor quoting that paragraph alone closes it. A quotation too long to
/// be one unit (see `MAX_QUOTE_UNIT`) is shown the same way, as excerpts.
///
/// ```
/// use epitome::segment::MissingMarks;
/// let m = MissingMarks::of("He told BBC Five Live: \"Steven is above money.");
/// assert_eq!((m.before(), m.after()), ("", "\""));
/// let m = MissingMarks::of("It will be hard,” he said.");
/// assert_eq!((m.before(), m.after()), ("“", ""));
/// assert!(MissingMarks::of("\"It works,\" she said.").is_empty());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct MissingMarks {
    before: MarkRun,
    after: MarkRun,
}

impl MissingMarks {
    /// The marks `text` lacks. A straight `"` opens a quotation when it
    /// follows a space, an opening bracket or dash (or starts the text) and
    /// a non-space follows it; otherwise it closes one.
    pub fn of(text: &str) -> Self {
        // Per kind (straight, curly, guillemets): quotations open at the
        // end, and closing marks that had none open.
        let mut open = [0u8; 4];
        let mut unopened = [0u8; 4];
        let mut prev: Option<char> = None;
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            let kind = match c {
                '"' if is_inch_mark(
                    prev.is_some_and(|p| p.is_ascii_digit()),
                    open.first().copied().map_or(0, u16::from),
                ) =>
                {
                    None
                }
                '"' => {
                    let opens = prev.is_none_or(|p| {
                        is_space(p) || matches!(p, '(' | '[' | '{' | '\u{2014}' | '\u{2013}' | '-' | '/')
                    }) && chars.peek().is_some_and(|&n| !is_space(n));
                    let straight_open = open.first().is_some_and(|&n| n > 0);
                    Some((0usize, !straight_open && opens))
                }
                // German `„…“` (kind 3): `“` closes an open `„`, and `”`
                // does when no `“` is open.
                '\u{201c}' if open.get(3).is_some_and(|&n| n > 0) => Some((3, false)),
                '\u{201c}' => Some((1, true)),
                '\u{201d}' if open.get(1) == Some(&0) && open.get(3).is_some_and(|&n| n > 0) => Some((3, false)),
                '\u{201d}' => Some((1, false)),
                '\u{201e}' => Some((3, true)),
                '\u{ab}' => Some((2, true)),
                '\u{bb}' => Some((2, false)),
                _ => None,
            };
            if let Some((k, opening)) = kind
                && let (Some(o), Some(u)) = (open.get(k).copied(), unopened.get_mut(k))
            {
                let o = if opening {
                    o.saturating_add(1)
                } else if o > 0 {
                    o.saturating_sub(1)
                } else {
                    *u = u.saturating_add(1);
                    0
                };
                if let Some(slot) = open.get_mut(k) {
                    *slot = o;
                }
            }
            prev = Some(c);
        }
        let mut m = MissingMarks::default();
        let [so, co, go, lo] = open;
        let [su, cu, gu, _] = unopened;
        m.before.push('\u{201c}', cu);
        m.before.push('\u{ab}', gu);
        m.before.push('"', su);
        m.after.push('"', so);
        m.after.push('\u{bb}', go);
        m.after.push('\u{201d}', co);
        m.after.push('\u{201c}', lo);
        m
    }

    /// Opening marks to show before the unit.
    pub fn before(&self) -> &str {
        self.before.as_str()
    }

    /// Closing marks to show after the unit.
    pub fn after(&self) -> &str {
        self.after.as_str()
    }

    /// True if the unit shows every quotation it has closed.
    pub fn is_empty(&self) -> bool {
        self.before.len == 0 && self.after.len == 0
    }
}

/// A unit as a reader is shown it: its text with the quotation marks it
/// lacks ([`MissingMarks`]); `Display` writes it without allocating.
///
/// ```
/// use epitome::segment::Shown;
/// let s = Shown::new("Wenger said: “The only positive is that we are still in the tie.");
/// assert_eq!(s.to_string(), "Wenger said: “The only positive is that we are still in the tie.”");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shown<'a> {
    /// The unit's text, as in the source.
    pub text: &'a str,
    /// What is added around it.
    pub marks: MissingMarks,
}

impl<'a> Shown<'a> {
    /// `text` with the marks it lacks.
    pub fn new(text: &'a str) -> Self {
        Shown { text, marks: MissingMarks::of(text) }
    }
}

impl core::fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.marks.before())?;
        f.write_str(self.text)?;
        f.write_str(self.marks.after())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_are_counted() {
        let m = Marks::of("He said “yes” and \"no\" and «oui».");
        assert_eq!(m, Marks { straight: 2, open: 2, close: 2, low_open: 0 });
        assert!(m.balanced());
        assert!(!Marks::of("She said: \"It works.").balanced());
        assert!(!Marks::of("“It works.").balanced());
        assert!(Marks::of("Don't — it’s the ’90s.").balanced());
        assert!(Marks::of("An 8\" pipe and an 8\"x10\" print.").balanced());
        assert!(!Marks::of("The score was \"2-1\" and \"3").balanced());
        assert_eq!(Marks::of("He said \"it was 2-1\" today"), Marks { straight: 2, open: 0, close: 0, low_open: 0 });
        // German `„…“` and `»…«`, French `« … »` with no-break spaces.
        assert!(Marks::of("Er sagte: \u{201e}Wir sind bereit.\u{201c} Dann ging er.").balanced());
        assert!(Marks::of("Er sagte: \u{201e}Wir sind bereit.\u{201d}").balanced());
        assert!(!Marks::of("Er sagte: \u{201e}Wir sind bereit.").balanced());
        assert!(Marks::of("Er sagte: \u{bb}Wir sind bereit.\u{ab}").balanced());
        assert!(Marks::of("Il a dit : \u{ab}\u{a0}Oui.\u{a0}\u{bb}").balanced());
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

    fn added(text: &str) -> (&'static str, &'static str) {
        let m = MissingMarks::of(text);
        let known = ["", "\"", "\u{201c}", "\u{201d}", "\u{ab}", "\u{bb}", "\"\"", "\u{201d}\u{201d}"];
        let find = |s: &str| known.iter().copied().find(|k| *k == s).unwrap_or("?");
        (find(m.before()), find(m.after()))
    }

    #[test]
    fn missing_marks_close_and_open_what_the_unit_lacks() {
        // The paragraph convention: a quotation left open at the unit's end.
        assert_eq!(added("He told BBC Five Live: \"Steven is above money."), ("", "\""));
        assert_eq!(added("\"It was all about winning in front of my home crowd."), ("", "\""));
        assert_eq!(added("Wenger said: \u{201c}We are still in the tie."), ("", "\u{201d}"));
        assert_eq!(added("Il a dit : \u{ab}Non."), ("", "\u{bb}"));
        // The tail of a quotation too long to be one unit.
        assert_eq!(added("We will not sell him,\" he said."), ("\"", ""));
        assert_eq!(added("We will not sell him,\u{201d} he said."), ("\u{201c}", ""));
        // Both: a tail, then a new quotation left open.
        assert_eq!(added("We will win.\" He added: \"Next year."), ("\"", "\""));
        // Balanced units and units without marks lack nothing.
        for ok in [
            "\"It works,\" she said.",
            "He said \u{201c}yes\u{201d}.",
            "No marks here.",
            "Don't \u{2014} it\u{2019}s fine.",
            "(\"Yes\")",
            "",
        ] {
            assert!(MissingMarks::of(ok).is_empty(), "{ok}");
        }
        // Inch marks are not quotation marks; a digit closes an open quotation.
        assert_eq!(added("It was an 8\" pipe."), ("", ""));
        assert_eq!(added("He said: \"It was 2-1\" today."), ("", ""));
        assert_eq!(added("It was 8\" long, he said: \"Yes."), ("", "\""));
        // Nested curly quotations left open.
        assert_eq!(added("He said: \u{201c}They told me \u{201c}no."), ("", "\u{201d}\u{201d}"));
    }

    #[test]
    fn at_most_four_marks_are_added_on_a_side() {
        let m = MissingMarks::of("\u{201c}\u{201c}\u{201c}\u{201c}\u{201c}\u{201c}deep.");
        assert_eq!(m.after(), "\u{201d}\u{201d}\u{201d}\u{201d}");
        assert_eq!(m.before(), "");
    }

    #[test]
    fn shown_text_has_balanced_marks() {
        extern crate std;
        use std::string::ToString;
        for t in ["She said: \"It works.", "It works,\" she said.", "\u{201c}One. \u{201c}Two.", "x\u{201d} and \u{bb}"]
        {
            let s = Shown::new(t).to_string();
            assert!(Marks::of(&s).balanced(), "{s}");
            assert!(s.contains(t));
        }
    }
}
