//! Corpus bundles on arbitrary blobs. A CRC guards every bundle, so raw
//! random blobs rarely get past it; the target therefore also builds a valid
//! bundle from the input, checks it reads back exactly, then corrupts one
//! byte chosen by the input and *re-seals the CRC*, so the index and article
//! decoders see hostile bytes. Any bundle that validates must be fully
//! readable: `get(i)` for every `i < len`, iteration of exactly `len`
//! articles, and nothing past the end.
#![no_main]

use epitome::wire::{Article, BUNDLE_HEADER_LEN, Bundle, crc32, write_bundle};
use libfuzzer_sys::fuzz_target;

fn check(bytes: &[u8]) -> Option<Vec<(u32, String, String)>> {
    let b = Bundle::from_bytes(bytes).ok()?;
    let mut seen = Vec::new();
    for i in 0..b.len() {
        let a = b.get(i).expect("a validated bundle yields every indexed article");
        seen.push((a.id, a.title.to_owned(), a.body.to_owned()));
    }
    assert!(b.get(b.len()).is_none());
    let iterated: Vec<_> = b.iter().map(|a| (a.id, a.title.to_owned(), a.body.to_owned())).collect();
    assert_eq!(iterated, seen);
    Some(seen)
}

fuzz_target!(|data: &[u8]| {
    // Raw blob.
    check(data);

    // A valid bundle built from the input: articles separated by 0xFF.
    let Some((head, rest)) = data.split_first_chunk::<3>() else { return };
    let text = String::from_utf8_lossy(rest);
    let parts: Vec<&str> = text.split('\u{FFFD}').take(16).collect();
    let arts: Vec<Article<'_>> = parts
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let cut = (0..=p.len().min(12)).rev().find(|&c| p.is_char_boundary(c)).unwrap_or(0);
            let (title, body) = p.split_at(cut);
            Article { id: i as u32, title, source: "", published: "", lang: "en", body }
        })
        .collect();
    let mut buf = vec![0u8; rest.len() * 2 + 64 + 64 * arts.len()];
    let n = write_bundle(&arts, &mut buf).expect("buffer is large enough");
    let good = &mut buf[..n];
    let read = check(good).expect("a freshly written bundle validates");
    assert_eq!(read.len(), arts.len());
    for (r, a) in read.iter().zip(&arts) {
        assert_eq!((r.0, r.1.as_str(), r.2.as_str()), (a.id, a.title, a.body));
    }

    // Corrupt one byte after the header, re-seal the CRC, and check again.
    let at = BUNDLE_HEADER_LEN + usize::from(u16::from_le_bytes([head[0], head[1]])) % (n - BUNDLE_HEADER_LEN).max(1);
    if let Some(b) = good.get_mut(at) {
        *b ^= head[2] | 1;
        let crc = crc32(&good[BUNDLE_HEADER_LEN..]);
        good[12..16].copy_from_slice(&crc.to_le_bytes());
        check(good);
    }
});
