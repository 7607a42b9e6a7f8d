//! Reading frames from a byte stream into a caller-provided buffer.

use embedded_io::Read;

use super::{Message, WireError, decode_frame};

/// Reads `0x00`-delimited frames from `R` into a fixed caller buffer and
/// decodes them in place.
///
/// Every error is reported once per bad frame and the reader has already
/// moved past that frame's delimiter, so the next call returns the next
/// frame: a corrupt frame never costs the good frames around it. A frame
/// longer than the buffer is skipped whole up to its delimiter
/// ([`WireError::Oversize`]), never split into pieces. Empty frames (runs of
/// `0x00`, e.g. a sender flushing the line) are skipped silently.
///
/// The buffer bounds the largest frame: size it to the largest expected
/// COBS-encoded frame (payload + [`super::FRAME_OVERHEAD`] + 1 per 254 bytes).
///
/// ```
/// use epitome::wire::{FrameReader, WireError};
/// // Two garbage frames, then end of stream inside a third.
/// let stream: &[u8] = &[1, 2, 3, 0, 0, 0x41, 0x42, 0, 7];
/// let mut buf = [0u8; 64];
/// let mut r = FrameReader::new(stream, &mut buf);
/// assert!(r.next_frame().is_err());
/// assert!(r.next_frame().is_err());
/// assert_eq!(r.next_frame(), Err(WireError::Truncated));
/// assert_eq!(r.next_frame(), Ok(None));
/// ```
#[derive(Debug)]
pub struct FrameReader<'b, R> {
    reader: R,
    buf: &'b mut [u8],
    /// Start of the current (unfinished) frame in `buf`.
    start: usize,
    /// End of the bytes read so far.
    end: usize,
    /// Bytes in `start..scan` are known not to be delimiters.
    scan: usize,
    /// Inside a frame that overflowed the buffer: drop bytes until `0x00`.
    discarding: bool,
}

impl<'b, R: Read> FrameReader<'b, R> {
    /// A reader over `reader` using `buf` for one frame at a time.
    pub fn new(reader: R, buf: &'b mut [u8]) -> Self {
        FrameReader { reader, buf, start: 0, end: 0, scan: 0, discarding: false }
    }

    /// The next frame: `Ok(Some(message))`, `Ok(None)` at the end of the
    /// stream (the reader returned 0 bytes), or the error of one bad frame.
    /// The message borrows the buffer until the next call.
    ///
    /// Errors: [`WireError::Oversize`], [`WireError::Truncated`] (the stream
    /// ended inside a frame), [`WireError::Io`], [`WireError::BufferTooSmall`]
    /// (empty buffer), and the decoding errors of [`super::decode_frame`].
    pub fn next_frame(&mut self) -> Result<Option<Message<'_>>, WireError> {
        if self.buf.is_empty() {
            return Err(WireError::BufferTooSmall);
        }
        loop {
            let window = self.buf.get(self.scan..self.end).unwrap_or(&[]);
            if let Some(p) = window.iter().position(|&b| b == 0) {
                let delim = self.scan.saturating_add(p);
                let first = self.start;
                self.start = delim.saturating_add(1);
                self.scan = self.start;
                if self.discarding {
                    self.discarding = false;
                    return Err(WireError::Oversize);
                }
                if delim <= first {
                    continue; // empty frame
                }
                // Every path after taking this borrow returns.
                return match self.buf.get_mut(first..delim) {
                    Some(frame) => decode_frame(frame).map(Some),
                    None => Err(WireError::Truncated),
                };
            }
            self.scan = self.end;
            self.compact();
            let n = if self.end >= self.buf.len() {
                // A full buffer without a delimiter: the frame fits only if
                // the very next byte ends it.
                let mut one = [0u8; 1];
                let n = self.reader.read(&mut one).map_err(|_| WireError::Io)?;
                if n > 0 {
                    let (first, last) = (self.start, self.end);
                    self.start = 0;
                    self.end = 0;
                    self.scan = 0;
                    if one != [0] {
                        // Too long: drop it and keep dropping until its delimiter.
                        self.discarding = true;
                        continue;
                    }
                    if self.discarding {
                        self.discarding = false;
                        return Err(WireError::Oversize);
                    }
                    return match self.buf.get_mut(first..last) {
                        Some(frame) => decode_frame(frame).map(Some),
                        None => Err(WireError::Truncated),
                    };
                }
                n
            } else {
                let free = self.buf.get_mut(self.end..).unwrap_or(&mut []);
                self.reader.read(free).map_err(|_| WireError::Io)?
            };
            if n == 0 {
                let partial = self.end > self.start;
                let was_discarding = self.discarding;
                self.start = 0;
                self.end = 0;
                self.scan = 0;
                self.discarding = false;
                return if was_discarding {
                    Err(WireError::Oversize)
                } else if partial {
                    Err(WireError::Truncated)
                } else {
                    Ok(None)
                };
            }
            self.end = self.end.saturating_add(n).min(self.buf.len());
        }
    }

    /// Moves the unfinished frame to the front of the buffer.
    fn compact(&mut self) {
        if self.start == 0 {
            return;
        }
        if let Some(used) = self.buf.get_mut(..self.end) {
            let s = self.start.min(used.len());
            used.rotate_left(s);
        }
        self.end = self.end.saturating_sub(self.start);
        self.scan = self.scan.saturating_sub(self.start);
        self.start = 0;
    }

    /// The underlying reader back (bytes already buffered are lost).
    pub fn into_inner(self) -> R {
        self.reader
    }
}
