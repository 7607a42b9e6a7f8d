//! Detection: which language an article is in, from its stopwords, counted
//! while the counting pass reads it (fixed memory, no pass of its own).
//!
//! Each word that is a stopword of some language adds to those languages'
//! scores, weighted by how few languages share it: `the` (English only)
//! weighs as much as `de` (French, Spanish, Portuguese, Dutch) four times,
//! so the Romance languages are told apart by the words they do not share.
//! The article starts out English; at each checkpoint (the title's end,
//! each sentence's end) the language changes to another one only once that
//! one leads the current one clearly ([`MARGIN`]), so a short quotation in
//! another language, a name (`de Gaulle`, `Van Dijk`) or a text with too
//! few stopwords to tell leaves it English.
//!
//! Once the article's language leads every other by far ([`SETTLED`]), it
//! is settled: the detector stops counting, and the rest of the article,
//! however long, costs it nothing. A language chosen by the caller is
//! settled from the start.

use super::{COMPILED, Language, LanguageChoice, LanguageSet};
use crate::normalize::Folded;
use crate::stopwords::NAME_PARTICLE;

/// What one stopword shared by `k` languages adds to each of them:
/// `SHARE / k` (420 is divisible by 1 to 7, so the weights are exact).
const SHARE: u32 = 420;

/// How far another language must lead the current one before the article
/// is taken to be in it: one stopword of that language alone.
const MARGIN: u32 = SHARE;

/// The least score a language needs to be taken: one and a half stopwords
/// of its own (one of its own and one it shares with another language, or
/// three shared with two), so a title's stray article (`El Niño`, `Die
/// Hard`) decides nothing.
const LEAST: u32 = 3 * SHARE / 2;

/// [`LEAST`] at the first checkpoint, the title's end: a headline is a few
/// words, and two of them that are function words elsewhere are common in
/// English ones (`Man City 0-2 Man Utd`: German `man`; `Warning over
/// Windows Word files`: Dutch `over`, `word`). Three stopwords of its own
/// make a headline another language; otherwise the body's first sentence
/// decides.
const LEAST_IN_TITLE: u32 = 3 * SHARE;

/// How far the article's language must lead every other at a checkpoint
/// for it to be settled: eight stopwords of its own, a sentence or two of
/// prose in it. To take the article from it after that, a later passage
/// would need eight stopwords more of one other language than of the
/// article's (and then [`MARGIN`] more): not a quotation or a name, but
/// pages written in another language, which an article in one language
/// does not hold. Before that lead the detector counts on, so a first
/// sentence that misleads (a headline with a foreign phrase, a quotation
/// first) is still corrected by the sentences after it.
const SETTLED: u32 = 8 * SHARE;

/// The running detection: weighted stopword hits per language and the
/// language decided so far.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Detector {
    /// Weighted hits, by [`Language::index`]; one place for each bit of a
    /// `u8` mask, so that a bit's place needs no bounds check.
    hits: [u32; 8],
    /// The masks of the name particles read since the last other word
    /// (`von der`), not counted yet, oldest first; 0 for a free place.
    held: [u8; 3],
    current: Language,
    /// True once the language can no longer change: the caller chose it,
    /// or it leads every other by [`SETTLED`]. Nothing is counted then.
    settled: bool,
    /// The stopword bits of the languages it may choose
    /// ([`crate::Options::languages`], compiled in; English always).
    allowed: u8,
    /// Times [`Detector::checkpoint`] was called when the language last
    /// changed (0 if it never did).
    changed_at: u32,
    checkpoints: u32,
}

impl Detector {
    /// A detector for `choice` among `languages` (those compiled in;
    /// English always): the language it asks for (English if that one is
    /// not among them), or English until another leads.
    ///
    /// Detection among fewer languages than are compiled in gives what a
    /// build with only those gives: their stopwords alone count.
    pub const fn new(choice: LanguageChoice, languages: LanguageSet) -> Self {
        let languages = languages.intersection(LanguageSet::COMPILED).with(Language::English);
        let (current, settled) = match choice {
            LanguageChoice::Auto => (Language::English, false),
            LanguageChoice::Only(l) if languages.contains(l) => (l, true),
            LanguageChoice::Only(_) => (Language::English, true),
        };
        let allowed = languages.stop_mask();
        Detector { hits: [0; 8], held: [0; 3], current, settled, allowed, changed_at: 0, checkpoints: 0 }
    }

