//! `epitome board`: send articles to the firmware (under QEMU or on a
//! serial port), print the digests it answers, optionally check each one
//! byte for byte against the host's own computation.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};

use epitome::wire::Message;
use epitome_firmware::protocol;

use crate::board::{self, FrameKind, Link, QemuConfig};
use crate::cli::BoardArgs;
use crate::qmp::Qmp;
use crate::{pack, screen};

/// Runs the command: the frames to send, the link, then the session's
/// phases in order (boot, screenshot, replies) and a summary line.
pub fn run(args: &BoardArgs, out: &mut impl Write) -> Result<ExitCode> {
    board::install_interrupt_handler();
    let (stream, segments) = session_stream(args)?;
    let boot_expected = if args.check { Some(expected_boot(args)?) } else { None };
    let spec = args.board.spec();
    if args.screenshot.is_some() && !spec.display {
        bail!("board {} has no display to take a screenshot of", spec.name);
    }
    let qmp_socket = args.screenshot.as_ref().map(|_| tempfile::tempdir()).transpose()?;
    let mut link = open_link(args, qmp_socket.as_ref().map(|d| d.path().join("qmp.sock")))?;
    let timeout = Duration::from_secs(args.timeout);
    let mut checker = Checker { quiet: args.quiet, mismatches: 0 };

    let boot = receive_boot(&mut link, boot_expected.as_deref(), timeout, &mut checker, out)?;
    if let (Some(png), Some(dir)) = (&args.screenshot, &qmp_socket) {
        checker.mismatches += screenshot(args, &mut link, dir.path(), png, timeout, out)?;
    }
    let answers = exchange(args, &mut link, &segments, timeout, &mut checker, out)?;
    hang_up(&mut link, timeout)?;

    let mismatches = checker.mismatches;
    writeln!(
        out,
        "board: {boot} boot frames, {} bytes sent, {answers}{}",
        stream.len(),
        if args.check { format!(", {mismatches} differing from the host") } else { String::new() }
    )?;
    if mismatches > 0 {
        bail!("{mismatches} frames from the board differ from the host's");
    }
    Ok(ExitCode::SUCCESS)
}

/// The bytes sent to the board (the articles' frames, inside a hostile
/// stream with `--garbage`) and the same bytes cut after each good frame:
/// each segment ends at a delimiter, so its replies can be predicted alone,
/// and the host waits for them before sending on.
fn session_stream(args: &BoardArgs) -> Result<(Vec<u8>, Vec<Vec<u8>>)> {
    let articles = crate::files::load_all(&args.inputs, args.limits.limits())?;
    let frames = articles.iter().map(|a| board::article_frame(&a.as_wire())).collect::<Result<Vec<_>>>()?;
    let stream: Vec<u8> = if args.garbage > 0 {
        board::hostile_stream(args.seed, &frames, args.garbage, args.board.spec().max_frame)
    } else {
        frames.concat()
    };
    let segments = split_after_frames(&stream, &frames);
    Ok((stream, segments))
}

/// The boot frames the firmware sends with the flash corpus of `--corpus`
/// (for `--check`).
fn expected_boot(args: &BoardArgs) -> Result<Vec<Vec<u8>>> {
    let bytes = std::fs::read(&args.corpus)
        .with_context(|| format!("reading the firmware's flash corpus {} (for --check)", args.corpus.display()))?;
    let bundle = pack::open_bundle(&args.corpus, &bytes)?;
    board::expected_boot(args.board, &bundle)
}

/// The serial port of `--port`, else the firmware started under QEMU (with
/// a QMP socket at `qmp` for screenshots).
fn open_link(args: &BoardArgs, qmp: Option<PathBuf>) -> Result<Link> {
    match &args.port {
        Some(port) => Link::serial(port),
        None => Link::start_qemu(&QemuConfig {
            firmware: args.firmware.clone().unwrap_or_else(|| args.board.elf()),
            machine: args.board.spec().qemu_machine.to_owned(),
            qemu: args.qemu.clone(),
            log: args.log.clone(),
            icount: args.icount,
            qmp,
        }),
    }
}

