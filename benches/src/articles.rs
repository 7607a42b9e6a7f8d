//! Benchmark inputs: the seed articles from `../shared` and synthetic
//! articles of a chosen size.

use std::path::PathBuf;

use epitome_host::rng::SplitMix64;

/// One article: title and body, as the CLI splits a text file.
#[derive(Debug, Clone)]
pub struct Article {
    /// File name or synthetic label.
    pub name: String,
    /// Headline.
    pub title: String,
    /// Everything after the headline.
    pub body: String,
}

impl Article {
    /// Bytes read by a summarizer: title plus body.
    pub fn bytes(&self) -> usize {
        self.title.len() + self.body.len()
    }
}

/// The synthetic sizes of the scaling series, in bytes.
pub const SIZES: [usize; 5] = [1 << 10, 4 << 10, 16 << 10, 64 << 10, 1 << 20];

/// Human label of a size (`1KiB`, `1MiB`).
pub fn size_label(size: usize) -> String {
    if size >= 1 << 20 { format!("{}MiB", size >> 20) } else { format!("{}KiB", size >> 10) }
}

// One home for where the shared data live, with the tests'.
#[path = "../../core/tests/shared/mod.rs"]
mod shared;

/// Where the shared data live: `$EPITOME_SHARED`, else `../shared` beside
/// the repository.
pub fn shared_dir() -> PathBuf {
    shared::dir()
}

/// The seeds when the shared data directory is there, `Ok(None)` when it is
/// absent altogether (the only case a benchmark may skip them: once
/// `../shared` is there, as in CI, unreadable seeds are an error).
pub fn seeds_if_shared() -> Result<Option<Vec<Article>>, String> {
    if shared_dir().is_dir() { seeds().map(Some) } else { Ok(None) }
}

/// The five seed articles (`../shared/corpus/seeds`), sorted by name, or
/// the reason they could not be read.
pub fn seeds() -> Result<Vec<Article>, String> {
    text_files(&shared_dir().join("corpus/seeds"), usize::MAX)
}

/// How many OrangeSum articles [`french`] reads.
pub const FRENCH_ARTICLES: usize = 20;

/// The first [`FRENCH_ARTICLES`] French news articles of OrangeSum
/// (`../shared/eval/orangesum/articles`), by name: what the language's
/// word rules (elisions, accents, the French stemmer) cost.
pub fn french() -> Result<Vec<Article>, String> {
    text_files(&shared_dir().join("eval/orangesum/articles"), FRENCH_ARTICLES)
}

/// The first `limit` `.txt` files of `dir`, sorted by name, split as the
/// CLI splits them; an error if there are none.
fn text_files(dir: &std::path::Path, limit: usize) -> Result<Vec<Article>, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let mut out = Vec::new();
    for p in paths.into_iter().take(limit) {
        let bytes = std::fs::read(&p).map_err(|e| format!("{}: {e}", p.display()))?;
        let text = String::from_utf8_lossy(&bytes);
        let (title, body) = split_title(&text);
        let name = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        out.push(Article { name, title, body });
    }
    if out.is_empty() {
        return Err(format!("{}: no .txt files", dir.display()));
    }
    Ok(out)
}

/// Title and body as the CLI reads a file (`epitome_host::input`): the first
/// non-empty line is the title unless it is a metadata stamp such as
/// `date 2026-01-28`, in which case the whole text is the body.
pub fn split_title(text: &str) -> (String, String) {
    let (title, body) = epitome_host::input::split_title(text);
    (title, body)
}

/// A deterministic synthetic news-like article of about `size` bytes
/// (title included; never more than `size`).
///
/// Paragraphs of 2–5 sentences of 6–32 words; about 45 % of the words are
/// English function words from the core's stopword list (as in news
/// prose), the rest come from a Zipf-like draw over 4,000 invented words
/// with English suffixes, some capitalised as names, some numbers. The
/// vocabulary grows with the text as real vocabularies do, so large
/// articles overflow the term table the way real ones would.
pub fn synthetic(size: usize) -> Article {
    let mut rng = SplitMix64::new(0x9E37_79B9_7F4A_7C15 ^ size as u64);
    let vocab: Vec<String> = (0..4000).map(|i| invent_word(&mut SplitMix64::new(i as u64 * 7919 + 1))).collect();
    let stops = &epitome::stopwords::ENGLISH;
    let title = format!("{} {} {} over {}", cap(&vocab[3]), vocab[10], vocab[42], cap(&vocab[7]));
    let limit = size.saturating_sub(title.len());
    let mut body = String::with_capacity(limit + 256);
    let mut para = String::new();
    while body.len() < limit {
        para.clear();
        for _ in 0..(2 + rng.below(4)) {
            let words = 6 + rng.below(27);
            for w in 0..words {
                let token = if rng.below(100) < 45 {
                    std::str::from_utf8(stops[rng.below(stops.len())]).unwrap_or("the").to_owned()
                } else if rng.below(100) < 3 {
                    format!("{}", rng.below(2030))
                } else {
                    // Zipf-like: the square of a uniform draw favours low ranks.
                    let u = rng.below(4000);
                    let word = &vocab[u * u / 4000];
                    if u.is_multiple_of(11) { cap(word) } else { word.clone() }
                };
                if w == 0 {
                    para.push_str(&cap(&token));
                } else {
                    para.push(' ');
                    para.push_str(&token);
                }
                if w + 1 < words && rng.below(100) < 6 {
                    para.push(',');
                }
            }
            para.push_str(". ");
        }
        para.pop();
        para.push('\n');
        if body.len() + para.len() > limit {
            // Fill the rest with the whole sentences of this paragraph that fit.
            let room = limit - body.len();
            if let Some(cut) = para.get(..room).and_then(|p| p.rfind(". ")) {
                body.push_str(&para[..=cut]);
                body.push('\n');
            }
            break;
        }
        body.push_str(&para);
    }
    Article { name: size_label(size), title, body }
}

fn cap(word: &str) -> String {
    let mut c = word.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn invent_word(rng: &mut SplitMix64) -> String {
    const ONSETS: [&str; 16] = ["b", "c", "d", "f", "g", "l", "m", "n", "p", "r", "s", "t", "v", "st", "tr", "pl"];
    const VOWELS: [&str; 6] = ["a", "e", "i", "o", "u", "ea"];
    const SUFFIXES: [&str; 10] = ["", "", "", "s", "ed", "ing", "ion", "ment", "ly", "er"];
    let mut w = String::new();
    for _ in 0..(1 + rng.below(3)) {
        w.push_str(ONSETS[rng.below(ONSETS.len())]);
        w.push_str(VOWELS[rng.below(VOWELS.len())]);
    }
    w.push_str(ONSETS[rng.below(ONSETS.len())]);
    w.push_str(SUFFIXES[rng.below(SUFFIXES.len())]);
    w
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn synthetic_articles_fit_their_size_and_are_deterministic() {
        for size in SIZES {
            let a = synthetic(size);
            assert!(a.bytes() <= size, "{} > {size}", a.bytes());
            assert!(a.bytes() >= size * 4 / 5, "{} much below {size}", a.bytes());
            assert_eq!(a.body, synthetic(size).body);
        }
    }

    #[test]
    fn synthetic_articles_summarize_like_prose() {
        let a = synthetic(4 << 10);
        let mut s = epitome::DefaultSummarizer::new();
        let out = s.summarize(&a.title, &a.body, &epitome::Options::default()).unwrap();
        assert_eq!(out.sentences.len(), 3);
        assert_eq!(out.keywords.len(), 10);
    }
}
