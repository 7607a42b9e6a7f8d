//! Stage 1, the counting pass: one walk over the title and the segmented
//! body that counts terms (and, through `phrases`, keyphrase
//! candidates), fills the slot pool and writes one [`Record`] per sentence.

use super::phrases::{Part, PhraseTable, Run};
use super::pool::PoolWriter;
use super::record::{Kept, Record};
use super::{Flags, Stats, Summarizer};
use crate::lang::detect::Detector;
use crate::near_duplicate::signature_bit;
use crate::normalize::Folded;
use crate::segment::{Segmenter, UnitKind};
use crate::terms::{Surface, TermTable};
use crate::tokenize::{Packed, Words};
use crate::{Language, Span};

/// Sentences shorter than this (in words) are never chosen: fragments.
const MIN_WORDS: u32 = 5;
/// Sentences longer than this (in words) are never chosen: run-ons, lists.
const MAX_WORDS: u32 = 80;

/// At least one word in this many must be a stopword of the article's
/// language for a sentence to read as prose in it. Running text is about
/// 40 % function words; a caption in another language or a list of names
/// has almost none, so one in 12 leaves a wide margin either way.
const STOPWORD_ONE_IN: u32 = 12;
/// Sentences shorter than this (in words) are too short to judge by
/// their stopwords: a five-word sentence may have none.
const MIN_WORDS_TO_JUDGE_LANGUAGE: u32 = 6;

/// True if a sentence of `words` words of which `stops` are stopwords of
/// the article's language reads as prose in that language; prose with
/// almost none of its function words is another language or a list of
/// names, and is never chosen.
pub(super) fn in_the_language(words: u32, stops: u32) -> bool {
    words < MIN_WORDS_TO_JUDGE_LANGUAGE || stops.saturating_mul(STOPWORD_ONE_IN) >= words
}

/// What the counting pass learnt of one sentence.
struct SentenceCount {
    /// Word and number tokens.
    words: u32,
    /// Of which not stopwords (its pool entries, if it is pooled).
    content: u32,
    /// Of which stopwords of the language the sentence was read in.
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
    /// Counts the title's terms and phrases (it has no record), into
    /// tables that hold nothing yet. `detector` reads the title at the
    /// same time, and its language (the title often says it before the
    /// body's first sentence does) decides which of the title's words are
    /// terms: the title is counted in the language the detector starts
    /// from, and if the title's end decides another one, counted again in
    /// that one from empty tables (a headline is a few words, and most are
    /// read once). Returns the language it was counted in: if the body
    /// decides another one, the caller reads it again
    /// ([`Summarizer::reread_title`]).
    pub(super) fn count_title(&mut self, title: &str, stats: &mut Stats, detector: &mut Detector) -> Language {
        let read_in = detector.language();
        let words = self.title_words(title, read_in, Part::Title, |f, capitalized| detector.read(f, capitalized));
        stats.words = stats.words.saturating_add(words);
        detector.checkpoint();
        let language = detector.language();
        if language != read_in {
            self.terms.clear();
            self.phrases.clear();
            self.title_words(title, language, Part::Title, |f, _| f.stop_mask());
        }
        language
    }

    /// Counts the title again in `language`, the article's, taking back
    /// its count in `read_in`, the language it was first read in (a
    /// headline with too few function words to tell, `Espagne : l'agence
    /// Moody's dégrade 28 banques espagnoles`, is read as English until the
    /// body says French): its terms and phrases are then the article's
    /// (`agence`, not `l'agence`). Changes nothing when the two are the same.
    pub(super) fn reread_title(&mut self, title: &str, read_in: Language, language: Language) {
        if read_in != language {
            self.title_words(title, read_in, Part::TitleTakenBack, |f, _| f.stop_mask());
            self.title_words(title, language, Part::Title, |f, _| f.stop_mask());
        }
    }

