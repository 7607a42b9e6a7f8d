//! A word folded into a fixed buffer: case folding, the stopword test,
//! light (plural) stemming and hashing, the steps from a token's text to
//! its term key.

use crate::bytes::{self, FOLDED_MIN, STOP_FULL};
use crate::hash::{self, fnv1a};
use crate::stem::stem_plural_rewriting;

/// Longest word, in bytes after folding, that is normalized whole; longer
/// words are hashed on this prefix (they are rare and never stopwords).
pub const MAX_WORD_BYTES: usize = 32;

/// A word folded to lower case in a fixed buffer, no allocation.
#[derive(Debug, Clone, Copy)]
pub struct Folded {
    /// The folded bytes, then zeros: the stopword key reads the first 16
    /// bytes as they are.
    buf: [u8; MAX_WORD_BYTES],
    len: usize,
    ascii: bool,
    /// An apostrophe was folded into the word (stemming or a dropped
    /// elision may have taken it out since): set where one is folded in,
    /// so that [`Folded::may_be_elided`] answers most words from this flag.
    apostrophe: bool,
    /// [`fnv1a`] of the folded bytes, computed while folding.
    hash: u32,
}

impl Folded {
    /// The term-table key of this folded word ([`super::term_key`]): `None` for a
    /// stopword, else the hash of its stem. Inlined: it is a few
    /// instructions, next to the call's cost of passing the word by value.
    #[inline]
    pub fn term_key(mut self) -> Option<u32> {
        self.stem_to_key()
    }

    /// [`Folded::term_key`] in place, with no copy of the fold: stems it
    /// (unless it is a stopword, which is left as it is) and returns its key.
    #[inline]
    pub fn stem_to_key(&mut self) -> Option<u32> {
        if self.is_stopword() {
            return None;
        }
        self.stem();
        Some(self.hash())
    }

    /// Folds `word`: lower case (one-to-one, [`crate::unicode::to_lower`]), curly apostrophe to
    /// `'`. Bytes past [`MAX_WORD_BYTES`] are dropped at a char boundary.
    #[inline]
    pub fn new(word: &str) -> Self {
        // Fast path, inlined: most news words are short and ASCII; fold and
        // hash in one pass with no branch per byte, and leave for the
        // general path afterwards if any byte was not ASCII.
        if word.len() <= MAX_WORD_BYTES {
            let apostrophe = word.as_bytes().contains(&b'\'');
            let mut f =
                Folded { buf: [0; MAX_WORD_BYTES], len: word.len(), ascii: true, apostrophe, hash: hash::OFFSET };
            let mut seen = 0u8;
            for (d, &s) in f.buf.iter_mut().zip(word.as_bytes()) {
                seen |= s;
                let l = ASCII_LOWER[usize::from(s)];
                *d = l;
                f.hash = hash::step(f.hash, l);
            }
            if seen.is_ascii() {
                return f;
            }
        }
        Self::new_general(word)
    }

    /// [`Folded::new`] of a long or non-ASCII word.
    fn new_general(word: &str) -> Self {
        let mut f = Folded { buf: [0; MAX_WORD_BYTES], len: 0, ascii: true, apostrophe: false, hash: 0 };
        if word.is_ascii() {
            f.apostrophe = word.as_bytes().contains(&b'\'');
            for (d, s) in f.buf.iter_mut().zip(word.bytes()) {
                *d = s.to_ascii_lowercase();
            }
            f.len = word.len().min(MAX_WORD_BYTES);
            f.hash = fnv1a(f.as_bytes());
            return f;
        }
        f.hash = hash::OFFSET;
        f.extend_general(word);
        f
    }

    /// Appends the fold of `word` char by char (the general fold: what
    /// [`Folded::new`] does to a word, continued from this fold), hashing
    /// as it goes; stops for good at the first char that does not fit.
    pub(crate) fn extend_general(&mut self, word: &str) {
        for c in word.chars() {
            if c.is_ascii() {
                if !self.push_hashed(c.to_ascii_lowercase() as u8) {
                    break;
                }
                continue;
            }
            if c == '\u{2019}' {
                if !self.push_hashed(b'\'') {
                    break;
                }
                continue;
            }
            self.ascii = false;
            let mut tmp = [0u8; 4];
            let enc = crate::unicode::to_lower(c).encode_utf8(&mut tmp).as_bytes();
            if self.len.saturating_add(enc.len()) > MAX_WORD_BYTES {
                break;
            }
            for &b in enc {
                self.push_hashed(b);
            }
        }
    }

