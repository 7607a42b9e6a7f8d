//! The segmenter's rules (`epitome::segment`) as they stood before its
//! byte-class scan: one decoded char at a time, whole-slice searches, the
//! quotation marks counted again for every piece, no early exits. Shared by
//! the property tests (`core/tests/segment_reference.rs`) and the `segment`
//! fuzz target (`fuzz/fuzz_targets/segment.rs`, which includes this file by
//! path). A frozen copy on purpose: the fast `Segmenter` must return exactly
//! these units on every input.

use epitome::Span;
use epitome::normalize::Folded;
use epitome::segment::{Unit, UnitKind};
use epitome::unicode::{count_words, is_digit, is_letter, is_space, is_upper, trim, trim_end, trim_start};

const MAX_QUOTE_UNIT: usize = 480;

/// The units of `text`, as `Segmenter` returned them.
pub fn naive_units(text: &str) -> Vec<Unit> {
    let mut out = Vec::new();
    let mut paragraph = 0u32;
    let mut started = false;
    let mut line_start = 0usize;
    while line_start < text.len() {
        let raw_end = text[line_start..].find('\n').map_or(text.len(), |i| line_start + i);
        let raw = &text[line_start..raw_end];
        let lead = raw.len() - trim_start(raw).len();
        let line_text = trim(raw);
        let s = line_start + lead;
        line_start = raw_end + 1;
        if line_text.is_empty() {
            continue;
        }
        if started {
            paragraph += 1;
        }
        started = true;
        line(text, s, s + line_text.len(), paragraph, &mut out);
    }
    out
}

/// The units of the trimmed line `text[s..e]`.
fn line(text: &str, s: usize, e: usize, paragraph: u32, out: &mut Vec<Unit>) {
    let unit = |s: usize, e: usize, kind: UnitKind, open_quote: bool| Unit {
        span: Span::new(s, e),
        kind,
        paragraph,
        open_quote,
    };
    let trimmed = &text[s..e];
    if boilerplate(trimmed) {
        out.push(unit(s, e, UnitKind::Boilerplate, false));
        return;
    }
    let mut cur = s;
    let mut line_start_pending = true;
    if let Some(meta) = metadata_prefix(trimmed) {
        out.push(unit(s, s + meta, UnitKind::Boilerplate, false));
        line_start_pending = false;
        cur = s + meta + (text[s + meta..e].len() - trim_start(&text[s + meta..e]).len());
    }
    let mut list = None;
    let mut item_start = false;
    if cur == s
        && let Some((len, m)) = marker_at(trimmed)
    {
        cur = s + len;
        list = Some(m).filter(|m| m.number.is_some() || m.glyph.is_some_and(inline_glyph));
        item_start = true;
    }
    let mut quote_open = false;
    while cur < e {
        let mut l = &text[cur..e];
        if let Some(m) = list {
            let rest = trim_start(l);
            if let Some((len, next)) = marker_at(rest).filter(|&(_, n)| follows(m, n)) {
                cur += l.len() - rest.len() + len;
                l = &text[cur..e];
                list = Some(next);
                item_start = true;
            }
        }
        let (mut end, mut terminated) = sentence_end(l, 0, quote_open);
        let mut marks = Marks::of(&l[..end]);
        while !marks.balanced() && end < l.len() {
            let Some(close) = closing_mark(&l[end..], marks) else { break };
            let (e2, t2) = sentence_end(l, end + close, quote_open != (marks.straight % 2 == 1));
            if e2 > MAX_QUOTE_UNIT || e2 <= end {
                break;
            }
            marks = Marks::of(&l[..e2]);
            (end, terminated) = (e2, t2);
        }
        if list.is_none()
            && let Some((at, before)) = colon_list(l, &l[..end])
        {
            (end, terminated, list) = (at, true, Some(before));
            marks = Marks::of(&l[..at]);
        }
        if let Some(m) = list {
            let lead = l.len() - trim_start(l).len();
            if let Some(at) = next_item(&l[lead..], end.saturating_sub(lead), m) {
                end = lead + at;
                let t = trim_end(&l[..end]);
                terminated = ends_on_terminal(t, false);
                marks = Marks::of(t);
            }
        }
        let piece = &l[..end];
        let us = cur + (piece.len() - trim_start(piece).len());
        let ue = us + trim(piece).len();
        let whole_line = line_start_pending && end >= l.len();
        cur += end.max(1);
        if ue <= us {
            continue;
        }
        line_start_pending = false;
        let t = &text[us..ue];
        let kind = classify(t, terminated, whole_line, item_start);
        item_start = false;
        // The quotation state between the units of the line.
        let reopens = t.starts_with(['"', '\u{201c}', '\u{ab}', '\u{201e}']);
        let inside = quote_open && !reopens;
        let unbalanced = !marks.balanced();
        quote_open = if reopens { unbalanced } else { quote_open != unbalanced };
        out.push(unit(us, ue, kind, inside || unbalanced));
    }
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '\u{201d}' | '\u{2019}' | ')' | ']' | '\u{bb}' | '\u{203a}')
}

