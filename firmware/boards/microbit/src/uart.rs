//! The nRF51's UART, polled, as `embedded-io` reader and writer.
//!
//! Raw registers rather than a HAL, as on the other boards: a dozen
//! registers are all the firmware needs.

use core::convert::Infallible;

use epitome_firmware::mmio::{read, write};

const UART0: usize = 0x4000_2000;
const STARTRX: usize = UART0;
const STARTTX: usize = UART0 + 0x008;
const RXDRDY: usize = UART0 + 0x108;
const TXDRDY: usize = UART0 + 0x11C;
const ENABLE: usize = UART0 + 0x500;
const PSELTXD: usize = UART0 + 0x50C;
const PSELRXD: usize = UART0 + 0x514;
const RXD: usize = UART0 + 0x518;
const TXD: usize = UART0 + 0x51C;
const BAUDRATE: usize = UART0 + 0x524;

const ENABLE_UART: u32 = 4;
const BAUD_115200: u32 = 0x01D7_E000;
/// micro:bit v1: the interface chip's serial bridge.
const PIN_TX: u32 = 24;
const PIN_RX: u32 = 25;

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
