//! Stage 4, keyphrases: single terms and 2–3-word phrases ranked together.

use heapless::Vec;

use super::{Flags, Keyword, MAX_KEYWORDS, Options, Summarizer};
use crate::normalize::term_keys;
use crate::score::{keyword_weight, per_mille_of_best, phrase_score};
use crate::terms::{Surface, Term};
use crate::{Language, Span};

/// A keyword candidate: a term or a phrase, by its first surface form,
/// stored as its ranking key ([`Candidate::rank_key`]) so that `offer`'s
/// search compares two integers, not four fields. Two `u32` halves rather
/// than a `u64`: 12 bytes, not 16, for the 48 candidates on the stack (the
/// adjacent halves still load as one `u64` where the target allows).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(C)]
struct Candidate {
    /// Where its surface form is: the key's low half.
    surface: Surface,
    /// `!score`, the key's high half (higher scores first).
    rev_score: u32,
    /// The surface form's length in bytes.
    surface_len: u8,
    /// Its words: 1 for a term, 2 or 3 for a phrase.
    words: u8,
    /// Shown as the hyphenated compound its surface form is part of
    /// ([`shown`]): a term seen mostly in compounds, or a phrase whose
    /// first or last word is such a term.
    compound: bool,
    /// A name: its compound ends at capitalized words
    /// ([`crate::tokenize::compound`]).
    name: bool,
}

impl Candidate {
    fn new(score: u32, surface: Surface, surface_len: u8, words: u8) -> Self {
        Candidate { surface, rev_score: !score, surface_len, words, compound: false, name: false }
    }

    fn score(&self) -> u32 {
        !self.rev_score
    }

    /// Ranking order: higher score first; ties: earlier text first, then
    /// the shorter form, then a single term before a phrase (the tables are
    /// read phrases first, but a term wins any tie it would have won had
    /// it been offered first). The same order as the tuple
    /// `(Reverse(score), surface, surface_len, words > 1)`.
    fn rank_key(&self) -> (u64, u16) {
        let tie = u16::from(self.surface_len) << 1 | u16::from(self.words > 1);
        (u64::from(self.rev_score) << 32 | u64::from(self.surface.order_key()), tie)
    }
}

/// Candidates kept: enough that dropping the ones sharing a word with a
/// better one still leaves [`MAX_KEYWORDS`].
const CANDIDATES: usize = MAX_KEYWORDS * 3;