/// Prints the frames the board sends (unless `--quiet`) and counts those
/// that differ from the host's.
struct Checker {
    quiet: bool,
    mismatches: usize,
}

impl Checker {
    /// Prints `got`; counts a mismatch if `want` is given and differs.
    fn frame(&mut self, got: &[u8], want: Option<&[u8]>, out: &mut impl Write) -> Result<()> {
        if !self.quiet {
            writeln!(out, "{}", board::describe(got))?;
        }
        if let Some(want) = want
            && want != got
        {
            writeln!(out, "MISMATCH: expected {}", board::describe(want))?;
            self.mismatches += 1;
        }
        Ok(())
    }
}

/// Boot: hello, the flash corpus's digests, the multi-article digest
/// (last), each checked against `expected` when given; returns the number
/// of frames received.
fn receive_boot(
    link: &mut Link,
    expected: Option<&[Vec<u8>]>,
    timeout: Duration,
    checker: &mut Checker,
    out: &mut impl Write,
) -> Result<usize> {
    let mut boot = 0usize;
    loop {
        let f = link.recv(timeout).context("waiting for the firmware's boot digests")?;
        match expected.map(|b| b.get(boot)) {
            Some(None) => {
                checker.mismatches += 1;
                writeln!(out, "MISMATCH: unexpected boot frame: {}", board::describe(&f))?;
            }
            want => checker.frame(&f, want.flatten().map(Vec::as_slice), out)?,
        }
        boot += 1;
        if board::kind(&f) == FrameKind::MultiDigest {
            break;
        }
    }
    if let Some(b) = expected
        && boot < b.len()
    {
        checker.mismatches += b.len() - boot;
        writeln!(out, "MISMATCH: {} boot frames expected, {boot} received", b.len())?;
    }
    Ok(boot)
}

/// What the board answered to the articles.
struct Answers {
    replies: usize,
    digests: usize,
    errors: usize,
}

impl std::fmt::Display for Answers {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} answers ({} digests, {} error frames)", self.replies, self.digests, self.errors)
    }
}

/// Replies: sends each segment, then receives as many frames as the host
/// predicts for it (checked with `--check`).
fn exchange(
    args: &BoardArgs,
    link: &mut Link,
    segments: &[Vec<u8>],
    timeout: Duration,
    checker: &mut Checker,
    out: &mut impl Write,
) -> Result<Answers> {
    let mut answers = Answers { replies: 0, digests: 0, errors: 0 };
    for seg in segments {
        let want = board::expected_replies(args.board, seg)?;
        link.send(seg)?;
        for w in &want {
            let f = link
                .recv(board::link::answer_timeout(timeout, seg.len()))
                .context("waiting for the firmware's answer")?;
            checker.frame(&f, args.check.then_some(w.as_slice()), out)?;
            answers.replies += 1;
            let what = board::kind(&f);
            answers.digests += usize::from(what == FrameKind::Digest);
            answers.errors += usize::from(what == FrameKind::Error);
        }
    }
    Ok(answers)
}

/// Ends the session: the hang-up frame, then (under QEMU) the firmware's
/// exit, which must be a success.
fn hang_up(link: &mut Link, timeout: Duration) -> Result<()> {
    link.send(&board::hang_up_frame())?;
    if let Some(q) = link.qemu() {
        let status = q.wait(timeout)?;
        if !status.success() {
            bail!("the firmware exited with {status} (its defmt log tells why; see --log)");
        }
    }
    Ok(())
}

