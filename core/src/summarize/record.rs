//! The per-sentence record the counting pass writes and later stages read.
//!
//! A record is 24 bytes, and 160 of them are most of a fifth of the
//! workspace, so two of its fields are packed: its flags in one byte
//! ([`State`]), and in one slot either its signature or its first pool
//! entries. Only this module sees the packing; the stages read a record
//! through the methods below.

use super::pool::Pooled;
use crate::Span;
use crate::score::per_mille_of_best;

/// Entries a pooled sentence keeps in its record, in the room an unpooled
/// one keeps its 64-bit signature in (and 16 bits more that fill the
/// record's 24 bytes).
pub(super) const HEAD: usize = 5;

/// What the counting pass keeps of a sentence besides its span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kept {
    /// Not choosable: nothing.
    NotChoosable,
    /// Choosable, not pooled: its signature ([`crate::Chosen::signature`]).
    Signature(u64),
    /// Choosable and pooled: its first [`HEAD`] pool entries (see `pool`).
    Pooled([u16; HEAD]),
}

/// A record's flags, packed in one byte.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct State(u8);

impl State {
    /// The sentence may be chosen.
    const CHOOSABLE: u8 = 1;
    /// It was chosen.
    const CHOSEN: u8 = 2;
    /// Its content words' term slots are in the slot pool.
    const POOLED: u8 = 4;
    /// Scoring found each of its pool entries still holding its term.
    const ALL_HELD: u8 = 8;
    /// Part of a quotation it does not close (`Unit::open_quote`).
    const OPEN_QUOTE: u8 = 16;
    /// Prose of a choosable length, whatever its language (choosable if
    /// also in the article's language: see [`Record::settle`]).
    const PROSE: u8 = 32;

    const fn has(self, flag: u8) -> bool {
        self.0 & flag != 0
    }
}

/// Per-sentence record kept in the workspace (24 bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Record {
    pub(super) start: u32,
    pub(super) end: u32,
    /// Pooled: its first [`HEAD`] pool entries ([`Record::head`]). Not
    /// pooled: its signature in the first four, low bits first
    /// ([`Record::kept_signature`]).
    inline: [u16; HEAD],
    /// See [`Record::score`].
    score: u32,
    /// Its content words (its pool entries, if it is pooled: a choosable
    /// sentence has fewer than 256).
    pub(super) content_words: u8,
    state: State,
}

/// `inline` holding signature `sig`, low bits first.
fn signature_inline(sig: u64) -> [u16; HEAD] {
    let mut inline = [0; HEAD];
    for (j, e) in inline.iter_mut().take(4).enumerate() {
        *e = ((sig >> (16 * j)) & 0xffff) as u16;
    }
    inline
}

impl Record {
    pub(super) const EMPTY: Record =
        Record { start: 0, end: 0, inline: [0; HEAD], score: 0, content_words: 0, state: State(0) };

    /// The record of the sentence at `span` with `content_words` content
    /// words, part of a quotation it does not close if `open_quote`, prose
    /// of a choosable length (in whatever language) if `prose`.
    pub(super) fn new(span: Span, content_words: u8, open_quote: bool, prose: bool, kept: Kept) -> Record {
        let quote = if open_quote { State::OPEN_QUOTE } else { 0 };
        let quote = quote | if prose { State::PROSE } else { 0 };
        let (inline, state) = match kept {
            Kept::NotChoosable => ([0; HEAD], 0),
            Kept::Signature(sig) => (signature_inline(sig), State::CHOOSABLE),
            Kept::Pooled(head) => (head, State::CHOOSABLE | State::POOLED),
        };
        Record { start: span.start, end: span.end, inline, score: 0, content_words, state: State(state | quote) }
    }

    /// Judges it again once the article's language is known (it was read
    /// in another): `in_the_language` says whether it reads as prose in
    /// it, `signature` and `content_words` are what that reading found.
    /// A pooled sentence's entries are of the first reading: it leaves the
    /// pool, to be read again where its words are needed, as the pool
    /// must only save work. Returns how many pool entries (past its head)
    /// it gave up: they are the pool's first, as records settled are the
    /// first (`SlotPool::drop_front`).
    pub(super) fn settle(&mut self, in_the_language: bool, signature: u64, content_words: u8) -> usize {
        let given_up = if self.state.has(State::POOLED) { Pooled::in_pool(usize::from(self.content_words)) } else { 0 };
        self.state.0 &= !(State::POOLED | State::CHOOSABLE);
        if self.state.has(State::PROSE) && in_the_language {
            self.inline = signature_inline(signature);
            self.content_words = content_words;
            self.state.0 |= State::CHOOSABLE;
        }
        given_up
    }

