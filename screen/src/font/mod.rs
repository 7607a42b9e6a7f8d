//! The font: which bitmap draws each character, and how wide it is.
//!
//! embedded-graphics ships each X11 misc-fixed font size as one
//! [`MonoFont`] per ISO 8859 part; every part has the same cell, so a
//! character can be drawn from whichever part has it. [`FONT_5X8`] uses the
//! parts that together hold Latin-1, almost all of Latin Extended-A, Greek,
//! Cyrillic, the curly quotes and `€`, and a small supplement (generated
//! from the same public-domain X11 font by `screen/fonts/supplement.py`)
//! for the rest of Latin Extended-A, dashes, `…`, `•`, `™` and the
//! replacement glyph `�` drawn for any character the font lacks.

use embedded_graphics::geometry::Size;
use embedded_graphics::image::ImageRaw;
use embedded_graphics::mono_font::mapping::{self, StrGlyphMapping};
use embedded_graphics::mono_font::{DecorationDimensions, MonoFont, iso_8859_1, iso_8859_2, iso_8859_3, iso_8859_4};
use embedded_graphics::mono_font::{iso_8859_5, iso_8859_7, iso_8859_13, iso_8859_14, iso_8859_16};

mod supplement_5x8;

/// The glyph drawn for a character the font lacks (U+FFFD REPLACEMENT CHARACTER).
pub const REPLACEMENT: char = '\u{fffd}';

/// The ellipsis drawn where text is cut (U+2026).
pub const ELLIPSIS: char = '\u{2026}';

/// How a character is drawn.
#[derive(Clone, Copy)]
pub enum Glyph {
    /// A word separator: one empty cell (runs collapse to one, see [`crate::wrap`]).
    Space,
    /// A format character meant to be invisible (soft hyphen, zero-width
    /// space and joiners, word joiner, byte-order mark): no cell.
    Invisible,
    /// One cell, drawn as `char` from this part of the font.
    Drawn(&'static MonoFont<'static>, char),
    /// One cell, drawn as [`REPLACEMENT`]: the font has no glyph for it.
    Missing,
}

/// A monospaced font assembled from parts with the same cell.
pub struct Font {
    /// Tried in order; the first part is the fast path for ASCII and Latin-1.
    parts: &'static [(&'static MonoFont<'static>, &'static StrGlyphMapping<'static>)],
    /// Glyphs no part has, [`REPLACEMENT`] among them.
    supplement: &'static MonoFont<'static>,
    supplement_mapping: &'static StrGlyphMapping<'static>,
}

impl Font {
    /// Width and height of one character cell in pixels.
    pub fn cell(&self) -> Size {
        self.supplement.character_size
    }

    /// How `c` is drawn.
    pub fn glyph(&self, c: char) -> Glyph {
        // No-break spaces hold words together: a blank cell, not a separator.
        if let ('\u{a0}' | '\u{2007}' | '\u{202f}', Some(&(latin1, _))) = (c, self.parts.first()) {
            return Glyph::Drawn(latin1, '\u{a0}');
        }
        if c.is_whitespace() {
            return Glyph::Space;
        }
        if is_invisible(c) {
            return Glyph::Invisible;
        }
        // ASCII and Latin-1 (bar the C1 controls) are in the first part.
        if let Some(&(latin1, _)) = self.parts.first()
            && matches!(c, ' '..='~' | '\u{a0}'..='\u{ff}')
        {
            return Glyph::Drawn(latin1, c);
        }
        if c.is_control() {
            return Glyph::Missing;
        }
        for &(font, map) in self.parts.iter().skip(1) {
            if has(map, c) {
                return Glyph::Drawn(font, c);
            }
        }
        if has(self.supplement_mapping, c) && c != REPLACEMENT {
            return Glyph::Drawn(self.supplement, c);
        }
        Glyph::Missing
    }

    /// Width of `c` in cells: 0 for [`Glyph::Invisible`], otherwise 1.
    pub fn cells(&self, c: char) -> usize {
        usize::from(!matches!(self.glyph(c), Glyph::Invisible))
    }

    /// The part and character that draw `glyph` (`None` for a space or an invisible character).
    pub fn bitmap(&self, glyph: Glyph) -> Option<(&'static MonoFont<'static>, char)> {
        match glyph {
            Glyph::Drawn(font, c) => Some((font, c)),
            Glyph::Missing => Some((self.supplement, REPLACEMENT)),
            Glyph::Space | Glyph::Invisible => None,
        }
    }
}

/// True if `map` holds `c` (its ranges, not its character list: ranges are few).
fn has(map: &StrGlyphMapping<'_>, c: char) -> bool {
    map.ranges().any(|(_, r)| r.contains(&c))
}

/// Format characters that text uses but a reader must not see.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{2060}' | '\u{feff}')
}

const SUPPLEMENT_COUNT: usize = supplement_5x8::GLYPHS.len();
const SUPPLEMENT_STRIDE: usize = (SUPPLEMENT_COUNT * 5).div_ceil(8);

/// Packs the supplement's pixel art into one row of 5x8 cells, the layout
/// of an embedded-graphics font image (1 bit a pixel, MSB first).
const fn pack_supplement() -> [u8; SUPPLEMENT_STRIDE * 8] {
    let mut out = [0u8; SUPPLEMENT_STRIDE * 8];
    let mut g = 0;
    while g < SUPPLEMENT_COUNT {
        let mut y = 0;
        while y < 8 {
            let row = supplement_5x8::GLYPHS[g][y].as_bytes();
            assert!(row.len() == 5, "supplement glyph rows are 5 pixels");
            let mut x = 0;
            while x < 5 {
                if row[x] == b'#' {
                    let px = g * 5 + x;
                    out[y * SUPPLEMENT_STRIDE + px / 8] |= 0x80 >> (px % 8);
                }
                x += 1;
            }
            y += 1;
        }
        g += 1;
    }
    out
}

