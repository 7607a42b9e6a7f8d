//! The board: an STM32F405 (QEMU's `netduinoplus2`, or a real
//! Feather STM32F405 / F4-Discovery-class board).
//!
//! Everything that differs between the emulated and a real board is here
//! and small: the log transport (semihosting under QEMU, RTT on hardware)
//! and what "exit" means. Clocks and the UART are the same on both: the
//! reset clock (16 MHz HSI) and USART1 on PA9 (TX) / PA10 (RX).

pub mod usart;

#[cfg(all(feature = "qemu", feature = "rtt"))]
compile_error!("choose one board log transport: feature `qemu` (default) or `rtt` (with --no-default-features)");
#[cfg(not(any(feature = "qemu", feature = "rtt")))]
compile_error!("choose a board log transport: feature `qemu` or `rtt`");

#[cfg(feature = "rtt")]
use defmt_rtt as _;
#[cfg(feature = "qemu")]
use defmt_semihosting as _;

/// The board's name in the log.
#[cfg(feature = "qemu")]
pub const NAME: &str = "netduinoplus2 (QEMU)";
/// The board's name in the log.
#[cfg(feature = "rtt")]
pub const NAME: &str = "STM32F405 board";

/// Under QEMU a hang-up ends the run, so that tests get an exit code; a
/// real board keeps serving the next peer.
pub const EXIT_ON_HANG_UP: bool = cfg!(feature = "qemu");

/// Core clock after reset (HSI), for the UART baud rate.
pub const CORE_HZ: u32 = 16_000_000;

/// UART speed on a real board (QEMU ignores it).
pub const BAUD: u32 = 115_200;

/// Brings up the UART; returns its two halves.
pub fn init() -> (usart::Rx, usart::Tx) {
    usart::init(CORE_HZ, BAUD)
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
