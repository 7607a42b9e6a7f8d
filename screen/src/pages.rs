//! Pages: the content's lines in reading order, cut into screenfuls, and
//! drawn on any embedded-graphics [`DrawTarget`] of [`BinaryColor`].
//!
//! Every page is a column of text rows of the font's cell height; the last
//! row is the page indicator `n/m`, right-aligned. The first page starts
//! with the title (at most [`TITLE_LINES`] rows, drawn inverted, cut with
//! `…`) and the keywords line (keyphrases best first, separated by `·`,
//! ` …` when some do not fit); then each sentence starts on a new row and
//! is word-wrapped, continuing on the next page. A sentence is shown with
//! the quotation marks it lacks ([`epitome::segment::MissingMarks`], as the
//! CLI prints it): an opening mark before its first row, a closing one
//! after its last, so no quotation reaches the reader half-open. A content
//! without any sentence shows [`NO_SENTENCES`] instead.

use core::fmt::Write as _;

use embedded_graphics::mono_font::MonoTextStyle;
use embedded_graphics::pixelcolor::BinaryColor;
use embedded_graphics::prelude::*;
use embedded_graphics::primitives::Rectangle;
use embedded_graphics::text::{Baseline, Text};

use epitome::segment::MissingMarks;

use crate::content::Content;
use crate::font::{ELLIPSIS, FONT_5X8, Font, Glyph};
use crate::wrap::{
    KEYWORD_SEPARATOR, KeywordsFit, Piece, SEPARATOR_CELLS, fit_keywords, next_line, skip_spaces, width,
};

/// Rows the title may take before it is cut with `…`.
pub const TITLE_LINES: usize = 2;

/// The line shown when the content has no sentence (a title-only article, an empty digest).
pub const NO_SENTENCES: &str = "(no sentences)";

/// Narrowest screen, in cells: room for a page indicator such as `999/999` and some text.
pub const MIN_COLS: usize = 12;

/// Fewest rows: one of text and the page indicator.
pub const MIN_ROWS: usize = 2;

/// A display: its size in pixels and the font drawn on it.
#[derive(Clone, Copy)]
pub struct Screen {
    width: u32,
    height: u32,
    font: &'static Font,
}

impl core::fmt::Debug for Screen {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "Screen({}x{})", self.width, self.height)
    }
}

/// Why a screen cannot be laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum ScreenError {
    /// Fewer than [`MIN_COLS`] cells across or [`MIN_ROWS`] rows down.
    TooSmall,
}

/// Why a page was not drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum DrawError<E> {
    /// The page number is not below [`Pages::count`]; nothing was drawn.
    NoSuchPage,
    /// The draw target failed.
    Target(E),
}

impl core::fmt::Display for ScreenError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            ScreenError::TooSmall => {
                write!(f, "screen too small: at least {MIN_COLS} cells across and {MIN_ROWS} rows")
            }
        }
    }
}

impl core::error::Error for ScreenError {}

impl<E: core::fmt::Debug> core::fmt::Display for DrawError<E> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            DrawError::NoSuchPage => write!(f, "no such page"),
            DrawError::Target(e) => write!(f, "drawing failed: {e:?}"),
        }
    }
}

impl<E: core::fmt::Debug> core::error::Error for DrawError<E> {}

impl Screen {
    /// A 128x64 monochrome OLED (SSD1306, SSD1309, SSD0323): 25 cells by 8 rows of [`FONT_5X8`].
    pub const OLED_128X64: Screen = Screen { width: 128, height: 64, font: &FONT_5X8 };

    /// A 296x128 e-paper panel: 59 cells by 16 rows of [`FONT_5X8`].
    pub const EPAPER_296X128: Screen = Screen { width: 296, height: 128, font: &FONT_5X8 };

