//! Background inverse document frequencies in a compact, quantised table.
//!
//! Layout (little-endian), readable in place from flash:
//! `b"EPIDF"`, version `1`, `u16` entry count `n`, `u8` default IDF for
//! terms not in the table, `u8` reserved, then `n` sorted `u32` term hashes
//! ([`crate::normalize::term_key`]), then `n` `u8` IDFs in sixteenths
//! (`idf * 16`, so 0.0..=15.9). Five bytes a term: 1,000 terms fit in 5 KiB.

use crate::{Error, Result};

/// Magic bytes at the start of an IDF table.
pub const MAGIC: &[u8; 5] = b"EPIDF";
/// Current format version.
pub const VERSION: u8 = 1;
/// Header length in bytes.
pub const HEADER_LEN: usize = 10;

/// A validated IDF table borrowing its bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Idf<'a> {
    hashes: &'a [u8],
    idfs: &'a [u8],
    default: u8,
}

impl<'a> Idf<'a> {
    /// Validates `bytes` as an IDF table (magic, version, length, sorted
    /// hashes) without copying.
    ///
    /// ```
    /// use epitome::idf::Idf;
    /// let mut buf = [0u8; 64];
    /// let n = Idf::write(&[(7, 20), (3, 10)], 64, &mut buf).unwrap();
    /// let idf = Idf::from_bytes(&buf[..n]).unwrap();
    /// assert_eq!((idf.lookup(3), idf.lookup(7), idf.lookup(5)), (10, 20, 64));
    /// ```
    pub fn from_bytes(bytes: &'a [u8]) -> Result<Self> {
        let (head, rest) = bytes.split_at_checked(HEADER_LEN).ok_or(Error::IdfInvalid)?;
        if head.get(..5) != Some(&MAGIC[..]) || head.get(5) != Some(&VERSION) {
            return Err(Error::IdfInvalid);
        }
        let n = usize::from(u16::from_le_bytes([
            *head.get(6).ok_or(Error::IdfInvalid)?,
            *head.get(7).ok_or(Error::IdfInvalid)?,
        ]));
        let default = *head.get(8).ok_or(Error::IdfInvalid)?;
        if rest.len() != n.saturating_mul(5) {
            return Err(Error::IdfInvalid);
        }
        let (hashes, idfs) = rest.split_at_checked(n.saturating_mul(4)).ok_or(Error::IdfInvalid)?;
        let mut prev: Option<u32> = None;
        for c in hashes.chunks_exact(4) {
            let h = read_u32(c);
            if prev.is_some_and(|p| p >= h) {
                return Err(Error::IdfInvalid);
            }
            prev = Some(h);
        }
        Ok(Idf { hashes, idfs, default })
    }

    /// Number of terms in the table.
    pub fn len(&self) -> usize {
        self.idfs.len()
    }

    /// True if the table holds no terms.
    pub fn is_empty(&self) -> bool {
        self.idfs.is_empty()
    }

    /// IDF of the term with `hash`, in sixteenths; the table's default for
    /// terms it does not hold (rare terms). Not inlined: the binary search
    /// would make [`crate::score::keyword_weight`] save six registers on
    /// every call, with or without a table.
    #[inline(never)]
    pub fn lookup(&self, hash: u32) -> u8 {
        let (mut lo, mut hi) = (0usize, self.idfs.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            let h = self.hashes.get(mid.saturating_mul(4)..mid.saturating_mul(4).saturating_add(4)).map_or(0, read_u32);
            match h.cmp(&hash) {
                core::cmp::Ordering::Equal => {
                    return self.idfs.get(mid).copied().unwrap_or(self.default);
                }
                core::cmp::Ordering::Less => lo = mid + 1,
                core::cmp::Ordering::Greater => hi = mid,
            }
        }
        self.default
    }

    /// Writes a table of `(hash, idf16)` pairs (any order, hashes distinct)
    /// into `out`; returns the bytes written, or `None` if `out` is too small,
    /// there are more than 65,535 entries, or a hash repeats.
    pub fn write(entries: &[(u32, u8)], default: u8, out: &mut [u8]) -> Option<usize> {
        let n = entries.len();
        let total = HEADER_LEN.checked_add(n.checked_mul(5)?)?;
        let n16 = u16::try_from(n).ok()?;
        let out = out.get_mut(..total)?;
        let (head, rest) = out.split_at_mut(HEADER_LEN);
        head.get_mut(..5)?.copy_from_slice(MAGIC);
        *head.get_mut(5)? = VERSION;
        head.get_mut(6..8)?.copy_from_slice(&n16.to_le_bytes());
        *head.get_mut(8)? = default;
        *head.get_mut(9)? = 0;
        let (hashes, idfs) = rest.split_at_mut(n * 4);
        // Selection of the next-smallest hash each round: O(n²) but
        // allocation-free; tables are built once, on the host.
        let mut last: Option<u32> = None;
        for k in 0..n {
            let next = entries.iter().filter(|e| last.is_none_or(|l| e.0 > l)).min_by_key(|e| e.0)?;
            hashes.get_mut(k * 4..k * 4 + 4)?.copy_from_slice(&next.0.to_le_bytes());
            *idfs.get_mut(k)? = next.1;
            last = Some(next.0);
        }
        Some(total)
    }
}

fn read_u32(c: &[u8]) -> u32 {
    let mut b = [0u8; 4];
    for (d, s) in b.iter_mut().zip(c) {
        *d = *s;
    }
    u32::from_le_bytes(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_bad_tables() {
        assert_eq!(Idf::from_bytes(b""), Err(Error::IdfInvalid));
        assert_eq!(Idf::from_bytes(b"EPIDF\x02\0\0\0\0"), Err(Error::IdfInvalid));
        assert_eq!(Idf::from_bytes(b"EPIDF\x01\x01\0\0\0"), Err(Error::IdfInvalid));
        let mut buf = [0u8; 32];
        let n = Idf::write(&[(1, 1), (2, 2)], 9, &mut buf).unwrap_or(0);
        // Unsorted hashes are rejected.
        buf.swap(10, 14);
        assert_eq!(Idf::from_bytes(&buf[..n]), Err(Error::IdfInvalid));
    }

    #[test]
    fn duplicate_hashes_and_small_buffers_fail_to_write() {
        let mut buf = [0u8; 32];
        assert_eq!(Idf::write(&[(1, 1), (1, 2)], 9, &mut buf), None);
        assert_eq!(Idf::write(&[(1, 1)], 9, &mut buf[..12]), None);
        assert_eq!(Idf::write(&[], 9, &mut buf), Some(10));
        let idf = Idf::from_bytes(&buf[..10]).unwrap();
        assert!(idf.is_empty());
        assert_eq!(idf.lookup(0), 9);
    }
}
