//! The per-sentence record the counting pass writes and later stages read.

/// Per-sentence record kept in the workspace (24 bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Record {
    pub(super) start: u32,
    pub(super) end: u32,
    /// Not pooled: its signature ([`crate::Chosen::signature`]). Pooled:
    /// its first `pool::HEAD` pool entries, from which `pool` rebuilds the
    /// signature.
    pub(super) inline: u64,
    pub(super) score: u32,
    pub(super) chars: u16,
    pub(super) content_words: u8,
    /// Bit 0: choosable; bit 1: chosen; bit 2: its content words' term
    /// slots are in the slot pool; bit 3: and each still holds its term
    /// (the duplicate check reads the sentence again otherwise);
    /// bit 4: part of a quotation it does not close (`Unit::open_quote`).
    pub(super) state: u8,
}

impl Record {
    pub(super) const EMPTY: Record =
        Record { start: 0, end: 0, inline: 0, score: 0, chars: 0, content_words: 0, state: 0 };
    pub(super) const CHOOSABLE: u8 = 1;
    pub(super) const CHOSEN: u8 = 2;
    pub(super) const POOLED: u8 = 4;
    pub(super) const POOL_VALID: u8 = 8;
    pub(super) const OPEN_QUOTE: u8 = 16;
}
