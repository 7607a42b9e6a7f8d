//! `epitome flash`: the articles packed into a board's flash, the firmware
//! built around them and flashed and run by the probe-rs command-line tool
//! (`probe-rs run`, which also shows the board's defmt log over RTT).
//!
//! The probe-rs CLI rather than its library: the library takes about ten
//! minutes to build here, and the CLI is what knurling's app-template uses
//! as the cargo runner too. Every check that can fail without hardware runs
//! before anything is written or built: probe-rs present, articles found,
//! their bundle within the board's flash.

use std::ffi::OsString;
use std::fmt;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result, anyhow, bail};

use crate::boards::BoardName;

/// One external command, printable as a shell line (for `--dry-run`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// Environment variables set for it.
    pub env: Vec<(String, OsString)>,
    /// The program.
    pub program: OsString,
    /// Its arguments.
    pub args: Vec<OsString>,
}

impl Step {
    /// The command, ready to spawn.
    pub fn command(&self) -> Command {
        let mut c = Command::new(&self.program);
        c.args(&self.args).envs(self.env.iter().map(|(k, v)| (k, v)));
        c
    }
}

impl fmt::Display for Step {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let quote = |s: &std::ffi::OsStr| {
            let s = s.to_string_lossy();
            if !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || "-_./=:,+@".contains(c)) {
                s.into_owned()
            } else {
                format!("'{}'", s.replace('\'', r"'\''"))
            }
        };
        for (k, v) in &self.env {
            write!(f, "{k}={} ", quote(v))?;
        }
        write!(f, "{}", quote(&self.program))?;
        for a in &self.args {
            write!(f, " {}", quote(a))?;
        }
        Ok(())
    }
}

/// What `epitome flash` does, decided before doing any of it.
#[derive(Debug, Clone)]
pub struct Plan {
    /// The board.
    pub board: BoardName,
    /// Where the bundle is written (the firmware embeds it: `EPITOME_CORPUS`).
    pub corpus: PathBuf,
    /// The firmware build.
    pub build: Step,
    /// The ELF that build makes.
    pub elf: PathBuf,
    /// Flash and run.
    pub run: Step,
}

/// The cargo profile of flashed firmware: the `firmware` profile under its
/// own name (top-level Cargo.toml), so that the RTT build never replaces
/// the QEMU build's ELF.
pub const PROFILE: &str = "flash";

/// The plan for `board` with probe-rs's `chip` and optional `probe`
/// selector, for the repository at `root` and its cargo target directory
/// `target_dir`; `cargo` is the cargo binary.
pub fn plan(
    board: BoardName,
    chip: &str,
    probe: Option<&str>,
    root: &Path,
    target_dir: &Path,
    cargo: &OsString,
) -> Plan {
    let spec = board.spec();
    let corpus = target_dir.join("epitome-flash").join(format!("{}.bin", spec.name));
    let build = Step {
        env: vec![("EPITOME_CORPUS".into(), corpus.clone().into()), ("DEFMT_LOG".into(), "info".into())],
        program: cargo.clone(),
        args: [
            "build",
            "--manifest-path",
            &root.join("Cargo.toml").to_string_lossy(),
            "-p",
            spec.package,
            "--bin",
            spec.bin,
            "--profile",
            PROFILE,
            "--target",
            spec.target,
            "--no-default-features",
            "--features",
            "rtt",
        ]
        .iter()
        .map(OsString::from)
        .collect(),
    };
    let elf = target_dir.join(spec.target).join(PROFILE).join(spec.bin);
    let mut args: Vec<OsString> = vec!["run".into(), "--chip".into(), chip.into()];
    if let Some(p) = probe {
        args.extend(["--probe".into(), p.into()]);
    }
    args.push(elf.clone().into());
    Plan { board, corpus, build, elf, run: Step { env: Vec::new(), program: "probe-rs".into(), args } }
}

/// Checks that a bundle of `bundle` bytes can fit `board`'s flash at all
/// (the firmware's code comes on top; the linker checks the whole).
///
/// Errors: over by how many bytes.
pub fn check_fits(board: BoardName, bundle: usize) -> Result<()> {
    let spec = board.spec();
    if bundle > spec.flash {
        bail!(
            "the articles do not fit the {} board's flash: their bundle is {bundle} bytes, {} bytes over its {} bytes of flash (before the firmware itself)",
            spec.name,
            bundle - spec.flash,
            spec.flash
        );
    }
    Ok(())
}

/// Checks that `board` reads every article's language (its `lang` field,
/// as the firmware's `protocol::article_options` judges it): otherwise the
/// offline digest at boot would stop at that article.
///
/// Errors: the first article in a language the board lacks, and the ones it reads.
pub fn check_languages(board: BoardName, articles: &[crate::pack::OwnedArticle]) -> Result<()> {
    let spec = board.spec();
    for a in articles {
        if epitome_firmware::protocol::article_options(&a.lang, spec.languages).is_err() {
            bail!(
                "article {} (\"{}\") is in language \"{}\", which the {} board does not read (it reads: {}; leave `lang` empty to have it detected among them)",
                a.id,
                a.title,
                a.lang,
                spec.name,
                spec.languages
            );
        }
    }
    Ok(())
}

