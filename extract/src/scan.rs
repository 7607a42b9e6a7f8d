//! The first pass over a page, without building a tree: where its
//! structured data are.
//!
//! Building an HTML5 tree costs most of an extraction, and most of a news
//! page is markup around the article. So a streaming tokenizer (`lol_html`,
//! no tree) reads the page once and notes what the structured-data paths
//! need: the `og:title` tags, the text of each
//! `<script type="application/ld+json">`, and the byte range of each element
//! marked `itemprop="articleBody"`, start tag to end tag (each looked for
//! only on a page whose bytes name it). Only that range is then parsed into
//! a tree. When the tokenizer cannot vouch for a range (the element's end
//! tag is implied, not written, or the markup is ambiguous for a tokenizer
//! without a tree: `lol_html`'s strict mode), the range is not reported and
//! the page takes the whole-tree path.

use std::cell::RefCell;
use std::ops::Range;
use std::rc::Rc;

use lol_html::{HtmlRewriter, Settings, element, end_tag, text};

/// Elements whose end an HTML parser may imply at another element's start
/// (`<p>` at a `<div>`, `<li>` at the next `<li>`…): a tokenizer without the
/// tree's rules cannot tell where they end.
const IMPLIED_END: &[&str] = &[
    "p", "li", "dt", "dd", "option", "optgroup", "rb", "rt", "rp", "rtc", "tr", "td", "th", "thead", "tbody", "tfoot",
    "caption", "colgroup", "html", "head", "body",
];

/// What the first pass found.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Scan {
    /// Each `<meta property="og:title">` tag, as written in the page (its
    /// attribute's character references are the HTML parser's to decode).
    pub og_titles: String,
    /// The text of each `<script type="application/ld+json">`, in page order.
    pub json_ld: Vec<String>,
    /// The byte range of each `itemprop="articleBody"` element whose end
    /// tag is in the page, start tag included, end tag included.
    pub article_bodies: Vec<Range<usize>>,
}

/// The first pass over `page` (see the module docs); `None` when the
/// tokenizer gave up on the page (the caller then builds the whole tree).
pub fn scan(page: &str) -> Option<Scan> {
    let found = Rc::new(RefCell::new(Scan::default()));
    // A JSON-LD script's text arrives in chunks; this one is being written.
    let script = Rc::new(RefCell::new(None::<String>));
    // Each handler makes the tokenizer read more of every tag (an attribute
    // selector, all their attributes), so it is only set on a page whose
    // bytes hold what it looks for.
    let lower = page.to_ascii_lowercase();
    let holds = |key: &[u8]| memchr::memmem::find(lower.as_bytes(), key).is_some();
    let (og_title, json_ld, article_body) = (holds(b"og:title"), holds(b"ld+json"), holds(b"articlebody"));
    if !(og_title || json_ld || article_body) {
        return Some(Scan::default());
    }
    let mut settings = Settings::new();
    if og_title {
        settings = settings.append_element_content_handler(element!(r#"meta[property="og:title" i]"#, |el| {
            if let Some(tag) = page.get(el.source_location().bytes()) {
                found.borrow_mut().og_titles.push_str(tag);
            }
            Ok(())
        }));
    }
    if json_ld {
        settings = settings.append_element_content_handler(text!(r#"script[type="application/ld+json" i]"#, |chunk| {
            let mut current = script.borrow_mut();
            current.get_or_insert_default().push_str(chunk.as_str());
            if chunk.last_in_text_node() {
                found.borrow_mut().json_ld.extend(current.take());
            }
            Ok(())
        }));
    }
    if article_body {
        settings = settings.append_element_content_handler(element!(r#"[itemprop~="articleBody" i]"#, |el| {
            let name = el.tag_name();
            // Void elements have no body; the others' ends must be written.
            if !el.can_have_content() || IMPLIED_END.contains(&name.as_str()) {
                return Ok(());
            }
            let start = el.source_location().bytes().start;
            let found = Rc::clone(&found);
            el.on_end_tag(end_tag!(move |end| {
                // The tokenizer runs this at the end tag that closes the
                // element, or at an ancestor's that closes it unwritten.
                if end.name() == name {
                    found.borrow_mut().article_bodies.push(start..end.source_location().bytes().end);
                }
                Ok(())
            }))?;
            Ok(())
        }));
    }
    let mut rewriter = HtmlRewriter::new(settings, |_: &[u8]| {});
    rewriter.write(page.as_bytes()).ok()?;
    rewriter.end().ok()?;
    Rc::try_unwrap(found).ok().map(RefCell::into_inner)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::structured;
    use dom_query::Document;

    #[test]
    fn finds_what_the_tree_finds() {
        let page = r#"<!DOCTYPE html><html><head>
            <meta property="og:title" content="L&#039;&eacute;t&eacute; &amp; Co">
            <script type="application/ld+json">{"@type": "WebPage"}</script>
            <SCRIPT TYPE="Application/LD+JSON">[1, "</p>"]</SCRIPT></head><body>
            <div class=teaser itemprop="articleBody">Teaser.</div>
            <article><div itemprop="description articleBody"><p class=byline><span itemprop=author>A. Writer</span></p>
            <p>First <b>paragraph</b> &amp; more.</p><p>Unclosed<p>Second.<br>Third.</div></article>
            <img itemprop=articleBody src=x></body></html>"#;
        let found = scan(page).unwrap();
        let doc = Document::from(page);
        let og = structured::og_title(&Document::fragment(found.og_titles.as_str()));
        assert_eq!(og.as_deref(), Some("L'été & Co"));
        assert_eq!(og, structured::og_title(&doc));
        assert_eq!(found.json_ld, structured::json_ld_scripts(&doc));
        assert_eq!(found.json_ld[1], r#"[1, "</p>"]"#);
        assert_eq!(found.article_bodies.len(), 2);
        assert!(page[found.article_bodies[0].clone()].starts_with("<div class=teaser"));
        let body = structured::microdata_in(page, &found.article_bodies);
        assert_eq!(body.as_deref(), Some("First paragraph & more.\n\nUnclosed\n\nSecond.\n\nThird."));
        assert_eq!(body, structured::microdata(&doc));
    }

    #[test]
    fn bodies_without_a_written_end_are_left_to_the_tree() {
        // The <p> ends where the <div> starts: the tree knows, the tokenizer does not.
        let page = "<body><p itemprop=articleBody>Story text.<div>Footer</div></body>";
        assert!(scan(page).unwrap().article_bodies.is_empty());
        assert_eq!(structured::microdata(&Document::from(page)).as_deref(), Some("Story text."));
        // A <div> closed only by its parent's end tag.
        let page = "<section><div itemprop=articleBody>Story text.<div>Footer</div></section><p>After</p>";
        assert!(scan(page).unwrap().article_bodies.is_empty());
        assert_eq!(scan("").unwrap(), Scan::default());
        // Looked for in any case.
        let page = "<META PROPERTY=OG:TITLE CONTENT=T><DIV ITEMPROP=ARTICLEBODY>Story.</DIV>";
        let found = scan(page).unwrap();
        assert_eq!(found.og_titles, "<META PROPERTY=OG:TITLE CONTENT=T>");
        assert_eq!(
            found.article_bodies.iter().map(|r| &page[r.clone()]).collect::<Vec<_>>(),
            ["<DIV ITEMPROP=ARTICLEBODY>Story.</DIV>"]
        );
    }
}
