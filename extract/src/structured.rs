//! The publisher's own structured data: what the page says its article is.
//!
//! - JSON-LD: every `<script type="application/ld+json">` is parsed; an
//!   object whose `@type` is a schema.org article (`NewsArticle`, `Article`,
//!   `BlogPosting`, `ReportageNewsArticle`… any type ending in `Article` or
//!   `Posting`), anywhere in it (top level, an array, `@graph`), with a
//!   non-empty `articleBody`, gives the body and its `headline`. Of several,
//!   the longest body wins.
//! - Microdata: the element marked `itemprop="articleBody"` (the largest, if
//!   several), read as [`crate::text`] reads blocks.
//! - `og:title` (Open Graph), the title a page gives for sharing.
//!
//! Malformed JSON is skipped, as a browser skips it.

use std::ops::Range;

use dom_query::Document;
use serde_json::Value;

use crate::{depth, text};

/// A body and headline from JSON-LD.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonLdArticle {
    /// `articleBody` as paragraphs.
    pub body: String,
    /// `headline`, if any.
    pub headline: Option<String>,
}

/// The texts of the page's `<script type="application/ld+json">` elements.
pub fn json_ld_scripts(doc: &Document) -> Vec<String> {
    doc.select(r#"script[type="application/ld+json" i]"#).nodes().iter().map(|s| s.text().to_string()).collect()
}

/// The JSON-LD article (see the module docs) in a page's
/// `<script type="application/ld+json">` texts, if one has a body.
pub fn json_ld<S: AsRef<str>>(scripts: &[S]) -> Option<JsonLdArticle> {
    let mut best: Option<JsonLdArticle> = None;
    for script in scripts {
        let Ok(value) = serde_json::from_str::<Value>(script.as_ref().trim()) else { continue };
        // Its own stack: the JSON may be nested as deep as serde_json allows.
        let mut stack = vec![&value];
        while let Some(v) = stack.pop() {
            match v {
                Value::Array(items) => stack.extend(items),
                Value::Object(obj) => {
                    if is_article_type(obj.get("@type"))
                        && let Some(Value::String(body)) = obj.get("articleBody")
                    {
                        let body = body_text(body);
                        if !body.is_empty() && best.as_ref().is_none_or(|b| body.len() > b.body.len()) {
                            let headline = obj.get("headline").and_then(Value::as_str).map(text::collapse_spaces);
                            best = Some(JsonLdArticle { body, headline: headline.filter(|h| !h.is_empty()) });
                        }
                    }
                    stack.extend(obj.values());
                }
                _ => {}
            }
        }
    }
    best
}

/// True for a schema.org article type (or a list holding one).
fn is_article_type(t: Option<&Value>) -> bool {
    let is_article = |s: &str| {
        let name = s.rsplit(['/', ':']).next().unwrap_or(s);
        name.ends_with("Article") || name.ends_with("Posting")
    };
    match t {
        Some(Value::String(s)) => is_article(s),
        Some(Value::Array(items)) => items.iter().filter_map(Value::as_str).any(is_article),
        _ => false,
    }
}

/// An `articleBody` as paragraphs: some publishers put HTML in it, most
/// plain text with a line per paragraph.
fn body_text(body: &str) -> String {
    let looks_like_html = ["<p", "<br", "<div", "</"].iter().any(|t| body.contains(t));
    if looks_like_html && depth::too_deep(body) {
        // Not parsed (see `depth`), and markup is no text: no body.
        String::new()
    } else if looks_like_html {
        let fragment = Document::fragment(body);
        text::paragraphs(&fragment.root())
    } else {
        text::plain_paragraphs(body)
    }
}

/// The text of the page's `itemprop="articleBody"` element (the one with the
/// most text, if several), if it has a word.
pub fn microdata(doc: &Document) -> Option<String> {
    longest(doc.select(r#"[itemprop~="articleBody" i]"#).nodes().iter().map(text::paragraphs))
}

/// As [`microdata`], from the elements' byte ranges in `page` (found by
/// [`crate::scan`]): each range alone is parsed, not the whole page, and
/// one nested too deeply for a tree ([`depth::too_deep`]) is left out.
pub fn microdata_in(page: &str, ranges: &[Range<usize>]) -> Option<String> {
    let elements = ranges.iter().filter_map(|r| page.get(r.clone())).filter(|e| !depth::too_deep(e));
    longest(elements.map(|element| {
        let fragment = Document::fragment(element);
        text::paragraphs(&fragment.root())
    }))
}

fn longest(texts: impl Iterator<Item = String>) -> Option<String> {
    texts.filter(|t| !t.is_empty()).max_by_key(String::len)
}

/// The page's `og:title`, if it has a non-empty one.
pub fn og_title(doc: &Document) -> Option<String> {
    doc.select(r#"meta[property="og:title" i]"#)
        .nodes()
        .iter()
        .filter_map(|m| m.attr("content"))
        .map(|c| text::collapse_spaces(&c))
        .find(|t| !t.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_ld_article_anywhere_longest_body_wins() {
        let page = r#"<head>
            <script type="application/ld+json">{"@type": "WebSite", "articleBody": "not an article"}</script>
            <script type="application/ld+json">{ not json</script>
            <script type="application/ld+json">{"@graph": [{"@type": ["Thing", "NewsArticle"],
                "headline": " The  headline ", "articleBody": "First paragraph.\nSecond   one.\n"}]}</script>
            <script type="application/ld+json">[{"@type": "https://schema.org/BlogPosting", "articleBody": "Short."}]</script>
            </head>"#;
        let found = json_ld(&json_ld_scripts(&Document::from(page))).unwrap();
        assert_eq!(found.body, "First paragraph.\n\nSecond one.");
        assert_eq!(found.headline.as_deref(), Some("The headline"));
        assert!(
            json_ld(&json_ld_scripts(&Document::from(
                r#"<script type="application/ld+json">{"@type":"NewsArticle","articleBody":"  "}</script>"#
            )))
            .is_none()
        );
    }

    #[test]
    fn json_ld_bodies_in_html() {
        let page = r#"<script type="application/ld+json">{"@type":"Article","articleBody":"<p>One &amp; two.</p><p>Three.</p>"}</script>"#;
        assert_eq!(json_ld(&json_ld_scripts(&Document::from(page))).unwrap().body, "One & two.\n\nThree.");
    }

    #[test]
    fn microdata_body_and_og_title() {
        let page = r#"<head><meta property="og:title" content="  A  title "></head><body>
            <div itemprop="articleBody"><p>Body <em>text</em>.</p><p>More.</p></div>
            <div itemprop="articleBody"></div></body>"#;
        let doc = Document::from(page);
        assert_eq!(microdata(&doc).as_deref(), Some("Body text.\n\nMore."));
        assert_eq!(og_title(&doc).as_deref(), Some("A title"));
        let bare = Document::from("<p>nothing marked</p>");
        assert!(microdata(&bare).is_none() && og_title(&bare).is_none());
    }
}
