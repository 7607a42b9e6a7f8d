//! Bytes to text: the encodings articles come in, and refusing binary files.
//!
//! - UTF-8, with or without a byte-order mark (the mark is dropped);
//! - UTF-16, little- or big-endian, with a byte-order mark;
//! - anything else as Windows-1252, the commonest legacy encoding of news
//!   text (it agrees with Latin-1 on every printable Latin-1 character, so
//!   Latin-1 files read the same, and its curly quotes come out right).
//!
//! The decoding is `encoding_rs`'s (the WHATWG Encoding Standard's tables),
//! not a table of our own. A decoded text holding a NUL, or in which more
//! than one character in [`CONTROL_SHARE`] is a control character other
//! than tab, line feed, form feed and carriage return, is not an article
//! (an executable, an image, random bytes): [`DecodeError::Binary`].

use std::fmt;

use encoding_rs::{Encoding, WINDOWS_1252};

/// A text is binary when more than one character in this many is a control character.
pub const CONTROL_SHARE: usize = 20;

/// Why bytes are not an article's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecodeError {
    /// NUL bytes, or mostly control characters.
    Binary,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Binary => f.write_str("binary file, not a text article"),
        }
    }
}

impl std::error::Error for DecodeError {}

/// Decodes a file's bytes (see the module docs). Valid UTF-8 without a
/// mark is taken as it is, without a copy.
///
/// ```
/// use epitome_host::decode::{DecodeError, decode};
/// assert_eq!(decode(b"\xef\xbb\xbfcaf\xc3\xa9".to_vec()), Ok("café".to_owned()));
/// assert_eq!(decode(b"\xff\xfeh\0i\0".to_vec()), Ok("hi".to_owned())); // UTF-16LE
/// assert_eq!(decode(b"\x93quoted\x94 caf\xe9".to_vec()), Ok("\u{201c}quoted\u{201d} café".to_owned()));
/// assert_eq!(decode(b"\x7fELF\x02\x01\x01\0\0\0".to_vec()), Err(DecodeError::Binary));
/// ```
pub fn decode(bytes: Vec<u8>) -> Result<String, DecodeError> {
    decode_noting(bytes).map(|d| d.text)
}

/// A decoded text, and whether it was not UTF-8 (nor marked UTF-16) and so
/// was read as Windows-1252 — which the reader should be told, since a
/// UTF-8 file with one stray byte is read that way too.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text.
    pub text: String,
    /// True when the Windows-1252 fallback was taken.
    pub fallback: bool,
}

/// [`decode`], saying whether the Windows-1252 fallback was taken.
///
/// ```
/// use epitome_host::decode::decode_noting;
/// assert!(!decode_noting(b"caf\xc3\xa9".to_vec()).unwrap().fallback);
/// assert!(decode_noting(b"caf\xc3\xa9 and caf\xe9".to_vec()).unwrap().fallback);
/// ```
pub fn decode_noting(bytes: Vec<u8>) -> Result<Decoded, DecodeError> {
    let (text, fallback) = match Encoding::for_bom(&bytes) {
        // Malformed sequences after a mark become U+FFFD.
        Some((encoding, mark)) => (encoding.decode_without_bom_handling(&bytes[mark..]).0.into_owned(), false),
        None => match String::from_utf8(bytes) {
            Ok(s) => (s, false),
            Err(e) => (WINDOWS_1252.decode_without_bom_handling(e.as_bytes()).0.into_owned(), true),
        },
    };
    if is_binary(&text) { Err(DecodeError::Binary) } else { Ok(Decoded { text, fallback }) }
}

/// True if `text` holds a NUL or more than one control character in
/// [`CONTROL_SHARE`] (C0 other than tab, LF, FF, CR; DEL; C1).
pub fn is_binary(text: &str) -> bool {
    // Nearly every article holds no control character at all, which one
    // quick pass shows; only the others have their characters counted.
    let bytes = text.as_bytes();
    any_control(bytes) && too_many_controls(bytes)
}

/// True if the UTF-8 byte `b`, after the byte `prev`, is (the last byte
/// of) a control character: C0 but tab, LF, FF and CR; DEL; C1 (0xC2
/// then 0x80..=0x9F). `&`/`|` rather than `&&`/`||`: no branches, so the
/// loops over it become vector code.
fn is_control(b: u8, prev: u8) -> bool {
    let spacing = (b.wrapping_sub(b'\t') < 5) & (b != 0x0b);
    let c0 = (b < 0x20) & !spacing;
    let c1 = (prev == 0xC2) & (b.wrapping_sub(0x80) < 0x20);
    c0 | (b == 0x7F) | c1
}

