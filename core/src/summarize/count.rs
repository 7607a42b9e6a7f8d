//! Stage 1, the counting pass: one walk over the title and the segmented
//! body that counts terms (and, through `phrases`, keyphrase
//! candidates), fills the slot pool and writes one [`Record`] per sentence.

use heapless::Vec;

use super::phrases::{Part, Run};
use super::record::Record;
use super::{Flags, Stats, Summarizer};
use crate::normalize::Folded;
use crate::segment::{Segmenter, UnitKind};
use crate::terms::SURFACE_IN_TITLE;
use crate::tokenize::{TokenKind, Tokens};

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

/// The bit a term sets in a sentence's 64-bit signature
/// ([`crate::Chosen::signature`]): picked by the hash's top 6 bits, because
/// FNV-1a mixes its high bits best (its lowest bit is only the parity of the
/// bytes' lowest bits).
pub(crate) fn signature_bit(hash: u32) -> u64 {
    1u64 << (hash >> 26)
}

impl<const S: usize, const T: usize, const P: usize, const W: usize> Summarizer<S, T, P, W> {
    pub(super) fn count_title(&mut self, title: &str, stats: &mut Stats) {
        let mut run = Run::new();
        for tok in Tokens::new(title) {
            stats.words = stats.words.saturating_add(1);
            let word = tok.span.slice(title).unwrap_or("");
            let mut f = Folded::new(word);
            if f.is_stopword() {
                run.stopword(tok, &f);
                continue;
            }
            f.stem();
            let hash = f.hash();
            let surface = tok.span.start | SURFACE_IN_TITLE;
            if let Some(t) = self.terms.bump(hash, |t| {
                t.surface = surface;
                t.surface_len = u8::try_from(tok.span.len()).unwrap_or(u8::MAX);
            }) {
                // Title case says nothing about names: capitals are not counted here.
                t.in_title = t.in_title.saturating_add(1);
            }
            run.word(&mut self.phrases, title, tok, hash, Part::Title);
        }
    }

