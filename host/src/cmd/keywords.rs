//! `epitome keywords`: the top keyphrases of each article, from the same
//! core call as `summarize` (no separate algorithm for the CLI).

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use epitome::{Budget, DefaultSummarizer};
use serde::Serialize;

use crate::cli::KeywordsArgs;
use crate::cmd::summarize::KeywordReport;
use crate::input;

/// JSON view of one article's keyphrases.
#[derive(Debug, Serialize)]
pub struct KeywordsReport<'a> {
    /// File the article came from.
    pub origin: &'a str,
    /// Keyphrases, best first.
    pub keywords: Vec<KeywordReport<'a>>,
}

/// Runs the command.
pub fn run(args: &KeywordsArgs, out: &mut impl Write) -> Result<ExitCode> {
    let files = input::expand(&args.inputs)?;
    let articles = files.iter().map(|p| input::read_text(p)).collect::<Result<Vec<_>>>()?;
    let idf = args.scoring.load_idf()?;
    let mut opts = args.scoring.to_options(idf.as_deref())?;
    opts.keywords = args.k;
    // Keywords only: no sentence needs choosing.
    opts.budget = Budget::Sentences(0);
    let mut summarizer = Box::new(DefaultSummarizer::new());
    let mut reports = Vec::new();
    for a in &articles {
        let s = summarizer.summarize(&a.title, &a.body, &opts)?;
        let kws: Vec<KeywordReport<'_>> =
            s.keywords.iter().map(|k| KeywordReport { text: k.text, score: k.score }).collect();
        if args.json {
            reports.push(KeywordsReport { origin: &a.origin, keywords: kws });
            continue;
        }
        if articles.len() > 1 {
            writeln!(out, "# {}", a.origin)?;
        }
        for k in kws {
            writeln!(out, "{}\t{}", k.score, k.text)?;
        }
    }
    if args.json {
        serde_json::to_writer_pretty(&mut *out, &reports)?;
        writeln!(out)?;
    }
    Ok(ExitCode::SUCCESS)
}