    /// Counts the folded word `f` (`capitalized` if it starts with a
    /// capital letter) and returns its stopword mask
    /// ([`crate::stopwords::stop_mask`]). A word that is no stopword of the
    /// detector's languages is read as in a build without the others: if
    /// it starts with an elided one (`l'équipage`), it counts as that one.
    /// Once the language is settled, nothing is counted.
    ///
    /// Inlined into the counting loop, which calls it for every word: most
    /// are read after the language is settled, and the others mostly
    /// content words with no particle held before them and no apostrophe,
    /// which count nothing, and leave after three tests.
    #[inline(always)]
    pub fn read(&mut self, f: &Folded, capitalized: bool) -> u8 {
        let mask = f.stop_mask();
        if self.settled {
            return mask;
        }
        let counted = self.counted(f, mask);
        if counted != 0 || self.holds_particles() {
            self.word(counted, capitalized);
        }
        mask
    }

    /// What the word `f` with the stopword mask `mask` counts for: its
    /// stopword languages among the detector's (and the name-particle
    /// bit), or, for no stopword of them, the elided one it starts with.
    #[inline(always)]
    fn counted(&self, f: &Folded, mask: u8) -> u8 {
        let allowed = self.allowed;
        if mask & allowed != 0 {
            mask & (allowed | NAME_PARTICLE)
        } else if f.may_be_elided() {
            super::elided(f.as_bytes()).1 & allowed
        } else {
            0
        }
    }

    /// True if name particles are held ([`Detector::word`]): they are
    /// held oldest first, so the first place says.
    #[inline(always)]
    fn holds_particles(&self) -> bool {
        self.held[0] != 0
    }

    /// Counts one word that is a stopword of the languages in `mask`
    /// ([`crate::stopwords::stop_mask`]; 0 for a word that is none);
    /// `capitalized` if it starts with a capital letter. The mask counts
    /// as given ([`Detector::read`] keeps the detector's languages of it:
    /// done once there, not at each count, as it costs a load a word).
    ///
    /// The particles of names (`von der Leyen`, `de Gaulle`, `Van Dijk`)
    /// say where a name is from, not what language the text around it is
    /// in: a particle ([`NAME_PARTICLE`]) is held until the next word, and
    /// dropped with the ones held before it if that word is capitalized.
    #[inline]
    pub fn word(&mut self, mask: u8, capitalized: bool) {
        if mask & NAME_PARTICLE != 0 {
            // Three held already (`de la de`): the oldest is no name's.
            match self.held.iter_mut().find(|m| **m == 0) {
                Some(free) => *free = mask,
                None => {
                    let [oldest, a, b] = self.held;
                    self.add(oldest);
                    self.held = [a, b, mask];
                }
            }
            return;
        }
        if capitalized {
            self.held = [0; 3];
        } else {
            self.release();
        }
        self.add(mask);
    }

    /// Counts the particles held.
    fn release(&mut self) {
        if self.holds_particles() {
            for m in core::mem::take(&mut self.held) {
                self.add(m);
            }
        }
    }

    #[inline(always)]
    fn add(&mut self, mask: u8) {
        let mask = mask & COMPILED;
        if mask == 0 {
            return;
        }
        let weight = SHARE / mask.count_ones();
        let mut m = mask;
        while m != 0 {
            let i = m.trailing_zeros() as usize;
            if let Some(h) = self.hits.get_mut(i) {
                *h = h.saturating_add(weight);
            }
            m &= m.wrapping_sub(1);
        }
    }

    /// A point where the language may change (the end of the title or of a
    /// sentence): to the leading language, if it leads the current one by
    /// [`MARGIN`] and no other ties it. Then the language is settled if it
    /// leads every other by [`SETTLED`].
    pub fn checkpoint(&mut self) {
        if self.settled {
            return;
        }
        self.release();
        self.checkpoints = self.checkpoints.saturating_add(1);
        let (mut best, mut best_hits, mut tied) = (self.current, self.hits(self.current), false);
        for l in Language::ALL {
            let h = self.hits(l);
            if h > best_hits {
                (best, best_hits, tied) = (l, h, false);
            } else if h == best_hits && l != best {
                tied = true;
            }
        }
        if best != self.current
            && !tied
            && best_hits >= if self.checkpoints == 1 { LEAST_IN_TITLE } else { LEAST }
            && best_hits >= self.hits(self.current).saturating_add(MARGIN)
        {
            self.current = best;
            self.changed_at = self.checkpoints;
        }
        let lead = self.hits(self.current);
        self.settled =
            Language::ALL.into_iter().all(|l| l == self.current || self.hits(l).saturating_add(SETTLED) <= lead);
    }

