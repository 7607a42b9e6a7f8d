//! Sentences glued without a space, as scraped news joins its paragraphs
//! (`… de visiter Venise.Selon le quotidien italien …`,
//! `… a-t-il dit.«Nous sommes prêts»`): a boundary only where a sentence
//! clearly ends and the next clearly starts, never inside an address
//! (`example.com`, `Halo.Bungie.Org`), a dotted abbreviation (`U.S.`,
//! `S.A.`), a number (`3.5`), a file or package name (`Node.js`) or
//! initials (`J.K.Rowling`, `M.Macron`).

use super::abbrev::{dot_ends_sentence, last_word};
use crate::unicode::{is_digit, is_letter, is_space, is_upper};

/// Opening marks that start a sentence glued to the one before
/// (`dit.«Nous`, `said.“We`, `sagte.„Wir`, `dijo.¿Por qué`).
const fn opens_glued(c: char) -> bool {
    matches!(c, '\u{ab}' | '\u{201c}' | '\u{201e}' | '\u{2039}' | '\u{bf}' | '\u{a1}')
}

/// Where the sentence ends at the terminal run `line[p..run]` followed by
/// the closing marks `line[run..j]` and then no white space, if it does:
/// `j`, or `run` when the only mark after the run is a straight `"` that
/// opens a quotation (`straight_open`: a straight quotation is open before
/// it, so it closes one instead).
///
/// The run must be one full stop, `!` or `?` (an ellipsis glued to a word
/// goes on: `Then…Silence`), after a letter, a digit or a closing mark (or,
/// for `!` and `?`, a space, as French sets them: `place !"La`), in a word
/// without `.`, `/` or `@` (`U.S.The`, `www.Site`). What follows must start
/// a sentence clearly: a capital and a word that goes on in lower case to
/// its end, not into a domain (`Selon`, `L'incident`, `À`, not `Org.com`,
/// `TheAisleNewYork`), or an opening mark and a capital (`«Nous`, `"Il`).
/// A single full stop must also end the sentence by the abbreviation rules
/// (`Mr.Benn`, `M.Le Pen` do not).
pub(super) fn glued_end(line: &str, p: usize, run: usize, j: usize, straight_open: bool) -> Option<usize> {
    let term = line.get(p..run)?;
    let dot = term == ".";
    if !dot && !term.bytes().all(|b| matches!(b, b'!' | b'?')) {
        return None;
    }
    let before = line.get(..p)?;
    let c0 = before.chars().next_back()?;
    if !(is_letter(c0) || is_digit(c0) || super::is_closer(c0) || !dot && is_space(c0)) {
        return None;
    }
    if last_word(before).0.bytes().any(|b| matches!(b, b'.' | b'/' | b'@')) {
        return None;
    }
    let closers = line.get(run..j)?;
    let rest = line.get(j..)?;
    let (at, next) = if closers == "\"" && !straight_open {
        // `continue."Monsieur`: the `"` opens the next sentence.
        (run, line.get(run.saturating_add(1)..)?)
    } else {
        match rest.chars().next() {
            Some(c) if opens_glued(c) => (j, rest.get(c.len_utf8()..)?),
            _ if word_starts_sentence(rest) => (j, rest),
            _ => return None,
        }
    };
    if at == run || next.len() < rest.len() {
        // After an opening mark (and the space French sets inside it), a capital.
        let body = next.trim_start_matches(is_space);
        if !body.chars().next().is_some_and(is_upper) {
            return None;
        }
    }
    (!dot || dot_ends_sentence(before, next.trim_start_matches(is_space))).then_some(at)
}

/// True if `text` starts with a capital and a word that goes on in lower
/// case to its end (`Selon`, `Élysée`), an elided article (`L'incident`,
/// `D’après`) or is the one-letter `À`, and that word does not run on into
/// an address (`Bungie.Org`).
fn word_starts_sentence(text: &str) -> bool {
    let mut cs = text.char_indices();
    let Some((_, first)) = cs.next() else { return false };
    if !is_upper(first) {
        return false;
    }
    let Some((_, second)) = cs.next() else { return false };
    if first == '\u{c0}' && is_space(second) {
        return true;
    }
    if matches!(second, '\'' | '\u{2019}') {
        return cs.next().is_some_and(|(_, c)| is_letter(c));
    }
    if !is_letter(second) || is_upper(second) {
        return false;
    }
    for (i, c) in cs {
        if is_letter(c) {
            if is_upper(c) {
                return false;
            }
            continue;
        }
        // The word's end: not a dot inside an address.
        let after = text.get(i.saturating_add(c.len_utf8())..).and_then(|t| t.chars().next());
        return !(c == '.' && after.is_some_and(is_letter));
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_starts_are_capitalised_lower_case_words() {
        for t in ["Selon le", "L'incident", "D\u{2019}apr\u{e8}s", "\u{c0} Paris", "\u{c9}lys\u{e9}e.", "Il", "Ces, "] {
            assert!(word_starts_sentence(t), "{t}");
        }
        for t in ["", "S", "US", "U.S", "TheAisleNewYork.com", "Bungie.Org, said", "js", "A few", "3D"] {
            assert!(!word_starts_sentence(t), "{t}");
        }
    }
}
