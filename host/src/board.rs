//! The link to an Epitome board, for `epitome board`: the firmware under
//! QEMU (started and always stopped here) or a real board on a serial port,
//! and the host's own prediction of every frame the board must send back.
//!
//! The firmware's session (see `epitome_firmware::protocol`): it greets
//! with `Hello`, sends the digests of its flash corpus and their
//! multi-article digest, then answers every frame in order. The host
//! predicts each answer byte for byte with the same core, options and
//! buffer sizes ([`expected_replies`], [`expected_boot`]), so that a
//! difference between the Cortex-M and the desktop shows up as a mismatch.

use std::io::{Read, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, anyhow, bail};
use epitome::wire::{
    Article, Bundle, Digest, ErrorCode, ErrorFrame, FrameReader, FrameWriter, Message, WireError, decode_frame,
};
use epitome::{DefaultSummarizer, Error as CoreError};
use epitome_board_stm32f405::{CorpusDigest, MAX_FRAME, SCRATCH};
use epitome_firmware::protocol::{self, DIGEST_KEYWORDS, HANG_UP};

/// The firmware's greeting.
const HELLO: epitome::wire::Hello = protocol::hello(MAX_FRAME);

use crate::rng::SplitMix64;

/// Encodes `msg` as a complete frame (with its `0x00` delimiter), using a
/// scratch buffer of `scratch` bytes as the sender would.
///
/// Errors: [`WireError::BufferTooSmall`] if it does not fit `scratch`.
pub fn encode(msg: &Message<'_>, scratch: usize) -> Result<Vec<u8>, WireError> {
    let mut buf = vec![0u8; scratch];
    let mut out = vec![0u8; scratch + scratch / 254 + 16];
    let n = {
        let mut w: &mut [u8] = &mut out;
        FrameWriter::new(&mut w, &mut buf).send(msg)?
    };
    out.truncate(n);
    Ok(out)
}

/// An error frame as the firmware sends it.
fn error_frame(code: ErrorCode, article: u32) -> Vec<u8> {
    encode(&Message::Error(ErrorFrame { code, article }), SCRATCH).unwrap_or_default()
}

/// The firmware's answer to one article, computed on the host: the digest
/// of the core's summary with the firmware's options, or the error frame it
/// would send instead.
pub fn expected_answer(a: &Article<'_>, summarizer: &mut DefaultSummarizer) -> Vec<u8> {
    match summarizer.summarize(a.title, a.body, &protocol::options()) {
        Ok(summary) => match encode(&Message::Digest(Digest::from_summary(a.id, &summary)), SCRATCH) {
            Ok(frame) => frame,
            Err(_) => error_frame(ErrorCode::TooLarge, a.id),
        },
        Err(CoreError::InputTooLong | _) => error_frame(ErrorCode::Summarize, a.id),
    }
}

/// Every frame the firmware must send back for the byte stream `sent`, in
/// order: the host runs the same frame reader with the firmware's receive
/// buffer over the same bytes and answers as the firmware does.
pub fn expected_replies(sent: &[u8]) -> Vec<Vec<u8>> {
    let mut summarizer = Box::new(DefaultSummarizer::new());
    let mut buf = vec![0u8; MAX_FRAME];
    let mut reader = FrameReader::new(sent, &mut buf);
    let mut out = Vec::new();
    loop {
        match reader.next_frame() {
            Ok(None) => break,
            Ok(Some(Message::Article(a))) => out.push(expected_answer(&a, &mut summarizer)),
            Ok(Some(Message::Hello(h))) if h == HANG_UP => {}
            Ok(Some(Message::Hello(_))) => out.push(encode(&Message::Hello(HELLO), SCRATCH).unwrap_or_default()),
            Ok(Some(_)) => out.push(error_frame(ErrorCode::Unsupported, u32::MAX)),
            Err(e) => out.push(error_frame(e.into(), u32::MAX)),
        }
    }
    out
}

