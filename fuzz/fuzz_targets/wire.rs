//! The wire decoders on arbitrary bytes: the frame reader (with a buffer
//! size and read chunk from the input), single-frame decoding and bundles.
//! Beyond not crashing: the reader always terminates, every decoded message
//! re-encodes and decodes to itself, and valid bundles read back in full.
#![no_main]

use epitome::wire::{Bundle, FrameReader, FrameWriter, Message, decode_frame};
use libfuzzer_sys::fuzz_target;

/// Hands out at most `chunk` bytes per read, like a UART driver.
struct Chunked<'a> {
    data: &'a [u8],
    chunk: usize,
}

impl embedded_io::ErrorType for Chunked<'_> {
    type Error = core::convert::Infallible;
}

impl embedded_io::Read for Chunked<'_> {
    fn read(&mut self, buf: &mut [u8]) -> Result<usize, Self::Error> {
        let n = self.data.len().min(buf.len()).min(self.chunk);
        buf[..n].copy_from_slice(&self.data[..n]);
        self.data = &self.data[n..];
        Ok(n)
    }
}

fn round_trip(m: &Message<'_>) {
    let mut scratch = vec![0u8; 8192];
    let mut out = vec![0u8; 8192];
    let n = FrameWriter::new(&mut out[..], &mut scratch).send(m).expect("a decoded message re-encodes");
    assert_eq!(out[n - 1], 0);
    assert_eq!(&decode_frame(&mut out[..n - 1]).expect("re-encoded frame decodes"), m);
}

fuzz_target!(|data: &[u8]| {
    let Some((head, rest)) = data.split_first_chunk::<2>() else { return };
    let buf_len = usize::from(head[0]) * 8;
    let chunk = usize::from(head[1]).max(1);

    let mut buf = vec![0u8; buf_len];
    let mut r = FrameReader::new(Chunked { data: rest, chunk }, &mut buf);
    let mut calls = 0usize;
    loop {
        calls += 1;
        assert!(calls <= rest.len() + 2, "reader does not terminate");
        match r.next_frame() {
            Ok(None) => break,
            Ok(Some(m)) => round_trip(&m),
            Err(_) if buf_len == 0 => break,
            Err(_) => {}
        }
    }

    let mut copy = rest.to_vec();
    if let Ok(m) = decode_frame(&mut copy) {
        round_trip(&m);
    }

    if let Ok(b) = Bundle::from_bytes(rest) {
        assert_eq!(b.iter().count(), b.len());
    }
});