    /// A `width` x `height` display drawn in `font`.
    ///
    /// Errors: [`ScreenError::TooSmall`] below [`MIN_COLS`] x [`MIN_ROWS`] cells.
    pub fn new(width: u32, height: u32, font: &'static Font) -> Result<Self, ScreenError> {
        let s = Screen { width, height, font };
        if s.cols() < MIN_COLS || s.rows() < MIN_ROWS {
            return Err(ScreenError::TooSmall);
        }
        Ok(s)
    }

    /// Width and height in pixels.
    pub const fn size(&self) -> Size {
        Size::new(self.width, self.height)
    }

    /// The font.
    pub fn font(&self) -> &'static Font {
        self.font
    }

    /// Cells across.
    pub fn cols(&self) -> usize {
        usize::try_from(self.width / self.font.cell().width.max(1)).unwrap_or(0)
    }

    /// Rows down, the page indicator's included.
    pub fn rows(&self) -> usize {
        usize::try_from(self.height / self.font.cell().height.max(1)).unwrap_or(0)
    }

    /// Text rows on a page (all but the indicator's).
    pub fn lines_per_page(&self) -> usize {
        self.rows().saturating_sub(1).max(1)
    }

    /// Top-left pixel of the cell grid: the spare pixels split on both sides.
    fn origin(&self) -> Point {
        let cell = self.font.cell();
        let cols = u32::try_from(self.cols()).unwrap_or(0);
        let rows = u32::try_from(self.rows()).unwrap_or(0);
        let spare_x = self.width.saturating_sub(cols.saturating_mul(cell.width)) / 2;
        let spare_y = self.height.saturating_sub(rows.saturating_mul(cell.height)) / 2;
        Point::new(i32::try_from(spare_x).unwrap_or(0), i32::try_from(spare_y).unwrap_or(0))
    }

    /// Top-left pixel of cell (`col`, `row`).
    fn cell_at(&self, col: usize, row: usize) -> Point {
        let cell = self.font.cell();
        let x = u32::try_from(col).unwrap_or(u32::MAX).saturating_mul(cell.width);
        let y = u32::try_from(row).unwrap_or(u32::MAX).saturating_mul(cell.height);
        self.origin() + Point::new(i32::try_from(x).unwrap_or(i32::MAX), i32::try_from(y).unwrap_or(i32::MAX))
    }
}