fn is_opener(c: char) -> bool {
    matches!(c, '"' | '\'' | '\u{201c}' | '\u{2018}' | '(' | '[' | '\u{ab}' | '\u{2039}')
        || matches!(c, '\u{201e}' | '\u{201a}' | '\u{bb}' | '\u{203a}' | '\u{bf}' | '\u{a1}')
}

/// Ends on terminal punctuation (or a colon) before closers, spaces and
/// German closing `“ « ‹`.
fn ends_on_terminal(t: &str, colon: bool) -> bool {
    t.chars()
        .rev()
        .find(|&c| !(is_closer(c) || is_space(c) || c == '\u{201c}' || c == '\u{ab}' || c == '\u{2039}'))
        .is_some_and(|c| is_terminal(c) || colon && c == ':')
}

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '\u{2026}')
}

/// Where the first sentence of `line` ends, looking from byte `from` on
/// (after backing over the punctuation just before it), and whether it
/// ended on sentence punctuation.
fn sentence_end(line: &str, from: usize, quote_open: bool) -> (usize, bool) {
    let mut i = from;
    if line[i..].starts_with(['\u{bb}', '\u{203a}']) {
        while let Some(c) = line[..i].chars().next_back().filter(|&c| is_space(c)) {
            i -= c.len_utf8();
        }
    }
    while let Some(c) = line[..i].chars().next_back().filter(|&c| is_terminal(c) || is_closer(c)) {
        i -= c.len_utf8();
    }
    let chars: Vec<(usize, char)> = line.char_indices().filter(|&(p, _)| p >= i).collect();
    let mut k = 0;
    while k < chars.len() {
        let (p, c) = chars[k];
        if !is_terminal(c) {
            k += 1;
            continue;
        }
        let (mut only_dot, mut dots) = (true, 0);
        while k < chars.len() && is_terminal(chars[k].1) {
            if chars[k].1 == '.' {
                dots += 1;
            } else {
                only_dot = false;
            }
            k += 1;
        }
        let run = chars.get(k).map_or(line.len(), |&(q, _)| q);
        // Closers; `“ « ‹` closing German quotations when no word follows;
        // `»` or `›` after spaces when no word follows (French `prêts. »`).
        let word = |k: usize| chars.get(k).is_some_and(|&(_, c)| is_letter(c) || is_digit(c));
        while let Some(&(_, c)) = chars.get(k) {
            if is_closer(c) || matches!(c, '\u{201c}' | '\u{ab}' | '\u{2039}') && !word(k + 1) {
                k += 1;
                continue;
            }
            if !is_space(c) {
                break;
            }
            let mut g = k;
            while chars.get(g).is_some_and(|&(_, c)| is_space(c)) {
                g += 1;
            }
            if chars.get(g).is_some_and(|&(_, c)| c == '\u{bb}' || c == '\u{203a}') && !word(g + 1) {
                k = g + 1;
                continue;
            }
            break;
        }
        let j = chars.get(k).map_or(line.len(), |&(q, _)| q);
        let after = &line[j..];
        let Some(ws) = after.chars().next() else { return (line.len(), true) };
        if !is_space(ws) {
            // Straight marks scanned so far (a `"` after a digit while none
            // is open being an inch mark, the digit before `i` included).
            let mut straight = 0;
            let mut prev = line[..i].chars().next_back();
            for c in line[i..run].chars() {
                if c == '"' && !(prev.is_some_and(|p| p.is_ascii_digit()) && straight % 2 == 0) {
                    straight += 1;
                }
                prev = Some(c);
            }
            let straight_open = (straight % 2 == 1) != quote_open;
            if let Some(at) = glued_end(line, p, run, j, straight_open) {
                return (at, true);
            }
            continue;
        }
        let next_text = trim_start(after);
        let Some(next) = next_text.chars().next() else { return (line.len(), true) };
        let starts = is_upper(next) || is_digit(next) || is_opener(next) || next == '\u{2014}';
        let ellipsis = only_dot && (2..=3).contains(&dots) || &line[p..run] == "\u{2026}";
        let free = trim_end(&line[..p]);
        let after_end = free.len() < p && ends_on_terminal(free, false);
        if !starts
            || ellipsis && !clearly_starts(next_text) && !after_end
            || only_dot && dots == 1 && !dot_ends_sentence(&line[..p], next_text)
        {
            continue;
        }
        return (j, true);
    }
    let t = trim_end(line);
    (line.len(), ends_on_terminal(t, true))
}

