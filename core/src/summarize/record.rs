//! The per-sentence record the counting pass writes and later stages read.

use super::pool::HEAD;

/// Per-sentence record kept in the workspace (24 bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Record {
    pub(super) start: u32,
    pub(super) end: u32,
    /// Not pooled: its signature ([`crate::Chosen::signature`]) in the
    /// first four, low bits first. Pooled: its first [`HEAD`] pool
    /// entries, from which `pool` rebuilds the signature.
    pub(super) inline: [u16; HEAD],
    pub(super) score: u32,
    pub(super) content_words: u8,
    /// Bit 0: choosable; bit 1: chosen; bit 2: its content words' term
    /// slots are in the slot pool; bit 3: and each still holds its term
    /// (the duplicate check reads the sentence again otherwise);
    /// bit 4: part of a quotation it does not close (`Unit::open_quote`);
    /// bit 5: prose of a choosable length, whatever its language (choosable
    /// if also in the article's language).
    pub(super) state: u8,
}

impl Record {
    pub(super) const EMPTY: Record =
        Record { start: 0, end: 0, inline: [0; HEAD], score: 0, content_words: 0, state: 0 };
    pub(super) const CHOOSABLE: u8 = 1;
    pub(super) const CHOSEN: u8 = 2;
    pub(super) const POOLED: u8 = 4;
    pub(super) const POOL_VALID: u8 = 8;
    pub(super) const OPEN_QUOTE: u8 = 16;
    pub(super) const PROSE: u8 = 32;

    /// `inline` holding signature `sig`.
    pub(super) fn keeping_signature(sig: u64) -> [u16; HEAD] {
        let mut inline = [0; HEAD];
        for (j, e) in inline.iter_mut().take(4).enumerate() {
            *e = ((sig >> (16 * j)) & 0xffff) as u16;
        }
        inline
    }

    /// The signature an unpooled record keeps in `inline`.
    pub(super) fn kept_signature(&self) -> u64 {
        self.inline.iter().take(4).enumerate().fold(0, |s, (j, &e)| s | u64::from(e) << (16 * j))
    }

    /// Its length in characters (what a character budget counts), at most
    /// `u16::MAX`: counted when asked, not kept.
    pub(super) fn chars(&self, body: &str) -> u32 {
        let t = body.get(self.start as usize..self.end as usize).unwrap_or("");
        // `chars().count()` of valid UTF-8: the bytes that start a char (not
        // 0b10xx_xxxx); a plain loop, a sixth of the flash of the library's.
        let n = t.bytes().filter(|&b| (b as i8) >= -0x40).count();
        u32::from(u16::try_from(n).unwrap_or(u16::MAX))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chars_are_counted_as_the_library_counts_them() {
        let body = "a\u{e9}\u{201c}\u{1f600}z and plain";
        for end in (0..=body.len()).filter(|&e| body.is_char_boundary(e)) {
            let r = Record { start: 0, end: end as u32, ..Record::EMPTY };
            assert_eq!(r.chars(body) as usize, body[..end].chars().count());
        }
    }

    #[test]
    fn a_kept_signature_reads_back() {
        for sig in [0, 1, u64::MAX, 0x8000_0000_0000_0001, 0x0123_4567_89ab_cdef] {
            let r = Record { inline: Record::keeping_signature(sig), ..Record::EMPTY };
            assert_eq!(r.kept_signature(), sig);
        }
    }
}
