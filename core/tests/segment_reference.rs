//! The segmenter against the naive checks of `core/tests/reference/segment.rs`
//! (well-formed units, the same line by line and at any offset) on random
//! text built from the pieces its rules look at, on news-like sentences and
//! on arbitrary strings (the seed and BBC articles are checked in
//! `segment_data.rs`). What each rule does is pinned by the case table,
//! `core/src/segment/cases.txt`.

use proptest::prelude::*;

#[path = "reference/segment.rs"]
mod segment_reference;
use segment_reference::check_segmenter;

/// Pieces the rules look at: terminators, quotation marks and their look-
/// alikes, abbreviations, list markers, labels, boilerplate, white space
/// and non-ASCII letters, digits and spaces.
const PIECES: &[&str] = &[
    "Mr.",
    "Ms.",
    "St.",
    "Dr.",
    "Gen.",
    "No.",
    "p.",
    "Jan.",
    "etc.",
    "Inc.",
    "vs.",
    "U.S.",
    "a.m.",
    "p.m.",
    "P.M.",
    "e.g.",
    "Ph.D.",
    "F.",
    "I.",
    "B.",
    "x.",
    "47.3%",
    "3.5",
    "page.html",
    " ",
    " ",
    " ",
    "  ",
    "\t",
    "\n",
    "\n\n",
    "\r\n",
    "\u{a0}",
    "\u{2009}",
    "\u{3000}",
    ". ",
    "! ",
    "? ",
    "...",
    "\u{2026}",
    "?!",
    ".",
    "!",
    "?",
    "\"",
    "\"",
    "'",
    "\u{201c}",
    "\u{201d}",
    "\u{2018}",
    "\u{2019}",
    "\u{ab}",
    "\u{bb}",
    "\u{2039}",
    "\u{203a}",
    "(",
    ")",
    "[",
    "]",
    "\u{2014}",
    "\u{2013}",
    "-",
    "*",
    ":",
    ",",
    "1. ",
    "2. ",
    "3. ",
    "1) ",
    "2) ",
    "(a) ",
    "(b) ",
    "a) ",
    "b) ",
    "i. ",
    "ii. ",
    "iv. ",
    "- ",
    "* ",
    "\u{2022} ",
    "\u{2022}",
    "\u{2043}",
    "\u{25aa} ",
    "\u{b7} ",
    "1.The",
    "8\"",
    "2-1",
    "The",
    "He",
    "But",
    "It",
    "They",
    "word",
    "words",
    "time",
    "Tuesday",
    "GMT",
    "London",
    "Smith",
    "BREAKING",
    "WATCH",
    "Share on facebook",
    "Credit: J. Doe/AP",
    "newsletter",
    "date 2026-01-28",
    "Published: 2024-03-01T10:00Z",
    "\u{a9} 2024",
    "Getty Images",
    "Subscribe",
    "subscribers",
    "Read more",
    "READ ALSO",
    "Photo:",
    "Image source",
    "Advertisement",
    "Follow us",
    "Skip to",
    "Download the",
    "/Reuters",
    "/AFP",
    "/EPA",
    "/Bloomberg",
    "/ap",
    "All rights reserved",
    "Click here",
    "Related:",
    "Watch:",
    "Listen:",
    "Copyright",
    "Research Staff",
    "Media caption",
    "Sign up",
    "Share this",
    "NEWSLETTER",
    "\u{e9}",
    "\u{c9}t\u{e9}",
    "\u{df}",
    "\u{141}\u{f3}d\u{17a}",
    "\u{3a9}",
    "\u{41f}\u{440}\u{438}",
    "\u{65e5}",
    "\u{663}",
    "\u{ff21}",
    "0",
    "12",
    "2004",
    "$1.2bn",
    "N\u{b0}",
    "You need:",
];

fn pieces() -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(PIECES), 0..80).prop_map(|v| v.concat())
}

