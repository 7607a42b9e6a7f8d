//! Keyphrase candidates, built during the counting pass from the same words:
//! runs of up to three consecutive content words, counted in the phrase
//! table as [`Phrase`] entries.

use crate::normalize::Folded;
use crate::stopwords::{NAME_CONNECTORS, is_name_connector};
use crate::terms::{CountTable, Counted, Surface};
use crate::tokenize::Packed;

/// Statistics of one 2–3-word keyphrase candidate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Phrase {
    /// Hash of its words' term hashes ([`PHRASE_SEED`], [`mix`]); 0 marks an empty slot.
    pub(super) hash: u32,
    /// Where its first surface form is.
    pub(super) surface: Surface,
    /// Length in bytes of that surface form.
    pub(super) surface_len: u8,
    /// Number of words, connectors (`of`) included: 2 or 3.
    pub(super) words: u8,
    /// Occurrences (Space-Saving estimate after an eviction).
    pub(super) count: u16,
    /// Occurrences in the title.
    pub(super) in_title: u8,
    /// Occurrences with every word capitalized (a name).
    pub(super) capitalized: u8,
    /// Number of body sentences it occurs in.
    pub(super) sentences: u16,
    /// The last body sentence it was counted in (for `sentences`).
    pub(super) last_sentence: u16,
}

impl Counted for Phrase {
    const EMPTY: Phrase = Phrase {
        hash: 0,
        surface: Surface::NONE,
        surface_len: 0,
        words: 0,
        count: 0,
        in_title: 0,
        capitalized: 0,
        sentences: 0,
        last_sentence: 0,
    };
    fn fresh(hash: u32, count: u16) -> Self {
        Phrase { hash, count, last_sentence: u16::MAX, ..Self::EMPTY }
    }
    fn hash(&self) -> u32 {
        self.hash
    }
    fn count(&self) -> u16 {
        self.count
    }
    fn count_mut(&mut self) -> &mut u16 {
        &mut self.count
    }
}

/// The phrase table: `P` slots.
pub(super) type PhraseTable<const P: usize> = CountTable<Phrase, P>;

/// Where a word of a phrase was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Part {
    /// The title.
    Title,
    /// The title, counted before in another language: its count there is
    /// taken back ([`super::Summarizer::reread_title`]).
    TitleTakenBack,
    /// The body, in the sentence of this number (see [`crate::Chosen::index`]).
    Body {
        /// Its sentence number.
        sentence: u16,
    },
}

/// The words just read that may form a phrase with the next one: content
/// words, and name connectors inside a capitalized name. A phrase has at
/// most three words, so only the last two matter, and of them only what
/// the 2- and 3-word phrases ending at the next word need: the phrase from
/// the last word and the one from the word before (each a prefix: its
/// words hashed so far and its start), and a few flags.
///
/// Kept to five `u32`s and one flags byte, so that it lives in registers
/// through the counting loop: what the prefixes would hold besides (every
/// word capitalized or a connector, a connector first) follows from their
/// words' flags.
pub(super) struct Run {
    /// Hash of the prefix from the last word ([`mix`] of it).
    one_hash: u32,
    /// Start of the last word.
    one_start: u32,
    /// Hash of the prefix from the word before the last (both words).
    two_hash: u32,
    /// Start of the word before the last.
    two_start: u32,
    /// End of the last word: the gap to the next one is tested.
    last_end: u32,
    /// The flags of the last two words: the last word's in the low
    /// nibble, the one's before in the high nibble (the same flags shifted
    /// by [`Run::OLDER`]), so that a word shifts them along.
    flags: u8,
}

impl Run {
    /// There is a last word (the prefix from it is set).
    const ONE: u8 = 1;
    /// The last word is a connector.
    const CONNECTOR: u8 = 2;
    /// The last word is neither capitalized nor a connector. Negated, so
    /// that a prefix is all capitalized or connectors iff none of its
    /// words' flags has it.
    const PLAIN: u8 = 4;
    /// The shift from the last word's flags to the one's before.
    const OLDER: u32 = 4;
    /// There is a word before the last (the older prefix is set).
    const TWO: u8 = Self::ONE << Self::OLDER;
    /// The word before the last is a connector: the older prefix starts
    /// with one, and no phrase does.
    const TWO_CONNECTOR_FIRST: u8 = Self::CONNECTOR << Self::OLDER;
    /// The word before the last is plain.
    const TWO_PLAIN: u8 = Self::PLAIN << Self::OLDER;