impl<const S: usize, const T: usize, const P: usize, const W: usize> Summarizer<S, T, P, W> {
    /// Keyphrases: single terms and 2–3-word phrases ranked together; a
    /// candidate whose words are all inside a better one is dropped.
    ///
    /// The last reading of the term and phrase tables: it empties them as
    /// it goes (phrases first, since a phrase's score reads its words'
    /// terms), which is the next article's clearing.
    pub(super) fn keywords<'a>(
        &mut self,
        title: &'a str,
        body: &'a str,
        opts: &Options<'_>,
        language: Language,
        flags: &mut Flags,
        out: &mut Vec<Keyword<'a>, MAX_KEYWORDS>,
    ) {
        let want = usize::from(opts.keywords);
        if want > MAX_KEYWORDS {
            flags.insert(Flags::KEYWORDS_CLAMPED);
        }
        let want = want.min(MAX_KEYWORDS);
        let mut cands: Vec<Candidate, CANDIDATES> = Vec::new();
        self.phrase_candidates(title, body, opts, language, &mut cands);
        self.term_candidates(title, body, opts, &mut cands);
        // Term keys of the keyphrases kept so far, to drop any candidate
        // that shares a word with a better one.
        let mut kept: Vec<u32, CANDIDATES> = Vec::new();
        let best = cands.first().map_or(1, |c| c.score().max(1));
        for c in cands.iter() {
            if out.len() >= want {
                break;
            }
            let text = shown(title, body, c);
            let keys = content_keys(text, language);
            // No content word, in a language besides English: a term
            // counted before the article's language was known that is one
            // of its stopwords (`le`). (In English such a term comes from a
            // possessive, `May's`, and is kept as it always was.)
            let stopword = keys.is_empty() && language != Language::English;
            if text.is_empty() || stopword || keys.iter().any(|k| kept.contains(k)) {
                continue;
            }
            for k in keys {
                let _ = kept.push(k);
            }
            let _ = out.push(Keyword { text, score: per_mille_of_best(c.score(), best), words: c.words });
        }
    }

    /// Single terms seen twice or in the title, numbers left out; empties
    /// the term table.
    fn term_candidates<const N: usize>(
        &mut self,
        title: &str,
        body: &str,
        opts: &Options<'_>,
        cands: &mut Vec<Candidate, N>,
    ) {
        self.terms.drain(|t| {
            if t.count < 2 && t.in_title == 0 {
                return;
            }
            let c = Candidate::new(weight(t, opts), t.surface, t.surface_len, 1);
            let c = Candidate { compound: in_compounds(t), name: t.is_name(), ..c };
            // Most terms rank below a full list: rejected before their
            // text is read (`offer` would turn them away as well).
            if ranks_in(cands, &c) && !is_number(surface(title, body, t.surface, t.surface_len)) {
                offer(cands, c);
            }
        });
    }

    /// Phrases seen in two sentences (the title counts as one); empties
    /// the phrase table.
    fn phrase_candidates<const N: usize>(
        &mut self,
        title: &str,
        body: &str,
        opts: &Options<'_>,
        language: Language,
        cands: &mut Vec<Candidate, N>,
    ) {
        let terms = &self.terms;
        self.phrases.drain(|p| {
            let freq = p.sentences.saturating_add(u16::from(p.in_title));
            if freq < 2 {
                return;
            }
            let text = surface(title, body, p.surface, p.surface_len);
            let mut sum = 0u32;
            let mut n = 0u32;
            // Whether its first word and (so far) its last are seen mostly in compounds.
            let (mut first, mut last) = (false, false);
            for k in term_keys(text, language) {
                let t = terms.get(k);
                sum = sum.saturating_add(t.map_or(0, |t| weight(t, opts)));
                last = t.is_some_and(in_compounds);
                if n == 0 {
                    first = last;
                }
                n = n.saturating_add(1);
            }
            // A name: capitalized in at least half of its sentences.
            // (not in German, where every noun is capitalized)
            let name = u32::from(p.capitalized) * 2 >= u32::from(freq) && language.capitals_mark_names();
            let score = phrase_score(sum, n, name);
            let c = Candidate::new(score, p.surface, p.surface_len, p.words.clamp(2, 3));
            offer(cands, Candidate { compound: first || last, name, ..c });
        });
    }
}

/// The keyword weight of `t` under `opts` ([`keyword_weight`]). Inlined:
/// a wrapper call per candidate term for one argument's load.
#[inline]
fn weight(t: &Term, opts: &Options<'_>) -> u32 {
    u32::from(keyword_weight(t, opts.idf.as_ref(), &opts.weights))
}

/// True if `c` would enter `cands` (kept in rank order, the best `N`):
/// there is room, or it ranks before the last.
fn ranks_in<const N: usize>(cands: &Vec<Candidate, N>, c: &Candidate) -> bool {
    cands.last().is_none_or(|last| !cands.is_full() || c.rank_key() < last.rank_key())
}

/// Inserts a candidate in rank order, keeping only the best `N`; among
/// equal keys the earlier offered stays first.
fn offer<const N: usize>(cands: &mut Vec<Candidate, N>, c: Candidate) {
    // `cands` is sorted: the first candidate ranked after `c`, by halving.
    let pos = cands.partition_point(|x| x.rank_key() <= c.rank_key());
    if pos >= N {
        return;
    }
    if cands.is_full() {
        cands.pop();
    }
    let _ = cands.insert(pos, c);
}

/// The text of a surface form. Inlined: it is short and called once per
/// candidate term and per keyphrase kept.
#[inline]
fn surface<'a>(title: &'a str, body: &'a str, surf: Surface, len: u8) -> &'a str {
    let (text, start) = if surf.in_title() { (title, surf.offset()) } else { (body, surf.offset()) };
    let s = text.get(start as usize..(start as usize).saturating_add(usize::from(len))).unwrap_or("");
    // Show `Venezuela`, not the possessive `Venezuela’s` it was first seen as.
    s.strip_suffix("'s").or_else(|| s.strip_suffix("\u{2019}s")).unwrap_or(s)
}