/// Saves the board's display as `png` once page `--screen-page` is drawn,
/// and with `--check` compares it with the host's own page of the flash
/// corpus; returns 1 if they differ.
///
/// The firmware draws its first page before it serves, so the answer to a
/// `Hello` sent now comes after the drawing. Later pages follow presses of
/// the board's "right" button, which the firmware sees while it waits for
/// bytes: the host takes screendumps until the page is there (with
/// `--check`), or half a second after the last press.
fn screenshot(
    args: &BoardArgs,
    link: &mut Link,
    dir: &Path,
    png: &Path,
    timeout: Duration,
    out: &mut impl Write,
) -> Result<usize> {
    let spec = args.board.spec();
    let hello = board::encode(&Message::Hello(protocol::hello(spec.max_frame, spec.languages)), 64)?;
    link.send(&hello)?;
    let f = link.recv(timeout).context("waiting for the firmware's Hello")?;
    if board::kind(&f) != FrameKind::Hello {
        bail!("the firmware answered a Hello with {}", board::describe(&f));
    }
    let page = usize::from(args.screen_page);
    let frames = if args.check {
        let bytes = std::fs::read(&args.corpus).with_context(|| format!("reading {}", args.corpus.display()))?;
        let corpus: Vec<_> = pack::open_bundle(&args.corpus, &bytes)?.iter().collect();
        let frames = screen::render(args.board, &corpus, epitome_screen::Screen::OLED_128X64)?;
        if page > frames.len() {
            bail!("page {page} does not exist: {} pages", frames.len());
        }
        Some(frames)
    } else {
        None
    };
    let mut qmp = Qmp::connect(&dir.join("qmp.sock"), timeout)?;
    let ppm = dir.join("screen.ppm");
    let shot = |qmp: &mut Qmp, want: Option<&screen::Frame>| -> Result<(screen::Grey, Option<usize>)> {
        // One press at a time, each waited for: presses in quick succession merge.
        let deadline = Instant::now() + timeout.min(Duration::from_secs(10));
        loop {
            qmp.screendump(&ppm)?;
            let picture = screen::read_picture(&ppm)?;
            let differ = want.map(|w| screen::differing_pixels(&picture, w)).transpose()?;
            if differ.unwrap_or(0) == 0 || Instant::now() >= deadline {
                return Ok((picture, differ));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    };
    let mut result = shot(&mut qmp, frames.as_ref().map(|f| &f[0]))?;
    for k in 2..=page {
        qmp.send_key("right")?;
        if frames.is_none() {
            std::thread::sleep(Duration::from_millis(500));
        }
        result = shot(&mut qmp, frames.as_ref().map(|f| &f[k - 1]))?;
    }
    let (picture, differ) = result;
    screen::write_grey_png(png, &picture)?;
    write!(out, "screenshot: {} (page {page}, {}x{})", png.display(), picture.width, picture.height)?;
    match differ {
        Some(d) => writeln!(
            out,
            ", {d} display pixels differing from `epitome screen {} --page {page}`",
            args.corpus.display()
        )?,
        None => writeln!(out)?,
    }
    Ok(usize::from(differ.unwrap_or(0) > 0))
}

/// Cuts `stream` after every occurrence of a frame of `frames` (at most one
/// cut per position), keeping any tail as a last segment.
fn split_after_frames(stream: &[u8], frames: &[Vec<u8>]) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let mut from = 0;
    let mut at = 0;
    'scan: while at < stream.len() {
        for f in frames {
            if !f.is_empty() && stream[at..].starts_with(f) && (at == 0 || stream[at - 1] == 0) {
                at += f.len();
                out.push(stream[from..at].to_vec());
                from = at;
                continue 'scan;
            }
        }
        at += 1;
    }
    if from < stream.len() {
        out.push(stream[from..].to_vec());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_after_each_good_frame() {
        let frames = vec![vec![5, 6, 0], vec![7, 0]];
        let stream = [1, 0, 5, 6, 0, 9, 9, 0, 7, 0, 3];
        assert_eq!(split_after_frames(&stream, &frames), vec![vec![1, 0, 5, 6, 0], vec![9, 9, 0, 7, 0], vec![3]]);
    }
}
