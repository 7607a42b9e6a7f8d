//! Light stemmers for the languages besides English: the plural and
//! gender endings of a folded (lower-case UTF-8) word, in place.
//!
//! Light on purpose, as the English one ([`crate::stem::stem_plural`]):
//! sentence centrality counts which sentences share a word, and merging
//! derived forms (`nation`/`national`) links sentences that do not share a
//! topic. Each follows the plural and gender steps of Savoy's light
//! stemmers (as Lucene ships them for French, German, Spanish, Italian and
//! Portuguese; Dutch has none there, and drops its plural `-en`/`-s` the
//! same way), without their derivational steps. The stems are keys, not
//! words: `député`, `députée` and `députés` all give `deput`.
//!
//! Every function works on bytes with no allocation, no recursion and no
//! panic: a word is at most [`crate::normalize::MAX_WORD_BYTES`] long, and
//! bytes that are not Latin letters are left as they are.

use crate::Language;

/// Stems `word` (folded: lower case, `'` apostrophes) as a word of
/// `language`, in place; returns the stem's length (its bytes are
/// `word[..len]`, valid UTF-8 when `word` is).
///
/// ```
/// use epitome::{Language, lang::stem::stem};
/// let mut w = *b"journaux";
/// let n = stem(Language::French, &mut w);
/// assert_eq!(&w[..n], b"journal");
/// ```
pub fn stem(language: Language, word: &mut [u8]) -> usize {
    match language {
        Language::English => crate::stem::stem_plural(word),
        Language::French => french(word),
        Language::German => german(word),
        Language::Spanish => spanish(word),
        Language::Italian => italian(word),
        Language::Portuguese => portuguese(word),
        Language::Dutch => dutch(word),
    }
}

/// The ASCII letter a lower-case Latin-1 letter with a diacritic stands
/// for (`é` → `e`, `ç` → `c`, `ñ` → `n`), from the second byte of its
/// UTF-8 form after `0xC3`; 0 for none.
const fn plain(second: u8) -> u8 {
    match second {
        0xA0..=0xA5 => b'a',
        0xA7 => b'c',
        0xA8..=0xAB => b'e',
        0xAC..=0xAF => b'i',
        0xB1 => b'n',
        0xB2..=0xB6 => b'o',
        0xB9..=0xBC => b'u',
        0xBD | 0xBF => b'y',
        _ => 0,
    }
}

/// Replaces each lower-case Latin-1 letter with a diacritic by its plain
/// letter, in place (two bytes become one); returns the new length. `ß`
/// stays: it is a letter of its own.
fn strip_accents(word: &mut [u8], len: usize) -> usize {
    let len = len.min(word.len());
    // Most words have no such letter: an ASCII word is left after a test
    // a machine word at a time, and the others are rewritten from their
    // first.
    let head = word.get(..len).unwrap_or(&[]);
    if head.is_ascii() {
        return len;
    }
    let Some(first) = head.iter().position(|&b| b == 0xC3) else {
        return len;
    };
    let (mut r, mut w) = (first, first);
    while r < len {
        let b = word.get(r).copied().unwrap_or(0);
        let next = word.get(r.wrapping_add(1)).copied().unwrap_or(0);
        let p = if b == 0xC3 { plain(next) } else { 0 };
        if let Some(d) = word.get_mut(w) {
            *d = if p != 0 { p } else { b };
        }
        r = r.wrapping_add(if p != 0 { 2 } else { 1 });
        w = w.wrapping_add(1);
    }
    w
}

/// Characters (not bytes) in `word[..len]`.
fn chars(word: &[u8], len: usize) -> usize {
    word.iter().take(len).filter(|&&b| (b as i8) >= -0x40).count()
}

/// True if `word[..len]` ends with `suffix`.
fn ends(word: &[u8], len: usize, suffix: &[u8]) -> bool {
    word.get(..len).is_some_and(|w| w.ends_with(suffix))
}

