//! Frames from a board, classified and described for printing.

use epitome::wire::{ErrorCode, Message, decode_frame};

/// What a frame from the board is, by its decoded [`Message`] variant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FrameKind {
    /// [`Message::Hello`].
    Hello,
    /// [`Message::Digest`]: the answer to one article.
    Digest,
    /// [`Message::MultiDigest`]: the digest of the flash corpus, last at boot.
    MultiDigest,
    /// [`Message::Error`].
    Error,
    /// Any other message (a board never sends one).
    Unexpected,
    /// Not a valid frame.
    Undecodable,
}

/// Decodes `frame` (with or without its `0x00`) and tells its kind.
pub fn kind(frame: &[u8]) -> FrameKind {
    let mut raw = frame.strip_suffix(&[0]).unwrap_or(frame).to_vec();
    match decode_frame(&mut raw) {
        Ok(Message::Hello(_)) => FrameKind::Hello,
        Ok(Message::Digest(_)) => FrameKind::Digest,
        Ok(Message::MultiDigest(_)) => FrameKind::MultiDigest,
        Ok(Message::Error(_)) => FrameKind::Error,
        Ok(_) => FrameKind::Unexpected,
        Err(_) => FrameKind::Undecodable,
    }
}

/// A sentence on one line, with the quotation marks it lacks, as the
/// `summarize` command prints it (`report::shown`).
fn one_line(text: &str) -> String {
    epitome::segment::Shown::new(text).to_string().split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A frame from the board, decoded for printing.
pub fn describe(frame: &[u8]) -> String {
    let mut raw = frame.strip_suffix(&[0]).unwrap_or(frame).to_vec();
    match decode_frame(&mut raw) {
        Ok(Message::Hello(h)) => {
            format!("hello: the board takes frames of up to {} bytes, in languages {}", h.max_frame, h.languages)
        }
        Ok(Message::Digest(d)) => {
            let mut s = format!("article {}:", d.article);
            for x in &d.sentences {
                s.push_str("\n  - ");
                s.push_str(&one_line(x.text));
            }
            let kws: Vec<&str> = d.keywords.iter().map(|k| k.text).collect();
            s.push_str(&format!("\n  keywords: {}", kws.join(", ")));
            s
        }
        Ok(Message::MultiDigest(d)) => {
            let mut s = format!("digest of {} articles:", d.articles);
            for x in &d.sentences {
                s.push_str(&format!("\n  - [{}] {}", x.article, one_line(x.text)));
            }
            let kws: Vec<&str> = d.keywords.iter().map(|k| k.text).collect();
            s.push_str(&format!("\n  keywords: {}", kws.join(", ")));
            s
        }
        Ok(Message::Error(e)) if e.code == ErrorCode::Language => {
            format!("error for article {}: Language (the board does not read the language its `lang` names)", e.article)
        }
        Ok(Message::Error(e)) if e.article == u32::MAX => format!("error: {:?}", e.code),
        Ok(Message::Error(e)) => format!("error for article {}: {:?}", e.article, e.code),
        Ok(other) => format!("unexpected message: {other:?}"),
        Err(e) => format!("undecodable frame ({e}): {} bytes", frame.len()),
    }
}
