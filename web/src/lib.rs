//! Epitome in the browser: what the page asks of the core, as plain Rust
//! ([`summarize`], [`page`]), and the C ABI the page's worker calls in the
//! WebAssembly build ([`ffi`]).
//!
//! Why a C ABI and not wasm-bindgen: the core allocates nothing and the
//! page needs three calls, each taking a text and a few numbers and giving
//! back bytes (JSON, or a page's bits). Two buffers in linear memory and a
//! dozen lines of JavaScript carry that, with no generated glue to keep in
//! step with a CLI version and no nine-minute tool build on every fresh
//! machine.
//!
//! ```
//! use epitome::LanguageChoice;
//! let text = "Bridge approved\nThe council approved the harbour bridge on Monday. Work starts in May.";
//! let json = epitome_web::summarize(text, 3, 0, 10, LanguageChoice::Auto);
//! let v: serde_json::Value = serde_json::from_str(&json).unwrap();
//! assert_eq!(v["title"], "Bridge approved");
//! assert_eq!(v["language"], "en");
//! assert_eq!(v["sentences"][0]["text"], "The council approved the harbour bridge on Monday.");
//! ```
#![deny(missing_docs)]

pub mod ffi;

use epitome::{Budget, DefaultSummarizer, Language, LanguageChoice, Options, headline};
use epitome_report::SummaryReport;
use epitome_screen::{ArticleContent, Bitmap, Pages, Screen};
use serde::Serialize;

/// The displays the page previews, by index: the board's 128×64 OLED and
/// the 296×128 e-paper (`epitome screen --display`).
pub const DISPLAYS: [Screen; 2] = [Screen::OLED_128X64, Screen::EPAPER_296X128];

/// What the page shows of one article: the CLI's record (`summarize
/// --json`, without the file's id and origin) and where the body starts in
/// the text the reader gave, so that sentence offsets can be marked in it.
#[derive(Serialize)]
struct PageReport<'a> {
    title: &'a str,
    /// Byte offset of the body in the whole text (sentence offsets count
    /// from the body, as in the CLI's JSON).
    body_start: usize,
    #[serde(flatten)]
    report: SummaryReport<'a>,
}

#[derive(Serialize)]
struct ErrorReport {
    error: String,
}

/// The languages this build reads, in the core's order
/// ([`Language::ALL`], those compiled in): what the page's language menu
/// offers besides `auto`.
pub fn languages() -> impl Iterator<Item = Language> {
    Language::ALL.into_iter().filter(|l| l.is_compiled())
}

/// The language choice numbered `n` as the page numbers them: 0 for
/// [`LanguageChoice::Auto`], `i` + 1 for the `i`-th of [`languages`];
/// `None` past the last.
///
/// ```
/// use epitome::{Language, LanguageChoice};
/// assert_eq!(epitome_web::language_choice(0), Some(LanguageChoice::Auto));
/// assert_eq!(epitome_web::language_choice(1), Some(LanguageChoice::Only(Language::English)));
/// assert_eq!(epitome_web::language_choice(1000), None);
/// ```
pub fn language_choice(n: u32) -> Option<LanguageChoice> {
    match n {
        0 => Some(LanguageChoice::Auto),
        _ => languages().nth(n as usize - 1).map(LanguageChoice::Only),
    }
}

/// Summarizes a plain-text article (first non-empty line the title, as for
/// the CLI) and returns the page's JSON: `title`, `body_start`, `language`,
/// `keywords`, `sentences`, `flags`; or `{"error": MESSAGE}`.
///
/// `max_chars` > 0 asks for a character budget, else `sentences`
/// sentences; `keywords` keyphrases; `language` as `--language` chooses
/// it. Values above the core's capacities are clamped by the core and
/// flagged, as in the CLI.
pub fn summarize(text: &str, sentences: u32, max_chars: u32, keywords: u32, language: LanguageChoice) -> String {
    let (title, body) = headline::split(text);
    let budget = if max_chars > 0 { Budget::Chars(max_chars) } else { Budget::Sentences(clamp_u16(sentences)) };
    let opts = Options { budget, keywords: u8::try_from(keywords).unwrap_or(u8::MAX), language, ..Options::default() };
    let mut summarizer = Box::new(DefaultSummarizer::new());
    let json = match summarizer.summarize(title, body, &opts) {
        Ok(summary) => serde_json::to_string(&PageReport {
            title,
            body_start: text.len() - body.len(),
            report: SummaryReport::new(&summary),
        }),
        Err(e) => serde_json::to_string(&ErrorReport { error: e.to_string() }),
    };
    // Serializing these records cannot fail (no maps with non-string keys).
    json.unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
}

fn clamp_u16(n: u32) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}

/// Why a page could not be drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageError {
    /// No display has this index in [`DISPLAYS`].
    NoSuchDisplay,
    /// The summarizer refused the article ([`epitome::Error`]).
    Summarize(epitome::Error),
}