/// One row of a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Line<'a> {
    /// A row of the title, drawn inverted.
    Title(Piece<'a>),
    /// The keywords line.
    Keywords(KeywordsFit),
    /// A row of a sentence, with the quotation marks drawn around it.
    Text(Piece<'a>, RowMarks),
    /// [`NO_SENTENCES`].
    Note(&'static str),
}

/// The quotation marks a sentence row shows beyond its text: the marks the
/// sentence lacks ([`MissingMarks`]), opening ones on its first row and
/// closing ones on its last.
///
/// ```
/// use epitome_screen::pages::RowMarks;
/// let m = RowMarks::new("He said: \"We are ready.", true, true);
/// assert_eq!((m.before(), m.after()), ("", "\""));
/// assert_eq!(RowMarks::new("He said: \"We are ready.", true, false).after(), "");
/// assert_eq!(RowMarks::default().before(), "");
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct RowMarks {
    marks: MissingMarks,
    first: bool,
    last: bool,
}

impl RowMarks {
    /// The marks of a row of `sentence`: its first row and/or its last.
    pub fn new(sentence: &str, first: bool, last: bool) -> Self {
        RowMarks { marks: MissingMarks::of(sentence), first, last }
    }

    /// Marks drawn before the row's text (only on a sentence's first row).
    pub fn before(&self) -> &str {
        if self.first { self.marks.before() } else { "" }
    }

    /// Marks drawn after the row's text (only on a sentence's last row).
    pub fn after(&self) -> &str {
        if self.last { self.marks.after() } else { "" }
    }
}

/// Equal when the same marks are drawn (a middle row of a quotation and a
/// row of a sentence lacking none are alike).
impl PartialEq for RowMarks {
    fn eq(&self, other: &Self) -> bool {
        self.before() == other.before() && self.after() == other.after()
    }
}

impl Eq for RowMarks {}

#[derive(Debug, Clone, Copy)]
enum Stage {
    Title { row: usize, from: usize },
    Keywords,
    Sentence { index: usize, from: usize },
    Done,
}

/// The content's rows in reading order, for a screen's width.
pub struct Lines<'c, C: Content + ?Sized> {
    content: &'c C,
    font: &'static Font,
    cols: usize,
    stage: Stage,
    text_rows: usize,
}

impl<'c, C: Content + ?Sized> Lines<'c, C> {
    /// The rows of `content` on `screen`.
    pub fn new(screen: &Screen, content: &'c C) -> Self {
        Lines { content, font: screen.font, cols: screen.cols(), stage: Stage::Title { row: 0, from: 0 }, text_rows: 0 }
    }
}

impl<'c, C: Content + ?Sized> Iterator for Lines<'c, C> {
    type Item = Line<'c>;

    fn next(&mut self) -> Option<Line<'c>> {
        // Each stage either yields a row or moves on; at most four moves.
        loop {
            match self.stage {
                Stage::Title { row, from } => {
                    let title = self.content.title();
                    match next_line(self.font, title, from, self.cols) {
                        Some((piece, next)) if row.saturating_add(1) >= TITLE_LINES => {
                            // Last title row: whatever is left, cut if it does not fit.
                            let more = next_line(self.font, title, next, self.cols).is_some();
                            self.stage = Stage::Keywords;
                            let start = skip_spaces(self.font, title, from).unwrap_or(0);
                            let rest = title.get(start..).unwrap_or("");
                            let piece = if more { Piece { text: rest, clipped: true } } else { piece };
                            return Some(Line::Title(piece));
                        }
                        Some((piece, next)) => {
                            self.stage = Stage::Title { row: row.saturating_add(1), from: next };
                            return Some(Line::Title(piece));
                        }
                        None => self.stage = Stage::Keywords,
                    }
                }
                Stage::Keywords => {
                    self.stage = Stage::Sentence { index: 0, from: 0 };
                    if let Some(fit) = fit_keywords(self.font, self.content, self.cols) {
                        return Some(Line::Keywords(fit));
                    }
                }
                Stage::Sentence { index, from } => match self.content.sentence(index) {
                    Some(text) => match sentence_row(self.font, text, from, self.cols) {
                        Some((piece, marks, next)) => {
                            self.stage = Stage::Sentence { index, from: next };
                            self.text_rows = self.text_rows.saturating_add(1);
                            return Some(Line::Text(piece, marks));
                        }
                        None => self.stage = Stage::Sentence { index: index.saturating_add(1), from: 0 },
                    },
                    None => {
                        self.stage = Stage::Done;
                        if self.text_rows == 0 {
                            return Some(Line::Note(NO_SENTENCES));
                        }
                    }
                },
                Stage::Done => return None,
            }
        }
    }
}

/// The row of `text` starting at byte `from` with the marks it shows, and
/// where the next row starts; `None` when only whitespace is left. The
/// first row leaves room for the opening marks, the last for the closing
/// ones: if they do not fit after it, the row is wrapped narrower so that
/// its last word moves on to a new last row (checked again there).
fn sentence_row<'a>(font: &Font, text: &'a str, from: usize, cols: usize) -> Option<(Piece<'a>, RowMarks, usize)> {
    let first = from == 0;
    // One scan of the sentence for its marks, whichever row this is.
    let marks = MissingMarks::of(text);
    let lead = if first { width(font, marks.before()) } else { 0 };
    let tail = width(font, marks.after());
    let room = cols.saturating_sub(lead);
    let (mut piece, mut next) = next_line(font, text, from, room)?;
    let mut last = next_line(font, text, next, cols).is_none();
    if last && !piece.clipped && width(font, piece.text).saturating_add(tail) > room {
        match next_line(font, text, from, room.saturating_sub(tail)) {
            Some((p, n)) if !p.clipped => {
                (piece, next) = (p, n);
                last = next_line(font, text, next, cols).is_none();
            }
            // A last word too wide for a row with the marks (a word of nearly
            // the screen's width): shown whole, without them, rather than cut.
            _ => last = false,
        }
    }
    Some((piece, RowMarks { marks, first, last }, next))
}

