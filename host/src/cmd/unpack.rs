//! `epitome unpack`: a corpus bundle to JSON lines (which `pack` reads back).

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;

use crate::cli::UnpackArgs;
use crate::output;
use crate::pack::{self, OwnedArticle};

/// Runs the command.
pub fn run(args: &UnpackArgs, out: &mut impl Write) -> Result<ExitCode> {
    let bytes = crate::input::read_bytes(&args.input, args.limits.max_article_bytes)?;
    let bundle = pack::open_bundle(&args.input, &bytes)?;
    for a in bundle.iter() {
        output::write_line(out, &OwnedArticle::from_wire(&a))?;
    }
    Ok(ExitCode::SUCCESS)
}
