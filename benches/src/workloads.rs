//! The measured workloads: Epitome's stages, its whole `summarize`, the
//! multi-article digest, the limit baseline and the Rust peers, each run
//! over a set of articles by one [`Bench`] that owns every workspace (built
//! once, outside the measurement, as a real caller would).

use epitome::digest::DefaultDigestBuilder;
use epitome::segment::Segmenter;
use epitome::tokenize::Words;
use epitome::{Budget, DefaultSummarizer, Options};

use crate::articles::Article;
use crate::baseline;

/// Sentences asked of every summarizer (Epitome's default).
pub const SENTENCES: u16 = 3;
/// Keyphrases asked of every keyword extractor (Epitome's default).
pub const KEYWORDS: usize = 10;

/// One measured workload.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Workload {
    /// The limit baseline: count words, one table look-up per byte.
    Limit,
    /// Count words with Unicode `char` decoding (the core's `is_word`).
    LimitUnicode,
    /// Epitome: sentence segmentation of the body.
    Segment,
    /// Epitome: tokenization + normalisation (fold, stopword test, stem,
    /// hash) of every word of title and body.
    Tokenize,
    /// Epitome: keyword scoring alone (`summarize` with no sentences asked,
    /// as `epitome keywords` runs it).
    Keywords,
    /// Epitome: the whole `summarize` with default options (3 sentences, 10
    /// keyphrases).
    Summarize,
    /// Epitome: a multi-article digest of all the articles given (3
    /// sentences each fed into the default `DigestBuilder`).
    Digest,
    /// Peer: `simple-summarize` 0.2 `summarize_text` (cut ratio 0.9).
    SimpleSummarize,
    /// Peer: `summary` 0.1 `summarize_sentences` (3 sentences).
    Summary,
    /// Peer: `rake` 0.3 with Epitome's English stopword list (10 best kept).
    Rake,
    /// Peer: `yake-rust` 1.0 `get_n_best(10)`, English stopwords, default config.
    Yake,
}

impl Workload {
    /// Every workload, in report order.
    pub const ALL: [Workload; 11] = [
        Workload::Limit,
        Workload::LimitUnicode,
        Workload::Segment,
        Workload::Tokenize,
        Workload::Keywords,
        Workload::Summarize,
        Workload::Digest,
        Workload::SimpleSummarize,
        Workload::Summary,
        Workload::Rake,
        Workload::Yake,
    ];

    /// Short stable name (criterion ids, command-line arguments, CSV).
    pub const fn name(self) -> &'static str {
        match self {
            Workload::Limit => "limit",
            Workload::LimitUnicode => "limit-unicode",
            Workload::Segment => "segment",
            Workload::Tokenize => "tokenize",
            Workload::Keywords => "keywords",
            Workload::Summarize => "summarize",
            Workload::Digest => "digest",
            Workload::SimpleSummarize => "simple-summarize",
            Workload::Summary => "summary",
            Workload::Rake => "rake",
            Workload::Yake => "yake-rust",
        }
    }

    /// The workload called `name`.
    pub fn from_name(name: &str) -> Option<Workload> {
        Workload::ALL.into_iter().find(|w| w.name() == name)
    }

    /// True for the peers (not Epitome's code).
    pub const fn is_peer(self) -> bool {
        matches!(self, Workload::SimpleSummarize | Workload::Summary | Workload::Rake | Workload::Yake)
    }
}

/// An article prepared for every workload: Epitome takes title and body
/// apart, the peers one text (title, blank line, body), joined up front so
/// that no workload pays for the join.
#[derive(Debug, Clone)]
pub struct Input {
    /// The article.
    pub article: Article,
    /// `title + "\n\n" + body`, for the peers.
    pub text: String,
}

impl Input {
    /// Prepares `article`.
    pub fn new(article: Article) -> Self {
        let text = format!("{}\n\n{}", article.title, article.body);
        Input { article, text }
    }
}

/// Bytes of a set of inputs (title + body; the throughput denominator).
pub fn total_bytes(inputs: &[Input]) -> usize {
    inputs.iter().map(|i| i.article.bytes()).sum()
}

/// Every workspace and peer instance, built once.
pub struct Bench {
    summarizer: Box<DefaultSummarizer>,
    summary: summary::Summarizer,
    rake: rake::Rake,
    yake_stop: yake_rust::StopWords,
    yake_config: yake_rust::Config,
}

impl Default for Bench {
    fn default() -> Self {
        Self::new()
    }
}

impl Bench {
    /// Builds the workspaces and peer instances (stopword sets and the like).
    pub fn new() -> Self {
        let mut sw = rake::StopWords::new();
        for w in epitome::stopwords::ENGLISH {
            sw.insert(String::from_utf8_lossy(w).into_owned());
        }
        Bench {
            summarizer: Box::new(DefaultSummarizer::new()),
            summary: summary::Summarizer::new(summary::Language::English),
            rake: rake::Rake::new(sw),
            yake_stop: yake_rust::StopWords::predefined("en")
                .unwrap_or_else(|| yake_rust::StopWords::custom(Default::default())),
            yake_config: yake_rust::Config::default(),
        }
    }

    /// Runs `w` over every input; returns a checksum of the results.
    pub fn run(&mut self, w: Workload, inputs: &[Input]) -> u64 {
        let mut sum = 0u64;
        if w == Workload::Digest {
            return self.digest(inputs);
        }
        for i in inputs {
            sum = sum.wrapping_add(self.run_one(w, i));
        }
        sum
    }