/// A sentence end glued to the next sentence (`Venise.Selon`, `dit."Nous`).
fn glued_end(line: &str, p: usize, run: usize, j: usize, straight_open: bool) -> Option<usize> {
    let term = &line[p..run];
    let dot = term == ".";
    if !dot && !term.chars().all(|c| c == '!' || c == '?') {
        return None;
    }
    let before = &line[..p];
    let c0 = before.chars().next_back()?;
    if !(is_letter(c0) || is_digit(c0) || is_closer(c0) || !dot && is_space(c0)) {
        return None;
    }
    let word_start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| is_space(c) || is_opener(c) || c == '\u{2014}' || c == '\u{2013}')
        .map_or(0, |(i, c)| i + c.len_utf8());
    if before[word_start..].contains(['.', '/', '@']) {
        return None;
    }
    let rest = &line[j..];
    let quote = &line[run..j] == "\"" && !straight_open;
    let (at, next, mark) = if quote {
        (run, &line[run + 1..], true)
    } else if rest.starts_with(['\u{ab}', '\u{201c}', '\u{201e}', '\u{2039}', '\u{bf}', '\u{a1}']) {
        (j, &rest[rest.chars().next()?.len_utf8()..], true)
    } else if starts_word(rest) {
        (j, rest, false)
    } else {
        return None;
    };
    let next = next.trim_start_matches(is_space);
    if mark && !next.starts_with(is_upper) {
        return None;
    }
    (!dot || dot_ends_sentence(before, next)).then_some(at)
}

/// A capital and a word going on in lower case to its end (not into an
/// address), an elided article (`L'`) or `À`.
fn starts_word(t: &str) -> bool {
    let cs: Vec<char> = t.chars().collect();
    if cs.len() < 2 || !is_upper(cs[0]) {
        return false;
    }
    if cs[0] == '\u{c0}' && is_space(cs[1]) {
        return true;
    }
    if cs[1] == '\'' || cs[1] == '\u{2019}' {
        return cs.get(2).is_some_and(|&c| is_letter(c));
    }
    let end = cs.iter().position(|&c| !is_letter(c)).unwrap_or(cs.len());
    if end < 2 || cs[1..end].iter().any(|&c| is_upper(c)) {
        return false;
    }
    !(cs.get(end) == Some(&'.') && cs.get(end + 1).is_some_and(|&c| is_letter(c)))
}

