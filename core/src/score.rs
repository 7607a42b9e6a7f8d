//! Scoring: keyword weights from term statistics, and sentence scores from
//! keyword weights. Integer fixed point only, so every target computes the
//! same numbers bit for bit (no floats, no `libm`).

use crate::idf::Idf;
use crate::terms::Term;

/// `log2(x) * 256`, for `x >= 1` (0 for 0): integer part from the leading
/// zeros, fraction by linear interpolation of the mantissa (error < 0.09).
///
/// ```
/// use epitome::score::log2_q8;
/// assert_eq!((log2_q8(1), log2_q8(2), log2_q8(8)), (0, 256, 768));
/// assert_eq!(log2_q8(3), 384); // 1.5 (true value 1.585)
/// ```
pub const fn log2_q8(x: u32) -> u32 {
    if x == 0 {
        return 0;
    }
    let int = 31 - x.leading_zeros();
    // Mantissa bits below the leading one, scaled to 8 bits.
    let frac = if int >= 8 { (x >> (int - 8)) & 0xff } else { (x << (8 - int)) & 0xff };
    int * 256 + frac
}

/// Tuning knobs for scoring, all in fixed point. [`Weights::DEFAULT`] is
/// what [`crate::Options::default`] uses.
///
/// Sentences and keywords are scored differently on purpose. A sentence is
/// worth choosing when it is *central*: its words recur in many other
/// sentences (the degree of the sentence in the word-overlap graph, as in
/// TextRank, but computed in one pass). A keyword is worth showing when a
/// reader would pick it: frequent, in the title, a name, early, and rare in
/// the language (IDF).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Weights {
    /// Keywords: multiplier (x/256) for terms that occur in the title.
    pub title: u32,
    /// Keywords: multiplier (x/256) for terms mostly written capitalized mid-sentence (names).
    pub name: u32,
    /// Keywords: multiplier (x/256) for terms first seen in the lead sentence.
    pub lead: u32,
    /// Keywords: IDF (sixteenths) used when no table is given.
    pub flat_idf: u32,
    /// Sentences: base strength (x/256) of the position prior, the extra
    /// weight of the first choosable sentence decaying as 1/(1+rank); it
    /// grows as the budget keeps less of the article ([`lead_strength`]).
    pub position: u32,
    /// Sentences: the share of the article (x/256) the budget keeps below
    /// which the position prior grows (see [`lead_strength`]).
    pub lead_pivot: u32,
    /// Sentences: how steeply the prior grows as the budget's share falls
    /// below [`Weights::lead_pivot`]: the strength is multiplied by
    /// `(pivot / share) ^ lead_exponent`; exponents above 8 count as 8 (a
    /// bounded loop; at a quarter of the pivot 8 already reaches
    /// [`MAX_LEAD_STRENGTH`]).
    pub lead_exponent: u32,
    /// Sentences, when the budget keeps less than [`Weights::lead_pivot`]:
    /// shorter sentences count as this many content words in [`density`].
    pub lead_min_words: u32,
    /// Sentences: shorter sentences are normalised as if they had this many
    /// content words, so fragments are not favoured.
    pub min_norm_words: u32,
}

impl Weights {
    /// Defaults, chosen on the BBC development set and checked against the
    /// other data sets (see EVALUATION.md).
    pub const DEFAULT: Weights = Weights {
        title: 512,
        name: 384,
        lead: 320,
        flat_idf: 64,
        position: 32,
        lead_pivot: 102,
        lead_exponent: 8,
        lead_min_words: 14,
        min_norm_words: 6,
    };
}

impl Default for Weights {
    fn default() -> Self {
        Self::DEFAULT
    }
}

/// How many sentences (the title counts as one) a term occurs in; counting
/// sentences rather than occurrences damps a word repeated in one quote.
pub fn sentence_frequency(t: &Term) -> u32 {
    u32::from(t.count.min(t.sentences.saturating_add(u16::from(t.in_title))).max(1))
}

