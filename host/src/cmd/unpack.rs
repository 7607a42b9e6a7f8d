//! `epitome unpack`: a corpus bundle to JSON lines (which `pack` reads back).

use std::io::Write;
use std::process::ExitCode;

use anyhow::{Context, Result};

use crate::cli::UnpackArgs;
use crate::pack::{self, OwnedArticle};

/// Runs the command.
pub fn run(args: &UnpackArgs, out: &mut impl Write) -> Result<ExitCode> {
    let bytes = std::fs::read(&args.input).with_context(|| format!("reading {}", args.input.display()))?;
    let bundle = pack::open_bundle(&args.input, &bytes)?;
    for a in bundle.iter() {
        // As io::Error, so that a closed pipe is recognised by main.
        serde_json::to_writer(&mut *out, &OwnedArticle::from_wire(&a)).map_err(std::io::Error::from)?;
        writeln!(out)?;
    }
    Ok(ExitCode::SUCCESS)
}
