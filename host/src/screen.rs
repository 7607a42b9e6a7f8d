//! What a board's display shows for some articles (`epitome screen`):
//! the pages of `epitome-screen`, computed as the firmware computes them,
//! and PNG files of them, enlarged so that a person can read them.
//!
//! One article shows its summary; several (or none) show their digest,
//! built with the board's own workspace, digest builder and options
//! ([`epitome_firmware::protocol`]) so that the picture is the board's.

use std::io::{BufReader, BufWriter, Read};
use std::path::Path;

use anyhow::{Context, Result, anyhow, bail};
use epitome::LanguageSet;
use epitome::digest::DigestBuilder;
use epitome::wire::{Article, MultiDigest};
use epitome_firmware::Summarize;
use epitome_firmware::protocol::{self, DIGEST_KEYWORDS};
use epitome_screen::{ArticleContent, Bitmap, Content, DigestContent, Pages, Screen};

use crate::boards::{BoardName, with_workspace};

/// The displays `--display` names.
pub const DISPLAYS: [(&str, Screen); 2] = [("128x64", Screen::OLED_128X64), ("296x128", Screen::EPAPER_296X128)];

/// The screen named `name` (`128x64`, `296x128`).
pub fn display(name: &str) -> Result<Screen> {
    DISPLAYS.iter().find(|(n, _)| *n == name).map(|(_, s)| *s).ok_or_else(|| {
        let known: Vec<&str> = DISPLAYS.iter().map(|(n, _)| *n).collect();
        anyhow!("unknown display {name:?} (known: {})", known.join(", "))
    })
}

/// A page as drawn: one bit a pixel, in [`Bitmap`]'s layout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Frame {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// Rows of `ceil(width / 8)` bytes, most significant bit leftmost.
    pub bits: Vec<u8>,
}

impl Frame {
    /// True if pixel (`x`, `y`) is on.
    pub fn pixel(&self, x: u32, y: u32) -> bool {
        let stride = self.width.div_ceil(8) as usize;
        let i = y as usize * stride + x as usize / 8;
        x < self.width && self.bits.get(i).is_some_and(|b| b & (0x80 >> (x % 8)) != 0)
    }
}

/// Every page `screen` shows for `articles` on `board` (its workspace and
/// digest capacities).
///
/// Errors: an article the summarizer rejects (too long).
pub fn render(board: BoardName, articles: &[Article<'_>], screen: Screen) -> Result<Vec<Frame>> {
    with_workspace!(board, Ws, Digest, {
        let mut summarizer = Box::<Ws>::default();
        let mut builder = Box::new(Digest::new());
        render_with(&mut *summarizer, &mut builder, articles, board.spec().languages, screen)
    })
}

fn render_with<'a, Z: Summarize, const K: usize, const KW: usize>(
    summarizer: &mut Z,
    builder: &mut DigestBuilder<'a, K, KW>,
    articles: &[Article<'a>],
    languages: LanguageSet,
    screen: Screen,
) -> Result<Vec<Frame>> {
    if let [a] = articles {
        let opts = options(a, languages)?;
        let summary = summarizer.summarize(a.title, a.body, &opts).map_err(|e| anyhow!("article {}: {e}", a.id))?;
        return Ok(draw_all(screen, &ArticleContent { title: a.title, summary: &summary }));
    }
    let digest = board_digest(articles, summarizer, builder, languages)?;
    Ok(draw_all(screen, &DigestContent::new(&digest)))
}

/// The multi-article digest exactly as the firmware builds it from its flash corpus.
fn board_digest<'a, Z: Summarize, const K: usize, const KW: usize>(
    articles: &[Article<'a>],
    summarizer: &mut Z,
    builder: &mut DigestBuilder<'a, K, KW>,
    languages: LanguageSet,
) -> Result<MultiDigest<'a>> {
    for a in articles {
        let opts = options(a, languages)?;
        summarizer.feed(builder, a, &opts).map_err(|e| anyhow!("article {}: {e}", a.id))?;
    }
    Ok(builder.to_message(DIGEST_KEYWORDS))
}

