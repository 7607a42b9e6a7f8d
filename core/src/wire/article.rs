//! One serialized news article.

use serde::{Deserialize, Serialize};

/// A news article as it travels on the wire or sits in a bundle.
///
/// Every text field borrows from the bytes it was decoded from
/// (`postcard::from_bytes` on `&'a [u8]`), so decoding copies nothing.
/// Empty strings stand for unknown metadata.
///
/// ```
/// use epitome::wire::Article;
/// let a = Article { id: 1, title: "T", source: "", published: "", lang: "en", body: "B." };
/// let mut buf = [0u8; 32];
/// let bytes = postcard::to_slice(&a, &mut buf).unwrap();
/// let back: Article<'_> = postcard::from_bytes(bytes).unwrap();
/// assert_eq!(back, a);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Article<'a> {
    /// Caller-chosen identifier; digests attribute sentences by it.
    pub id: u32,
    /// Headline.
    pub title: &'a str,
    /// Outlet (`"CNN"`), or empty.
    pub source: &'a str,
    /// Publication date as written by the producer (ISO 8601 recommended), or empty.
    pub published: &'a str,
    /// BCP 47 language tag (`"en"`), or empty.
    pub lang: &'a str,
    /// Full text.
    pub body: &'a str,
}
