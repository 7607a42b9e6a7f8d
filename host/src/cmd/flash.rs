//! `epitome flash`: pack the articles, build the board's firmware with them
//! in flash, flash and run it with probe-rs (see [`crate::flash`]).

use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};

use crate::cli::FlashArgs;
use crate::files::{self, write_atomically};
use crate::flash;
use crate::pack;

/// Runs the command; its exit status is probe-rs's.
pub fn run(args: &FlashArgs, out: &mut impl Write) -> Result<ExitCode> {
    if !args.dry_run {
        flash::check_probe_rs()?;
    }
    let articles = files::load_all(&args.inputs, args.limits.limits())?;
    if articles.is_empty() {
        bail!("no articles found in the inputs (looked for .txt, .html, .json, .jsonl)");
    }
    flash::check_languages(args.board, &articles)?;
    let bytes = pack::pack(&articles).context("encoding the bundle")?;
    flash::check_fits(args.board, bytes.len())?;

    // The repository this binary was built from holds the firmware sources.
    let root = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/.."));
    if !root.join("firmware/boards").is_dir() {
        bail!("the firmware sources are not at {} (epitome flash builds them)", root.display());
    }
    let target_dir = std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root.join("target"), PathBuf::from);
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| OsString::from("cargo"));
    let plan = flash::plan(args.board, &args.chip, args.probe.as_deref(), &root, &target_dir, &cargo);

    if args.dry_run {
        writeln!(
            out,
            "# write the bundle ({} articles, {} bytes) to {}",
            articles.len(),
            bytes.len(),
            plan.corpus.display()
        )?;
        writeln!(out, "{}", plan.build)?;
        writeln!(out, "{}", plan.run)?;
        return Ok(ExitCode::SUCCESS);
    }
    if let Some(dir) = plan.corpus.parent() {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    // Rewritten only when it changes, so that an unchanged corpus does not rebuild the firmware.
    if std::fs::read(&plan.corpus).ok().as_deref() != Some(bytes.as_slice()) {
        write_atomically(&plan.corpus, &bytes)?;
    }
    crate::output::warn(format!(
        "{} articles ({} bytes) for the {} board; building: {}",
        articles.len(),
        bytes.len(),
        args.board.spec().name,
        plan.build
    ));
    let elf = flash::build(&plan)?;
    crate::output::warn(format!("flashing and running: {}", plan.run));
    let status = plan.run.command().status().context("starting probe-rs")?;
    // probe-rs has said why it failed; pass its status on.
    Ok(match status.code() {
        Some(0) => ExitCode::SUCCESS,
        Some(c) => {
            crate::output::warn(format!(
                "probe-rs exited with status {c} ({} was built and not flashed, or the run ended)",
                elf.display()
            ));
            ExitCode::from(u8::try_from(c).unwrap_or(1))
        }
        None => {
            crate::output::warn("probe-rs was stopped by a signal");
            ExitCode::from(1)
        }
    })
}
