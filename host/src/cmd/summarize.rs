//! `epitome summarize` and the default run over the built-in sample.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use epitome::{DefaultSummarizer, Options, Summary};

use crate::boards::with_workspace;
use crate::cli::SummarizeArgs;
use crate::input::{self, InputArticle};
use crate::output;
use crate::report;
use crate::stream::{self, Plan, Shape};

/// The text block of one summary: title, source, keywords, flags, sentences.
pub fn text_block(a: &InputArticle, s: &Summary<'_>) -> Vec<u8> {
    use std::fmt::Write as _;
    let mut t = String::with_capacity(256 + s.sentences.iter().map(|c| c.text.len()).sum::<usize>());
    let _ = writeln!(t, "# {}", if a.title.is_empty() { "(untitled)" } else { &a.title });
    let _ = writeln!(t, "  source:   {}", a.origin);
    let kws: Vec<&str> = s.keywords.iter().map(|k| k.text).collect();
    let _ = writeln!(t, "  keywords: {}", kws.join(", "));
    let flags = report::flag_names(s.flags);
    if !flags.is_empty() {
        let _ = writeln!(t, "  flags:    {}", flags.join(", "));
    }
    for c in &s.sentences {
        t.push_str("  - ");
        for (i, word) in c.text.split_whitespace().enumerate() {
            if i > 0 {
                t.push(' ');
            }
            t.push_str(word);
        }
        t.push('\n');
    }
    t.into_bytes()
}

/// One summary in `shape` (text block, pretty JSON, or a JSON line).
pub fn render(shape: Shape, a: &InputArticle, s: &Summary<'_>) -> std::io::Result<Vec<u8>> {
    match shape {
        Shape::Text => Ok(text_block(a, s)),
        Shape::Json => output::pretty(&report::article(a, s)),
        Shape::Jsonl => output::line(&report::article(a, s)),
    }
}

/// `epitome summarize`.
pub fn run(args: &SummarizeArgs, out: &mut impl Write) -> Result<ExitCode> {
    let idf = args.opts.scoring.load_idf()?;
    let opts = args.opts.to_options(idf.as_deref())?;
    let read = args.input.read_options();
    let plan =
        Plan { inputs: &args.inputs, read: &read, jobs: args.jobs.get(), shape: args.output.shape(), separator: b"\n" };
    let Some(board) = args.workspace else {
        return stream::run(&plan, out, |summarizer, a| {
            let s = summarizer.summarize(&a.title, &a.body, &opts)?;
            Ok(render(plan.shape, a, &s)?)
        });
    };
    // A board's workspace: the summaries that board computes.
    with_workspace!(board, Ws, Digest, {
        stream::run_with::<Ws>(&plan, out, |summarizer, a| {
            let s = summarizer.summarize(&a.title, &a.body, &opts)?;
            Ok(render(plan.shape, a, &s)?)
        })
    })
}

/// `epitome` with no arguments: the built-in sample with the default options.
pub fn run_sample(out: &mut impl Write) -> Result<ExitCode> {
    let opts = Options::default();
    let mut summarizer = Box::new(DefaultSummarizer::new());
    for (i, a) in input::sample().iter().enumerate() {
        let s = summarizer.summarize(&a.title, &a.body, &opts)?;
        if i > 0 {
            writeln!(out)?;
        }
        out.write_all(&text_block(a, &s))?;
    }
    Ok(ExitCode::SUCCESS)
}
