//! UART0 of the LM3S6965 (an ARM PL011), polled, as `embedded-io` reader
//! and writer. While the receiver waits for a byte it lets the board poll
//! its buttons (see [`Rx::idle`]), so that paging needs no interrupts.

use core::convert::Infallible;

use epitome_firmware::mmio::{read, write};

const SYSCTL_RCGC1: usize = 0x400F_E104;
const SYSCTL_RCGC2: usize = 0x400F_E108;
const GPIOA: usize = 0x4000_4000;
const UART0: usize = 0x4000_C000;
const DR: usize = UART0;
const FR: usize = UART0 + 0x018;
const IBRD: usize = UART0 + 0x024;
const FBRD: usize = UART0 + 0x028;
const LCRH: usize = UART0 + 0x02C;
const CR: usize = UART0 + 0x030;

const FR_RXFE: u32 = 1 << 4;
const FR_TXFF: u32 = 1 << 5;
const FR_BUSY: u32 = 1 << 3;
const LCRH_WLEN8: u32 = 0b11 << 5;
const LCRH_FEN: u32 = 1 << 4;
const CR_UARTEN: u32 = 1;
const CR_TXE: u32 = 1 << 8;
const CR_RXE: u32 = 1 << 9;

/// Enables the clocks, routes PA0/PA1 to UART0, 8N1 at `baud` with FIFOs.
pub fn init(core_hz: u32, baud: u32) -> Tx {
    write(SYSCTL_RCGC1, read(SYSCTL_RCGC1) | 1); // UART0
    write(SYSCTL_RCGC2, read(SYSCTL_RCGC2) | 1); // GPIO A
    write(GPIOA + 0x420, read(GPIOA + 0x420) | 0b11); // AFSEL: PA0 U0Rx, PA1 U0Tx
    write(GPIOA + 0x51C, read(GPIOA + 0x51C) | 0b11); // DEN
    // Divisor in 1/64ths: core / (16 * baud).
    let div64 = (u64::from(core_hz) * 4 + u64::from(baud) / 2) / u64::from(baud.max(1));
    write(CR, 0);
    write(IBRD, (div64 >> 6) as u32);
    write(FBRD, (div64 & 63) as u32);
    write(LCRH, LCRH_WLEN8 | LCRH_FEN);
    write(CR, CR_UARTEN | CR_TXE | CR_RXE);
    Tx(())
}

/// What the receiver does while it waits for a byte.
pub trait Idle {
    /// Called again and again until a byte arrives.
    fn idle(&mut self);
}

impl<T: Idle> Idle for &mut T {
    fn idle(&mut self) {
        (**self).idle();
    }
}

/// The receiving half; `idle` runs while no byte has arrived.
pub struct Rx<I: Idle> {
    /// The board's button polling.
    pub idle: I,
}

/// The sending half.
pub struct Tx(());

impl<I: Idle> embedded_io::ErrorType for Rx<I> {
    type Error = Infallible;
}
impl embedded_io::ErrorType for Tx {
    type Error = Infallible;
}

impl<I: Idle> embedded_io::Read for Rx<I> {
    /// Blocks until a byte arrives, then takes what is there without waiting.
    fn read(&mut self, buf: &mut [u8]) -> Result<usize, Infallible> {
        let mut n = 0;
        for slot in buf.iter_mut() {
            if n > 0 && read(FR) & FR_RXFE != 0 {
                break;
            }
            while read(FR) & FR_RXFE != 0 {
                self.idle.idle();
            }
            *slot = read(DR) as u8;
            n += 1;
        }
        Ok(n)
    }
}

impl embedded_io::Write for Tx {
    fn write(&mut self, buf: &[u8]) -> Result<usize, Infallible> {
        for &b in buf {
            while read(FR) & FR_TXFF != 0 {}
            write(DR, u32::from(b));
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> Result<(), Infallible> {
        while read(FR) & FR_BUSY != 0 {}
        Ok(())
    }
}