/// Keyword weight of a term (fixed point, saturating at `u16::MAX`):
/// `log2(1 + sf) * idf`, boosted for title, names and the lead.
pub fn keyword_weight(t: &Term, idf: Option<&Idf<'_>>, w: &Weights) -> u16 {
    // The table's lookup first: fewer values live across its call.
    let idf16 = idf.map_or(w.flat_idf, |i| u32::from(i.lookup(t.hash)));
    let tf = log2_q8(sentence_frequency(t).saturating_add(1)); // 256 for one sentence
    let mut x = tf.saturating_mul(idf16) / 64; // one sentence, flat idf: 256
    if t.in_title > 0 {
        x = x.saturating_mul(w.title) / 256;
    }
    if t.is_name() {
        x = x.saturating_mul(w.name) / 256;
    }
    if t.first_sentence == 0 {
        x = x.saturating_mul(w.lead) / 256;
    }
    u16::try_from(x).unwrap_or(u16::MAX)
}

/// Centrality contribution of a term to a sentence, per occurrence: the
/// number of *other* body sentences that contain it. The title is not a
/// sentence here: a word shared only with the headline links no sentences
/// (boosting title words lowered agreement with references, EVALUATION.md).
/// Inlined: called per term occurrence when scoring sentences, where a
/// call costs as much as its body.
#[inline]
pub fn centrality_weight(t: &Term) -> u32 {
    u32::from(t.count.min(t.sentences)).saturating_sub(1)
}

/// Most the position prior's strength can grow to (x/256 of a sentence's
/// score at rank 0): far beyond what any centrality ratio reaches, so a
/// tiny budget of a long article is the lead.
pub const MAX_LEAD_STRENGTH: u32 = 1 << 20;

/// Strength of the position prior for a budget that keeps `share` (x/256)
/// of the article's choosable text. News is written as an inverted pyramid:
/// the fewer sentences a reader gets, the more they should be the first
/// ones; a summary that keeps much of the article covers its centre.
/// `position * ((pivot / share) ^ exponent - 1)` below the pivot, capped at
/// [`MAX_LEAD_STRENGTH`]; none at or above it, where the references of
/// extractive summaries favour central sentences wherever they are
/// (EVALUATION.md).
pub fn lead_strength(share: u32, w: &Weights) -> u32 {
    let share = share.max(1);
    if share >= w.lead_pivot {
        return 0;
    }
    let ratio = w.lead_pivot.saturating_mul(256) / share; // > 256
    let mut s = u64::from(w.position);
    for _ in 0..w.lead_exponent.min(8) {
        s = (s * u64::from(ratio) / 256).min(u64::from(MAX_LEAD_STRENGTH));
    }
    // Minus the base, so the prior fades to nothing at the pivot instead of
    // jumping there.
    let s = s.saturating_sub(u64::from(w.position));
    u32::try_from(s).unwrap_or(MAX_LEAD_STRENGTH)
}

/// Position prior of the choosable sentence of rank `rank` (x/256) when the
/// budget keeps about `kept` sentences: the first `kept` share the full
/// `strength` (from [`lead_strength`]) and compete on their scores alone;
/// later ones get `strength / (1 + rank - kept + 1)`, so the sentence just
/// past the budget must score twice the weakest kept one to replace it.
/// (On news with highlights this beat a prior decaying from the first
/// sentence on, `1 / (1 + rank)`: EVALUATION.md.)
pub fn position_prior(rank: u32, strength: u32, kept: u32) -> u32 {
    let past = rank.saturating_add(1).saturating_sub(kept.max(1));
    256u32.saturating_add(strength / past.saturating_add(1))
}

/// Added to the length divisor (`log2` units x256): TextRank divides an
/// overlap by `log |a| + log |b|`, the sum of both sentences' log lengths;
/// a constant stands in for the other sentence's part, which damps the
/// length penalty a little (measured on BBC: 0 and 1.0 both slightly worse).
pub const LENGTH_OFFSET_Q8: u32 = 128;

/// Length-normalised sentence score from the summed centrality of its
/// content words (every occurrence) and its content-word count:
/// `sum / (log2(1 + words) + 0.5)`, scaled by 256. A logarithm (as
/// TextRank's similarity uses) keeps long, informative sentences
/// competitive without letting run-ons win.
pub fn normalise(sum: u32, content_words: u32, w: &Weights) -> u32 {
    let n = content_words.max(w.min_norm_words).max(1);
    let div = log2_q8(n.saturating_add(1)).saturating_add(LENGTH_OFFSET_Q8).max(1);
    let s = u64::from(sum) * 65536 / u64::from(div);
    u32::try_from(s).unwrap_or(u32::MAX)
}