/// The options the firmware reads article `a` with on a board reading `languages`.
fn options(a: &Article<'_>, languages: LanguageSet) -> Result<epitome::Options<'static>> {
    protocol::article_options(a.lang, languages).map_err(|_| {
        anyhow!("article {}: the board does not read its language ({:?}; it reads {languages})", a.id, a.lang)
    })
}

fn draw_all<C: Content + ?Sized>(screen: Screen, content: &C) -> Vec<Frame> {
    let pages = Pages::new(screen, content);
    let size = screen.size();
    (0..pages.count())
        .map(|page| {
            let mut bits = vec![0u8; Bitmap::bytes(size)];
            let mut frame = Bitmap::new(size, &mut bits).expect("buffer sized by Bitmap::bytes");
            // A Bitmap cannot fail, and the page is below the count.
            pages.draw(page, &mut frame).expect("drawing a page on a Bitmap");
            Frame { width: size.width, height: size.height, bits }
        })
        .collect()
}

/// Writes `frame` as an 8-bit greyscale PNG, each pixel a `scale` x `scale`
/// square, lit pixels white on black as on an OLED.
pub fn write_png(path: &Path, frame: &Frame, scale: u32) -> Result<()> {
    let (width, height) = (frame.width * scale, frame.height * scale);
    let mut pixels = Vec::with_capacity(width as usize * height as usize);
    for y in 0..height {
        for x in 0..width {
            pixels.push(if frame.pixel(x / scale, y / scale) { 0xff } else { 0x00 });
        }
    }
    write_grey_png(path, &Grey { width, height, pixels })
}

/// Writes a grey picture (a screendump) as an 8-bit greyscale PNG, as it is.
pub fn write_grey_png(path: &Path, picture: &Grey) -> Result<()> {
    let file = std::fs::File::create(path).with_context(|| format!("creating {}", path.display()))?;
    let mut enc = png::Encoder::new(BufWriter::new(file), picture.width, picture.height);
    enc.set_color(png::ColorType::Grayscale);
    enc.set_depth(png::BitDepth::Eight);
    let mut writer = enc.write_header().with_context(|| format!("writing {}", path.display()))?;
    writer.write_image_data(&picture.pixels).with_context(|| format!("writing {}", path.display()))?;
    writer.finish().with_context(|| format!("writing {}", path.display()))?;
    Ok(())
}

/// A picture as grey levels, one byte a pixel (for comparisons).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grey {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// Rows top to bottom, 0 = black.
    pub pixels: Vec<u8>,
}

/// Reads a PNG (any colour type, 8 bits) as grey levels (the maximum of its channels).
pub fn read_png(path: &Path) -> Result<Grey> {
    let file = std::fs::File::open(path).with_context(|| format!("opening {}", path.display()))?;
    let mut decoder = png::Decoder::new(BufReader::new(file));
    decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut reader = decoder.read_info().with_context(|| format!("reading {}", path.display()))?;
    let mut buf = vec![0u8; reader.output_buffer_size().ok_or_else(|| anyhow!("{}: image too large", path.display()))?];
    let info = reader.next_frame(&mut buf).with_context(|| format!("reading {}", path.display()))?;
    let channels = info.color_type.samples();
    let pixels = buf[..info.buffer_size()].chunks(channels).map(|px| px.iter().copied().max().unwrap_or(0)).collect();
    Ok(Grey { width: info.width, height: info.height, pixels })
}

/// Reads a binary PPM (`P6`, what QEMU's `screendump` writes) as grey levels.
pub fn read_ppm(bytes: &[u8]) -> Result<Grey> {
    let mut r = bytes;
    let mut fields = [0u32; 3];
    let magic = next_token(&mut r);
    if magic != b"P6" {
        bail!("not a binary PPM (P6) image");
    }
    for f in &mut fields {
        let t = next_token(&mut r);
        *f = std::str::from_utf8(t).ok().and_then(|t| t.parse().ok()).ok_or_else(|| anyhow!("bad PPM header"))?;
    }
    let [width, height, max] = fields;
    if max == 0 || max > 255 {
        bail!("PPM with {max} levels (only 8-bit is read)");
    }
    // One whitespace byte after the header, then the samples.
    r = r.get(1..).unwrap_or(&[]);
    let n = width as usize * height as usize * 3;
    let mut rgb = vec![0u8; n];
    r.read_exact(&mut rgb).map_err(|_| anyhow!("PPM shorter than {width}x{height}"))?;
    let pixels = rgb.chunks(3).map(|p| p.iter().copied().max().unwrap_or(0)).collect();
    Ok(Grey { width, height, pixels })
}