/// A content's pages on a screen.
///
/// ```
/// use epitome::wire::MultiDigest;
/// use epitome_screen::{Bitmap, DigestContent, Line, Pages, Screen, NO_SENTENCES};
/// let digest = MultiDigest::default();
/// let content = DigestContent::new(&digest);
/// let pages = Pages::new(Screen::OLED_128X64, &content);
/// assert_eq!(pages.count(), 1);
/// assert_eq!(pages.lines(0).last(), Some(Line::Note(NO_SENTENCES)));
/// let mut buf = [0u8; 128 * 64 / 8];
/// let mut frame = Bitmap::new(Screen::OLED_128X64.size(), &mut buf)?;
/// pages.draw(0, &mut frame)?;
/// assert!(frame.pixel(127, 0)); // the heading bar is inverted, edge to edge
/// # Ok::<(), Box<dyn core::error::Error>>(())
/// ```
pub struct Pages<'c, C: Content + ?Sized> {
    screen: Screen,
    content: &'c C,
    count: usize,
}

impl<'c, C: Content + ?Sized> Pages<'c, C> {
    /// Lays `content` out on `screen` (one pass over its text to count the pages).
    pub fn new(screen: Screen, content: &'c C) -> Self {
        let rows = Lines::new(&screen, content).count();
        let count = rows.div_ceil(screen.lines_per_page()).max(1);
        Pages { screen, content, count }
    }

    /// Number of pages, at least 1.
    pub fn count(&self) -> usize {
        self.count
    }

    /// The screen laid out for.
    pub fn screen(&self) -> Screen {
        self.screen
    }

    /// The rows of page `page` (0-based); empty past the last page.
    pub fn lines(&self, page: usize) -> impl Iterator<Item = Line<'c>> + use<'c, C> {
        let per = self.screen.lines_per_page();
        Lines::new(&self.screen, self.content).skip(page.saturating_mul(per)).take(per)
    }

    /// Clears the screen's area of `target` and draws page `page` (0-based) on it.
    ///
    /// Errors: [`DrawError::NoSuchPage`] if `page >= self.count()` (nothing
    /// is drawn), [`DrawError::Target`] if the target fails.
    pub fn draw<D: DrawTarget<Color = BinaryColor>>(
        &self,
        page: usize,
        target: &mut D,
    ) -> Result<(), DrawError<D::Error>> {
        if page >= self.count {
            return Err(DrawError::NoSuchPage);
        }
        let s = &self.screen;
        let err = DrawError::Target;
        target.fill_solid(&Rectangle::new(Point::zero(), s.size()), BinaryColor::Off).map_err(err)?;
        let cols = s.cols();
        for (row, line) in self.lines(page).enumerate() {
            let at = s.cell_at(0, row);
            match line {
                Line::Title(p) => {
                    let bar = Rectangle::new(Point::new(0, at.y), Size::new(s.width, s.font.cell().height));
                    target.fill_solid(&bar, BinaryColor::On).map_err(err)?;
                    draw_piece(target, s, row, 0, cols, p, BinaryColor::Off).map_err(err)?;
                }
                Line::Text(p, marks) => {
                    let on = BinaryColor::On;
                    let open = Piece { text: marks.before(), clipped: false };
                    let close = Piece { text: marks.after(), clipped: false };
                    let at = draw_piece(target, s, row, 0, cols, open, on).map_err(err)?;
                    let end = cols.saturating_sub(width(s.font, close.text));
                    let at = draw_piece(target, s, row, at, end, p, on).map_err(err)?;
                    draw_piece(target, s, row, at, cols, close, on).map_err(err)?;
                }
                Line::Note(text) => {
                    draw_piece(target, s, row, 0, cols, Piece { text, clipped: false }, BinaryColor::On)
                        .map_err(err)?;
                }
                Line::Keywords(fit) => draw_keywords(target, s, row, self.content, fit).map_err(err)?,
            }
        }
        // The page indicator, right-aligned on the last row.
        let mut label: heapless::String<24> = heapless::String::new();
        let _ = write!(label, "{}/{}", page.saturating_add(1), self.count);
        let len = crate::wrap::width(s.font, &label).min(cols);
        let last = s.rows().saturating_sub(1);
        draw_piece(
            target,
            s,
            last,
            cols.saturating_sub(len),
            cols,
            Piece { text: &label, clipped: false },
            BinaryColor::On,
        )
        .map_err(err)?;
        Ok(())
    }
}

