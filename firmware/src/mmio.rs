//! Volatile access to memory-mapped peripheral registers, for the boards'
//! drivers (`firmware/boards/*/src`).
//!
//! Raw registers rather than a peripheral-access crate: each board needs a
//! dozen or two registers, and a PAC or HAL would be most of its build time.
//! A board names its registers as `usize` constants (`UART0 + 0x518`) and
//! reads and writes them through these two functions, so that the one
//! `unsafe` block of every driver is here.

use core::ptr::{read_volatile, write_volatile};

/// Reads the 32-bit register at `addr`.
///
/// `addr` must be a fixed, always-mapped peripheral register of the board
/// the firmware runs on; the boards pass only the constants they name.
#[inline(always)]
pub fn read(addr: usize) -> u32 {
    // SAFETY: as documented above: every caller passes one of its board's
    // peripheral registers, which are mapped for the life of the program.
    unsafe { read_volatile(addr as *const u32) }
}

/// Writes `v` to the 32-bit register at `addr` (the same contract as
/// [`read`]; the firmware is single-threaded and owns its peripherals).
#[inline(always)]
pub fn write(addr: usize, v: u32) {
    // SAFETY: as in `read`.
    unsafe { write_volatile(addr as *mut u32, v) }
}
