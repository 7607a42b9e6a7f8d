//! The wire format's error type.

use core::fmt;

/// Everything that can go wrong reading or writing frames and bundles.
///
/// Small and `Copy`; after any error a [`super::FrameReader`] has already
/// resynchronised, so the next call reads the next frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum WireError {
    /// A frame was longer than the reader's buffer; it was skipped whole.
    Oversize,
    /// The frame's CRC-32 does not match its contents.
    BadCrc,
    /// The frame is not valid COBS.
    BadCobs,
    /// The frame or bundle has an unknown magic/version byte (another format version).
    BadVersion,
    /// A text field is not valid UTF-8.
    BadUtf8,
    /// The frame is shorter than its header and CRC, or the stream ended inside it.
    Truncated,
    /// The payload is not a valid message (bad tag, length or trailing bytes).
    Decode,
    /// The underlying reader or writer failed.
    Io,
    /// The caller's buffer is too small to encode into.
    BufferTooSmall,
    /// A bundle's index is inconsistent with its size.
    BadIndex,
    /// A bundle writer got more or fewer articles than it was created for.
    WrongCount,
}

impl fmt::Display for WireError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            WireError::Oversize => "frame larger than the receive buffer",
            WireError::BadCrc => "frame CRC mismatch",
            WireError::BadCobs => "frame is not valid COBS",
            WireError::BadVersion => "unknown format magic or version",
            WireError::BadUtf8 => "text field is not valid UTF-8",
            WireError::Truncated => "frame truncated",
            WireError::Decode => "payload is not a valid message",
            WireError::Io => "I/O error",
            WireError::BufferTooSmall => "buffer too small",
            WireError::BadIndex => "bundle index inconsistent",
            WireError::WrongCount => "wrong number of articles for the bundle",
        })
    }
}

impl core::error::Error for WireError {}
