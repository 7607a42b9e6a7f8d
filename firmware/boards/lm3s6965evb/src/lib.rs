//! The Stellaris LM3S6965 evaluation board as QEMU's `lm3s6965evb`
//! emulates it (Cortex-M3, 256 KiB flash, 64 KiB RAM, UART0, and a 128x64
//! SSD0323 OLED on SSI0): its capacities and facts, on every target, and
//! on the bare-metal target its UART, clock, OLED and buttons.
//!
//! Beyond the serial summarizer every board runs, it draws the offline
//! digest of its flash corpus on the OLED with `epitome-screen` — the
//! pages `epitome screen` draws on the host — and pages through it with
//! the board's buttons ([`pager`]).
//!
//! QEMU's model is what is tested: the real EVB carries a 128x96 OLED on
//! an SSD1329, whose commands differ (README, "The digest on the board's OLED").
#![no_std]
#![deny(missing_docs)]

use epitome::DefaultSummarizer;
use epitome::LanguageSet;
use epitome::digest::DigestBuilder;
use epitome_firmware::BoardSpec;

/// The summarizer workspace: the core's default, 16,376 bytes, for news
/// articles of 16 KiB of text.
pub type Workspace = DefaultSummarizer;

/// The multi-article digest builder: 8 sentences, 48 corpus keywords
/// (what the OLED shows, and what `epitome screen` draws on the host).
pub type CorpusDigest<'a> = DigestBuilder<'a, 8, 48>;

/// Largest COBS-encoded frame received: an article of 16 KiB of text plus
/// 1 KiB for its title, metadata and framing (as on the other boards, so
/// that the same articles can be sent; RAM still fits, see `figures.sh`).
pub const MAX_FRAME: usize = 17 * 1024;

/// Encoding buffer for one reply (see the STM32F405 board).
pub const SCRATCH: usize = 4 * 1024;

/// The languages this firmware reads: all seven (`all-languages` in its
/// Cargo.toml, which must say the same: the runtime checks on target).
pub const LANGUAGES: LanguageSet = LanguageSet::ALL;

/// The board's facts for the host.
pub const SPEC: BoardSpec = BoardSpec {
    name: "lm3s6965evb",
    package: "epitome-board-lm3s6965evb",
    bin: "epitome-lm3s6965evb",
    target: "thumbv7m-none-eabi",
    qemu_machine: "lm3s6965evb",
    chip: "LM3S6965",
    flash: 256 * 1024,
    ram: 64 * 1024,
    max_frame: MAX_FRAME,
    scratch: SCRATCH,
    display: true,
    languages: LANGUAGES,
};

#[cfg(target_os = "none")]
mod oled;
#[cfg(target_os = "none")]
pub mod pager;
#[cfg(target_os = "none")]
mod uart;

/// The board for `epitome_firmware::runtime::run`.
#[cfg(target_os = "none")]
pub struct Board;

#[cfg(target_os = "none")]
impl epitome_firmware::runtime::Board for Board {
    const NAME: &'static str = "lm3s6965evb (QEMU)";
    const STACK_BOUND: usize = 12 * 1024;
    type Rx = uart::Rx<&'static mut pager::Pager>;
    type Tx = uart::Tx;
    type Clock = epitome_firmware::runtime::measure::Ticks;
    const LANGUAGES: LanguageSet = LANGUAGES;

    fn init(cp: cortex_m::Peripherals) -> (Self::Rx, Self::Tx, Self::Clock) {
        /// Core clock after reset (the 12 MHz internal oscillator), for the baud rate.
        const CORE_HZ: u32 = 12_000_000;
        /// UART speed on a real board (QEMU ignores it).
        const BAUD: u32 = 115_200;
        let ticks = epitome_firmware::runtime::measure::Ticks::start(cp.SYST);
        let tx = uart::init(CORE_HZ, BAUD);
        // The pager (its frame buffer and digest, over 2 KiB) in a static,
        // not in the receiver on the main loop's stack.
        let Some(pager) = cortex_m::singleton!(: pager::Pager = pager::Pager::new()) else {
            epitome_firmware::runtime::exit(2)
        };
        (uart::Rx { idle: pager }, tx, ticks)
    }

    const DISPLAY: bool = true;

    fn show(rx: &mut Self::Rx, digest: &epitome::wire::MultiDigest<'static>) {
        rx.idle.show(digest);
    }
}
