//! The firmware's runtime on a bare-metal target, the same for every board:
//! the log transport and exit (features `qemu` / `rtt`), the panic and
//! HardFault handlers, measuring (instructions, stack painting) and the
//! main loop, [`run`]. A board supplies its UART and clock ([`Board`]) and
//! its buffers; its binary is one call to [`run`].
//!
//! At boot it digests the corpus bundle linked into flash ([`CORPUS`]),
//! logging every digest with defmt and sending it on the UART, then serves
//! article frames on the UART: see [`crate::protocol`]. It logs, for each
//! article, the instructions spent summarizing and the stack depth reached,
//! and under QEMU exits on the host's hang-up with status 0 — or 1 if the
//! stack went past the board's bound.

pub mod measure;

#[cfg(all(feature = "qemu", feature = "rtt"))]
compile_error!("choose one board log transport: feature `qemu` (default) or `rtt` (with --no-default-features)");
#[cfg(not(any(feature = "qemu", feature = "rtt")))]
compile_error!("choose a board log transport: feature `qemu` or `rtt`");

use cortex_m_rt::{ExceptionFrame, exception};
use defmt::{error, info, warn};
#[cfg(feature = "rtt")]
use defmt_rtt as _;
#[cfg(feature = "qemu")]
use defmt_semihosting as _;
use embedded_io::{Read, Write};
use epitome::LanguageSet;
use epitome::digest::DigestBuilder;
use epitome::wire::{Bundle, FrameReader, MultiDigest};

use crate::offline;
use crate::session::{Clock, Event, Session};
use crate::workspace::Summarize;

/// The corpus bundle in flash (see build.rs).
pub static CORPUS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"));

/// Under QEMU a hang-up ends the run, so that tests get an exit code; a
/// real board keeps serving the next peer.
pub const EXIT_ON_HANG_UP: bool = cfg!(feature = "qemu");