    fn run_one(&mut self, w: Workload, input: &Input) -> u64 {
        let (title, body) = (input.article.title.as_str(), input.article.body.as_str());
        match w {
            Workload::Limit => {
                (baseline::count_words(title.as_bytes()) + baseline::count_words(body.as_bytes())) as u64
            }
            Workload::LimitUnicode => {
                (baseline::count_words_unicode(title) + baseline::count_words_unicode(body)) as u64
            }
            Workload::Segment => Segmenter::new(body).map(|u| u64::from(u.span.end)).fold(0, u64::wrapping_add),
            Workload::Tokenize => tokenize(title) ^ tokenize(body).rotate_left(1),
            Workload::Keywords => {
                let opts = Options { budget: Budget::Sentences(0), ..Options::default() };
                match self.summarizer.summarize(title, body, &opts) {
                    Ok(s) => s.keywords.iter().map(|k| u64::from(k.score)).sum::<u64>() + s.keywords.len() as u64,
                    Err(_) => 0,
                }
            }
            Workload::Summarize => match self.summarizer.summarize(title, body, &Options::default()) {
                Ok(s) => s.sentences.iter().map(|c| u64::from(c.index) + 1).sum::<u64>() * 16 + s.keywords.len() as u64,
                Err(_) => 0,
            },
            Workload::Digest => self.digest(core::slice::from_ref(input)),
            Workload::SimpleSummarize => match simple_summarize::summarize_text(&input.text, 0.9) {
                Ok(r) => r.summary.len() as u64,
                Err(_) => 0,
            },
            Workload::Summary => {
                let n = core::num::NonZeroU32::new(u32::from(SENTENCES)).unwrap_or(core::num::NonZeroU32::MIN);
                self.summary.summarize_sentences(&input.text, n).iter().map(|s| s.len() as u64).sum()
            }
            Workload::Rake => {
                let mut k = self.rake.run(&input.text);
                k.truncate(KEYWORDS);
                k.iter().map(|k| k.keyword.len() as u64).sum::<u64>() * 16 + k.len() as u64
            }
            Workload::Yake => {
                let k = yake_rust::get_n_best(KEYWORDS, &input.text, &self.yake_stop, &self.yake_config);
                k.iter().map(|k| k.raw.len() as u64).sum::<u64>() * 16 + k.len() as u64
            }
        }
    }

    fn digest(&mut self, inputs: &[Input]) -> u64 {
        let mut d = DefaultDigestBuilder::new();
        let opts = Options { budget: Budget::Sentences(SENTENCES), ..Options::default() };
        for (id, i) in inputs.iter().enumerate() {
            if d.feed(id as u32, &i.article.title, &i.article.body, &mut self.summarizer, &opts).is_err() {
                return 0;
            }
        }
        d.sentences().map(|e| u64::from(e.article) * 64 + u64::from(e.index)).fold(0, u64::wrapping_add)
            + d.keywords(KEYWORDS).count() as u64
    }

    /// Runs `w` once and checks that its answer is plausible: every
    /// benchmark checks its result, so a broken workload cannot time nothing.
    pub fn check(&mut self, w: Workload, inputs: &[Input]) -> Result<(), String> {
        let fail = |what: String| Err(format!("{} on {} article(s): {what}", w.name(), inputs.len()));
        let words: usize = inputs
            .iter()
            .map(|i| baseline::count_words_unicode(&i.article.title) + baseline::count_words_unicode(&i.article.body))
            .sum();
        match w {
            Workload::Limit | Workload::LimitUnicode => {
                let got = self.run(w, inputs) as usize;
                // The byte baseline counts a dash as a word and joins
                // `Venezuela’s`: within 10 % of the Unicode count.
                if got.abs_diff(words) > words / 10 {
                    return fail(format!("{got} words, Unicode count {words}"));
                }
            }
            Workload::Segment | Workload::Tokenize | Workload::Digest | Workload::Keywords => {
                if self.run(w, inputs) == 0 {
                    return fail("empty result".into());
                }
            }
            Workload::Summarize => {
                for i in inputs {
                    let s = self
                        .summarizer
                        .summarize(&i.article.title, &i.article.body, &Options::default())
                        .map_err(|e| format!("{e:?}"))?;
                    if s.sentences.len() != usize::from(SENTENCES) || s.keywords.is_empty() {
                        return fail(format!("{} sentences, {} keywords", s.sentences.len(), s.keywords.len()));
                    }
                }
            }
            Workload::SimpleSummarize | Workload::Summary | Workload::Rake | Workload::Yake => {
                for i in inputs {
                    if self.run_one(w, i) == 0 {
                        return fail(format!("empty result on {}", i.article.name));
                    }
                }
            }
        }
        Ok(())
    }
}

/// Tokenization + normalisation of `text`: what the summarizer does to each
/// word before counting it, read in one pass by `Words` as the counting
/// pass reads it (each token's fold read in place, `Words::next_token`).
fn tokenize(text: &str) -> u64 {
    let mut sum = 0u64;
    let mut words = Words::new(text);
    while words.next_token().is_some() {
        let f = words.folded_mut();
        if f.is_stopword() {
            sum = sum.wrapping_add(1);
            continue;
        }
        f.stem();
        sum = sum.wrapping_add(u64::from(f.hash()));
    }
    sum
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_workload_passes_its_check_on_synthetic_text() {
        let mut b = Bench::new();
        let inputs = [Input::new(crate::articles::synthetic(4 << 10))];
        for w in Workload::ALL {
            b.check(w, &inputs).unwrap();
            assert_eq!(Workload::from_name(w.name()), Some(w));
        }
    }
}