/// Draws page `page` (from 0) of `text` on display `display` as the board
/// with a screen shows it: its workspace and the firmware's options
/// ([`epitome_firmware::protocol::options`]), as `epitome screen` draws
/// it, read in `language` (as an article whose language is given).
/// Returns the number of pages and the page's bits (rows of
/// `ceil(width / 8)` bytes, most significant bit leftmost, as [`Bitmap`]);
/// a page past the last gives the count and no bits.
pub fn page(text: &str, display: usize, page: usize, language: LanguageChoice) -> Result<(usize, Vec<u8>), PageError> {
    let screen = *DISPLAYS.get(display).ok_or(PageError::NoSuchDisplay)?;
    let (title, body) = headline::split(text);
    let mut summarizer = Box::new(epitome_board_lm3s6965evb::Workspace::new());
    let opts = Options { language, ..epitome_firmware::protocol::options() };
    let summary = summarizer.summarize(title, body, &opts).map_err(PageError::Summarize)?;
    let content = ArticleContent { title, summary: &summary };
    let pages = Pages::new(screen, &content);
    let count = pages.count();
    if page >= count {
        return Ok((count, Vec::new()));
    }
    let size = screen.size();
    let mut bits = vec![0u8; Bitmap::bytes(size)];
    if let Ok(mut frame) = Bitmap::new(size, &mut bits) {
        // Drawing on a Bitmap cannot fail and the page is below the count.
        let _ = pages.draw(page, &mut frame);
    }
    Ok((count, bits))
}

#[cfg(test)]
mod tests {
    use super::*;

    const AUTO: LanguageChoice = LanguageChoice::Auto;
    const ARTICLE: &str = "Port Alder council approves tidal bridge\n\nThe Port Alder town council voted 7-2 on Tuesday to build a tidal footbridge across the harbour mouth. The bridge will cost an estimated £18.4m and is due to open in 2029. Opponents warned that the piers could narrow the channel used by the town's trawlers.";

    #[test]
    fn offsets_mark_the_sentences_in_the_whole_text() {
        let v: serde_json::Value = serde_json::from_str(&summarize(ARTICLE, 2, 0, 5, LanguageChoice::Auto)).unwrap();
        let start = v["body_start"].as_u64().unwrap() as usize;
        let sentences = v["sentences"].as_array().unwrap();
        assert_eq!(sentences.len(), 2);
        for s in sentences {
            let (a, b) = (s["start"].as_u64().unwrap() as usize, s["end"].as_u64().unwrap() as usize);
            assert_eq!(&ARTICLE[start + a..start + b], s["text"].as_str().unwrap());
        }
        assert_eq!(v["keywords"].as_array().unwrap().len(), 5);
        assert_eq!(v["language"], "en");
    }

    #[test]
    fn empty_and_odd_inputs_give_json() {
        for text in ["", "\n\n", "Only a title", "\u{0}\u{1}"] {
            let v: serde_json::Value = serde_json::from_str(&summarize(text, 3, 0, 10, LanguageChoice::Auto)).unwrap();
            assert!(v["sentences"].as_array().unwrap().is_empty(), "{text:?}");
        }
        let v: serde_json::Value = serde_json::from_str(&summarize(ARTICLE, 99, 0, 99, LanguageChoice::Auto)).unwrap();
        assert!(!v["flags"].as_array().unwrap().is_empty(), "clamping is flagged");
    }

    #[test]
    fn pages_are_drawn_and_counted() {
        let (count, bits) = page(ARTICLE, 0, 0, AUTO).unwrap();
        assert!(count >= 1);
        assert_eq!(bits.len(), 128 / 8 * 64);
        assert!(bits.iter().any(|&b| b != 0), "something is drawn");
        assert_eq!(page(ARTICLE, 0, count, AUTO).unwrap(), (count, Vec::new()));
        assert_eq!(page(ARTICLE, 1, 0, AUTO).unwrap().1.len(), 296usize.div_ceil(8) * 128);
        assert_eq!(page(ARTICLE, 2, 0, AUTO), Err(PageError::NoSuchDisplay));
    }

    const FRENCH: &str = "Panique à Venise\n\nLe paquebot, qui peut contenir plus de 2.600 passagers, est venu heurter le quai dimanche matin. Selon la police, il n'y a pas eu de blessés. M. Rossi a vu la scène depuis la rive.";

    #[test]
    fn the_language_is_detected_or_chosen() {
        let codes: Vec<&str> = languages().map(Language::code).collect();
        assert_eq!(codes, ["en", "fr", "de", "es", "it", "pt", "nl"], "every language is compiled in");
        let language = |text, choice| {
            let v: serde_json::Value = serde_json::from_str(&summarize(text, 3, 0, 10, choice)).unwrap();
            v["language"].as_str().unwrap().to_owned()
        };
        assert_eq!(language(FRENCH, AUTO), "fr");
        assert_eq!(language(ARTICLE, AUTO), "en");
        for (n, code) in codes.iter().enumerate() {
            let choice = language_choice(n as u32 + 1).unwrap();
            assert_eq!(&language(FRENCH, choice), code);
        }
        assert_eq!(language_choice(codes.len() as u32 + 1), None);
        // The device preview reads the article in the chosen language too.
        assert_ne!(page(FRENCH, 0, 0, AUTO), page(FRENCH, 0, 0, language_choice(1).unwrap()));
    }
}