fn classify(text: &str, terminated: bool, whole_line: bool, bullet: bool) -> UnitKind {
    let words = count_words(text);
    if bullet {
        return if terminated && words >= 6 { UnitKind::Bullet } else { UnitKind::Heading };
    }
    if whole_line {
        let ends_in_quotation =
            text.ends_with(['"', '\u{201d}', '\u{bb}', '\u{201c}']) && Marks::of(text).balanced() && words >= 5;
        if !terminated && words <= 14 && !ends_in_quotation
            || text.ends_with('?') && words <= 12
            || capital_label(text) && words <= 8
        {
            return UnitKind::Heading;
        }
    }
    UnitKind::Prose
}

fn capital_label(text: &str) -> bool {
    let Some((label, _)) = text.split_once(':') else { return false };
    label.chars().filter(|&c| is_letter(c)).count() >= 2 && label.chars().all(|c| is_upper(c) || c == ' ')
}

// ---- quotation marks ------------------------------------------------------

#[derive(Clone, Copy, Default)]
struct Marks {
    straight: u32,
    open: u32,
    close: u32,
    /// German `„` not yet closed by `“` (or by `”` when no `“` is open).
    low: u32,
}

impl Marks {
    fn of(s: &str) -> Self {
        let mut m = Marks::default();
        let mut prev = None;
        for c in s.chars() {
            match c {
                // After a digit while no straight quotation is open, an inch mark.
                '"' if prev.is_some_and(|p: char| p.is_ascii_digit()) && m.straight.is_multiple_of(2) => {}
                '"' => m.straight += 1,
                '\u{201c}' if m.low > 0 => m.low -= 1,
                '\u{201d}' if m.open <= m.close && m.low > 0 => m.low -= 1,
                '\u{201e}' => m.low += 1,
                '\u{201c}' | '\u{ab}' => m.open += 1,
                '\u{201d}' | '\u{bb}' => m.close += 1,
                _ => {}
            }
            prev = Some(c);
        }
        m
    }

    fn balanced(self) -> bool {
        self.straight.is_multiple_of(2) && self.open == self.close && self.low == 0
    }
}

fn closing_mark(rest: &str, m: Marks) -> Option<usize> {
    let straight = !m.straight.is_multiple_of(2);
    if !straight && m.open <= m.close && m.low == 0 {
        return None;
    }
    let mut prev = ' ';
    for (i, c) in rest.char_indices() {
        match c {
            '"' if straight => {
                let next = rest[i + 1..].chars().next();
                let opening = is_space(prev) && next.is_some_and(|n| !is_space(n));
                return if opening { None } else { Some(i) };
            }
            '\u{201c}' if !straight && m.low > 0 && m.open <= m.close => return Some(i),
            '\u{201c}' | '\u{ab}' | '\u{201e}' if !straight => return None,
            '\u{201d}' | '\u{bb}' if !straight => return Some(i),
            _ => {}
        }
        prev = c;
    }
    None
}

// ---- abbreviations --------------------------------------------------------