/// The linker's "region FLASH overflowed by N bytes", if the build output says so.
pub fn flash_overflow(build_output: &str) -> Option<u64> {
    build_output.lines().filter(|l| l.contains("FLASH")).find_map(|l| {
        let rest = &l[l.find("overflowed by ")? + "overflowed by ".len()..];
        rest.split_whitespace().next()?.parse().ok()
    })
}

/// Checks that probe-rs runs (`probe-rs --version`).
///
/// Errors: it is not on `PATH` (with how to install it), or does not run.
pub fn check_probe_rs() -> Result<()> {
    match Command::new("probe-rs").arg("--version").output() {
        Ok(o) if o.status.success() => Ok(()),
        Ok(o) => {
            Err(anyhow!("`probe-rs --version` failed ({}): {}", o.status, String::from_utf8_lossy(&o.stderr).trim()))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(anyhow!(
            "probe-rs is not installed (not found on PATH): install it with `cargo install probe-rs-tools --locked` (about 10 minutes to build), see https://probe.rs"
        )),
        Err(e) => Err(e).context("starting probe-rs"),
    }
}

/// Runs the build step; returns the ELF it made.
///
/// Errors: cargo failed (its output is in the error), or the articles do
/// not fit the flash (the linker said by how much).
pub fn build(plan: &Plan) -> Result<PathBuf> {
    let out = plan.build.command().output().with_context(|| format!("starting `{}`", plan.build))?;
    if !out.status.success() {
        let stderr = String::from_utf8_lossy(&out.stderr);
        if let Some(over) = flash_overflow(&stderr) {
            bail!(
                "the articles do not fit the {} board's flash: the firmware with them is {over} bytes over its {} bytes",
                plan.board.spec().name,
                plan.board.spec().flash
            );
        }
        bail!("the firmware build failed ({}):\n{}", out.status, stderr.trim_end());
    }
    if !plan.elf.is_file() {
        bail!("the firmware build succeeded but {} is missing", plan.elf.display());
    }
    Ok(plan.elf.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_plan_builds_the_board_with_rtt_and_runs_probe_rs_on_its_elf() {
        let p = plan(
            BoardName::Stm32f405,
            "STM32F405RGTx",
            Some("0483:374b"),
            Path::new("/repo"),
            Path::new("/repo/target"),
            &"cargo".into(),
        );
        assert_eq!(
            p.build.to_string(),
            "EPITOME_CORPUS=/repo/target/epitome-flash/stm32f405.bin DEFMT_LOG=info cargo build --manifest-path /repo/Cargo.toml \
             -p epitome-board-stm32f405 --bin epitome-stm32f405 --profile flash --target thumbv7em-none-eabihf \
             --no-default-features --features rtt"
        );
        assert_eq!(
            p.run.to_string(),
            "probe-rs run --chip STM32F405RGTx --probe 0483:374b /repo/target/thumbv7em-none-eabihf/flash/epitome-stm32f405"
        );
    }

    #[test]
    fn arguments_with_spaces_are_quoted_for_the_shell() {
        let s = Step { env: vec![], program: "probe-rs".into(), args: vec!["my board's.elf".into()] };
        assert_eq!(s.to_string(), r"probe-rs 'my board'\''s.elf'");
    }

    #[test]
    fn the_linker_s_flash_overflow_is_read_from_the_build_output() {
        let out = "error: linking with `rust-lld` failed\n  = note: rust-lld: error: section '.rodata' will not fit in region 'FLASH': overflowed by 123456 bytes\n";
        assert_eq!(flash_overflow(out), Some(123_456));
        assert_eq!(flash_overflow("error[E0308]: mismatched types"), None);
    }

    #[test]
    fn a_bundle_larger_than_the_flash_is_refused_with_the_excess() {
        let flash = BoardName::Stm32f405.spec().flash;
        assert!(check_fits(BoardName::Stm32f405, flash).is_ok());
        let e = check_fits(BoardName::Stm32f405, flash + 10).unwrap_err().to_string();
        assert!(e.contains("10 bytes over"), "{e}");
    }

    #[test]
    fn an_article_the_board_cannot_read_is_refused_before_building() {
        use crate::pack::OwnedArticle;
        let article = |id, lang: &str| OwnedArticle {
            id,
            title: "T".into(),
            lang: lang.into(),
            body: "B.".into(),
            ..OwnedArticle::default()
        };
        let fine = [article(0, ""), article(1, "fr-FR"), article(2, "en"), article(3, "und")];
        assert!(check_languages(BoardName::Microbit, &fine).is_ok());
        let e = check_languages(BoardName::Microbit, &[article(0, "en"), article(5, "ja")]).unwrap_err().to_string();
        assert!(e.contains("article 5") && e.contains("\"ja\"") && e.contains("en fr de es it pt nl"), "{e}");
    }
}