/// Each byte of `bytes` with the one before it, in runs of at most `len`;
/// the first byte has none, and a 0 (not 0xC2) stands in.
fn runs(bytes: &[u8], len: usize) -> impl Iterator<Item = (&[u8], &[u8])> {
    let (head, rest) = bytes.split_at(bytes.len().min(1));
    let before_head: &[u8] = if head.is_empty() { &[] } else { &[0] };
    // Zipped runs of different lengths stop at the shorter: right here.
    std::iter::once((head, before_head)).chain(rest.chunks(len).zip(bytes.chunks(len)))
}

fn any_control(bytes: &[u8]) -> bool {
    // Long runs: the vector loop's scalar tail is run once per run.
    runs(bytes, 1024)
        .any(|(run, before)| run.iter().zip(before).fold(0u8, |any, (&b, &p)| any | u8::from(is_control(b, p))) != 0)
}

fn too_many_controls(bytes: &[u8]) -> bool {
    let (mut chars, mut controls, mut nul) = (0usize, 0usize, false);
    // Runs of 255, so that a `u8` can count over a run.
    for (run, before) in runs(bytes, 255) {
        let (mut ch, mut co, mut z) = (0u8, 0u8, 0u8);
        for (&b, &p) in run.iter().zip(before) {
            // A character starts at every byte but a continuation byte.
            ch += u8::from((b as i8) >= -0x40);
            co += u8::from(is_control(b, p));
            z |= u8::from(b == 0);
        }
        chars += usize::from(ch);
        controls += usize::from(co);
        nul |= z != 0;
    }
    nul || controls * CONTROL_SHARE > chars
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_mark() {
        assert_eq!(decode("Grüße".as_bytes().to_vec()).unwrap(), "Grüße");
        assert_eq!(decode("\u{feff}Grüße".as_bytes().to_vec()).unwrap(), "Grüße");
        assert_eq!(decode(Vec::new()).unwrap(), "");
    }

    #[test]
    fn utf16_needs_its_mark() {
        let text = "“Quoted” café\n";
        let le: Vec<u8> = [0xFF, 0xFE].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect();
        let be: Vec<u8> = [0xFE, 0xFF].into_iter().chain(text.encode_utf16().flat_map(u16::to_be_bytes)).collect();
        assert_eq!(decode(le.clone()).unwrap(), text);
        assert_eq!(decode(be).unwrap(), text);
        // Without the mark its NULs make it binary.
        assert_eq!(decode(le[2..].to_vec()), Err(DecodeError::Binary));
    }

    #[test]
    fn windows_1252_for_the_rest() {
        // 0x80..=0x9F are printable in Windows-1252 (euro, dashes, quotes), not C1 controls.
        assert_eq!(decode(b"\x80 5 \x96 \x91ok\x92 na\xefve".to_vec()).unwrap(), "€ 5 – ‘ok’ naïve");
        // Latin-1 text (no 0x80..=0x9F) reads as before.
        assert_eq!(decode(b"caf\xe9 \xa3".to_vec()).unwrap(), "café £");
    }

    #[test]
    fn binary_is_refused_at_the_share() {
        assert!(is_binary("text\0more"));
        assert!(is_binary("\0") && is_binary(&format!("{}\0", "a".repeat(600))));
        assert!(!is_binary("") && !is_binary("a") && !is_binary("\u{a3}5 \u{b0}C \u{e9}"));
        // 1 control in 20 characters is still text, 2 in 20 is not.
        let one = format!("\x1b{}", "a".repeat(19));
        assert!(!is_binary(&one));
        let two = format!("\x1b\x01{}", "a".repeat(18));
        assert!(is_binary(&two));
        assert!(!is_binary("tabs\tform\x0cfeeds\r\nand lines\n"));
        assert!(is_binary("\u{85}\u{9f}ab"));
        // Random bytes without a single NUL are still refused.
        let mut rng = crate::rng::SplitMix64::new(12345);
        let noise: Vec<u8> = (0..4096).map(|_| (rng.next_u64() as u8).max(1)).collect();
        assert_eq!(decode(noise), Err(DecodeError::Binary));
    }
}
