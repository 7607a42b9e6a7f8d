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
use crate::language::{Language, LanguageChoice};
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
    // Until the core detects languages, `auto` matches as English.
    let language = match args.language {
        LanguageChoice::Only(l) => l,
        LanguageChoice::Auto => Language::English,
    };
    let matcher = Matcher::for_language(language);
    let docs = keyeval::load(&args.dataset, &matcher)?;
    let report = evaluate(&docs, args, language, &matcher)?;
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

/// Scores Epitome's keyphrases on loaded documents (no timing), matched
/// in `language` by `matcher`, on `--jobs` threads; the mean is taken in
/// document order, so it is the same for any number of threads.
pub fn evaluate(
    docs: &[keyeval::KeyDoc],
    args: &EvalKeywordsArgs,
    language: Language,
    matcher: &Matcher,
) -> Result<EvalKeywordsReport> {
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
    let mut scores = Vec::with_capacity(docs.len());
    batch::run(
        args.jobs.get(),
        docs.iter(),
        || Box::new(DefaultSummarizer::new()),
        |summarizer, d| -> Result<Prf> {
            let s = summarizer.summarize(&d.title, &d.body, &opts)?;
            let preds: Vec<&str> = s.keywords.iter().map(|k| k.text).collect();
            if let Some(dir) = &args.dump {
                let path = dir.join(format!("{}.txt", d.name));
                let lines: String = preds.iter().map(|p| format!("{p}\n")).collect();
                std::fs::write(&path, lines).with_context(|| format!("writing {}", path.display()))?;
            }
            Ok(keyeval::score(&preds, &d.gold, usize::from(k), matcher))
        },
        |score| {
            progress.inc();
            scores.push(score?);
            Ok::<(), anyhow::Error>(())
        },
    )?;
    Ok(EvalKeywordsReport {
        epitome: keyeval::mean(&scores),
        documents: docs.len(),
        k: usize::from(k),
        language: language.code(),
        seconds: 0.0,
    })
}