/// The byte at `i`, 0 past the end.
fn at(word: &[u8], i: usize) -> u8 {
    word.get(i).copied().unwrap_or(0)
}

/// Overwrites `word[at..at + with.len()]` (where it fits).
fn put(word: &mut [u8], at: usize, with: &[u8]) {
    for (d, &s) in word.iter_mut().skip(at).zip(with) {
        *d = s;
    }
}

/// French: `-aux` → `-al` (`journaux`), plural `-s`/`-x`, then the
/// feminine `-e` (and the `-s` before it) and the participle's `-é` (`élues`, `élu`; `députée`,
/// `député` → `deput`), accents stripped (as Savoy's minimal stemmer,
/// on words of at least four letters).
fn french(word: &mut [u8]) -> usize {
    let mut n = word.len();
    if chars(word, n) < 4 {
        return strip_accents(word, n);
    }
    if ends(word, n, b"aux") && n > 4 {
        put(word, n.saturating_sub(2), b"l");
        return n.saturating_sub(1);
    }
    if matches!(word.last(), Some(b's' | b'x')) && !ends(word, n, b"ss") {
        n = n.saturating_sub(1);
    }
    if ends(word, n, "é".as_bytes()) {
        n = n.saturating_sub(2);
    } else if ends(word, n, b"e") {
        n = n.saturating_sub(1);
        if ends(word, n, "é".as_bytes()) {
            n = n.saturating_sub(2);
        } else if ends(word, n, b"s") && !ends(word, n, b"ss") {
            // The masculine of `-se` ends in `-s` in both numbers
            // (`française`, `français`).
            n = n.saturating_sub(1);
        }
    }
    strip_accents(word, n)
}

/// German (Savoy's light stemmer, its first step): umlauts to plain
/// vowels, then one of the case and plural
/// endings `-ern`, `-em`, `-en`, `-er`, `-es`, `-e`, and `-s` after a
/// consonant that may end a stem (`Häuser` → `haus`, `Kindern` → `kind`).
fn german(word: &mut [u8]) -> usize {
    let mut n = strip_accents(word, word.len());
    let long = |n: usize, min: usize| n > min;
    if long(n, 5) && ends(word, n, b"ern") {
        n = n.saturating_sub(3);
    } else if long(n, 4)
        && (ends(word, n, b"em") || ends(word, n, b"en") || ends(word, n, b"er") || ends(word, n, b"es"))
    {
        n = n.saturating_sub(2);
    } else if long(n, 3) && (ends(word, n, b"e") || ends(word, n, b"s") && s_may_end(at(word, n.saturating_sub(2)))) {
        n = n.saturating_sub(1);
    }
    n
}

/// A consonant after which a German `-s` is a case ending.
fn s_may_end(c: u8) -> bool {
    matches!(c, b'b' | b'd' | b'f' | b'g' | b'h' | b'k' | b'l' | b'm' | b'n' | b'r' | b't')
}

/// Spanish (Savoy's light stemmer): accents stripped, `-ces` → `-z`
/// (`luces` → `luz`), plural `-es`/`-s` and the gender vowels `-o`, `-a`,
/// `-e` (`diputados`, `diputada` → `diputad`).
fn spanish(word: &mut [u8]) -> usize {
    let mut n = strip_accents(word, word.len());
    if n < 5 {
        return n;
    }
    if ends(word, n, b"ces") {
        put(word, n.saturating_sub(3), b"z");
        return n.saturating_sub(2);
    }
    if ends(word, n, b"os") || ends(word, n, b"as") || ends(word, n, b"es") {
        return n.saturating_sub(2);
    }
    if matches!(word.get(n.wrapping_sub(1)), Some(b'o' | b'a' | b'e' | b's')) {
        n = n.saturating_sub(1);
    }
    n
}

