//! Light stemming for term keys: the possessive and plural endings of a
//! lower-case ASCII word, in place on a byte buffer.
//!
//! The project once carried the full Snowball English (Porter2) stemmer
//! here; it made sentence scores worse on news (EVALUATION.md) and was used
//! only by its own tests, so it was removed (last present at commit
//! `42ebd3f`).

/// `a e i o u y` as bits `1 << (c - b'a')`.
const VOWELS: u32 = bit(b'a') | bit(b'e') | bit(b'i') | bit(b'o') | bit(b'u') | bit(b'y');

const fn bit(c: u8) -> u32 {
    1 << (c - b'a')
}

/// True for `a e i o u y`.
#[inline]
fn is_vowel(c: u8) -> bool {
    let i = c.wrapping_sub(b'a');
    i < 26 && (VOWELS >> i) & 1 != 0
}

/// Light stemmer for sentence scoring: drops a possessive (`'s`, `s'`) and
/// a plural ending (`-s`, `-es` after a sibilant, `-ies` -> `-y`) of a
/// lower-case ASCII word, in place; returns the new length.
///
/// Sentence centrality counts which sentences share a word. Full stemming
/// also merges derived forms (`government`/`govern`, `general`/`generous`
/// stems), which links sentences that do not share a topic; keeping only
/// number and possession apart is what helped on news (EVALUATION.md).
///
/// ```
/// use epitome::stem::stem_plural;
/// for (w, s) in [("bridges", "bridge"), ("cities", "city"), ("taxes", "tax"), ("bus", "bus"), ("glass", "glass"), ("uk's", "uk")] {
///     let mut b = [0u8; 16];
///     b[..w.len()].copy_from_slice(w.as_bytes());
///     let n = stem_plural(&mut b[..w.len()]);
///     assert_eq!(&b[..n], s.as_bytes());
/// }
/// ```
#[inline]
pub fn stem_plural(word: &mut [u8]) -> usize {
    stem_plural_rewriting(word).0
}

/// [`stem_plural`], and whether it rewrote the last byte it kept (`-ies`
/// → `-y`, the one rule that changes a byte rather than dropping it).
#[inline]
pub(crate) fn stem_plural_rewriting(word: &mut [u8]) -> (usize, bool) {
    let mut n = word.len();
    // Every rule below ends in `s` or `'`: most words leave here.
    if !matches!(word.last(), Some(b's' | b'\'')) {
        return (n, false);
    }
    let w: &[u8] = word;
    if let [.., b'\'', b's'] = w {
        n = n.saturating_sub(2);
    } else if let [.., b's', b'\''] = w {
        n = n.saturating_sub(1);
    }
    let w = word.get(..n).unwrap_or(&[]);
    match w {
        [.., a, b'i', b'e', b's'] if n > 4 && !is_vowel(*a) => {
            if let Some(slot) = word.get_mut(n.saturating_sub(3)) {
                *slot = b'y';
            }
            (n.saturating_sub(2), true)
        }
        [.., b's', b's'] | [.., b'u', b's'] | [.., b'i', b's'] => (n, false),
        [.., b's' | b'x' | b'z', b'e', b's'] | [.., b'c' | b's', b'h', b'e', b's'] if n > 4 => {
            (n.saturating_sub(2), false)
        }
        [.., _, _, b's'] if n > 3 => (n.saturating_sub(1), false),
        _ => (n, false),
    }
}

#[cfg(test)]
mod tests {
    use super::stem_plural;

    fn stemmed(word: &str) -> heapless::String<40> {
        let mut buf = [0u8; 40];
        let dst = &mut buf[..word.len()];
        dst.copy_from_slice(word.as_bytes());
        let n = stem_plural(dst);
        let mut out = heapless::String::new();
        let _ = out.push_str(core::str::from_utf8(&dst[..n]).unwrap_or("?"));
        out
    }

    #[test]
    fn plurals_and_possessives() {
        for (w, s) in [
            ("bridges", "bridge"),
            ("cities", "city"),
            ("days", "day"),
            ("ties", "tie"),
            ("taxes", "tax"),
            ("churches", "church"),
            ("buses", "bus"),
            ("bus", "bus"),
            ("glass", "glass"),
            ("crisis", "crisis"),
            ("gas", "gas"),
            ("maduro's", "maduro"),
            ("workers'", "worker"),
            ("'s", ""),
            ("s", "s"),
            ("", ""),
        ] {
            assert_eq!(stemmed(w).as_str(), s, "stem_plural({w:?})");
        }
    }

    #[test]
    fn bytes_that_are_not_letters() {
        // Only the ending is read: a possessive inside and odd bytes before
        // `-ies` change nothing else.
        let mut buf = *b"\xff's\x00ies";
        let n = stem_plural(&mut buf);
        assert_eq!(&buf[..n], b"\xff's\x00y");
    }
}
