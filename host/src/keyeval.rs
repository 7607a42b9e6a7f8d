//! Keyphrase evaluation against gold keys (`epitome eval-keywords`).
//!
//! The protocol is the usual one for keyphrase extraction, and exactly what
//! `../shared/peers/keywords.py` does for the peers, so the two evaluators
//! can be checked against each other: lower-case, split on anything but
//! ASCII letters and digits, Porter-stem every word, exact match of the whole
//! phrase; duplicate predictions count once; gold keys absent from the text
//! count as misses; documents under 200 bytes (title only) are skipped.
//!
//! Outside English, phrases are matched as `keywords.py --lang fr|pt` does
//! ([`Matcher`]): NFC, lower case, runs of Unicode letters and digits
//! ([`crate::rouge::unicode_words`]), each stemmed by the language's
//! Snowball stemmer (`rust-stemmers`, generated from the Snowball sources
//! as NLTK's stemmers are written from them).
//!
//! Data layout: `DIR/docs/NAME.txt` and `DIR/keys/NAME.key` (one key a line),
//! as in 500N-KPCrowd.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use rust_stemmers::{Algorithm, Stemmer};

use crate::decode::decode;
use crate::input;
use crate::language::Language;
use crate::rouge::{Prf, unicode_words};

/// Documents shorter than this many bytes are only a title: skipped.
pub const MIN_DOC_BYTES: usize = 200;

/// One document with its gold keys.
#[derive(Debug, Clone)]
pub struct KeyDoc {
    /// File stem (`NAME` of `docs/NAME.txt`).
    pub name: String,
    /// Headline (first non-empty line).
    pub title: String,
    /// The rest of the text.
    pub body: String,
    /// Gold keys as written (normalise them with [`Matcher::gold`]).
    pub keys: Vec<String>,
}

/// Normalises a phrase for matching: lower-case, ASCII alphanumeric runs,
/// each Porter-stemmed, joined by one space (empty if it has no such run).
///
/// ```
/// use epitome_host::keyeval::normalize;
/// ///
/// assert_eq!(normalize("Running  Dogs!"), "run dog");
/// assert_eq!(normalize("U.S.-led"), "u s led");
/// ```
pub fn normalize(phrase: &str) -> String {
    let lower = phrase.to_lowercase();
    let words = lower.split(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit())).filter(|w| !w.is_empty());
    words.map(crate::porter::stem).collect::<Vec<_>>().join(" ")
}

/// How phrases in one language are normalised for matching.
pub struct Matcher {
    /// The language's Snowball stemmer over Unicode words; `None`: English
    /// ([`normalize`]).
    stemmer: Option<Stemmer>,
}

impl Matcher {
    /// The protocol of `keywords.py --lang` for `language`: English's own
    /// ([`normalize`]), otherwise Unicode words and the language's Snowball
    /// stemmer (keywords.py has French and Portuguese; German, Spanish,
    /// Italian and Dutch follow the same rule with their own stemmer).
    pub fn for_language(language: Language) -> Matcher {
        let algorithm = match language {
            Language::English => None,
            Language::French => Some(Algorithm::French),
            Language::German => Some(Algorithm::German),
            Language::Spanish => Some(Algorithm::Spanish),
            Language::Italian => Some(Algorithm::Italian),
            Language::Portuguese => Some(Algorithm::Portuguese),
            Language::Dutch => Some(Algorithm::Dutch),
        };
        Matcher { stemmer: algorithm.map(Stemmer::create) }
    }

    /// Gold keys normalised, empty ones dropped.
    pub fn gold<S: AsRef<str>>(&self, keys: &[S]) -> HashSet<String> {
        keys.iter().map(|k| self.normalize(k.as_ref())).filter(|n| !n.is_empty()).collect()
    }

    /// Normalises a phrase for matching: each word stemmed, joined by one
    /// space (empty if it has no word).
    ///
    /// ```
    /// use epitome_host::keyeval::Matcher;
    /// use epitome_host::language::Language;
    /// let fr = Matcher::for_language(Language::French);
    /// assert_eq!(fr.normalize("Les élections régionales"), "le élect régional");
    /// assert_eq!(fr.normalize("l'Union européenne"), "l union européen");
    /// assert_eq!(Matcher::for_language(Language::English).normalize("Running Dogs"), "run dog");
    /// ```
    pub fn normalize(&self, phrase: &str) -> String {
        let Some(stemmer) = &self.stemmer else { return normalize(phrase) };
        unicode_words(phrase).iter().map(|w| stemmer.stem(w)).collect::<Vec<_>>().join(" ")
    }
}