    /// Pass 1: segment the body, count terms and phrases, record candidate
    /// sentences. Returns the number of records.
    pub(super) fn count_body(&mut self, body: &str, pooling: bool, stats: &mut Stats, flags: &mut Flags) -> usize {
        let mut n = 0usize;
        // Next free entry of the slot pool; a sentence's entries are kept
        // only if it turns out choosable and all of them fit.
        let mut pooled = 0usize;
        // Sentence number: units that are not boilerplate, counted on past
        // the record capacity (`Chosen::index`). The segmenter's unit index
        // also counts boilerplate, so it is not used here: a share button
        // before the lead must not take the lead's place.
        let mut number = 0u32;
        for unit in Segmenter::new(body) {
            stats.sentences = stats.sentences.saturating_add(1);
            if unit.kind == UnitKind::Boilerplate {
                continue;
            }
            let sentence = number;
            number = number.saturating_add(1);
            let sent = u16::try_from(sentence).unwrap_or(u16::MAX);
            let text = unit.span.slice(body).unwrap_or("");
            let base = unit.span.start;
            let mut signature = 0u64;
            let (mut words, mut content, mut stops) = (0u32, 0u32, 0u32);
            let mut run = Run::new();
            let mut first = true;
            let mut fits = pooling;
            // Slots this sentence's words took over (see `t.weight` below).
            let mut took: Vec<u16, 8> = Vec::new();
            for tok in Tokens::new(text) {
                words = words.saturating_add(1);
                let abs =
                    crate::Span { start: tok.span.start.saturating_add(base), end: tok.span.end.saturating_add(base) };
                let tok = crate::tokenize::Token { span: abs, ..tok };
                let word = abs.slice(body).unwrap_or("");
                let mut f = Folded::new(word);
                if f.is_stopword() {
                    stops = stops.saturating_add(1);
                    run.stopword(tok, &f);
                    first = false;
                    continue;
                }
                f.stem();
                let hash = f.hash();
                signature |= signature_bit(hash);
                let mid = !first;
                let cap = tok.capitalized && mid && tok.kind == TokenKind::Word;
                first = false;
                let bumped = self.terms.bump_slot(hash, |t| {
                    t.surface = abs.start;
                    t.surface_len = u8::try_from(abs.len()).unwrap_or(u8::MAX);
                });
                // This word's place in the pool (kept if the sentence is).
                let at = pooled.saturating_add(content as usize);
                // Slot indices fit in u16: `T` is at most 65,535.
                let entry = bumped.as_ref().and_then(|b| u16::try_from(b.slot).ok());
                if fits {
                    match (entry, self.pool.get_mut(at)) {
                        (Some(e), Some(p)) => *p = e,
                        _ => fits = false,
                    }
                }
                content = content.saturating_add(1);
                if let Some(b) = bumped {
                    let t = b.term;
                    if b.replaced && pooling {
                        // Until scoring, `weight` stamps when the slot last
                        // changed hands: an entry written at pool place `q`
                        // still names its term iff the stamp is at most `q`
                        // (later words, kept or not, get later places).
                        t.weight = u16::try_from(at).unwrap_or(u16::MAX);
                        if let Some(e) = entry {
                            let _ = took.push(e);
                        }
                    }
                    if t.last_sentence != sent {
                        t.last_sentence = sent;
                        t.sentences = t.sentences.saturating_add(1);
                    }
                    if t.first_sentence == u8::MAX {
                        t.first_sentence = u8::try_from(sentence).unwrap_or(u8::MAX - 1);
                    }
                    if cap {
                        t.capitalized = t.capitalized.saturating_add(1);
                    }
                    // The form written mid-sentence in the body shows the true
                    // case: prefer it to a Title Case headline word, and a
                    // capitalized one (`Maduro`) to a lower-case one.
                    let from_title = t.surface & SURFACE_IN_TITLE != 0;
                    if mid && (from_title || cap && !starts_upper(body, t.surface)) {
                        t.surface = abs.start;
                        t.surface_len = u8::try_from(abs.len()).unwrap_or(u8::MAX);
                    }
                }
                if tok.kind == TokenKind::Number {
                    run.clear();
                } else {
                    run.word(&mut self.phrases, body, tok, hash, Part::Body { sentence: sent });
                }
            }
            stats.words = stats.words.saturating_add(words);
            let english = looks_english(words, stops);
            let choosable = unit.kind.is_choosable() && english && (MIN_WORDS..=MAX_WORDS).contains(&words);
            // Choosable sentences have at most MAX_WORDS content words, so
            // `content_words` counts their pool entries exactly.
            let pool = choosable && fits && n < S;
            if pool {
                pooled = pooled.saturating_add(content as usize);
            } else {
                // Not kept: its places will be reused by the next sentence,
                // so its take-overs are stamped as coming before all of
                // them. (Past 8 take-overs the later stamps stay as they are:
                // that only sends more sentences down the slow path.)
                let stamp = u16::try_from(pooled).unwrap_or(u16::MAX);
                for &i in &took {
                    if let Some(t) = self.terms.slots_mut().get_mut(usize::from(i)) {
                        t.weight = stamp;
                    }
                }
            }
            let Some(r) = self.records.get_mut(n) else {
                flags.insert(Flags::SENTENCES_TRUNCATED);
                continue;
            };
            let open_quote = if unit.open_quote { Record::OPEN_QUOTE } else { 0 };
            *r = Record {
                start: unit.span.start,
                end: unit.span.end,
                signature,
                score: 0,
                chars: 0,
                content_words: u8::try_from(content).unwrap_or(u8::MAX),
                state: open_quote
                    | if pool {
                        Record::CHOOSABLE | Record::POOLED | Record::POOL_VALID
                    } else if choosable {
                        Record::CHOOSABLE
                    } else {
                        0
                    },
            };
            n = n.saturating_add(1);
        }
        n
    }
}

fn starts_upper(body: &str, surf: u32) -> bool {
    body.get(surf as usize..).and_then(|s| s.chars().next()).is_some_and(crate::unicode::is_upper)
}
