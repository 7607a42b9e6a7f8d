//! Consistent Overhead Byte Stuffing: removes every `0x00` from a frame so
//! that `0x00` can delimit frames. Written with checked indexing only (see
//! the module docs of [`super`] for why not the `cobs` crate).

use embedded_io::Write;

use super::WireError;

/// Longest run of non-zero bytes one COBS block carries.
const BLOCK: usize = 254;

/// Largest COBS encoding of `n` bytes (one code byte per 254 data bytes,
/// plus one), delimiter not included: size a [`super::FrameReader`] buffer
/// with `max_encoded_len(payload + FRAME_OVERHEAD)`.
pub const fn max_encoded_len(n: usize) -> usize {
    n.saturating_add(n / BLOCK).saturating_add(1)
}

/// COBS-encodes `data` straight into `w` (no delimiter), without a buffer.
/// Returns the number of bytes written.
pub fn encode_to<W: Write>(data: &[u8], w: &mut W) -> Result<usize, WireError> {
    let mut rest = data;
    let mut written = 0usize;
    loop {
        let limit = rest.len().min(BLOCK);
        let window = rest.get(..limit).unwrap_or(&[]);
        let zero = window.iter().position(|&b| b == 0);
        let run = zero.unwrap_or(limit);
        let block = window.get(..run).unwrap_or(&[]);
        // run <= 254, so the code byte never overflows or becomes 0.
        let code = u8::try_from(run.saturating_add(1)).unwrap_or(u8::MAX);
        w.write_all(&[code]).map_err(|_| WireError::Io)?;
        w.write_all(block).map_err(|_| WireError::Io)?;
        written = written.saturating_add(1).saturating_add(run);
        match zero {
            // The zero is implied by the code; continue after it (an empty
            // rest still needs its final empty block, written next round).
            Some(p) => rest = rest.get(p.saturating_add(1)..).unwrap_or(&[]),
            // A full block carries no implied zero; stop if nothing follows.
            None if run == BLOCK && rest.len() > BLOCK => rest = rest.get(BLOCK..).unwrap_or(&[]),
            None => return Ok(written),
        }
    }
}

/// Decodes one COBS frame (without its delimiter) in place; returns the
/// decoded length. The decoded bytes are `buf[..len]`.
pub fn decode_in_place(buf: &mut [u8]) -> Result<usize, WireError> {
    let n = buf.len();
    let mut read = 0usize;
    let mut write = 0usize;
    while read < n {
        let code = buf.get(read).copied().unwrap_or(0);
        if code == 0 {
            return Err(WireError::BadCobs);
        }
        read = read.saturating_add(1);
        let run = usize::from(code).saturating_sub(1);
        if run > n.saturating_sub(read) {
            return Err(WireError::BadCobs);
        }
        // write < read always, so copying forward in place is safe.
        for i in 0..run {
            let b = buf.get(read.saturating_add(i)).copied().unwrap_or(0);
            if let Some(slot) = buf.get_mut(write.saturating_add(i)) {
                *slot = b;
            }
        }
        read = read.saturating_add(run);
        write = write.saturating_add(run);
        if usize::from(code) <= BLOCK && read < n {
            if let Some(slot) = buf.get_mut(write) {
                *slot = 0;
            }
            write = write.saturating_add(1);
        }
    }
    Ok(write)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roundtrip(data: &[u8]) {
        let mut enc = [0u8; 1200];
        let n = {
            let mut out: &mut [u8] = &mut enc;
            encode_to(data, &mut out).unwrap()
        };
        assert!(n <= max_encoded_len(data.len()), "len {} > max for {}", n, data.len());
        assert!(!enc[..n].contains(&0), "zero in encoding of {data:?}");
        let len = decode_in_place(&mut enc[..n]).unwrap();
        assert_eq!(&enc[..len], data);
    }

    #[test]
    fn known_vectors() {
        let mut enc = [0u8; 16];
        let cases: [(&[u8], &[u8]); 5] = [
            (&[], &[1]),
            (&[0], &[1, 1]),
            (&[0, 0], &[1, 1, 1]),
            (&[0x11, 0x22, 0, 0x33], &[3, 0x11, 0x22, 2, 0x33]),
            (&[0x11, 0, 0, 0], &[2, 0x11, 1, 1, 1]),
        ];
        for (data, want) in cases {
            let n = {
                let mut out: &mut [u8] = &mut enc;
                encode_to(data, &mut out).unwrap()
            };
            assert_eq!(&enc[..n], want, "{data:?}");
        }
    }

    #[test]
    fn roundtrips_at_block_edges() {
        let mut data = [0u8; 1000];
        for (i, b) in data.iter_mut().enumerate() {
            *b = (i % 255 + 1) as u8;
        }
        for len in [0, 1, 253, 254, 255, 256, 508, 509, 510, 1000] {
            roundtrip(&data[..len]);
            let mut d = data;
            d[len / 2] = 0;
            roundtrip(&d[..len]);
            if len > 0 {
                d[len - 1] = 0;
                roundtrip(&d[..len]);
            }
        }
    }

    #[test]
    fn rejects_overlong_code() {
        assert_eq!(decode_in_place(&mut [5, 1, 2]), Err(WireError::BadCobs));
        assert_eq!(decode_in_place(&mut [1, 0]), Err(WireError::BadCobs));
    }
}