    /// An empty run (at the start of a title or sentence).
    pub(super) const fn new() -> Self {
        Run { one_hash: PHRASE_SEED, one_start: 0, two_hash: PHRASE_SEED, two_start: 0, last_end: 0, flags: 0 }
    }

    /// Ends the run: a number, or anything else no phrase spans.
    pub(super) fn clear(&mut self) {
        // No flag is read before the next word sets it again.
        self.flags = 0;
    }

    /// Adds a word (`two` the hash of the last word's prefix followed by
    /// it, `hash` its own, bytes `start..end`; `last` its flags: `ONE` and
    /// `CONNECTOR` or `PLAIN` or neither).
    #[inline(always)]
    fn push(&mut self, two: u32, hash: u32, start: u32, end: u32, last: u8) {
        // The last word's flags become the older word's (all clear when the
        // run was empty); the older word's drop out.
        self.flags = self.flags << Self::OLDER | last;
        self.two_hash = two;
        self.two_start = self.one_start;
        self.one_hash = mix(PHRASE_SEED, hash);
        self.one_start = start;
        self.last_end = end;
    }

    /// A stopword `f` at `tok`: it ends the run, unless it is a name
    /// connector (`de`, `of`) after a capitalized word, which may sit
    /// inside a name (`Bank of England`).
    #[inline]
    pub(super) fn stopword(&mut self, tok: Packed, f: &Folded) {
        // A last word, capitalized: neither a connector nor plain.
        if self.flags & (Self::ONE | Self::CONNECTOR | Self::PLAIN) == Self::ONE
            && may_connect(f.as_bytes())
            && is_name_connector(f.as_bytes())
        {
            let hash = f.hash();
            self.push(mix(self.one_hash, hash), hash, tok.start, tok.end, Self::ONE | Self::CONNECTOR);
        } else {
            self.clear();
        }
    }

    /// A content word with term hash `hash` at `tok` of `text`: extends the
    /// run and counts the 2- and 3-word phrases ending at it.
    #[inline(always)]
    pub(super) fn word<const P: usize>(
        &mut self,
        phrases: &mut PhraseTable<P>,
        text: &str,
        tok: Packed,
        hash: u32,
        part: Part,
    ) {
        if self.flags != 0
            && (!continues(text, self.last_end, tok)
                // A connector must lead into another capitalized word.
                || self.flags & Self::CONNECTOR != 0 && !tok.capitalized())
        {
            self.clear();
        }
        let (start, end) = (tok.start, tok.end);
        let flags = self.flags;
        let two = mix(self.one_hash, hash);
        // The shorter first: which phrase a full bucket gives up depends
        // on the order of the bumps.
        if flags & (Self::ONE | Self::CONNECTOR) == Self::ONE {
            let caps = flags & Self::PLAIN == 0 && tok.capitalized();
            count_phrase(phrases, Ending { hash: two, start: self.one_start, end, caps, words: 2 }, part);
        }
        if flags & (Self::TWO | Self::TWO_CONNECTOR_FIRST) == Self::TWO {
            // The older prefix's two words and this one.
            let caps = flags & (Self::TWO_PLAIN | Self::PLAIN) == 0 && tok.capitalized();
            let three = mix(self.two_hash, hash);
            count_phrase(phrases, Ending { hash: three, start: self.two_start, end, caps, words: 3 }, part);
        }
        let last = if tok.capitalized() { Self::ONE } else { Self::ONE | Self::PLAIN };
        self.push(two, hash, start, end, last);
    }
}

/// True if `tok` may follow in a phrase the word that ends at `prev_end`
/// of `text`: only white space (or one joining hyphen) and no line break
/// between them.
#[inline(always)]
fn continues(text: &str, prev_end: u32, tok: Packed) -> bool {
    // Almost every gap is one space: tested here, inline.
    let at = prev_end as usize;
    if tok.start as usize == at.wrapping_add(1) && text.as_bytes().get(at) == Some(&b' ') {
        return true;
    }
    gap_continues(text, prev_end, tok)
}

