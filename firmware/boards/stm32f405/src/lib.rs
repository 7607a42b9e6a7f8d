//! The STM32F405 board (QEMU's `netduinoplus2`, or a real Feather STM32F405
//! / F4-Discovery-class board): its capacities and facts, on every target,
//! and on the bare-metal target its UART and clock for the runtime.
//!
//! The emulated and the real board differ only in the log transport
//! (semihosting or RTT, features `qemu` / `rtt` of `epitome-firmware`) and
//! in what "exit" means. Clocks and the UART are the same on both: the
//! reset clock (16 MHz HSI) and USART1 on PA9 (TX) / PA10 (RX).
#![no_std]
#![deny(missing_docs)]

use epitome::DefaultSummarizer;
use epitome::LanguageSet;
use epitome::digest::DigestBuilder;
use epitome_firmware::BoardSpec;

/// The summarizer workspace: the core's default, 16,376 bytes, for news
/// articles of 16 KiB of text.
pub type Workspace = DefaultSummarizer;

/// The multi-article digest builder: 8 sentences, 48 corpus keywords.
pub type CorpusDigest<'a> = DigestBuilder<'a, 8, 48>;

/// Largest COBS-encoded frame received (the receive buffer): an article of
/// 16 KiB of text plus 1 KiB for its title, metadata and framing.
pub const MAX_FRAME: usize = 17 * 1024;

/// Encoding buffer for one reply. A digest of the default three sentences
/// and ten keywords needs a few hundred bytes; a longer one is answered
/// with [`epitome::wire::ErrorCode::TooLarge`].
pub const SCRATCH: usize = 4 * 1024;

/// The languages this firmware reads: all seven (`all-languages` in its
/// Cargo.toml, which must say the same: the runtime checks on target).
pub const LANGUAGES: LanguageSet = LanguageSet::ALL;

/// The board's facts for the host.
pub const SPEC: BoardSpec = BoardSpec {
    name: "stm32f405",
    package: "epitome-board-stm32f405",
    bin: "epitome-stm32f405",
    target: "thumbv7em-none-eabihf",
    qemu_machine: "netduinoplus2",
    chip: "STM32F405RGTx",
    flash: 1024 * 1024,
    ram: 128 * 1024,
    max_frame: MAX_FRAME,
    scratch: SCRATCH,
    display: false,
    languages: LANGUAGES,
};

#[cfg(target_os = "none")]
mod usart;

#[cfg(all(target_os = "none", feature = "ssd1306"))]
mod i2c;
#[cfg(all(target_os = "none", feature = "ssd1306"))]
mod oled;

/// The board for `epitome_firmware::runtime::run`.
#[cfg(target_os = "none")]
pub struct Board;

#[cfg(target_os = "none")]
impl epitome_firmware::runtime::Board for Board {
    #[cfg(feature = "qemu")]
    const NAME: &'static str = "netduinoplus2 (QEMU)";
    #[cfg(not(feature = "qemu"))]
    const NAME: &'static str = "STM32F405 board";
    const STACK_BOUND: usize = 12 * 1024;
    type Rx = usart::Rx;
    type Tx = usart::Tx;
    type Clock = epitome_firmware::runtime::measure::Ticks;
    const LANGUAGES: LanguageSet = LANGUAGES;

    fn init(cp: cortex_m::Peripherals) -> (usart::Rx, usart::Tx, Self::Clock) {
        /// Core clock after reset (HSI), for the UART baud rate.
        const CORE_HZ: u32 = 16_000_000;
        /// UART speed on a real board (QEMU ignores it).
        const BAUD: u32 = 115_200;
        let ticks = epitome_firmware::runtime::measure::Ticks::start(cp.SYST);
        let (rx, tx) = usart::init(CORE_HZ, BAUD);
        (rx, tx, ticks)
    }

    #[cfg(feature = "ssd1306")]
    const DISPLAY: bool = true;

    #[cfg(feature = "ssd1306")]
    fn show(_rx: &mut usart::Rx, digest: &epitome::wire::MultiDigest<'static>) {
        oled::show(digest);
    }
}
