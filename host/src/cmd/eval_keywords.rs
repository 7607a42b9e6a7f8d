//! `epitome eval-keywords`: keyphrase P/R/F1@K against gold keys, with the
//! same core call as `epitome keywords` (see [`crate::keyeval`]).

use std::io::Write;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result};
use epitome::{Budget, DefaultSummarizer};
use serde::Serialize;

use crate::batch;
use crate::cli::EvalKeywordsArgs;
use crate::keyeval::{self, Matcher};
use crate::language::{Language, LanguageChoice, majority};
use crate::output;
use crate::progress::Progress;
use crate::rouge::Prf;

/// The `--json` output.
#[derive(Debug, Serialize)]
pub struct EvalKeywordsReport {
    /// Epitome's scores averaged over documents.
    pub epitome: Prf,
    /// Documents scored (title-only ones are skipped).
    pub documents: usize,
    /// Cut-off.
    pub k: usize,
    /// The language phrases were matched in (`"en"`, `"fr"`…).
    pub language: &'static str,
    /// Wall time of the whole evaluation.
    pub seconds: f64,
}

/// Runs the command.
pub fn run(args: &EvalKeywordsArgs, out: &mut impl Write) -> Result<ExitCode> {
    let started = Instant::now();
    let docs = keyeval::load(&args.dataset)?;
    let report = evaluate(&docs, args)?;
    let report = EvalKeywordsReport { seconds: started.elapsed().as_secs_f64(), ..report };
    if args.json {
        output::write_pretty(out, &report)?;
    } else {
        let e = report.epitome;
        writeln!(out, "{} documents, K = {}, language: {}", report.documents, report.k, report.language)?;
        writeln!(out, "system    P@K     R@K     F1@K")?;
        writeln!(out, "epitome   {:.4}  {:.4}  {:.4}   ({:.1} s)", e.p, e.r, e.f1, report.seconds)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Scores Epitome's keyphrases on loaded documents (no timing), on
/// `--jobs` threads, matched in the language `--language` gives, else in
/// the one most documents are read in ([`Matcher::for_language`]); the
/// mean is taken in document order, so it is the same for any number of
/// threads.
pub fn evaluate(docs: &[keyeval::KeyDoc], args: &EvalKeywordsArgs) -> Result<EvalKeywordsReport> {
    let idf = args.scoring.load_idf()?;
    let mut opts = args.scoring.to_options(idf.as_deref())?;
    let k = args.keywords.count;
    // Ask the core for more than K: predictions that normalise alike count once.
    opts.keywords = k.saturating_mul(2).min(epitome::MAX_KEYWORDS as u8);
    opts.budget = Budget::Sentences(0);
    if let Some(dir) = &args.dump {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    let progress = Progress::new(Some(docs.len() as u64), true);
    let mut found: Vec<(Vec<String>, Language)> = Vec::with_capacity(docs.len());
    batch::run(
        args.jobs.get(),
        docs.iter(),
        || Box::new(DefaultSummarizer::new()),
        |summarizer, d| -> Result<(Vec<String>, Language)> {
            let s = summarizer.summarize(&d.title, &d.body, &opts)?;
            let preds: Vec<String> = s.keywords.iter().map(|k| k.text.to_owned()).collect();
            if let Some(dir) = &args.dump {
                let path = dir.join(format!("{}.txt", d.name));
                let lines: String = preds.iter().map(|p| format!("{p}\n")).collect();
                std::fs::write(&path, lines).with_context(|| format!("writing {}", path.display()))?;
            }
            Ok((preds, s.language()))
        },
        |doc| {
            progress.inc();
            found.push(doc?);
            Ok::<(), anyhow::Error>(())
        },
    )?;
    let language = match args.scoring.language {
        LanguageChoice::Only(l) => l,
        LanguageChoice::Auto => majority(&found.iter().map(|(_, l)| *l).collect::<Vec<_>>()),
    };
    let matcher = Matcher::for_language(language);
    let scores: Vec<Prf> = docs
        .iter()
        .zip(&found)
        .map(|(d, (preds, _))| {
            let preds: Vec<&str> = preds.iter().map(String::as_str).collect();
            keyeval::score(&preds, &matcher.gold(&d.keys), usize::from(k), &matcher)
        })
        .collect();
    Ok(EvalKeywordsReport {
        epitome: keyeval::mean(&scores),
        documents: docs.len(),
        k: usize::from(k),
        language: language.code(),
        seconds: 0.0,
    })
}