    /// Counts the title's words in `language` as `part` ([`Part::Title`]),
    /// or takes back such a count ([`Part::TitleTakenBack`]); `stop_mask`
    /// gives each folded word's stopword mask, given whether it is
    /// capitalized (the detector's [`Detector::read`], or the plain
    /// lookup). Returns the number of words.
    fn title_words(
        &mut self,
        title: &str,
        language: Language,
        part: Part,
        mut stop_mask: impl FnMut(&Folded, bool) -> u8,
    ) -> u32 {
        let mut run = Run::new();
        let mut words = Words::new(title);
        let mut n = 0u32;
        while let Some(mut tok) = words.next_packed() {
            n = n.saturating_add(1);
            let f = words.folded_mut();
            let mask = stop_mask(f, tok.capitalized());
            if !content_word(f, mask, language, &mut tok, title) {
                run.stopword(tok, f);
                continue;
            }
            let hash = f.hash();
            let compound = u8::from(tok.in_compound());
            if part == Part::TitleTakenBack {
                if let Some(t) = self.terms.get_mut(hash) {
                    t.count = t.count.saturating_sub(1);
                    t.in_title = t.in_title.saturating_sub(1);
                    t.hyphenated = t.hyphenated.saturating_sub(compound);
                }
            } else {
                let surface = Surface::title(tok.start);
                if let Some(t) = self.terms.bump(hash, |t| {
                    t.surface = surface;
                    t.surface_len = u8::try_from(tok.len()).unwrap_or(u8::MAX);
                }) {
                    // Title case says nothing about names: capitals are not counted here.
                    t.in_title = t.in_title.saturating_add(1);
                    t.hyphenated = t.hyphenated.saturating_add(compound);
                }
            }
            run.word(&mut self.phrases, title, tok, hash, part);
        }
        n
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
    ///
    /// `detector` reads every word and may change the language at each
    /// sentence's end: a sentence is read in the language decided before
    /// it, and [`Summarizer::settle_language`] reads again the few read in
    /// another language than the last.
    pub(super) fn count_body(
        &mut self,
        body: &str,
        pooling: bool,
        stats: &mut Stats,
        flags: &mut Flags,
        detector: &mut Detector,
    ) -> usize {
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
            // Most sentences of most articles are read once the article is
            // settled in English: they get the loop made for that case.
            let counted = if detector.settled_in() == Some(Language::English) {
                c.sentence::<true>(body, unit.span, sentence, detector)
            } else {
                c.sentence::<false>(body, unit.span, sentence, detector)
            };
            detector.checkpoint();
            stats.words = stats.words.saturating_add(counted.words);
            let prose = unit.kind.is_choosable() && (MIN_WORDS..=MAX_WORDS).contains(&counted.words);
            let choosable = prose && in_the_language(counted.words, counted.stops);
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
            *r = Record::new(unit.span, content, unit.open_quote, prose, kept);
            n = n.saturating_add(1);
        }
        n
    }
}

impl<const S: usize, const T: usize, const P: usize, const W: usize> Summarizer<S, T, P, W> {
    /// Judges the first `misread` records again in the article's language,
    /// `language`: they were read before it was decided, in another
    /// one. Reads those sentences again (most articles have none: the
    /// title or the first sentence decides) and takes them out of the slot
    /// pool, whose entries for them are of the first reading.
    pub(super) fn settle_language(&mut self, body: &str, misread: usize, language: Language) {
        let mut given_up = 0usize;
        for r in self.records.iter_mut().take(misread) {
            let (mut words, mut stops, mut signature) = (0u32, 0u32, 0u64);
            let mut reader = Words::in_span(body, r.span());
            while let Some(mut tok) = reader.next_packed() {
                let f = reader.folded_mut();
                words = words.saturating_add(1);
                if content_word(f, f.stop_mask(), language, &mut tok, body) {
                    signature |= signature_bit(f.hash());
                } else {
                    stops = stops.saturating_add(1);
                }
            }
            let content = u8::try_from(words.saturating_sub(stops)).unwrap_or(u8::MAX);
            given_up = given_up.saturating_add(r.settle(in_the_language(words, stops), signature, content));
        }
        self.pool.drop_front(given_up);
    }
}

