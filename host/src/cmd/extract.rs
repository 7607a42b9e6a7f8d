//! `epitome extract`: the article inside an HTML page, as every other
//! command reads it, so that a user can see what was summarized.
//!
//! As text: the title, a blank line, the text (paragraphs separated by blank
//! lines), which `epitome summarize` reads back as the same article. With
//! `--json`: `{"title", "text", "method"}`.

use std::io::{Read, Write};
use std::process::ExitCode;

use anyhow::{Context, Result};
use serde::Serialize;

use crate::cli::ExtractArgs;
use crate::html;

/// `extract --json`'s object.
#[derive(Debug, Serialize)]
struct Extracted<'a> {
    title: &'a str,
    text: &'a str,
    /// `json-ld`, `microdata` or `readability`.
    method: &'static str,
}

/// Runs the command.
pub fn run(args: &ExtractArgs, out: &mut impl Write) -> Result<ExitCode> {
    let origin = args.page.display().to_string();
    let bytes = if origin == "-" {
        let mut b = Vec::new();
        std::io::stdin().lock().read_to_end(&mut b).context("reading standard input")?;
        b
    } else {
        std::fs::read(&args.page).with_context(|| format!("{origin}: cannot read"))?
    };
    let a = html::article(&bytes).with_context(|| origin.clone())?;
    if args.json {
        let e = Extracted { title: &a.title, text: &a.text, method: a.method.name() };
        serde_json::to_writer(&mut *out, &e)?;
        writeln!(out)?;
    } else {
        writeln!(out, "{}", html::as_text(&a))?;
    }
    Ok(ExitCode::SUCCESS)
}