    /// The fold of the empty word, to be extended by the tokenizer's
    /// one-pass path ([`Folded::extend_ascii`], [`Folded::push_hashed`]).
    pub(crate) const EMPTY: Folded =
        Folded { buf: [0; MAX_WORD_BYTES], len: 0, ascii: true, apostrophe: false, hash: hash::OFFSET };

    /// Appends the ASCII letters and digits that start `text[from..]`,
    /// folded and hashed in one loop with one table load per byte, while
    /// the buffer has room; returns how many. What [`Folded::new`] makes of
    /// a word is this, for a word of ASCII letters and digits.
    pub(crate) fn extend_ascii(&mut self, text: &[u8], from: usize) -> usize {
        let src = text.get(from..).unwrap_or(&[]);
        let dst = self.buf.get_mut(self.len..).unwrap_or(&mut []);
        let mut h = self.hash;
        let mut n = 0usize;
        for (d, &b) in dst.iter_mut().zip(src) {
            if fold_step(d, b, &mut h).is_some() {
                break;
            }
            n = n.wrapping_add(1);
        }
        self.hash = h;
        self.len = self.len.wrapping_add(n);
        n
    }

    /// Starts this fold afresh with the ASCII letters and digits that start
    /// `window` ([`Folded::EMPTY`] then [`Folded::extend_ascii`]); returns
    /// how many, and the code of the byte that ended them
    /// ([`crate::bytes::fold`]; [`STOP_FULL`] if none did: the run fills
    /// the buffer). The fold's table gives that code with the byte's fold,
    /// so the tokenizer decides the token's end from it without loading
    /// the byte and its class again. Both sides of the loop are fixed-size
    /// arrays, so its trip count is a constant (the compiler unrolls it)
    /// and there is no per-word set-up of slices and lengths.
    #[inline(always)]
    pub(crate) fn start_ascii(&mut self, window: &[u8; MAX_WORD_BYTES]) -> (usize, u8) {
        self.buf = [0; MAX_WORD_BYTES];
        self.ascii = true;
        self.apostrophe = false;
        let mut h = hash::OFFSET;
        let mut n = 0usize;
        let mut stop = STOP_FULL;
        for (d, &b) in self.buf.iter_mut().zip(window) {
            if let Some(code) = fold_step(d, b, &mut h) {
                stop = code;
                break;
            }
            n = n.wrapping_add(1);
        }
        self.hash = h;
        self.len = n;
        (n, stop)
    }

    /// Appends one folded byte and hashes it; false if the buffer is full.
    pub(crate) fn push_hashed(&mut self, b: u8) -> bool {
        if !self.push_byte(b) {
            return false;
        }
        self.apostrophe |= b == b'\'';
        self.hash = hash::step(self.hash, b);
        true
    }

    fn push_byte(&mut self, b: u8) -> bool {
        match self.buf.get_mut(self.len) {
            Some(slot) => {
                *slot = b;
                self.len = self.len.saturating_add(1);
                true
            }
            None => false,
        }
    }

    /// The folded bytes (UTF-8).
    pub fn as_bytes(&self) -> &[u8] {
        self.buf.get(..self.len).unwrap_or(&[])
    }

    /// True if this folded word is an English stopword. Inlined: it is a
    /// few instructions once the key is built, next to a call's cost.
    #[inline]
    pub fn is_stopword(&self) -> bool {
        self.stop_mask() & 1 != 0
    }

