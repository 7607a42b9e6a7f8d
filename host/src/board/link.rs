//! The byte link to a board: the firmware under QEMU with its UART on a
//! local TCP connection, or a real board's serial port; frames in through
//! a reader thread, bytes out.

use std::io::{Read, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, anyhow, bail};

use super::process::{QemuGuard, settle_if_interrupted};

/// How to start the firmware under QEMU.
#[derive(Debug, Clone)]
pub struct QemuConfig {
    /// The firmware ELF.
    pub firmware: PathBuf,
    /// QEMU's `-machine` (the board's `BoardSpec::qemu_machine`).
    pub machine: String,
    /// The QEMU binary.
    pub qemu: PathBuf,
    /// Where QEMU's standard output (the raw defmt log) goes; discarded if `None`.
    pub log: Option<PathBuf>,
    /// Count instructions deterministically (`-icount shift=0,sleep=off`).
    pub icount: bool,
    /// Serve QEMU's machine protocol on this Unix socket (for screendumps).
    pub qmp: Option<PathBuf>,
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
    /// Starts the firmware under QEMU (`cfg.machine`) with its UART on a
    /// local TCP connection.
    ///
    /// Errors: QEMU missing or failing to start, no connection in 30 s.
    pub fn start_qemu(cfg: &QemuConfig) -> Result<Link> {
        if !cfg.firmware.is_file() {
            bail!(
                "firmware {} not found: build it with `cargo build -p PACKAGE --profile firmware --target TARGET` (firmware/README.md; `epitome board --board NAME` names them)",
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
        cmd.args(["-machine", &cfg.machine, "-display", "none", "-monitor", "none"])
            .args(["-semihosting-config", "enable=on,target=native"])
            .args(["-serial", &format!("tcp:127.0.0.1:{port},nodelay=on")])
            .arg("-kernel")
            .arg(&cfg.firmware)
            .stdin(Stdio::null())
            .stdout(stdout);
        if cfg.icount {
            cmd.args(["-icount", "shift=0,sleep=off"]);
        }
        if let Some(sock) = &cfg.qmp {
            cmd.arg("-qmp").arg(format!("unix:{},server=on,wait=off", sock.display()));
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
                    if let Some(status) = guard.try_exited()? {
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
            crate::output::warn(format!("warning: could not set {} to raw 115200 with stty", port.display()));
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

/// Bytes a second the board is assumed to take in at the least: half of
/// 115200 baud 8N1 (11,520 bytes a second), so that QEMU's slower moments
/// and a real UART both fit.
pub const SLOWEST_BYTES_PER_SECOND: u64 = 5_760;

/// How long to wait for the answers to `bytes` just sent: `base` (the
/// `--timeout`) plus the time the bytes themselves take at
/// [`SLOWEST_BYTES_PER_SECOND`], so that a 700 KB article (which the board
/// answers with Oversize only after reading it all) is not given up on.
///
/// ```
/// use std::time::Duration;
/// use epitome_host::board::link::answer_timeout;
/// assert_eq!(answer_timeout(Duration::from_secs(60), 100), Duration::from_secs(60));
/// assert!(answer_timeout(Duration::from_secs(60), 700_000) > Duration::from_secs(180));
/// ```
pub fn answer_timeout(base: Duration, bytes: usize) -> Duration {
    base + Duration::from_secs(u64::try_from(bytes).unwrap_or(u64::MAX) / SLOWEST_BYTES_PER_SECOND)
}
