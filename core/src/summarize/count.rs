//! Stage 1, the counting pass: one walk over the title and the segmented
//! body that counts terms (and, through `phrases`, keyphrase
//! candidates), fills the slot pool and writes one [`Record`] per sentence.

use super::phrases::{Part, PhraseTable, Run};
use super::pool::PoolWriter;
use super::record::{Kept, Record};
use super::{Flags, Stats, Summarizer};
use crate::Span;
use crate::near_duplicate::signature_bit;
use crate::segment::{Segmenter, UnitKind};
use crate::terms::{Surface, TermTable};
use crate::tokenize::{Packed, Words};

/// Sentences shorter than this (in words) are never chosen: fragments.
const MIN_WORDS: u32 = 5;
/// Sentences longer than this (in words) are never chosen: run-ons, lists.
const MAX_WORDS: u32 = 80;

/// At least one word in this many must be a stopword for a sentence to
/// read as English prose. Running English text is about 40 % function
/// words; a caption in another language or a list of names has almost
/// none, so one in 12 leaves a wide margin either way.
const STOPWORD_ONE_IN: u32 = 12;
/// Sentences shorter than this (in words) are too short to judge by
/// their stopwords: a five-word sentence may have none.
const MIN_WORDS_TO_JUDGE_LANGUAGE: u32 = 6;

/// True if a sentence of `words` words of which `stops` are stopwords reads
/// as English prose; prose with almost no English function words is another
/// language or a list of names, and is never chosen.
fn looks_english(words: u32, stops: u32) -> bool {
    words < MIN_WORDS_TO_JUDGE_LANGUAGE || stops.saturating_mul(STOPWORD_ONE_IN) >= words
}

/// What the counting pass learnt of one sentence.
struct SentenceCount {
    /// Word and number tokens.
    words: u32,
    /// Of which not stopwords (its pool entries, if it is pooled).
    content: u32,
    /// Of which stopwords.
    stops: u32,
    signature: u64,
}

/// The parts of the workspace the counting pass fills, borrowed apart from
/// the records so that one sentence can be counted while they are written.
struct Counter<'s, const T: usize, const P: usize> {
    terms: &'s mut TermTable<T>,
    phrases: &'s mut PhraseTable<P>,
    pool: PoolWriter<'s, T>,
}

impl<const S: usize, const T: usize, const P: usize, const W: usize> Summarizer<S, T, P, W> {
    /// Counts the title's terms and phrases (it has no record).
    pub(super) fn count_title(&mut self, title: &str, stats: &mut Stats) {
        let mut run = Run::new();
        let mut words = Words::new(title);
        while let Some(tok) = words.next_packed() {
            let f = words.folded_mut();
            stats.words = stats.words.saturating_add(1);
            if f.is_stopword() {
                run.stopword(tok, f);
                continue;
            }
            f.stem();
            let hash = f.hash();
            let surface = Surface::title(tok.start);
            if let Some(t) = self.terms.bump(hash, |t| {
                t.surface = surface;
                t.surface_len = u8::try_from(tok.len()).unwrap_or(u8::MAX);
            }) {
                // Title case says nothing about names: capitals are not counted here.
                t.in_title = t.in_title.saturating_add(1);
            }
            run.word(&mut self.phrases, title, tok, hash, Part::Title);
        }
    }

    /// Pass 1: segment the body, count terms and phrases, fill the slot
    /// pool (if `pooling`) and write a record for each of the first `S`
    /// sentences. Returns the number of records.
    ///
    /// Two index spaces meet here: the segmenter's units (boilerplate
    /// included; only counted in [`Stats::sentences`]) and sentence numbers
    /// (units that are not boilerplate, counted past `S` too). Records,
    /// `Chosen::index` and the terms' sentence fields use sentence numbers;
    /// record `i` is sentence `i`.
    pub(super) fn count_body(&mut self, body: &str, pooling: bool, stats: &mut Stats, flags: &mut Flags) -> usize {
        let mut c =
            Counter { terms: &mut self.terms, phrases: &mut self.phrases, pool: self.pool.writer::<T>(pooling) };
        let mut n = 0usize;
        let mut number = 0u32;
        for unit in Segmenter::new(body) {
            stats.sentences = stats.sentences.saturating_add(1);
            if unit.kind == UnitKind::Boilerplate {
                continue;
            }
            let sentence = number;
            number = number.saturating_add(1);
            if n >= S {
                c.pool.skip();
            }
            let counted = c.sentence(body, unit.span, sentence);
            stats.words = stats.words.saturating_add(counted.words);
            let choosable = unit.kind.is_choosable()
                && looks_english(counted.words, counted.stops)
                && (MIN_WORDS..=MAX_WORDS).contains(&counted.words);
            // Choosable sentences have at most MAX_WORDS content words, so
            // `content_words` counts their pool entries exactly.
            let pooled = c.pool.finish(sentence, choosable && n < S);
            let Some(r) = self.records.get_mut(n) else {
                flags.insert(Flags::SENTENCES_TRUNCATED);
                continue;
            };
            // Only a choosable sentence is pooled.
            let kept = match pooled {
                Some(head) => Kept::Pooled(head),
                None if choosable => Kept::Signature(counted.signature),
                None => Kept::NotChoosable,
            };
            let content = u8::try_from(counted.content).unwrap_or(u8::MAX);
            *r = Record::new(unit.span, content, unit.open_quote, kept);
            n = n.saturating_add(1);
        }
        n
    }
}

