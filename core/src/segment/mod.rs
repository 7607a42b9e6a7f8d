//! Sentence segmentation for news text.
//!
//! Works line by line, because scraped news puts one paragraph on a line and
//! junk (share buttons, photo credits, headings) on lines of its own. Each
//! line is classified, then split into sentences at `.`, `!`, `?` and `…`
//! (plus closing quotes and brackets) followed by white space and a
//! sentence start, except after abbreviations, initials and inside numbers
//! (`abbrev`). A quotation that runs over sentences of one line stays one
//! unit while it is short; units that would still show a quotation half-open
//! are marked [`Unit::open_quote`] (`quotes`), and [`Shown`] adds the marks
//! such a unit lacks when it is shown alone. List markers (`- `, `• `,
//! `1. `, `(a) `) are left out of their item's span, and a list written on
//! one line (`1) One 2) Two`) is split at its markers (`lists`).
//!
//! Every unit gets a [`UnitKind`]; only [`UnitKind::Prose`] and full-sentence
//! [`UnitKind::Bullet`] units can be chosen for a summary. The committed case
//! table `cases.txt` (run by the unit tests) shows what each rule does.
//!
//! The rules look only at a few bytes: `scan` finds them a machine word at
//! a time (the next newline, the next `.`, `!`, `?`, `"` or lead byte of
//! `…`, curly quotes and guillemets) and reads ASCII without decoding, so
//! most of a line is passed over without a char being decoded. The
//! property tests and the `segment` fuzz target check the units against
//! naive rules (`core/tests/reference/segment.rs`): well formed, the same
//! line by line and wherever the text starts relative to a machine word.

mod abbrev;
mod glued;
mod lists;
mod quotes;
mod scan;

use self::abbrev::{dot_ends_sentence, next_word_is_opener};
use self::glued::glued_end;
use self::lists::{Marker, bullet_marker, colon_list, continues, next_item};

use self::quotes::{MAX_QUOTE_UNIT, Marks, QuoteState, closing_mark};
pub use self::quotes::{MissingMarks, Shown};
use self::scan::{
    Stops, char_at, contains_ignore_ascii_case, count_words_up_to, find_newline, skip_space, trim_end_fast as trim_end,
    trim_start_fast as trim_start,
};
use crate::Span;
use crate::unicode::{is_digit, is_letter, is_space, is_upper};

/// What a segmented unit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum UnitKind {
    /// An ordinary sentence.
    Prose,
    /// A bullet-list item (`- Counter-Narcotics: …`), marker excluded.
    Bullet,
    /// A heading, caption or other short line without sentence punctuation.
    Heading,
    /// Page furniture: share buttons, credits, newsletter prompts, metadata.
    Boilerplate,
}

impl UnitKind {
    /// True for units that may appear in a summary.
    pub const fn is_choosable(self) -> bool {
        matches!(self, UnitKind::Prose | UnitKind::Bullet)
    }
}

/// One segmented unit: a sentence, heading, bullet or boilerplate line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Unit {
    /// Byte range in the text, trimmed of surrounding white space.
    pub span: Span,
    /// What kind of unit this is.
    pub kind: UnitKind,
    /// Index of the non-empty line (paragraph) it belongs to, from 0.
    pub paragraph: u32,
    /// True if the unit shows a double quotation mark it does not match, or
    /// lies inside a quotation opened before it: a quotation too long to be
    /// one unit, or one running over paragraphs. A summary takes such a
    /// unit only when it is far better than any other (see `summarize`).
    pub open_quote: bool,
}

/// Iterator over the units of a text.
///
/// ```
/// use epitome::segment::{Segmenter, UnitKind};
/// let text = "Share on facebook\nMr. Smith paid $3.5m in the U.S. on Monday. He left at 5 p.m. \
///             \"Why?\" he asked. Officials agreed.";
/// let units: Vec<(&str, UnitKind)> = Segmenter::new(text)
///     .map(|u| (u.span.slice(text).unwrap(), u.kind))
///     .collect();
/// assert_eq!(units, [
///     ("Share on facebook", UnitKind::Boilerplate),
///     ("Mr. Smith paid $3.5m in the U.S. on Monday.", UnitKind::Prose),
///     ("He left at 5 p.m.", UnitKind::Prose),
///     ("\"Why?\" he asked.", UnitKind::Prose),
///     ("Officials agreed.", UnitKind::Prose),
/// ]);
/// ```
#[derive(Debug, Clone)]
pub struct Segmenter<'a> {
    text: &'a str,
    /// Start of the next line to read.
    next_line: usize,
    /// Cursor inside the current line and the line's end.
    cur: usize,
    line_end: usize,
    line_start_pending: bool,
    /// The marker of the current list item's line, if it has one: a
    /// later marker of the same list within the line starts a new item.
    list: Option<Marker>,
    /// The next unit starts a list item.
    item_start: bool,
    paragraph: u32,
    started: bool,
    quote: QuoteState,
}

