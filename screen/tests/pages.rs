//! Pages as a reader sees them: the edge cases of the issue, a golden
//! picture, and properties over arbitrary text.
//!
//! Re-bless the golden pictures deliberately with
//! `BLESS=1 cargo test -p epitome-screen --test pages`.

use embedded_graphics::prelude::*;
use epitome_screen::font::{ELLIPSIS, REPLACEMENT};
use epitome_screen::wrap::{Piece, width};
use epitome_screen::{Bitmap, Content, DrawError, FONT_5X8, Line, NO_SENTENCES, Pages, RowMarks, Screen};
use proptest::prelude::*;

/// A content made of plain strings.
#[derive(Debug, Clone, Default)]
struct Text {
    title: String,
    keywords: Vec<String>,
    sentences: Vec<String>,
}

impl Content for Text {
    fn title(&self) -> &str {
        &self.title
    }
    fn keyword(&self, i: usize) -> Option<&str> {
        self.keywords.get(i).map(String::as_str)
    }
    fn sentence(&self, i: usize) -> Option<&str> {
        self.sentences.get(i).map(String::as_str)
    }
}

fn text(title: &str, keywords: &[&str], sentences: &[&str]) -> Text {
    Text {
        title: title.into(),
        keywords: keywords.iter().map(|s| s.to_string()).collect(),
        sentences: sentences.iter().map(|s| s.to_string()).collect(),
    }
}

/// Page `page` as rows of `#` and `.`, and how many pixels fell outside.
fn picture(screen: Screen, content: &Text, page: usize) -> (String, u32) {
    let mut buf = vec![0u8; Bitmap::bytes(screen.size())];
    let mut frame = Bitmap::new(screen.size(), &mut buf).unwrap();
    Pages::new(screen, content).draw(page, &mut frame).unwrap();
    let mut out = String::new();
    for y in 0..screen.size().height {
        for x in 0..screen.size().width {
            out.push(if frame.pixel(x, y) { '#' } else { '.' });
        }
        out.push('\n');
    }
    (out, frame.outside())
}

/// The pixels of one character's cell (`col`, `row`) of a 128x64 picture.
fn cell(picture: &str, col: usize, row: usize) -> Vec<String> {
    let lines: Vec<&str> = picture.lines().collect();
    (0..8).map(|y| lines[row * 8 + y][1 + col * 5..1 + col * 5 + 5].to_string()).collect()
}

/// The cell of `c` drawn alone, as the first text row of a page.
fn glyph_cell(c: char) -> Vec<String> {
    let (p, _) = picture(Screen::OLED_128X64, &text("", &[], &[&c.to_string()]), 0);
    cell(&p, 0, 0)
}

