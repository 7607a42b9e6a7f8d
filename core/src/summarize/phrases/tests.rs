//! The phrase run against a plain reading of its rule: a list of the last
//! three words, phrases re-hashed from the list, the gap re-read as text,
//! each phrase counted by a plain bump. Same table, slot for slot.

extern crate std;

use std::format;
use std::string::String;
use std::vec::Vec as StdVec;

use proptest::prelude::*;

use super::{Part, Phrase, PhraseTable, Run};
use crate::stopwords::is_name_connector;
use crate::terms::Surface;
use crate::tokenize::{Packed, Token, TokenKind, Word, Words};

#[derive(Clone, Copy)]
struct NaiveWord {
    hash: u32,
    start: u32,
    end: u32,
    capitalized: bool,
    connector: bool,
}

/// The rule as first written: up to three words in a list, the oldest
/// dropped; the 2- and 3-word phrases ending at each content word counted,
/// shorter first, unless they start with a connector.
#[derive(Default)]
struct NaiveRun {
    words: StdVec<NaiveWord>,
}

impl NaiveRun {
    fn push(&mut self, w: NaiveWord) {
        self.words.push(w);
        if self.words.len() > 3 {
            self.words.remove(0);
        }
    }

    fn stopword(&mut self, tok: Token, folded: &[u8], hash: u32) {
        let after_name = self.words.last().is_some_and(|w| w.capitalized && !w.connector);
        if after_name && is_name_connector(folded) {
            let (start, end) = (tok.span.start, tok.span.end);
            self.push(NaiveWord { hash, start, end, capitalized: false, connector: true });
        } else {
            self.words.clear();
        }
    }

    fn word<const P: usize>(&mut self, table: &mut PhraseTable<P>, text: &str, tok: Token, hash: u32, part: Part) {
        if let Some(prev) = self.words.last() {
            let gap = text.get(prev.end as usize..tok.span.start as usize).unwrap_or(",");
            let spaces = gap.chars().all(crate::unicode::is_space);
            if !(tok.joined || spaces) || gap.contains('\n') {
                self.words.clear();
            }
        }
        if self.words.last().is_some_and(|w| w.connector) && !tok.capitalized {
            self.words.clear();
        }
        let (start, end) = (tok.span.start, tok.span.end);
        self.push(NaiveWord { hash, start, end, capitalized: tok.capitalized, connector: false });
        let n = self.words.len();
        for k in 2..=n {
            let words = &self.words[n - k..];
            if !words[0].connector {
                naive_count(table, words, part);
            }
        }
    }
}

/// Counts the phrase `words` the plain way.
fn naive_count<const P: usize>(table: &mut PhraseTable<P>, words: &[NaiveWord], part: Part) {
    let mut hash: u32 = 0x2545_f491;
    for w in words {
        hash = (hash ^ w.hash).wrapping_mul(0x0100_0193).rotate_left(5);
    }
    let (start, end) = (words[0].start, words[words.len() - 1].end);
    let surface = if part == Part::Title { Surface::title(start) } else { Surface::body(start) };
    let p = table
        .bump(hash, |p| {
            p.surface = surface;
            p.surface_len = u8::try_from(end - start).unwrap_or(u8::MAX);
        })
        .expect("a table always has a slot");
    match part {
        Part::Title => p.in_title = p.in_title.saturating_add(1),
        // The tests count no title twice.
        Part::TitleTakenBack => unreachable!("the reference counts each title once"),
        Part::Body { sentence } => {
            if p.last_sentence != sentence {
                p.last_sentence = sentence;
                p.sentences = p.sentences.saturating_add(1);
            }
        }
    }
    if words.iter().all(|w| w.capitalized || w.connector) {
        p.capitalized = p.capitalized.saturating_add(1);
    }
    p.words = words.len() as u8;
}

