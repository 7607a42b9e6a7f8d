//! List markers: bullets (`- `, `• `), enumerators (`1. `, `2) `, `(b) `,
//! `iv. `) and lists written on one line (`1) The first item 2) The second
//! item`), whose items are split where the next marker of the sequence
//! follows white space.

use crate::unicode::trim_start;

/// Bullet glyphs that may also separate items within a line (`• One • Two`).
/// The ASCII ones (`-`, `*`) and dashes do not: ` - ` is a dash in prose.
const INLINE_GLYPHS: [char; 4] = ['\u{2022}', '\u{2023}', '\u{2043}', '\u{25aa}'];

/// Roman numerals an enumerator may be, by value from 1.
const ROMAN: [&str; 12] = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"];

/// What follows an enumerator's number or letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Close {
    /// `1.`
    Dot,
    /// `1)`
    Paren,
    /// `1.)`
    DotParen,
    /// `(1)`
    Parens,
}

/// An enumerator's value: a number, or a letter that may be a roman numeral.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ordinal {
    Number(u16),
    /// `letter`: the letter of a one-letter enumerator (`b`); `roman`: its
    /// value as a roman numeral (`iv` is 4), 0 if it is not one.
    Alpha {
        letter: Option<u8>,
        roman: u8,
    },
}

/// A list marker as found at the start of an item, to tell whether a later
/// one continues the same list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Marker {
    glyph: Option<char>,
    number: Option<(Ordinal, Close)>,
}

impl Marker {
    /// True if `next` is the marker of the item after this one: the same
    /// glyph and the next number or letter in the same style, or (for a
    /// glyph that may separate items within a line) the same glyph alone.
    fn is_followed_by(self, next: Marker) -> bool {
        if self.glyph != next.glyph {
            return false;
        }
        match (self.number, next.number) {
            (None, None) => self.glyph.is_some_and(|g| INLINE_GLYPHS.contains(&g)),
            (Some((a, ca)), Some((b, cb))) if ca == cb => match (a, b) {
                (Ordinal::Number(x), Ordinal::Number(y)) => y == x.saturating_add(1),
                (Ordinal::Alpha { letter: la, roman: ra }, Ordinal::Alpha { letter: lb, roman: rb }) => {
                    let letters = la.zip(lb).is_some_and(|(x, y)| y == x.saturating_add(1));
                    letters || ra != 0 && rb == ra.saturating_add(1)
                }
                _ => false,
            },
            _ => false,
        }
    }
}

impl Marker {
    /// True if a later marker within the line may continue this list: an
    /// enumerator, or a glyph in [`INLINE_GLYPHS`].
    pub(super) fn may_continue_inline(self) -> bool {
        self.number.is_some() || self.glyph.is_some_and(|g| INLINE_GLYPHS.contains(&g))
    }

    /// A marker that `self` would follow if it is the first of a list
    /// (`1`, `a`, `i`, any style), so that the list is found from its first
    /// item on; `None` for a later one.
    fn before_first(self) -> Option<Marker> {
        let (ordinal, close) = self.number?;
        let before = match ordinal {
            Ordinal::Number(1) => Ordinal::Number(0),
            Ordinal::Alpha { letter: Some(l @ (b'a' | b'i')), .. } => {
                Ordinal::Alpha { letter: Some(l.saturating_sub(1)), roman: 0 }
            }
            _ => return None,
        };
        Some(Marker { glyph: self.glyph, number: Some((before, close)) })
    }

    /// True if byte `c` may start the marker of the item after this one: a
    /// quick test before the marker is parsed.
    fn may_start_next(self, c: u8) -> bool {
        if let Some(g) = self.glyph {
            let mut buf = [0u8; 4];
            return g.encode_utf8(&mut buf).as_bytes().first() == Some(&c);
        }
        match self.number {
            Some((_, Close::Parens)) => c == b'(',
            Some((Ordinal::Number(_), _)) => c.is_ascii_digit(),
            Some((Ordinal::Alpha { letter, .. }, _)) => {
                matches!(c, b'i' | b'v' | b'x') || letter.is_some_and(|l| c == l.saturating_add(1))
            }
            None => false,
        }
    }
}

/// A list marker at the start of `line`: its length, white space after it
/// included, and the marker. A bullet (`- `, `• `, `* `, `– `, `‣ `, `⁃ `),
/// an enumerator (`1. `, `1) `, `1.) `, `(a) `, `a. `, `iv. `, `1.The`), or a
/// bullet and an enumerator (`• 9. `, `⁃9. `). Capital letters are not
/// enumerators: they are initials (`A. Smith`).
#[inline(always)]
pub(super) fn bullet_marker(line: &str) -> Option<(usize, Marker)> {
    // Most lines start with a capital: every glyph below leads with `-`,
    // `*`, 0xC2 or 0xE2, every enumerator with `(`, a digit or a
    // lower-case letter. Tested inline, so most lines cost no call.
    if !line
        .as_bytes()
        .first()
        .is_some_and(|b| matches!(b, b'-' | b'*' | b'(' | b'0'..=b'9' | b'a'..=b'z' | 0xC2 | 0xE2))
    {
        return None;
    }
    marker_after_first_test(line)
}