impl<const T: usize, const P: usize> Counter<'_, T, P> {
    /// Counts the words of body sentence number `sentence` at `span`.
    ///
    /// `SETTLED_ENGLISH` says the article is settled in English
    /// ([`Detector::settled_in`]): then the detector is not asked, and
    /// every word is read as English, so the compiler drops the other
    /// languages' word rules (elisions, their stemmers) from this copy of
    /// the loop and keeps the token in registers. Both copies count the
    /// same: with `false`, a settled English detector gives the same masks
    /// and the same language.
    ///
    /// Out of line on hosted targets, where the register allocator does
    /// better with the loop on its own; inlined on bare metal, where the
    /// call cost the Cortex-M4 more than it saved.
    #[cfg_attr(not(target_os = "none"), inline(never))]
    fn sentence<const SETTLED_ENGLISH: bool>(
        &mut self,
        body: &str,
        span: Span,
        sentence: u32,
        detector: &mut Detector,
    ) -> SentenceCount {
        let language = if SETTLED_ENGLISH { Language::English } else { detector.language() };
        let mut counted = SentenceCount { words: 0, content: 0, stops: 0, signature: 0 };
        let mut run = Run::new();
        let sent = sentence_u16(sentence);
        // Counts are at most the sentence's bytes and offsets at most the
        // body's, both under `u32::MAX` (`summarize` checks the length):
        // plain wrapping adds are exact.
        // The sentence's words with spans in the body's offsets (none if
        // the span is not on char boundaries).
        let mut words = Words::in_span(body, span);
        while let Some(mut tok) = words.next_packed() {
            let f = words.folded_mut();
            counted.words = counted.words.wrapping_add(1);
            let mid = counted.words != 1;
            let mask = if SETTLED_ENGLISH { f.stop_mask() } else { detector.read(f, tok.capitalized()) };
            if !content_word(f, mask, language, &mut tok, body) {
                counted.stops = counted.stops.wrapping_add(1);
                run.stopword(tok, f);
                continue;
            }
            let hash = f.hash();
            counted.signature |= signature_bit(hash);
            // The phrase run first: the tables are apart, so the order of
            // their bumps changes nothing.
            if tok.is_number() {
                run.clear();
            } else {
                run.word(self.phrases, body, tok, hash, Part::Body { sentence: sent });
            }
            self.word(body, tok, hash, mid, sent, language);
        }
        // Every word is a stopword or a content word: one counter fewer
        // in the loop.
        counted.content = counted.words.wrapping_sub(counted.stops);
        counted
    }

    /// Counts one content word (`tok`, term `hash`) of body sentence number
    /// `sent` (as [`sentence_u16`] gives it); `mid` if it is not the
    /// sentence's first word.
    ///
    /// Always inlined: with two copies of [`Counter::sentence`] the
    /// compiler would call it, and the call's moves and spills cost more
    /// than the body.
    #[inline(always)]
    fn word(&mut self, body: &str, tok: Packed, hash: u32, mid: bool, sent: u16, language: Language) {
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
        if tok.in_compound() {
            t.hyphenated = t.hyphenated.saturating_add(1);
        }
        let cap = tok.capitalized_word() && mid && language.capitals_mark_names();
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

/// True if the folded word `f` (stopword mask `mask`) is a content word
/// of `language`, which it then leaves stemmed; false for a stopword. In
/// French and Italian an elided article or pronoun (`l'`, `qu'`) is
/// dropped first, and `tok` made to start after it, so that the term and
/// its surface form are the word (`équipage`, not `l'équipage`), and its
/// capital is the word's own (`d'Ormesson`, `l'Élysée` are names).
#[inline(always)]
fn content_word(f: &mut Folded, mask: u8, language: Language, tok: &mut Packed, text: &str) -> bool {
    if mask & language.bit() != 0 {
        return false;
    }
    if language == Language::English {
        f.stem();
        return true;
    }
    other_content_word(f, language, tok, text)
}

/// [`content_word`] past its stopword test, in a language besides English.
fn other_content_word(f: &mut Folded, language: Language, tok: &mut Packed, text: &str) -> bool {
    let n = f.drop_elision(language);
    if n != 0 {
        let source = text.as_bytes().get(tok.start as usize..tok.end as usize).unwrap_or(&[]);
        let cut = u32::try_from(crate::lang::elided_in_source(source, n)).unwrap_or(u32::MAX);
        let capitalized = starts_upper(text, tok.start.saturating_add(cut));
        *tok = tok.skip_prefix(cut, capitalized);
        if f.stop_mask() & language.bit() != 0 {
            return false;
        }
    }
    f.stem_in(language);
    true
}

/// A sentence number as the `u16` the term and phrase records hold
/// (saturating: past 65,535 sentences, later ones count as one).
fn sentence_u16(sentence: u32) -> u16 {
    u16::try_from(sentence).unwrap_or(u16::MAX)
}

fn starts_upper(body: &str, surf: u32) -> bool {
    body.get(surf as usize..).and_then(|s| s.chars().next()).is_some_and(crate::unicode::is_upper)
}

/// The word rules of the counting pass in French, Italian and German (each needs
/// its language compiled in; the workspace's build has all of them).
#[cfg(all(test, feature = "fr", feature = "it", feature = "de"))]
mod tests {
    use super::*;
    use crate::terms::Term;
    use crate::{DefaultSummarizer, LanguageChoice};

    /// The term table after counting `body` in `language`.
    fn counted(body: &str, language: Language) -> DefaultSummarizer {
        let mut s = DefaultSummarizer::new();
        let mut d = Detector::new(LanguageChoice::Only(language), crate::lang::LanguageSet::COMPILED);
        s.count_body(body, true, &mut Stats::default(), &mut Flags::empty(), &mut d);
        s
    }

    fn term(s: &DefaultSummarizer, word: &str, language: Language) -> Term {
        let key = Folded::new(word).stem_to_key_in(language).expect("a content word");
        *s.terms.get(key).unwrap_or_else(|| panic!("{word} was counted"))
    }

    /// After an elided article the word's own first letter decides its
    /// capital (`d'Ormesson`, `l'Élysée`, `L’Élysée`: names), not the
    /// article's (`L'équipe` at a sentence start is no name, nor is
    /// `l'équipe` mid-sentence).
    #[test]
    fn the_capital_after_an_elision_is_the_words() {
        let body = "Il a vu Jean d'Ormesson à l'Élysée hier soir. Puis il a quitté l’Élysée avec l'équipe. \
                    L'équipe est partie ensuite.";
        let s = counted(body, Language::French);
        let elysee = term(&s, "Élysée", Language::French);
        assert_eq!((elysee.count, elysee.capitalized), (2, 2));
        assert_eq!(term(&s, "Ormesson", Language::French).capitalized, 1);
        let equipe = term(&s, "équipe", Language::French);
        assert_eq!((equipe.count, equipe.capitalized), (2, 0));
        // Its surface form is the word, without the article.
        let at = elysee.surface.offset() as usize;
        assert_eq!(body.get(at..at + usize::from(elysee.surface_len)), Some("Élysée"));
    }

    /// A headline too short to tell its language is read as English; once
    /// the body says French, its words are counted again as French and
    /// what English made of them is taken back. Read in the article's
    /// language from the start, it is not read again.
    #[test]
    fn a_title_read_in_another_language_is_read_again() {
        let title = "Espagne : l'agence Moody's dégrade 28 banques espagnoles";
        let body = "L'agence américaine a abaissé les notes de 28 banques espagnoles. Selon l'agence, elles \
                    font suite à la baisse de la note du pays.";
        let mut s = DefaultSummarizer::new();
        let mut d = Detector::new(LanguageChoice::Auto, crate::lang::LanguageSet::COMPILED);
        let read_in = s.count_title(title, &mut Stats::default(), &mut d);
        assert_eq!(read_in, Language::English);
        s.count_body(body, true, &mut Stats::default(), &mut Flags::empty(), &mut d);
        assert_eq!(d.language(), Language::French);
        let before = s.terms.clone();
        s.reread_title(title, Language::French, Language::French);
        assert_eq!(s.terms.slots(), before.slots(), "the same language: nothing changes");
        s.reread_title(title, read_in, Language::French);
        let agence = term(&s, "agence", Language::French);
        // The title and the second sentence (the first was read before
        // the body decided French: its terms stay as they were counted).
        assert_eq!((agence.in_title, agence.count), (1, 2));
        assert_eq!(term(&s, "dégrade", Language::French).in_title, 1);
        let english = Folded::new("l'agence").stem_to_key_in(Language::English).unwrap();
        assert!(s.terms.get(english).is_none_or(|t| t.in_title == 0));
        // The phrases the English reading counted are taken back too.
        assert!(s.phrases.slots().iter().all(|p| p.hash == 0 || p.in_title <= 1));
    }

    /// A headline that says its language itself is counted in it: first
    /// in English, then again from empty tables, which leaves what
    /// counting it in French from the start leaves.
    #[test]
    fn a_title_that_decides_its_language_is_counted_in_it() {
        let title = "Le gouvernement dit que les impôts ne seront pas augmentés cette année, selon l'annonce";
        let read = |choice| {
            let mut s = DefaultSummarizer::new();
            let mut stats = Stats::default();
            let mut d = Detector::new(choice, crate::lang::LanguageSet::COMPILED);
            let language = s.count_title(title, &mut stats, &mut d);
            (language, stats.words, s.terms, s.phrases)
        };
        let (language, words, terms, phrases) = read(LanguageChoice::Auto);
        let (chosen, chosen_words, chosen_terms, chosen_phrases) = read(LanguageChoice::Only(Language::French));
        assert_eq!((language, chosen), (Language::French, Language::French));
        assert_eq!((words, chosen_words), (14, 14));
        assert_eq!(terms.slots(), chosen_terms.slots());
        assert_eq!((terms.len(), terms.lost()), (chosen_terms.len(), chosen_terms.lost()));
        assert_eq!(phrases.slots(), chosen_phrases.slots());
        let english = Folded::new("l'annonce").stem_to_key_in(Language::English).unwrap();
        assert!(terms.get(english).is_none());
        assert!(terms.get(Folded::new("annonce").stem_to_key_in(Language::French).unwrap()).is_some());
    }

    /// A capital mid-sentence marks a name in French and English, and
    /// nothing in German, which capitalizes every noun: there no term
    /// counts as a name by its capitals ([`Language::capitals_mark_names`]).
    #[test]
    fn capitals_mark_names_except_in_german() {
        let s = counted("Die Regierung hat am Mittwoch mit Merkel über die Steuer gesprochen.", Language::German);
        assert_eq!(term(&s, "Regierung", Language::German).capitalized, 0);
        assert_eq!(term(&s, "Merkel", Language::German).capitalized, 0);
        let s = counted("Le gouvernement a parlé mercredi avec Merkel de la Taxe.", Language::French);
        assert_eq!(term(&s, "Merkel", Language::French).capitalized, 1);
        assert_eq!(term(&s, "gouvernement", Language::French).capitalized, 0);
    }

    /// Italian elisions (`dell'`, `un'`, `nell'`) likewise; English keeps
    /// its apostrophes (`O'Brien` is one name, `d'` no article).
    #[test]
    fn elisions_by_language() {
        let s = counted("Il presidente dell'Unione ha visto un'amica nell'Italia del nord oggi.", Language::Italian);
        assert_eq!(term(&s, "Unione", Language::Italian).capitalized, 1);
        assert_eq!(term(&s, "amica", Language::Italian).capitalized, 0);
        assert_eq!(term(&s, "Italia", Language::Italian).capitalized, 1);
        let s = counted("Then Mr O'Brien met d'Artagnan in the square today.", Language::English);
        assert_eq!(term(&s, "O'Brien", Language::English).capitalized, 1);
        assert_eq!(term(&s, "d'Artagnan", Language::English).capitalized, 0);
    }
}

/// The copy of the counting loop for articles settled in English counts
/// what the general loop counts with a detector settled in English.
#[cfg(test)]
mod settled_english {
    use super::*;
    use crate::lang::LanguageSet;
    use crate::{DefaultSummarizer, LanguageChoice};
    use proptest::prelude::*;

    /// Counts `text` as sentences (at each full stop) with the loop
    /// `SETTLED_ENGLISH`; returns the counts and the workspace.
    fn count<const SETTLED_ENGLISH: bool>(text: &str) -> (heapless::Vec<(u32, u32, u32, u64), 64>, DefaultSummarizer) {
        let mut s = DefaultSummarizer::new();
        let mut detector = Detector::new(LanguageChoice::Only(Language::English), LanguageSet::COMPILED);
        let mut c = Counter { terms: &mut s.terms, phrases: &mut s.phrases, pool: s.pool.writer::<480>(true) };
        let mut counts = heapless::Vec::new();
        let mut start = 0;
        for (number, end) in text.match_indices('.').map(|(i, _)| i + 1).chain([text.len()]).enumerate() {
            let sentence = u32::try_from(number).unwrap();
            let n = c.sentence::<SETTLED_ENGLISH>(text, Span::new(start, end), sentence, &mut detector);
            counts.push((n.words, n.content, n.stops, n.signature)).expect("at most 61 sentences");
            let _ = c.pool.finish(sentence, true);
            start = end;
        }
        (counts, s)
    }

    proptest! {
        #[test]
        fn counts_as_the_general_loop(
            text in "((the|of|a|l'|d'|Qu'|les|die|de|[A-Z][a-zé]{0,8}|[a-z’'é-]{1,12}|[0-9]{1,4}|O'Brien)[ ,.-]){0,60}"
        ) {
            let (fast, a) = count::<true>(&text);
            let (general, b) = count::<false>(&text);
            prop_assert_eq!(fast, general);
            prop_assert_eq!(a.terms.slots(), b.terms.slots());
            prop_assert_eq!(a.phrases.slots(), b.phrases.slots());
            prop_assert!(a.pool == b.pool);
        }
    }
}