/// Feeds `text` (read as `part`) to `run` and `naive` as the counting pass
/// does: stopwords, numbers (which end a run) and content words.
fn feed<const P: usize>(
    text: &str,
    part: Part,
    (run, fast): (&mut Run, &mut PhraseTable<P>),
    (naive, slow): (&mut NaiveRun, &mut PhraseTable<P>),
) {
    for Word { token: tok, folded: mut f } in Words::new(text) {
        if f.is_stopword() {
            run.stopword(Packed::from(tok), &f);
            naive.stopword(tok, f.as_bytes(), f.hash());
            continue;
        }
        f.stem();
        let hash = f.hash();
        if tok.kind == TokenKind::Number {
            run.clear();
            naive.words.clear();
        } else {
            run.word(fast, text, Packed::from(tok), hash, part);
            naive.word(slow, text, tok, hash, part);
        }
    }
}

/// A title and sentences through both, one run per part as in the
/// counting pass; the tables must agree slot for slot.
fn check<const P: usize>(title: &str, sentences: &[String]) -> Result<(), TestCaseError> {
    let (mut fast, mut slow) = (PhraseTable::<P>::new(), PhraseTable::<P>::new());
    let parts = core::iter::once((title, Part::Title))
        .chain(sentences.iter().enumerate().map(|(i, s)| (s.as_str(), Part::Body { sentence: (i / 2) as u16 })));
    for (text, part) in parts {
        let (mut run, mut naive) = (Run::new(), NaiveRun::default());
        feed(text, part, (&mut run, &mut fast), (&mut naive, &mut slow));
    }
    let (a, b): (&[Phrase], &[Phrase]) = (fast.slots(), slow.slots());
    prop_assert_eq!(a, b);
    prop_assert_eq!((fast.evicted(), fast.lost(), fast.len()), (slow.evicted(), slow.lost(), slow.len()));
    Ok(())
}

/// Text of names, connectors, stopwords, numbers and every kind of gap:
/// spaces (ASCII and not), hyphens, line breaks, punctuation.
fn sentence() -> impl Strategy<Value = String> {
    const WORDS: &[&str] = &[
        "Bank",
        "bank",
        "of",
        "Of",
        "England",
        "de",
        "la",
        "Van",
        "van",
        "the",
        "and",
        "said",
        "Maduro",
        "oil",
        "price",
        "prices",
        "2024",
        "3.5",
        "long",
        "term",
        "Nicolás",
        "Bogotá",
        "New",
        "York",
        "CIA",
        "y",
        "al",
        "Venezuela's",
        "Rodríguez",
        "x",
    ];
    const GAPS: &[&str] = &[
        " ", " ", " ", "  ", ", ", "-", " - ", "\n", "\u{a0}", "\u{2009}", "\t", ". ", "\u{2014}", "'", "\r\n",
        "\u{3000}", " \u{a0}", "\u{2010}", "-\n", "\u{b}", " (", "",
    ];
    let piece = (0..WORDS.len(), 0..GAPS.len()).prop_map(|(w, g)| format!("{}{}", WORDS[w], GAPS[g]));
    prop_oneof![
        6 => proptest::collection::vec(piece, 0..40).prop_map(|p| p.concat()),
        1 => any::<String>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1500))]

    #[test]
    fn run_counts_what_the_plain_rule_counts(
        title in sentence(),
        sentences in proptest::collection::vec(sentence(), 0..8),
    ) {
        // A small table evicts (its tie-breaks are checked too), the
        // workspace's size mostly does not.
        check::<16>(&title, &sentences)?;
        check::<96>(&title, &sentences)?;
    }
}

/// The quick test before the list search never rules out a connector: it
/// lets every stopword through that the list calls one.
#[test]
fn quick_connector_test_passes_every_connector() {
    let mut passed = 0;
    for w in crate::stopwords::ENGLISH {
        if is_name_connector(w) {
            assert!(super::may_connect(w), "{:?}", core::str::from_utf8(w));
            passed += 1;
        }
    }
    assert!(passed >= 1 && !super::may_connect(b"said") && !super::may_connect(b"the"));
}
