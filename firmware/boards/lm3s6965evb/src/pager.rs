//! Paging through the digest with the board's buttons: right or down
//! shows the next page (after the last, the first), left or up the
//! previous one. A page turns when its button is released (QEMU's
//! `send-key right` presses and releases it). The GPIO latches each
//! release as a rising edge in its raw interrupt status, so a press and
//! release that both fall between two polls still turn the page.

use epitome::wire::MultiDigest;
use epitome_screen::{Bitmap, DigestContent, Pages, Screen};

use crate::oled::Oled;
use crate::uart::Idle;
use epitome_firmware::mmio::{read, write};

const SYSCTL_RCGC2: usize = 0x400F_E108;
/// GPIO E: PE0 up, PE1 down, PE2 left, PE3 right, each low while pressed.
const GPIOE: usize = 0x4002_4000;
const BUTTONS: u32 = 0x0F;
const UP: u32 = 1;
const DOWN: u32 = 1 << 1;
const LEFT: u32 = 1 << 2;
const RIGHT: u32 = 1 << 3;
/// GPIO edge detection: sense (level/edge), both edges, event (rising), raw status, clear.
const IS: usize = 0x404;
const IBE: usize = 0x408;
const IEV: usize = 0x40C;
const RIS: usize = 0x414;
const ICR: usize = 0x41C;

/// The screen the board has.
pub const SCREEN: Screen = Screen::OLED_128X64;

/// Bytes of the one-bit frame a page is drawn into.
const FRAME: usize = Bitmap::bytes(SCREEN.size());

/// The digest shown on the OLED and the page the reader is on.
pub struct Pager {
    oled: Option<Oled>,
    digest: Option<MultiDigest<'static>>,
    frame: [u8; FRAME],
    page: usize,
}

impl Pager {
    /// Nothing shown yet; the OLED is brought up by the first [`Pager::show`].
    pub const fn new() -> Self {
        Pager { oled: None, digest: None, frame: [0; FRAME], page: 0 }
    }

    /// Shows the first page of `digest` (kept for paging).
    pub fn show(&mut self, digest: &MultiDigest<'static>) {
        if self.oled.is_none() {
            write(SYSCTL_RCGC2, read(SYSCTL_RCGC2) | (1 << 4)); // GPIO E
            write(GPIOE + 0x510, read(GPIOE + 0x510) | BUTTONS); // pull-ups
            write(GPIOE + 0x51C, read(GPIOE + 0x51C) | BUTTONS); // digital enable
            write(GPIOE + IS, read(GPIOE + IS) & !BUTTONS); // edges,
            write(GPIOE + IBE, read(GPIOE + IBE) & !BUTTONS); // one of them:
            write(GPIOE + IEV, read(GPIOE + IEV) | BUTTONS); // rising (released)
            write(GPIOE + ICR, BUTTONS);
            self.oled = Some(Oled::init());
        }
        self.digest = Some(digest.clone());
        self.page = 0;
        self.draw(0);
    }

    /// Draws page `page` (wrapping around) and sends it to the OLED.
    fn draw(&mut self, page: isize) {
        let (Some(oled), Some(digest)) = (self.oled.as_mut(), self.digest.as_ref()) else { return };
        let content = DigestContent::new(digest);
        let pages = Pages::new(SCREEN, &content);
        let count = pages.count();
        self.page = usize::try_from(page.rem_euclid(isize::try_from(count).unwrap_or(1))).unwrap_or(0);
        let Ok(mut bitmap) = Bitmap::new(SCREEN.size(), &mut self.frame) else { return };
        if pages.draw(self.page, &mut bitmap).is_ok() {
            oled.show(&bitmap);
            defmt::info!("OLED: page {=usize}/{=usize} shown", self.page + 1, count);
        }
    }
}

impl Default for Pager {
    fn default() -> Self {
        Self::new()
    }
}

impl Idle for Pager {
    fn idle(&mut self) {
        if self.oled.is_none() {
            return;
        }
        let released = read(GPIOE + RIS) & BUTTONS;
        if released == 0 {
            return;
        }
        write(GPIOE + ICR, released);
        let page = isize::try_from(self.page).unwrap_or(0);
        if released & (RIGHT | DOWN) != 0 {
            self.draw(page + 1);
        } else if released & (LEFT | UP) != 0 {
            self.draw(page - 1);
        }
    }
}