    /// The article's language once it can no longer change (the caller
    /// chose it, or it leads every other by [`SETTLED`]); `None` before.
    #[inline]
    pub fn settled_in(&self) -> Option<Language> {
        // A build with English alone has nothing to detect. Said as a
        // constant, so that such a build compiles only the counting loop
        // for articles settled in English.
        if COMPILED == Language::English.bit() {
            return Some(Language::English);
        }
        if self.settled { Some(self.current) } else { None }
    }

    /// The language decided so far.
    #[inline]
    pub fn language(&self) -> Language {
        self.current
    }

    /// How many checkpoints had passed when the language last changed:
    /// the sentences read before it were read in another language.
    pub fn changed_at(&self) -> u32 {
        self.changed_at
    }

    fn hits(&self, l: Language) -> u32 {
        self.hits.get(l.index()).copied().unwrap_or(0)
    }
}

/// The language of an article with `title` and `body`, as the summarizer
/// detects it ([`crate::Summary::language`] with [`LanguageChoice::Auto`]).
///
/// ```
/// use epitome::{Language, lang::detect::detect};
/// let body = "Le navire, qui peut contenir plus de 2.600 passagers, est venu heurter le quai.";
/// # if Language::French.is_compiled() {
/// assert_eq!(detect("", body), Language::French);
/// # }
/// assert_eq!(detect("", "The ship hit the quay on Sunday."), Language::English);
/// ```
pub fn detect(title: &str, body: &str) -> Language {
    detect_among(title, body, LanguageSet::COMPILED)
}

/// [`detect`] among `languages` (those compiled in; English always), as
/// the summarizer detects with [`crate::Options::languages`].
///
/// ```
/// use epitome::{Language, LanguageSet, lang::detect::detect_among};
/// let body = "Le navire, qui peut contenir plus de 2.600 passagers, est venu heurter le quai.";
/// assert_eq!(detect_among("", body, LanguageSet::of(&[Language::English])), Language::English);
/// ```
pub fn detect_among(title: &str, body: &str, languages: LanguageSet) -> Language {
    use crate::segment::{Segmenter, UnitKind};
    use crate::tokenize::Words;
    let mut d = Detector::new(LanguageChoice::Auto, languages);
    let mut words = Words::new(title);
    while let Some(t) = words.next_token() {
        d.read(words.folded(), t.capitalized);
    }
    d.checkpoint();
    for unit in Segmenter::new(body) {
        if unit.kind == UnitKind::Boilerplate {
            continue;
        }
        let mut words = Words::in_span(body, unit.span);
        while let Some(t) = words.next_token() {
            d.read(words.folded(), t.capitalized);
        }
        d.checkpoint();
    }
    d.language()
}

#[cfg(test)]
mod tests {
    use super::*;

    const FRENCH: &str = "Le navire, qui peut contenir plus de 2.600 passagers, est venu heurter le quai. \
        Les passagers ont été évacués dans le calme, selon la capitainerie du port.";

    #[test]
    fn detection_chooses_among_the_languages_it_is_given() {
        let en = LanguageSet::of(&[Language::English]);
        assert_eq!(detect_among("", FRENCH, en), Language::English);
        // English is always among them.
        assert_eq!(detect_among("", FRENCH, LanguageSet::EMPTY), Language::English);
        if Language::French.is_compiled() {
            assert_eq!(detect_among("", FRENCH, en.with(Language::French)), Language::French);
            assert_eq!(detect("", FRENCH), Language::French);
        }
        assert_eq!(detect_among("", "The ship hit the quay on Sunday.", LanguageSet::ALL), Language::English);
    }

    #[test]
    fn a_language_not_among_them_is_read_as_english() {
        let en = LanguageSet::of(&[Language::English]);
        assert_eq!(Detector::new(LanguageChoice::Only(Language::French), en).language(), Language::English);
        if Language::French.is_compiled() {
            let d = Detector::new(LanguageChoice::Only(Language::French), LanguageSet::ALL);
            assert_eq!(d.language(), Language::French);
        }
    }

    /// Reads `text` as one sentence (`Words` and a checkpoint), as the
    /// counting pass reads a body's sentence.
    fn sentence(d: &mut Detector, text: &str) {
        let mut words = crate::tokenize::Words::new(text);
        while let Some(t) = words.next_token() {
            d.read(words.folded(), t.capitalized);
        }
        d.checkpoint();
    }

