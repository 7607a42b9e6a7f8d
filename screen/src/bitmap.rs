//! A one-bit frame in a caller's buffer: what pages are drawn into before
//! they go to a display driver, a PNG or a comparison.

use core::convert::Infallible;

use embedded_graphics::pixelcolor::BinaryColor;
use embedded_graphics::prelude::*;

/// A `width` x `height` frame, one bit a pixel, rows top to bottom, each
/// row's pixels left to right from the most significant bit, each row
/// starting on a byte (the layout of an embedded-graphics `ImageRaw`).
///
/// Pixels drawn outside the frame are not stored but counted
/// ([`Bitmap::outside`]), so that a test can check that nothing was drawn
/// off the display.
///
/// ```
/// use embedded_graphics::{pixelcolor::BinaryColor, prelude::*};
/// use epitome_screen::Bitmap;
/// let mut buf = [0u8; 2 * 3];
/// let mut b = Bitmap::new(Size::new(10, 3), &mut buf)?;
/// Pixel(Point::new(9, 2), BinaryColor::On).draw(&mut b)?;
/// Pixel(Point::new(10, 0), BinaryColor::On).draw(&mut b)?;
/// assert!(b.pixel(9, 2) && !b.pixel(0, 0));
/// assert_eq!(b.outside(), 1);
/// assert_eq!(b.as_bytes(), &[0, 0, 0, 0, 0, 0x40]);
/// # Ok::<(), Box<dyn core::error::Error>>(())
/// ```
#[derive(Debug)]
pub struct Bitmap<'b> {
    size: Size,
    stride: usize,
    bits: &'b mut [u8],
    outside: u32,
}

/// The buffer given to [`Bitmap::new`] is shorter than the frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct BufferTooSmall {
    /// Bytes the frame needs.
    pub needed: usize,
}

impl core::fmt::Display for BufferTooSmall {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "frame buffer too small: {} bytes needed", self.needed)
    }
}

impl core::error::Error for BufferTooSmall {}

impl<'b> Bitmap<'b> {
    /// Bytes a frame of `size` needs.
    pub const fn bytes(size: Size) -> usize {
        (size.width as usize).div_ceil(8).saturating_mul(size.height as usize)
    }

    /// A frame of `size` over `buf` (its first [`Bitmap::bytes`] bytes), all pixels off.
    ///
    /// Errors: [`BufferTooSmall`].
    pub fn new(size: Size, buf: &'b mut [u8]) -> Result<Self, BufferTooSmall> {
        let needed = Self::bytes(size);
        let bits = buf.get_mut(..needed).ok_or(BufferTooSmall { needed })?;
        bits.fill(0);
        let stride = usize::try_from(size.width).unwrap_or(usize::MAX).div_ceil(8);
        Ok(Bitmap { size, stride, bits, outside: 0 })
    }

    /// True if pixel (`x`, `y`) is on; false outside the frame.
    pub fn pixel(&self, x: u32, y: u32) -> bool {
        self.index(x, y).and_then(|(i, mask)| self.bits.get(i).map(|b| b & mask != 0)).unwrap_or(false)
    }

    /// Pixels drawn outside the frame since it was made.
    pub fn outside(&self) -> u32 {
        self.outside
    }

    /// The frame's bytes.
    pub fn as_bytes(&self) -> &[u8] {
        self.bits
    }

    fn index(&self, x: u32, y: u32) -> Option<(usize, u8)> {
        if x >= self.size.width || y >= self.size.height {
            return None;
        }
        let x = usize::try_from(x).ok()?;
        let y = usize::try_from(y).ok()?;
        Some((y.checked_mul(self.stride)?.checked_add(x / 8)?, 0x80 >> (x % 8)))
    }
}

impl OriginDimensions for Bitmap<'_> {
    fn size(&self) -> Size {
        self.size
    }
}

impl DrawTarget for Bitmap<'_> {
    type Color = BinaryColor;
    type Error = Infallible;

    fn draw_iter<I: IntoIterator<Item = Pixel<BinaryColor>>>(&mut self, pixels: I) -> Result<(), Infallible> {
        for Pixel(p, color) in pixels {
            let at = u32::try_from(p.x).ok().zip(u32::try_from(p.y).ok()).and_then(|(x, y)| self.index(x, y));
            match at.and_then(|(i, mask)| self.bits.get_mut(i).map(|b| (b, mask))) {
                Some((b, mask)) if color.is_on() => *b |= mask,
                Some((b, mask)) => *b &= !mask,
                None => self.outside = self.outside.saturating_add(1),
            }
        }
        Ok(())
    }
}
