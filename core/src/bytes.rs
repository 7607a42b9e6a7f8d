//! Byte-level rules, in one place for the tokenizer, the fold and the
//! segmenter: the classes of ASCII bytes, the fold table built from them,
//! the word-at-a-time (SWAR) primitives, and reading the char at a byte
//! offset.
//!
//! Bytes from 0x80 up start or continue a non-ASCII char: they are in no
//! ASCII class ([`NON_ASCII`]) and the callers decode them on their slow
//! paths.

/// An ASCII digit.
pub(crate) const DIGIT: u8 = 1;
/// An ASCII upper-case letter.
pub(crate) const UPPER: u8 = 2;
/// An ASCII lower-case letter.
pub(crate) const LOWER: u8 = 4;
/// An ASCII letter or digit: always inside a word.
pub(crate) const WORD: u8 = DIGIT | UPPER | LOWER;
/// `.`, `,` and `'`: inside a word between the right neighbours.
pub(crate) const INNER: u8 = 8;
/// Every other ASCII byte: a word never runs over it.
pub(crate) const SEPARATOR: u8 = 16;
/// A byte of a non-ASCII char.
pub(crate) const NON_ASCII: u8 = 0;

/// The class of every byte ([`DIGIT`] and the others): one table load.
const CLASS: [u8; 256] = {
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

/// The class of byte `b`.
#[inline(always)]
pub(crate) fn class(b: u8) -> u8 {
    // A `u8` index into a 256-entry table: no bounds check, no panic path.
    CLASS[usize::from(b)]
}

/// The class of byte `i` of `bytes`; `None` past the end.
#[inline(always)]
pub(crate) fn class_at(bytes: &[u8], i: usize) -> Option<u8> {
    bytes.get(i).map(|&b| class(b))
}

/// What [`fold`] gives for a byte that ends a run of ASCII letters and
/// digits, below every folded letter or digit ([`FOLDED_MIN`]), so that
/// the fold's test of a byte also tells the tokenizer how the run ended: a
/// non-ASCII byte (or, from the fold of a fixed window, a run that filled
/// it; both take the general path).
pub(crate) const STOP_FULL: u8 = 0;
/// `-`: a [`SEPARATOR`] that may join the next token to this one.
pub(crate) const STOP_HYPHEN: u8 = 1;
/// Any other [`SEPARATOR`].
pub(crate) const STOP_SEPARATOR: u8 = 2;
/// An [`INNER`] byte.
pub(crate) const STOP_INNER: u8 = 3;
/// The least folded letter or digit (`0`).
pub(crate) const FOLDED_MIN: u8 = b'0';

/// ASCII letters and digits folded to lower case; every other byte gives
/// the code of how it ends a run, from its class: the partition of
/// [`CLASS`], with the hyphen apart.
const FOLD: [u8; 256] = {
    let mut t = [STOP_FULL; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        t[i] = match CLASS[i] {
            NON_ASCII => STOP_FULL,
            INNER => STOP_INNER,
            SEPARATOR if b == b'-' => STOP_HYPHEN,
            SEPARATOR => STOP_SEPARATOR,
            _ => b.to_ascii_lowercase(),
        };
        // Every fold is at least `FOLDED_MIN`, every code below it.
        assert!((t[i] >= FOLDED_MIN) == (CLASS[i] & WORD != 0));
        i += 1;
    }
    t
};

/// Byte `b` folded to lower case if it is an ASCII letter or digit (then
/// at least [`FOLDED_MIN`]), else its stop code ([`STOP_FULL`] and the
/// others).
#[inline(always)]
pub(crate) fn fold(b: u8) -> u8 {
    FOLD[usize::from(b)]
}

/// Bytes in a chunk of the word-at-a-time searches: a machine word, so 8
/// on x86-64 and 4 on Cortex-M, where a `u64` would take two registers. A
/// chunk is read from a byte slice, so the compiler uses byte loads where
/// unaligned word loads fault (Cortex-M0) and one load where they are
/// allowed.
pub(crate) const CHUNK: usize = core::mem::size_of::<usize>();
/// 0x01 in every byte of a chunk.
pub(crate) const ONES: usize = usize::MAX / 0xFF;
/// 0x80 in every byte of a chunk: the bit each test answers in.
pub(crate) const HIGHS: usize = ONES << 7;

/// The chunk of `bytes` (`CHUNK` of them; 0 otherwise), little-endian:
/// byte `k` is bits `8k..8k+8`, so the lowest flagged bit is the first
/// flagged byte.
#[inline(always)]
pub(crate) fn as_chunk(bytes: &[u8]) -> usize {
    <[u8; CHUNK]>::try_from(bytes).map_or(0, usize::from_le_bytes)
}

/// The offset in its chunk of the byte whose flag (bit 7) is the lowest
/// set in `flags` (not 0).
#[inline(always)]
pub(crate) const fn first_flagged(flags: usize) -> usize {
    (flags.trailing_zeros() / 8) as usize
}

/// Bit 7 of each byte of `x` that is zero, exactly for the first one: `(x
/// - 0x01…) & !x` (a false flag can only stand above a true one). The
/// other bits are noise until masked with [`HIGHS`].
#[inline(always)]
pub(crate) const fn zero_bytes_unmasked(x: usize) -> usize {
    x.wrapping_sub(ONES) & !x
}

/// The high bit of each byte of `x` (high bits clear) that is in `lo..=hi`.
/// Per byte, `x + (0x80 - lo)` has its high bit set iff `x >= lo` (no carry
/// into the next byte: `x` is at most 0x7f), so a byte is in range iff the
/// first sum has the bit and the second (`hi + 1`) not.
#[inline(always)]
const fn in_range(x: usize, lo: u8, hi: u8) -> usize {
    (x.wrapping_add(ONES * (0x80 - lo as usize))) & !(x.wrapping_add(ONES * (0x7f - hi as usize)))
}

/// The high bit of each byte of `v` that is not an ASCII letter or digit
/// (not of class [`WORD`]).
#[inline(always)]
const fn not_word_bytes(v: usize) -> usize {
    let x = v & !HIGHS;
    // Setting bit 5 maps `A..=Z` onto `a..=z` (and nothing else onto them).
    let letter = in_range(x | (ONES * 0x20), b'a', b'z');
    let digit = in_range(x, b'0', b'9');
    !((letter | digit) & !v) & HIGHS
}

/// How many ASCII letters and digits start `bytes[i..]`, a chunk at a time.
#[inline]
pub(crate) fn word_run(bytes: &[u8], i: usize) -> usize {
    let mut n = 0usize;
    loop {
        let at = i.wrapping_add(n);
        let Some(c) = bytes.get(at..).and_then(|r| r.first_chunk::<CHUNK>()) else {
            // Fewer than a chunk left: one at a time.
            let tail = bytes.get(at..).unwrap_or(&[]);
            return n.wrapping_add(tail.iter().take_while(|&&b| class(b) & WORD != 0).count());
        };
        let stop = not_word_bytes(usize::from_le_bytes(*c));
        if stop != 0 {
            return n.wrapping_add(first_flagged(stop));
        }
        n = n.wrapping_add(CHUNK);
    }
}

/// The last byte of the chars of the General Punctuation block (U+2000 to
/// U+203F: quotes, dashes, `…`), which are `E2 80 xx`, if one starts at
/// byte `i` of `bytes`. None of them is a word char; U+2019 (`’`,
/// [`APOSTROPHE_LAST_BYTE`]) is an apostrophe, U+2010 and U+2011 hyphens.
#[inline(always)]
pub(crate) fn general_punctuation(bytes: &[u8], i: usize) -> Option<u8> {
    match bytes.get(i..)?.first_chunk::<3>()? {
        [0xE2, 0x80, last] => Some(*last),
        _ => None,
    }
}

/// The last byte of `’` (U+2019, `E2 80 99`).
pub(crate) const APOSTROPHE_LAST_BYTE: u8 = 0x99;

/// The char at byte `i` of `s`, read directly when it is ASCII and decoded
/// from its bytes otherwise (without the boundary checks of slicing a
/// `str`); `None` at the end or on a continuation byte.
#[inline(always)]
pub(crate) fn char_at(s: &str, i: usize) -> Option<char> {
    match s.as_bytes().get(i) {
        Some(&b) if b < 0x80 => Some(char::from(b)),
        Some(&b) => decode_at(s.as_bytes(), i, b),
        None => None,
    }
}

/// The multi-byte char whose lead byte `b0` is at `i` of `b` (valid UTF-8:
/// the continuation bytes follow); `None` on a continuation byte.
#[inline]
fn decode_at(b: &[u8], i: usize, b0: u8) -> Option<char> {
    if b0 < 0xC0 {
        return None;
    }
    let tail = |k: usize| b.get(i.saturating_add(k)).map(|&c| u32::from(c & 0x3F));
    let c1 = tail(1)?;
    if b0 < 0xE0 {
        return char::from_u32((u32::from(b0 & 0x1F) << 6) | c1);
    }
    let c2 = tail(2)?;
    if b0 < 0xF0 {
        return char::from_u32((u32::from(b0 & 0x0F) << 12) | (c1 << 6) | c2);
    }
    char::from_u32((u32::from(b0 & 0x07) << 18) | (c1 << 12) | (c2 << 6) | tail(3)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The chunk-at-a-time test against the class table: every byte value
    /// in every lane, next to neighbours that are and are not word bytes.
    #[test]
    fn word_bytes_in_parallel_match_the_table() {
        for lane in 0..CHUNK {
            for fill in [b'a', b' ', 0xC3, b'Z', b'0', 0x7F, 0xFF, b'@', b'['] {
                for b in 0..=255u8 {
                    let mut bytes = [fill; CHUNK];
                    bytes[lane] = b;
                    let stop = not_word_bytes(usize::from_le_bytes(bytes));
                    for (k, &x) in bytes.iter().enumerate() {
                        let want = class(x) & WORD == 0;
                        assert_eq!(stop >> (8 * k + 7) & 1 == 1, want, "byte {x:#x} in lane {k} of {bytes:x?}");
                    }
                }
            }
        }
    }

    #[test]
    fn the_fold_table_keeps_the_class_partition() {
        for b in 0..=255u8 {
            let want = match class(b) {
                NON_ASCII => STOP_FULL,
                INNER => STOP_INNER,
                SEPARATOR if b == b'-' => STOP_HYPHEN,
                SEPARATOR => STOP_SEPARATOR,
                _ => b.to_ascii_lowercase(),
            };
            assert_eq!(fold(b), want, "{b:#x}");
            assert_eq!(class(b) & WORD != 0, b.is_ascii_alphanumeric(), "{b:#x}");
        }
    }

    #[test]
    fn chars_are_read_as_the_library_reads_them() {
        let s = "a\u{e9}\u{201c}\u{1f600}z";
        for i in 0..=s.len() {
            let want = s.get(i..).and_then(|t| t.chars().next());
            assert_eq!(char_at(s, i), want, "{i}");
        }
    }

    proptest::proptest! {
        #[test]
        fn word_runs_match_a_byte_loop(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..40), i in 0usize..44) {
            let want = bytes.get(i..).map_or(0, |r| r.iter().take_while(|&&b| b.is_ascii_alphanumeric()).count());
            proptest::prop_assert_eq!(word_run(&bytes, i), want);
        }
    }
}
