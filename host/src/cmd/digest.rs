//! `epitome digest`: the multi-article digest of a bundle or of article files.

use std::io::Write;
use std::process::ExitCode;

use anyhow::{Context, Result};
use epitome::wire::Article;

use crate::cli::DigestArgs;
use crate::digest;
use crate::pack::{self, OwnedArticle};

/// Runs the command.
pub fn run(args: &DigestArgs, out: &mut impl Write) -> Result<ExitCode> {
    // A single file starting with the bundle magic is a bundle; anything
    // else is read as article files.
    let bundle_bytes = match args.inputs.as_slice() {
        [one] if one.is_file() => {
            let bytes = std::fs::read(one).with_context(|| format!("reading {}", one.display()))?;
            pack::looks_like_bundle(&bytes).then_some(bytes)
        }
        _ => None,
    };
    let owned: Vec<OwnedArticle>;
    let articles: Vec<Article<'_>> = match &bundle_bytes {
        Some(bytes) => pack::open_bundle(&args.inputs[0], bytes)?.iter().collect(),
        None => {
            owned = pack::load(&args.inputs)?;
            owned.iter().map(OwnedArticle::as_wire).collect()
        }
    };
    let idf = args.scoring.load_idf()?;
    let opts = args.scoring.to_options(idf.as_deref())?;
    let report = digest::digest(&articles, usize::from(args.sentences), usize::from(args.keywords), &opts)?;
    if args.json {
        // As io::Error, so that a closed pipe is recognised by main.
        serde_json::to_writer_pretty(&mut *out, &report).map_err(std::io::Error::from)?;
        writeln!(out)?;
    } else {
        digest::write_text(&report, out)?;
    }
    Ok(ExitCode::SUCCESS)
}