/// Italian (Savoy's light stemmer): accents stripped, `-chi`/`-ghi` and
/// `-che`/`-ghe` → `-c`/`-g` (`banchi`, `banco` → `banc`), then the plural
/// and gender vowels `-i`, `-e`, `-a`, `-o` (`ministri`, `ministra` →
/// `ministr`).
fn italian(word: &mut [u8]) -> usize {
    let n = strip_accents(word, word.len());
    if n < 5 {
        return n;
    }
    if ends(word, n, b"chi") || ends(word, n, b"ghi") || ends(word, n, b"che") || ends(word, n, b"ghe") {
        return n.saturating_sub(2);
    }
    if matches!(word.get(n.wrapping_sub(1)), Some(b'i' | b'e' | b'a' | b'o')) {
        return n.saturating_sub(1);
    }
    n
}

/// Portuguese (the plural step of Savoy's light stemmer, then gender):
/// `-ões`/`-ães` → `-ão`, `-ais` → `-al`, `-éis` → `-el`, `-óis` → `-ol`,
/// `-ns` → `-m`, `-res` → `-r`, `-s`; then `-a`, `-o`, `-e`; accents
/// stripped (`eleições`, `eleição` → `eleica`).
fn portuguese(word: &mut [u8]) -> usize {
    let mut n = word.len();
    if chars(word, n) < 4 {
        return strip_accents(word, n);
    }
    // The plural endings with accents, read before accents are stripped.
    for (plural, singular) in [("ões", "ão"), ("ães", "ão"), ("ais", "al"), ("éis", "el"), ("óis", "ol")] {
        if ends(word, n, plural.as_bytes()) {
            let from = n.saturating_sub(plural.len());
            put(word, from, singular.as_bytes());
            n = from.saturating_add(singular.len());
            let n = strip_accents(word, n);
            return gender_pt(word, n);
        }
    }
    n = strip_accents(word, n);
    if ends(word, n, b"ns") {
        put(word, n.saturating_sub(2), b"m");
        n = n.saturating_sub(1);
    } else if ends(word, n, b"res") && n > 5 {
        n = n.saturating_sub(2);
    } else if ends(word, n, b"s") && !ends(word, n, b"ss") {
        n = n.saturating_sub(1);
    }
    gender_pt(word, n)
}

/// The gender vowel of a Portuguese word (accents already stripped).
fn gender_pt(word: &mut [u8], n: usize) -> usize {
    if n > 3 && matches!(word.get(n.wrapping_sub(1)), Some(b'a' | b'o' | b'e')) { n.saturating_sub(1) } else { n }
}

