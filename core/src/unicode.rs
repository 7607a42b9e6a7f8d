//! Character classes and case folding from the core's own small tables.
//!
//! Why not `char::is_alphanumeric` and friends: the standard library's
//! Unicode tables contain bounds checks the optimiser cannot remove, so the
//! link-time panic-freedom proof (see `core/panic-never`) fails through
//! them; they also cost several KiB of flash on a Cortex-M0+. These tables
//! cover the scripts news is written in (Latin, Greek, Cyrillic, Armenian,
//! Hebrew, Arabic, Indic, Thai, CJK, Hangul): letters and combining marks
//! are word characters, and case is folded one character to one character
//! (İ folds to `i`). Every lookup is a bounded loop over a `const` table.

/// Inclusive ranges of non-ASCII letters and combining marks, sorted.
const LETTERS: [(u32, u32); 44] = [
    (0x00AA, 0x00AA),
    (0x00B5, 0x00B5),
    (0x00BA, 0x00BA),
    (0x00C0, 0x00D6),
    (0x00D8, 0x00F6),
    (0x00F8, 0x02FF),
    (0x0300, 0x036F),
    (0x0370, 0x0373),
    (0x0376, 0x037D),
    (0x037F, 0x037F),
    (0x0386, 0x0386),
    (0x0388, 0x038A),
    (0x038C, 0x038C),
    (0x038E, 0x03A1),
    (0x03A3, 0x03F5),
    (0x03F7, 0x03FF),
    (0x0400, 0x0481),
    (0x0483, 0x052F),
    (0x0531, 0x0556),
    (0x0560, 0x0588),
    (0x0591, 0x05BD),
    (0x05D0, 0x05EA),
    (0x0610, 0x061A),
    (0x0620, 0x065F),
    (0x066E, 0x06D3),
    (0x06D5, 0x06FF),
    (0x0900, 0x0963),
    (0x0971, 0x0DFF),
    (0x0E01, 0x0E3A),
    (0x0E40, 0x0E4E),
    (0x10A0, 0x10FF),
    (0x1100, 0x11FF),
    (0x1E00, 0x1FFF),
    (0x2C00, 0x2DFF),
    (0x3041, 0x3096),
    (0x30A1, 0x30FA),
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xA640, 0xA69F),
    (0xA720, 0xA7FF),
    (0xAC00, 0xD7A3),
    (0xF900, 0xFAFF),
    (0xFF21, 0xFF3A),
    (0xFF41, 0xFF5A),
];

/// Inclusive ranges of non-ASCII decimal digits.
const DIGITS: [(u32, u32); 6] =
    [(0x0660, 0x0669), (0x06F0, 0x06F9), (0x0966, 0x096F), (0x09E6, 0x09EF), (0x0E50, 0x0E59), (0xFF10, 0xFF19)];

fn in_ranges(c: u32, table: &[(u32, u32)]) -> bool {
    // Tables are short and sorted: a linear scan that stops early is
    // cheaper than a binary search on a Cortex-M0+ and has no index math.
    for &(lo, hi) in table {
        if c < lo {
            return false;
        }
        if c <= hi {
            return true;
        }
    }
    false
}

/// White space: ASCII, NEL, NBSP and the Unicode space separators.
pub const fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{b}' | '\u{c}')
        || matches!(c as u32, 0x85 | 0xA0 | 0x1680 | 0x2000..=0x200A | 0x2028 | 0x2029 | 0x202F | 0x205F | 0x3000)
}

/// A decimal digit (ASCII or one of the common non-ASCII digit sets).
pub fn is_digit(c: char) -> bool {
    if c.is_ascii() { c.is_ascii_digit() } else { in_ranges(c as u32, &DIGITS) }
}

/// A letter or combining mark.
pub fn is_letter(c: char) -> bool {
    if c.is_ascii() { c.is_ascii_alphabetic() } else { in_ranges(c as u32, &LETTERS) }
}

/// A character that belongs inside a word: letter, mark or digit.
pub fn is_word(c: char) -> bool {
    if c.is_ascii() { c.is_ascii_alphanumeric() } else { is_letter(c) || is_digit(c) }
}