/// The frames the firmware sends at boot for its flash corpus `bundle`:
/// `Hello`, one digest per article, then the multi-article digest.
pub fn expected_boot(bundle: &Bundle<'_>) -> Result<Vec<Vec<u8>>> {
    let mut summarizer = Box::new(DefaultSummarizer::new());
    let mut builder = Box::new(CorpusDigest::new());
    let opts = protocol::options();
    let mut out = vec![encode(&Message::Hello(HELLO), SCRATCH)?];
    for a in bundle.iter() {
        out.push(expected_answer(&a, &mut summarizer));
        builder.feed_article(&a, &mut summarizer, &opts).map_err(|e| anyhow!("article {}: {e}", a.id))?;
    }
    out.push(encode(&Message::MultiDigest(builder.to_message(DIGEST_KEYWORDS)), SCRATCH)?);
    Ok(out)
}

/// The wire frame of `a` (as the host sends it).
pub fn article_frame(a: &Article<'_>) -> Result<Vec<u8>> {
    let need = a.title.len() + a.body.len() + a.source.len() + a.published.len() + a.lang.len() + 64;
    encode(&Message::Article(*a), need).map_err(|e| anyhow!("encoding article {}: {e}", a.id))
}

/// The hang-up frame.
pub fn hang_up_frame() -> Vec<u8> {
    encode(&Message::Hello(HANG_UP), 16).unwrap_or_default()
}

/// A hostile byte stream: at least `garbage` bytes of trouble — random
/// bytes, corrupted, truncated and oversize frames, wrong versions,
/// messages the firmware does not take — each closed by a `0x00` and
/// followed by one valid article frame from `frames`, in turn. Fixed by `seed`.
pub fn hostile_stream(seed: u64, frames: &[Vec<u8>], garbage: usize) -> Vec<u8> {
    let mut rng = SplitMix64::new(seed);
    let mut out = Vec::with_capacity(garbage * 2);
    let mut bad = 0usize;
    let mut i = 0usize;
    while bad < garbage && !frames.is_empty() {
        let good = &frames[i % frames.len()];
        i += 1;
        let start = out.len();
        match rng.below(6) {
            // Line noise, zeros included (several bad frames at once).
            0 | 1 => {
                for _ in 0..1 + rng.below(2048) {
                    let b = rng.next_u64() as u8;
                    out.push(if rng.below(64) == 0 { 0 } else { b });
                }
            }
            // A good frame with one byte changed (CRC, COBS or version error).
            2 => {
                let mut f = good[..good.len() - 1].to_vec();
                let at = rng.below(f.len());
                f[at] = f[at].wrapping_add(1 + rng.below(254) as u8).max(1);
                out.extend_from_slice(&f);
            }
            // A good frame cut short.
            3 => out.extend_from_slice(&good[..rng.below(good.len() - 1).max(1)]),
            // Longer than the firmware's buffer.
            4 => {
                for _ in 0..MAX_FRAME + 1 + rng.below(4096) {
                    out.push(1 + rng.below(255) as u8);
                }
            }
            // Valid frames the firmware must refuse or answer: a digest, a greeting.
            _ => {
                let msg = if rng.below(2) == 0 {
                    Message::Digest(Digest { article: 7, ..Digest::default() })
                } else {
                    Message::Hello(HELLO)
                };
                out.extend_from_slice(&encode(&msg, 64).unwrap_or_default());
            }
        }
        bad += out.len() - start;
        out.push(0);
        out.extend_from_slice(good);
    }
    out
}

/// A child process shared with the Ctrl-C handler; `None` once reaped.
type SharedChild = Arc<Mutex<Option<Child>>>;

/// Set by the Ctrl-C handler before it stops QEMU.
static INTERRUPTED: AtomicBool = AtomicBool::new(false);

