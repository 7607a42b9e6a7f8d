//! `epitome digest`: the multi-article digest of a bundle or of article files.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use epitome::wire::Article;

use crate::cli::DigestArgs;
use crate::digest;
use crate::files;
use crate::output;
use crate::pack::OwnedArticle;

/// Runs the command.
pub fn run(args: &DigestArgs, out: &mut impl Write) -> Result<ExitCode> {
    let loaded = files::load_corpus(&args.inputs, args.limits.limits());
    let articles: Vec<Article<'_>> = loaded.articles.iter().map(OwnedArticle::as_wire).collect();
    let idf = args.scoring.load_idf()?;
    let opts = args.scoring.to_options(idf.as_deref())?;
    let report = digest::digest(&articles, usize::from(args.sentences), usize::from(args.keywords.count), &opts)?;
    if args.json {
        output::write_pretty(out, &report)?;
    } else {
        // Titles and sentences come from the articles: no control
        // character reaches the terminal raw.
        let mut text = Vec::new();
        digest::write_text(&report, &mut text)?;
        out.write_all(output::terminal_safe(&String::from_utf8_lossy(&text)).as_bytes())?;
    }
    Ok(loaded.status())
}