/// Scores ranked predictions against gold keys at `k`: predictions are
/// normalised by `matcher`, empty and repeated ones dropped, the first `k` kept.
pub fn score(predictions: &[&str], gold: &HashSet<String>, k: usize, matcher: &Matcher) -> Prf {
    let mut top: Vec<String> = Vec::with_capacity(k);
    for p in predictions {
        if top.len() == k {
            break;
        }
        let n = matcher.normalize(p);
        if !n.is_empty() && !top.contains(&n) {
            top.push(n);
        }
    }
    let hits = top.iter().filter(|p| gold.contains(*p)).count();
    Prf::new(hits, top.len(), gold.len())
}

/// Averages per-document scores (macro average, as keywords.py does).
pub fn mean(scores: &[Prf]) -> Prf {
    let n = scores.len().max(1) as f64;
    let sum = |f: fn(&Prf) -> f64| scores.iter().map(f).sum::<f64>() / n;
    Prf { p: sum(|s| s.p), r: sum(|s| s.r), f1: sum(|s| s.f1) }
}

/// Reads `DIR/docs/*.txt` with their `DIR/keys/*.key`, in name order,
/// skipping title-only documents. Errors name the file that failed.
pub fn load(dir: &Path) -> Result<Vec<KeyDoc>> {
    let docs_dir = dir.join("docs");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&docs_dir)
        .with_context(|| format!("{}: not a keyphrase data set (expected docs/ and keys/)", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    if paths.is_empty() {
        bail!("{}: no .txt documents", docs_dir.display());
    }
    let mut out = Vec::new();
    for path in paths {
        let bytes = std::fs::read(&path).with_context(|| format!("reading {}", path.display()))?;
        if bytes.len() < MIN_DOC_BYTES {
            continue;
        }
        let name = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let key_path = dir.join("keys").join(format!("{name}.key"));
        let keys = std::fs::read(&key_path).with_context(|| format!("reading {}", key_path.display()))?;
        let keys = decode(keys).with_context(|| key_path.display().to_string())?;
        let keys: Vec<String> = keys.lines().filter(|l| !l.trim().is_empty()).map(str::to_owned).collect();
        // Read exactly as `epitome keywords FILE` reads it (CRLF kept: the
        // core treats `\r` as white space).
        let text = decode(bytes).with_context(|| path.display().to_string())?;
        let (title, body) = input::split_title(&text);
        out.push(KeyDoc { name, title, body, keys });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gold(keys: &[&str]) -> HashSet<String> {
        keys.iter().map(|k| normalize(k)).collect()
    }

    fn english() -> Matcher {
        Matcher::for_language(Language::English)
    }

    #[test]
    fn duplicates_count_once_and_k_counts_distinct_predictions() {
        let g = gold(&["election", "vote counts", "Ohio"]);
        // "Elections" and "election" normalise alike: one prediction.
        let s = score(&["Elections", "election", "vote count", "turnout"], &g, 3, &english());
        assert_eq!(s.p, 2.0 / 3.0);
        assert_eq!(s.r, 2.0 / 3.0);
        assert!((s.f1 - 2.0 / 3.0).abs() < 1e-12);
    }

    #[test]
    fn no_predictions_or_no_hits_score_zero() {
        let g = gold(&["ohio"]);
        assert_eq!(score(&[], &g, 10, &english()), Prf::default());
        assert_eq!(score(&["--", "texas"], &g, 10, &english()), Prf::default());
    }

    #[test]
    fn french_phrases_match_by_snowball_stem() {
        let fr = Matcher::for_language(Language::French);
        let g: HashSet<String> =
            ["Élection présidentielle", "Côte d'Ivoire", "Nicolas Sarkozy"].iter().map(|k| fr.normalize(k)).collect();
        // Decomposed accents, plural and case match; "Sarkozy" alone does not.
        let s = score(
            &["élections Présidentielles", "co\u{302}te d’ivoire", "Sarkozy", "ÉLECTION PRÉSIDENTIELLE"],
            &g,
            10,
            &fr,
        );
        assert_eq!((s.p, s.r), (2.0 / 3.0, 2.0 / 3.0));
    }

    #[test]
    fn mean_is_a_macro_average() {
        let m = mean(&[Prf { p: 1.0, r: 0.5, f1: 0.5 }, Prf { p: 0.0, r: 0.0, f1: 0.0 }]);
        assert_eq!(m, Prf { p: 0.5, r: 0.25, f1: 0.25 });
        assert_eq!(mean(&[]), Prf::default());
    }
}