impl<'a> Segmenter<'a> {
    /// Segments `text` from its start.
    pub const fn new(text: &'a str) -> Self {
        Segmenter {
            text,
            next_line: 0,
            cur: 0,
            line_end: 0,
            line_start_pending: false,
            list: None,
            item_start: false,
            paragraph: 0,
            started: false,
            quote: QuoteState::new(),
        }
    }

    /// Moves to the next non-empty line; returns a unit if the whole line
    /// (or a metadata prefix of it) is one.
    fn advance_line(&mut self) -> Option<Option<Unit>> {
        loop {
            if self.next_line >= self.text.len() {
                return None;
            }
            let rest = self.text.get(self.next_line..)?;
            // An empty line (the second `\n` between paragraphs) needs no search.
            let len = match rest.as_bytes().first() {
                Some(b'\n') => 0,
                _ => find_newline(rest.as_bytes()).unwrap_or(rest.len()),
            };
            let raw_start = self.next_line;
            let raw_end = raw_start.saturating_add(len);
            self.next_line = raw_end.saturating_add(1);
            let line = rest.get(..len)?;
            let body = trim_start(line);
            let trimmed_start = line.len().saturating_sub(body.len());
            let trimmed = trim_end(body);
            if trimmed.is_empty() {
                continue;
            }
            if self.started {
                self.paragraph = self.paragraph.saturating_add(1);
            }
            self.started = true;
            let s = raw_start.saturating_add(trimmed_start);
            let e = s.saturating_add(trimmed.len());
            self.line_end = e;
            self.line_start_pending = true;
            self.list = None;
            self.item_start = false;
            self.quote = QuoteState::new();
            if is_boilerplate_line(trimmed) {
                self.cur = e;
                return Some(Some(self.unit(s, e, UnitKind::Boilerplate)));
            }
            if let Some(meta) = metadata_prefix(trimmed) {
                let me = s.saturating_add(meta);
                let after = self.text.get(me..e).map_or(0, |r| r.len().saturating_sub(trim_start(r).len()));
                self.cur = me.saturating_add(after);
                return Some(Some(self.unit(s, me, UnitKind::Boilerplate)));
            }
            self.cur = s;
            if let Some((len, marker)) = bullet_marker(trimmed) {
                self.cur = s.saturating_add(len);
                self.list = Some(marker).filter(|m| m.may_continue_inline());
                self.item_start = true;
            }
            return Some(None);
        }
    }

    fn unit(&mut self, s: usize, e: usize, kind: UnitKind) -> Unit {
        self.line_start_pending = false;
        Unit { span: Span::new(s, e), kind, paragraph: self.paragraph, open_quote: false }
    }
}

impl Iterator for Segmenter<'_> {
    type Item = Unit;

    /// Out of line on bare-metal targets: inlined into the counting loop of
    /// `summarize`, this code competed with the word reader there for the
    /// Cortex-M's registers (out of line is cheaper on the M4; on x86-64
    /// inlining is slightly cheaper).
    #[cfg_attr(target_os = "none", inline(never))]
    fn next(&mut self) -> Option<Unit> {
        loop {
            if self.cur >= self.line_end {
                match self.advance_line()? {
                    Some(u) => return Some(u),
                    None => continue,
                }
            }
            let mut line = self.text.get(self.cur..self.line_end)?;
            if let Some(marker) = self.list {
                // The next item of a list written on one line.
                let rest = trim_start(line);
                if let Some((len, next)) = continues(rest, marker) {
                    self.cur = self.cur.saturating_add(line.len().saturating_sub(rest.len())).saturating_add(len);
                    line = self.text.get(self.cur..self.line_end)?;
                    (self.list, self.item_start) = (Some(next), true);
                }
            }
            let quote_open = self.quote.is_open();
            let (mut end, mut terminated, mut marks) = sentence_end(line, 0, quote_open);
            // A quotation left open here that closes a little further on in
            // the line: keep going to the sentence end after its closing mark.
            while !marks.balanced() && end < line.len() {
                let Some(close) = line.get(end..).and_then(|rest| closing_mark(rest, marks)) else { break };
                // Its closing mark follows a quotation open: a straight one if
                // the line's quotation state and this piece's marks say so.
                let open = quote_open != marks.straight_open();
                let (e2, t2, _) = sentence_end(line, end.saturating_add(close), open);
                // (Backing over the space before a French `»` may find the
                // same end again: no progress, no loop.)
                if e2 > MAX_QUOTE_UNIT || e2 <= end {
                    break;
                }
                marks = Marks::of(line.get(..e2).unwrap_or(""));
                (end, terminated) = (e2, t2);
            }
            if self.list.is_none()
                && let Some((at, before)) = colon_list(line, line.get(..end).unwrap_or(""))
            {
                // `You need: 1. A pen. 2. …`: the sentence ends at its colon.
                (end, terminated, self.list) = (at, true, Some(before));
                marks = Marks::of(line.get(..at).unwrap_or(""));
            }
            if let Some(marker) = self.list {
                let lead = line.len().saturating_sub(trim_start(line).len());
                let item = line.get(lead..).unwrap_or("");
                if let Some(at) = next_item(item, end.saturating_sub(lead), marker) {
                    end = lead.saturating_add(at);
                    let t = trim_end(line.get(..end).unwrap_or(""));
                    terminated = ends_on_terminal(t, false);
                    marks = Marks::of(t);
                }
            }
            let piece = line.get(..end)?;
            let body = trim_start(piece);
            let text = trim_end(body);
            let s = self.cur.saturating_add(piece.len().saturating_sub(body.len()));
            let e = s.saturating_add(text.len());
            let whole_line = self.line_start_pending && end >= line.len();
            self.cur = self.cur.saturating_add(end.max(1));
            if e <= s {
                continue;
            }
            let kind = classify(text, terminated, whole_line, self.item_start);
            self.item_start = false;
            let open_quote = self.quote.step(text, marks);
            return Some(Unit { open_quote, ..self.unit(s, e, kind) });
        }
    }
}

