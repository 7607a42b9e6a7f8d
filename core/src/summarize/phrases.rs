//! Keyphrase candidates, built during the counting pass from the same words:
//! runs of up to three consecutive content words, counted in the phrase
//! table as [`Phrase`] entries.

use crate::normalize::Folded;
use crate::stopwords::{NAME_CONNECTORS, is_name_connector};
use crate::terms::{CountTable, Counted, SURFACE_IN_TITLE};
use crate::tokenize::Packed;

/// Statistics of one 2–3-word keyphrase candidate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Phrase {
    /// Hash of its words' term hashes ([`PHRASE_SEED`], [`mix`]); 0 marks an empty slot.
    pub(super) hash: u32,
    /// Byte offset of its first surface form; [`SURFACE_IN_TITLE`] set
    /// means in the title.
    pub(super) surface: u32,
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
        surface: 0,
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
    /// The body, in the sentence of this number (see [`crate::Chosen::index`]).
    Body {
        /// Its sentence number.
        sentence: u16,
    },
}

/// A phrase being read: the run's words from some word up to the last
/// one read, waiting for the next word to complete it.
#[derive(Clone, Copy)]
struct Prefix {
    /// Hash of its words so far ([`mix`]).
    hash: u32,
    /// Byte offset of its first word.
    start: u32,
    /// Every word so far is capitalized or a connector.
    caps: bool,
    /// Its first word is a connector: no phrase starts with one.
    connector_first: bool,
}

impl Prefix {
    const NONE: Prefix = Prefix { hash: PHRASE_SEED, start: 0, caps: false, connector_first: false };
}

/// The words just read that may form a phrase with the next one: content
/// words, and name connectors inside a capitalized name. A phrase has at
/// most three words, so only the last two matter, and of them only what
/// the 2- and 3-word phrases ending at the next word need: the phrase from
/// the last word and the one from the word before, each hashed so far.
pub(super) struct Run {
    /// Words in the run, counted up to 2 (an older word is in no phrase
    /// ending at the next one).
    len: u8,
    /// From the last word (when `len >= 1`).
    one: Prefix,
    /// From the word before the last (when `len >= 2`).
    two: Prefix,
    /// End of the last word: the gap to the next one is tested.
    last_end: u32,
    /// The last word is capitalized (never true of a connector).
    last_capitalized: bool,
    /// The last word is a connector.
    last_connector: bool,
}

impl Run {
    /// An empty run (at the start of a title or sentence).
    pub(super) const fn new() -> Self {
        Run {
            len: 0,
            one: Prefix::NONE,
            two: Prefix::NONE,
            last_end: 0,
            last_capitalized: false,
            last_connector: false,
        }
    }

    /// Ends the run: a number, or anything else no phrase spans.
    pub(super) fn clear(&mut self) {
        self.len = 0;
    }

    /// Adds a word (term or connector hash `hash`, bytes `start..end`).
    #[inline]
    fn push(&mut self, hash: u32, start: u32, end: u32, capitalized: bool, connector: bool) {
        let caps = capitalized || connector;
        let one = self.one;
        self.two = Prefix { hash: mix(one.hash, hash), caps: one.caps && caps, ..one };
        self.one = Prefix { hash: mix(PHRASE_SEED, hash), start, caps, connector_first: connector };
        self.len = if self.len == 0 { 1 } else { 2 };
        self.last_end = end;
        self.last_capitalized = capitalized;
        self.last_connector = connector;
    }

    /// A stopword `f` at `tok`: it ends the run, unless it is a name
    /// connector (`de`, `of`) after a capitalized word, which may sit
    /// inside a name (`Bank of England`).
    #[inline]
    pub(super) fn stopword(&mut self, tok: Packed, f: &Folded) {
        if self.len > 0 && self.last_capitalized && may_connect(f.as_bytes()) && is_name_connector(f.as_bytes()) {
            self.push(f.hash(), tok.start, tok.end, false, true);
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
        if self.len > 0
            && (!continues(text, self.last_end, tok)
                // A connector must lead into another capitalized word.
                || self.last_connector && !tok.capitalized())
        {
            self.clear();
        }
        let (start, end) = (tok.start, tok.end);
        let end_phrase = |from: Prefix, words: u8| Ending {
            hash: mix(from.hash, hash),
            start: from.start,
            end,
            caps: from.caps && tok.capitalized(),
            words,
        };
        // The shorter first: which phrase a full bucket gives up depends
        // on the order of the bumps.
        if self.len >= 1 && !self.one.connector_first {
            count_phrase(phrases, end_phrase(self.one, 2), part);
        }
        if self.len >= 2 && !self.two.connector_first {
            count_phrase(phrases, end_phrase(self.two, 3), part);
        }
        self.push(hash, start, end, tok.capitalized(), false);
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
/// two call sites in [`Run::word`] cost 34 K instructions on the seeds as
/// calls).
#[inline(always)]
fn count_phrase<const P: usize>(phrases: &mut PhraseTable<P>, e: Ending, part: Part) {
    let surface = if part == Part::Title { e.start | SURFACE_IN_TITLE } else { e.start };
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
        Part::Body { .. } => {}
    }
    if e.caps {
        p.capitalized = p.capitalized.saturating_add(1);
    }
    p.words = e.words;
}

#[cfg(test)]
mod tests;
