//! The article inside an HTML page: its title and its body text in reading
//! order, paragraphs kept as paragraphs, and the page's navigation, menus,
//! share buttons, comments, related links, scripts and styles left out.
//!
//! A page is read in four steps, one module each:
//!
//! 1. [`charset`]: bytes to text. A byte-order mark, else the charset the
//!    page declares (`<meta charset>` or `<meta http-equiv="Content-Type">`),
//!    else UTF-8 when the bytes are valid UTF-8, else Windows-1252.
//! 2. [`scan`]: a streaming tokenizer (`lol_html`, no tree) finds the
//!    structured data: the `og:title`, the JSON-LD scripts and the byte
//!    range of an element marked `itemprop="articleBody"`.
//! 3. [`structured`]: the publisher's own structured data, when the page has
//!    it: a schema.org article in JSON-LD (`articleBody`, `headline`), else
//!    the `articleBody` element (schema.org microdata), of which only its
//!    range is parsed into a tree.
//! 4. Otherwise the whole page is parsed once into an HTML5 tree (html5ever,
//!    through `dom_query`), whatever the markup: malformed pages are
//!    repaired as a browser repairs them. The readability algorithm
//!    (`dom_smoothie`, a port of Mozilla's readability.js, the Firefox reader
//!    view) finds the main content by scoring the page's blocks.
//!
//! Building the whole tree costs most of an extraction, so step 2 spares it
//! when it can (BENCHMARKS.md, "HTML extraction"); when the tokenizer cannot
//! vouch for what it found (an end tag left for the parser to imply,
//! markup it finds ambiguous), the tree decides.
//!
//! The title is the page's `og:title`, else the JSON-LD `headline`, else
//! readability's title (`<title>` with the site's name cut off, or a heading).
//!
//! Limits: pages over [`MAX_PAGE_BYTES`] (or [`Options::max_bytes`]) are
//! refused before anything is parsed ([`ExtractError::TooLarge`]), and
//! nothing nested deeper than [`depth::MAX_DEPTH`] elements is parsed into a
//! tree (the HTML5 tree builder's time grows with the square of the depth):
//! such a page is [`ExtractError::TooDeep`] unless its structured data give
//! the article from shallower parts; a page
//! without an article (an index page, an empty body) is
//! [`ExtractError::NoArticle`]. Nothing here panics on any input (a fuzz
//! target runs the whole path over arbitrary bytes).
//!
//! ```
//! let page = br#"<html><head><meta property="og:title" content="Rain stops play">
//! <title>Rain stops play | The Daily</title></head><body>
//! <nav><a href="/">Home</a> <a href="/sport">Sport</a></nav>
//! <article><h1>Rain stops play</h1>
//! <p>Heavy rain stopped the final at Lord's on Sunday after only twelve overs had been bowled.</p>
//! <p>The umpires inspected the pitch twice before abandoning play for the day, and the match
//! resumes on Monday morning with both sides hoping for a dry forecast and a fair result.</p>
//! <p>Tickets for Sunday will be refunded in full, the ground's owners said in a statement.</p>
//! </article><footer>Share this story</footer></body></html>"#;
//! let a = extract::article(page).unwrap();
//! assert_eq!(a.title, "Rain stops play");
//! assert!(a.text.starts_with("Heavy rain stopped the final"));
//! assert_eq!(a.text.split("\n\n").count(), 3);
//! assert!(!a.text.contains("Home") && !a.text.contains("Share"));
//! assert_eq!(a.method, extract::Method::Readability);
//! ```

pub mod charset;
pub mod depth;
pub mod scan;
pub mod structured;
pub mod text;

use std::fmt;

use dom_query::Document;

/// The largest page [`article`] reads: 16 MiB. News pages weigh 50 KB to
/// 2 MB with their inline scripts; the HTML tree takes several times the
/// page's size in memory, so a bigger input is refused before parsing.
pub const MAX_PAGE_BYTES: usize = 16 << 20;