    /// False if this folded word cannot start with an elided word (`l'`,
    /// `jusqu'`: [`crate::lang::elided`]), whose apostrophe is among its
    /// first seven bytes, so that most words skip the elision's search:
    /// those the tokenizer folded no apostrophe into leave on a flag, the
    /// others on a word-at-a-time test of the zero-padded buffer.
    #[inline]
    pub fn may_be_elided(&self) -> bool {
        use crate::bytes::{CHUNK, HIGHS, ONES, as_chunk, zero_bytes_unmasked};
        if !self.apostrophe {
            return false;
        }
        let head = self.buf.get(..8).unwrap_or(&[]);
        head.chunks_exact(CHUNK).any(|c| zero_bytes_unmasked(as_chunk(c) ^ (ONES * usize::from(b'\''))) & HIGHS != 0)
    }

    /// The languages this folded word is a stopword of
    /// ([`crate::stopwords::stop_mask`]: bit `i` is [`crate::Language::ALL`]`[i]`).
    #[inline]
    pub fn stop_mask(&self) -> u8 {
        // The buffer holds the word's bytes and zeros after them, as the
        // lookup reads them: no copy.
        match self.buf.first_chunk::<16>() {
            Some(padded) => crate::stopwords::stop_mask_padded(padded, self.len, self.hash),
            None => 0,
        }
    }

    /// Stems in place: for ASCII words the possessive and plural endings
    /// are dropped ([`crate::stem::stem_plural`]; full Porter2 stemming
    /// merged unrelated words and made sentence scores worse on news,
    /// EVALUATION.md); for other words only the possessive `'s` is dropped.
    #[inline]
    pub fn stem(&mut self) {
        // Every ending dropped ends in `s` or `'`: most words leave here,
        // without a call.
        if matches!(self.as_bytes().last(), Some(b's' | b'\'')) {
            self.stem_ending();
        }
    }

    fn stem_ending(&mut self) {
        let before = self.len;
        // Whether the last byte kept was rewritten (`-ies` → `-y`): the
        // other endings are only dropped, and their bytes stay in the
        // buffer until cleared below.
        let mut rewrote = false;
        if self.ascii {
            let n = self.len.min(MAX_WORD_BYTES);
            if let Some(w) = self.buf.get_mut(..n) {
                let (len, r) = stem_plural_rewriting(w);
                (self.len, rewrote) = (len.min(n), r);
            }
        } else if self.as_bytes().ends_with(b"'s") {
            self.len = self.len.saturating_sub(2);
        }
        // An unchanged length means unchanged bytes: the hash holds.
        if self.len == before {
            return;
        }
        // The dropped bytes taken off the end of the hash, last first
        // ([`hash::unstep`]: cheaper than hashing the stem again), then
        // the rewritten byte as it was and as it is.
        let keep = if rewrote { self.len.saturating_sub(1) } else { self.len };
        let mut h = self.hash;
        let mut i = before;
        while i > keep {
            i = i.wrapping_sub(1);
            let old = if rewrote && i == keep { b'i' } else { self.buf.get(i).copied().unwrap_or(0) };
            h = hash::unstep(h, old);
        }
        if rewrote {
            h = hash::step(h, b'y');
        }
        self.hash = h;
        // Zeros after the bytes, as the stopword key reads them: only
        // the dropped ending was not zero, and it is at most four bytes
        // (`'s` then `-es`). The bytes past it are zero already, so four
        // zeros from the new end in one store where they fit, else a
        // fixed loop (no memset call either way).
        if let Some(tail) = self.buf.get_mut(self.len..).and_then(|t| t.first_chunk_mut::<4>()) {
            *tail = [0; 4];
            return;
        }
        let mut i = self.len;
        for _ in 0..4 {
            if i < before
                && let Some(b) = self.buf.get_mut(i)
            {
                *b = 0;
            }
            i = i.wrapping_add(1);
        }
    }

    /// 32-bit [`fnv1a`] of the folded bytes: the term's identity.
    pub fn hash(&self) -> u32 {
        self.hash
    }
}

