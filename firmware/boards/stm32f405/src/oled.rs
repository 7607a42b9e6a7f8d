//! A 128x64 SSD1306/SSD1309 OLED module on I2C1 (feature `ssd1306`): the
//! `ssd1306` driver crate in buffered-graphics mode is an embedded-graphics
//! `DrawTarget`, so `epitome-screen` draws page 1 of the digest straight
//! into the driver's buffer, which one `flush` sends.

use epitome::wire::MultiDigest;
use epitome_screen::{DigestContent, Pages, Screen};
use ssd1306::prelude::*;
use ssd1306::{I2CDisplayInterface, Ssd1306};

use crate::i2c;

/// Brings the module up (address 0x3C) and shows page 1 of `digest`; a
/// missing or silent module is logged, and the firmware goes on serving.
pub fn show(digest: &MultiDigest<'static>) {
    let interface = I2CDisplayInterface::new(i2c::init());
    let mut display =
        Ssd1306::new(interface, DisplaySize128x64, DisplayRotation::Rotate0).into_buffered_graphics_mode();
    if display.init().is_err() {
        defmt::warn!("SSD1306: no answer on I2C1 (PB8 SCL, PB9 SDA) at 0x3C");
        return;
    }
    let content = DigestContent::new(digest);
    let pages = Pages::new(Screen::OLED_128X64, &content);
    if pages.draw(0, &mut display).is_err() || display.flush().is_err() {
        defmt::warn!("SSD1306: drawing failed");
        return;
    }
    defmt::info!("SSD1306: page 1/{=usize} shown", pages.count());
}
