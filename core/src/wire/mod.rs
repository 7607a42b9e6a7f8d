//! The wire format: articles and digests as bytes, for a UART, a file or a
//! flash image.
//!
//! Three layers, each usable alone:
//!
//! - **Messages** ([`Message`]): [`Article`], [`Digest`], [`MultiDigest`],
//!   [`ErrorFrame`] and [`Hello`], encoded with `postcard`. Text fields are
//!   `&str` borrowed from the input bytes: decoding copies nothing.
//! - **Frames** on a byte stream: `COBS(FRAME_VERSION, postcard(message),
//!   CRC-32 LE) 0x00`. The leading byte is the format's magic and version in
//!   one ([`FRAME_VERSION`]); the CRC covers it and the payload, so a byte
//!   corrupted on a noisy UART gives [`WireError::BadCrc`] instead of a wrong
//!   article. [`FrameReader`] decodes frames from any [`embedded_io::Read`]
//!   into a caller-provided buffer and resynchronises at the next `0x00`
//!   after any error; [`FrameWriter`] is its counterpart.
//! - **Bundles** for flash ([`Bundle`], [`BundleWriter`]): a header with magic
//!   and version, an offset index and the postcard-encoded articles, read in
//!   place from `&'static [u8]` with random access and no copying.
//!
//! Why our own COBS and the `crc` crate rather than postcard's `Cobs` and
//! `use-crc` flavors: the reader must decode *in place* in the caller's buffer
//! and skip an oversize frame without splitting it, and the CRC must also cover
//! the version byte, which postcard's flavors do not allow; the COBS codec is
//! 60 lines written with checked indexing so that the link-time panic-freedom
//! proof holds. `crc` (CRC-32/ISO-HDLC, the Ethernet/zlib CRC, table in flash)
//! lets the host and scripts check frames with any standard CRC-32.
//!
//! ```
//! use epitome::wire::{Article, FrameReader, FrameWriter, Message};
//! let article = Article { id: 7, title: "Bridge opens", source: "Gazette", published: "2026-01-28",
//!                         lang: "en", body: "The bridge opened on Monday." };
//! let mut stream = [0u8; 128];
//! let mut scratch = [0u8; 128];
//! let used = {
//!     let mut out: &mut [u8] = &mut stream;
//!     FrameWriter::new(&mut out, &mut scratch).send(&Message::Article(article))?
//! };
//! let mut buf = [0u8; 128];
//! let mut reader = FrameReader::new(stream.get(..used).unwrap_or(&[]), &mut buf);
//! assert_eq!(reader.next_frame()?, Some(Message::Article(article)));
//! assert_eq!(reader.next_frame()?, None); // end of stream
//! # Ok::<(), epitome::wire::WireError>(())
//! ```

mod article;
mod bundle;
mod cobs;
mod digest;
mod error;
mod frame;
mod reader;
mod writer;

pub use article::Article;
pub use bundle::{BUNDLE_HEADER_LEN, BUNDLE_MAGIC, BUNDLE_VERSION, Bundle, BundleIter, BundleWriter, write_bundle};
pub use cobs::max_encoded_len;
pub use digest::{Digest, DigestKeyword, DigestSentence, MultiDigest, MultiSentence};
pub use error::WireError;
pub use frame::{ErrorCode, ErrorFrame, FRAME_OVERHEAD, FRAME_VERSION, Hello, Message, decode_frame, encode_payload};
pub use reader::FrameReader;
pub use writer::FrameWriter;

/// CRC-32/ISO-HDLC (the zlib/Ethernet CRC-32), used by frames and bundles.
const CRC32: crc::Crc<u32> = crc::Crc::<u32>::new(&crc::CRC_32_ISO_HDLC);

/// CRC-32 of `bytes` (CRC-32/ISO-HDLC, as zlib's `crc32`).
///
/// ```
/// assert_eq!(epitome::wire::crc32(b"123456789"), 0xCBF4_3926);
/// ```
pub fn crc32(bytes: &[u8]) -> u32 {
    CRC32.checksum(bytes)
}

/// Maps a postcard error to ours: only invalid UTF-8 is worth telling apart.
fn from_postcard(e: postcard::Error) -> WireError {
    match e {
        postcard::Error::DeserializeBadUtf8 => WireError::BadUtf8,
        postcard::Error::SerializeBufferFull => WireError::BufferTooSmall,
        _ => WireError::Decode,
    }
}

/// Serde adapter for [`crate::Span`] (the core type stays serde-free).
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(remote = "crate::Span")]
struct SpanDef {
    start: u32,
    end: u32,
}