/// Dutch: the plural `-'s` (`auto's`), `-en` with a doubled consonant
/// undone (`mannen` → `man`), `-s` after a vowel-less end (`tafels` →
/// `tafel`), and the inflected adjective's `-e` (`grote` → `grot`);
/// accents stripped.
fn dutch(word: &mut [u8]) -> usize {
    let mut n = strip_accents(word, word.len());
    if ends(word, n, b"'s") {
        return n.saturating_sub(2);
    }
    if n > 5 && ends(word, n, b"en") {
        n = n.saturating_sub(2);
        let (a, b) = (at(word, n.saturating_sub(2)), at(word, n.saturating_sub(1)));
        if a == b && !matches!(b, b'a' | b'e' | b'i' | b'o' | b'u') {
            n = n.saturating_sub(1);
        }
        return n;
    }
    if n > 4 && ends(word, n, b"s") && !matches!(at(word, n.saturating_sub(2)), b's' | b'a' | b'e' | b'i' | b'o' | b'u')
    {
        return n.saturating_sub(1);
    }
    if n > 4 && ends(word, n, b"e") {
        return n.saturating_sub(1);
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stemmed(language: Language, word: &str) -> heapless::String<40> {
        let mut buf = [0u8; 40];
        let dst = &mut buf[..word.len()];
        dst.copy_from_slice(word.as_bytes());
        let n = stem(language, dst);
        let mut out = heapless::String::new();
        let _ = out.push_str(core::str::from_utf8(&dst[..n]).unwrap_or("<not UTF-8>"));
        out
    }

    /// Each group of words must give one stem, and groups stems of their own.
    fn check(language: Language, groups: &[&[&str]]) {
        let mut seen: heapless::Vec<heapless::String<40>, 64> = heapless::Vec::new();
        for group in groups {
            let first = stemmed(language, group[0]);
            for w in group.iter() {
                assert_eq!(stemmed(language, w), first, "{language:?} {w:?} against {:?}", group[0]);
            }
            assert!(!seen.contains(&first), "{language:?}: {:?} shares the stem {first:?}", group);
            seen.push(first).unwrap();
        }
    }

    #[test]
    fn french() {
        check(
            Language::French,
            &[
                &["journal", "journaux"],
                &["député", "députée", "députés", "députées"],
                &["élu", "élue", "élus", "élues"],
                &["président", "présidente", "présidents"],
                &["paquebot", "paquebots"],
                &["passager", "passagers"],
                &["jeu", "jeux"],
                &["ministre", "ministres"],
                &["français", "françaises", "française"],
                &["loi", "lois"],
                &["gouvernement", "gouvernements"],
            ],
        );
        // Short words only lose their accents.
        assert_eq!(stemmed(Language::French, "été").as_str(), "ete");
    }

    #[test]
    fn german() {
        check(
            Language::German,
            &[
                &["kind", "kinder", "kindern", "kindes"],
                &["regierung", "regierungen"],
                &["haus", "hauses", "häuser", "häusern"],
                &["minister", "ministern"],
                &["bundestag", "bundestags", "bundestages"],
                &["straße", "straßen"],
            ],
        );
    }

    #[test]
    fn spanish() {
        check(
            Language::Spanish,
            &[
                &["diputado", "diputada", "diputados", "diputadas"],
                &["luz", "luces"],
                &["gobierno", "gobiernos"],
                &["elección", "elecciones"],
                &["presidente", "presidentes", "presidenta"],
                &["país", "países"],
            ],
        );
    }

    #[test]
    fn italian() {
        check(
            Language::Italian,
            &[
                &["ministro", "ministri", "ministra", "ministre"],
                &["banco", "banchi"],
                &["governo", "governi"],
                &["città"],
                &["elezione", "elezioni"],
                &["presidente", "presidenti"],
            ],
        );
    }

    #[test]
    fn portuguese() {
        check(
            Language::Portuguese,
            &[
                &["eleição", "eleições"],
                &["jornal", "jornais"],
                &["papel", "papéis"],
                &["homem", "homens"],
                &["deputado", "deputada", "deputados", "deputadas"],
                &["mulher", "mulheres"],
                &["governo", "governos"],
            ],
        );
    }

    #[test]
    fn dutch() {
        check(
            Language::Dutch,
            &[
                &["man", "mannen"],
                &["tafel", "tafels"],
                &["auto", "auto's"],
                &["regering", "regeringen"],
                &["minister", "ministers"],
                &["huis"],
            ],
        );
    }

    #[test]
    fn english_is_the_plural_stemmer() {
        assert_eq!(stemmed(Language::English, "cities").as_str(), "city");
    }

    proptest::proptest! {
        /// Never panics, never grows, and keeps UTF-8 valid.
        #[test]
        fn stems_are_prefix_sized_utf8(word in "[a-zà-ÿ'ß]{0,16}", l in 0usize..7) {
            let language = Language::ALL[l];
            let mut buf = [0u8; 64];
            let bytes = word.as_bytes();
            buf[..bytes.len()].copy_from_slice(bytes);
            let n = stem(language, &mut buf[..bytes.len()]);
            proptest::prop_assert!(n <= bytes.len());
            proptest::prop_assert!(core::str::from_utf8(&buf[..n]).is_ok());
        }
    }
}
