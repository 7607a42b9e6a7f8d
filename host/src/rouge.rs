//! ROUGE-1, ROUGE-2 and ROUGE-L as Google's `rouge-score` 0.1.2 computes
//! them with `use_stemmer=True`: its tokenizer (lower case, runs of
//! `[a-z0-9]`, NLTK's Porter stemmer on tokens longer than three
//! characters), n-gram overlap with clipped counts, and ROUGE-L as the
//! longest common subsequence of the whole texts (not the per-line
//! `rougeLsum`). Agreement is checked on a committed fixture
//! (`host/tests/data/rouge.jsonl`, made by `make_rouge.py`).
//!
//! ```
//! use epitome_host::rouge::Scorer;
//! let mut s = Scorer::new();
//! let r = s.score("The cats were running quickly.", "The cat runs quickly.");
//! assert!((r.rouge1.f1 - 0.888_888).abs() < 1e-5); // run, cat, the, quickli shared
//! ```

use std::collections::HashMap;

use crate::porter;

/// Precision, recall and F1 of one ROUGE measure (also used for keyphrases, [`crate::keyeval`]).
#[derive(Debug, Clone, Copy, PartialEq, Default, serde::Serialize)]
pub struct Prf {
    /// Precision: matches over the summary's count.
    pub p: f64,
    /// Recall: matches over the reference's count.
    pub r: f64,
    /// Harmonic mean of `p` and `r` (0 when both are 0).
    pub f1: f64,
}

impl Prf {
    /// From counts: `matches` of `summary` predicted items found among `reference` ones.
    pub fn new(matches: usize, summary: usize, reference: usize) -> Self {
        let p = matches as f64 / summary.max(1) as f64;
        let r = matches as f64 / reference.max(1) as f64;
        let f1 = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
        Prf { p, r, f1 }
    }
}

/// The three measures for one summary/reference pair.
#[derive(Debug, Clone, Copy, PartialEq, Default, serde::Serialize)]
pub struct Rouge {
    /// Unigram overlap.
    pub rouge1: Prf,
    /// Bigram overlap.
    pub rouge2: Prf,
    /// Longest common subsequence.
    #[serde(rename = "rougeL")]
    pub rouge_l: Prf,
}

/// A ROUGE scorer with a stem cache (stemming dominates the cost).
#[derive(Debug, Default)]
pub struct Scorer {
    stems: HashMap<String, String>,
}

impl Scorer {
    /// A scorer with an empty cache.
    pub fn new() -> Self {
        Self::default()
    }

    /// Tokens as rouge-score's tokenizer makes them with the stemmer on.
    pub fn tokenize(&mut self, text: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut cur = String::new();
        // Python lower-cases first (`İ` -> `i` + combining dot, Kelvin sign -> `k`),
        // then treats every character outside [a-z0-9] as a separator.
        for c in text.chars().flat_map(char::to_lowercase) {
            if c.is_ascii_lowercase() || c.is_ascii_digit() {
                cur.push(c);
            } else if !cur.is_empty() {
                out.push(self.stem(std::mem::take(&mut cur)));
            }
        }
        if !cur.is_empty() {
            out.push(self.stem(cur));
        }
        out
    }

    fn stem(&mut self, token: String) -> String {
        if token.len() <= 3 {
            return token;
        }
        if let Some(s) = self.stems.get(&token) {
            return s.clone();
        }
        let s = porter::stem(&token);
        self.stems.insert(token, s.clone());
        s
    }

    /// Scores `summary` against `reference` (rouge-score's `score(target, prediction)`).
    pub fn score(&mut self, reference: &str, summary: &str) -> Rouge {
        let r = self.tokenize(reference);
        let s = self.tokenize(summary);
        score_tokens(&r, &s)
    }
}

/// ROUGE of tokenized texts.
pub fn score_tokens(reference: &[String], summary: &[String]) -> Rouge {
    Rouge {
        rouge1: ngram_overlap(reference, summary, 1),
        rouge2: ngram_overlap(reference, summary, 2),
        rouge_l: lcs_score(reference, summary),
    }
}

fn ngram_overlap(reference: &[String], summary: &[String], n: usize) -> Prf {
    let mut counts: HashMap<&[String], (usize, usize)> = HashMap::new();
    for g in reference.windows(n) {
        counts.entry(g).or_default().0 += 1;
    }
    for g in summary.windows(n) {
        counts.entry(g).or_default().1 += 1;
    }
    let matches = counts.values().map(|&(a, b)| a.min(b)).sum();
    let total = |t: &[String]| t.len().saturating_sub(n - 1);
    Prf::new(matches, total(summary), total(reference))
}

fn lcs_score(reference: &[String], summary: &[String]) -> Prf {
    if reference.is_empty() || summary.is_empty() {
        return Prf::default();
    }
    Prf::new(lcs_len(reference, summary), summary.len(), reference.len())
}

/// Length of the longest common subsequence (two rows of the usual table).
fn lcs_len(a: &[String], b: &[String]) -> usize {
    let mut prev = vec![0usize; b.len() + 1];
    let mut cur = vec![0usize; b.len() + 1];
    for x in a {
        for (j, y) in b.iter().enumerate() {
            cur[j + 1] = if x == y { prev[j] + 1 } else { prev[j + 1].max(cur[j]) };
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokenizer_follows_rouge_score() {
        let mut s = Scorer::new();
        assert_eq!(
            s.tokenize("The cats’ 2004-05 RUNNING, İstanbul!"),
            ["the", "cat", "2004", "05", "run", "i", "stanbul"]
        );
        assert!(s.tokenize(" ... ").is_empty());
    }

    #[test]
    fn identical_and_disjoint() {
        let mut s = Scorer::new();
        let r = s.score("a b c d", "a b c d");
        assert_eq!((r.rouge1.f1, r.rouge2.f1, r.rouge_l.f1), (1.0, 1.0, 1.0));
        let r = s.score("a b c d", "e f g");
        assert_eq!((r.rouge1.f1, r.rouge2.f1, r.rouge_l.f1), (0.0, 0.0, 0.0));
        assert_eq!(s.score("", "a"), Rouge::default());
    }

    #[test]
    fn counts_are_clipped_and_lcs_is_ordered() {
        let mut s = Scorer::new();
        let r = s.score("the cat", "the the the");
        assert!((r.rouge1.p - 1.0 / 3.0).abs() < 1e-12 && (r.rouge1.r - 0.5).abs() < 1e-12);
        let r = s.score("a b c d", "d c b a");
        assert!((r.rouge_l.p - 0.25).abs() < 1e-12);
    }
}
