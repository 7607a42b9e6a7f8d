//! Corpus bundles: many articles in one blob, read in place from flash.
//!
//! Layout (all integers little-endian):
//!
//! | bytes | field |
//! |---|---|
//! | 0..4 | magic `EPTB` |
//! | 4 | format version ([`BUNDLE_VERSION`]) |
//! | 5..8 | reserved, zero |
//! | 8..12 | article count `n` |
//! | 12..16 | CRC-32 of bytes `16..end` |
//! | 16..16+4(n+1) | offsets from the bundle start: article `i` is `off[i]..off[i+1]`; `off[n]` = end |
//! | … | the articles, postcard-encoded [`Article`]s |
//!
//! Bytes after `end` are ignored, so a bundle can sit in a larger flash
//! partition.

use super::{Article, WireError, crc32, from_postcard};

/// The bundle magic.
pub const BUNDLE_MAGIC: [u8; 4] = *b"EPTB";
/// The bundle format version this build reads and writes.
pub const BUNDLE_VERSION: u8 = 1;
/// Bytes before the offset index.
pub const BUNDLE_HEADER_LEN: usize = 16;

/// A validated bundle: random access to its articles without copying.
///
/// [`Bundle::from_bytes`] checks the header, index, CRC and every article
/// once, so [`Bundle::get`] and [`Bundle::iter`] are then cheap and cannot
/// fail on a valid index.
///
/// ```
/// use epitome::wire::{Article, Bundle, write_bundle};
/// let arts = [
///     Article { id: 1, title: "One", body: "First body.", ..Article::default() },
///     Article { id: 2, title: "Two", body: "Second body.", ..Article::default() },
/// ];
/// let mut buf = [0u8; 256];
/// let n = write_bundle(&arts, &mut buf)?;
/// let bundle = Bundle::from_bytes(&buf[..n])?;
/// assert_eq!(bundle.len(), 2);
/// assert_eq!(bundle.get(1).map(|a| a.title), Some("Two"));
/// assert_eq!(bundle.iter().map(|a| a.id).sum::<u32>(), 3);
/// # Ok::<(), epitome::wire::WireError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bundle<'a> {
    /// Exactly the bundle (trailing bytes cut off).
    bytes: &'a [u8],
    count: u32,
}

fn read_u32(bytes: &[u8], at: usize) -> Option<u32> {
    let b = bytes.get(at..at.checked_add(4)?)?;
    b.try_into().ok().map(u32::from_le_bytes)
}

fn index_at(at: u32) -> Option<usize> {
    usize::try_from(at).ok()?.checked_mul(4)?.checked_add(BUNDLE_HEADER_LEN)
}

impl<'a> Bundle<'a> {
    /// Validates `bytes` as a bundle.
    ///
    /// Errors: [`WireError::BadVersion`] (wrong magic or version),
    /// [`WireError::Truncated`], [`WireError::BadIndex`], [`WireError::BadCrc`],
    /// [`WireError::BadUtf8`], [`WireError::Decode`].
    pub fn from_bytes(bytes: &'a [u8]) -> Result<Self, WireError> {
        if bytes.len() < BUNDLE_HEADER_LEN {
            return Err(if bytes.get(..4).is_some_and(|m| m != BUNDLE_MAGIC) {
                WireError::BadVersion
            } else {
                WireError::Truncated
            });
        }
        if bytes.get(..4) != Some(&BUNDLE_MAGIC[..]) || bytes.get(4) != Some(&BUNDLE_VERSION) {
            return Err(WireError::BadVersion);
        }
        let count = read_u32(bytes, 8).ok_or(WireError::Truncated)?;
        let want_crc = read_u32(bytes, 12).ok_or(WireError::Truncated)?;
        let index_end = count.checked_add(1).and_then(index_at).ok_or(WireError::BadIndex)?;
        if index_end > bytes.len() {
            return Err(WireError::Truncated);
        }
        let end = read_u32(bytes, index_end.saturating_sub(4)).ok_or(WireError::Truncated)?;
        let end = usize::try_from(end).map_err(|_| WireError::BadIndex)?;
        if end > bytes.len() {
            return Err(WireError::Truncated);
        }
        if end < index_end {
            return Err(WireError::BadIndex);
        }
        let bytes = bytes.get(..end).ok_or(WireError::Truncated)?;
        if crc32(bytes.get(BUNDLE_HEADER_LEN..).unwrap_or(&[])) != want_crc {
            return Err(WireError::BadCrc);
        }
        let mut prev = index_end;
        for i in 0..=count {
            let at = index_at(i).ok_or(WireError::BadIndex)?;
            let off = read_u32(bytes, at).ok_or(WireError::BadIndex)?;
            let off = usize::try_from(off).map_err(|_| WireError::BadIndex)?;
            if off < prev || off > end || (i == 0 && off != index_end) {
                return Err(WireError::BadIndex);
            }
            if i > 0 {
                let art = bytes.get(prev..off).ok_or(WireError::BadIndex)?;
                let (_, rest) = postcard::take_from_bytes::<Article<'_>>(art).map_err(from_postcard)?;
                if !rest.is_empty() {
                    return Err(WireError::Decode);
                }
            }
            prev = off;
        }
        Ok(Bundle { bytes, count })
    }

    /// Number of articles.
    pub fn len(&self) -> usize {
        usize::try_from(self.count).unwrap_or(usize::MAX)
    }

