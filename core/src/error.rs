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
    /// The body is longer than the summarizer can address (`u32::MAX` bytes).
    InputTooLong,
    /// The IDF table bytes are malformed (bad magic, version or length).
    IdfInvalid,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Error::InputTooLong => "input longer than 4 GiB",
            Error::IdfInvalid => "malformed IDF table",
        })
    }
}

impl core::error::Error for Error {}

/// Result alias for the core.
pub type Result<T> = core::result::Result<T, Error>;