/// [`bullet_marker`] past its first-byte test.
#[inline(never)]
fn marker_after_first_test(line: &str) -> Option<(usize, Marker)> {
    let first = line.chars().next()?;
    if matches!(first, '-' | '*' | '\u{2022}' | '\u{2013}' | '\u{b7}' | '\u{25aa}' | '\u{2023}' | '\u{2043}') {
        let mut at = first.len_utf8();
        let rest = line.get(at..)?;
        let space = rest.len().saturating_sub(trim_start(rest).len());
        let glyph = Some(first);
        if space > 0 {
            at = at.saturating_add(space);
            return Some(match enumerator(line.get(at..)?) {
                Some((e, number)) => (at.saturating_add(e), Marker { glyph, number: Some(number) }),
                None => (at, Marker { glyph, number: None }),
            });
        }
        // `-5 degrees` is a number; `⁃9. item` a bullet glued to its number.
        return enumerator(rest).map(|(e, number)| (at.saturating_add(e), Marker { glyph, number: Some(number) }));
    }
    enumerator(line).map(|(e, number)| (e, Marker { glyph: None, number: Some(number) }))
}

/// Length of an enumerator (`1. `, `2) `, `3.) `, `(b) `, `c. `, `iv. `)
/// and the white space after it, and its value; digits may run into a
/// capital (`1.The`).
fn enumerator(s: &str) -> Option<(usize, (Ordinal, Close))> {
    let b = s.as_bytes();
    let paren = b.first() == Some(&b'(');
    let start = usize::from(paren);
    let body = b.get(start..)?;
    let digits = body.iter().take_while(|c| c.is_ascii_digit()).count();
    let letters = body.iter().take_while(|c| c.is_ascii_lowercase()).count();
    let roman = body.iter().take_while(|c| matches!(c, b'i' | b'v' | b'x')).count();
    let (len, ordinal) = if (1..=3).contains(&digits) {
        let n = body.iter().take(digits).fold(0u16, |n, &d| n.saturating_mul(10).saturating_add(u16::from(d - b'0')));
        (digits, Ordinal::Number(n))
    } else if letters == 1 || roman == letters && (1..=4).contains(&roman) {
        let word = body.get(..letters)?;
        let value = ROMAN.iter().position(|r| r.as_bytes() == word).map_or(0, |i| i.saturating_add(1));
        let letter = if letters == 1 { word.first().copied() } else { None };
        (letters, Ordinal::Alpha { letter, roman: u8::try_from(value).unwrap_or(0) })
    } else {
        return None;
    };
    let mut i = start.saturating_add(len);
    let close = match (b.get(i), b.get(i.saturating_add(1))) {
        (Some(b')'), _) if paren => Close::Parens,
        (Some(b')'), _) => Close::Paren,
        (Some(b'.'), Some(b')')) if !paren => Close::DotParen,
        (Some(b'.'), _) if !paren => Close::Dot,
        _ => return None,
    };
    i = i.saturating_add(match close {
        Close::DotParen => 2,
        _ => 1,
    });
    let rest = s.get(i..)?;
    let space = rest.len().saturating_sub(trim_start(rest).len());
    let glued = space == 0 && digits > 0 && rest.chars().next().is_some_and(crate::unicode::is_upper);
    (space > 0 && !trim_start(rest).is_empty() || glued).then(|| (i.saturating_add(space), (ordinal, close)))
}

/// Where, in `item` (the rest of a list item's line, not starting with
/// white space), the marker of the item after `marker` starts: after white
/// space, before byte `limit` (the end of the item's first sentence). Items
/// of a list written on one line end there.
pub(super) fn next_item(item: &str, limit: usize, marker: Marker) -> Option<usize> {
    let b = item.as_bytes();
    let mut i = 1usize;
    while let Some(rel) = b.get(i..limit).and_then(|t| t.iter().position(|&c| c == b' ' || c == b'\t')) {
        let p = i.saturating_add(rel).saturating_add(1);
        i = p;
        if p >= limit {
            break;
        }
        if !b.get(p).is_some_and(|&c| marker.may_start_next(c)) {
            continue;
        }
        let Some((_, m)) = item.get(p..).and_then(bullet_marker).filter(|&(_, m)| marker.is_followed_by(m)) else {
            continue;
        };
        // `(part 3) is new`: a `3)` closing a bracket opened in the item.
        let before = b.get(..p).unwrap_or(&[]);
        let unclosed = before.iter().filter(|&&c| c == b'(').count() > before.iter().filter(|&&c| c == b')').count();
        if !(unclosed && matches!(m.number, Some((_, Close::Paren)))) {
            return Some(p);
        }
    }
    None
}

