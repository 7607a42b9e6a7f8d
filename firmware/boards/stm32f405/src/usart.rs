//! USART1 of the STM32F4, polled, as `embedded-io` reader and writer.
//!
//! Raw registers rather than a HAL: eight registers are all the firmware
//! needs, and QEMU's model of this USART is the same code path as silicon.

use core::convert::Infallible;

use epitome_firmware::mmio::{read, write};

const RCC_AHB1ENR: usize = 0x4002_3830;
const RCC_APB2ENR: usize = 0x4002_3844;
const GPIOA_MODER: usize = 0x4002_0000;
const GPIOA_AFRH: usize = 0x4002_0024;

const USART1: usize = 0x4001_1000;
const SR: usize = USART1;
const DR: usize = USART1 + 0x04;
const BRR: usize = USART1 + 0x08;
const CR1: usize = USART1 + 0x0C;

const SR_RXNE: u32 = 1 << 5;
const SR_TC: u32 = 1 << 6;
const SR_TXE: u32 = 1 << 7;
const CR1_UE: u32 = 1 << 13;
const CR1_TE: u32 = 1 << 3;
const CR1_RE: u32 = 1 << 2;

/// Enables the clocks, routes PA9/PA10 to USART1 (AF7), 8N1 at `baud`.
pub fn init(core_hz: u32, baud: u32) -> (Rx, Tx) {
    write(RCC_AHB1ENR, read(RCC_AHB1ENR) | 1); // GPIOA
    write(RCC_APB2ENR, read(RCC_APB2ENR) | (1 << 4)); // USART1
    write(GPIOA_MODER, (read(GPIOA_MODER) & !(0b1111 << 18)) | (0b1010 << 18));
    write(GPIOA_AFRH, (read(GPIOA_AFRH) & !(0xFF << 4)) | (0x77 << 4));
    write(BRR, (core_hz + baud / 2) / baud);
    write(CR1, CR1_UE | CR1_TE | CR1_RE);
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
            if n > 0 && read(SR) & SR_RXNE == 0 {
                break;
            }
            while read(SR) & SR_RXNE == 0 {}
            *slot = read(DR) as u8;
            n += 1;
        }
        Ok(n)
    }
}

impl embedded_io::Write for Tx {
    fn write(&mut self, buf: &[u8]) -> Result<usize, Infallible> {
        for &b in buf {
            while read(SR) & SR_TXE == 0 {}
            write(DR, u32::from(b));
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> Result<(), Infallible> {
        while read(SR) & SR_TC == 0 {}
        Ok(())
    }
}
