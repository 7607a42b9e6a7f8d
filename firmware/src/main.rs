//! Epitome on a Cortex-M4F board (QEMU `netduinoplus2` in CI, an STM32F405
//! board by hand).
//!
//! At boot it digests the corpus bundle linked into flash (logging every
//! digest with defmt and sending it on the UART), then serves article
//! frames on the UART: see `epitome_firmware::protocol`. It logs, for each
//! article, the instructions spent summarizing and the stack depth reached,
//! and under QEMU exits on the host's hang-up with status 0 — or 1 if the
//! stack went past [`STACK_BOUND`].
//!
//! On the host this binary is empty: build it with
//! `--target thumbv7em-none-eabihf`.
#![cfg_attr(target_os = "none", no_std, no_main)]

#[cfg(target_os = "none")]
mod board;
#[cfg(target_os = "none")]
mod measure;

/// The documented bound on stack depth; the firmware checks itself
/// against it after every frame (README, firmware section).
#[cfg(target_os = "none")]
pub const STACK_BOUND: usize = 12 * 1024;

#[cfg(target_os = "none")]
mod app {
    use cortex_m_rt::{ExceptionFrame, entry, exception};
    use defmt::{error, info, warn};
    use epitome::DefaultSummarizer;
    use epitome::wire::{Bundle, FrameReader, Message};
    use epitome_firmware::protocol::{CorpusDigest, HELLO};
    use epitome_firmware::{Event, MAX_FRAME, SCRATCH, Session, offline};

    use crate::board::{self, usart};
    use crate::measure::{self, Ticks};

    /// The corpus bundle in flash (see build.rs).
    static CORPUS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"));

    // Big buffers live in statics (zero-initialised .bss), not on the stack.
    static mut SUMMARIZER: DefaultSummarizer = DefaultSummarizer::new();
    static mut DIGEST: CorpusDigest<'static> = CorpusDigest::new();
    static mut RX: [u8; MAX_FRAME] = [0; MAX_FRAME];
    static mut TX: [u8; SCRATCH] = [0; SCRATCH];

    /// The one `&mut` to a static.
    ///
    /// # Safety
    /// `p` points to a static that nothing else borrows, ever.
    unsafe fn own<T>(p: *mut T) -> &'static mut T {
        // SAFETY: the caller's promise.
        unsafe { &mut *p }
    }

    #[entry]
    fn main() -> ! {
        // SAFETY: `main` runs once and is the only code that names these
        // statics, so each `&mut` is unique for the rest of the program.
        let (summarizer, digest, rx_buf, tx_buf) =
            unsafe { (own(&raw mut SUMMARIZER), own(&raw mut DIGEST), own(&raw mut RX), own(&raw mut TX)) };
        let Some(cp) = cortex_m::Peripherals::take() else { board::exit(2) };
        let ticks = Ticks::start(cp.SYST);
        let (rx, tx) = board::init();
        info!("epitome firmware {=str} on {=str}", env!("CARGO_PKG_VERSION"), board::NAME);
        info!(
            "workspace {=usize} bytes (size_of DefaultSummarizer), receive buffer {=usize}, send buffer {=usize}",
            core::mem::size_of::<DefaultSummarizer>(),
            MAX_FRAME,
            SCRATCH
        );

        let mut session = Session::new(tx, tx_buf, summarizer, ticks);
        if session.send(&Message::Hello(HELLO)).is_err() {
            error!("cannot write to the UART");
            board::exit(1);
        }

        let mut failed = !boot_digest(&mut session, digest);

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
            if used > crate::STACK_BOUND {
                error!("stack depth {=usize} bytes is over the bound of {=usize}", used, crate::STACK_BOUND);
                failed = true;
            }
            match event {
                Ok(Event::Digest { article, body_bytes, sentences, flags, ticks }) => {
                    answered += 1;
                    let instr = session.clock().calibration().instructions(ticks);
                    info!(
                        "article {=u32}: {=usize} bytes, {=usize} sentences, flags {=u8:#x}, {=u64} instructions, stack {=usize} bytes",
                        article,
                        body_bytes,
                        sentences,
                        flags.bits(),
                        instr,
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
                        crate::STACK_BOUND
                    );
                    if board::EXIT_ON_HANG_UP {
                        board::exit(i32::from(failed));
                    }
                }
                Err(e) => {
                    error!("UART write failed: {}", e);
                    failed = true;
                }
            }
        }
    }

    /// The offline digest of the flash corpus; false on failure. Its own
    /// function (not inlined) so that its stack is free before serving.
    #[inline(never)]
    fn boot_digest(session: &mut Session<'_, usart::Tx, Ticks>, digest: &mut CorpusDigest<'static>) -> bool {
        match Bundle::from_bytes(CORPUS) {
            Ok(bundle) => {
                info!("offline digest of {=usize} articles in flash ({=usize} bytes)", bundle.len(), CORPUS.len());
                let cal = session.clock().calibration();
                let r = offline::run(&bundle, session, digest, |a, event| {
                    if let Event::Digest { body_bytes, flags, ticks, .. } = *event {
                        info!(
                            "article {=u32} \"{=str}\": {=usize} bytes, {=u64} instructions, flags {=u8:#x}",
                            a.id,
                            a.title,
                            body_bytes,
                            cal.instructions(ticks),
                            flags.bits()
                        );
                    }
                });
                match r {
                    Ok(()) => {}
                    Err(offline::OfflineError::Summarize(id)) => {
                        error!("offline digest: the summarizer rejected article {=u32}", id);
                        return false;
                    }
                    Err(offline::OfflineError::Wire(e)) => {
                        error!("offline digest: cannot send: {}", e);
                        return false;
                    }
                }
                true
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
        board::exit(3)
    }

    #[panic_handler]
    fn panic(info: &core::panic::PanicInfo<'_>) -> ! {
        match info.location() {
            Some(l) => error!("panic at {=str}:{=u32}", l.file(), l.line()),
            None => error!("panic"),
        }
        board::exit(101)
    }
}

#[cfg(not(target_os = "none"))]
fn main() {
    eprintln!("epitome-firmware runs on a Cortex-M: build it with --target thumbv7em-none-eabihf (see README)");
    std::process::exit(2);
}
