//! `epitome board`: send articles to the firmware (under QEMU or on a
//! serial port), print the digests it answers, optionally check each one
//! byte for byte against the host's own computation.

use std::io::Write;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};

use epitome::wire::Message;
use epitome_firmware::protocol;

use crate::board::{self, FrameKind, Link, QemuConfig};
use crate::cli::BoardArgs;
use crate::qmp::Qmp;
use crate::{pack, screen};

/// Runs the command.
pub fn run(args: &BoardArgs, out: &mut impl Write) -> Result<ExitCode> {
    board::install_interrupt_handler();
    let articles = crate::files::load_all(&args.inputs, args.limits.limits())?;
    let frames = articles.iter().map(|a| board::article_frame(&a.as_wire())).collect::<Result<Vec<_>>>()?;
    let spec = args.board.spec();
    let stream: Vec<u8> = if args.garbage > 0 {
        board::hostile_stream(args.seed, &frames, args.garbage, spec.max_frame)
    } else {
        frames.concat()
    };
    // Each segment ends with a good frame (so at a delimiter): its replies
    // can be predicted alone, and the host waits for them before sending on.
    let segments = split_after_frames(&stream, &frames);

    let boot_expected = if args.check {
        let bytes = std::fs::read(&args.corpus)
            .with_context(|| format!("reading the firmware's flash corpus {} (for --check)", args.corpus.display()))?;
        let bundle = pack::open_bundle(&args.corpus, &bytes)?;
        Some(board::expected_boot(args.board, &bundle)?)
    } else {
        None
    };

    if args.screenshot.is_some() && !spec.display {
        bail!("board {} has no display to take a screenshot of", spec.name);
    }
    let qmp_socket = args.screenshot.as_ref().map(|_| tempfile::tempdir()).transpose()?;
    let mut link = match &args.port {
        Some(port) => Link::serial(port)?,
        None => Link::start_qemu(&QemuConfig {
            firmware: args.firmware.clone().unwrap_or_else(|| args.board.elf()),
            machine: spec.qemu_machine.to_owned(),
            qemu: args.qemu.clone(),
            log: args.log.clone(),
            icount: args.icount,
            qmp: qmp_socket.as_ref().map(|d| d.path().join("qmp.sock")),
        })?,
    };
    let timeout = Duration::from_secs(args.timeout);
    let mut mismatches = 0usize;
    // Prints a frame; true if it differs from the expected one.
    let check = |got: &[u8], want: Option<&Vec<u8>>, out: &mut dyn Write| -> Result<bool> {
        if !args.quiet {
            writeln!(out, "{}", board::describe(got))?;
        }
        if let Some(want) = want
            && want.as_slice() != got
        {
            writeln!(out, "MISMATCH: expected {}", board::describe(want))?;
            return Ok(true);
        }
        Ok(false)
    };

    // Boot: hello, the flash corpus's digests, the multi-article digest (last).
    let mut boot = 0usize;
    loop {
        let f = link.recv(timeout).context("waiting for the firmware's boot digests")?;
        match boot_expected.as_ref().map(|b| b.get(boot)) {
            Some(None) => {
                mismatches += 1;
                writeln!(out, "MISMATCH: unexpected boot frame: {}", board::describe(&f))?;
            }
            want => mismatches += usize::from(check(&f, want.flatten(), out)?),
        }
        boot += 1;
        if board::kind(&f) == FrameKind::MultiDigest {
            break;
        }
    }
    if let Some(b) = &boot_expected
        && boot < b.len()
    {
        mismatches += b.len() - boot;
        writeln!(out, "MISMATCH: {} boot frames expected, {boot} received", b.len())?;
    }

    if let (Some(png), Some(dir)) = (&args.screenshot, &qmp_socket) {
        mismatches += screenshot(args, &mut link, dir.path(), png, timeout, out)?;
    }

    let (mut replies, mut digests, mut errors) = (0usize, 0usize, 0usize);
    for seg in &segments {
        let want = board::expected_replies(args.board, seg)?;
        link.send(seg)?;
        for w in &want {
            let f = link.recv(timeout).context("waiting for the firmware's answer")?;
            mismatches += usize::from(check(&f, args.check.then_some(w), out)?);
            replies += 1;
            let what = board::kind(&f);
            digests += usize::from(what == FrameKind::Digest);
            errors += usize::from(what == FrameKind::Error);
        }
    }
    link.send(&board::hang_up_frame())?;
    if let Some(q) = link.qemu() {
        let status = q.wait(timeout)?;
        if !status.success() {
            bail!("the firmware exited with {status} (its defmt log tells why; see --log)");
        }
    }
    writeln!(
        out,
        "board: {boot} boot frames, {} bytes sent, {replies} answers ({digests} digests, {errors} error frames){}",
        stream.len(),
        if args.check { format!(", {mismatches} differing from the host") } else { String::new() }
    )?;
    if mismatches > 0 {
        bail!("{mismatches} frames from the board differ from the host's");
    }
    Ok(ExitCode::SUCCESS)
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
    dir: &std::path::Path,
    png: &std::path::Path,
    timeout: Duration,
    out: &mut impl Write,
) -> Result<usize> {
    let hello = board::encode(&Message::Hello(protocol::hello(args.board.spec().max_frame)), 64)?;
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
