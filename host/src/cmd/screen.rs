//! `epitome screen`: the pages a board's display shows, as PNG files.

use std::io::Write;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use epitome::wire::Article;

use crate::boards::BoardName;
use crate::cli::ScreenArgs;
use crate::files;
use crate::pack::OwnedArticle;
use crate::screen;

/// Runs the command.
pub fn run(args: &ScreenArgs, out: &mut impl Write) -> Result<ExitCode> {
    let display = screen::display(&args.display)?;
    let loaded = files::load_corpus(&args.inputs, args.limits.limits());
    let articles: Vec<Article<'_>> = loaded.articles.iter().map(OwnedArticle::as_wire).collect();
    let frames = screen::render(BoardName::WITH_SCREEN, &articles, display)?;
    let count = frames.len();
    // Zero-padded page numbers, so that file names sort in page order.
    let digits = count.to_string().len();
    let name = |page: usize| format!("page-{page:0digits$}.png");
    let chosen: Vec<usize> = if args.all {
        (1..=count).collect()
    } else if args.page == 0 || args.page > count {
        bail!("page {} does not exist: {count} page{}", args.page, if count == 1 { "" } else { "s" });
    } else {
        vec![args.page]
    };
    // A directory (existing, or wanted by --all) receives page-N.png files.
    let into_dir = args.all || args.output.is_dir();
    if into_dir {
        std::fs::create_dir_all(&args.output).with_context(|| format!("creating {}", args.output.display()))?;
    }
    for page in chosen {
        let path = if into_dir { args.output.join(name(page)) } else { args.output.clone() };
        let frame = &frames[page - 1];
        screen::write_png(&path, frame, args.scale)?;
        writeln!(
            out,
            "{}: page {page} of {count}, {}x{} display at {}x ({}x{} pixels)",
            path.display(),
            frame.width,
            frame.height,
            args.scale,
            frame.width * args.scale,
            frame.height * args.scale
        )?;
    }
    Ok(loaded.status())
}