/// True if the term `t` is seen mostly as a part of hyphenated compounds
/// (`Unis` of `États-Unis`, `year` of `Twelve-year-old`): shown alone it
/// would be a fragment. A word also seen on its own as often (`Oscar`
/// beside `Oscar-winning`, `Denver` beside `Denver-based`) is shown alone.
fn in_compounds(t: &Term) -> bool {
    u32::from(t.hyphenated) * 2 > u32::from(t.count)
}

/// The text a keyphrase is shown as: its surface form ([`surface`]), or
/// for a [`Candidate::compound`] the hyphenated compound that form is
/// part of ([`crate::tokenize::compound`]), so that a keyphrase is a word,
/// not a fragment of one (`États-Unis`, not `Unis`; `porte-parole`, not
/// `porte`).
fn shown<'a>(title: &'a str, body: &'a str, c: &Candidate) -> &'a str {
    if !c.compound {
        return surface(title, body, c.surface, c.surface_len);
    }
    let text = if c.surface.in_title() { title } else { body };
    let start = c.surface.offset() as usize;
    let span = Span::new(start, start.saturating_add(usize::from(c.surface_len)));
    // One capital letter is a letter, not a name (`T-cell`, `X-ray`).
    let name = c.name && c.surface_len > 1;
    let s = crate::tokenize::compound(text, span, name).slice(text).unwrap_or("");
    s.strip_suffix("'s").or_else(|| s.strip_suffix("\u{2019}s")).unwrap_or(s)
}

fn is_number(s: &str) -> bool {
    s.chars().next().is_some_and(crate::unicode::is_digit)
}

