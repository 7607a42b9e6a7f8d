//! Placeholder until the Porter2 stemmer lands: possessive and plural `s` only.

/// Stems a lower-case ASCII word in place; returns the new length.
pub fn stem(word: &mut [u8]) -> usize {
    let n = word.len();
    if word.ends_with(b"'s") {
        return n - 2;
    }
    if n > 3 && word.ends_with(b"s") && !word.ends_with(b"ss") { n - 1 } else { n }
}
