//! The tokenizer and the term key on arbitrary text (lossy UTF-8), every
//! fast path against the char-at-a-time references the property tests use
//! (`core/tests/reference/mod.rs`, included by path): the tokens of
//! `Tokens`, the one-pass folds of `Words` against tokenizing and then
//! folding, and each token's term key (fold, stopword perfect hash, stem,
//! FNV-1a) against a plain fold, a binary search and a plain hash.
#![no_main]

use epitome::normalize::{Folded, term_key};
use epitome::stopwords::{ENGLISH, is_stopword};
use epitome::tokenize::{Tokens, Words};
use libfuzzer_sys::fuzz_target;

#[path = "../../core/tests/reference/mod.rs"]
mod reference;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let tokens = reference::naive_tokens(&text);
    assert_eq!(Tokens::new(&text).collect::<Vec<_>>(), tokens);
    let words: Vec<_> = Words::new(&text).collect();
    assert_eq!(words.len(), tokens.len());
    for (w, t) in words.iter().zip(&tokens) {
        assert_eq!(w.token, *t);
        let word = t.span.slice(&text).expect("tokens lie on char boundaries");
        let f = Folded::new(word);
        let (naive, _) = reference::naive_fold(word);
        assert_eq!(w.folded.as_bytes(), naive.as_slice());
        assert_eq!(f.as_bytes(), naive.as_slice());
        assert_eq!(w.folded.term_key(), reference::naive_term_key(word));
        assert_eq!(w.folded.hash(), reference::naive_fnv1a(f.as_bytes()));
        assert_eq!(w.folded.is_stopword(), ENGLISH.binary_search(&f.as_bytes()).is_ok());
        assert_eq!(is_stopword(f.as_bytes()), w.folded.is_stopword());
        assert_eq!(term_key(word), reference::naive_term_key(word));
        let (mut a, mut b) = (w.folded, f);
        a.stem();
        b.stem();
        assert_eq!((a.as_bytes(), a.hash()), (b.as_bytes(), b.hash()));
    }
});
