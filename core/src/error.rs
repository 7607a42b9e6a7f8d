//! The core's one error type.

use core::fmt;

/// Everything that can go wrong in the core.
///
/// Small and `Copy` so that it can be logged, stored and sent over a wire
/// (firmware error frames) without allocation. Variants are named
/// phase-then-cause.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum Error {
    /// The input is longer than the summarizer can address: a body of
    /// `u32::MAX` bytes (4 GiB - 1) or more, or a title of 2 GiB or more
    /// (a term's [`crate::terms::Surface`] marks the title in its top bit).
    InputTooLong,
    /// The IDF table bytes are malformed (bad magic, version or length).
    IdfInvalid,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Error::InputTooLong => "input too long (a body of 4 GiB - 1 bytes or more, or a title of 2 GiB or more)",
            Error::IdfInvalid => "malformed IDF table",
        })
    }
}

impl core::error::Error for Error {}

/// Result alias for the core.
pub type Result<T> = core::result::Result<T, Error>;
