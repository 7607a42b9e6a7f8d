//! One computation over every input article, on every core, with the
//! results written in input order: text blocks, a JSON array, or JSON
//! lines. Used by `epitome summarize` and `epitome keywords`.
//!
//! An input that cannot be read (missing, binary, a malformed JSON line;
//! [`crate::input`]'s rules) gets one line on standard error, in its place
//! in the order, and every other input is still processed; the exit status
//! is then 2. Memory stays bounded however long the input stream
//! ([`crate::batch`]).

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use epitome::DefaultSummarizer;

use crate::batch;
use crate::input::{self, InputArticle, ReadOptions};
use crate::output::{self, JsonArray, terminal_safe};
use crate::progress::Progress;

/// How results are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Text blocks, for people.
    Text,
    /// One pretty-printed JSON array of article results.
    Json,
    /// One JSON object a line, one line per input article.
    Jsonl,
}

/// Where the articles come from and how the run goes.
#[derive(Debug, Clone)]
pub struct Plan<'a> {
    /// Files, directories, `-`.
    pub inputs: &'a [PathBuf],
    /// Text, JSON lines, field names.
    pub read: &'a ReadOptions,
    /// Worker threads.
    pub jobs: usize,
    /// Output shape.
    pub shape: Shape,
    /// Written between two text blocks (not before the first).
    pub separator: &'a [u8],
}

/// Reads every article of `plan`, renders each with `render` (on a worker
/// thread with its own workspace; the bytes of one result in `plan.shape`)
/// and writes them to `out` in input order. Returns exit status 2 if any
/// input failed, success otherwise; a write error (a closed pipe) ends
/// the run and is returned.
pub fn run(
    plan: &Plan<'_>,
    out: &mut impl Write,
    render: impl Fn(&mut DefaultSummarizer, &InputArticle) -> Result<Vec<u8>> + Sync,
) -> Result<ExitCode> {
    run_with::<DefaultSummarizer>(plan, out, render)
}

/// What the consumer is told of one article.
struct Outcome {
    /// The rendered result, or the message saying why there is none.
    result: Result<Vec<u8>, String>,
    /// A note for standard error (the Windows-1252 fallback).
    note: Option<String>,
}

/// [`run`] with a workspace of other capacities `Z` (a board's
/// `Workspace`, for `epitome summarize --workspace BOARD`).
///
/// The inputs are taken in runs: files on every thread, then each stream
/// (`-`, a FIFO or device named on the command line) on one, after what
/// came before it has been written out (it may wait for its writer
/// forever), with each of its results written out as soon as it is ready,
/// so that a slow producer's lines are answered as they arrive.
pub fn run_with<Z: Default>(
    plan: &Plan<'_>,
    out: &mut impl Write,
    render: impl Fn(&mut Z, &InputArticle) -> Result<Vec<u8>> + Sync,
) -> Result<ExitCode> {
    // On a terminal the results themselves show progress.
    let progress = Progress::new(None, !std::io::stdout().is_terminal());
    let mut array = JsonArray::default();
    let (mut written, mut failed) = (0usize, 0usize);
    let fields = &plan.read.fields;
    let mut rest = plan.inputs;
    while !rest.is_empty() {
        let streams = rest.iter().position(|p| input::is_stream(p));
        let (inputs, live) = match streams {
            Some(0) => (&rest[..1], true),
            Some(n) => (&rest[..n], false),
            None => (rest, false),
        };
        rest = &rest[inputs.len()..];
        let jobs = if live {
            out.flush()?;
            1
        } else {
            input::most_articles(inputs, plan.read.format).map_or(plan.jobs, |n| plan.jobs.min(n))
        };
        batch::run(
            jobs,
            input::pending(inputs, plan.read),
            Box::<Z>::default,
            |summarizer, pending| -> Outcome {
                let article = match pending.read(fields) {
                    Ok(a) => a,
                    Err(e) => return Outcome { result: Err(e.to_string()), note: None },
                };
                let note = article
                    .fallback_encoding
                    .then(|| format!("{}: not valid UTF-8, read as Windows-1252", terminal_safe(&article.origin)));
                let result =
                    render(summarizer, &article).map_err(|e| format!("{}: {e:#}", terminal_safe(&article.origin)));
                Outcome { result, note }
            },
            |outcome| -> std::io::Result<()> {
                progress.inc();
                if let Some(note) = &outcome.note {
                    progress.suspend(|| output::warn(note));
                }
                match outcome.result {
                    Ok(bytes) => {
                        match plan.shape {
                            Shape::Json => array.push(out, &bytes)?,
                            Shape::Text if written > 0 => {
                                out.write_all(plan.separator)?;
                                out.write_all(&bytes)?;
                            }
                            Shape::Text | Shape::Jsonl => out.write_all(&bytes)?,
                        }
                        written += 1;
                        if live {
                            out.flush()?;
                        }
                    }
                    Err(message) => {
                        failed += 1;
                        progress.suspend(|| output::warn(&message));
                    }
                }
                Ok(())
            },
        )?;
    }
    if plan.shape == Shape::Json {
        array.finish(out)?;
    }
    out.flush()?;
    drop(progress);
    if failed > 0 {
        output::warn(format!("{failed} input(s) failed, {written} article(s) written"));
        return Ok(ExitCode::from(2));
    }
    Ok(ExitCode::SUCCESS)
}