    /// True if the bundle holds no article.
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// The bundle's own bytes (without any trailing bytes given to `from_bytes`).
    pub fn as_bytes(&self) -> &'a [u8] {
        self.bytes
    }

    /// Article `i`, borrowed from the bundle bytes; `None` past the end.
    pub fn get(&self, i: usize) -> Option<Article<'a>> {
        let i = u32::try_from(i).ok().filter(|&i| i < self.count)?;
        let from = usize::try_from(read_u32(self.bytes, index_at(i)?)?).ok()?;
        let to = usize::try_from(read_u32(self.bytes, index_at(i.checked_add(1)?)?)?).ok()?;
        postcard::from_bytes(self.bytes.get(from..to)?).ok()
    }

    /// The articles in order.
    pub fn iter(&self) -> BundleIter<'a> {
        BundleIter { bundle: *self, next: 0 }
    }
}

impl<'a> IntoIterator for &Bundle<'a> {
    type Item = Article<'a>;
    type IntoIter = BundleIter<'a>;
    fn into_iter(self) -> BundleIter<'a> {
        self.iter()
    }
}

/// Iterator over a [`Bundle`]'s articles.
#[derive(Debug, Clone)]
pub struct BundleIter<'a> {
    bundle: Bundle<'a>,
    next: usize,
}

impl<'a> Iterator for BundleIter<'a> {
    type Item = Article<'a>;
    fn next(&mut self) -> Option<Article<'a>> {
        let a = self.bundle.get(self.next)?;
        self.next = self.next.saturating_add(1);
        Some(a)
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.bundle.len().saturating_sub(self.next);
        (n, Some(n))
    }
}

impl ExactSizeIterator for BundleIter<'_> {}

/// Builds a bundle of a known number of articles in a caller's buffer.
///
/// ```
/// use epitome::wire::{Article, Bundle, BundleWriter};
/// let mut buf = [0u8; 128];
/// let mut w = BundleWriter::new(&mut buf, 1)?;
/// w.push(&Article { id: 5, title: "Hi", body: "Body.", ..Article::default() })?;
/// let bytes = w.finish()?;
/// assert_eq!(Bundle::from_bytes(bytes)?.get(0).map(|a| a.id), Some(5));
/// # Ok::<(), epitome::wire::WireError>(())
/// ```
#[derive(Debug)]
pub struct BundleWriter<'b> {
    buf: &'b mut [u8],
    count: u32,
    pushed: u32,
    pos: usize,
}

impl<'b> BundleWriter<'b> {
    /// Starts a bundle of exactly `count` articles in `buf`.
    ///
    /// Errors: [`WireError::BufferTooSmall`] if even the index does not fit.
    pub fn new(buf: &'b mut [u8], count: u32) -> Result<Self, WireError> {
        let index_end = count.checked_add(1).and_then(index_at).ok_or(WireError::BufferTooSmall)?;
        let head = buf.get_mut(..index_end).ok_or(WireError::BufferTooSmall)?;
        head.fill(0);
        let mut w = BundleWriter { buf, count, pushed: 0, pos: index_end };
        w.put(0, &BUNDLE_MAGIC)?;
        w.put(4, &[BUNDLE_VERSION])?;
        w.put(8, &count.to_le_bytes())?;
        w.put_offset(0, index_end)?;
        Ok(w)
    }

    fn put(&mut self, at: usize, bytes: &[u8]) -> Result<(), WireError> {
        let to = at.checked_add(bytes.len()).ok_or(WireError::BufferTooSmall)?;
        self.buf.get_mut(at..to).ok_or(WireError::BufferTooSmall)?.copy_from_slice(bytes);
        Ok(())
    }

    fn put_offset(&mut self, i: u32, off: usize) -> Result<(), WireError> {
        let off = u32::try_from(off).map_err(|_| WireError::BufferTooSmall)?;
        let at = index_at(i).ok_or(WireError::BufferTooSmall)?;
        self.put(at, &off.to_le_bytes())
    }

    /// Appends the next article.
    ///
    /// Errors: [`WireError::WrongCount`] (more than `count`),
    /// [`WireError::BufferTooSmall`]. After an error the bundle is unusable.
    pub fn push(&mut self, article: &Article<'_>) -> Result<(), WireError> {
        if self.pushed >= self.count {
            return Err(WireError::WrongCount);
        }
        let free = self.buf.get_mut(self.pos..).ok_or(WireError::BufferTooSmall)?;
        let n = postcard::to_slice(article, free).map_err(from_postcard)?.len();
        self.pos = self.pos.saturating_add(n);
        self.pushed = self.pushed.saturating_add(1);
        self.put_offset(self.pushed, self.pos)
    }

    /// Writes the CRC and returns the finished bundle bytes.
    ///
    /// Errors: [`WireError::WrongCount`] if fewer than `count` articles were pushed.
    pub fn finish(self) -> Result<&'b [u8], WireError> {
        if self.pushed != self.count {
            return Err(WireError::WrongCount);
        }
        let buf = self.buf;
        let crc = crc32(buf.get(BUNDLE_HEADER_LEN..self.pos).ok_or(WireError::BufferTooSmall)?);
        buf.get_mut(12..16).ok_or(WireError::BufferTooSmall)?.copy_from_slice(&crc.to_le_bytes());
        let out: &'b [u8] = buf;
        out.get(..self.pos).ok_or(WireError::BufferTooSmall)
    }
}

/// Writes `articles` as one bundle into `out`; returns its length.
///
/// Errors: [`WireError::BufferTooSmall`].
pub fn write_bundle(articles: &[Article<'_>], out: &mut [u8]) -> Result<usize, WireError> {
    let count = u32::try_from(articles.len()).map_err(|_| WireError::BufferTooSmall)?;
    let mut w = BundleWriter::new(out, count)?;
    for a in articles {
        w.push(a)?;
    }
    w.finish().map(<[u8]>::len)
}
