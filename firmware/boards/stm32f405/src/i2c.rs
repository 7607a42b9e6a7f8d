//! I2C1 of the STM32F4 as an `embedded-hal` 1.0 I²C master, polled, on
//! PB8 (SCL) / PB9 (SDA), 400 kHz from the 16 MHz reset clock: enough for
//! an SSD1306/SSD1309 display module, which is only written to.
//!
//! Raw registers, as the board's USART: a HAL crate would be most of the
//! firmware's build time for eight registers. Reads are not implemented
//! (a display never needs them) and fail with [`ErrorKind::Other`]. Every
//! wait is bounded, so a missing module gives an error, not a hang.

use embedded_hal::i2c::{ErrorKind, ErrorType, I2c, NoAcknowledgeSource, Operation, SevenBitAddress};
use epitome_firmware::mmio::{read, write};

const RCC_AHB1ENR: usize = 0x4002_3830;
const RCC_APB1ENR: usize = 0x4002_3840;
const GPIOB: usize = 0x4002_0400;
const I2C1: usize = 0x4000_5400;
const CR1: usize = I2C1;
const CR2: usize = I2C1 + 0x04;
const DR: usize = I2C1 + 0x10;
const SR1: usize = I2C1 + 0x14;
const SR2: usize = I2C1 + 0x18;
const CCR: usize = I2C1 + 0x1C;
const TRISE: usize = I2C1 + 0x20;

const CR1_PE: u32 = 1;
const CR1_START: u32 = 1 << 8;
const CR1_STOP: u32 = 1 << 9;
const SR1_SB: u32 = 1;
const SR1_ADDR: u32 = 1 << 1;
const SR1_BTF: u32 = 1 << 2;
const SR1_TXE: u32 = 1 << 7;
const SR1_BERR: u32 = 1 << 8;
const SR1_ARLO: u32 = 1 << 9;
const SR1_AF: u32 = 1 << 10;

/// Polls before a wait gives up (well over a byte time at 400 kHz).
const SPINS: u32 = 100_000;

/// The I²C1 master.
pub struct I2c1(());

/// Enables the clocks, routes PB8/PB9 to I2C1 (AF4, open drain, pull-ups)
/// and sets 400 kHz fast mode for a 16 MHz APB1 clock.
pub fn init() -> I2c1 {
    write(RCC_AHB1ENR, read(RCC_AHB1ENR) | (1 << 1)); // GPIOB
    write(RCC_APB1ENR, read(RCC_APB1ENR) | (1 << 21)); // I2C1
    write(GPIOB, (read(GPIOB) & !(0b1111 << 16)) | (0b1010 << 16)); // MODER: alternate
    write(GPIOB + 0x04, read(GPIOB + 0x04) | (0b11 << 8)); // OTYPER: open drain
    write(GPIOB + 0x0C, (read(GPIOB + 0x0C) & !(0b1111 << 16)) | (0b0101 << 16)); // PUPDR: pull-up
    write(GPIOB + 0x24, (read(GPIOB + 0x24) & !0xFF) | 0x44); // AFRH: AF4 for pins 8 and 9
    write(CR1, 0);
    write(CR2, 16); // APB1 at 16 MHz
    write(CCR, (1 << 15) | 14); // fast mode, duty 2: 16 MHz / (3 * 14) ≈ 381 kHz
    write(TRISE, 16 * 300 / 1000 + 1); // 300 ns maximum rise time
    write(CR1, CR1_PE);
    I2c1(())
}

/// Why a transfer failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Error {
    /// No acknowledge (of the address or of a data byte).
    Nack(NoAcknowledgeSource),
    /// Lost arbitration or a bus error.
    Bus,
    /// The bus did not answer in time (no module connected?).
    Timeout,
    /// A read was asked for: this master only writes.
    ReadUnsupported,
}

impl embedded_hal::i2c::Error for Error {
    fn kind(&self) -> ErrorKind {
        match *self {
            Error::Nack(src) => ErrorKind::NoAcknowledge(src),
            Error::Bus => ErrorKind::Bus,
            Error::Timeout | Error::ReadUnsupported => ErrorKind::Other,
        }
    }
}

impl ErrorType for I2c1 {
    type Error = Error;
}

/// Waits for `flag` in SR1, failing on a NACK, a bus error or a timeout.
fn wait(flag: u32, nack: NoAcknowledgeSource) -> Result<(), Error> {
    for _ in 0..SPINS {
        let sr = read(SR1);
        if sr & SR1_AF != 0 {
            write(SR1, !SR1_AF);
            return Err(Error::Nack(nack));
        }
        if sr & (SR1_BERR | SR1_ARLO) != 0 {
            write(SR1, !(SR1_BERR | SR1_ARLO));
            return Err(Error::Bus);
        }
        if sr & flag != 0 {
            return Ok(());
        }
    }
    Err(Error::Timeout)
}

fn write_all(address: u8, chunks: &mut dyn Iterator<Item = &[u8]>) -> Result<(), Error> {
    write(CR1, read(CR1) | CR1_START);
    wait(SR1_SB, NoAcknowledgeSource::Unknown)?;
    write(DR, u32::from(address) << 1);
    wait(SR1_ADDR, NoAcknowledgeSource::Address)?;
    let _ = (read(SR1), read(SR2)); // clears ADDR
    for chunk in chunks {
        for &b in chunk {
            wait(SR1_TXE, NoAcknowledgeSource::Data)?;
            write(DR, u32::from(b));
        }
    }
    wait(SR1_BTF, NoAcknowledgeSource::Data)
}

impl I2c<SevenBitAddress> for I2c1 {
    fn transaction(&mut self, address: u8, operations: &mut [Operation<'_>]) -> Result<(), Error> {
        if operations.iter().any(|op| matches!(op, Operation::Read(_))) {
            return Err(Error::ReadUnsupported);
        }
        // Adjacent writes go out in one transfer: one start, one stop.
        let mut chunks = operations.iter().filter_map(|op| match op {
            Operation::Write(bytes) => Some(&**bytes),
            Operation::Read(_) => None,
        });
        let result = write_all(address, &mut chunks);
        write(CR1, read(CR1) | CR1_STOP);
        result
    }
}
