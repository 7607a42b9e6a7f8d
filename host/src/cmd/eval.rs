//! `epitome eval`: ROUGE of Epitome, Lead-N and Random-N against the
//! reference summaries of a data set ([`crate::eval`]).

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use anyhow::Result;

use crate::cli::{BudgetKind, EvalArgs};
use crate::eval::{self, Budget};

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
    // A progress bar on long runs, only where a person is watching.
    let show = std::io::stderr().is_terminal() && items.len() >= 200;
    let report = eval::run(&items, budget, &opts, |done, total| {
        if show && (done % 25 == 0 || done == total) {
            let width = 40;
            let filled = done * width / total.max(1);
            eprint!("\r[{}{}] {done}/{total}", "#".repeat(filled), " ".repeat(width - filled));
            if done == total {
                eprintln!();
            }
        }
    });
    if args.json {
        writeln!(out, "{}", serde_json::to_string_pretty(&eval::to_json(&report))?)?;
    } else {
        let b = match budget {
            Budget::Reference => "reference sentence count".to_owned(),
            Budget::Sentences(n) => format!("{n} sentences"),
            Budget::Chars(m) => format!("{m} characters"),
        };
        writeln!(out, "{} ({} articles, budget: {b})\n", args.dataset.display(), report.articles)?;
        write!(out, "{}", eval::to_table(&report))?;
    }
    Ok(ExitCode::SUCCESS)
}
