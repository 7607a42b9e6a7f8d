//! The limit baseline: the cheapest pass that still reads every byte and
//! finds word boundaries. Nothing that tokenizes text can be faster than
//! this, so Epitome's throughput as a fraction of it is our distance from
//! the physical limit.

/// Counts words: maximal runs of ASCII letters and digits or non-ASCII
/// bytes (any UTF-8 sequence counts as a word byte, as every non-ASCII
/// letter is one). One byte table look-up and one comparison per byte, no
/// decoding: **the limit baseline**.
pub fn count_words(text: &[u8]) -> usize {
    let mut words = 0usize;
    let mut prev = false;
    for &b in text {
        let w = WORD_BYTE[usize::from(b)];
        words += usize::from(w & !prev);
        prev = w;
    }
    words
}

/// The same count with Unicode semantics: decodes every `char` and asks the
/// core's `is_word` (alphanumeric) table, as the tokenizer must. Reported
/// beside the limit to show what Unicode-correct boundaries cost.
pub fn count_words_unicode(text: &str) -> usize {
    let mut words = 0usize;
    let mut prev = false;
    for c in text.chars() {
        let w = epitome::unicode::is_word(c);
        words += usize::from(w & !prev);
        prev = w;
    }
    words
}

const WORD_BYTE: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        t[i] = b.is_ascii_alphanumeric() || b >= 0x80;
        i += 1;
    }
    t
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_words() {
        assert_eq!(count_words(b""), 0);
        assert_eq!(count_words(b"  one, two-three 4.5\n"), 5);
        assert_eq!(count_words("Bogotá café".as_bytes()), 2);
        assert_eq!(count_words_unicode("  one, two-three 4.5\n"), 5);
        // Unicode semantics: a dash is not a word; the byte baseline cannot know.
        assert_eq!(count_words_unicode("a — b"), 2);
        assert_eq!(count_words("a — b".as_bytes()), 3);
    }

    #[test]
    fn both_agree_on_ascii_prose() {
        let a = crate::articles::synthetic(16 << 10);
        assert_eq!(count_words(a.body.as_bytes()), count_words_unicode(&a.body));
    }
}