/// [`continues`] for a gap other than one space (rare: one in sixteen on
/// the seeds), read as chars. A range that is not a slice of `text` reads
/// as a comma would.
#[inline(never)]
fn gap_continues(text: &str, prev_end: u32, tok: Packed) -> bool {
    let gap = text.get(prev_end as usize..tok.start as usize).unwrap_or(",");
    let mut spaces = true;
    for c in gap.chars() {
        if c == '\n' {
            return false;
        }
        spaces &= crate::unicode::is_space(c);
    }
    tok.joined() || spaces
}

/// Longest name connector, in bytes.
const CONNECTOR_MAX: usize = 5;

/// For each length up to [`CONNECTOR_MAX`], the first letters (bit `b -
/// b'a'`) of the name connectors of that length: the list and `of`.
const CONNECTOR_FIRSTS: [u32; CONNECTOR_MAX + 1] = {
    const fn mark(t: &mut [u32; CONNECTOR_MAX + 1], w: &[u8]) {
        assert!(w.len() <= CONNECTOR_MAX && !w.is_empty() && w[0].is_ascii_lowercase());
        t[w.len()] |= 1 << (w[0] - b'a');
    }
    let mut t = [0; CONNECTOR_MAX + 1];
    let mut i = 0;
    while i < NAME_CONNECTORS.len() {
        mark(&mut t, NAME_CONNECTORS[i]);
        i += 1;
    }
    mark(&mut t, b"of");
    t
};

/// False if the folded stopword `w` is surely not a name connector (by its
/// length and first letter): most stopwords after a name (`said`, `the`,
/// `has`) are ruled out without a search of the list.
#[inline]
fn may_connect(w: &[u8]) -> bool {
    let first = w.first().map_or(32, |&b| b.wrapping_sub(b'a'));
    first < 26 && CONNECTOR_FIRSTS.get(w.len()).is_some_and(|&m| m >> first & 1 != 0)
}

/// The hash of a phrase of no words yet; a phrase's hash is its words'
/// hashes mixed in, in order, one [`mix`] each.
const PHRASE_SEED: u32 = 0x2545_f491;

/// One step of a phrase's hash (an FNV-style mix; word order matters):
/// `h` followed by a word of hash `word`.
#[inline]
const fn mix(h: u32, word: u32) -> u32 {
    (h ^ word).wrapping_mul(0x0100_0193).rotate_left(5)
}

/// A 2- or 3-word phrase that ends at the word just read.
#[derive(Clone, Copy)]
struct Ending {
    hash: u32,
    start: u32,
    end: u32,
    /// Every word capitalized or a connector.
    caps: bool,
    /// Connectors included: 2 or 3.
    words: u8,
}

/// Counts one occurrence of the phrase `e`, read in `part` (inlined: its
/// two call sites in [`Run::word`] run for most content words, and a call
/// there costs more than its body).
#[inline(always)]
fn count_phrase<const P: usize>(phrases: &mut PhraseTable<P>, e: Ending, part: Part) {
    if part == Part::TitleTakenBack {
        if let Some(p) = phrases.get_mut(e.hash) {
            p.count = p.count.saturating_sub(1);
            p.in_title = p.in_title.saturating_sub(1);
            p.capitalized = p.capitalized.saturating_sub(u8::from(e.caps));
        }
        return;
    }
    let surface = if part == Part::Title { Surface::title(e.start) } else { Surface::body(e.start) };
    let Some(p) = phrases.bump(e.hash, |p| {
        p.surface = surface;
        p.surface_len = u8::try_from(e.end.saturating_sub(e.start)).unwrap_or(u8::MAX);
    }) else {
        return;
    };
    match part {
        Part::Title => p.in_title = p.in_title.saturating_add(1),
        Part::Body { sentence } if p.last_sentence != sentence => {
            p.last_sentence = sentence;
            p.sentences = p.sentences.saturating_add(1);
        }
        Part::Body { .. } | Part::TitleTakenBack => {}
    }
    if e.caps {
        p.capitalized = p.capitalized.saturating_add(1);
    }
    p.words = e.words;
}

#[cfg(test)]
mod tests;