/// A list that a sentence introduces with a colon, flattened into its line
/// (`You need: 1. A pen. 2. Some paper.`): if `piece` (a sentence as the
/// scan found it, ending at the first marker's full stop) ends with `: `
/// and a first enumerator (`1.`, `a.`, `i.`) whose item starts with a
/// capital and whose next item follows in `line`, returns where the marker
/// starts and a marker that the first one continues. Lower-case items are
/// a run-in enumeration within one sentence (`You need: 1. a pen, 2. …`).
#[inline(always)]
pub(super) fn colon_list(line: &str, piece: &str) -> Option<(usize, Marker)> {
    // Cheap test first, inline (this runs on every sentence).
    if may_end_with_colon_marker(piece.as_bytes()) { colon_list_at(line, piece) } else { None }
}

/// [`colon_list`] past its first test: `…: 1.` ends in a colon, a space,
/// one to four letters or digits and a full stop.
#[inline(never)]
fn colon_list_at(line: &str, piece: &str) -> Option<(usize, Marker)> {
    let b = piece.as_bytes();
    let dot = b.len().checked_sub(1).filter(|&i| b.get(i) == Some(&b'.'))?;
    let word = b.get(dot.saturating_sub(4)..dot)?.iter().rev().take_while(|c| c.is_ascii_alphanumeric()).count();
    let space = dot.checked_sub(word.saturating_add(1)).filter(|&i| word > 0 && b.get(i) == Some(&b' '))?;
    let colon = space.checked_sub(1).filter(|&i| b.get(i) == Some(&b':'))?;
    let rest = line.get(colon.saturating_add(1)..)?;
    let at = colon.saturating_add(1).saturating_add(rest.len().saturating_sub(trim_start(rest).len()));
    let item = line.get(at..)?;
    let (len, m) = bullet_marker(item)?;
    let capital = item.get(len..).and_then(|t| t.chars().next()).is_some_and(crate::unicode::is_upper);
    let first = m.glyph.is_none() && capital && at.saturating_add(len) > piece.len();
    let before = m.before_first().filter(|_| first)?;
    next_item(item, item.len(), m)?;
    Some((at, before))
}

/// True if `b` ends in a full stop with a colon three to six bytes before
/// it: the only sentences [`colon_list`] looks at further.
#[inline(always)]
fn may_end_with_colon_marker(b: &[u8]) -> bool {
    let n = b.len();
    if b.last() != Some(&b'.') {
        return false;
    }
    match b.get(n.saturating_sub(7)..n.saturating_sub(3)) {
        // Four bytes as one word: is one of them a colon (a zero byte of
        // `x ^ 0x3a3a3a3a`, by the test of `scan::memchr_newline`)?
        Some(&[b0, b1, b2, b3]) => {
            let x = u32::from_le_bytes([b0, b1, b2, b3]) ^ 0x3A3A_3A3A;
            x.wrapping_sub(0x0101_0101) & !x & 0x8080_8080 != 0
        }
        t => t.is_some_and(|t| t.contains(&b':')),
    }
}

/// The marker at the start of `rest` if it continues the list of `marker`,
/// with its length.
pub(super) fn continues(rest: &str, marker: Marker) -> Option<(usize, Marker)> {
    bullet_marker(rest).filter(|&(_, m)| marker.is_followed_by(m))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marker(s: &str) -> Marker {
        bullet_marker(s).map(|(_, m)| m).unwrap_or(Marker { glyph: None, number: None })
    }

    #[test]
    fn successors_keep_the_style() {
        assert!(marker("1) a b").is_followed_by(marker("2) a b")));
        assert!(!marker("1) a b").is_followed_by(marker("2. a b")));
        assert!(!marker("1) a b").is_followed_by(marker("3) a b")));
        assert!(marker("a. x y").is_followed_by(marker("b. x y")));
        assert!(marker("i. x y").is_followed_by(marker("ii. x y")));
        assert!(marker("h. x y").is_followed_by(marker("i. x y")));
        assert!(marker("(a) x y").is_followed_by(marker("(b) x y")));
        assert!(!marker("(a) x y").is_followed_by(marker("b) x y")));
        assert!(marker("\u{2022} 9. x").is_followed_by(marker("\u{2022} 10. x")));
        assert!(marker("\u{2022} x").is_followed_by(marker("\u{2022} y")));
        assert!(!marker("- x").is_followed_by(marker("- y")));
    }

    #[test]
    fn the_next_item_is_found_after_white_space() {
        let m = marker("1) The first item 2) The second item");
        let item = "The first item 2) The second item";
        assert_eq!(next_item(item, item.len(), m), Some(15));
        assert_eq!(next_item(item, 15, m), None);
        assert_eq!(next_item("The first item3) x", 18, m), None);
        assert_eq!(next_item("The plan (part 2) is new", 24, m), None);
        assert_eq!(next_item("The plan (part 1) is new 2) x", 29, m), Some(25));
        assert_eq!(continues("2) The second item", m).map(|(n, _)| n), Some(3));
        assert_eq!(continues("3) The third item", m), None);
    }
}