/// Kind of a sentence piece from its shape.
fn classify(text: &str, terminated: bool, whole_line: bool, bullet: bool) -> UnitKind {
    // Words are counted only when the shape needs it (most units are
    // prose), and only as far as the threshold they are compared with.
    if bullet {
        return if terminated && count_words_up_to(text, 6) >= 6 { UnitKind::Bullet } else { UnitKind::Heading };
    }
    if whole_line {
        // A short line without sentence punctuation is a heading or caption;
        // a short stand-alone question is a sub-heading in news layouts.
        // But a quotation closing a line of prose (`The mayor said: "We
        // are ready"`) is prose.
        if !terminated && count_words_up_to(text, 15) <= 14 && !ends_in_quotation(text) {
            return UnitKind::Heading;
        }
        if text.ends_with('?') && count_words_up_to(text, 13) <= 12 {
            return UnitKind::Heading;
        }
        // `BREAKING: Storm hits coast.` is a headline, full stop or not.
        if is_capital_label(text) && count_words_up_to(text, 9) <= 8 {
            return UnitKind::Heading;
        }
    }
    UnitKind::Prose
}

/// A line opening with an all-capitals label and a colon (`BREAKING:`):
/// read up to the colon, stopping at the first char a label cannot hold.
fn is_capital_label(text: &str) -> bool {
    let mut letters = 0u32;
    for c in text.chars() {
        if c == ':' {
            return letters >= 2;
        }
        if !(is_upper(c) || c == ' ') {
            return false;
        }
        letters = letters.saturating_add(u32::from(is_letter(c)));
    }
    false
}

/// True for a line of at least five words ending with a closed quotation
/// (`»`, and German `“`, close one too).
fn ends_in_quotation(text: &str) -> bool {
    text.ends_with(['"', '\u{201d}', '\u{bb}', '\u{201c}'])
        && Marks::of(text).balanced()
        && count_words_up_to(text, 5) >= 5
}

/// True if `t` ends on sentence punctuation (or, with `colon`, a colon)
/// before its closing marks, the space French sets before `»` and the
/// marks that close German quotations (`bereit.“`, `bereit.«`).
fn ends_on_terminal(t: &str, colon: bool) -> bool {
    t.chars()
        .rev()
        .find(|&c| !(is_closer(c) || is_space(c) || matches!(c, '\u{201c}' | '\u{ab}' | '\u{2039}')))
        .is_some_and(|c| is_terminal(c) || colon && c == ':')
}

const fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '\u{201d}' | '\u{2019}' | ')' | ']' | '\u{bb}' | '\u{203a}')
}

/// Marks that open a sentence: quotation marks of every language this
/// segmenter reads (German `„` and `»`, Spanish `¿` and `¡`) and brackets.
fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '\u{201c}'
            | '\u{2018}'
            | '('
            | '['
            | '\u{ab}'
            | '\u{2039}'
            | '\u{201e}'
            | '\u{201a}'
            | '\u{bb}'
            | '\u{203a}'
            | '\u{bf}'
            | '\u{a1}'
    )
}

