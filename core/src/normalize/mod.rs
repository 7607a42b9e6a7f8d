//! Normalization: from a token's text to its term key, the identity a
//! word is counted under (case folded, stopwords left out, light plural
//! stemming, hashed). [`Folded`] is one word's fold; [`term_key`] the key
//! of one word, and `term_keys` the keys of a text's content words as the
//! counting pass computed them, for every stage that reads a sentence
//! again (scoring past the slot pool, the duplicate check, keyphrases, the
//! digest).

pub(crate) mod fold;

pub use fold::{Folded, MAX_WORD_BYTES};

use crate::tokenize::Words;
use crate::{Language, Span};

/// The term key of a word: `None` for stopwords, otherwise the hash of its
/// stem. Numbers are kept as terms (a figure can be the news).
///
/// ```
/// use epitome::normalize::term_key;
/// assert_eq!(term_key("Bridges"), term_key("bridge"));
/// assert_eq!(term_key("Venezuela’s"), term_key("venezuela"));
/// assert_eq!(term_key("The"), None);
/// ```
#[inline]
pub fn term_key(word: &str) -> Option<u32> {
    Folded::new(word).term_key()
}

/// Term-table keys of the content words of `text` in `language`, in
/// order, repeats included: what pass 1 counted for them (stopwords
/// skipped).
pub(crate) fn term_keys(text: &str, language: Language) -> TermKeys<'_> {
    TermKeys { words: Words::new(text), language }
}

/// [`term_keys`] of `span` of `text`, read in `text` ([`Words::in_span`]):
/// the same keys as of the span's slice, but the fold of its last words may
/// read ahead and stay on the word reader's faster loop.
pub(crate) fn term_keys_in(text: &str, span: Span, language: Language) -> TermKeys<'_> {
    TermKeys { words: Words::in_span(text, span), language }
}

/// The iterator of [`term_keys`] and [`term_keys_in`].
pub(crate) struct TermKeys<'a> {
    words: Words<'a>,
    language: Language,
}

impl Iterator for TermKeys<'_> {
    type Item = u32;

    /// Out of line on purpose: the word reader is inlined here once, and
    /// every reader of term keys (scoring past the pool, the duplicate
    /// check, keywords, the digest) calls this one copy, which returns a
    /// `u32` in a register. Inlined at each of them it cost flash on the
    /// Cortex-M (a copy of the word reader each) for no measurable speed.
    #[inline(never)]
    fn next(&mut self) -> Option<u32> {
        while self.words.next_token().is_some() {
            if let Some(k) = self.words.folded_mut().stem_to_key_in(self.language) {
                return Some(k.max(1));
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn non_ascii_possessive() {
        assert_eq!(term_key("Rodríguez’s"), term_key("rodríguez"));
    }

    #[test]
    fn stopwords_have_no_key() {
        assert_eq!(term_key("Don’t"), None);
        assert!(term_key("CIA").is_some());
    }
}