/// The languages besides English: their stemmers and elisions
/// (`crate::lang`) on the fold, keeping its hash and its zeros exact.
impl Folded {
    /// Stems in place as a word of `language` ([`crate::lang::stem::stem`];
    /// English is [`Folded::stem`]).
    #[inline]
    pub fn stem_in(&mut self, language: crate::Language) {
        if language == crate::Language::English {
            self.stem();
            return;
        }
        let n = self.len.min(MAX_WORD_BYTES);
        let len = match self.buf.get_mut(..n) {
            Some(w) => crate::lang::stem::stem(language, w).min(n),
            None => n,
        };
        self.truncate_rehash(len);
    }

    /// Drops an elided article, pronoun or conjunction that starts the
    /// fold (`l'` of `l'équipage`, `dell'` of `dell'anno`) if `language`
    /// elides it ([`crate::lang::elided`]), rehashing; returns how many
    /// folded bytes it dropped (0: none). The one home of that rule for
    /// everyone who keys a word: the counting pass, [`Folded::stem_to_key_in`]
    /// and the digest.
    #[inline]
    pub fn drop_elision(&mut self, language: crate::Language) -> usize {
        // Most words hold no apostrophe: they leave on a flag.
        if !self.may_be_elided() {
            return 0;
        }
        let (n, mask) = crate::lang::elided(self.as_bytes());
        if mask & language.bit() == 0 {
            return 0;
        }
        self.drop_prefix(n);
        n
    }

    /// Drops the first `n` bytes of the fold (an elided `l'`), rehashing.
    pub fn drop_prefix(&mut self, n: usize) {
        let n = n.min(self.len);
        for i in 0..MAX_WORD_BYTES {
            let b = self.buf.get(i.saturating_add(n)).copied().unwrap_or(0);
            if let Some(d) = self.buf.get_mut(i) {
                *d = b;
            }
        }
        let len = self.len.saturating_sub(n);
        self.truncate_rehash(len);
    }

    /// Keeps the first `len` bytes (the bytes after them may have been
    /// rewritten), zeros the rest and hashes the fold again.
    fn truncate_rehash(&mut self, len: usize) {
        self.len = len.min(MAX_WORD_BYTES);
        if let Some(tail) = self.buf.get_mut(self.len..) {
            tail.fill(0);
        }
        self.hash = fnv1a(self.as_bytes());
    }

    /// The term-table key of this folded word in `language`: `None` for
    /// one of its stopwords, else the hash of its stem, an elided article
    /// or pronoun (`l'`, `qu'`) dropped first. English is
    /// [`Folded::stem_to_key`].
    #[inline]
    pub fn stem_to_key_in(&mut self, language: crate::Language) -> Option<u32> {
        if language == crate::Language::English {
            return self.stem_to_key();
        }
        self.drop_elision(language);
        if self.stop_mask() & language.bit() != 0 {
            return None;
        }
        self.stem_in(language);
        Some(self.hash())
    }
}

/// One byte of the ASCII fold: `b` folded into `d` and hashed into `h` if
/// it is an ASCII letter or digit (`None`); otherwise nothing is written
/// and the answer is the code of how `b` ends the run ([`STOP_FULL`] and
/// the others).
#[inline(always)]
fn fold_step(d: &mut u8, b: u8, h: &mut u32) -> Option<u8> {
    let l = bytes::fold(b);
    if l < FOLDED_MIN {
        return Some(l);
    }
    *d = l;
    *h = hash::step(*h, l);
    None
}