/// The closing mark at `j`, after a sentence's final punctuation, and the
/// offset past it: a closer (`"`, `”`, `)`, `»`…), a closing guillemet
/// after the space French sets inside it (`prêts. »`), or a mark that
/// opens in English but closes in German (`bereit.“`, `bereit.«`) when no
/// word follows it.
fn closer_at(line: &str, j: usize) -> Option<(char, usize)> {
    let c = char_at(line, j)?;
    let word_at = |at: usize| char_at(line, at).is_some_and(|n| is_letter(n) || is_digit(n));
    let past = |at: usize, c: char| at.saturating_add(c.len_utf8());
    if is_closer(c) || matches!(c, '\u{201c}' | '\u{ab}' | '\u{2039}') && !word_at(past(j, c)) {
        return Some((c, past(j, c)));
    }
    if !is_space(c) {
        return None;
    }
    let k = skip_space(line, j);
    let g = char_at(line, k).filter(|&g| matches!(g, '\u{bb}' | '\u{203a}'))?;
    (!word_at(past(k, g))).then_some((g, past(k, g)))
}

const fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '\u{2026}')
}

/// True if `next_text`, after an ellipsis, clearly starts a new sentence:
/// a quotation opens (`… "We`) or a capitalized stopword or opener comes
/// (`… Then`, `… The`, `… Le`), not a name (`The plan … Smith`).
pub(super) fn clearly_starts(next_text: &str) -> bool {
    next_text.starts_with(['"', '\u{201c}', '\u{ab}', '\u{201e}']) || next_word_is_opener(next_text)
}

/// True if `before` ends, past white space, on a finished sentence.
fn follows_sentence_end(before: &str) -> bool {
    let t = trim_end(before);
    t.len() < before.len() && ends_on_terminal(t, false)
}

/// The bytes that, right after a `.`, make it a dot inside a word: ASCII
/// that is neither terminal punctuation, a closer nor white space (the
/// general path of [`sentence_end`] goes on after such a dot). ASCII only:
/// half the table's flash, for one compare.
const DOT_INSIDE_WORD: [bool; 128] = {
    let mut t = [false; 128];
    let mut b = 0;
    while b < 0x80 {
        let c = b as u8 as char;
        t[b] = !(is_terminal(c) || is_closer(c) || is_space(c));
        b += 1;
    }
    t
};