/// Sentences in the shape of news: capitalized words, abbreviations,
/// quotations, numbers, occasional list lines and headings.
fn news() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        4 => "[a-z]{1,9}",
        2 => "[A-Z][a-z]{1,8}",
        1 => proptest::sample::select(&["Mr.", "U.S.", "p.m.", "Jan.", "No.", "Inc.", "F.", "3.5", "$4m", "2024"][..])
            .prop_map(String::from),
        1 => proptest::sample::select(&["\u{e9}t\u{e9}", "\u{c9}mile", "na\u{ef}ve", "\u{201c}yes\u{201d}", "\"no\"", "it\u{2019}s", "\u{2014}"][..])
            .prop_map(String::from),
    ];
    let sentence = (
        proptest::sample::select(&["", "\"", "\u{201c}", "(", "- ", "1. ", "\u{2022} ", "\u{ab}"][..]),
        "[A-Z][a-z]{0,8}",
        proptest::collection::vec(word, 0..24),
        proptest::sample::select(
            &[".", "?", "!", "...", "\u{2026}", ".\"", ",\"", "?\u{201d}", ".\u{201d}", "", ":", ".)"][..],
        ),
        proptest::sample::select(&[" ", " ", " ", "  ", "\n", "\n\n", " \u{201d} ", "\" ", " 2) "][..]),
    )
        .prop_map(|(open, first, words, end, gap)| format!("{open}{first} {}{end}{gap}", words.join(" ")));
    proptest::collection::vec(sentence, 0..16).prop_map(|v| v.concat())
}

/// Full stops before every kind of byte: the segmenter decides a `.`
/// followed by a word byte or by nothing, `. X` with X an ASCII capital,
/// and the chars U+2000..=U+203F but `…` from their bytes alone, and
/// everything else by decoding; each ASCII char, the non-ASCII ones its
/// rules look at, and words the abbreviation test knows stand after the
/// dots.
fn dots() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => Just(".".to_string()),
        3 => Just(". ".to_string()),
        3 => (0x20u8..0x7f).prop_map(|b| char::from(b).to_string()),
        1 => (0u8..0x20).prop_map(|b| char::from(b).to_string()),
        2 => "[A-Z][a-z]{0,3}",
        2 => proptest::sample::select(
            &["Mr", "No", "p", "Jan", "etc", "U.S", "a.m", "p.m", "F", "I", "The", "He", "But", "Tuesday", "GMT", "time"][..]
        )
        .prop_map(String::from),
        1 => proptest::sample::select(
            &[
                "\u{2026}", "\u{201c}", "\u{201d}", "\u{2018}", "\u{2019}", "\u{203a}", "\u{bb}", "\u{a0}", "\u{2009}", "\u{2014}",
                "\u{c9}", "\u{e9}", "\u{663}",
            ][..]
        )
        .prop_map(String::from),
    ];
    proptest::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn dots_segment_as_the_reference(text in dots()) {
        check_segmenter(&text);
    }

    #[test]
    fn pieces_segment_as_the_reference(text in pieces()) {
        check_segmenter(&text);
    }

    #[test]
    fn news_segments_as_the_reference(text in news()) {
        check_segmenter(&text);
    }

    #[test]
    fn any_text_segments_as_the_reference(text in any::<String>()) {
        check_segmenter(&text);
    }
}

/// Long lines: a quotation that outgrows `MAX_QUOTE_UNIT`, many sentences
/// on one line, a list written on one line.
#[test]
fn long_lines_segment_as_the_reference() {
    let long_quote = format!("He said: \"{} end.\" Then he left. Done.", "The words go on. ".repeat(40));
    let many = "It rained. ".repeat(300);
    let list = format!("You need: 1. A pen. 2. Some paper. 3. {} 4. Ink.", "More words here. ".repeat(50));
    for t in [long_quote.as_str(), many.as_str(), list.as_str()] {
        check_segmenter(t);
    }
}
