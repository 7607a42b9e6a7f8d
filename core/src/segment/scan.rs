//! Byte-level searches under the segmenter's rules: the next newline, the
//! next byte where a sentence may end or a quotation mark stands, and
//! ASCII fast paths for trimming and counting words. Each gives exactly the
//! answer of the char-at-a-time form it replaces (`crate::unicode`), checked
//! by the tests below.

pub(super) use crate::bytes::char_at;
use crate::bytes::{CHUNK, HIGHS, ONES, as_chunk, first_flagged, zero_bytes_unmasked};
use crate::unicode::{is_space, trim_end, trim_start};

/// Offset of the first `\n` in `b`: `memchr` (SIMD) on desktop targets.
#[cfg(any(target_arch = "x86_64", target_arch = "aarch64"))]
pub(super) fn find_newline(b: &[u8]) -> Option<usize> {
    memchr::memchr(b'\n', b)
}

/// Offset of the first `\n` in `b`: [`memchr_newline`] elsewhere.
#[cfg(not(any(target_arch = "x86_64", target_arch = "aarch64")))]
pub(super) fn find_newline(b: &[u8]) -> Option<usize> {
    memchr_newline(b)
}

/// Offset of the first `\n` in `b`, two words at a time: a byte of
/// `x ^ 0x0a…0a` is zero where `\n` is, and `(y - 0x01…) & !y & 0x80…`
/// flags the first zero byte exactly (a false flag can only stand above a
/// true one). The two words share one mask and one test (most pairs hold
/// no newline); then a word and the byte-wise tail.
#[cfg(any(test, not(any(target_arch = "x86_64", target_arch = "aarch64"))))]
pub(super) fn memchr_newline(b: &[u8]) -> Option<usize> {
    // Bit 7 of each byte is the answer; the other bits are noise until masked.
    let zero = |chunk: &[u8]| zero_bytes_unmasked(as_chunk(chunk) ^ (ONES * usize::from(b'\n')));
    let at = |base: usize, m: usize| Some(base.saturating_add(first_flagged(m)));
    let mut pairs = b.chunks_exact(2 * CHUNK);
    let mut base = 0usize;
    for pair in &mut pairs {
        let (lo, hi) = pair.split_at(CHUNK);
        let (z0, z1) = (zero(lo), zero(hi));
        if (z0 | z1) & HIGHS != 0 {
            let m0 = z0 & HIGHS;
            return if m0 != 0 { at(base, m0) } else { at(base.saturating_add(CHUNK), z1 & HIGHS) };
        }
        // `base` stays within the slice: no overflow.
        base += 2 * CHUNK;
    }
    let mut rest = pairs.remainder();
    if let Some((lo, tail)) = rest.split_at_checked(CHUNK) {
        let m = zero(lo) & HIGHS;
        if m != 0 {
            return at(base, m);
        }
        (rest, base) = (tail, base.saturating_add(CHUNK));
    }
    rest.iter().position(|&c| c == b'\n').map(|i| base.saturating_add(i))
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

/// The bytes of a word that may be stops: ASCII `!` to `?` (0x21..=0x3F)
/// and UTF-8 lead bytes (0xC0 and up), as the high bit of each byte, and
/// now and then a space: `b + 0x5F` reaches bit 7 from 0x21 on, bit 6 is
/// set from 0x40 on, and a byte from 0xA1 on carries 1 into the next one,
/// which flags a space (0x20) after it too. The high bits are not cleared
/// before the add to stop that carry: it costs an instruction per word,
/// and a space after such a byte (`é `) is rare and only looked up.
const fn may_stop(x: usize) -> usize {
    may_stop_unmasked(x) & HIGHS
}

/// [`may_stop`] before its mask: bit 7 of each byte is the answer, the
/// other bits are noise (two words are tested with one mask).
const fn may_stop_unmasked(x: usize) -> usize {
    // Bit 6 of a byte, moved to bit 7: set from 0x40 on (and in lead bytes).
    let y = x << 1;
    // Where bits 7 and 6 differ (0x40..=0xBF) nothing; where both are
    // set (lead bytes) the byte; where both are clear (ASCII below 0x40)
    // the add's bit 7.
    (x.wrapping_add(ONES * 0x5F) | x) & !(x ^ y)
}

/// [`Stops::base`] when no word has been read: `from - NO_WORD`, wrapping,
/// is `from + CHUNK + 1`, never under `CHUNK` for an offset in a slice, so one
/// compare tells whether `from` is in the word last read.
const NO_WORD: usize = usize::MAX - CHUNK;

/// The bytes of a line where [`STOP_BYTE`] is true, in order, a word at a
/// time: [`may_stop`] flags the candidates and only those are looked up,
/// so most words (letters and spaces) are passed over in a dozen
/// instructions. The word last read is kept, so that the next stop in it
/// costs no new read.
pub(super) struct Stops<'a> {
    bytes: &'a [u8],
    /// Start of the word last read ([`NO_WORD`]: none), and its
    /// candidates not yet returned.
    base: usize,
    pending: usize,
}

