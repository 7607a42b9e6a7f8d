//! Writing frames to a byte stream.

use embedded_io::Write;

use super::{Message, WireError, cobs, encode_payload};

/// Writes messages as `0x00`-delimited COBS frames to `W`.
///
/// The message is encoded into the caller's scratch buffer (payload +
/// [`super::FRAME_OVERHEAD`] bytes are needed), then COBS-stuffed straight
/// into the writer without a second buffer.
///
/// ```
/// use epitome::wire::{FrameWriter, Hello, Message};
/// let mut out = [0u8; 16];
/// let mut scratch = [0u8; 16];
/// let n = FrameWriter::new(&mut out[..], &mut scratch).send(&Message::Hello(Hello { max_frame: 1024, languages: epitome::LanguageSet::COMPILED }))?;
/// assert_eq!(out[n - 1], 0); // delimiter
/// assert!(!out[..n - 1].contains(&0));
/// # Ok::<(), epitome::wire::WireError>(())
/// ```
#[derive(Debug)]
pub struct FrameWriter<'b, W> {
    writer: W,
    scratch: &'b mut [u8],
}

impl<'b, W: Write> FrameWriter<'b, W> {
    /// A writer over `writer` encoding into `scratch`.
    pub fn new(writer: W, scratch: &'b mut [u8]) -> Self {
        FrameWriter { writer, scratch }
    }

    /// Writes one frame including its delimiter; returns the bytes written.
    /// Does not flush.
    ///
    /// Errors: [`WireError::BufferTooSmall`] (scratch), [`WireError::Io`].
    pub fn send(&mut self, msg: &Message<'_>) -> Result<usize, WireError> {
        let raw = encode_payload(msg, self.scratch)?;
        let n = cobs::encode_to(raw, &mut self.writer)?;
        self.writer.write_all(&[0]).map_err(|_| WireError::Io)?;
        Ok(n.saturating_add(1))
    }

    /// Flushes the underlying writer.
    ///
    /// Errors: [`WireError::Io`].
    pub fn flush(&mut self) -> Result<(), WireError> {
        self.writer.flush().map_err(|_| WireError::Io)
    }

    /// The underlying writer back.
    pub fn into_inner(self) -> W {
        self.writer
    }
}