/// Draws one glyph in cell (`col`, `row`).
fn draw_glyph<D: DrawTarget<Color = BinaryColor>>(
    target: &mut D,
    s: &Screen,
    col: usize,
    row: usize,
    glyph: Glyph,
    color: BinaryColor,
) -> Result<(), D::Error> {
    let Some((font, c)) = s.font.bitmap(glyph) else { return Ok(()) };
    let mut utf8 = [0u8; 4];
    let style = MonoTextStyle::new(font, color);
    Text::with_baseline(c.encode_utf8(&mut utf8), s.cell_at(col, row), style, Baseline::Top).draw(target)?;
    Ok(())
}

/// Draws `piece` on `row` from cell `col`, never past cell `end`; returns the next free cell.
fn draw_piece<D: DrawTarget<Color = BinaryColor>>(
    target: &mut D,
    s: &Screen,
    row: usize,
    col: usize,
    end: usize,
    piece: Piece<'_>,
    color: BinaryColor,
) -> Result<usize, D::Error> {
    // A cut piece keeps its last cell for the ellipsis.
    let limit = if piece.clipped { end.saturating_sub(1) } else { end };
    let mut at = col;
    let mut gap = false;
    for c in piece.text.chars() {
        let glyph = s.font.glyph(c);
        match glyph {
            Glyph::Space => gap = at > col,
            Glyph::Invisible => {}
            Glyph::Drawn(..) | Glyph::Missing => {
                let x = at.saturating_add(usize::from(gap));
                if x >= limit {
                    break;
                }
                draw_glyph(target, s, x, row, glyph, color)?;
                at = x.saturating_add(1);
                gap = false;
            }
        }
    }
    if piece.clipped && at < end {
        draw_glyph(target, s, at, row, s.font.glyph(ELLIPSIS), color)?;
        at = at.saturating_add(1);
    }
    Ok(at)
}

/// Draws the keywords line as [`fit_keywords`] fitted it.
fn draw_keywords<C: Content + ?Sized, D: DrawTarget<Color = BinaryColor>>(
    target: &mut D,
    s: &Screen,
    row: usize,
    content: &C,
    fit: KeywordsFit,
) -> Result<(), D::Error> {
    let cols = s.cols();
    if fit.shown == 0 {
        let text = content.keyword(0).unwrap_or("");
        draw_piece(target, s, row, 0, cols, Piece { text, clipped: fit.more }, BinaryColor::On)?;
        return Ok(());
    }
    let mut at = 0usize;
    for i in 0..fit.shown {
        if i > 0 {
            draw_glyph(target, s, at.saturating_add(1), row, s.font.glyph(KEYWORD_SEPARATOR), BinaryColor::On)?;
            at = at.saturating_add(SEPARATOR_CELLS);
        }
        let text = content.keyword(i).unwrap_or("");
        at = draw_piece(target, s, row, at, cols, Piece { text, clipped: false }, BinaryColor::On)?;
    }
    if fit.more && at.saturating_add(1) < cols {
        draw_glyph(target, s, at.saturating_add(1), row, s.font.glyph(ELLIPSIS), BinaryColor::On)?;
    }
    Ok(())
}
