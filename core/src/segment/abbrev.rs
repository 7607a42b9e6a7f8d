//! Whether a single full stop ends a sentence: abbreviations, initials,
//! page and number forms, dotted abbreviations (`U.S.`, `a.m.`).

use crate::unicode::{is_letter, is_space, is_upper};

/// Honorifics and titles, always followed by a name, and abbreviations
/// that always go on (`bzw.`, `vgl.`): never end a sentence. English, then
/// French (`M.`, `MM.`, `Mlle`, `Mgr`, `Pr`, `Ste`), German (`Hr.`, `Hrn.`,
/// `Dipl.`; `bzw.`, `vgl.`, `sog.`), Spanish and Portuguese (`Sra.`,
/// `Sres.`, `Srta.`, `Dña.`, `Dra.`, `Lic.`, `Ing.`, `Gral.`, `Exmo.`,
/// `Eng.`, `Sta.`, `Sto.`), Italian (`Sig.`, `Dott.`, `Avv.`, `Mons.`) and
/// Dutch, which writes its titles in lower case (`dhr.`, `mevr.`, `mr.`,
/// `dr.`, `drs.`, `ir.`, `ing.`, `prof.`; `bijv.`, `zgn.`, `nl.`).
const TITLES: [&str; 76] = [
    "Adm", "Capt", "Cmdr", "Col", "Cpl", "Dr", "Fr", "Gen", "Gov", "Hon", "Insp", "Lt", "Maj", "Messrs", "Mme", "Mr",
    "Mrs", "Ms", "Mt", "Pres", "Prof", "Pvt", "Rep", "Rev", "Sen", "Sgt", "Sr", "St", "Supt", "Sens", "Gens", "M",
    "MM", "Mmes", "Mlle", "Mlles", "Mgr", "Pr", "Ste", "Hr", "Hrn", "Dipl", "bzw", "vgl", "Vgl", "sog", "Sra", "Sras",
    "Sres", "Srta", "D\u{f1}a", "Dra", "Lic", "Ing", "Gral", "Exmo", "Exma", "Eng", "Sta", "Sto", "Sig", "Dott", "Avv",
    "Mons", "dhr", "mevr", "mr", "dr", "drs", "ir", "ing", "prof", "bijv", "zgn", "nl", "resp",
];

/// Abbreviations that stand before a number (`p. 55`, `No. 5`, `Fig. 3`,
/// `Nr. 5`, `ca. 50`, `env. 50`, `n\u{ba} 5`, `p\u{e1}g. 3`): never a
/// boundary before a digit, a boundary before a sentence opener.
const BEFORE_NUMBER: [&str; 40] = [
    "p", "pp", "No", "no", "Nos", "nos", "N\u{b0}", "Fig", "fig", "Figs", "vol", "Vol", "ch", "Ch", "para", "Art",
    "art", "sec", "Sec", "ed", "eds", "Ed", "op", "tel", "Nr", "nr", "Nrn", "ca", "Abs", "Bd", "Tel", "T\u{e9}l",
    "t\u{e9}l", "env", "n\u{ba}", "N\u{ba}", "n\u{fa}m", "N\u{fa}m", "p\u{e1}g", "pag",
];