/// Term keys of the content words of a keyphrase (at most three).
fn content_keys(text: &str, language: Language) -> Vec<u32, 3> {
    let mut keys = Vec::new();
    for k in term_keys(text, language) {
        if keys.push(k).is_err() {
            break;
        }
    }
    keys
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// `offer` as first written: a linear search for the first candidate
    /// ranked after the new one by `key`, no early rejection.
    fn offer_linear_by<const N: usize, K: Ord>(
        cands: &mut Vec<Candidate, N>,
        c: Candidate,
        key: impl Fn(&Candidate) -> K,
    ) {
        let pos = cands.iter().position(|x| key(&c) < key(x)).unwrap_or(cands.len());
        if pos >= N {
            return;
        }
        if cands.is_full() {
            cands.pop();
        }
        let _ = cands.insert(pos, c);
    }

    fn keyword_texts<'a>(title: &'a str, body: &'a str) -> heapless::Vec<&'a str, MAX_KEYWORDS> {
        let mut s = crate::DefaultSummarizer::new();
        let summary = s.summarize(title, body, &Options::default()).unwrap();
        summary.keywords.iter().map(|k| k.text).collect()
    }

    /// A term seen mostly inside hyphenated compounds is shown as its
    /// compound, never as the fragment; one seen on its own as often is
    /// shown alone.
    #[test]
    fn keyphrases_are_words_not_fragments() {
        let body = "The twelve-year-old swimmer won the race on Sunday. Rivals said the twelve-year-old \
                    swimmer trained every morning. The Oscar winner praised the swimmer. The Oscar \
                    committee met. An Oscar-winning actor watched the Oscar show.";
        let kws = keyword_texts("Twelve-year-old swimmer wins", body);
        assert!(kws.iter().any(|k| k.starts_with("twelve-year-old") || k.starts_with("Twelve-year-old")), "{kws:?}");
        for fragment in ["twelve", "Twelve", "year", "old"] {
            assert!(!kws.contains(&fragment), "{kws:?}");
        }
        assert!(kws.contains(&"Oscar"), "{kws:?}");
        assert!(!kws.contains(&"Oscar-winning"), "{kws:?}");
        // A name seen mostly with affixes is shown without them.
        let kws = keyword_texts("After Maduro", "The post-Maduro era worries the pro-Maduro camp. Maduro left.");
        assert!(kws.contains(&"Maduro"), "{kws:?}");
        assert!(!kws.iter().any(|k| k.contains("-Maduro")), "{kws:?}");
    }

    /// French: `États-Unis`, `porte-parole`, not `Unis` or `porte`; the
    /// words of `c'est-à-dire` are never a keyphrase alone.
    #[test]
    #[cfg(feature = "fr")]
    fn french_compounds_are_whole() {
        let body = "Le porte-parole du gouvernement a parlé des États-Unis, c'est-à-dire de Washington. \
                    Selon le porte-parole, les États-Unis vont répondre lundi, c'est-à-dire très vite. \
                    Le porte-parole a ensuite quitté la salle de presse du gouvernement.";
        let kws = keyword_texts("Les États-Unis répondent au porte-parole", body);
        assert!(kws.contains(&"porte-parole"), "{kws:?}");
        assert!(kws.contains(&"États-Unis"), "{kws:?}");
        for fragment in ["porte", "parole", "États", "Unis", "dire", "est"] {
            assert!(!kws.contains(&fragment), "{kws:?}");
        }
    }

    fn offer_linear<const N: usize>(cands: &mut Vec<Candidate, N>, c: Candidate) {
        offer_linear_by(cands, c, plain_key);
    }

    /// The ranking rule as written, field by field.
    fn plain_key(c: &Candidate) -> (core::cmp::Reverse<u32>, Surface, u8, bool) {
        (core::cmp::Reverse(c.score()), c.surface, c.surface_len, c.words > 1)
    }

    /// The ranking before the tables were drained: terms offered first,
    /// ties between a term and a phrase left to that order.
    fn terms_first_key(c: &Candidate) -> (core::cmp::Reverse<u32>, Surface, u8) {
        (core::cmp::Reverse(c.score()), c.surface, c.surface_len)
    }

    fn candidate() -> impl Strategy<Value = Candidate> {
        // Few distinct values, so that equal keys and ties are common.
        (0u32..6, 0u32..5, 0u8..3, 1u8..4).prop_map(|(score, surface, surface_len, words)| {
            Candidate::new(score, Surface::body(surface), surface_len, words)
        })
    }

    proptest! {
        #[test]
        fn packed_keys_keep_the_fields_and_their_order(
            a in (any::<u32>(), any::<u32>(), any::<u8>(), 1u8..4),
            b in (any::<u32>(), any::<u32>(), any::<u8>(), 1u8..4),
        ) {
            let new = |(score, surface, len, words)| Candidate::new(score, Surface::body(surface), len, words);
            let (x, y) = (new(a), new(b));
            prop_assert_eq!((x.score(), x.surface.order_key(), x.surface_len, x.words), a);
            prop_assert_eq!(x.rank_key().cmp(&y.rank_key()), plain_key(&x).cmp(&plain_key(&y)));
        }

        #[test]
        fn offer_keeps_the_same_list_as_the_linear_rule(offers in proptest::collection::vec(candidate(), 0..40)) {
            let mut fast: Vec<Candidate, 6> = Vec::new();
            let mut slow: Vec<Candidate, 6> = Vec::new();
            for c in offers {
                if ranks_in(&fast, &c) {
                    offer(&mut fast, c);
                }
                offer_linear(&mut slow, c);
                prop_assert_eq!(&fast, &slow);
            }
        }

        #[test]
        fn phrases_first_rank_as_terms_first_did(offers in proptest::collection::vec(candidate(), 0..40)) {
            let terms = || offers.iter().filter(|c| c.words == 1);
            let phrases = || offers.iter().filter(|c| c.words > 1);
            let mut old: Vec<Candidate, 6> = Vec::new();
            for &c in terms().chain(phrases()) {
                offer_linear_by(&mut old, c, terms_first_key);
            }
            let mut new: Vec<Candidate, 6> = Vec::new();
            for &c in phrases().chain(terms()) {
                if ranks_in(&new, &c) {
                    offer(&mut new, c);
                }
            }
            prop_assert_eq!(old, new);
        }
    }
}
