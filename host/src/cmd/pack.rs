//! `epitome pack`: article files to one corpus bundle.

use std::io::Write;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};

use crate::cli::PackArgs;
use crate::files::write_atomically;
use crate::pack;

/// Runs the command.
pub fn run(args: &PackArgs, out: &mut impl Write) -> Result<ExitCode> {
    let loaded = pack::load(&args.inputs, args.limits.limits());
    let articles = &loaded.articles;
    if articles.is_empty() {
        bail!("no articles read from the inputs: nothing written");
    }
    let bytes = pack::pack(articles).context("encoding the bundle")?;
    write_atomically(&args.output, &bytes)?;
    writeln!(out, "{}: {} articles, {} bytes", args.output.display(), articles.len(), bytes.len())?;
    Ok(loaded.status())
}
