//! The digest on a small screen: pages of a summary or a multi-article
//! digest for a 128x64 OLED (or a 296x128 e-paper panel), laid out and
//! drawn the same on the host and on a microcontroller.
//!
//! `#![no_std]`, no allocation, no `unsafe`: the layout is a pass over the
//! borrowed text each time a page is drawn, so memory is a few words
//! whatever the text. Drawing goes through embedded-graphics, so any
//! display driver's `DrawTarget<Color = BinaryColor>` takes the pages, and
//! [`Bitmap`] is a frame in a caller's buffer for PNGs and comparisons.
//!
//! - [`font`]: which glyph draws each character ([`FONT_5X8`]: Latin-1,
//!   Latin Extended-A, Greek, Cyrillic, quotes, dashes, `€ £`; `�` for the rest).
//! - [`wrap`]: word wrapping in character cells.
//! - [`content`]: what a page shows ([`ArticleContent`], [`DigestContent`]).
//! - [`pages`]: rows cut into pages, and drawing them.
//!
//! ```
//! use epitome::{DefaultSummarizer, Options};
//! use epitome_screen::{ArticleContent, Bitmap, Pages, Screen};
//! let body = "Łódź and Bogotá signed a water deal on Monday. \
//!             “It is a fine day,” said Søren Müller — the mayor. It costs €4m.";
//! let mut s = DefaultSummarizer::new();
//! let summary = s.summarize("Water deal", body, &Options::default())?;
//! let content = ArticleContent { title: "Water deal", summary: &summary };
//! let pages = Pages::new(Screen::OLED_128X64, &content);
//! let mut buf = [0u8; 1024];
//! let mut frame = Bitmap::new(Screen::OLED_128X64.size(), &mut buf)?;
//! for page in 0..pages.count() {
//!     pages.draw(page, &mut frame)?; // or straight onto a display driver
//! }
//! assert_eq!(frame.outside(), 0);
//! # Ok::<(), Box<dyn core::error::Error>>(())
//! ```
#![no_std]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod bitmap;
pub mod content;
pub mod font;
pub mod pages;
pub mod wrap;

pub use bitmap::{Bitmap, BufferTooSmall};
pub use content::{ArticleContent, Content, DigestContent};
pub use font::{FONT_5X8, Font};
pub use pages::{DrawError, Line, Lines, NO_SENTENCES, Pages, RowMarks, Screen, ScreenError};