/// The article found in a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    /// The headline (empty when the page has none).
    pub title: String,
    /// The body in reading order: paragraphs separated by a blank line,
    /// whitespace inside a paragraph collapsed to single spaces.
    pub text: String,
    /// Where the body came from.
    pub method: Method,
}

impl Article {
    /// The article under `title` when one is given (not empty), else under
    /// the page's own title: the rule every front end reads a page by, so
    /// that a headline the caller knows (a JSON record's `title`, a Python
    /// argument) wins over the page's `og:title` or `<title>`.
    ///
    /// ```
    /// let page = b"<html><head><title>Site | Rain stops play</title></head><body>\
    /// <div itemprop=\"articleBody\"><p>Heavy rain stopped the final.</p></div></body></html>";
    /// let a = extract::article(page).unwrap();
    /// assert_eq!(a.clone().titled("").title, a.title);
    /// assert_eq!(a.titled("Final abandoned").title, "Final abandoned");
    /// ```
    #[must_use]
    pub fn titled(mut self, title: &str) -> Self {
        if !title.is_empty() {
            title.clone_into(&mut self.title);
        }
        self
    }
}

/// Where an article's body was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Method {
    /// A schema.org article's `articleBody` in a `<script type="application/ld+json">`.
    JsonLd,
    /// The element marked `itemprop="articleBody"` (schema.org microdata).
    Microdata,
    /// The readability algorithm's main content.
    Readability,
}

impl Method {
    /// The method's name as printed and in JSON: `json-ld`, `microdata`, `readability`.
    pub fn name(self) -> &'static str {
        match self {
            Method::JsonLd => "json-ld",
            Method::Microdata => "microdata",
            Method::Readability => "readability",
        }
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Why a page gave no article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExtractError {
    /// The page is larger than the limit; it was not parsed.
    TooLarge {
        /// The page's size in bytes.
        size: usize,
        /// The limit in bytes.
        limit: usize,
    },
    /// The page nests elements deeper than the limit; it was not parsed.
    TooDeep {
        /// The limit ([`depth::MAX_DEPTH`]).
        limit: usize,
    },
    /// No article in the page: no structured article body, and no block of
    /// prose that readability takes for one (an index page, an empty body).
    NoArticle,
}

impl fmt::Display for ExtractError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExtractError::TooLarge { size, limit } => {
                write!(f, "HTML page of {size} bytes is over the limit of {limit} bytes")
            }
            ExtractError::TooDeep { limit } => write!(f, "HTML page nested deeper than {limit} elements"),
            ExtractError::NoArticle => f.write_str("no article found in the HTML page"),
        }
    }
}

impl std::error::Error for ExtractError {}

/// How [`article_with`] reads a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Pages larger than this many bytes are refused before parsing.
    pub max_bytes: usize,
    /// Use the page's structured data (JSON-LD, microdata) when it has an
    /// article body; when false, readability alone (for comparisons).
    pub structured_data: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options { max_bytes: MAX_PAGE_BYTES, structured_data: true }
    }
}

/// The article in an HTML page, with the default [`Options`].
///
/// # Errors
/// [`ExtractError::TooLarge`] for pages over [`MAX_PAGE_BYTES`],
/// [`ExtractError::TooDeep`] for pages nested deeper than [`depth::MAX_DEPTH`],
/// [`ExtractError::NoArticle`] when the page holds no article.
pub fn article(html: &[u8]) -> Result<Article, ExtractError> {
    article_with(html, &Options::default())
}

/// The article in an HTML page (see the crate docs for how it is found).
///
/// # Errors
/// As [`article`], with `options.max_bytes` as the limit.
pub fn article_with(html: &[u8], options: &Options) -> Result<Article, ExtractError> {
    if html.len() > options.max_bytes {
        return Err(ExtractError::TooLarge { size: html.len(), limit: options.max_bytes });
    }
    article_in(&charset::decode(html), options)
}