    /// Once the article's language leads by [`SETTLED`], nothing more is
    /// counted: a later passage in another language changes nothing.
    #[test]
    fn the_language_settles_once_it_leads_by_far() {
        let mut d = Detector::new(LanguageChoice::Auto, LanguageSet::COMPILED);
        sentence(&mut d, "The minister said on Monday that the plan would go ahead.");
        assert!(!d.settled, "{:?}", d.hits);
        sentence(&mut d, "The council and the mayor of the city were against it, and they said so in a letter.");
        assert!(d.settled, "{:?}", d.hits);
        let (hits, checkpoints) = (d.hits, d.checkpoints);
        for _ in 0..8 {
            sentence(&mut d, FRENCH);
        }
        assert_eq!((d.language(), d.hits, d.checkpoints, d.changed_at()), (Language::English, hits, checkpoints, 0));
    }

    /// Before it settles, a first sentence in another language (a
    /// quotation) is corrected by the article's own sentences after it.
    #[test]
    fn a_first_sentence_in_another_language_does_not_settle_it() {
        if !Language::French.is_compiled() {
            return;
        }
        let mut d = Detector::new(LanguageChoice::Auto, LanguageSet::COMPILED);
        sentence(&mut d, "« Nous ne céderons pas », a déclaré le président devant les députés.");
        assert_eq!((d.language(), d.settled), (Language::French, false));
        for _ in 0..3 {
            sentence(&mut d, "The minister said on Monday that the plan would go ahead in the spring.");
        }
        assert_eq!((d.language(), d.changed_at()), (Language::English, 2), "English from its first sentence on");
    }

    /// A language the caller chose is settled from the start: nothing is
    /// counted.
    #[test]
    fn a_chosen_language_counts_nothing() {
        let mut d = Detector::new(LanguageChoice::Only(Language::English), LanguageSet::COMPILED);
        sentence(&mut d, FRENCH);
        assert_eq!((d.language(), d.hits, d.changed_at()), (Language::English, [0; 8], 0));
    }

    use crate::normalize::Folded;

    proptest::proptest! {
        /// The cheap test lets through every word that starts with an
        /// elided one.
        #[test]
        fn may_be_elided_lets_every_elision_through(word in "[a-zA-Z'’éà]{0,12}") {
            let f = Folded::new(&word);
            if crate::lang::elided(f.as_bytes()).1 != 0 {
                proptest::prop_assert!(f.may_be_elided(), "{word}");
            }
        }
    }

    proptest::proptest! {
        /// `read`'s shortcuts count what the plain rule counts: every word
        /// through `word`, an elided word as its elision, until the
        /// language is settled.
        #[test]
        fn read_counts_as_word_does(
            words in proptest::collection::vec(
                (proptest::sample::select(VOCABULARY.as_slice()), proptest::bool::ANY), 0..40,
            ),
        ) {
            let new = || Detector::new(LanguageChoice::Auto, LanguageSet::ALL);
            let (mut fast, mut plain) = (new(), new());
            let allowed = fast.allowed;
            for (w, checkpoint) in words {
                let f = Folded::new(w);
                let capitalized = w.starts_with(|c: char| c.is_uppercase());
                let mask = f.stop_mask();
                proptest::prop_assert_eq!(fast.read(&f, capitalized), mask);
                let counted = if mask & allowed == 0 {
                    crate::lang::elided(f.as_bytes()).1 & allowed
                } else {
                    mask & (allowed | NAME_PARTICLE)
                };
                if !plain.settled {
                    plain.word(counted, capitalized);
                }
                if checkpoint {
                    fast.checkpoint();
                    plain.checkpoint();
                }
                proptest::prop_assert_eq!(&fast, &plain);
            }
        }
    }

    /// Stopwords of one language and of several, name particles, names,
    /// elisions and English contractions.
    const VOCABULARY: [&str; 24] = [
        "the",
        "and",
        "de",
        "la",
        "von",
        "der",
        "van",
        "di",
        "Van",
        "Gaulle",
        "Leyen",
        "Dijk",
        "l'équipage",
        "qu'il",
        "dell'anno",
        "don't",
        "it's",
        "ship",
        "navire",
        "Schiff",
        "le",
        "die",
        "het",
        "el",
    ];

    #[test]
    fn may_be_elided_on_words() {
        for w in ["l'équipage", "L’Élysée", "jusqu'ici", "puisqu'il", "dell'anno", "don't", "o'brien"] {
            assert!(Folded::new(w).may_be_elided(), "{w}");
        }
        for w in ["", "the", "venezuela", "aujourdhui", "longer-than-eight", "Anything'"] {
            assert!(!Folded::new(w).may_be_elided(), "{w}");
        }
    }
}
