//! What any segmentation of a text must look like, written naively (one
//! `str` method at a time, as memchr's `naive.rs` writes its searches), and
//! the two ways the segmenter's word-at-a-time scan could go wrong that the
//! case table (`core/src/segment/cases.txt`, which pins what each rule does)
//! cannot show: a unit that depends on the bytes around its line, or on
//! where the text starts relative to a machine word. Shared by the property
//! tests (`core/tests/segment_reference.rs`), the data tests
//! (`segment_data.rs`) and the `segment` fuzz target
//! (`fuzz/fuzz_targets/segment.rs`, which includes this file by path).

use epitome::segment::{Segmenter, Unit, UnitKind};
use epitome::unicode::{is_space, trim};

/// The non-blank lines of `text`, trimmed, in order: the paragraphs.
pub fn naive_lines(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for raw in text.split('\n') {
        let t = trim(raw);
        if !t.is_empty() {
            let s = start + (raw.len() - raw.trim_start_matches(is_space).len());
            out.push((s, s + t.len()));
        }
        start += raw.len() + 1;
    }
    out
}

/// Checks that `units` could be a segmentation of `text`: each unit is a
/// non-empty span of its paragraph's line with no white space at either
/// end; a unit that is not boilerplate ends at the line's end or before
/// white space (a sentence ends at white space, never inside a word, while
/// a metadata prefix such as `date 2026-01-28` may run into the text, and a
/// sentence glued to the next as scraped paragraphs are, `Venise.Selon`,
/// ends on `.`, `!` or `?` and its closing marks before a capital or an
/// opening mark); the units are in order and disjoint.
pub fn check_units(text: &str, units: &[Unit]) {
    let lines = naive_lines(text);
    let mut last_end = 0;
    for u in units {
        let (s, e) = (u.span.start as usize, u.span.end as usize);
        let &(ls, le) = lines.get(u.paragraph as usize).unwrap_or_else(|| panic!("{u:?}: no such paragraph"));
        assert!(ls <= s && s < e && e <= le, "{u:?} is not inside its line {ls}..{le}");
        assert!(s >= last_end, "{u:?} overlaps or precedes the unit before it");
        last_end = e;
        let t = u.span.slice(text).unwrap_or_else(|| panic!("{u:?}: not on char boundaries"));
        assert_eq!(trim(t), t, "{u:?} is not trimmed");
        let next = text[e..le].chars().next();
        if u.kind != UnitKind::Boilerplate {
            let glued = ends_on_terminal(t) && next.is_some_and(|c| c.is_uppercase() || opens(c));
            assert!(next.is_none_or(is_space) || glued, "{u:?} ends inside a word: {t:?} then {next:?}");
        }
    }
}

/// True if `t` ends on `.`, `!` or `?` before any closing marks (German
/// quotations close on `“`, `«` or `‹`; French sets a space before `»`).
fn ends_on_terminal(t: &str) -> bool {
    let closer = |c: char| {
        matches!(
            c,
            '"' | '\''
                | '\u{201d}'
                | '\u{2019}'
                | ')'
                | ']'
                | '\u{bb}'
                | '\u{203a}'
                | '\u{201c}'
                | '\u{ab}'
                | '\u{2039}'
        )
    };
    t.trim_end_matches(|c| closer(c) || is_space(c)).ends_with(['.', '!', '?'])
}

/// Marks that may open a sentence glued to the one before (`dit.«Nous`,
/// `continue."Monsieur`, `dijo.¿Por`).
fn opens(c: char) -> bool {
    matches!(c, '"' | '\u{ab}' | '\u{201c}' | '\u{201e}' | '\u{2039}' | '\u{bf}' | '\u{a1}')
}

/// The units of `text` when each line is segmented alone and its units are
/// moved back to where the line stands: the segmenter keeps no state from
/// one line to the next, so these must be its units of the whole text.
pub fn units_line_by_line(text: &str) -> Vec<Unit> {
    let mut out = Vec::new();
    for (paragraph, &(s, e)) in naive_lines(text).iter().enumerate() {
        for mut u in Segmenter::new(&text[s..e]) {
            assert_eq!(u.paragraph, 0, "one line gave two paragraphs: {:?}", &text[s..e]);
            u.span.start += s as u32;
            u.span.end += s as u32;
            u.paragraph = paragraph as u32;
            out.push(u);
        }
    }
    out
}

/// The units of `text` after `pad` (white space), moved back by its length:
/// where the text starts relative to a machine word must not matter.
pub fn units_after(pad: &str, text: &str) -> Vec<Unit> {
    let padded = format!("{pad}{text}");
    let mut units: Vec<Unit> = Segmenter::new(&padded).collect();
    for u in &mut units {
        u.span.start -= pad.len() as u32;
        u.span.end -= pad.len() as u32;
    }
    units
}

/// Every check above on `text`: the segmenter's units are well formed, the
/// same line by line and the same after 1 to 15 bytes of white space.
pub fn check_segmenter(text: &str) {
    let units: Vec<Unit> = Segmenter::new(text).collect();
    check_units(text, &units);
    assert_eq!(units, units_line_by_line(text), "line by line differs: {text:?}");
    for n in 1..16 {
        let pad = if n % 2 == 0 { " ".repeat(n) } else { "\n".repeat(n) };
        assert_eq!(units, units_after(&pad, text), "after {n} bytes of white space: {text:?}");
    }
}
