//! Volatile access to the LM3S6965's memory-mapped registers.
//!
//! Raw registers rather than a peripheral crate: about twenty registers
//! are all the firmware needs, and QEMU's models of this UART, SSI and GPIO
//! (PL011, PL022, PL061) follow the silicon's register maps.

use core::ptr::{read_volatile, write_volatile};

/// Reads the register at `addr`.
pub fn read(addr: usize) -> u32 {
    // SAFETY: every address passed is a fixed, always-mapped peripheral
    // register of the LM3S6965 named in this crate.
    unsafe { read_volatile(addr as *const u32) }
}

/// Writes `v` to the register at `addr`.
pub fn write(addr: usize, v: u32) {
    // SAFETY: as in `read`; the firmware is single-threaded and owns these peripherals.
    unsafe { write_volatile(addr as *mut u32, v) }
}
