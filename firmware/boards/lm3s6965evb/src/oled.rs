//! The board's 128x64 OLED: an SSD0323 (4-bit grey) on SSI0, its
//! data/command line on PC7 and its select on PD0, as QEMU's
//! `lm3s6965evb` wires it. Pages are drawn into a one-bit [`Bitmap`] and
//! sent whole: lit pixels at full brightness, the others off.

use epitome_screen::Bitmap;

use epitome_firmware::mmio::{read, write};

const SYSCTL_RCGC1: usize = 0x400F_E104;
const SYSCTL_RCGC2: usize = 0x400F_E108;
const GPIOA: usize = 0x4000_4000;
const GPIOC: usize = 0x4000_6000;
const GPIOD: usize = 0x4000_7000;
const SSI0: usize = 0x4000_8000;
const SSI_CR0: usize = SSI0;
const SSI_CR1: usize = SSI0 + 0x04;
const SSI_DR: usize = SSI0 + 0x08;
const SSI_SR: usize = SSI0 + 0x0C;
const SSI_CPSR: usize = SSI0 + 0x10;
const SR_TNF: u32 = 1 << 1;
const SR_RNE: u32 = 1 << 2;
const CR1_SSE: u32 = 1 << 1;

/// GPIO direction, alternate function and digital enable registers.
const DIR: usize = 0x400;
const AFSEL: usize = 0x420;
const DEN: usize = 0x51C;

/// PC7: low for commands, high for display data.
const DC: (usize, u32) = (GPIOC, 1 << 7);
/// PD0: high selects the OLED on the shared SSI bus (low: the SD card).
const SELECT: (usize, u32) = (GPIOD, 1);

/// Display columns are addressed in pairs of pixels (one byte each).
const COLUMNS: u8 = 64;
const ROWS: u8 = 64;

/// Sets GPIO pins `mask` of the port at `base` to `high`: the data
/// register's address selects which pins a write changes.
fn set(pin: (usize, u32), high: bool) {
    let (base, mask) = pin;
    write(base + ((mask as usize) << 2), if high { 0xFF } else { 0 });
}

fn output(pin: (usize, u32)) {
    let (base, mask) = pin;
    write(base + DIR, read(base + DIR) | mask);
    write(base + DEN, read(base + DEN) | mask);
}

/// Sends one byte and waits for it to be clocked out (its echo received),
/// so that the data/command line can change safely after it.
fn transfer(b: u8) {
    while read(SSI_SR) & SR_TNF == 0 {}
    write(SSI_DR, u32::from(b));
    while read(SSI_SR) & SR_RNE == 0 {}
    let _ = read(SSI_DR);
}

fn command(bytes: &[u8]) {
    set(DC, false);
    for &b in bytes {
        transfer(b);
    }
}

/// The OLED, brought up.
pub struct Oled(());

impl Oled {
    /// Clocks SSI0 and GPIO A/C/D, routes PA2/PA3/PA5 to SSI0 (8-bit
    /// frames, SPI mode 3), selects the OLED and switches it on.
    pub fn init() -> Self {
        write(SYSCTL_RCGC1, read(SYSCTL_RCGC1) | (1 << 4)); // SSI0
        write(SYSCTL_RCGC2, read(SYSCTL_RCGC2) | 0b1101); // GPIO A, C, D
        let ssi_pins = (1 << 2) | (1 << 3) | (1 << 5); // SSI0Clk, SSI0Fss, SSI0Tx
        write(GPIOA + AFSEL, read(GPIOA + AFSEL) | ssi_pins);
        write(GPIOA + DEN, read(GPIOA + DEN) | ssi_pins);
        output(DC);
        output(SELECT);
        set(SELECT, true);
        write(SSI_CR1, 0); // disabled while configured; master
        write(SSI_CPSR, 2);
        write(SSI_CR0, 0xC7); // 8-bit data, SPO = SPH = 1
        write(SSI_CR1, CR1_SSE);
        // Display off, horizontal address increment, full brightness, on.
        command(&[0xAE, 0xA0, 0x40, 0x81, 0x7F, 0xA4, 0xAF]);
        Oled(())
    }

    /// Shows `frame` (128x64): lit pixels at grey level 15, the rest 0.
    pub fn show(&mut self, frame: &Bitmap<'_>) {
        command(&[0x15, 0, COLUMNS - 1, 0x75, 0, ROWS - 1]);
        set(DC, true);
        for y in 0..u32::from(ROWS) {
            for pair in 0..u32::from(COLUMNS) {
                let left = if frame.pixel(2 * pair, y) { 0xF0 } else { 0 };
                let right = if frame.pixel(2 * pair + 1, y) { 0x0F } else { 0 };
                transfer(left | right);
            }
        }
    }
}