/// Lower-case equivalent of `c` (one character to one character); `c`
/// itself when it has no case.
pub const fn to_lower(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let u = c as u32;
    let l = match u {
        0x41..=0x5A => u + 0x20,
        0xC0..=0xDE if u != 0xD7 => u + 0x20,
        0x130 => 0x69,
        0x178 => 0xFF,
        0x100..=0x137 | 0x14A..=0x177 if u.is_multiple_of(2) => u + 1,
        0x139..=0x148 | 0x179..=0x17E if !u.is_multiple_of(2) => u + 1,
        0x386 => 0x3AC,
        0x388..=0x38A => u + 0x25,
        0x38C => 0x3CC,
        0x38E..=0x38F => u + 0x3F,
        0x391..=0x3AB if u != 0x3A2 => u + 0x20,
        0x400..=0x40F => u + 0x50,
        0x410..=0x42F => u + 0x20,
        0x460..=0x481 | 0x48A..=0x4BF | 0x4D0..=0x52F if u.is_multiple_of(2) => u + 1,
        0x1E00..=0x1E95 | 0x1EA0..=0x1EFF if u.is_multiple_of(2) => u + 1,
        0xFF21..=0xFF3A => u + 0x20,
        _ => u,
    };
    match char::from_u32(l) {
        Some(x) => x,
        None => c,
    }
}

/// True for an upper-case letter.
pub const fn is_upper(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_uppercase();
    }
    to_lower(c) as u32 != c as u32
}

/// `s` without leading white space.
pub fn trim_start(s: &str) -> &str {
    let cut = s.char_indices().find(|&(_, c)| !is_space(c)).map_or(s.len(), |(i, _)| i);
    s.get(cut..).unwrap_or("")
}

/// `s` without trailing white space.
pub fn trim_end(s: &str) -> &str {
    let cut = s.char_indices().rev().find(|&(_, c)| !is_space(c)).map_or(0, |(i, c)| i.saturating_add(c.len_utf8()));
    s.get(..cut).unwrap_or("")
}

/// `s` without surrounding white space.
pub fn trim(s: &str) -> &str {
    trim_end(trim_start(s))
}

/// Number of white-space separated words in `s`.
pub fn count_words(s: &str) -> u32 {
    let mut n = 0u32;
    let mut in_word = false;
    for c in s.chars() {
        let w = !is_space(c);
        if w && !in_word {
            n = n.saturating_add(1);
        }
        in_word = w;
    }
    n
}

#[cfg(test)]
mod tests {
    extern crate std;
    use super::*;

    #[test]
    fn tables_are_sorted_and_disjoint() {
        for t in [&LETTERS[..], &DIGITS[..]] {
            assert!(t.iter().all(|&(a, b)| a <= b));
            assert!(t.windows(2).all(|w| w[0].1 < w[1].0));
        }
    }

    #[test]
    fn agrees_with_std_on_the_covered_scripts() {
        // Latin-1, Latin Extended-A and the basic Greek and Cyrillic blocks.
        for u in (0x20u32..0x180).chain(0x386..0x3CF).chain(0x400..0x460) {
            // Superscripts and vulgar fractions are numeric to std, not words here.
            if matches!(u, 0xB2 | 0xB3 | 0xB9 | 0xBC..=0xBE) {
                continue;
            }
            let Some(c) = char::from_u32(u) else { continue };
            assert_eq!(is_word(c), c.is_alphanumeric(), "is_word {c:?} U+{u:04X}");
            assert_eq!(is_space(c), c.is_whitespace(), "is_space {c:?}");
            let mut std_lower = c.to_lowercase();
            let single = std_lower.next();
            if std_lower.next().is_none() && u != 0x130 {
                assert_eq!(Some(to_lower(c)), single, "to_lower {c:?} U+{u:04X}");
            }
        }
        assert_eq!(to_lower('İ'), 'i');
        assert!(is_upper('Á') && is_upper('Ł') && !is_upper('ł') && !is_upper('中'));
        assert!(is_word('中') && is_word('한') && is_word('٣') && !is_word('—') && !is_word('“'));
    }

    #[test]
    fn trimming_and_words() {
        assert_eq!(trim("\u{a0} a b\u{3000}\n"), "a b");
        assert_eq!(trim("   "), "");
        assert_eq!(count_words(" one  two\u{2003}three "), 3);
        assert_eq!(count_words(""), 0);
    }
}
