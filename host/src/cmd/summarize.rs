//! `epitome summarize` and the default run over the built-in sample.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use epitome::{DefaultSummarizer, Flags, Options, Summary};
use serde::Serialize;

use crate::cli::{ScoringOpts, SummarizeArgs, SummaryOpts};
use crate::input::{self, TextArticle};

/// JSON view of one article's summary.
#[derive(Debug, Serialize)]
pub struct ArticleReport<'a> {
    /// File the article came from.
    pub origin: &'a str,
    /// Its title.
    pub title: &'a str,
    /// Keyphrases, best first.
    pub keywords: Vec<KeywordReport<'a>>,
    /// Chosen sentences in text order.
    pub sentences: Vec<SentenceReport<'a>>,
    /// Names of the flags raised.
    pub flags: Vec<&'static str>,
}

/// JSON view of a keyphrase.
#[derive(Debug, Serialize)]
pub struct KeywordReport<'a> {
    /// Surface text.
    pub text: &'a str,
    /// Score, 1000 = best.
    pub score: u32,
}

/// JSON view of a chosen sentence.
#[derive(Debug, Serialize)]
pub struct SentenceReport<'a> {
    /// The sentence.
    pub text: &'a str,
    /// Byte offset in the body.
    pub start: u32,
    /// End byte offset in the body.
    pub end: u32,
    /// Score, 1000 = best.
    pub score: u32,
}

/// Names of the flags set in `f`.
pub fn flag_names(f: Flags) -> Vec<&'static str> {
    [
        (Flags::SENTENCES_TRUNCATED, "sentences_truncated"),
        (Flags::TERMS_EVICTED, "terms_evicted"),
        (Flags::PHRASES_EVICTED, "phrases_evicted"),
        (Flags::BUDGET_CLAMPED, "budget_clamped"),
        (Flags::KEYWORDS_CLAMPED, "keywords_clamped"),
    ]
    .into_iter()
    .filter(|(x, _)| f.contains(*x))
    .map(|(_, n)| n)
    .collect()
}

/// The JSON view of a summary.
pub fn report<'a>(a: &'a TextArticle, s: &Summary<'a>) -> ArticleReport<'a> {
    ArticleReport {
        origin: &a.origin,
        title: &a.title,
        keywords: s.keywords.iter().map(|k| KeywordReport { text: k.text, score: k.score }).collect(),
        sentences: s
            .sentences
            .iter()
            .map(|c| SentenceReport { text: c.text, start: c.span.start, end: c.span.end, score: c.score })
            .collect(),
        flags: flag_names(s.flags),
    }
}

/// Summarizes `articles` and writes text or JSON.
pub fn write_summaries(articles: &[TextArticle], opts: &Options<'_>, json: bool, out: &mut impl Write) -> Result<()> {
    // One workspace for all articles: that is how the core is meant to be used.
    let mut summarizer = Box::new(DefaultSummarizer::new());
    let mut reports = Vec::new();
    for (i, a) in articles.iter().enumerate() {
        let s = summarizer.summarize(&a.title, &a.body, opts)?;
        if json {
            reports.push(report(a, &s));
            continue;
        }
        if i > 0 {
            writeln!(out)?;
        }
        writeln!(out, "# {}", if a.title.is_empty() { "(untitled)" } else { &a.title })?;
        writeln!(out, "  source:   {}", a.origin)?;
        let kws: Vec<&str> = s.keywords.iter().map(|k| k.text).collect();
        writeln!(out, "  keywords: {}", kws.join(", "))?;
        let flags = flag_names(s.flags);
        if !flags.is_empty() {
            writeln!(out, "  flags:    {}", flags.join(", "))?;
        }
        for c in &s.sentences {
            let one_line: Vec<&str> = c.text.split_whitespace().collect();
            writeln!(out, "  - {}", one_line.join(" "))?;
        }
    }
    if json {
        serde_json::to_writer_pretty(&mut *out, &reports)?;
        writeln!(out)?;
    }
    Ok(())
}

/// `epitome summarize`.
pub fn run(args: &SummarizeArgs, out: &mut impl Write) -> Result<ExitCode> {
    let files = input::expand(&args.inputs)?;
    let articles = files.iter().map(|p| input::read_text(p)).collect::<Result<Vec<_>>>()?;
    let idf = args.opts.scoring.load_idf()?;
    write_summaries(&articles, &args.opts.to_options(idf.as_deref())?, args.json, out)?;
    Ok(ExitCode::SUCCESS)
}

/// `epitome` with no arguments: the built-in sample with default options.
pub fn run_sample(out: &mut impl Write) -> Result<ExitCode> {
    let opts = SummaryOpts { sentences: 3, max_chars: None, keywords: 8, scoring: ScoringOpts::default() };
    write_summaries(&input::sample(), &opts.to_options(None)?, false, out)?;
    Ok(ExitCode::SUCCESS)
}