const TITLES: &[&str] = &[
    "Adm", "Capt", "Cmdr", "Col", "Cpl", "Dr", "Fr", "Gen", "Gov", "Hon", "Insp", "Lt", "Maj", "Messrs", "Mme", "Mr",
    "Mrs", "Ms", "Mt", "Pres", "Prof", "Pvt", "Rep", "Rev", "Sen", "Sgt", "Sr", "St", "Supt", "Sens", "Gens", "M",
    "MM", "Mmes", "Mlle", "Mlles", "Mgr", "Pr", "Ste", "Hr", "Hrn", "Dipl", "bzw", "vgl", "Vgl", "sog", "Sra", "Sras",
    "Sres", "Srta", "D\u{f1}a", "Dra", "Lic", "Ing", "Gral", "Exmo", "Exma", "Eng", "Sta", "Sto", "Sig", "Dott", "Avv",
    "Mons", "dhr", "mevr", "mr", "dr", "drs", "ir", "ing", "prof", "bijv", "zgn", "nl", "resp",
];
const BEFORE_NUMBER: &[&str] = &[
    "p", "pp", "No", "no", "Nos", "nos", "N\u{b0}", "Fig", "fig", "Figs", "vol", "Vol", "ch", "Ch", "para", "Art",
    "art", "sec", "Sec", "ed", "eds", "Ed", "op", "tel", "Nr", "nr", "Nrn", "ca", "Abs", "Bd", "Tel", "T\u{e9}l",
    "t\u{e9}l", "env", "n\u{ba}", "N\u{ba}", "n\u{fa}m", "N\u{fa}m", "p\u{e1}g", "pag",
];
const OTHER: &[&str] = &[
    "Apr",
    "Aug",
    "Ave",
    "Co",
    "Corp",
    "Dec",
    "Dept",
    "Feb",
    "Inc",
    "Jan",
    "Jr",
    "Jul",
    "Jun",
    "Ltd",
    "Mar",
    "Nov",
    "Oct",
    "Sep",
    "Sept",
    "approx",
    "est",
    "etc",
    "vs",
    "Blvd",
    "Bros",
    "Ft",
    "cf",
    "al",
    "Univ",
    "Assn",
    "janv",
    "f\u{e9}vr",
    "avr",
    "juil",
    "sept",
    "oct",
    "nov",
    "d\u{e9}c",
    "Okt",
    "Dez",
    "J\u{e4}n",
    "ene",
    "abr",
    "dic",
    "genn",
    "febbr",
    "magg",
    "giu",
    "lug",
    "sett",
    "ott",
    "jan",
    "feb",
    "mrt",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "okt",
    "dec",
    "Cie",
    "C\u{ed}a",
    "Ltda",
    "St\u{e9}",
    "Mio",
    "Mrd",
    "Tsd",
    "usw",
    "enz",
    "ecc",
    "inkl",
    "ggf",
    "evtl",
    "av",
    "bd",
];
const BEFORE_ORDINAL: &[&str] = &[
    "am", "im", "vom", "zum", "beim", "dem", "der", "den", "des", "die", "das", "zur", "seit", "bis", "ab", "seinem",
    "ihrem", "vor", "Am", "Im", "Vom", "Zum", "Der", "Den", "Dem", "Des", "Die", "Das", "Seit", "Bis", "seinen",
    "ihren", "einen", "einem",
];
const MONTHS_DE: &[&str] = &[
    "Januar",
    "J\u{e4}nner",
    "Februar",
    "M\u{e4}rz",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
];
const OPENERS: &[&str] = &[
    "Le",
    "La",
    "Les",
    "Il",
    "Ils",
    "Elle",
    "Elles",
    "On",
    "Nous",
    "Vous",
    "Je",
    "Ce",
    "Cet",
    "Cette",
    "Ces",
    "Un",
    "Une",
    "Des",
    "Du",
    "Au",
    "Aux",
    "Mais",
    "Et",
    "Selon",
    "Pour",
    "Dans",
    "En",
    "Depuis",
    "Cependant",
    "Ainsi",
    "Alors",
    "Apr\u{e8}s",
    "Si",
    "Quand",
    "Der",
    "Die",
    "Das",
    "Dem",
    "Den",
    "Ein",
    "Eine",
    "Einen",
    "Er",
    "Sie",
    "Es",
    "Wir",
    "Ich",
    "Aber",
    "Und",
    "Doch",
    "Auch",
    "Nach",
    "Im",
    "Am",
    "Diese",
    "Dieser",
    "Dann",
    "Man",
    "Wie",
    "Wenn",
    "El",
    "Los",
    "Las",
    "Una",
    "\u{c9}l",
    "Ella",
    "Ellos",
    "Pero",
    "Seg\u{fa}n",
    "Para",
    "Con",
    "Este",
    "Esta",
    "Esto",
    "Su",
    "Sus",
    "Al",
    "Del",
    "Lo",
    "Gli",
    "Uno",
    "Ma",
    "Per",
    "Secondo",
    "Nel",
    "Nella",
    "Questo",
    "Questa",
    "Lui",
    "Lei",
    "Non",
    "Os",
    "As",
    "Um",
    "Uma",
    "Ele",
    "Ela",
    "Mas",
    "Em",
    "Na",
    "Segundo",
    "De",
    "Het",
    "Een",
    "Hij",
    "Zij",
    "Ze",
    "Wij",
    "Maar",
    "Volgens",
    "Deze",
    "Toen",
    "Ook",
];
const AFTER_TIME: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "GMT",
    "UTC",
    "BST",
    "CET",
    "CEST",
    "EST",
    "EDT",
    "CST",
    "CDT",
    "MST",
    "MDT",
    "PST",
    "PDT",
    "ET",
    "PT",
    "CT",
    "MT",
    "Eastern",
    "Central",
    "Pacific",
    "Mountain",
    "Atlantic",
    "Local",
];