fn golden(name: &str, actual: &str) {
    let path = format!("{}/tests/golden/{name}.txt", env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("BLESS").is_some() {
        std::fs::create_dir_all(format!("{}/tests/golden", env!("CARGO_MANIFEST_DIR"))).unwrap();
        std::fs::write(&path, actual).unwrap();
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(expected == actual, "{name}: picture differs from {path} (BLESS=1 to re-bless):\n{actual}");
}

#[test]
fn golden_first_page_of_a_news_digest() {
    let t = text(
        "Łódź and Bogotá sign a water deal in Søren Müller’s presence",
        &["water deal", "Łódź", "Bogotá", "François Rodríguez"],
        &[
            "“We waited ten years,” said François Rodríguez — the mayor of Bogotá — on Monday.",
            "The plant costs €40m (£34m) and opens in 2027.",
        ],
    );
    let (p, outside) = picture(Screen::OLED_128X64, &t, 0);
    assert_eq!(outside, 0);
    golden("digest-page-1", &p);
}

#[test]
fn forty_character_word_is_cut_with_an_ellipsis() {
    let word = "Donaudampfschifffahrtsgesellschaftskapit"; // 40 letters
    assert_eq!(word.chars().count(), 40);
    let t = text("T", &[], &[&format!("A {word} sailed.")]);
    let pages = Pages::new(Screen::OLED_128X64, &t);
    let lines: Vec<Line<'_>> = pages.lines(0).collect();
    assert_eq!(lines[1], Line::Text(Piece { text: "A", clipped: false }, RowMarks::default()));
    assert_eq!(lines[2], Line::Text(Piece { text: word, clipped: true }, RowMarks::default()));
    assert_eq!(lines[3], Line::Text(Piece { text: "sailed.", clipped: false }, RowMarks::default()));
    let (p, outside) = picture(Screen::OLED_128X64, &t, 0);
    assert_eq!(outside, 0);
    // Row 2: the first 24 letters, then the ellipsis in the last cell.
    assert_eq!(cell(&p, 0, 2), glyph_cell('D'));
    assert_eq!(cell(&p, 23, 2), glyph_cell(word.chars().nth(23).unwrap()));
    assert_eq!(cell(&p, 24, 2), glyph_cell(ELLIPSIS));
}

#[test]
fn empty_digest_is_one_page_with_a_note() {
    let t = text("Digest · 0 articles", &[], &[]);
    let pages = Pages::new(Screen::OLED_128X64, &t);
    assert_eq!(pages.count(), 1);
    let lines: Vec<Line<'_>> = pages.lines(0).collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[1], Line::Note(NO_SENTENCES));
    let (p, outside) = picture(Screen::OLED_128X64, &t, 0);
    assert_eq!(outside, 0);
    // The indicator "1/1" ends in the last cell of the last row.
    assert_eq!(cell(&p, 24, 7), glyph_cell('1'));
    assert_eq!(cell(&p, 23, 7), glyph_cell('/'));
}

#[test]
fn title_only_article_shows_title_keywords_and_note() {
    let t = text("Storm closes the port", &["storm", "port"], &[]);
    let pages = Pages::new(Screen::OLED_128X64, &t);
    let kinds: Vec<Line<'_>> = pages.lines(0).collect();
    assert!(matches!(kinds[0], Line::Title(Piece { text: "Storm closes the port", clipped: false })));
    assert!(matches!(kinds[1], Line::Keywords(_)));
    assert_eq!(kinds[2], Line::Note(NO_SENTENCES));
    assert_eq!(kinds.len(), 3);
    // A whitespace-only title and sentences count as none.
    let t = text("  \n ", &[], &["   "]);
    let lines: Vec<Line<'_>> = Pages::new(Screen::OLED_128X64, &t).lines(0).collect();
    assert_eq!(lines, [Line::Note(NO_SENTENCES)]);
}

#[test]
fn greek_is_drawn_and_cjk_is_the_replacement_glyph() {
    let t = text("Αθήνα", &[], &["Ελλάδα 中文"]);
    let (p, outside) = picture(Screen::OLED_128X64, &t, 0);
    assert_eq!(outside, 0);
    let replacement = glyph_cell(REPLACEMENT);
    for col in 0..6 {
        assert_ne!(cell(&p, col, 1), replacement, "Greek letter {col} drawn as the replacement");
        assert!(cell(&p, col, 1).iter().any(|r| r.contains('#')));
    }
    assert_eq!(cell(&p, 7, 1), replacement);
    assert_eq!(cell(&p, 8, 1), replacement);
    // Emoji and a lone combining accent too: visible, one cell each.
    assert_eq!(glyph_cell('\u{1f600}'), replacement);
    assert_eq!(glyph_cell('\u{301}'), replacement);
}

#[test]
fn long_title_takes_two_rows_and_is_cut() {
    let t = text("one two three four five six seven eight nine ten eleven twelve", &[], &["Body."]);
    let lines: Vec<Line<'_>> = Pages::new(Screen::OLED_128X64, &t).lines(0).collect();
    assert_eq!(lines[0], Line::Title(Piece { text: "one two three four five", clipped: false }));
    assert_eq!(lines[1], Line::Title(Piece { text: "six seven eight nine ten eleven twelve", clipped: true }));
    assert_eq!(lines[2], Line::Text(Piece { text: "Body.", clipped: false }, RowMarks::default()));
}

#[test]
fn sentences_flow_over_pages_and_indicator_counts_them() {
    let sentence = "Every word here is short and the sentence goes on for a good while yet.";
    let t = text("Many", &["a"], &[sentence; 6]);
    let pages = Pages::new(Screen::OLED_128X64, &t);
    // 1 title + 1 keywords + 6 x 3 rows = 20 rows, 7 a page.
    assert_eq!(pages.count(), 3);
    assert_eq!(pages.lines(2).count(), 6);
    assert_eq!(pages.lines(3).count(), 0);
    let (p, _) = picture(Screen::OLED_128X64, &t, 2);
    assert_eq!(cell(&p, 22, 7), glyph_cell('3'));
    assert_eq!(cell(&p, 24, 7), glyph_cell('3'));
    let mut buf = [0u8; 1024];
    let mut frame = Bitmap::new(Screen::OLED_128X64.size(), &mut buf).unwrap();
    assert_eq!(pages.draw(3, &mut frame), Err(DrawError::NoSuchPage));
}

#[test]
fn screens_and_sizes() {
    assert_eq!((Screen::OLED_128X64.cols(), Screen::OLED_128X64.rows()), (25, 8));
    assert_eq!((Screen::EPAPER_296X128.cols(), Screen::EPAPER_296X128.rows()), (59, 16));
    assert!(Screen::new(59, 64, &FONT_5X8).is_err());
    assert!(Screen::new(60, 16, &FONT_5X8).is_ok());
    assert!(Screen::new(60, 15, &FONT_5X8).is_err());
    let t = text("Wide", &[], &["A sentence on the e-paper panel."]);
    let (p, outside) = {
        let s = Screen::EPAPER_296X128;
        let mut buf = vec![0u8; Bitmap::bytes(s.size())];
        let mut frame = Bitmap::new(s.size(), &mut buf).unwrap();
        Pages::new(s, &t).draw(0, &mut frame).unwrap();
        (frame.pixel(295, 0), frame.outside())
    };
    assert!(p, "heading bar spans the panel");
    assert_eq!(outside, 0);
}

fn any_text() -> impl Strategy<Value = String> {
    // Mostly words, with long words, odd whitespace, accents, Greek, CJK,
    // controls, combining and invisible characters mixed in.
    let piece = prop_oneof![
        4 => "[a-zA-Z]{1,12}",
        1 => "[a-z]{20,60}",
        1 => "[ \t\n\u{a0}\u{2003}]{1,4}",
        1 => "[àéîõüŁłőűŒœ€£‘’“”„–—…]{1,6}",
        1 => "[αβγδΑΩ中文字\u{301}\u{ad}\u{200b}\u{0}\u{7f}\u{85}\u{1f600}]{1,4}",
        1 => any::<String>(),
    ];
    prop::collection::vec(piece, 0..30).prop_map(|v| v.join(" "))
}

fn any_content() -> impl Strategy<Value = Text> {
    (any_text(), prop::collection::vec(any_text(), 0..8), prop::collection::vec(any_text(), 0..8))
        .prop_map(|(title, keywords, sentences)| Text { title, keywords, sentences })
}

/// The rows of the sentences of `t` on the OLED, with their marks, as drawn text.
fn shown_rows(t: &impl Content) -> Vec<String> {
    let pages = Pages::new(Screen::OLED_128X64, t);
    (0..pages.count())
        .flat_map(|page| pages.lines(page).collect::<Vec<_>>())
        .filter_map(|line| match line {
            Line::Text(p, m) => Some(format!("{}{}{}", m.before(), p.text, m.after())),
            _ => None,
        })
        .collect()
}

#[test]
fn a_sentence_is_shown_with_the_quotation_marks_it_lacks() {
    // The first paragraph of a quotation that runs on: closed on the screen.
    let t = text("T", &[], &["Wenger said: \u{201c}We are still in the tie."]);
    assert_eq!(shown_rows(&t), ["Wenger said: \u{201c}We are", "still in the tie.\u{201d}"]);
    // Its last paragraph: opened on the first row only.
    let t = text("T", &[], &["It will be hard, but we will go there to win,\u{201d} he said."]);
    assert_eq!(shown_rows(&t), ["\u{201c}It will be hard, but we", "will go there to win,\u{201d} he", "said."]);
    // A balanced sentence is shown as it is.
    let t = text("T", &[], &["\"We are ready,\" she said."]);
    assert_eq!(shown_rows(&t), ["\"We are ready,\" she said."]);
    let pages = Pages::new(Screen::OLED_128X64, &t);
    assert!(
        pages.lines(0).any(
            |l| l == Line::Text(Piece { text: "\"We are ready,\" she said.", clipped: false }, RowMarks::default())
        )
    );
}

#[test]
fn a_closing_mark_that_does_not_fit_moves_the_last_word_down() {
    // 25 cells: "Blah blah blah blah blah." fills the row; with its closing mark
    // the last word goes on a row of its own.
    let t = text("T", &[], &["\"Blah blah blah blah blah."]);
    assert_eq!(shown_rows(&t), ["\"Blah blah blah blah", "blah.\""]);
    let (p, outside) = picture(Screen::OLED_128X64, &t, 0);
    assert_eq!(outside, 0);
    // Rows: the title, the sentence's first row, then "blah." and the closing mark in cell 5.
    assert_eq!(cell(&p, 4, 2), glyph_cell('.'));
    assert_eq!(cell(&p, 5, 2), glyph_cell('"'));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// Any text: no panic, every pixel on the display, same picture twice,
    /// rows that fit, and the page count matching the rows.
    #[test]
    fn any_text_draws_inside_and_deterministically(t in any_content(), wide in any::<bool>()) {
        let screen = if wide { Screen::EPAPER_296X128 } else { Screen::OLED_128X64 };
        let pages = Pages::new(screen, &t);
        let mut rows = 0;
        for page in 0..pages.count() {
            let lines: Vec<Line<'_>> = pages.lines(page).collect();
            prop_assert!(!lines.is_empty() && lines.len() <= screen.lines_per_page());
            rows += lines.len();
            for line in &lines {
                if let Line::Title(p) | Line::Text(p, _) = line {
                    prop_assert!(p.clipped || width(&FONT_5X8, p.text) <= screen.cols(), "{p:?}");
                    prop_assert!(width(&FONT_5X8, p.text) > 0, "{p:?}");
                }
                if let Line::Text(p, m) = line {
                    let marks = width(&FONT_5X8, m.before()) + width(&FONT_5X8, m.after());
                    prop_assert!(p.clipped || width(&FONT_5X8, p.text) + marks <= screen.cols(), "{p:?} {m:?}");
                }
            }
            let mut a = vec![0u8; Bitmap::bytes(screen.size())];
            let mut b = vec![0xffu8; Bitmap::bytes(screen.size())];
            let mut fa = Bitmap::new(screen.size(), &mut a).unwrap();
            let mut fb = Bitmap::new(screen.size(), &mut b).unwrap();
            pages.draw(page, &mut fa).unwrap();
            pages.draw(page, &mut fb).unwrap();
            prop_assert_eq!(fa.outside(), 0);
            prop_assert_eq!(fa.as_bytes(), fb.as_bytes());
        }
        prop_assert_eq!(pages.count(), rows.div_ceil(screen.lines_per_page()).max(1));
    }

    /// Drawing onto a smaller target (a clipped view) never panics either.
    #[test]
    fn any_text_on_a_too_small_target(t in any_content()) {
        let mut buf = [0u8; 8 * 8];
        let mut frame = Bitmap::new(Size::new(64, 8), &mut buf).unwrap();
        let pages = Pages::new(Screen::OLED_128X64, &t);
        pages.draw(0, &mut frame).unwrap();
    }
}
