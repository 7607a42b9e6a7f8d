//! Byte-level searches under the segmenter's rules: the next newline, the
//! next byte where a sentence may end or a quotation mark stands, and
//! ASCII fast paths for trimming and counting words. Each gives exactly the
//! answer of the char-at-a-time form it replaces (`crate::unicode`), checked
//! by the tests below and, through the segmenter, by
//! `core/tests/segment_reference.rs`.

use crate::unicode::{is_space, trim_end, trim_start};

/// Offset of the first `\n` in `b`: eight bytes at a time (SWAR: a byte of
/// `x ^ 0x0a…0a` is zero where `\n` is), then the byte-wise tail.
pub(super) fn memchr_newline(b: &[u8]) -> Option<usize> {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    let mut chunks = b.chunks_exact(8);
    let mut base = 0usize;
    for chunk in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(chunk);
        let x = u64::from_le_bytes(w) ^ (LO * u64::from(b'\n'));
        if x.wrapping_sub(LO) & !x & HI != 0 {
            return chunk.iter().position(|&c| c == b'\n').map(|i| base.saturating_add(i));
        }
        base = base.saturating_add(8);
    }
    chunks.remainder().iter().position(|&c| c == b'\n').map(|i| base.saturating_add(i))
}

/// Bytes where the sentence scan stops: `.`, `!`, `?`, `"`, and the lead
/// bytes 0xE2 (of `…` and curly quotes) and 0xC2 (of guillemets), checked
/// after decoding. The scan counts quotation marks as it goes, so they cost
/// no second pass.
pub(super) const STOP_BYTE: [bool; 256] = {
    let mut t = [false; 256];
    t[b'.' as usize] = true;
    t[b'!' as usize] = true;
    t[b'?' as usize] = true;
    t[b'"' as usize] = true;
    t[0xE2] = true;
    t[0xC2] = true;
    t
};

/// Offset of the first byte at or after `from` that [`STOP_BYTE`] marks.
///
/// A word at a time (SWAR): a cheap filter flags the bytes that may be
/// stops — ASCII `!` to `?` (0x21..=0x3F) and UTF-8 lead bytes (0xC0 and
/// up) — and only those are looked up. Most of a line is letters and
/// spaces, so most words are passed over in a dozen instructions.
pub(super) fn next_stop(b: &[u8], from: usize) -> Option<usize> {
    const W: usize = core::mem::size_of::<usize>();
    const LO: usize = usize::MAX / 0xFF;
    const HI: usize = LO << 7;
    let rest = b.get(from..)?;
    let mut chunks = rest.chunks_exact(W);
    let mut base = from;
    for chunk in &mut chunks {
        let mut w = [0u8; W];
        w.copy_from_slice(chunk);
        let x = usize::from_le_bytes(w);
        // Per byte, with the high bit cleared there is no carry between
        // bytes: `t + 0x5F` reaches bit 7 from 0x21 on, `t + 0x40` from 0x40.
        let t = x & !HI;
        let ascii = t.wrapping_add(LO * 0x5F) & !t.wrapping_add(LO * 0x40) & !x;
        let lead = x & (x << 1);
        let mut m = (ascii | lead) & HI;
        while m != 0 {
            let k = (m.trailing_zeros() / 8) as usize;
            if chunk.get(k).is_some_and(|&c| STOP_BYTE[usize::from(c)]) {
                return Some(base.saturating_add(k));
            }
            m &= m.wrapping_sub(1);
        }
        base = base.saturating_add(W);
    }
    chunks.remainder().iter().position(|&c| STOP_BYTE[usize::from(c)]).map(|k| base.saturating_add(k))
}

/// True for the ASCII white space of [`is_space`].
const fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// [`trim_start`] with a fast exit: text that starts with an ASCII byte
/// other than white space (most units) is returned as it is.
pub(super) fn trim_start_fast(s: &str) -> &str {
    match s.as_bytes().first() {
        Some(&b) if b < 0x80 && !is_ascii_space(b) => s,
        _ => trim_start(s),
    }
}