/// After an ellipsis: a quotation opens or an opener word comes.
fn clearly_starts(next_text: &str) -> bool {
    next_text.starts_with(['"', '\u{201c}', '\u{ab}', '\u{201e}']) || opener_word(next_text)
}

fn dot_ends_sentence(before: &str, next_text: &str) -> bool {
    if before.ends_with(". . ") {
        return clearly_starts(next_text);
    }
    let word_start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| is_space(c) || is_opener(c) || c == '\u{2014}' || c == '\u{2013}')
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &before[word_start..];
    let chars: Vec<char> = word.chars().collect();
    let next_is_digit = next_text.starts_with(|c: char| c.is_ascii_digit());
    if chars.is_empty() {
        return true;
    }
    if TITLES.contains(&word) || word == "ex" && before.ends_with("p. ex") {
        return false;
    }
    if (1..=3).contains(&chars.len()) && chars.iter().all(|c| c.is_ascii_digit()) {
        let prev = before[..word_start].trim_end_matches(' ').rsplit(' ').next().unwrap_or("");
        let next: String = next_text.chars().take_while(|&c| is_letter(c)).collect();
        let ordinal = MONTHS_DE.contains(&next.as_str()) || BEFORE_ORDINAL.contains(&prev) && !opener_word(next_text);
        return next_is_digit || !ordinal;
    }
    if chars.len() == 1 {
        return !is_letter(chars[0]) || !next_is_digit && opener_word(next_text);
    }
    if ["a.m", "p.m", "A.M", "P.M"].contains(&word) && !next_is_digit {
        let mut words = next_text.split([' ', ',', '.', '\t']).filter(|w| !w.is_empty());
        let (first, second) = (words.next().unwrap_or(""), words.next().unwrap_or(""));
        let honorific = TITLES.contains(&first) && second.starts_with(|c: char| c.is_ascii_uppercase());
        return !(AFTER_TIME.contains(&first) || second.eq_ignore_ascii_case("time") || honorific);
    }
    if BEFORE_NUMBER.contains(&word) || dotted(word) || OTHER.contains(&word) {
        return !next_is_digit && opener_word(next_text);
    }
    true
}

/// `U.S`, `Ph.D`, `J.-M`: groups of one or two letters joined by dots (a
/// hyphen may open a group after the first), a two-letter group
/// capitalized or all lower.
fn dotted(word: &str) -> bool {
    let groups: Vec<&str> = word.split('.').collect();
    groups.len() >= 2
        && groups.iter().enumerate().all(|(i, g)| {
            let g = if i > 0 { g.strip_prefix('-').unwrap_or(g) } else { g };
            let cs: Vec<char> = g.chars().collect();
            (1..=2).contains(&cs.len()) && cs.iter().all(|&c| is_letter(c)) && cs.iter().skip(1).all(|&c| !is_upper(c))
        })
}