/// Finds where the first sentence of `line` ends, looking for its final
/// punctuation from byte `from` on (the punctuation before a closing
/// quotation mark at `from` counts): returns the byte offset just past its
/// final punctuation/closers (or `line.len()`), whether it ended on
/// sentence punctuation, and the quotation marks of the bytes it scanned.
/// `quote_open`: a quotation opened in an earlier unit of the line is
/// still open (so a straight `"` glued after a full stop may close it).
///
/// Inlined into [`Segmenter::next`] on desktop targets: the call's
/// prologue and the marks' stores cost more than the work per unit. Not
/// on bare-metal ones, where its two call sites would hold two copies in
/// the flash.
#[cfg_attr(not(target_os = "none"), inline(always))]
fn sentence_end(line: &str, from: usize, quote_open: bool) -> (usize, bool, Marks) {
    let mut marks = Marks::default();
    let bytes = line.as_bytes();
    // Back over the punctuation just before `from` (`…fast." She`, `…prêts. »
    // Il`), so that a boundary right after a closing mark is found.
    let mut i = from.min(line.len());
    if line.get(i..).is_some_and(|r| r.starts_with(['\u{bb}', '\u{203a}'])) {
        while let Some(c) = line.get(..i).and_then(|b| b.chars().next_back()).filter(|&c| is_space(c)) {
            i = i.saturating_sub(c.len_utf8());
        }
    }
    while let Some(c) = line.get(..i).and_then(|b| b.chars().next_back()).filter(|&c| is_terminal(c) || is_closer(c)) {
        i = i.saturating_sub(c.len_utf8());
    }
    let mut stops = Stops::new(bytes);
    while let Some(p) = stops.next_from_inline(i) {
        // The commonest stops (most full stops, `’`, `“`, `”`), decided
        // from their bytes as the general path below would decide them,
        // without decoding. `p` is a byte of the line: `p + 3` does not
        // overflow.
        if bytes.get(p) == Some(&b'.') {
            let after = p.wrapping_add(1);
            match bytes.get(after) {
                // Inside a word, number or address (`3.5`, `U.S.`): the
                // run is one dot and no space follows, so no boundary.
                Some(&b) if DOT_INSIDE_WORD.get(usize::from(b)) == Some(&true) => {
                    // But a capital may start a sentence glued to this one.
                    if b.is_ascii_uppercase()
                        && let Some(at) = glued_end(line, p, after, after, false)
                    {
                        return (at, true, marks);
                    }
                    i = after;
                    continue;
                }
                // `. X` with X an ASCII capital: a sentence start, so only
                // the abbreviation test decides.
                Some(b' ') if bytes.get(after.wrapping_add(1)).is_some_and(u8::is_ascii_uppercase) => {
                    let next = line.get(after.wrapping_add(1)..).unwrap_or("");
                    if dot_ends_sentence(line.get(..p).unwrap_or(""), next) {
                        return (after, true, marks);
                    }
                    i = after;
                    continue;
                }
                // The line ends on it (most paragraphs): a boundary.
                None => return (line.len(), true, marks),
                _ => {}
            }
        } else if let Some(&[0xE2, 0x80, low, ..]) = bytes.get(p..)
            && low != 0xA6
        {
            // U+2000..=U+203F but `…` (`’`, `“`, `”`, dashes): not terminal,
            // so only a double quotation mark among them counts.
            marks.add_general_punctuation(low);
            i = p.wrapping_add(3);
            continue;
        }
        // A stop byte is ASCII or a lead byte, so `p` is on a char boundary.
        let Some(first) = char_at(line, p) else {
            i = p.saturating_add(1);
            continue;
        };
        if !is_terminal(first) {
            marks.add(first, p > 0 && bytes.get(p.saturating_sub(1)).is_some_and(u8::is_ascii_digit));
            i = p.saturating_add(first.len_utf8());
            continue;
        }
        // Run of terminal punctuation, then closing quotes/brackets.
        let mut j = p;
        let mut only_dot = true;
        let mut dots = 0u32;
        while let Some(c) = char_at(line, j).filter(|&c| is_terminal(c)) {
            if c != '.' {
                only_dot = false;
            } else {
                dots = dots.saturating_add(1);
            }
            j = j.saturating_add(c.len_utf8());
        }
        let (run, before_closers) = (j, marks);
        while let Some((c, past)) = closer_at(line, j) {
            marks.add(c, false);
            j = past;
        }
        let Some(ws) = char_at(line, j) else {
            return (line.len(), true, marks);
        };
        if !is_space(ws) {
            match glued_end(line, p, run, j, before_closers.straight_open() != quote_open) {
                Some(at) if at == run => return (at, true, before_closers),
                Some(at) => return (at, true, marks),
                None => {}
            }
            i = j.max(p.saturating_add(1));
            continue;
        }
        let k = skip_space(line, j);
        let Some(next) = char_at(line, k) else {
            return (line.len(), true, marks);
        };
        let starts_sentence = is_upper(next) || is_digit(next) || is_opener(next) || next == '\u{2014}';
        if !starts_sentence {
            i = j;
            continue;
        }
        let next_text = line.get(k..).unwrap_or("");
        // An ellipsis (`...`, `…`, `[...]`) goes on unless a sentence clearly
        // starts after it, or it stands alone after a sentence that ended
        // (`the shootout. ... Shane Doan had`: a separator).
        let ellipsis = only_dot && (2..=3).contains(&dots) || line.get(p..run) == Some("\u{2026}");
        if ellipsis && !clearly_starts(next_text) && !follows_sentence_end(line.get(..p).unwrap_or("")) {
            i = j;
            continue;
        }
        if only_dot && dots == 1 && !dot_ends_sentence(line.get(..p).unwrap_or(""), next_text) {
            i = j;
            continue;
        }
        return (j, true, marks);
    }
    let t = trim_end(line);
    let terminated = ends_on_terminal(t, true);
    (line.len(), terminated, marks)
}

/// Line-level junk found in scraped news pages.
fn is_boilerplate_line(line: &str) -> bool {
    // Junk lines are short; long lines (most of the text) are ruled out
    // without looking at them.
    if line.len() > 160 {
        return false;
    }
    const PREFIXES: [&str; 30] = [
        "share on",
        "share this",
        "share via",
        "share article",
        "sign up",
        "subscribe",
        "credit:",
        "photo:",
        "photograph:",
        "image:",
        "picture:",
        "image source",
        "image caption",
        "media caption",
        "copyright",
        "\u{a9}",
        "advertisement",
        "read more",
        "read also",
        "related:",
        "related articles",
        "follow us",
        "click here",
        "research staff",
        "all rights reserved",
        "getty images",
        "watch:",
        "listen:",
        "skip to",
        "download the",
    ];
    const SUFFIXES: [&str; 6] = ["/ap", "/reuters", "/afp", "getty images", "/epa", "/bloomberg"];
    // A prefix ending in a letter must end a word (`subscribe`, not `Subscribers`).
    let word_end = |p: &str| {
        !p.ends_with(|c: char| c.is_ascii_alphabetic())
            || line.get(p.len()..).and_then(|r| r.chars().next()).is_none_or(|c| !is_letter(c))
    };
    // Which prefixes start (and suffixes end) with a byte, by its low five
    // bits (one bucket per letter, either case), as bit sets: only those
    // are compared.
    const FIRST: [u32; 32] = edge_bytes(&PREFIXES, false);
    const LAST: [u32; 32] = edge_bytes(&SUFFIXES, true);
    let bucket = |b: Option<&u8>| usize::from(b.map_or(0, |&b| b & 0x1F));
    let (first, last) = (bucket(line.as_bytes().first()), bucket(line.as_bytes().last()));
    let marked = any_of(FIRST[first], &PREFIXES, |p| starts_with_ignore_ascii_case(line, p) && word_end(p))
        || any_of(LAST[last], &SUFFIXES, |s| ends_with_ignore_ascii_case(line, s));
    if marked {
        return count_words_up_to(line, 13) <= 12;
    }
    line.len() <= 100
        && contains_ignore_ascii_case(line.as_bytes(), b"newsletter", 2)
        && count_words_up_to(line, 9) <= 8
}

