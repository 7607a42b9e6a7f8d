//! A bound on how deeply a page nests, checked before parsing.
//!
//! An HTML5 tree builder looks down its stack of open elements at most
//! start tags (is there a `<p>` to close?), so a page nested N deep costs
//! it about N steps per tag, so the whole page costs the square of its
//! depth (BENCHMARKS.md, "HTML extraction"). Real pages nest a few dozen
//! deep. [`estimate`] counts the nesting in one pass over the bytes, and
//! HTML deeper than [`MAX_DEPTH`] is never parsed into a tree
//! ([`too_deep`]): a whole page so deep is refused
//! ([`crate::ExtractError::TooDeep`]), an `articleBody` element or HTML
//! body in JSON-LD so deep is not read.
//!
//! This is a guard, not a parser: it skips comments, scripts and styles, and
//! does not count void elements (`<br>`, `<img>`…), self-closed tags inside
//! `<svg>` and `<math>` (elsewhere `/>` closes nothing), or the
//! elements a parser closes by itself (`<p>`, `<li>`, `<td>`…), so a
//! well-formed page's estimate is its depth, and a sloppy page's (closing
//! tags left out) is larger. It reads the decoded text, so that UTF-16
//! pages are measured too.

use memchr::{memchr, memmem};

/// The deepest nesting a page may have.
pub const MAX_DEPTH: usize = 1000;

/// Elements without contents, and elements whose end the parser implies.
const NOT_COUNTED: &[&[u8]] = &[
    b"area",
    b"base",
    b"br",
    b"col",
    b"embed",
    b"hr",
    b"img",
    b"input",
    b"link",
    b"meta",
    b"param",
    b"source",
    b"track",
    b"wbr",
    b"keygen",
    b"p",
    b"li",
    b"dt",
    b"dd",
    b"option",
    b"optgroup",
    b"tr",
    b"td",
    b"th",
    b"thead",
    b"tbody",
    b"tfoot",
    b"colgroup",
    b"caption",
    b"rb",
    b"rt",
    b"rp",
    b"rtc",
    b"html",
    b"head",
    b"body",
];

/// Elements whose contents are text up to their end tag.
const RAW_TEXT: &[&[u8]] = &[b"script", b"style", b"textarea", b"title", b"xmp", b"noembed", b"noframes", b"plaintext"];

/// True when `html` nests deeper than [`MAX_DEPTH`], as estimated: it must
/// not be parsed into a tree.
pub fn too_deep(html: &str) -> bool {
    estimate(html.as_bytes(), MAX_DEPTH) > MAX_DEPTH
}

/// The page's largest nesting, as estimated (see the module docs); stops
/// counting once over `limit`.
pub fn estimate(html: &[u8], limit: usize) -> usize {
    let (mut depth, mut deepest, mut at) = (0usize, 0usize, 0usize);
    // The depth at which an <svg> or <math> was opened (0: none): only in
    // such foreign content does `/>` close a tag; `<div/>` opens a div.
    let mut foreign = 0;
    while let Some(lt) = memchr(b'<', &html[at..]) {
        at += lt + 1;
        let rest = &html[at..];
        if rest.starts_with(b"!--") {
            at += memmem::find(rest, b"-->").map_or(rest.len(), |e| e + 3);
            continue;
        }
        let closing = rest.first() == Some(&b'/');
        let name_start = usize::from(closing);
        let name_len = rest[name_start..].iter().take_while(|b| b.is_ascii_alphanumeric()).count();
        if name_len == 0 {
            continue;
        }
        let name = &rest[name_start..name_start + name_len];
        let tag_end = memchr(b'>', rest).unwrap_or(rest.len());
        at += tag_end;
        if is_one_of(name, NOT_COUNTED) {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
            if depth < foreign {
                foreign = 0;
            }
            continue;
        }
        if is_one_of(name, RAW_TEXT) {
            // Up to the matching end tag, whatever is inside.
            at += find_end_tag(&html[at..], name).unwrap_or(html.len() - at);
            continue;
        }
        if foreign > 0 && rest[..tag_end].ends_with(b"/") {
            continue;
        }
        depth += 1;
        if foreign == 0 && is_one_of(name, &[b"svg", b"math"]) {
            foreign = depth;
        }
        deepest = deepest.max(depth);
        if deepest > limit {
            break;
        }
    }
    deepest
}

/// True when `name` is in `names` (lower case), ignoring ASCII case.
fn is_one_of(name: &[u8], names: &[&[u8]]) -> bool {
    names.iter().any(|n| n.eq_ignore_ascii_case(name))
}

/// Where the first `</name` in `hay` starts, ignoring ASCII case.
fn find_end_tag(hay: &[u8], name: &[u8]) -> Option<usize> {
    memmem::find_iter(hay, b"</")
        .find(|&i| hay[i + 2..].get(..name.len()).is_some_and(|n| n.eq_ignore_ascii_case(name)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn well_formed_pages_count_their_depth() {
        assert_eq!(estimate(b"<html><body><div><p>a<br>b<img src=x></p><div><span>x</span></div></div>", 99), 3);
        assert_eq!(estimate(b"<div><!-- <div><div> --><script>if (a<b) '<div>'</script><style>x</style></div>", 99), 1);
        assert_eq!(estimate(b"<svg><path d=x /><g/><path/></svg><ul><li>a<li>b</ul>", 99), 1);
        // Outside foreign content `/>` closes nothing, as in a browser.
        assert_eq!(estimate(b"<div/><div/>", 99), 2);
        assert_eq!(estimate(b"", 9) + estimate(b"<", 9) + estimate(b"< div>", 9) + estimate(b"<!--", 9), 0);
        assert_eq!(estimate(b"<script>never closed <div>", 9), 0);
    }

    #[test]
    fn deep_pages_stop_at_the_limit() {
        let deep = "<div><span>".repeat(50_000);
        assert_eq!(estimate(deep.as_bytes(), MAX_DEPTH), MAX_DEPTH + 1);
        // Unclosed tags only ever make the estimate larger.
        assert_eq!(estimate("</div>".repeat(5).as_bytes(), 9), 0);
        assert_eq!(estimate("<b>x".repeat(20).as_bytes(), 99), 20);
    }
}