fn opener_word(next_text: &str) -> bool {
    let t = next_text.trim_start_matches(|c: char| {
        matches!(c, '"' | '\'' | '\u{201c}' | '\u{2018}' | '(' | '\u{ab}' | '\u{201e}' | '\u{bf}' | '\u{a1}')
            || is_space(c)
    });
    let end = t.find(|c: char| !(is_letter(c) || c == '\'' || c == '\u{2019}')).unwrap_or(t.len());
    let w = &t[..end];
    if let Some(at) = w.find(['\'', '\u{2019}'])
        && ["L", "D", "J", "C", "S", "N", "Qu"].contains(&&w[..at])
    {
        return true;
    }
    end > 0 && (Folded::new(w).is_stopword() || OPENERS.contains(&w))
}

// ---- lists ----------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq)]
enum Close {
    Dot,
    Paren,
    DotParen,
    Parens,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Ordinal {
    Number(u16),
    Alpha { letter: Option<u8>, roman: u8 },
}

#[derive(Clone, Copy, PartialEq, Eq)]
struct Marker {
    glyph: Option<char>,
    number: Option<(Ordinal, Close)>,
}

fn inline_glyph(g: char) -> bool {
    matches!(g, '\u{2022}' | '\u{2023}' | '\u{2043}' | '\u{25aa}')
}

fn follows(a: Marker, b: Marker) -> bool {
    if a.glyph != b.glyph {
        return false;
    }
    match (a.number, b.number) {
        (None, None) => a.glyph.is_some_and(inline_glyph),
        (Some((Ordinal::Number(x), ca)), Some((Ordinal::Number(y), cb))) => ca == cb && y == x + 1,
        (
            Some((Ordinal::Alpha { letter: la, roman: ra }, ca)),
            Some((Ordinal::Alpha { letter: lb, roman: rb }, cb)),
        ) => ca == cb && (la.zip(lb).is_some_and(|(x, y)| y == x + 1) || ra != 0 && rb == ra + 1),
        _ => false,
    }
}

fn marker_at(line: &str) -> Option<(usize, Marker)> {
    let first = line.chars().next()?;
    if matches!(first, '-' | '*' | '\u{2022}' | '\u{2013}' | '\u{b7}' | '\u{25aa}' | '\u{2023}' | '\u{2043}') {
        let rest = &line[first.len_utf8()..];
        let space = rest.len() - trim_start(rest).len();
        let glyph = Some(first);
        let at = first.len_utf8() + space;
        if space > 0 {
            return Some(match enumerator(&line[at..]) {
                Some((e, n)) => (at + e, Marker { glyph, number: Some(n) }),
                None => (at, Marker { glyph, number: None }),
            });
        }
        return enumerator(rest).map(|(e, n)| (at + e, Marker { glyph, number: Some(n) }));
    }
    enumerator(line).map(|(e, n)| (e, Marker { glyph: None, number: Some(n) }))
}

fn enumerator(s: &str) -> Option<(usize, (Ordinal, Close))> {
    let paren = s.starts_with('(');
    let body = &s[usize::from(paren)..];
    let digits = body.bytes().take_while(u8::is_ascii_digit).count();
    let letters = body.bytes().take_while(u8::is_ascii_lowercase).count();
    let roman = body.bytes().take_while(|c| matches!(c, b'i' | b'v' | b'x')).count();
    const ROMAN: [&str; 12] = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"];
    let (len, ordinal) = if (1..=3).contains(&digits) {
        (digits, Ordinal::Number(body[..digits].parse().unwrap_or(0)))
    } else if letters == 1 || roman == letters && (1..=4).contains(&roman) {
        let word = &body[..letters];
        let value = ROMAN.iter().position(|r| *r == word).map_or(0, |i| i as u8 + 1);
        let letter = if letters == 1 { word.bytes().next() } else { None };
        (letters, Ordinal::Alpha { letter, roman: value })
    } else {
        return None;
    };
    let after = &body[len..];
    let (close, n) = if paren {
        if !after.starts_with(')') {
            return None;
        }
        (Close::Parens, 1)
    } else if after.starts_with(')') {
        (Close::Paren, 1)
    } else if after.starts_with(".)") {
        (Close::DotParen, 2)
    } else if after.starts_with('.') {
        (Close::Dot, 1)
    } else {
        return None;
    };
    let i = usize::from(paren) + len + n;
    let rest = &s[i..];
    let space = rest.len() - trim_start(rest).len();
    let glued = space == 0 && digits > 0 && rest.chars().next().is_some_and(is_upper);
    (space > 0 && !trim_start(rest).is_empty() || glued).then_some((i + space, (ordinal, close)))
}

fn next_item(item: &str, limit: usize, m: Marker) -> Option<usize> {
    for (i, c) in item.char_indices() {
        let p = i + 1;
        if i < 1 || !(c == ' ' || c == '\t') || p >= limit {
            if p >= limit && i >= 1 {
                break;
            }
            continue;
        }
        let Some((_, n)) = marker_at(&item[p..]).filter(|&(_, n)| follows(m, n)) else { continue };
        let before = &item[..p];
        let unclosed = before.matches('(').count() > before.matches(')').count();
        if !(unclosed && matches!(n.number, Some((_, Close::Paren)))) {
            return Some(p);
        }
    }
    None
}

fn colon_list(line: &str, piece: &str) -> Option<(usize, Marker)> {
    let b = piece.as_bytes();
    let dot = b.len().checked_sub(1).filter(|&i| b[i] == b'.')?;
    let word = b[dot.saturating_sub(4)..dot].iter().rev().take_while(|c| c.is_ascii_alphanumeric()).count();
    if word == 0 {
        return None;
    }
    let space = dot.checked_sub(word + 1).filter(|&i| b[i] == b' ')?;
    let colon = space.checked_sub(1).filter(|&i| b[i] == b':')?;
    let rest = &line[colon + 1..];
    let at = colon + 1 + rest.len() - trim_start(rest).len();
    let item = &line[at..];
    let (len, m) = marker_at(item)?;
    let capital = item[len..].chars().next().is_some_and(is_upper);
    if m.glyph.is_some() || !capital || at + len <= piece.len() {
        return None;
    }
    let before = match m.number? {
        (Ordinal::Number(1), close) => (Ordinal::Number(0), close),
        (Ordinal::Alpha { letter: Some(l @ (b'a' | b'i')), .. }, close) => {
            (Ordinal::Alpha { letter: Some(l - 1), roman: 0 }, close)
        }
        _ => return None,
    };
    next_item(item, item.len(), m)?;
    Some((at, Marker { glyph: None, number: Some(before) }))
}

// ---- boilerplate ----------------------------------------------------------

fn boilerplate(line: &str) -> bool {
    if line.len() > 160 {
        return false;
    }
    const PREFIXES: &[&str] = &[
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
    const SUFFIXES: &[&str] = &["/ap", "/reuters", "/afp", "getty images", "/epa", "/bloomberg"];
    let lower = line.to_ascii_lowercase();
    let prefix = PREFIXES.iter().any(|p| {
        lower.starts_with(p)
            && (!p.ends_with(|c: char| c.is_ascii_alphabetic())
                || line[p.len()..].chars().next().is_none_or(|c| !is_letter(c)))
    });
    if prefix || SUFFIXES.iter().any(|s| lower.ends_with(s)) {
        return count_words(line) <= 12;
    }
    line.len() <= 100 && lower.contains("newsletter") && count_words(line) <= 8
}

fn metadata_prefix(line: &str) -> Option<usize> {
    let lower = line.to_ascii_lowercase();
    let key = ["date", "published", "updated", "posted"].into_iter().find(|k| lower.starts_with(k))?;
    let rest = &line[key.len()..];
    let after_key = rest.trim_start_matches([' ', ':', '\t']);
    if after_key.len() == rest.len() || !after_key.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let stamp = after_key
        .find(|c: char| !(c.is_ascii_digit() || matches!(c, '-' | '/' | ':' | '.' | 'T' | 'Z')))
        .unwrap_or(after_key.len());
    Some(line.len() - after_key.len() + stamp)
}