/// A leading `date 2026-01-28` (or `published:`/`updated:`) stamp glued to a
/// line; returns its length in bytes.
fn metadata_prefix(line: &str) -> Option<usize> {
    // Every key starts with `d`, `p` or `u` (either case): most lines need no compare.
    if !line.as_bytes().first().is_some_and(|&b| matches!(b | 0x20, b'd' | b'p' | b'u')) {
        return None;
    }
    let mut rest = None;
    for key in ["date", "published", "updated", "posted"] {
        if starts_with_ignore_ascii_case(line, key) {
            rest = line.get(key.len()..);
            break;
        }
    }
    let rest = rest?;
    let after_key = rest.trim_start_matches([' ', ':', '\t']);
    if after_key.len() == rest.len() || !after_key.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let stamp = after_key
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_digit() || matches!(c, '-' | '/' | ':' | '.' | 'T' | 'Z')))
        .map_or(after_key.len(), |(i, _)| i);
    Some(line.len() - after_key.len() + stamp)
}

/// For each value of a byte's low five bits, the set of `words` (at most
/// 32) whose first (or, with `last`, last) byte has them, as bits by index:
/// a superset of the words a line may start (end) with, for a small table.
const fn edge_bytes(words: &[&str], last: bool) -> [u32; 32] {
    assert!(words.len() <= 32, "more words than bits");
    let mut t = [0u32; 32];
    let mut i = 0;
    while i < words.len() {
        let b = words[i].as_bytes();
        if !b.is_empty() {
            let e = (b[if last { b.len() - 1 } else { 0 }] & 0x1F) as usize;
            t[e] |= 1 << i;
        }
        i += 1;
    }
    t
}

/// True if `test` holds for one of the `words` in the bit set `set`.
fn any_of(mut set: u32, words: &[&str], test: impl Fn(&str) -> bool) -> bool {
    while set != 0 {
        if words.get(set.trailing_zeros() as usize).is_some_and(|w| test(w)) {
            return true;
        }
        set &= set.wrapping_sub(1);
    }
    false
}

/// True if `s` starts with `p`, ignoring ASCII case. Most calls compare a
/// line with a prefix that only shares its first letter or two: the first
/// four bytes, with bit 5 set (equal in any two bytes equal but for ASCII
/// case), as one number rule those out before the full compare.
fn starts_with_ignore_ascii_case(s: &str, p: &str) -> bool {
    let (s, p) = (s.as_bytes(), p.as_bytes());
    let four = |b: &[u8]| b.first_chunk::<4>().map(|&h| u32::from_le_bytes(h) | 0x2020_2020);
    if let (Some(a), Some(b)) = (four(s), four(p))
        && a != b
    {
        return false;
    }
    s.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p))
}

fn ends_with_ignore_ascii_case(s: &str, p: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= p.len() && b.get(b.len() - p.len()..).is_some_and(|h| h.eq_ignore_ascii_case(p.as_bytes()))
}

#[cfg(test)]
mod tests {
    extern crate std;
    use std::string::String;
    use std::vec::Vec;

    use super::*;
    use crate::unicode::trim;

    /// A unit as `cases.txt` writes it: its text behind a kind tag.
    fn tagged(text: &str, u: &Unit) -> String {
        let tag = match (u.kind, u.open_quote) {
            (UnitKind::Heading, _) => "[h] ",
            (UnitKind::Boilerplate, _) => "[b] ",
            (UnitKind::Bullet, _) => "[l] ",
            (UnitKind::Prose, true) => "[q] ",
            (UnitKind::Prose, false) => "",
        };
        std::format!("{tag}{}", u.span.slice(text).unwrap_or("<bad span>"))
    }

