//! Byte ranges into caller-owned text.

/// A half-open byte range `start..end` into an article's text.
///
/// `Copy` and 8 bytes, so results can point into the text instead of copying
/// it. Every span the core returns lies on `char` boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Span {
    /// First byte.
    pub start: u32,
    /// One past the last byte.
    pub end: u32,
}

impl Span {
    /// A span from `usize` offsets, saturating at `u32::MAX`.
    pub const fn new(start: usize, end: usize) -> Self {
        let s = if start > u32::MAX as usize { u32::MAX } else { start as u32 };
        let e = if end > u32::MAX as usize { u32::MAX } else { end as u32 };
        Span { start: s, end: e }
    }

    /// Length in bytes (0 for an inverted span).
    pub const fn len(&self) -> usize {
        self.end.saturating_sub(self.start) as usize
    }

    /// True when the span covers no bytes.
    pub const fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The text this span covers, or `None` if it is out of range or not on
    /// `char` boundaries of `text`.
    ///
    /// ```
    /// use epitome::Span;
    /// assert_eq!(Span::new(4, 9).slice("The quick fox"), Some("quick"));
    /// assert_eq!(Span::new(4, 99).slice("The quick fox"), None);
    /// ```
    #[inline]
    pub fn slice<'a>(&self, text: &'a str) -> Option<&'a str> {
        text.get(self.start as usize..self.end as usize)
    }
}