/// Sentence score when the budget keeps little of the article: the mean
/// centrality of its content words, `sum * 256 / max(words, lead_min_words)`.
/// Each of a few sentences must then carry the story's words densely: a long
/// sentence buys recall at the cost of precision, and the log-length
/// normalisation of [`normalise`] would favour it (on news with
/// human-written highlights it lost to the lead, EVALUATION.md).
pub fn density(sum: u32, content_words: u32, w: &Weights) -> u32 {
    sum.saturating_mul(256) / content_words.max(w.lead_min_words).max(1)
}

/// Score factor (x/256) of a sentence that would show a quotation
/// half-open (`Unit::open_quote` of the segmenter): taken only when far
/// better than the rest.
pub const OPEN_QUOTE_WEIGHT: u32 = 224;

/// A choosable sentence's score from its length-normalised centrality
/// ([`normalise`] or [`density`]) and its position prior (x/256,
/// [`position_prior`]), lowered by [`OPEN_QUOTE_WEIGHT`] when it would show
/// a quotation half-open. At least 1, so a choosable sentence always ranks
/// above "not scored".
pub fn sentence_score(normalised: u32, prior: u32, open_quote: bool) -> u32 {
    let s = u32::try_from(u64::from(normalised) * u64::from(prior) / 256).unwrap_or(u32::MAX).max(1);
    if !open_quote {
        return s;
    }
    u32::try_from(u64::from(s) * u64::from(OPEN_QUOTE_WEIGHT) / 256).unwrap_or(u32::MAX).max(1)
}

/// `score` relative to the best score of its kind, in thousandths (1000 =
/// the best), so scores compare across articles; `best` of 0 counts as 1.
pub fn per_mille_of_best(score: u32, best: u32) -> u32 {
    u32::try_from(u64::from(score) * 1000 / u64::from(best.max(1))).unwrap_or(1000)
}

/// Maximal marginal relevance: `score` lowered by the share of the
/// candidate's term signature already covered by the chosen sentences'
/// signatures (`chosen`, ORed), times `redundancy` (x/256; 0 leaves the
/// score as it is, 256 removes all of a fully covered candidate's score).
pub fn redundancy_adjusted(score: u32, signature: u64, chosen: u64, redundancy: u16) -> u32 {
    let bits = signature.count_ones().max(1);
    let overlap = (signature & chosen).count_ones() * 256 / bits; // 0..=256
    let penalty = overlap * u32::from(redundancy) / 256;
    let adj = u64::from(score) * u64::from(256u32.saturating_sub(penalty)) / 256;
    u32::try_from(adj).unwrap_or(u32::MAX)
}

