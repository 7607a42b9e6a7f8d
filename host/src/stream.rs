//! One computation over every input article, on every core, with the
//! results written in input order: text blocks, a JSON array, or JSON
//! lines. Used by `epitome summarize` and `epitome keywords`.
//!
//! An input that cannot be read (missing, binary, a malformed JSON line)
//! gets one line on standard error, in its place in the order, and every
//! other input is still processed; the exit status is then 2. Memory stays
//! bounded however long the input stream ([`crate::batch`]).

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use epitome::DefaultSummarizer;

use crate::batch;
use crate::input::{self, InputArticle, ReadOptions};
use crate::output::JsonArray;
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

/// [`run`] with a workspace of other capacities `Z` (a board's
/// `Workspace`, for `epitome summarize --workspace BOARD`).
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
    batch::run(
        plan.jobs,
        input::pending(plan.inputs, plan.read),
        Box::<Z>::default,
        |summarizer, pending| -> Result<Vec<u8>, String> {
            let article = pending.read(fields).map_err(|e| e.to_string())?;
            render(summarizer, &article).map_err(|e| format!("{}: {e:#}", article.origin))
        },
        |outcome| -> std::io::Result<()> {
            progress.inc();
            match outcome {
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
                }
                Err(message) => {
                    failed += 1;
                    progress.suspend(|| eprintln!("epitome: {message}"));
                }
            }
            Ok(())
        },
    )?;
    if plan.shape == Shape::Json {
        array.finish(out)?;
    }
    out.flush()?;
    drop(progress);
    if failed > 0 {
        eprintln!("epitome: {failed} input(s) failed, {written} article(s) written");
        return Ok(ExitCode::from(2));
    }
    Ok(ExitCode::SUCCESS)
}