impl<'a> Stops<'a> {
    /// Stops of `bytes`, none read yet.
    pub(super) const fn new(bytes: &'a [u8]) -> Self {
        Stops { bytes, base: NO_WORD, pending: 0 }
    }

    /// Offset of the first stop at or after `from` (which never goes back
    /// before a stop already returned). Out of line, for the scans that
    /// run seldom ([`super::quotes`]).
    pub(super) fn next_from(&mut self, from: usize) -> Option<usize> {
        self.next_from_inline(from)
    }

    /// [`Stops::next_from`] inlined into its caller: the sentence scan,
    /// which asks for a stop or two per sentence, saves a call's
    /// prologue and set-up on each.
    #[inline(always)]
    pub(super) fn next_from_inline(&mut self, from: usize) -> Option<usize> {
        let mut i = from;
        let skip = from.wrapping_sub(self.base);
        if skip < CHUNK {
            // In the word last read: its candidates from `from` on.
            // `skip < CHUNK`: the shift is less than a word's bits.
            let m = self.pending & usize::MAX.wrapping_shl((skip * 8) as u32);
            if let Some(k) = self.first_stop(self.base, m) {
                return Some(k);
            }
            i = self.base.wrapping_add(CHUNK);
        }
        // Two words per step, one test for both: most pairs hold no
        // candidate. The rest of the slice is the loop's one variable: a
        // pair's offset is needed only when it holds a candidate.
        let start = self.bytes.get(i..)?;
        let mut rest = start;
        while let Some((pair, tail)) = rest.split_first_chunk::<{ 2 * CHUNK }>() {
            let (lo, hi) = pair.split_at(CHUNK);
            let (r0, r1) = (may_stop_unmasked(as_chunk(lo)), may_stop_unmasked(as_chunk(hi)));
            if (r0 | r1) & HIGHS != 0 {
                // Within the slice: no overflow.
                let at = i + (start.len() - rest.len());
                if let Some(k) = self.first_stop(at, r0 & HIGHS) {
                    return Some(k);
                }
                if let Some(k) = self.first_stop(at + CHUNK, r1 & HIGHS) {
                    return Some(k);
                }
            }
            rest = tail;
        }
        i += start.len() - rest.len();
        if let Some(lo) = rest.get(..CHUNK) {
            if let Some(k) = self.first_stop(i, may_stop(as_chunk(lo))) {
                return Some(k);
            }
            i += CHUNK;
        }
        (self.base, self.pending) = (NO_WORD, 0);
        let tail = self.bytes.get(i..)?;
        tail.iter().position(|&c| STOP_BYTE[usize::from(c)]).map(|k| i.saturating_add(k))
    }

    /// The first candidate in `m` (the word at `base`) that is a stop;
    /// keeps the word and its later candidates for the next call. Called
    /// out of line on bare-metal targets, where flash is short and inlined
    /// it saved little for its size.
    #[cfg_attr(target_os = "none", inline(never))]
    fn first_stop(&mut self, base: usize, mut m: usize) -> Option<usize> {
        while m != 0 {
            // A byte of the word at `base`, which is in the slice: no overflow.
            let k = base.wrapping_add(first_flagged(m));
            m &= m.wrapping_sub(1);
            if self.bytes.get(k).is_some_and(|&c| STOP_BYTE[usize::from(c)]) {
                (self.base, self.pending) = (base, m);
                return Some(k);
            }
        }
        None
    }
}