    /// Its span in the body.
    pub(super) fn span(&self) -> Span {
        Span { start: self.start, end: self.end }
    }

    /// The sentence may be chosen (a sentence of prose, of a fitting length).
    pub(super) fn is_choosable(&self) -> bool {
        self.state.has(State::CHOOSABLE)
    }

    /// It was chosen.
    pub(super) fn is_chosen(&self) -> bool {
        self.state.has(State::CHOSEN)
    }

    /// Choosable and not yet chosen.
    pub(super) fn is_candidate(&self) -> bool {
        self.state.0 & (State::CHOOSABLE | State::CHOSEN) == State::CHOOSABLE
    }

    /// Marks it chosen.
    pub(super) fn choose(&mut self) {
        self.state.0 |= State::CHOSEN;
    }

    /// Part of a quotation it does not close.
    pub(super) fn in_open_quote(&self) -> bool {
        self.state.has(State::OPEN_QUOTE)
    }

    /// Its first [`HEAD`] pool entries if it is pooled (the rest are in
    /// the pool: `pool::pooled_records`).
    pub(super) fn head(&self) -> Option<[u16; HEAD]> {
        self.state.has(State::POOLED).then_some(self.inline)
    }

    /// The signature of a sentence that is not pooled (0 for one that is
    /// not choosable); a pooled one's is rebuilt from its pool entries
    /// (`SlotPool::signature`).
    pub(super) fn kept_signature(&self) -> u64 {
        self.inline.iter().take(4).enumerate().fold(0, |s, (j, &e)| s | u64::from(e) << (16 * j))
    }

    /// Scoring found each of its pool entries still holding its term: its
    /// terms can be read from the pool (the duplicate check reads the
    /// sentence again otherwise).
    pub(super) fn all_held(&self) -> bool {
        self.state.has(State::ALL_HELD)
    }

    /// Notes that each of its pool entries still holds its term.
    pub(super) fn set_all_held(&mut self) {
        self.state.0 |= State::ALL_HELD;
    }

    /// Its score once scoring is done: per mille of the article's best
    /// (1..=1000) for a choosable sentence, 0 for another. Scoring writes
    /// the raw score first ([`Record::set_raw_score`]) and, once the best is
    /// known, rescales it in place ([`Record::scale_score`]): the one slot
    /// holds the raw score only within scoring.
    pub(super) fn score(&self) -> u32 {
        self.score
    }

    /// Scoring's first step: its raw score ([`crate::score::sentence_score`]).
    pub(super) fn set_raw_score(&mut self, raw: u32) {
        self.score = raw;
    }

    /// Scoring's last step: its raw score rescaled to per mille of `best`,
    /// at least 1 (a choosable sentence still outranks none).
    pub(super) fn scale_score(&mut self, best: u32) {
        self.score = per_mille_of_best(self.score, best).max(1);
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
            let r = Record::new(Span::new(0, 0), 0, false, true, Kept::Signature(sig));
            assert_eq!(r.kept_signature(), sig);
            assert!(r.is_choosable() && r.head().is_none());
        }
    }

    #[test]
    fn flags_read_back() {
        let head = [1, 2, 3, 4, 5];
        let mut r = Record::new(Span::new(3, 9), 7, true, true, Kept::Pooled(head));
        assert_eq!((r.span(), r.content_words, r.head()), (Span::new(3, 9), 7, Some(head)));
        assert!(r.is_choosable() && r.is_candidate() && r.in_open_quote() && !r.all_held());
        r.set_all_held();
        r.choose();
        assert!(r.all_held() && r.is_chosen() && !r.is_candidate());
        let n = Record::new(Span::new(0, 1), 0, false, false, Kept::NotChoosable);
        assert!(!n.is_choosable() && !n.is_candidate() && !n.in_open_quote() && n.head().is_none());
        assert_eq!(n.kept_signature(), 0);
    }

    #[test]
    fn scores_are_scaled_to_the_best() {
        let mut r = Record::new(Span::new(0, 1), 0, false, false, Kept::Signature(0));
        r.set_raw_score(50);
        r.scale_score(100);
        assert_eq!(r.score(), 500);
        r.set_raw_score(0);
        r.scale_score(100);
        assert_eq!(r.score(), 1);
    }
}
