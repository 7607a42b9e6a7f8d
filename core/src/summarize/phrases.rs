//! Keyphrase candidates, built during the counting pass from the same words:
//! runs of up to three consecutive content words, counted in the phrase
//! table as [`Phrase`] entries.

use heapless::Vec;

use crate::normalize::Folded;
use crate::stopwords::is_name_connector;
use crate::terms::{CountTable, Counted, SURFACE_IN_TITLE};
use crate::tokenize::Token;

/// Statistics of one 2–3-word keyphrase candidate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Phrase {
    /// Hash of its words' term hashes ([`phrase_hash`]); 0 marks an empty slot.
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

/// A word of the current run.
#[derive(Clone, Copy)]
struct RunWord {
    hash: u32,
    start: u32,
    end: u32,
    capitalized: bool,
    connector: bool,
}

/// The last (up to) three words that may form a phrase: content words, and
/// name connectors inside a capitalized name.
pub(super) struct Run {
    words: Vec<RunWord, 3>,
}

impl Run {
    /// An empty run (at the start of a title or sentence).
    pub(super) const fn new() -> Self {
        Run { words: Vec::new() }
    }

    /// Ends the run: a number, or anything else no phrase spans.
    pub(super) fn clear(&mut self) {
        self.words.clear();
    }

    fn push(&mut self, w: RunWord) {
        if self.words.is_full() && !self.words.is_empty() {
            self.words.remove(0);
        }
        let _ = self.words.push(w);
    }

    /// A stopword `f` at `tok`: it ends the run, unless it is a name
    /// connector (`de`, `of`) after a capitalized word, which may sit
    /// inside a name (`Bank of England`).
    pub(super) fn stopword(&mut self, tok: Token, f: &Folded) {
        let keep = self.words.last().is_some_and(|w| w.capitalized && !w.connector) && is_name_connector(f.as_bytes());
        if keep {
            let (start, end) = (tok.span.start, tok.span.end);
            self.push(RunWord { hash: f.hash(), start, end, capitalized: false, connector: true });
        } else {
            self.clear();
        }
    }

    /// A content word with term hash `hash` at `tok` of `text`: extends the
    /// run and counts the 2- and 3-word phrases ending at it.
    pub(super) fn word<const P: usize>(
        &mut self,
        phrases: &mut PhraseTable<P>,
        text: &str,
        tok: Token,
        hash: u32,
        part: Part,
    ) {
        // Only white space (or one joining hyphen) may separate phrase words.
        if let Some(prev) = self.words.last() {
            let gap = text.get(prev.end as usize..tok.span.start as usize).unwrap_or(",");
            if !(tok.joined || gap.chars().all(crate::unicode::is_space)) || gap.bytes().any(|b| b == b'\n') {
                self.clear();
            }
        }
        // A connector must lead into another capitalized word.
        if self.words.last().is_some_and(|w| w.connector) && !tok.capitalized {
            self.clear();
        }
        let (start, end) = (tok.span.start, tok.span.end);
        self.push(RunWord { hash, start, end, capitalized: tok.capitalized, connector: false });
        let len = self.words.len();
        for k in 2..=len {
            if let Some(words) = self.words.get(len - k..) {
                count_phrase(phrases, words, part);
            }
        }
    }
}

/// Hash of a phrase from its words' hashes, in order (an FNV-style mix;
/// word order matters).
fn phrase_hash(words: &[RunWord]) -> u32 {
    let mut h: u32 = 0x2545_f491;
    for w in words {
        h = (h ^ w.hash).wrapping_mul(0x0100_0193).rotate_left(5);
    }
    h
}

/// Counts the phrase made of `words` (2 or 3 of them), unless it starts
/// with a connector.
fn count_phrase<const P: usize>(phrases: &mut PhraseTable<P>, words: &[RunWord], part: Part) {
    let (Some(a), Some(b)) = (words.first(), words.last()) else {
        return;
    };
    if a.connector {
        return;
    }
    let (start, end) = (a.start, b.end);
    let caps = words.iter().all(|w| w.capitalized || w.connector);
    let surface = if part == Part::Title { start | SURFACE_IN_TITLE } else { start };
    let Some(p) = phrases.bump(phrase_hash(words), |p| {
        p.surface = surface;
        p.surface_len = u8::try_from(end.saturating_sub(start)).unwrap_or(u8::MAX);
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
    if caps {
        p.capitalized = p.capitalized.saturating_add(1);
    }
    p.words = u8::try_from(words.len()).unwrap_or(3);
}