/// Abbreviations that may end a sentence too; they end one only when the
/// next word is a typical sentence opener (a capitalized stopword). English,
/// then months (French `janv.`, `f\u{e9}vr.`, `d\u{e9}c.`; German `Okt.`,
/// `Dez.`; Spanish `ene.`, `abr.`, `dic.`; Italian `genn.`, `magg.`,
/// `sett.`; Dutch `mrt.`, `okt.`), companies (`Cie`, `C\u{ed}a.`, `Ltda.`,
/// `St\u{e9}`), amounts (`Mio.`, `Mrd.`), French `av.` and `bd` (avenue,
/// boulevard; `av. J.-C.`) and `usw.`, `enz.`, `ecc.` (etc.).
const OTHER: [&str; 76] = [
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

/// Words before a number that make its full stop a German ordinal's (`am
/// 3. Oktober`, `im 19. Jahrhundert`, `der 2. Weltkrieg`, `zum 100.
/// Geburtstag`): no boundary unless a sentence opener follows.
const BEFORE_ORDINAL: [&str; 34] = [
    "am", "im", "vom", "zum", "beim", "dem", "der", "den", "des", "die", "das", "zur", "seit", "bis", "ab", "seinem",
    "ihrem", "vor", "Am", "Im", "Vom", "Zum", "Der", "Den", "Dem", "Des", "Die", "Das", "Seit", "Bis", "seinen",
    "ihren", "einen", "einem",
];

/// German month names: after a number and a full stop, a date (`3.
/// Oktober`), never a sentence start.
const MONTHS_DE: [&str; 13] = [
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

/// Capitalized words that go on a time of day (`5 p.m. Tuesday`, `6 a.m.
/// GMT`, `9 a.m. Eastern time`) instead of starting a sentence after it.
const AFTER_TIME: [&str; 42] = [
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

/// Longest word in [`TITLES`], [`BEFORE_NUMBER`] and [`OTHER`], in bytes.
const MAX_LISTED: usize = 6;

/// Which list a word is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Listed {
    Title,
    BeforeNumber,
    Other,
}

/// A word of at most [`MAX_LISTED`] bytes as one integer: its bytes and its
/// length, so that two words have the same key only if they are equal.
const fn key(w: &[u8]) -> u64 {
    let mut k = (w.len() as u64) << 56;
    let mut i = 0;
    while i < w.len() && i < MAX_LISTED {
        k |= (w[i] as u64) << (8 * i);
        i += 1;
    }
    k
}

/// Number of words in the three lists.
const LISTED: usize = TITLES.len() + BEFORE_NUMBER.len() + OTHER.len();

/// The three lists as one table of keys sorted for a binary search, and
/// the list of each key, built at compile time (which also checks that no
/// word is in two lists). Two arrays rather than pairs: no padding.
const KEYS: ([u64; LISTED], [Listed; LISTED]) = {
    let mut keys = [0u64; LISTED];
    let mut lists = [Listed::Other; LISTED];
    let mut n = 0;
    let all: [(&[&str], Listed); 3] =
        [(&TITLES, Listed::Title), (&BEFORE_NUMBER, Listed::BeforeNumber), (&OTHER, Listed::Other)];
    let mut l = 0;
    while l < all.len() {
        let (words, class) = all[l];
        let mut i = 0;
        while i < words.len() {
            assert!(words[i].len() <= MAX_LISTED, "a listed word is longer than MAX_LISTED");
            // Insertion sort: the table is small and built once.
            let k = key(words[i].as_bytes());
            let mut j = n;
            while j > 0 && keys[j - 1] > k {
                keys[j] = keys[j - 1];
                lists[j] = lists[j - 1];
                j -= 1;
            }
            assert!(j == 0 || keys[j - 1] != k, "a word is listed twice");
            keys[j] = k;
            lists[j] = class;
            n += 1;
            i += 1;
        }
        l += 1;
    }
    (keys, lists)
};

/// The list `word` is in, if any: one binary search over [`KEYS`] instead
/// of a string compare per listed word.
fn listed(word: &str) -> Option<Listed> {
    if word.len() > MAX_LISTED {
        return None;
    }
    let k = key(word.as_bytes());
    KEYS.0.binary_search(&k).ok().and_then(|i| KEYS.1.get(i).copied())
}

/// ASCII bytes that end the word before a full stop (going back): white
/// space, an opening quotation mark or bracket.
const WORD_EDGE: [bool; 128] = {
    let mut t = [false; 128];
    let edges = *b" \t\n\r\x0b\x0c\"'([";
    let mut i = 0;
    while i < edges.len() {
        t[edges[i] as usize] = true;
        i += 1;
    }
    t
};

/// The word that a full stop at the end of `before` follows: back to white
/// space, an opening quotation mark or bracket, or a dash; and whether it
/// holds a `.`. ASCII bytes are judged as they are (one table load each);
/// a non-ASCII byte sends the word to the char loop.
pub(super) fn last_word(before: &str) -> (&str, bool) {
    let b = before.as_bytes();
    let mut i = b.len();
    let mut dot = false;
    while let Some(&c) = i.checked_sub(1).and_then(|j| b.get(j)) {
        match WORD_EDGE.get(usize::from(c)) {
            None => {
                let w = last_word_chars(before);
                return (w, w.as_bytes().contains(&b'.'));
            }
            Some(true) => break,
            Some(false) => dot |= c == b'.',
        }
        i = i.saturating_sub(1);
    }
    (before.get(i..).unwrap_or(""), dot)
}

/// [`last_word`] one char at a time.
fn last_word_chars(before: &str) -> &str {
    let word_start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| is_space(c) || super::is_opener(c) || c == '\u{2014}' || c == '\u{2013}' || c == '(')
        .map_or(0, |(i, c)| i.saturating_add(c.len_utf8()));
    before.get(word_start..).unwrap_or("")
}

/// Decides whether a single `.` after `before` ends the sentence, given the
/// text that follows (which starts upper-case, a digit or a quote).
pub(super) fn dot_ends_sentence(before: &str, next_text: &str) -> bool {
    let (word, dotted) = last_word(before);
    // The last dot of a spaced ellipsis (`. . .`): see `clearly_starts`.
    if before.ends_with(". . ") {
        return super::clearly_starts(next_text);
    }
    if word.is_empty() {
        return true;
    }
    // Most words: longer than any listed one and not dotted (no `a.m`).
    if word.len() > MAX_LISTED && !dotted {
        return true;
    }
    let next_is_digit = next_text.as_bytes().first().is_some_and(u8::is_ascii_digit);
    let list = listed(word);
    if list == Some(Listed::Title) || word == "ex" && before.ends_with("p. ex") {
        return false;
    }
    if word.len() <= 3 && word.bytes().all(|b| b.is_ascii_digit()) {
        let before_number = before.get(..before.len().saturating_sub(word.len())).unwrap_or("");
        return next_is_digit || !is_ordinal(before_number, next_text);
    }
    let mut cs = word.chars();
    let first = cs.next();
    if let (Some(c), None) = (first, cs.next()) {
        // One letter: an initial (`John F. Kennedy`, `p. 55`), unless it
        // ends the sentence before an opener (`than I. The`, `plan B. But`).
        return !is_letter(c) || !next_is_digit && next_word_is_opener(next_text);
    }
    if matches!(word, "a.m" | "p.m" | "A.M" | "P.M") && !next_is_digit {
        return ends_time_of_day(next_text);
    }
    if list.is_some() || dotted && is_dotted_abbreviation(word) {
        return !next_is_digit && next_word_is_opener(next_text);
    }
    true
}

/// True if a number's full stop makes it a German ordinal (`am 3.
/// Oktober`, `im 19. Jahrhundert`): a month follows, or an article or
/// preposition of [`BEFORE_ORDINAL`] stands before and no sentence opener
/// follows. `before_number` is the text before the number.
fn is_ordinal(before_number: &str, next_text: &str) -> bool {
    // Byte and char loops rather than `split`/`rsplit`, whose searchers
    // keep panic paths the panic-never proof cannot remove.
    let next_end = next_text.char_indices().find(|&(_, c)| !is_letter(c)).map_or(next_text.len(), |(i, _)| i);
    let next = next_text.get(..next_end).unwrap_or("");
    if MONTHS_DE.contains(&next) {
        return true;
    }
    let b = before_number.trim_end_matches(' ');
    let prev = b.get(b.bytes().rposition(|c| c == b' ').map_or(0, |i| i.saturating_add(1))..).unwrap_or("");
    BEFORE_ORDINAL.contains(&prev) && !next_word_is_opener(next_text)
}

/// `U.S`, `a.m`, `e.g`, `Ph.D`, `N.Y`: short letter groups joined by dots
/// (the final dot is the one being judged). Numbers (`47.3%`), domains and
/// file names (`page.html`) are not: their dot ends a sentence.
fn is_dotted_abbreviation(word: &str) -> bool {
    // Two groups need a dot between them; most words have none.
    if !word.bytes().any(|c| c == b'.') {
        return false;
    }
    // A char loop rather than `split('.')`, whose searcher keeps a panic
    // path the panic-never proof cannot remove.
    let (mut groups, mut len, mut capital_inside) = (0u32, 0u32, false);
    for c in word.chars().chain(core::iter::once('.')) {
        if c == '.' {
            // `Ph.D` but not `com.Xy`: a two-letter group is capitalized or all lower.
            if len == 0 || len > 2 || capital_inside {
                return false;
            }
            (groups, len, capital_inside) = (groups.saturating_add(1), 0, false);
        } else if is_letter(c) {
            capital_inside |= len > 0 && is_upper(c);
            len = len.saturating_add(1);
        } else if c == '-' && len == 0 && groups > 0 {
            // `J.-M`, `J.-C`: a hyphen opens a group of French initials.
        } else {
            return false;
        }
    }
    groups >= 2
}

/// After `a.m.` or `p.m.`, a capitalized word starts a new sentence
/// (`at 10 a.m. Officials said`) unless it goes on the time: a day, month
/// or time zone, or a word followed by `time` (`9 a.m. London time`); or
/// it is an honorific before a name, the subject the time introduces (`at
/// 9 a.m. Dr. Laurent opened the hearing`).
fn ends_time_of_day(next_text: &str) -> bool {
    let mut words = next_text.split([' ', ',', '.', '\t']).filter(|w| !w.is_empty());
    let first = words.next().unwrap_or("");
    let second = words.next().unwrap_or("");
    let honorific = listed(first) == Some(Listed::Title) && second.starts_with(|c: char| c.is_ascii_uppercase());
    !(AFTER_TIME.contains(&first) || second.eq_ignore_ascii_case("time") || honorific)
}

/// True if the next word is a capitalized stopword such as `The`, `He`,
/// `But`, one of [`OPENERS`] (`Le`, `Die`, `El`, `De`) or an elided
/// article or pronoun (`L'`, `D'`, `Qu'`: [`ELIDED`]).
pub(super) fn next_word_is_opener(next_text: &str) -> bool {
    let next_text = next_text.trim_start_matches(|c: char| {
        matches!(c, '"' | '\'' | '\u{201c}' | '\u{2018}' | '(' | '\u{ab}' | '\u{201e}' | '\u{bf}' | '\u{a1}')
            || is_space(c)
    });
    let word_end = next_text
        .char_indices()
        .find(|&(_, c)| !(is_letter(c) || c == '\'' || c == '\u{2019}'))
        .map_or(next_text.len(), |(i, _)| i);
    let w = next_text.get(..word_end).unwrap_or("");
    if w.is_empty() {
        return false;
    }
    if let Some(at) = w.find(['\'', '\u{2019}'])
        && ELIDED.contains(&w.get(..at).unwrap_or(""))
    {
        return true;
    }
    crate::normalize::Folded::new(w).is_stopword() || OPENERS.contains(&w)
}

/// Capitalized words that start sentences in French, German, Spanish,
/// Italian, Portuguese and Dutch news (articles, pronouns, conjunctions,
/// the commonest prepositions), beyond the English stopwords: after an
/// abbreviation or initial, such a word starts a new sentence.
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

/// Elided articles and pronouns that start a sentence (`L'incident`,
/// `D'après`, `Qu'il`, `C'est`).
const ELIDED: [&str; 7] = ["L", "D", "J", "C", "S", "N", "Qu"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_word_is_found_in_its_list() {
        for (list, class) in
            [(&TITLES[..], Listed::Title), (&BEFORE_NUMBER[..], Listed::BeforeNumber), (&OTHER[..], Listed::Other)]
        {
            for w in list {
                assert_eq!(listed(w), Some(class), "{w}");
            }
        }
        for w in ["", "Mrr", "Mr\0", "Messrsx", "Figs.", "N", "said", "ex", "Nr."] {
            assert_eq!(listed(w), None, "{w:?}");
        }
    }

    #[test]
    fn dotted_abbreviations_are_letter_groups() {
        for w in ["U.S", "a.m", "P.M", "e.g", "i.e", "Ph.D", "D.C", "U.K"] {
            assert!(is_dotted_abbreviation(w), "{w}");
        }
        for w in ["47.3%", "page.html", "example.com", "3.5", "US", "1026.253.553"] {
            assert!(!is_dotted_abbreviation(w), "{w}");
        }
    }
}
