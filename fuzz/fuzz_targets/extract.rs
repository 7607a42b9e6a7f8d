//! The HTML extractor on arbitrary bytes: charset sniffing, the depth guard,
//! the HTML5 parse, structured data and readability never panic, and what
//! comes out is text in paragraphs (no blank paragraph, no stray whitespace).
#![no_main]

use libfuzzer_sys::fuzz_target;

fn check(found: Result<extract::Article, extract::ExtractError>) {
    if let Ok(a) = found {
        assert!(!a.text.is_empty());
        assert_eq!(a.text.trim_ascii(), a.text);
        assert!(!a.text.contains("\n\n\n") && a.title.trim_ascii() == a.title);
    }
}

fuzz_target!(|data: &[u8]| {
    check(extract::article(data));
    check(extract::article_from_str(&String::from_utf8_lossy(data), &extract::Options::default()));
});
