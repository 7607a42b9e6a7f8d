//! What the pages show: a title, keyphrases (best first) and sentences,
//! read by index so that a summary, a wire digest or a host's own types
//! can be shown without copying them.

use core::fmt::Write as _;

use epitome::Summary;
use epitome::wire::MultiDigest;

/// The text of a set of pages.
pub trait Content {
    /// The heading (may be empty).
    fn title(&self) -> &str;
    /// The `i`-th keyphrase, best first; `None` past the last.
    fn keyword(&self, i: usize) -> Option<&str>;
    /// The `i`-th sentence in reading order; `None` past the last.
    fn sentence(&self, i: usize) -> Option<&str>;
}

/// One article: its title and its summary.
///
/// ```
/// use epitome::{DefaultSummarizer, Options};
/// use epitome_screen::{ArticleContent, Content};
/// let mut s = DefaultSummarizer::new();
/// let body = "The bridge over the river opened on Monday morning. Traffic moved at once.";
/// let summary = s.summarize("Bridge opens", body, &Options::default())?;
/// let content = ArticleContent { title: "Bridge opens", summary: &summary };
/// assert_eq!(content.sentence(0), Some("The bridge over the river opened on Monday morning."));
/// # Ok::<(), epitome::Error>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct ArticleContent<'s, 'a> {
    /// The article's title.
    pub title: &'a str,
    /// Its summary.
    pub summary: &'s Summary<'a>,
}

impl Content for ArticleContent<'_, '_> {
    fn title(&self) -> &str {
        self.title
    }
    fn keyword(&self, i: usize) -> Option<&str> {
        self.summary.keywords.get(i).map(|k| k.text)
    }
    fn sentence(&self, i: usize) -> Option<&str> {
        self.summary.sentences.get(i).map(|c| c.text)
    }
}

/// Room for the digest's heading, "Digest · 4294967295 articles".
const DIGEST_TITLE: usize = 32;

/// A multi-article digest under the heading "Digest · N articles".
#[derive(Debug, Clone)]
pub struct DigestContent<'d, 'a> {
    title: heapless::String<DIGEST_TITLE>,
    digest: &'d MultiDigest<'a>,
}

impl<'d, 'a> DigestContent<'d, 'a> {
    /// Shows `digest`, best sentence first.
    ///
    /// ```
    /// use epitome::wire::MultiDigest;
    /// use epitome_screen::{Content, DigestContent};
    /// let digest = MultiDigest { articles: 1, ..MultiDigest::default() };
    /// assert_eq!(DigestContent::new(&digest).title(), "Digest · 1 article");
    /// ```
    pub fn new(digest: &'d MultiDigest<'a>) -> Self {
        let mut title = heapless::String::new();
        let plural = if digest.articles == 1 { "" } else { "s" };
        // Cannot fail: the longest heading fits in `DIGEST_TITLE` bytes.
        let _ = write!(title, "Digest \u{b7} {} article{plural}", digest.articles);
        DigestContent { title, digest }
    }
}

impl Content for DigestContent<'_, '_> {
    fn title(&self) -> &str {
        &self.title
    }
    fn keyword(&self, i: usize) -> Option<&str> {
        self.digest.keywords.get(i).map(|k| k.text)
    }
    fn sentence(&self, i: usize) -> Option<&str> {
        self.digest.sentences.get(i).map(|s| s.text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digest_heading_fits_for_any_count() {
        let d = MultiDigest { articles: u32::MAX, ..MultiDigest::default() };
        assert_eq!(DigestContent::new(&d).title(), "Digest \u{b7} 4294967295 articles");
        let d = MultiDigest::default();
        assert_eq!(DigestContent::new(&d).title(), "Digest \u{b7} 0 articles");
    }
}