/// Bytes to ASCII lower case (other bytes unchanged): one load per byte.
const ASCII_LOWER: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = (i as u8).to_ascii_lowercase();
        i += 1;
    }
    t
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bytes::{STOP_HYPHEN, STOP_INNER, STOP_SEPARATOR};
    use proptest::strategy::Strategy;

    /// Folding one char at a time, for checking the fast path against.
    fn naive_fold(word: &str) -> ([u8; MAX_WORD_BYTES], usize) {
        let (mut buf, mut len) = ([0u8; MAX_WORD_BYTES], 0);
        for c in word.chars() {
            let c = if c == '\u{2019}' { '\'' } else { crate::unicode::to_lower(c) };
            let mut tmp = [0u8; 4];
            let enc = c.encode_utf8(&mut tmp).as_bytes();
            if len + enc.len() > MAX_WORD_BYTES {
                break;
            }
            buf[len..len + enc.len()].copy_from_slice(enc);
            len += enc.len();
        }
        (buf, len)
    }

    proptest::proptest! {
        /// The table-driven ASCII path folds and hashes as the general one.
        #[test]
        fn fast_fold_matches_naive(word in "([a-zA-Z0-9'\u{0}-\u{7f}]{0,40}|[a-zA-Zé’ÉŁ]{0,40})") {
            let f = Folded::new(&word);
            let (buf, len) = naive_fold(&word);
            proptest::prop_assert_eq!(f.as_bytes(), &buf[..len]);
            proptest::prop_assert_eq!(f.hash(), fnv1a(&buf[..len]));
        }

        /// The fixed-window fold against a byte loop: the run of ASCII
        /// letters and digits, its fold and hash, the zeros after it, and
        /// the code of the byte that stopped it.
        #[test]
        fn window_fold_matches_a_byte_loop(
            window in proptest::array::uniform32(proptest::prop_oneof![
                3 => proptest::char::range('0', 'z').prop_map(|c| c as u8),
                1 => proptest::prelude::any::<u8>(),
            ]),
        ) {
            let n = window.iter().take_while(|b| b.is_ascii_alphanumeric()).count();
            let want = window[..n].to_ascii_lowercase();
            let code = match window.get(n) {
                None => STOP_FULL,
                Some(b'-') => STOP_HYPHEN,
                Some(b'.' | b',' | b'\'') => STOP_INNER,
                Some(b) if b.is_ascii() => STOP_SEPARATOR,
                Some(_) => STOP_FULL,
            };
            let mut f = Folded::new("stale BYTES");
            proptest::prop_assert_eq!(f.start_ascii(&window), (n, code));
            proptest::prop_assert_eq!(f.as_bytes(), &want[..]);
            proptest::prop_assert_eq!(f.hash(), fnv1a(&want));
            proptest::prop_assert!(f.buf[n..].iter().all(|&b| b == 0));
            proptest::prop_assert!(f.ascii);
        }

        /// The hash after stemming is the hash of the stemmed bytes, also
        /// when stemming leaves the length alone, and the buffer past the
        /// stem is zero (the stopword key reads it).
        #[test]
        fn stem_keeps_the_hash_exact(word in "([a-zA-Z'’]{0,12}(ies|es|s|'s|ss|us|is|y)('s|s'|')?|[a-zé']{0,40})") {
            let mut f = Folded::new(&word);
            f.stem();
            proptest::prop_assert_eq!(f.hash(), fnv1a(f.as_bytes()));
            proptest::prop_assert!(f.buf[f.len..].iter().all(|&b| b == 0));
        }
    }

    #[test]
    fn folds_unicode_and_apostrophes() {
        assert_eq!(Folded::new("RODRÍGUEZ’S").as_bytes(), "rodríguez's".as_bytes());
        assert_eq!(Folded::new("İ").as_bytes(), b"i");
    }

    #[test]
    fn long_words_are_cut_at_char_boundary() {
        let w = "é".repeat(40);
        let f = Folded::new(&w);
        assert_eq!(f.as_bytes().len(), 32);
        assert!(core::str::from_utf8(f.as_bytes()).is_ok());
    }

    #[test]
    fn other_languages_keys() {
        use crate::Language::*;
        let key = |w: &str, l| Folded::new(w).stem_to_key_in(l);
        if French.is_compiled() {
            assert_eq!(key("L’équipage", French), key("équipages", French));
            assert_eq!(key("qu'il", French), None);
            assert_eq!(key("Députées", French), key("député", French));
            assert_eq!(key("les", French), None);
            assert!(key("les", English).is_some());
        }
        if German.is_compiled() {
            assert_eq!(key("Häuser", German), key("Haus", German));
        }
        // The fold after stemming hashes as its bytes and is zero past them.
        let mut f = Folded::new("Élections");
        f.stem_in(Spanish);
        assert_eq!(f.hash(), fnv1a(f.as_bytes()));
        assert!(f.buf[f.len..].iter().all(|&b| b == 0));
    }
}
