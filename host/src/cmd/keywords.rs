//! `epitome keywords`: the top keyphrases of each article, from the same
//! core call as `summarize` (no separate algorithm for the CLI).

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use epitome::Budget;

use crate::cli::KeywordsArgs;
use crate::input;
use crate::output;
use crate::report::{self, KeywordsReport};
use crate::stream::{self, Plan, Shape};

/// Runs the command.
pub fn run(args: &KeywordsArgs, out: &mut impl Write) -> Result<ExitCode> {
    let idf = args.scoring.load_idf()?;
    let mut opts = args.scoring.to_options(idf.as_deref())?;
    opts.keywords = args.keywords.count;
    // Keywords only: no sentence needs choosing.
    opts.budget = Budget::Sentences(0);
    let read = args.batch.input.read_options();
    let headers = !input::is_single_text(&args.batch.inputs, read.format);
    let plan = Plan {
        inputs: &args.batch.inputs,
        read: &read,
        jobs: args.batch.jobs.get(),
        shape: args.batch.output.shape(),
        separator: b"",
    };
    stream::run(&plan, out, |summarizer, a| {
        let s = summarizer.summarize(&a.title, &a.body, &opts)?;
        let view = || KeywordsReport {
            id: &a.id,
            origin: &a.origin,
            language: s.language().code(),
            keywords: report::keywords(&s.keywords),
        };
        Ok(match plan.shape {
            Shape::Json => output::array_element(&view())?,
            Shape::Jsonl => output::line(&view())?,
            Shape::Text => {
                let mut t = if headers { format!("# {}\n", a.origin) } else { String::new() };
                for k in &s.keywords {
                    t.push_str(&format!("{}\t{}\n", k.score, k.text));
                }
                crate::cmd::summarize::safe_bytes(t)
            }
        })
    })
}
