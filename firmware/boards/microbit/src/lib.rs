//! The BBC micro:bit v1 (nRF51822: Cortex-M0, 256 KiB flash, 16 KiB RAM;
//! QEMU's `microbit`): its capacities and facts, on every target, and on
//! the bare-metal target its UART and clock for the runtime.
//!
//! Everything must fit 16 KiB of RAM, static data plus the painted peak
//! stack, so the workspace, the digest builder and the buffers are small
//! (the README's firmware figures give the totals). The UART is the one on
//! the edge connector's USB bridge: TX P0.24, RX P0.25, 115200 8N1. The
//! clock is TIMER0 (the nRF51 has no SysTick).
#![no_std]
#![deny(missing_docs)]

use epitome::LanguageSet;
use epitome::Summarizer;
use epitome::digest::DigestBuilder;
use epitome_firmware::BoardSpec;

/// The summarizer workspace: 32 sentences, 128 terms, 48 phrases and no
/// slot pool (every sentence is read again to be scored: the same summary,
/// only slower); 4,312 bytes on the target, against 16,376 for the core's
/// default. Longer articles keep their first 32 units choosable
/// (`Flags::SENTENCES_TRUNCATED`) and evict rare terms and phrases
/// (`Flags::TERMS_EVICTED`, `Flags::PHRASES_EVICTED`) as the core
/// documents; the sample articles (about 1.3 KB of text each) fit whole.
/// Chosen to leave 8 KiB of the 16 KiB for the stack, which the boot
/// digest fills to about 7.2 KiB (the summary and its message are on it).
pub type Workspace = Summarizer<32, 128, 48, 0>;

/// The multi-article digest builder: 4 sentences, 16 corpus keywords.
pub type CorpusDigest<'a> = DigestBuilder<'a, 4, 16>;

/// Largest COBS-encoded frame received (the receive buffer): an article of
/// about 2 KiB of text with its title and framing. A longer frame is
/// answered with `ErrorCode::Oversize`; the offline digest reads its
/// articles in place from flash and is not bound by it.
pub const MAX_FRAME: usize = 2 * 1024;

/// Encoding buffer for one reply: a digest of three sentences and ten
/// keywords; a longer one is answered with `ErrorCode::TooLarge`.
pub const SCRATCH: usize = 1024;

/// The languages this firmware reads: all seven, which fit its 256 KiB of
/// flash with room for a corpus (README, firmware figures; `all-languages`
/// in its Cargo.toml, which must say the same: the runtime checks on
/// target). A board with less flash lists fewer, as
/// `LanguageSet::of(&[Language::English, Language::French])`, with the
/// same Cargo features (`fr`).
pub const LANGUAGES: LanguageSet = LanguageSet::ALL;

/// The board's facts for the host.
pub const SPEC: BoardSpec = BoardSpec {
    name: "microbit",
    package: "epitome-board-microbit",
    bin: "epitome-microbit",
    target: "thumbv6m-none-eabi",
    qemu_machine: "microbit",
    chip: "nRF51822_xxAA",
    flash: 256 * 1024,
    ram: 16 * 1024,
    max_frame: MAX_FRAME,
    scratch: SCRATCH,
    display: false,
    languages: LANGUAGES,
};

#[cfg(target_os = "none")]
mod timer;
#[cfg(target_os = "none")]
mod uart;

/// The board for `epitome_firmware::runtime::run`.
#[cfg(target_os = "none")]
pub struct Board;

#[cfg(target_os = "none")]
impl epitome_firmware::runtime::Board for Board {
    #[cfg(feature = "qemu")]
    const NAME: &'static str = "microbit (QEMU)";
    #[cfg(not(feature = "qemu"))]
    const NAME: &'static str = "BBC micro:bit";
    /// What the statics (about 8,000 bytes) leave of the 16 KiB.
    const STACK_BOUND: usize = 8 * 1024;
    type Rx = uart::Rx;
    type Tx = uart::Tx;
    type Clock = timer::Timer;
    const LANGUAGES: LanguageSet = LANGUAGES;

    fn init(_cp: cortex_m::Peripherals) -> (uart::Rx, uart::Tx, timer::Timer) {
        let timer = timer::Timer::start();
        let (rx, tx) = uart::init();
        (rx, tx, timer)
    }
}