/// The next whitespace-separated token of a PPM header (comments skipped).
fn next_token<'b>(r: &mut &'b [u8]) -> &'b [u8] {
    loop {
        let skip = r.iter().take_while(|b| b.is_ascii_whitespace()).count();
        *r = &r[skip..];
        if r.first() == Some(&b'#') {
            let line = r.iter().take_while(|&&b| b != b'\n').count();
            *r = &r[line..];
            continue;
        }
        let len = r.iter().take_while(|b| !b.is_ascii_whitespace()).count();
        let (t, rest) = r.split_at(len);
        *r = rest;
        return t;
    }
}

/// Compares a picture of a display (a QEMU screendump or an `epitome
/// screen` PNG) with `frame`: the picture must be `frame` enlarged by a
/// whole factor, every square uniform, lit (any grey above black) exactly
/// where `frame` is. Returns the number of differing frame pixels.
///
/// Errors: a size that is no whole multiple of the frame's.
pub fn differing_pixels(picture: &Grey, frame: &Frame) -> Result<usize> {
    let scale = picture.width.checked_div(frame.width).unwrap_or(0);
    if scale == 0 || picture.width != frame.width * scale || picture.height != frame.height * scale {
        bail!(
            "a {}x{} picture is no enlargement of a {}x{} display",
            picture.width,
            picture.height,
            frame.width,
            frame.height
        );
    }
    let mut differ = 0;
    for y in 0..frame.height {
        for x in 0..frame.width {
            let square = (0..scale).flat_map(|dy| (0..scale).map(move |dx| (x * scale + dx, y * scale + dy)));
            let lit: Vec<bool> =
                square.map(|(px, py)| picture.pixels[(py * picture.width + px) as usize] > 0).collect();
            let uniform = lit.iter().all(|&l| l == lit[0]);
            if !uniform || lit[0] != frame.pixel(x, y) {
                differ += 1;
            }
        }
    }
    Ok(differ)
}

/// Loads `path` as a PNG or a PPM, by its first bytes.
pub fn read_picture(path: &Path) -> Result<Grey> {
    let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    if bytes.starts_with(b"P6") { read_ppm(&bytes) } else { read_png(path) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ppm_header_with_comment() {
        let mut ppm = b"P6\n# made by hand\n2 1\n255\n".to_vec();
        ppm.extend_from_slice(&[0, 0, 0, 10, 200, 30]);
        assert_eq!(read_ppm(&ppm).unwrap(), Grey { width: 2, height: 1, pixels: vec![0, 200] });
        assert!(read_ppm(b"P3\n1 1\n255\n0 0 0").is_err());
        assert!(read_ppm(b"P6\n4 4\n255\n\x00").is_err());
    }

    #[test]
    fn comparison_allows_magnification_and_grey_levels_only() {
        let frame = Frame { width: 8, height: 1, bits: vec![0b1000_0001] };
        let mut picture = Grey { width: 16, height: 2, pixels: vec![0; 32] };
        for (x, y) in [(0, 0), (1, 0), (0, 1), (1, 1), (14, 0), (15, 0), (14, 1), (15, 1)] {
            picture.pixels[y * 16 + x] = 0x77; // a grey level, not white
        }
        assert_eq!(differing_pixels(&picture, &frame).unwrap(), 0);
        picture.pixels[16] = 0; // half a square lit
        assert_eq!(differing_pixels(&picture, &frame).unwrap(), 1);
        assert!(differing_pixels(&Grey { width: 12, height: 2, pixels: vec![0; 24] }, &frame).is_err());
    }
}
