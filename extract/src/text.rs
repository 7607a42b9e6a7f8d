//! An HTML subtree to plain text in paragraphs.
//!
//! Block elements (`p`, `div`, headings, list items, table rows, quotes…)
//! and line breaks end a paragraph; inline elements (`a`, `strong`, `span`…)
//! run on inside one. Whitespace inside a paragraph collapses to single
//! spaces (HTML's whitespace: no-break spaces stay, see [`collapse_spaces`]). Paragraphs are separated by a blank line, as the core's
//! segmenter expects them.
//!
//! What is not prose is left out with everything inside it: scripts, styles,
//! embedded frames and media, forms and buttons, navigation and asides,
//! figures (a photo's caption is not the story), and elements marked
//! `hidden` or `aria-hidden="true"`. So is a byline: a paragraph holding the
//! author's or the date's microdata (`itemprop="author"`, `datePublished`…).
//!
//! The walk keeps its own stack, so a deeply nested page cannot overflow
//! the thread's.

use std::collections::HashSet;

use dom_query::{NodeId, NodeRef};

/// Elements left out with their contents.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "iframe", "object", "embed", "video", "audio", "canvas", "svg", "math",
    "map", "picture", "img", "figure", "form", "button", "select", "textarea", "input", "nav", "aside", "head",
    "title",
];

/// Elements that end a paragraph before and after them.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "td",
    "th",
    "caption",
    "address",
    "hr",
    "br",
    "details",
    "summary",
    "center",
    "body",
    "html",
];

/// Microdata properties that mark a byline, not the story.
const BYLINE_PROPS: &[&str] = &["author", "creator", "datepublished", "datemodified", "datecreated", "publisher"];

/// How many ancestors up a byline's paragraph is looked for.
const BYLINE_REACH: usize = 8;

/// The text of `root`'s subtree as paragraphs (see the module docs); empty
/// when it holds no word.
pub fn paragraphs(root: &NodeRef<'_>) -> String {
    let bylines = bylines(root);
    let mut out = Paragraphs::default();
    // Open(node) visits a node; Close ends a block element's paragraph.
    enum Step<'a> {
        Open(NodeRef<'a>),
        Close,
    }
    let mut stack: Vec<Step<'_>> = root.children_it(true).map(Step::Open).collect();
    while let Some(step) = stack.pop() {
        let node = match step {
            Step::Open(node) => node,
            Step::Close => {
                out.end_paragraph();
                continue;
            }
        };
        if node.is_text() {
            out.push_text(&node.text());
            continue;
        }
        if !node.is_element() {
            continue;
        }
        let name = node.node_name().unwrap_or_default();
        if SKIPPED.contains(&&*name) || is_hidden(&node) || bylines.contains(&node.id) {
            continue;
        }
        if BLOCKS.contains(&&*name) {
            out.end_paragraph();
            stack.push(Step::Close);
        }
        stack.extend(node.children_it(true).map(Step::Open));
    }
    out.finish()
}

/// The bylines under `root`: for each element carrying one of
/// [`BYLINE_PROPS`], its nearest enclosing paragraph (`p`), or itself.
fn bylines(root: &NodeRef<'_>) -> HashSet<NodeId> {
    let mut out = HashSet::new();
    for node in root.descendants_it() {
        let Some(prop) = node.attr("itemprop") else { continue };
        if !prop.split_ascii_whitespace().any(|p| BYLINE_PROPS.iter().any(|b| p.eq_ignore_ascii_case(b))) {
            continue;
        }
        // A byline's paragraph is near: a bounded look keeps a deep page linear.
        let paragraph = node
            .ancestors_it(Some(BYLINE_REACH))
            .take_while(|a| a.id != root.id)
            .find(|a| a.node_name().is_some_and(|n| &*n == "p"));
        out.insert(paragraph.map_or(node.id, |p| p.id));
    }
    out
}

