//! Frame messages and the frame layout: `COBS(version, postcard, CRC-32) 0x00`.

use serde::{Deserialize, Serialize};

use super::{Article, Digest, MultiDigest, WireError, cobs, crc32, from_postcard};
use crate::LanguageSet;

/// The first byte of every frame: magic (high nibble `0xE`) and format
/// version (low nibble, 2). A peer speaking another version gets
/// [`WireError::BadVersion`] instead of misread data.
///
/// Version 2: [`Hello`] says which languages the peer reads, and
/// [`ErrorCode::Language`] refuses an article in another one.
pub const FRAME_VERSION: u8 = 0xE2;

/// Bytes a frame adds around the postcard payload before COBS: version byte and CRC-32.
pub const FRAME_OVERHEAD: usize = 5;

/// Announces a peer: the largest encoded frame it can receive and the
/// languages it reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Hello {
    /// Receive buffer size in bytes (largest COBS-encoded frame accepted).
    pub max_frame: u32,
    /// The languages it summarizes (on the wire: [`LanguageSet::bits`], a
    /// varint). An article in another one is answered with
    /// [`ErrorCode::Language`].
    #[serde(with = "language_bits")]
    pub languages: LanguageSet,
}

/// Serde for [`LanguageSet`] as its bits (the core type stays serde-free).
mod language_bits {
    use serde::{Deserialize, Deserializer, Serializer};

    use crate::LanguageSet;

    pub(super) fn serialize<S: Serializer>(set: &LanguageSet, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u32(set.bits())
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<LanguageSet, D::Error> {
        u32::deserialize(d).map(LanguageSet::from_bits)
    }
}

/// Why a peer rejected a frame or could not answer it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum ErrorCode {
    /// See [`WireError::Oversize`].
    Oversize,
    /// See [`WireError::BadCrc`].
    BadCrc,
    /// See [`WireError::BadCobs`].
    BadCobs,
    /// See [`WireError::BadVersion`].
    BadVersion,
    /// See [`WireError::BadUtf8`].
    BadUtf8,
    /// See [`WireError::Truncated`].
    Truncated,
    /// See [`WireError::Decode`].
    Decode,
    /// The summarizer rejected the article (e.g. [`crate::Error::InputTooLong`]).
    Summarize,
    /// The answer did not fit the peer's send buffer.
    TooLarge,
    /// The message kind is not handled by this peer.
    Unsupported,
    /// Anything else.
    Other,
    /// The article is in a language the peer does not read: its `lang`
    /// field names one missing from the peer's [`Hello::languages`], or
    /// none the core knows.
    Language,
}

impl From<WireError> for ErrorCode {
    fn from(e: WireError) -> Self {
        match e {
            WireError::Oversize => ErrorCode::Oversize,
            WireError::BadCrc => ErrorCode::BadCrc,
            WireError::BadCobs => ErrorCode::BadCobs,
            WireError::BadVersion => ErrorCode::BadVersion,
            WireError::BadUtf8 => ErrorCode::BadUtf8,
            WireError::Truncated => ErrorCode::Truncated,
            WireError::Decode => ErrorCode::Decode,
            WireError::BufferTooSmall => ErrorCode::TooLarge,
            // Not about a received frame: the link itself failed, or a
            // bundle (not a frame) is inconsistent. Listed, not `_`, so
            // that a new `WireError` must be given its code here.
            WireError::Io | WireError::BadIndex | WireError::WrongCount => ErrorCode::Other,
        }
    }
}

/// An error report sent back to the peer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct ErrorFrame {
    /// What went wrong.
    pub code: ErrorCode,
    /// The article concerned, if known (`u32::MAX` if not).
    pub article: u32,
}

/// Everything a frame can carry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
#[allow(clippy::large_enum_variant, reason = "no allocator to box into: a message is one stack slot")]
pub enum Message<'a> {
    /// A peer's greeting.
    Hello(Hello),
    /// An article to summarize.
    #[serde(borrow)]
    Article(Article<'a>),
    /// The digest of one article.
    #[serde(borrow)]
    Digest(Digest<'a>),
    /// The digest of several articles.
    #[serde(borrow)]
    MultiDigest(MultiDigest<'a>),
    /// An error report.
    Error(ErrorFrame),
}

/// Writes the unstuffed frame body of `msg` into `buf`: version byte,
/// postcard payload, CRC-32 (little-endian) of both. Returns the used prefix.
///
/// Errors: [`WireError::BufferTooSmall`].
pub fn encode_payload<'b>(msg: &Message<'_>, buf: &'b mut [u8]) -> Result<&'b [u8], WireError> {
    let (head, rest) = buf.split_first_mut().ok_or(WireError::BufferTooSmall)?;
    *head = FRAME_VERSION;
    let n = postcard::to_slice(msg, rest).map_err(from_postcard)?.len();
    let body_len = n.saturating_add(1);
    let crc = crc32(buf.get(..body_len).unwrap_or(&[]));
    let total = body_len.checked_add(4).ok_or(WireError::BufferTooSmall)?;
    let tail = buf.get_mut(body_len..total).ok_or(WireError::BufferTooSmall)?;
    tail.copy_from_slice(&crc.to_le_bytes());
    buf.get(..total).ok_or(WireError::BufferTooSmall)
}

/// Decodes one unstuffed frame body (as made by [`encode_payload`]).
fn decode_payload(raw: &[u8]) -> Result<Message<'_>, WireError> {
    match raw.first() {
        None => return Err(WireError::Truncated),
        Some(&v) if v != FRAME_VERSION => return Err(WireError::BadVersion),
        Some(_) => {}
    }
    let split = raw.len().checked_sub(4).filter(|&s| s >= 1).ok_or(WireError::Truncated)?;
    let (body, crc) = raw.split_at_checked(split).ok_or(WireError::Truncated)?;
    let want = crc.try_into().map(u32::from_le_bytes).map_err(|_| WireError::Truncated)?;
    if crc32(body) != want {
        return Err(WireError::BadCrc);
    }
    let payload = body.get(1..).unwrap_or(&[]);
    let (msg, rest) = postcard::take_from_bytes::<Message<'_>>(payload).map_err(from_postcard)?;
    if !rest.is_empty() {
        return Err(WireError::Decode);
    }
    Ok(msg)
}

/// Decodes one COBS-encoded frame (its bytes without the `0x00` delimiter)
/// in place; the message borrows `frame`.
///
/// Errors: [`WireError::BadCobs`], [`WireError::Truncated`],
/// [`WireError::BadVersion`], [`WireError::BadCrc`], [`WireError::BadUtf8`],
/// [`WireError::Decode`].
pub fn decode_frame(frame: &mut [u8]) -> Result<Message<'_>, WireError> {
    let n = cobs::decode_in_place(frame)?;
    decode_payload(frame.get(..n).unwrap_or(&[]))
}
