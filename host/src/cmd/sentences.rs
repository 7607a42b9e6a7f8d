//! `epitome sentences`: the segmenter's units, so that other tools can check
//! the segmenter. One unit per line by default, units that can never be
//! chosen prefixed with their kind in brackets; with `--json`, an array of
//! units with byte spans, kinds and choosability.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use epitome::segment::{Segmenter, UnitKind};
use epitome_report::UnitReport;
use serde::Serialize;

use crate::cli::SentencesArgs;
use crate::input;

/// Runs the command.
pub fn run(args: &SentencesArgs, out: &mut impl Write) -> Result<ExitCode> {
    let text = input::read_text_file_limited(&args.input, args.limits.max_article_bytes)?;
    if args.json {
        write_json(&text, out)?;
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

/// One unit as `sentences --json` shows it: the shared record
/// ([`UnitReport`]) and a second pair of offsets, each pair named for what
/// it counts: `start`/`end` count bytes from the start of the whole
/// decoded text (what this command segments); `body_start`/`body_end`
/// count from the start of the body, the text after the title line, as
/// `summarize --json`'s sentence `start`/`end` do for the same file
/// (`null` for a unit in the title line).
#[derive(Debug, Serialize)]
struct UnitInFile<'a> {
    #[serde(flatten)]
    unit: UnitReport<'a>,
    /// Byte offsets in the body as `summarize` takes it, `end` exclusive.
    body_start: Option<u32>,
    body_end: Option<u32>,
}

/// Writes the units of `text` as one pretty-printed JSON array.
pub fn write_json(text: &str, out: &mut impl Write) -> Result<()> {
    // The body is the end of the text that follows the title line (all of
    // it when there is no title): `input::split_title`'s rule.
    let (_, body) = crate::input::split_title(text);
    let body_at = u32::try_from(text.len() - body.len()).unwrap_or(u32::MAX);
    let units: Vec<UnitInFile<'_>> = Segmenter::new(text)
        .map(|u| {
            let in_body = u.span.start >= body_at;
            UnitInFile {
                unit: UnitReport::new(text, &u),
                body_start: in_body.then(|| u.span.start - body_at),
                body_end: in_body.then(|| u.span.end - body_at),
            }
        })
        .collect();
    // Through the one JSON writer, so that a closed pipe is recognised.
    crate::output::write_pretty(out, &units)?;
    Ok(())
}
