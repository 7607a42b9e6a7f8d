//! Frames as the host sends them: encoding, an article's frame, the hang-up.

use anyhow::{Result, anyhow};
use epitome::wire::{Article, FrameWriter, Message, WireError};
use epitome_firmware::HANG_UP;

/// Encodes `msg` as a complete frame (with its `0x00` delimiter), using a
/// scratch buffer of `scratch` bytes as the sender would.
///
/// Errors: [`WireError::BufferTooSmall`] if it does not fit `scratch`.
pub fn encode(msg: &Message<'_>, scratch: usize) -> Result<Vec<u8>, WireError> {
    let mut buf = vec![0u8; scratch];
    let mut out = vec![0u8; scratch + scratch / 254 + 16];
    let n = {
        let mut w: &mut [u8] = &mut out;
        FrameWriter::new(&mut w, &mut buf).send(msg)?
    };
    out.truncate(n);
    Ok(out)
}

/// The wire frame of `a` (as the host sends it).
pub fn article_frame(a: &Article<'_>) -> Result<Vec<u8>> {
    let need = a.title.len() + a.body.len() + a.source.len() + a.published.len() + a.lang.len() + 64;
    encode(&Message::Article(*a), need).map_err(|e| anyhow!("encoding article {}: {e}", a.id))
}

/// The hang-up frame.
pub fn hang_up_frame() -> Vec<u8> {
    encode(&Message::Hello(HANG_UP), 16).unwrap_or_default()
}