static SUPPLEMENT_5X8_DATA: [u8; SUPPLEMENT_STRIDE * 8] = pack_supplement();

static SUPPLEMENT_5X8_MAPPING: StrGlyphMapping<'static> = StrGlyphMapping::new(supplement_5x8::CHARS, 0);

/// The supplement as a font of its own, with `FONT_5X8`'s metrics.
static SUPPLEMENT_5X8: MonoFont<'static> = MonoFont {
    image: ImageRaw::new(&SUPPLEMENT_5X8_DATA, (SUPPLEMENT_COUNT * 5) as u32),
    glyph_mapping: &SUPPLEMENT_5X8_MAPPING,
    character_size: Size::new(5, 8),
    character_spacing: 0,
    baseline: 6,
    underline: DecorationDimensions::new(8, 1),
    strikethrough: DecorationDimensions::new(4, 1),
};

/// The parts of `FONT_5X8`, Latin-1 first, then by how many wanted
/// characters each adds (Latin Extended-A from parts 2, 4, 3, 16, 14, 13;
/// quotes and Greek from 7; Cyrillic from 5).
static PARTS_5X8: [(&MonoFont<'static>, &StrGlyphMapping<'static>); 9] = [
    (&iso_8859_1::FONT_5X8, &mapping::ISO_8859_1),
    (&iso_8859_2::FONT_5X8, &mapping::ISO_8859_2),
    (&iso_8859_4::FONT_5X8, &mapping::ISO_8859_4),
    (&iso_8859_3::FONT_5X8, &mapping::ISO_8859_3),
    (&iso_8859_16::FONT_5X8, &mapping::ISO_8859_16),
    (&iso_8859_14::FONT_5X8, &mapping::ISO_8859_14),
    (&iso_8859_13::FONT_5X8, &mapping::ISO_8859_13),
    (&iso_8859_7::FONT_5X8, &mapping::ISO_8859_7),
    (&iso_8859_5::FONT_5X8, &mapping::ISO_8859_5),
];

/// X11 misc-fixed 5x8: 25 characters a line and 8 lines on 128x64.
pub static FONT_5X8: Font =
    Font { parts: &PARTS_5X8, supplement: &SUPPLEMENT_5X8, supplement_mapping: &SUPPLEMENT_5X8_MAPPING };

#[cfg(test)]
mod tests {
    use super::*;
    use embedded_graphics::mono_font::mapping::GlyphMapping;

    fn drawn(c: char) -> bool {
        matches!(FONT_5X8.glyph(c), Glyph::Drawn(..))
    }

    #[test]
    fn covers_latin_1_latin_extended_a_and_news_punctuation() {
        // Soft hyphen (U+00AD) is invisible by design.
        for c in ('\u{a1}'..='\u{ff}').chain('\u{100}'..='\u{17f}').chain('!'..='~').filter(|&c| c != '\u{ad}') {
            assert!(drawn(c), "U+{:04X} {c} has no glyph", c as u32);
        }
        for c in "Rodríguez Bogotá Müller Łódź François Søren ‘’“”„ –— € £ … • ™ Ελλάδα Москва".chars()
        {
            assert!(drawn(c) || c == ' ', "{c} has no glyph");
        }
    }

    #[test]
    fn each_part_draws_what_its_mapping_holds() {
        // The pairs are written by hand: a part must be paired with its own mapping.
        for &(font, map) in PARTS_5X8.iter().chain([(&SUPPLEMENT_5X8, &SUPPLEMENT_5X8_MAPPING)].iter()) {
            for c in map.chars() {
                assert_eq!(font.glyph_mapping.index(c), map.index(c));
            }
            assert_eq!(font.character_size, Size::new(5, 8));
        }
    }

    #[test]
    fn missing_invisible_and_space() {
        for c in ['中', '文', 'ש', '\u{1f600}', '\u{301}', '\u{7}', '\u{85}'] {
            assert!(matches!(FONT_5X8.glyph(c), Glyph::Missing | Glyph::Space), "{c:?}");
        }
        assert!(matches!(FONT_5X8.glyph(REPLACEMENT), Glyph::Missing));
        assert!(matches!(FONT_5X8.glyph('\u{ad}'), Glyph::Invisible));
        assert_eq!(FONT_5X8.cells('\u{200b}'), 0);
        assert_eq!(FONT_5X8.cells('中'), 1);
        assert!(matches!(FONT_5X8.glyph('\u{202f}'), Glyph::Drawn(_, '\u{a0}')));
        assert!(matches!(FONT_5X8.glyph('\u{2003}'), Glyph::Space));
        assert!(matches!(FONT_5X8.bitmap(Glyph::Missing), Some((_, REPLACEMENT))));
    }

    #[test]
    fn supplement_is_packed_pixel_for_pixel() {
        // U+2026 … is three dots on row 6: pixels 0, 2 and 4 of its cell.
        let g = SUPPLEMENT_5X8_MAPPING.index(ELLIPSIS);
        let bit = |x: usize, y: usize| {
            let px = g * 5 + x;
            SUPPLEMENT_5X8_DATA[y * SUPPLEMENT_STRIDE + px / 8] & (0x80 >> (px % 8)) != 0
        };
        let row6: [bool; 5] = core::array::from_fn(|x| bit(x, 6));
        assert_eq!(row6, [true, false, true, false, true]);
        assert!((0..8).filter(|&y| y != 6).all(|y| (0..5).all(|x| !bit(x, y))));
    }
}