    /// The committed case table (`cases.txt`): text and expected units.
    /// Cases marked `<!` are known to be wrong and must still be wrong.
    #[test]
    fn case_table() {
        let table = include_str!("cases.txt");
        let mut cases: Vec<(bool, String, Vec<String>)> = Vec::new();
        for line in table.lines() {
            if let Some(rest) = line.strip_prefix("<") {
                let (known_wrong, text) = rest.strip_prefix('!').map_or((false, rest), |t| (true, t));
                cases.push((known_wrong, text.trim_start().replace("\\n", "\n").replace("\\r", "\r"), Vec::new()));
            } else if let Some(unit) = line.strip_prefix("> ") {
                let Some(case) = cases.last_mut() else { panic!("expected unit before any case: {line}") };
                case.2.push(unit.replace("\\n", "\n"));
            } else {
                assert!(line.is_empty() || line.starts_with('#'), "unreadable line in cases.txt: {line}");
            }
        }
        assert!(cases.len() >= 150, "the table holds {} cases", cases.len());
        let mut failures = Vec::new();
        for (known_wrong, text, want) in &cases {
            assert!(!want.is_empty(), "case without expected units: {text}");
            let got: Vec<String> = Segmenter::new(text).map(|u| tagged(text, &u)).collect();
            if (got == *want) == *known_wrong {
                failures.push(std::format!(
                    "{}{text:?}\n  want {want:?}\n  got  {got:?}",
                    if *known_wrong { "fixed, move to the table proper: " } else { "" }
                ));
            }
        }
        assert!(failures.is_empty(), "{} of {} cases:\n{}", failures.len(), cases.len(), failures.join("\n"));
    }

    const PIECES: [&str; 28] = [
        "Mr.",
        " ",
        "\"",
        "\u{201c}",
        "\u{201d}",
        ". ",
        "1. ",
        "\n",
        "word",
        "The",
        "\u{2026}",
        "...",
        "(",
        ")",
        "\u{e9}",
        "p.m.",
        "U.S.",
        "- ",
        "? ",
        "\u{ab}",
        "\u{bb}",
        "\u{2043}",
        "a) ",
        "47.3%",
        "2. ",
        "b) ",
        "\u{2022} ",
        "(c) ",
    ];

    proptest::proptest! {
        /// On any mix of the pieces the rules look at, units are non-empty,
        /// trimmed, in order, on one line, and a unit not marked
        /// `open_quote` shows no unmatched double quotation mark, and none
        /// once shown with the marks it lacks.
        #[test]
        fn units_are_ordered_trimmed_spans(ix in proptest::collection::vec(0..PIECES.len(), 0..60)) {
            let text: String = ix.iter().map(|&i| PIECES[i]).collect();
            let mut prev = 0u32;
            for u in Segmenter::new(&text) {
                let s = u.span.slice(&text);
                proptest::prop_assert!(s.is_some(), "bad span {:?} in {:?}", u.span, text);
                let s = s.unwrap_or("");
                proptest::prop_assert!(u.span.start >= prev && !s.is_empty() && trim(s) == s && !s.contains('\n'), "{:?} in {:?}", s, text);
                proptest::prop_assert!(u.open_quote || Marks::of(s).balanced(), "{:?} in {:?}", s, text);
                // Shown with the marks it lacks, every unit is balanced
                // (a unit lacking more than four marks on a side is not).
                let shown = std::format!("{}", Shown::new(s));
                let m = MissingMarks::of(s);
                let full = m.before().chars().count() < 4 && m.after().chars().count() < 4;
                proptest::prop_assert!(!full || Marks::of(&shown).balanced(), "{:?} shown as {:?}", s, shown);
                prev = u.span.end;
            }
        }
    }