/// The article in a page that is text already (a page stored in a JSON
/// string, say): no charset is looked for, whatever the page declares.
///
/// # Errors
/// As [`article_with`]; the limit applies to the text's UTF-8 bytes.
///
/// ```
/// let page = "<meta charset=iso-8859-1><div itemprop=articleBody><p>Déjà lu.</p></div>";
/// assert_eq!(extract::article_from_str(page, &extract::Options::default()).unwrap().text, "Déjà lu.");
/// ```
pub fn article_from_str(html: &str, options: &Options) -> Result<Article, ExtractError> {
    if html.len() > options.max_bytes {
        return Err(ExtractError::TooLarge { size: html.len(), limit: options.max_bytes });
    }
    article_in(html, options)
}

fn article_in(page: &str, options: &Options) -> Result<Article, ExtractError> {
    // The structured data, found without a tree when the page allows (the
    // tokenizer's time is linear in any nesting; what is parsed into a tree
    // is checked for depth where it is parsed).
    let scanned = if options.structured_data { scan::scan(page) } else { None };
    if let Some(found) = &scanned {
        let og_title = structured::og_title(&Document::fragment(found.og_titles.as_str()));
        if let Some(found) = structured::json_ld(&found.json_ld) {
            return Ok(json_ld_article(found, og_title));
        }
        // Without an og:title, the title is readability's, which needs the whole tree.
        if let Some(title) = og_title
            && let Some(body) = structured::microdata_in(page, &found.article_bodies)
        {
            return Ok(Article { title, text: body, method: Method::Microdata });
        }
    }
    // Otherwise the whole page as a tree.
    if depth::too_deep(page) {
        return Err(ExtractError::TooDeep { limit: depth::MAX_DEPTH });
    }
    let doc = Document::from(page);
    let og_title = structured::og_title(&doc);
    if options.structured_data {
        // The scan read the JSON-LD already, when it could read the page.
        if scanned.is_none()
            && let Some(found) = structured::json_ld(&structured::json_ld_scripts(&doc))
        {
            return Ok(json_ld_article(found, og_title));
        }
        if let Some(body) = structured::microdata(&doc) {
            let title = og_title.unwrap_or_else(|| readability_title(&doc));
            return Ok(Article { title, text: body, method: Method::Microdata });
        }
    }
    let (title, text) = readability(doc)?;
    Ok(Article { title: og_title.unwrap_or(title), text, method: Method::Readability })
}

/// A JSON-LD article, titled by the page's `og:title`, else its `headline`.
fn json_ld_article(found: structured::JsonLdArticle, og_title: Option<String>) -> Article {
    let title = og_title.or(found.headline).unwrap_or_default();
    Article { title, text: found.body, method: Method::JsonLd }
}

/// Readability's title for a page: `<title>` without the site's name, or a heading.
fn readability_title(doc: &Document) -> String {
    // A Readability over a copy: it reads the title without changing the tree.
    match dom_smoothie::Readability::with_document(doc.clone(), None, None) {
        Ok(r) => text::collapse_spaces(&r.get_article_title()),
        Err(_) => String::new(),
    }
}

/// Readability's title and main content.
fn readability(doc: Document) -> Result<(String, String), ExtractError> {
    let mut r = dom_smoothie::Readability::with_document(doc, None, None).map_err(|_| ExtractError::NoArticle)?;
    if !r.is_probably_readable() {
        return Err(ExtractError::NoArticle);
    }
    let found = r.parse().map_err(|_| ExtractError::NoArticle)?;
    // Its cleaned content, read with the same block rules as structured bodies.
    let content = Document::fragment(found.content);
    let body = text::paragraphs(&content.root());
    if body.is_empty() {
        return Err(ExtractError::NoArticle);
    }
    Ok((text::collapse_spaces(&found.title), body))
}
