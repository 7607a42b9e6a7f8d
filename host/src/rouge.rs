//! ROUGE-1, ROUGE-2 and ROUGE-L as Google's `rouge-score` 0.1.2 computes
//! them under the two protocols of `../shared/peers/peers.py` ([`Protocol`]):
//! n-gram overlap with clipped counts, and ROUGE-L as the longest common
//! subsequence of the whole texts (not the per-line `rougeLsum`). Only the
//! tokens differ: for English, rouge-score's own tokenizer with
//! `use_stemmer=True` (lower case, runs of `[a-z0-9]`, NLTK's Porter
//! stemmer on tokens longer than three characters); for other languages,
//! peers.py's `UnicodeTokenizer` ([`unicode_words`]) and no stemming.
//! Agreement is checked on committed fixtures (`host/tests/data/rouge.jsonl`
//! and `rouge_unicode.jsonl`, both made by `make_rouge.py`) and, when the
//! peers' venv exists, against peers.py itself (`host/tests/eval.rs`).
//!
//! ```
//! use epitome_host::rouge::{Protocol, Scorer};
//! let mut s = Scorer::new();
//! let r = s.score("The cats were running quickly.", "The cat runs quickly.");
//! assert!((r.rouge1.f1 - 0.888_888).abs() < 1e-5); // run, cat, the, quickli shared
//! let mut s = Scorer::with_protocol(Protocol::Unicode);
//! let r = s.score("L'été à Venise.", "Venise en été");
//! assert!((r.rouge1.f1 - 2.0 / 3.5).abs() < 1e-12); // été, venise of l, été, à, venise / venise, en, été
//! ```

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;
use unicode_normalization::UnicodeNormalization;

use crate::porter;

/// How texts become tokens: the protocols of `../shared/peers/peers.py`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Protocol {
    /// `peers.py --lang en`: rouge-score's default tokenizer, Porter stemming on.
    #[default]
    English,
    /// `peers.py --lang fr|pt`: [`unicode_words`], no stemming.
    Unicode,
}

impl Protocol {
    /// The protocol peers.py scores a language with: English's own, and
    /// the Unicode one for every other language (rouge-score's default
    /// tokenizer keeps only `[a-z0-9]`, so it would cut `été` at each accent).
    pub fn for_language(code: &str) -> Self {
        if code == "en" { Protocol::English } else { Protocol::Unicode }
    }

    /// `"english"` or `"unicode"`, as reports name it.
    pub fn name(self) -> &'static str {
        match self {
            Protocol::English => "english",
            Protocol::Unicode => "unicode",
        }
    }
}

/// Python's `re` `[^\W_]`: its `str.isalnum()`, which is exactly the
/// general categories L and N (checked over every code point with Python
/// 3.11, Unicode 14).
static WORD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[\p{L}\p{N}]+").expect("a valid constant pattern"));

/// Words as peers.py's `UnicodeTokenizer` makes them: NFC, then lower case
/// (full mappings and the final sigma, as Python's `str.lower`), then
/// every maximal run of letters and digits. Combining marks that NFC
/// cannot compose separate words, as in Python (`İ` lower-cases to `i`
/// and a combining dot).
///
/// ```
/// use epitome_host::rouge::unicode_words;
/// assert_eq!(unicode_words("L'équipage d'Ormesson, c'est-à-dire 3,5 %!"),
///            ["l", "équipage", "d", "ormesson", "c", "est", "à", "dire", "3", "5"]);
/// assert_eq!(unicode_words("snake_case ÉTÉ"), ["snake", "case", "été"]);
/// ```
pub fn unicode_words(text: &str) -> Vec<String> {
    let lower = text.nfc().collect::<String>().to_lowercase();
    WORD.find_iter(&lower).map(|m| m.as_str().to_owned()).collect()
}

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

/// A ROUGE scorer under one [`Protocol`], with a stem cache (stemming
/// dominates the cost of the English one).
#[derive(Debug, Default)]
pub struct Scorer {
    protocol: Protocol,
    stems: HashMap<String, String>,
}

impl Scorer {
    /// An English scorer (rouge-score's tokenizer, Porter stemming).
    pub fn new() -> Self {
        Self::default()
    }

    /// A scorer under `protocol`.
    pub fn with_protocol(protocol: Protocol) -> Self {
        Scorer { protocol, stems: HashMap::new() }
    }

    /// The protocol this scorer tokenizes with.
    pub fn protocol(&self) -> Protocol {
        self.protocol
    }

    /// Tokens as the protocol's tokenizer makes them.
    pub fn tokenize(&mut self, text: &str) -> Vec<String> {
        match self.protocol {
            Protocol::English => self.english_tokens(text),
            Protocol::Unicode => unicode_words(text),
        }
    }

    /// Tokens as rouge-score's tokenizer makes them with the stemmer on.
    fn english_tokens(&mut self, text: &str) -> Vec<String> {
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
    fn unicode_tokenizer_follows_peers_py() {
        let mut s = Scorer::with_protocol(Protocol::Unicode);
        // Decomposed input is composed first; digits, CJK, Greek (final
        // sigma) and superscripts are words; `_`, marks NFC cannot compose
        // and symbols separate them. No stemming.
        let text = "Cafe\u{301} ÉCOLES n°2 ΟΔΟΣ x²_y 東京 İz a\u{20dd}b running";
        assert_eq!(
            s.tokenize(text),
            ["café", "écoles", "n", "2", "οδος", "x²", "y", "東京", "i", "z", "a", "b", "running"]
        );
        assert!(s.tokenize("« … » — !").is_empty());
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