    proptest::proptest! {
        /// The prefix test with its four-byte filter agrees with comparing
        /// the prefix's bytes ignoring ASCII case.
        #[test]
        fn prefix_test_matches_a_plain_compare(
            s in "[sShH:\\x1a@`aA©é ]{0,8}",
            p in proptest::sample::select(&["share on", "sh", "sha", "shar", "share", "s:h", "\u{a9}", "date", "d", "", "@`aA"][..]),
        ) {
            let plain = s.as_bytes().get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p.as_bytes()));
            proptest::prop_assert_eq!(starts_with_ignore_ascii_case(&s, p), plain);
            // And a line that does start with it, in other ASCII case.
            let line = std::format!("{p}{s}").to_ascii_uppercase();
            proptest::prop_assert!(starts_with_ignore_ascii_case(&line, p));
        }
    }

    fn units(text: &str) -> heapless::Vec<(&str, UnitKind), 64> {
        Segmenter::new(text).map(|u| (u.span.slice(text).unwrap_or("<bad span>"), u.kind)).collect()
    }

    fn sentences(text: &str) -> heapless::Vec<&str, 64> {
        units(text).iter().map(|&(s, _)| s).collect()
    }

    #[test]
    fn abbreviations_and_initials() {
        assert_eq!(
            sentences("Mr. Smith met Dr. Jones and Gen. Lee at 9 a.m. Tuesday. John F. Kennedy was there. It rained."),
            ["Mr. Smith met Dr. Jones and Gen. Lee at 9 a.m. Tuesday.", "John F. Kennedy was there.", "It rained."]
        );
        assert_eq!(
            sentences("He arrived on Jan. 5 in Caracas. Then he left."),
            ["He arrived on Jan. 5 in Caracas.", "Then he left."]
        );
    }

    #[test]
    fn us_at_end_and_inside() {
        assert_eq!(
            sentences("U.S. Special Forces captured him. He was flown to the U.S. The trial starts soon."),
            ["U.S. Special Forces captured him.", "He was flown to the U.S.", "The trial starts soon."]
        );
    }

    #[test]
    fn decimals_money_urls_emails() {
        assert_eq!(
            sentences("Sales rose 3.5% to $1.2bn. See example.com/x.html or mail a.b@c.org for more. Done."),
            ["Sales rose 3.5% to $1.2bn.", "See example.com/x.html or mail a.b@c.org for more.", "Done."]
        );
    }

    #[test]
    fn ellipses() {
        assert_eq!(
            sentences("He paused... and went on. Then… Silence. Then… The end."),
            ["He paused... and went on.", "Then… Silence.", "Then…", "The end."]
        );
    }

    #[test]
    fn quotes_close_sentences() {
        assert_eq!(
            sentences("“State plants the flag,” one source said. “It works.” Officials agreed. 'Yes!' she said."),
            ["“State plants the flag,” one source said.", "“It works.”", "Officials agreed.", "'Yes!' she said."]
        );
        assert_eq!(sentences("He said \"no.\" Then left."), ["He said \"no.\"", "Then left."]);
    }

    #[test]
    fn em_dashes_do_not_split() {
        assert_eq!(
            sentences("Rodríguez—a regime insider—is the partner. Yes."),
            ["Rodríguez—a regime insider—is the partner.", "Yes."]
        );
    }

    #[test]
    fn bullets_headings_and_captions() {
        let text = "A Pragmatic Pivot\n\nThe dialogue focused on three pillars:\n- Counter-Narcotics: ending support for criminal groups in the region.\n- Oil\nTrump bestätigt verdeckten CIA-Drohnenangriff auf Hafenanlage in Venezuela\nHow has US policy shifted?";
        let u = units(text);
        assert_eq!(u[0], ("A Pragmatic Pivot", UnitKind::Heading));
        assert_eq!(u[1], ("The dialogue focused on three pillars:", UnitKind::Prose));
        assert_eq!(u[2], ("Counter-Narcotics: ending support for criminal groups in the region.", UnitKind::Bullet));
        assert_eq!(u[3], ("Oil", UnitKind::Heading));
        assert_eq!(u[4].1, UnitKind::Heading);
        assert_eq!(u[5], ("How has US policy shifted?", UnitKind::Heading));
    }

    #[test]
    fn scraped_junk() {
        let text = "Share on facebook\nShare on twitter\nCredit: John McDonnell/AP\nResearch Staff\nSign up for our Newsletter\nPhoto by Jane Doe/Reuters";
        assert!(units(text).iter().all(|&(_, k)| k == UnitKind::Boilerplate), "{:?}", units(text));
    }

    #[test]
    fn leading_date_stamp() {
        let text = " date 2026-01-28 The CIA is working in Caracas. It says so.";
        assert_eq!(
            units(text).as_slice(),
            [
                ("date 2026-01-28", UnitKind::Boilerplate),
                ("The CIA is working in Caracas.", UnitKind::Prose),
                ("It says so.", UnitKind::Prose)
            ]
        );
    }

    #[test]
    fn paragraphs_are_counted() {
        let text = "One. Two.\n\n\nThree.\r\nFour.";
        let p: heapless::Vec<u32, 8> = Segmenter::new(text).map(|u| u.paragraph).collect();
        assert_eq!(p, [0, 0, 1, 2]);
        assert_eq!(sentences(text), ["One.", "Two.", "Three.", "Four."]);
    }

    #[test]
    fn degenerate_inputs() {
        assert!(units("").is_empty());
        assert!(units("\n\n \r\n").is_empty());
        assert_eq!(sentences("...!!!???"), ["...!!!???"]);
        assert_eq!(sentences(". . ."), [". . ."]);
    }
}
