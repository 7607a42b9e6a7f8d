//! `epitome sentences`: the segmenter's units, so that other tools can check
//! the segmenter. One unit per line by default, units that can never be
//! chosen prefixed with their kind in brackets; with `--json`, an array of
//! units with byte spans, kinds, choosability and the language the text is
//! read in (`--language`; the segmenter itself reads every language alike).

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use epitome::LanguageChoice;
use epitome::segment::{Segmenter, UnitKind};
use epitome_report::UnitReport;

use crate::cli::SentencesArgs;
use crate::input;

/// Runs the command.
pub fn run(args: &SentencesArgs, out: &mut impl Write) -> Result<ExitCode> {
    let text = input::read_text_file_limited(&args.input, args.limits.max_article_bytes)?;
    if args.json {
        write_json(&text, args.language, out)?;
    } else {
        write_units(&text, out)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes each unit of `text` on its own line (inner newlines become spaces).
pub fn write_units(text: &str, out: &mut impl Write) -> std::io::Result<()> {
    for u in Segmenter::new(text) {
        let s = u.span.slice(text).unwrap_or("");
        let tag = match (u.kind, u.open_quote) {
            (UnitKind::Prose | UnitKind::Bullet, false) => "",
            (UnitKind::Prose | UnitKind::Bullet, true) => "[open quote] ",
            (UnitKind::Heading, _) => "[heading] ",
            (UnitKind::Boilerplate, _) => "[boilerplate] ",
        };
        let one_line: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
        writeln!(out, "{tag}{}", crate::output::terminal_safe(&one_line))?;
    }
    Ok(())
}

/// Writes the units of `text`, read in the language `choice` gives, as one
/// pretty-printed JSON array.
pub fn write_json(text: &str, choice: LanguageChoice, out: &mut impl Write) -> Result<()> {
    let units = UnitReport::all(text, choice);
    // Through the one JSON writer, so that a closed pipe is recognised.
    crate::output::write_pretty(out, &units)?;
    Ok(())
}