/// True if `hay` contains `needle` (lower-case ASCII) ignoring ASCII case.
/// The words are searched for the needle's byte at `probe` (pick a rare
/// one: `w` of `newsletter`, not `n`): words where no byte can be it
/// (`byte | 0x20` is that byte, by the zero-byte test of
/// [`memchr_newline`]) are passed over, and the flagged bytes — a false
/// flag among them is possible, above a true one — are compared in full
/// at the needle's start `probe` bytes before.
pub(super) fn contains_ignore_ascii_case(hay: &[u8], needle: &[u8], probe: usize) -> bool {
    let Some(&key) = needle.get(probe) else { return needle.is_empty() };
    if hay.len() < needle.len() {
        return false;
    }
    let at = |i: usize| {
        i.checked_sub(probe)
            .and_then(|s| hay.get(s..s.saturating_add(needle.len())))
            .is_some_and(|w| w.eq_ignore_ascii_case(needle))
    };
    let mut chunks = hay.chunks_exact(CHUNK);
    let mut base = 0usize;
    for chunk in &mut chunks {
        let y = (as_chunk(chunk) | (ONES * 0x20)) ^ (ONES * usize::from(key | 0x20));
        let mut m = zero_bytes_unmasked(y) & HIGHS;
        while m != 0 {
            if at(base.saturating_add(first_flagged(m))) {
                return true;
            }
            m &= m.wrapping_sub(1);
        }
        base = base.saturating_add(CHUNK);
    }
    (0..chunks.remainder().len()).any(|k| at(base.saturating_add(k)))
}

/// Offset of the first char at or after byte `i` of `s` that is not white
/// space (`s.len()` if there is none): `i` plus the white space
/// [`trim_start`] would remove from `s[i..]`.
pub(super) fn skip_space(s: &str, mut i: usize) -> usize {
    while let Some(c) = char_at(s, i) {
        if !is_space(c) {
            return i;
        }
        i = i.saturating_add(c.len_utf8());
    }
    s.len()
}

/// True for the ASCII white space of [`is_space`].
const fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// [`trim_start`] on bytes while they are ASCII: leading ASCII white space
/// (the space between two sentences) is skipped byte by byte, and only a
/// non-ASCII byte sends the rest to the char loop.
pub(super) fn trim_start_fast(s: &str) -> &str {
    let b = s.as_bytes();
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        if c >= 0x80 {
            return trim_start(s.get(i..).unwrap_or(""));
        }
        if !is_ascii_space(c) {
            break;
        }
        i = i.saturating_add(1);
    }
    s.get(i..).unwrap_or("")
}

/// [`trim_end`] with the same fast exit at the end.
pub(super) fn trim_end_fast(s: &str) -> &str {
    match s.as_bytes().last() {
        Some(&b) if b < 0x80 && !is_ascii_space(b) => s,
        _ => trim_end(s),
    }
}

/// `s` without surrounding white space ([`crate::unicode::trim`]).
#[cfg(test)]
fn trim_fast(s: &str) -> &str {
    trim_end_fast(trim_start_fast(s))
}

/// The ASCII white space bytes of `x` (a word of ASCII bytes: no high bit
/// set), as the high bit of each byte, exactly: a space (`x ^ 0x20…` is a
/// zero byte, so adding 0x7F leaves its bit 7 clear) or 0x09..=0x0D (adding
/// 0x77 sets bit 7 from 0x09 on, adding 0x72 from 0x0E on). No byte
/// carries into the next.
const fn ascii_space(x: usize) -> usize {
    let z = x ^ (ONES * 0x20);
    let space = !z.wrapping_add(ONES * 0x7F);
    let control = x.wrapping_add(ONES * 0x77) & !x.wrapping_add(ONES * 0x72);
    (space | control) & HIGHS
}

/// The number of white-space separated words in `s`
/// ([`crate::unicode::count_words`]), but at most `cap`: the segmenter only
/// compares it with small thresholds, so it stops counting there. A word
/// of ASCII bytes is counted at once (a word starts at a non-space byte
/// after a space); a word holding other bytes byte by byte, where only a
/// lead byte is decoded, since every non-ASCII space is a multi-byte char.
pub(super) fn count_words_up_to(s: &str, cap: u32) -> u32 {
    let b = s.as_bytes();
    let (mut n, mut in_word) = (0u32, false);
    let mut chunks = b.chunks_exact(CHUNK);
    let mut base = 0usize;
    for chunk in &mut chunks {
        let x = as_chunk(chunk);
        if x & HIGHS == 0 {
            let space = ascii_space(x);
            let before = (space << 8) | if in_word { 0 } else { 0x80 };
            n = n.saturating_add((!space & before & HIGHS).count_ones());
            in_word = space >> (8 * CHUNK - 1) == 0;
        } else {
            (n, in_word) = count_bytes(s, base, chunk, n, in_word);
        }
        if n >= cap {
            return cap;
        }
        base = base.saturating_add(CHUNK);
    }
    (n, _) = count_bytes(s, base, chunks.remainder(), n, in_word);
    n.min(cap)
}

