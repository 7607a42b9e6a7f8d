//! `epitome eval`: ROUGE of Epitome, Lead-N and Random-N against the
//! reference summaries of a data set ([`crate::eval`]).

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;

use crate::cli::{BudgetKind, EvalArgs};
use crate::eval::{self, Budget, Settings};
use crate::language::LanguageChoice;
use crate::output;
use crate::progress::Progress;

/// Runs the command.
pub fn run(args: &EvalArgs, out: &mut impl Write) -> Result<ExitCode> {
    let items = crate::dataset::load(&args.dataset)?;
    let idf = args.scoring.load_idf()?;
    let opts = args.scoring.to_options(idf.as_deref())?;
    let budget = match (args.max_chars, args.sentences, args.budget) {
        (Some(m), _, _) => Budget::Chars(m),
        (None, Some(n), _) => Budget::Sentences(n),
        (None, None, BudgetKind::Reference) => Budget::Reference,
    };
    let language = match args.scoring.language {
        LanguageChoice::Only(l) => l,
        LanguageChoice::Auto => eval::detect_language(&items, &opts, args.jobs.get()),
    };
    let settings = Settings { budget, language, dump: args.dump.clone() };
    let progress = Progress::new(Some(items.len() as u64), true);
    let report = eval::run(&items, &settings, &opts, args.jobs.get(), |_, _| progress.inc())?;
    drop(progress);
    if args.json {
        output::write_pretty(out, &eval::to_json(&report))?;
    } else {
        let b = match budget {
            Budget::Reference => "reference sentence count".to_owned(),
            Budget::Sentences(n) => format!("{n} sentences"),
            Budget::Chars(m) => format!("{m} characters"),
        };
        writeln!(
            out,
            "{} ({} articles, budget: {b}, language: {}, ROUGE over {} words)\n",
            args.dataset.display(),
            report.articles,
            language.code(),
            match report.protocol {
                crate::rouge::Protocol::English => "rouge-score's Porter-stemmed ASCII",
                crate::rouge::Protocol::Unicode => "unstemmed Unicode",
            }
        )?;
        write!(out, "{}", eval::to_table(&report))?;
    }
    Ok(ExitCode::SUCCESS)
}