/// Score of a 2–3-word keyphrase from the summed keyword weights of its
/// content words (`weights`, [`keyword_weight`]) and their number. A name
/// seen in several sentences (`State Department`) is a unit: its words'
/// weights add up (three words' worth for two). Other phrases score as
/// their average word, so they win only over words not already shown (on
/// crowd-sourced keys, ordinary phrases ranked high cost precision:
/// EVALUATION.md).
pub fn phrase_score(weights: u32, words: u32, name: bool) -> u32 {
    let words = words.max(1);
    if name { weights.saturating_mul(3) / words.saturating_add(1) } else { weights / words }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn log2_is_monotonic_and_close() {
        let mut prev = 0;
        for x in 1..5000u32 {
            let l = log2_q8(x);
            assert!(l >= prev);
            prev = l;
        }
        assert_eq!(log2_q8(u32::MAX), 31 * 256 + 255);
    }

    #[test]
    fn keyword_weights_favour_title_names_and_frequency() {
        let w = Weights::DEFAULT;
        let base = Term { hash: 1, count: 1, sentences: 1, first_sentence: 5, ..Term::FRESH };
        let b = keyword_weight(&base, None, &w);
        assert_eq!(b, 256);
        assert!(keyword_weight(&Term { count: 4, sentences: 4, ..base }, None, &w) > b);
        assert!(keyword_weight(&Term { in_title: 1, ..base }, None, &w) > b);
        assert!(keyword_weight(&Term { capitalized: 1, ..base }, None, &w) > b);
        // Repeating a word inside one sentence barely helps.
        assert_eq!(keyword_weight(&Term { count: 9, sentences: 1, ..base }, None, &w), b);
        let huge =
            Term { count: u16::MAX, sentences: u16::MAX, in_title: 255, capitalized: 255, first_sentence: 0, ..base };
        let _ = keyword_weight(&huge, None, &Weights { title: u32::MAX, name: u32::MAX, lead: u32::MAX, ..w });
    }

    #[test]
    fn centrality_counts_other_body_sentences() {
        let t = Term { hash: 1, count: 5, sentences: 3, in_title: 1, ..Term::FRESH };
        assert_eq!(centrality_weight(&t), 2);
        assert_eq!(centrality_weight(&Term { count: 2, sentences: 1, ..t }), 0);
        assert_eq!(centrality_weight(&Term { count: 2, sentences: 2, in_title: 0, ..t }), 1);
    }

    #[test]
    fn normalisation_and_prior() {
        let w = Weights::DEFAULT;
        assert_eq!(normalise(1000, 2, &w), normalise(1000, 6, &w));
        assert!(normalise(1000, 32, &w) < normalise(1000, 8, &w));
        assert_eq!(normalise(u32::MAX, 0, &w), normalise(u32::MAX, 6, &w));
        assert!(position_prior(0, w.position, 1) > position_prior(1, w.position, 1));
        assert_eq!(position_prior(u32::MAX, w.position, 1), 256);
        // The budget's first sentences share the prior; the next gets half.
        assert_eq!(position_prior(0, 512, 3), position_prior(2, 512, 3));
        assert_eq!(position_prior(3, 512, 3), 256 + 256);
        assert_eq!(position_prior(0, 512, 0), position_prior(0, 512, 1));
    }

    #[test]
    fn the_prior_grows_as_the_budget_keeps_less() {
        let w = Weights::DEFAULT;
        assert_eq!(lead_strength(256, &w), 0);
        assert_eq!(lead_strength(w.lead_pivot, &w), 0);
        let (a, b, c) =
            (lead_strength(w.lead_pivot / 2, &w), lead_strength(w.lead_pivot / 4, &w), lead_strength(0, &w));
        assert!(0 < a && a < b && b <= c, "{a} {b} {c}");
        assert_eq!(lead_strength(w.lead_pivot / 2, &w), (w.position << w.lead_exponent) - w.position);
        // Just under the pivot, barely any prior: no jump at the pivot.
        assert!(lead_strength(w.lead_pivot - 1, &w) < w.position / 4);
        assert!(c <= MAX_LEAD_STRENGTH);
        let _ = lead_strength(1, &Weights { position: u32::MAX, lead_exponent: u32::MAX, ..w });
    }

    #[test]
    fn sentence_scores_are_positive_and_open_quotes_weigh_less() {
        assert_eq!(sentence_score(1000, 256, false), 1000);
        assert_eq!(sentence_score(1000, 512, false), 2000);
        assert_eq!(sentence_score(1000, 256, true), 1000 * OPEN_QUOTE_WEIGHT / 256);
        assert_eq!(sentence_score(0, 256, false), 1);
        assert_eq!(sentence_score(0, 256, true), 1);
        assert_eq!(sentence_score(u32::MAX, u32::MAX, false), u32::MAX);
    }

    #[test]
    fn per_mille_puts_the_best_at_1000() {
        assert_eq!(per_mille_of_best(50, 100), 500);
        assert_eq!(per_mille_of_best(100, 100), 1000);
        assert_eq!(per_mille_of_best(1, 3000), 0);
        assert_eq!(per_mille_of_best(7, 0), 7000);
        assert_eq!(per_mille_of_best(u32::MAX, 1), 1000);
    }

    #[test]
    fn redundancy_lowers_covered_candidates_only() {
        let sig = 0b1111u64;
        assert_eq!(redundancy_adjusted(1000, sig, sig, 0), 1000);
        assert_eq!(redundancy_adjusted(1000, sig, 0, 256), 1000);
        assert_eq!(redundancy_adjusted(1000, sig, sig, 256), 0);
        assert_eq!(redundancy_adjusted(1000, sig, 0b0011, 256), 500);
        assert_eq!(redundancy_adjusted(1000, sig, 0b0011, 128), 750);
        assert_eq!(redundancy_adjusted(1000, 0, u64::MAX, u16::MAX), 1000);
        assert_eq!(redundancy_adjusted(u32::MAX, sig, sig, u16::MAX), 0);
    }

    #[test]
    fn names_add_their_words_and_other_phrases_average_them() {
        assert_eq!(phrase_score(600, 2, false), 300);
        assert_eq!(phrase_score(600, 2, true), 600);
        assert_eq!(phrase_score(900, 3, true), 675);
        assert_eq!(phrase_score(900, 0, false), 900);
        assert!(phrase_score(u32::MAX, 2, true) > 0);
    }
}