/// [`count_words_up_to`] one byte at a time over `chunk`, the bytes of `s`
/// from `base` on: the word count and whether a word is open after them.
fn count_bytes(s: &str, base: usize, chunk: &[u8], mut n: u32, mut in_word: bool) -> (u32, bool) {
    for (k, &c) in chunk.iter().enumerate() {
        let word = if c < 0x80 {
            !is_ascii_space(c)
        } else if c >= 0xC0 {
            !s.get(base.saturating_add(k)..).and_then(|t| t.chars().next()).is_some_and(is_space)
        } else {
            // A continuation byte: part of the char already judged.
            continue;
        };
        if word && !in_word {
            n = n.saturating_add(1);
        }
        in_word = word;
    }
    (n, in_word)
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
            proptest::prop_assert_eq!(find_newline(&b), b.iter().position(|&c| c == b'\n'));
        }
    }

    proptest::proptest! {
        /// The word-at-a-time stop search agrees with a plain scan, from any start.
        #[test]
        fn stop_search_matches_a_plain_scan(
            b in proptest::collection::vec(proptest::sample::select(&[b'a', b' ', b'.', b'!', b'?', b'"', b'!' - 1, b'?' + 1, b'@', b'0', 0x7f, 0x80, 0xbf, 0xc0, 0xc2, 0xc3, 0xe2, 0xe3, 0xff][..]), 0..80),
            from in 0usize..44,
        ) {
            let plain = |from: usize| b.get(from..).and_then(|t| t.iter().position(|&c| STOP_BYTE[usize::from(c)])).map(|k| k + from);
            // From `from`, then on from each stop found, as the sentence scan goes.
            let mut stops = Stops::new(&b);
            let mut at = from;
            loop {
                let got = stops.next_from(at);
                proptest::prop_assert_eq!(got, plain(at));
                let Some(p) = got else { break };
                at = p + 1 + (p % 3);
            }
        }
    }

    proptest::proptest! {
        /// The word-at-a-time search ignoring case agrees with comparing every window.
        #[test]
        fn case_blind_search_matches_every_window(
            hay in proptest::collection::vec(proptest::sample::select(&[b'n', b'N', b'e', b'E', b'w', b' ', 0x0e, 0x4e | 0x80, 0xce, b'.'][..]), 0..40),
            needle in proptest::sample::select(&["n", "ne", "new", "newsletter", "en", "w n"][..]),
            probe in 0usize..10,
        ) {
            let plain = hay.windows(needle.len()).any(|w| w.eq_ignore_ascii_case(needle.as_bytes()));
            let probe = probe % needle.len();
            proptest::prop_assert_eq!(contains_ignore_ascii_case(&hay, needle.as_bytes(), probe), plain);
        }
    }

    const PIECES: [&str; 16] = [
        " ", "a", "Z", "\t", "\n", "\u{a0}", "\u{2009}", "\u{3000}", "\u{85}", "\u{e9}", "\u{2014}", "\u{1680}", ".",
        "\r", "\u{b}", "\u{202f}",
    ];

    proptest::proptest! {
        /// The fast trims and the capped word count agree with `unicode`'s.
        #[test]
        fn fast_trims_and_counts_match_unicode(ix in proptest::collection::vec(0..PIECES.len(), 0..48), cap in 1u32..40) {
            let s: std::string::String = ix.iter().map(|&i| PIECES[i]).collect();
            proptest::prop_assert_eq!(trim_start_fast(&s), trim_start(&s));
            proptest::prop_assert_eq!(trim_end_fast(&s), trim_end(&s));
            proptest::prop_assert_eq!(trim_fast(&s), trim(&s));
            proptest::prop_assert_eq!(count_words_up_to(&s, cap), count_words(&s).min(cap));
            for (i, _) in s.char_indices() {
                let rest = &s[i..];
                proptest::prop_assert_eq!(skip_space(&s, i), i + rest.len() - trim_start(rest).len());
                proptest::prop_assert_eq!(char_at(&s, i), rest.chars().next());
            }
        }
    }
}