fn is_hidden(node: &NodeRef<'_>) -> bool {
    node.has_attr("hidden") || node.attr("aria-hidden").is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
}

/// Paragraphs being written: whitespace collapsed, empty ones dropped.
#[derive(Default)]
struct Paragraphs {
    text: String,
    /// The current paragraph has a word.
    in_paragraph: bool,
    /// Whitespace came since the paragraph's last word.
    space: bool,
}

impl Paragraphs {
    fn push_text(&mut self, s: &str) {
        let mut words = s.split_ascii_whitespace().peekable();
        if words.peek().is_none() {
            self.space |= !s.is_empty();
            return;
        }
        self.space |= s.starts_with(|c: char| c.is_ascii_whitespace());
        for word in words {
            if self.in_paragraph {
                if self.space {
                    self.text.push(' ');
                }
            } else if !self.text.is_empty() {
                self.text.push_str("\n\n");
            }
            self.text.push_str(word);
            self.in_paragraph = true;
            // The next word of this text follows whitespace.
            self.space = true;
        }
        self.space = s.ends_with(|c: char| c.is_ascii_whitespace());
    }

    fn end_paragraph(&mut self) {
        self.in_paragraph = false;
        self.space = false;
    }

    fn finish(self) -> String {
        self.text
    }
}

/// `s` with runs of whitespace collapsed to one space, trimmed. Whitespace
/// as HTML means it (space, tab, line feed, form feed, carriage return): a
/// no-break space stays, as French typography puts one before `:` and `?`.
pub fn collapse_spaces(s: &str) -> String {
    s.split_ascii_whitespace().collect::<Vec<_>>().join(" ")
}

/// Plain text (a JSON-LD `articleBody`) as paragraphs: each non-blank line
/// one paragraph, whitespace collapsed.
pub fn plain_paragraphs(s: &str) -> String {
    s.lines().map(collapse_spaces).filter(|l| !l.is_empty()).collect::<Vec<_>>().join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use dom_query::Document;

    fn text_of(html: &str) -> String {
        let doc = Document::from(html);
        paragraphs(&doc.root())
    }

    #[test]
    fn blocks_and_breaks_make_paragraphs_and_inline_runs_on() {
        let t =
            text_of("<div><p>One <b>bold</b>word, <a href=x>link</a> .</p>Loose<br>line<br/><br/>  after\n\n</div>");
        assert_eq!(t, "One boldword, link .\n\nLoose\n\nline\n\nafter");
        assert_eq!(
            text_of("<ul><li>a</li><li>b <i>c</i></li></ul><h2>Head</h2><p>x\ty\n z</p>"),
            "a\n\nb c\n\nHead\n\nx y z"
        );
    }

    #[test]
    fn non_prose_and_bylines_are_left_out() {
        let page = r#"<body><nav>Menu</nav><script>var x = "<p>no</p>";</script><style>p{}</style>
            <p class="date"><span itemprop="author"><span itemprop="name">A. Writer</span></span>, published Sunday</p>
            <p>Story <button>Share</button>text.</p><figure><img src=a><figcaption>Photo</figcaption></figure>
            <div hidden>secret</div><div aria-hidden="true">icon</div><aside>Related</aside><iframe>x</iframe>
            <p>More.</p></body>"#;
        assert_eq!(text_of(page), "Story text.\n\nMore.");
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let page = format!("{}deep{}", "<div><span>".repeat(500), "</span></div>".repeat(500));
        assert_eq!(text_of(&page), "deep");
    }

    #[test]
    fn plain_bodies_split_on_lines() {
        assert_eq!(plain_paragraphs("  First  line.\n\n\nSecond\tline.\r\n"), "First line.\n\nSecond line.");
        assert_eq!(collapse_spaces("  a \n b  "), "a b");
        assert_eq!(collapse_spaces("Paris\u{a0}: x"), "Paris\u{a0}: x");
    }
}
