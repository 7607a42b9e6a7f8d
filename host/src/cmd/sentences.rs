//! `epitome sentences`: the segmenter's units, one per line, so it can be
//! checked against sentence-boundary suites. Units that can never be chosen
//! are prefixed with their kind in brackets.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use epitome::segment::{Segmenter, UnitKind};

use crate::cli::SentencesArgs;
use crate::input;

/// Runs the command.
pub fn run(args: &SentencesArgs, out: &mut impl Write) -> Result<ExitCode> {
    write_units(&input::read_text_file(&args.input)?, out)?;
    Ok(ExitCode::SUCCESS)
}

/// Writes each unit of `text` on its own line (inner newlines become spaces).
pub fn write_units(text: &str, out: &mut impl Write) -> std::io::Result<()> {
    for u in Segmenter::new(text) {
        let s = u.span.slice(text).unwrap_or("");
        let tag = match u.kind {
            UnitKind::Prose => "",
            UnitKind::Bullet => "",
            UnitKind::Heading => "[heading] ",
            UnitKind::Boilerplate => "[boilerplate] ",
        };
        let one_line: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
        writeln!(out, "{tag}{one_line}")?;
    }
    Ok(())
}