/// [`trim_end`] with the same fast exit at the end.
pub(super) fn trim_end_fast(s: &str) -> &str {
    match s.as_bytes().last() {
        Some(&b) if b < 0x80 && !is_ascii_space(b) => s,
        _ => trim_end(s),
    }
}

/// `s` without surrounding white space ([`crate::unicode::trim`]).
pub(super) fn trim_fast(s: &str) -> &str {
    trim_end_fast(trim_start_fast(s))
}

/// The number of white-space separated words in `s`
/// ([`crate::unicode::count_words`]), but at most `cap`: the segmenter only
/// compares it with small thresholds, so it stops counting there. Bytes
/// are read as they are; only a lead byte is decoded, since every
/// non-ASCII space is a multi-byte char.
pub(super) fn count_words_up_to(s: &str, cap: u32) -> u32 {
    let b = s.as_bytes();
    let (mut n, mut in_word) = (0u32, false);
    for (i, &c) in b.iter().enumerate() {
        let word = if c < 0x80 {
            !is_ascii_space(c)
        } else if c >= 0xC0 {
            !s.get(i..).and_then(|t| t.chars().next()).is_some_and(is_space)
        } else {
            // A continuation byte: part of the char already judged.
            continue;
        };
        if word && !in_word {
            n = n.saturating_add(1);
            if n >= cap {
                return cap;
            }
        }
        in_word = word;
    }
    n
}

#[cfg(test)]
mod tests {
    extern crate std;
    use super::*;
    use crate::unicode::{count_words, trim};

    proptest::proptest! {
        /// The eight-bytes-at-a-time newline search agrees with a plain scan.
        #[test]
        fn newline_search_matches_a_plain_scan(b in proptest::collection::vec(proptest::sample::select(&[b'a', b'\n', b'\r', 0x0b, 0x8a, 0xff][..]), 0..40)) {
            proptest::prop_assert_eq!(memchr_newline(&b), b.iter().position(|&c| c == b'\n'));
        }
    }

    proptest::proptest! {
        /// The word-at-a-time stop search agrees with a plain scan, from any start.
        #[test]
        fn stop_search_matches_a_plain_scan(
            b in proptest::collection::vec(proptest::sample::select(&[b'a', b' ', b'.', b'!', b'?', b'"', b'!' - 1, b'?' + 1, b'@', b'0', 0x7f, 0x80, 0xbf, 0xc0, 0xc2, 0xc3, 0xe2, 0xe3, 0xff][..]), 0..40),
            from in 0usize..44,
        ) {
            let plain = b.get(from..).and_then(|t| t.iter().position(|&c| STOP_BYTE[usize::from(c)])).map(|k| k + from);
            proptest::prop_assert_eq!(next_stop(&b, from), plain);
        }
    }

    const PIECES: [&str; 16] = [
        " ", "a", "Z", "\t", "\n", "\u{a0}", "\u{2009}", "\u{3000}", "\u{85}", "\u{e9}", "\u{2014}", "\u{1680}", ".",
        "\r", "\u{b}", "\u{202f}",
    ];

    proptest::proptest! {
        /// The fast trims and the capped word count agree with `unicode`'s.
        #[test]
        fn fast_trims_and_counts_match_unicode(ix in proptest::collection::vec(0..PIECES.len(), 0..24), cap in 1u32..20) {
            let s: std::string::String = ix.iter().map(|&i| PIECES[i]).collect();
            proptest::prop_assert_eq!(trim_start_fast(&s), trim_start(&s));
            proptest::prop_assert_eq!(trim_end_fast(&s), trim_end(&s));
            proptest::prop_assert_eq!(trim_fast(&s), trim(&s));
            proptest::prop_assert_eq!(count_words_up_to(&s, cap), count_words(&s).min(cap));
        }
    }
}