/// What a board supplies to the runtime.
pub trait Board {
    /// The board's name in the log.
    const NAME: &'static str;
    /// The documented bound on stack depth; the firmware checks itself
    /// against it after every frame.
    const STACK_BOUND: usize;
    /// The UART's receiving half.
    type Rx: Read;
    /// The UART's sending half.
    type Tx: Write;
    /// The instruction counter.
    type Clock: Clock;
    /// The languages it reads: its `SPEC.languages`, which must be those
    /// its Cargo features compile into the core ([`run`] checks at build
    /// time).
    const LANGUAGES: LanguageSet;
    /// Brings up the UART and the clock.
    fn init(cp: cortex_m::Peripherals) -> (Self::Rx, Self::Tx, Self::Clock);
    /// True if the board has a display: [`Board::show`] is then called once
    /// after the offline digest, before serving.
    const DISPLAY: bool = false;
    /// Shows the offline digest of the flash corpus (a board with a display
    /// draws it; the receiving half may keep what it needs to page through
    /// it while it waits for bytes).
    fn show(_rx: &mut Self::Rx, _digest: &MultiDigest<'static>) {}
}

/// Ends the program: under QEMU, the process exits with `code` (semihosting
/// `SYS_EXIT_EXTENDED`); on a board, it waits for the debugger.
pub fn exit(code: i32) -> ! {
    #[cfg(feature = "qemu")]
    semihosting::process::exit(code);
    #[cfg(feature = "rtt")]
    {
        let _ = code;
        loop {
            cortex_m::asm::bkpt();
        }
    }
}

/// Runs the firmware on board `B` with its workspace, corpus digest builder
/// and receive (`rx_buf`, its length announced in `Hello`) and send
/// buffers. Never returns; under QEMU the hang-up exits.
pub fn run<B: Board, Z: Summarize, const K: usize, const KW: usize>(
    summarizer: &'static mut Z,
    digest: &'static mut DigestBuilder<'static, K, KW>,
    rx_buf: &'static mut [u8],
    tx_buf: &'static mut [u8],
) -> ! {
    // One home for the board's languages: the constant the host predicts
    // with must be what this build carries.
    const {
        assert!(
            B::LANGUAGES.bits() == LanguageSet::COMPILED.bits(),
            "the board's LANGUAGES differ from the languages its Cargo features compile in"
        )
    };
    let Some(cp) = cortex_m::Peripherals::take() else { exit(2) };
    let (mut rx, tx, clock) = B::init(cp);
    info!("epitome firmware {=str} on {=str}", env!("CARGO_PKG_VERSION"), B::NAME);
    info!("languages: {}", B::LANGUAGES);
    info!(
        "workspace {=usize} bytes (size_of the board's Workspace), receive buffer {=usize}, send buffer {=usize}",
        core::mem::size_of::<Z>(),
        rx_buf.len(),
        tx_buf.len()
    );

    let hello = crate::protocol::hello(rx_buf.len(), B::LANGUAGES);
    let mut session = Session::new(tx, tx_buf, summarizer, clock, hello);
    if session.greet().is_err() {
        error!("cannot write to the UART");
        exit(1);
    }

    let mut failed = !boot_digest(&mut session, digest);
    if B::DISPLAY {
        show::<B, K, KW>(&mut rx, digest);
    }

    let mut peak = measure::stack_used();
    info!("stack after boot and offline digest: {=usize} bytes", peak);
    let mut reader = FrameReader::new(rx, rx_buf);
    let (mut answered, mut rejected) = (0u32, 0u32);
    loop {
        measure::repaint();
        let frame = reader.next_frame();
        let event = session.handle(frame);
        let used = measure::stack_used();
        peak = peak.max(used);
        if used > B::STACK_BOUND {
            error!("stack depth {=usize} bytes is over the bound of {=usize}", used, B::STACK_BOUND);
            failed = true;
        }
        match event {
            Ok(Event::Digest { article, body_bytes, sentences, flags, instructions }) => {
                answered += 1;
                info!(
                    "article {=u32}: {=usize} bytes, {=usize} sentences, flags {=u8:#x}, {=u64} instructions, stack {=usize} bytes",
                    article,
                    body_bytes,
                    sentences,
                    flags.bits(),
                    instructions,
                    used
                );
            }
            Ok(Event::Rejected(e)) => {
                rejected += 1;
                warn!("rejected a frame: {}", e.code);
            }
            Ok(Event::Greeted) => info!("hello from the host"),
            Ok(Event::EndOfStream) => {}
            Ok(Event::HangUp) => {
                info!(
                    "hang-up: {=u32} articles answered, {=u32} frames rejected, peak stack {=usize} bytes (bound {=usize})",
                    answered,
                    rejected,
                    peak,
                    B::STACK_BOUND
                );
                if EXIT_ON_HANG_UP {
                    exit(i32::from(failed));
                }
            }
            Err(e) => {
                error!("UART write failed: {}", e);
                failed = true;
            }
        }
    }
}

/// Hands the digest the host was sent to the board's display (its own
/// frame: the message is over a kilobyte).
#[inline(never)]
fn show<B: Board, const K: usize, const KW: usize>(rx: &mut B::Rx, digest: &DigestBuilder<'static, K, KW>) {
    B::show(rx, &digest.to_message(crate::protocol::DIGEST_KEYWORDS));
}

/// The offline digest of the flash corpus; false on failure. Its own
/// function (not inlined) so that its stack is free before serving.
#[inline(never)]
fn boot_digest<W: Write, C: Clock, Z: Summarize, const K: usize, const KW: usize>(
    session: &mut Session<'_, W, C, Z>,
    digest: &mut DigestBuilder<'static, K, KW>,
) -> bool {
    match Bundle::from_bytes(CORPUS) {
        Ok(bundle) => {
            info!("offline digest of {=usize} articles in flash ({=usize} bytes)", bundle.len(), CORPUS.len());
            let r = offline::run(&bundle, session, digest, |a, event| {
                if let Event::Digest { body_bytes, flags, instructions, .. } = *event {
                    info!(
                        "article {=u32} \"{=str}\": {=usize} bytes, {=u64} instructions, flags {=u8:#x}",
                        a.id,
                        a.title,
                        body_bytes,
                        instructions,
                        flags.bits()
                    );
                }
            });
            match r {
                Ok(()) => true,
                Err(offline::OfflineError::Rejected(e)) => {
                    error!("offline digest: article {=u32} was refused: {}", e.article, e.code);
                    false
                }
                Err(offline::OfflineError::Wire(e)) => {
                    error!("offline digest: cannot send: {}", e);
                    false
                }
            }
        }
        Err(e) => {
            error!("the corpus in flash is not a valid bundle: {}", e);
            false
        }
    }
}

#[exception]
unsafe fn HardFault(ef: &ExceptionFrame) -> ! {
    error!("hard fault at pc {=u32:#010x}", ef.pc());
    exit(3)
}

#[panic_handler]
fn panic(info: &core::panic::PanicInfo<'_>) -> ! {
    match info.location() {
        Some(l) => error!("panic at {=str}:{=u32}", l.file(), l.line()),
        None => error!("panic"),
    }
    exit(101)
}
