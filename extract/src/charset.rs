//! A page's bytes to text.
//!
//! In order: a byte-order mark (UTF-8, UTF-16LE, UTF-16BE) decides; else the
//! charset the page declares in its first [`PRESCAN_BYTES`] bytes, in
//! `<meta charset="…">` or `<meta http-equiv="Content-Type" content="…;
//! charset=…">`, with the WHATWG labels (`latin1` and `iso-8859-1` mean
//! Windows-1252, as in browsers); else UTF-8 when the bytes are valid UTF-8;
//! else Windows-1252. Without a declaration these are the host's rules for
//! text files (`epitome_host::decode`), with the same tables (`encoding_rs`).
//! Malformed sequences in a declared encoding become U+FFFD.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// How far into a page a charset declaration is looked for (the HTML
/// standard's prescan reads as far).
pub const PRESCAN_BYTES: usize = 1024;

/// The page as text (see the module docs). Valid UTF-8 without a mark is
/// borrowed, not copied.
///
/// ```
/// use extract::charset::decode;
/// assert_eq!(decode(b"<p>caf\xc3\xa9"), "<p>café");
/// assert_eq!(decode(b"<meta charset=iso-8859-1><p>caf\xe9"), "<meta charset=iso-8859-1><p>café");
/// assert_eq!(decode(b"<p>caf\xe9 \x93ok\x94"), "<p>café \u{201c}ok\u{201d}");
/// ```
pub fn decode(bytes: &[u8]) -> Cow<'_, str> {
    if let Some((encoding, mark)) = Encoding::for_bom(bytes) {
        return encoding.decode_without_bom_handling(&bytes[mark..]).0;
    }
    match declared(bytes) {
        Some(encoding) => encoding.decode_without_bom_handling(bytes).0,
        None => match std::str::from_utf8(bytes) {
            Ok(s) => Cow::Borrowed(s),
            Err(_) => WINDOWS_1252.decode_without_bom_handling(bytes).0,
        },
    }
}

/// The encoding a `<meta>` tag in the first [`PRESCAN_BYTES`] declares, if any.
///
/// ```
/// use extract::charset::declared;
/// let page = br#"<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">"#;
/// assert_eq!(declared(page).unwrap().name(), "Shift_JIS");
/// assert!(declared(b"<p>charset=koi8-r is not in a meta tag</p>").is_none());
/// ```
pub fn declared(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(PRESCAN_BYTES)];
    let mut rest = head;
    while let Some(start) = find_ascii_ci(rest, b"<meta") {
        let tag = &rest[start..];
        let end = tag.iter().position(|&b| b == b'>').unwrap_or(tag.len());
        if let Some(encoding) = meta_charset(&tag[..end]) {
            // As browsers do: a page that says it is UTF-16 but has no
            // mark is ASCII-compatible after all.
            return Some(if encoding.output_encoding() == UTF_8 { UTF_8 } else { encoding });
        }
        rest = &tag[end..];
    }
    None
}

/// The encoding named after `charset=` inside one `<meta …` tag.
fn meta_charset(tag: &[u8]) -> Option<&'static Encoding> {
    let at = find_ascii_ci(tag, b"charset")?;
    let after = tag[at + b"charset".len()..].trim_ascii_start();
    let value = after.strip_prefix(b"=")?.trim_ascii_start();
    let value = value.strip_prefix(b"\"").or_else(|| value.strip_prefix(b"'")).unwrap_or(value);
    let len = value.iter().position(|&b| matches!(b, b'"' | b'\'' | b';' | b'/' | b'>') || b.is_ascii_whitespace());
    Encoding::for_label(&value[..len.unwrap_or(value.len())])
}

/// Where `needle` (lower-case ASCII) first occurs in `haystack`, ignoring ASCII case.
fn find_ascii_ci(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mark_wins_over_a_declaration() {
        assert_eq!(decode(b"\xef\xbb\xbf<meta charset=windows-1252>\xc3\xa9"), "<meta charset=windows-1252>é");
        let le: Vec<u8> = [0xFF, 0xFE].into_iter().chain("<p>é".encode_utf16().flat_map(u16::to_le_bytes)).collect();
        assert_eq!(decode(&le), "<p>é");
    }

    #[test]
    fn declarations_in_both_meta_forms_and_any_case() {
        let page = b"<META HTTP-EQUIV='content-type' CONTENT='text/html;CHARSET=ISO-8859-15'><p>\xa4";
        assert_eq!(declared(page).unwrap().name(), "ISO-8859-15");
        assert!(decode(page).ends_with("<p>€"));
        assert_eq!(declared(b"<meta charset = \"utf-8\" />").unwrap(), UTF_8);
        // A declared UTF-16 without a mark is read as UTF-8.
        assert_eq!(declared(b"<meta charset=utf-16le>").unwrap(), UTF_8);
        // Unknown labels and declarations past the prescan are ignored.
        assert!(declared(b"<meta charset=klingon>").is_none());
        let late = format!("{}<meta charset=koi8-r>", " ".repeat(PRESCAN_BYTES));
        assert!(declared(late.as_bytes()).is_none());
        assert!(declared(b"<meta charset").is_none() && declared(b"<meta").is_none() && declared(b"").is_none());
    }

    #[test]
    fn undeclared_pages_follow_the_text_rules() {
        assert_eq!(decode("<p>Grüße</p>".as_bytes()), "<p>Grüße</p>");
        assert!(matches!(decode(b"<p>plain</p>"), Cow::Borrowed(_)));
        assert_eq!(decode(b"<p>\x80 5 \x96 na\xefve"), "<p>€ 5 – naïve");
        // A wrong UTF-8 declaration gives replacement characters, not another encoding.
        assert_eq!(decode(b"<meta charset=utf-8>caf\xe9"), "<meta charset=utf-8>caf\u{fffd}");
    }
}