impl<const T: usize, const P: usize> Counter<'_, T, P> {
    /// Counts the words of body sentence number `sentence` at `span`.
    ///
    /// Out of line on hosted targets, where the register allocator does
    /// better with the loop on its own; inlined on bare metal, where the
    /// call cost the Cortex-M4 more than it saved.
    #[cfg_attr(not(target_os = "none"), inline(never))]
    fn sentence(&mut self, body: &str, span: Span, sentence: u32) -> SentenceCount {
        let mut counted = SentenceCount { words: 0, content: 0, stops: 0, signature: 0 };
        let mut run = Run::new();
        let sent = sentence_u16(sentence);
        // Counts are at most the sentence's bytes and offsets at most the
        // body's, both under `u32::MAX` (`summarize` checks the length):
        // plain wrapping adds are exact.
        // The sentence's words with spans in the body's offsets (none if
        // the span is not on char boundaries).
        let mut words = Words::in_span(body, span);
        while let Some(tok) = words.next_packed() {
            let f = words.folded_mut();
            counted.words = counted.words.wrapping_add(1);
            let mid = counted.words != 1;
            if f.is_stopword() {
                counted.stops = counted.stops.wrapping_add(1);
                run.stopword(tok, f);
                continue;
            }
            f.stem();
            let hash = f.hash();
            counted.signature |= signature_bit(hash);
            // The phrase run first: the tables are apart, so the order of
            // their bumps changes nothing.
            if tok.is_number() {
                run.clear();
            } else {
                run.word(self.phrases, body, tok, hash, Part::Body { sentence: sent });
            }
            self.word(body, tok, hash, mid, sent);
        }
        // Every word is a stopword or a content word: one counter fewer
        // in the loop.
        counted.content = counted.words.wrapping_sub(counted.stops);
        counted
    }

    /// Counts one content word (`tok`, term `hash`) of body sentence number
    /// `sent` (as [`sentence_u16`] gives it); `mid` if it is not the
    /// sentence's first word.
    fn word(&mut self, body: &str, tok: Packed, hash: u32, mid: bool, sent: u16) {
        let Some(b) = self.terms.bump_slot(hash, |t| {
            t.surface = Surface::body(tok.start);
            t.surface_len = u8::try_from(tok.len()).unwrap_or(u8::MAX);
        }) else {
            self.pool.untracked();
            return;
        };
        if b.replaced {
            self.pool.took_over(b.slot);
        }
        self.pool.push(b.slot, b.term.hash);
        let t = b.term;
        if t.last_sentence != sent {
            t.last_sentence = sent;
            t.sentences = t.sentences.saturating_add(1);
        }
        if t.first_sentence == u16::MAX {
            // u16::MAX means "none yet", so larger numbers stop just below.
            t.first_sentence = sent.min(u16::MAX - 1);
        }
        let cap = tok.capitalized_word() && mid;
        if cap {
            t.capitalized = t.capitalized.saturating_add(1);
        }
        // The form written mid-sentence in the body shows the true case:
        // prefer it to a Title Case headline word, and a capitalized one
        // (`Maduro`) to a lower-case one.
        let from_title = t.surface.in_title();
        if mid && (from_title || cap && !starts_upper(body, t.surface.offset())) {
            t.surface = Surface::body(tok.start);
            t.surface_len = u8::try_from(tok.len()).unwrap_or(u8::MAX);
        }
    }
}

/// A sentence number as the `u16` the term and phrase records hold
/// (saturating: past 65,535 sentences, later ones count as one).
fn sentence_u16(sentence: u32) -> u16 {
    u16::try_from(sentence).unwrap_or(u16::MAX)
}

fn starts_upper(body: &str, surf: u32) -> bool {
    body.get(surf as usize..).and_then(|s| s.chars().next()).is_some_and(crate::unicode::is_upper)
}