/// After Ctrl-C the link fails because QEMU was stopped: leave the exit
/// (status 130) to the handler rather than report that as an error.
fn settle_if_interrupted() {
    while INTERRUPTED.load(Ordering::SeqCst) {
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Children that the Ctrl-C handler must kill.
fn children() -> &'static Mutex<Vec<SharedChild>> {
    static CHILDREN: OnceLock<Mutex<Vec<SharedChild>>> = OnceLock::new();
    CHILDREN.get_or_init(|| {
        // Ctrl-C, SIGTERM or SIGHUP: stop every QEMU we started, then exit.
        let _ = ctrlc::set_handler(|| {
            INTERRUPTED.store(true, Ordering::SeqCst);
            if let Ok(all) = children().lock() {
                for c in all.iter() {
                    if let Ok(mut c) = c.lock()
                        && let Some(mut child) = c.take()
                    {
                        let _ = child.kill();
                        let _ = child.wait();
                    }
                }
            }
            eprintln!("epitome: interrupted");
            std::process::exit(130);
        });
        Mutex::new(Vec::new())
    })
}

/// Installs the Ctrl-C/SIGTERM/SIGHUP handler that stops every QEMU this
/// process started and exits with status 130 (also called by [`Link::start_qemu`]).
pub fn install_interrupt_handler() {
    children();
}

/// A QEMU process that is killed when this guard is dropped (every exit
/// path, including errors and panics) or on Ctrl-C.
#[derive(Debug)]
pub struct QemuGuard {
    child: SharedChild,
}

impl QemuGuard {
    fn new(child: Child) -> Self {
        let child = Arc::new(Mutex::new(Some(child)));
        if let Ok(mut all) = children().lock() {
            all.push(Arc::clone(&child));
        }
        QemuGuard { child }
    }

    /// Waits up to `timeout` for QEMU to exit by itself; kills it otherwise.
    pub fn wait(&self, timeout: Duration) -> Result<ExitStatus> {
        let deadline = Instant::now() + timeout;
        loop {
            {
                let mut guard = self.child.lock().map_err(|_| anyhow!("QEMU handle poisoned"))?;
                let Some(child) = guard.as_mut() else { bail!("QEMU was already stopped") };
                if let Some(status) = child.try_wait()? {
                    guard.take();
                    return Ok(status);
                }
            }
            if Instant::now() >= deadline {
                self.kill();
                bail!("the firmware did not exit within {} s of the hang-up", timeout.as_secs());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Kills QEMU if it still runs.
    pub fn kill(&self) {
        if let Ok(mut guard) = self.child.lock()
            && let Some(mut child) = guard.take()
        {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

impl Drop for QemuGuard {
    fn drop(&mut self) {
        self.kill();
        if let Ok(mut all) = children().lock() {
            all.retain(|c| !Arc::ptr_eq(c, &self.child));
        }
    }
}

/// How to start the firmware under QEMU.
#[derive(Debug, Clone)]
pub struct QemuConfig {
    /// The firmware ELF.
    pub firmware: PathBuf,
    /// The QEMU binary.
    pub qemu: PathBuf,
    /// Where QEMU's standard output (the raw defmt log) goes; discarded if `None`.
    pub log: Option<PathBuf>,
    /// Count instructions deterministically (`-icount shift=0,sleep=off`).
    pub icount: bool,
}

/// An open link to a board: frames in through a reader thread, bytes out.
pub struct Link {
    out: Box<dyn Write + Send>,
    frames: Receiver<std::io::Result<Vec<u8>>>,
    qemu: Option<QemuGuard>,
}

impl std::fmt::Debug for Link {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Link").field("qemu", &self.qemu).finish_non_exhaustive()
    }
}

/// Splits the bytes of `input` into frames (each with its `0x00`) for `tx`.
fn spawn_reader(mut input: impl Read + Send + 'static) -> Receiver<std::io::Result<Vec<u8>>> {
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        let mut frame = Vec::new();
        let mut buf = [0u8; 4096];
        loop {
            match input.read(&mut buf) {
                Ok(0) => {
                    let _ = tx.send(Err(std::io::ErrorKind::UnexpectedEof.into()));
                    return;
                }
                Ok(n) => {
                    for &b in &buf[..n] {
                        frame.push(b);
                        if b == 0 {
                            if frame.len() > 1 && tx.send(Ok(std::mem::take(&mut frame))).is_err() {
                                return;
                            }
                            frame.clear();
                        }
                    }
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => {
                    let _ = tx.send(Err(e));
                    return;
                }
            }
        }
    });
    rx
}

impl Link {
    /// Starts the firmware under QEMU (`netduinoplus2`) with its USART1 on
    /// a local TCP connection.
    ///
    /// Errors: QEMU missing or failing to start, no connection in 30 s.
    pub fn start_qemu(cfg: &QemuConfig) -> Result<Link> {
        if !cfg.firmware.is_file() {
            bail!(
                "firmware {} not found: build it with `cargo build -p epitome-board-stm32f405 --profile firmware --target thumbv7em-none-eabihf`",
                cfg.firmware.display()
            );
        }
        let listener = TcpListener::bind("127.0.0.1:0").context("opening a local port for the board's UART")?;
        let port = listener.local_addr()?.port();
        let stdout = match &cfg.log {
            Some(p) => Stdio::from(std::fs::File::create(p).with_context(|| format!("creating {}", p.display()))?),
            None => Stdio::null(),
        };
        let mut cmd = Command::new(&cfg.qemu);
        cmd.args(["-machine", "netduinoplus2", "-display", "none", "-monitor", "none"])
            .args(["-semihosting-config", "enable=on,target=native"])
            .args(["-serial", &format!("tcp:127.0.0.1:{port},nodelay=on")])
            .arg("-kernel")
            .arg(&cfg.firmware)
            .stdin(Stdio::null())
            .stdout(stdout);
        if cfg.icount {
            cmd.args(["-icount", "shift=0,sleep=off"]);
        }
        let child = cmd.spawn().with_context(|| {
            format!("starting {} (install it with `apt-get install qemu-system-arm`)", cfg.qemu.display())
        })?;
        let guard = QemuGuard::new(child);
        listener.set_nonblocking(true)?;
        let deadline = Instant::now() + Duration::from_secs(30);
        let stream = loop {
            match listener.accept() {
                Ok((s, _)) => break s,
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                    if let Ok(mut c) = guard.child.lock()
                        && let Some(child) = c.as_mut()
                        && let Some(status) = child.try_wait()?
                    {
                        c.take();
                        bail!("QEMU exited before connecting its UART ({status})");
                    }
                    if Instant::now() >= deadline {
                        bail!("QEMU did not connect its UART within 30 s");
                    }
                    std::thread::sleep(Duration::from_millis(10));
                }
                Err(e) => return Err(e).context("waiting for QEMU's UART connection"),
            }
        };
        stream.set_nonblocking(false)?;
        stream.set_nodelay(true)?;
        let frames = spawn_reader(stream.try_clone()?);
        Ok(Link { out: Box::new(stream), frames, qemu: Some(guard) })
    }

    /// Opens a real board's serial port (set to raw 115200 8N1 with `stty`).
    ///
    /// Errors: the port cannot be opened.
    pub fn serial(port: &Path) -> Result<Link> {
        let stty = Command::new("stty").arg("-F").arg(port).args(["115200", "raw", "-echo"]).status();
        if !matches!(stty, Ok(s) if s.success()) {
            eprintln!("epitome: warning: could not set {} to raw 115200 with stty", port.display());
        }
        let f = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open(port)
            .with_context(|| format!("opening {}", port.display()))?;
        let frames = spawn_reader(f.try_clone()?);
        Ok(Link { out: Box::new(f), frames, qemu: None })
    }

    /// Sends raw bytes.
    ///
    /// Errors: the link is closed.
    pub fn send(&mut self, bytes: &[u8]) -> Result<()> {
        let r = self.out.write_all(bytes).and_then(|()| self.out.flush());
        if r.is_err() {
            settle_if_interrupted();
        }
        r.context("writing to the board")
    }

    /// The next frame from the board (with its `0x00`).
    ///
    /// Errors: nothing within `timeout`, or the link closed.
    pub fn recv(&mut self, timeout: Duration) -> Result<Vec<u8>> {
        let r = self.frames.recv_timeout(timeout);
        if !matches!(r, Ok(Ok(_))) {
            settle_if_interrupted();
        }
        match r {
            Ok(Ok(f)) => Ok(f),
            Ok(Err(e)) => Err(anyhow!("the board's UART closed: {e}")),
            Err(RecvTimeoutError::Timeout) => bail!("no frame from the board within {} s", timeout.as_secs()),
            Err(RecvTimeoutError::Disconnected) => bail!("the board's UART closed"),
        }
    }

    /// The QEMU process, if this link started one.
    pub fn qemu(&self) -> Option<&QemuGuard> {
        self.qemu.as_ref()
    }
}

/// A frame from the board, decoded for printing.
pub fn describe(frame: &[u8]) -> String {
    let mut raw = frame.strip_suffix(&[0]).unwrap_or(frame).to_vec();
    match decode_frame(&mut raw) {
        Ok(Message::Hello(h)) => format!("hello: the board takes frames of up to {} bytes", h.max_frame),
        Ok(Message::Digest(d)) => {
            let mut s = format!("article {}:", d.article);
            for x in &d.sentences {
                s.push_str("\n  - ");
                s.push_str(&x.text.split_whitespace().collect::<Vec<_>>().join(" "));
            }
            let kws: Vec<&str> = d.keywords.iter().map(|k| k.text).collect();
            s.push_str(&format!("\n  keywords: {}", kws.join(", ")));
            s
        }
        Ok(Message::MultiDigest(d)) => {
            let mut s = format!("digest of {} articles:", d.articles);
            for x in &d.sentences {
                s.push_str(&format!(
                    "\n  - [{}] {}",
                    x.article,
                    x.text.split_whitespace().collect::<Vec<_>>().join(" ")
                ));
            }
            let kws: Vec<&str> = d.keywords.iter().map(|k| k.text).collect();
            s.push_str(&format!("\n  keywords: {}", kws.join(", ")));
            s
        }
        Ok(Message::Error(e)) if e.article == u32::MAX => format!("error: {:?}", e.code),
        Ok(Message::Error(e)) => format!("error for article {}: {:?}", e.article, e.code),
        Ok(other) => format!("unexpected message: {other:?}"),
        Err(e) => format!("undecodable frame ({e}): {} bytes", frame.len()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(id: u32, body: &str) -> Article<'_> {
        Article { id, title: "Council approves bridge", body, ..Article::default() }
    }

    const BODY: &str = "The city council approved a new bridge over the river on Monday. \
        The bridge will cost $40m and open in 2028. Council members said the river crossing would cut traffic.";

    #[test]
    fn replies_follow_the_stream_in_order() {
        let good = article_frame(&article(5, BODY)).unwrap();
        let mut stream = vec![1, 2, 3, 0];
        stream.extend_from_slice(&good);
        stream.extend_from_slice(&hang_up_frame());
        let replies = expected_replies(&stream);
        assert_eq!(replies.len(), 2, "one error, one digest, nothing for the hang-up");
        assert!(describe(&replies[0]).starts_with("error:"), "{}", describe(&replies[0]));
        assert!(describe(&replies[1]).starts_with("article 5:"), "{}", describe(&replies[1]));
        assert_eq!(replies[1], expected_answer(&article(5, BODY), &mut DefaultSummarizer::new()));
    }

    #[test]
    fn oversize_article_gets_an_oversize_error() {
        let body = "word ".repeat(MAX_FRAME / 5 + 10);
        let frame = article_frame(&article(9, &body)).unwrap();
        let replies = expected_replies(&frame);
        assert_eq!(replies, vec![error_frame(ErrorCode::Oversize, u32::MAX)]);
    }

    #[test]
    fn hostile_stream_is_fixed_by_its_seed_and_keeps_every_good_frame() {
        let frames = vec![article_frame(&article(1, BODY)).unwrap(), article_frame(&article(2, BODY)).unwrap()];
        let a = hostile_stream(42, &frames, 100_000);
        assert_eq!(a, hostile_stream(42, &frames, 100_000));
        assert_ne!(a, hostile_stream(43, &frames, 100_000));
        let replies = expected_replies(&a);
        let digests = replies.iter().filter(|r| describe(r).starts_with("article ")).count();
        let errors = replies.iter().filter(|r| describe(r).starts_with("error")).count();
        let rounds = a.windows(frames[0].len()).filter(|w| *w == frames[0] || *w == frames[1]).count();
        assert_eq!(digests, rounds, "every good frame answered");
        assert!(errors >= rounds / 2, "errors {errors}, rounds {rounds}");
    }

    #[test]
    fn boot_frames_are_hello_digests_and_the_multi_digest() {
        let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../firmware/corpus/sample.bin")).unwrap();
        let bundle = Bundle::from_bytes(&bytes).unwrap();
        let boot = expected_boot(&bundle).unwrap();
        assert_eq!(boot.len(), bundle.len() + 2);
        assert!(describe(&boot[0]).starts_with("hello"));
        assert!(describe(boot.last().unwrap()).starts_with("digest of 4 articles"));
    }
}
