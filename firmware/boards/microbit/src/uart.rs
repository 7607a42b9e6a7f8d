//! The nRF51's UART, polled, as `embedded-io` reader and writer.
//!
//! Raw registers rather than a HAL, as on the other boards: a dozen
//! registers are all the firmware needs.

use core::convert::Infallible;
use core::ptr::{read_volatile, write_volatile};

const UART0: usize = 0x4000_2000;
const STARTRX: *mut u32 = UART0 as *mut u32;
const STARTTX: *mut u32 = (UART0 + 0x008) as *mut u32;
const RXDRDY: *mut u32 = (UART0 + 0x108) as *mut u32;
const TXDRDY: *mut u32 = (UART0 + 0x11C) as *mut u32;
const ENABLE: *mut u32 = (UART0 + 0x500) as *mut u32;
const PSELTXD: *mut u32 = (UART0 + 0x50C) as *mut u32;
const PSELRXD: *mut u32 = (UART0 + 0x514) as *mut u32;
const RXD: *mut u32 = (UART0 + 0x518) as *mut u32;
const TXD: *mut u32 = (UART0 + 0x51C) as *mut u32;
const BAUDRATE: *mut u32 = (UART0 + 0x524) as *mut u32;

const ENABLE_UART: u32 = 4;
const BAUD_115200: u32 = 0x01D7_E000;
/// micro:bit v1: the interface chip's serial bridge.
const PIN_TX: u32 = 24;
const PIN_RX: u32 = 25;

fn read(reg: *mut u32) -> u32 {
    // SAFETY: `reg` is one of the fixed, always-mapped peripheral registers above.
    unsafe { read_volatile(reg) }
}

fn write(reg: *mut u32, v: u32) {
    // SAFETY: as in `read`; the firmware is single-threaded and owns this UART.
    unsafe { write_volatile(reg, v) }
}

/// Routes the pins, 8N1 at 115200, starts both directions.
pub fn init() -> (Rx, Tx) {
    write(PSELTXD, PIN_TX);
    write(PSELRXD, PIN_RX);
    write(BAUDRATE, BAUD_115200);
    write(ENABLE, ENABLE_UART);
    write(STARTTX, 1);
    write(STARTRX, 1);
    (Rx(()), Tx(()))
}

/// The receiving half.
pub struct Rx(());
/// The sending half.
pub struct Tx(());

impl embedded_io::ErrorType for Rx {
    type Error = Infallible;
}
impl embedded_io::ErrorType for Tx {
    type Error = Infallible;
}

impl embedded_io::Read for Rx {
    /// Blocks until a byte arrives, then takes what is there without waiting.
    fn read(&mut self, buf: &mut [u8]) -> Result<usize, Infallible> {
        let mut n = 0;
        for slot in buf.iter_mut() {
            if n > 0 && read(RXDRDY) == 0 {
                break;
            }
            while read(RXDRDY) == 0 {}
            // Clear the event before reading: reading RXD raises it again
            // if another byte is waiting.
            write(RXDRDY, 0);
            *slot = read(RXD) as u8;
            n += 1;
        }
        Ok(n)
    }
}

impl embedded_io::Write for Tx {
    fn write(&mut self, buf: &[u8]) -> Result<usize, Infallible> {
        for &b in buf {
            write(TXD, u32::from(b));
            while read(TXDRDY) == 0 {}
            write(TXDRDY, 0);
        }
        Ok(buf.len())
    }

    /// Every byte is sent when `write` returns.
    fn flush(&mut self) -> Result<(), Infallible> {
        Ok(())
    }
}
