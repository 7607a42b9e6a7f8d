//! Keyphrase candidates, built during the counting pass: runs of up to
//! three consecutive content words, counted in the phrase table.

use heapless::Vec;

use super::Summarizer;
use crate::normalize::Folded;
use crate::stopwords::is_name_connector;
use crate::terms::SURFACE_IN_TITLE;

/// A short run of consecutive content words, for keyphrase candidates.
#[derive(Clone, Copy)]
pub(super) struct RunWord {
    hash: u32,
    start: u32,
    end: u32,
    capitalized: bool,
    connector: bool,
}

impl<const S: usize, const T: usize, const P: usize, const W: usize> Summarizer<S, T, P, W> {
    pub(super) fn phrase_break(&mut self, run: &mut Vec<RunWord, 3>, tok: crate::tokenize::Token, f: &Folded) {
        // Name connectors (`de`, `of`) may sit inside a capitalized name.
        let keep = run.last().is_some_and(|w| w.capitalized && !w.connector) && is_name_connector(f.as_bytes());
        if keep {
            push_run(
                run,
                RunWord {
                    hash: f.hash(),
                    start: tok.span.start,
                    end: tok.span.end,
                    capitalized: false,
                    connector: true,
                },
            );
        } else {
            run.clear();
        }
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn phrase_push(
        &mut self,
        run: &mut Vec<RunWord, 3>,
        text: &str,
        tok: crate::tokenize::Token,
        hash: u32,
        number: bool,
        in_title: bool,
        sent: u16,
    ) {
        if number {
            run.clear();
            return;
        }
        // Only white space (or one joining hyphen) may separate phrase words.
        if let Some(prev) = run.last() {
            let gap = text.get(prev.end as usize..tok.span.start as usize).unwrap_or(",");
            if !(tok.joined || gap.chars().all(crate::unicode::is_space)) || gap.bytes().any(|b| b == b'\n') {
                run.clear();
            }
        }
        if run.last().is_some_and(|w| w.connector) && !tok.capitalized {
            run.clear();
        }
        push_run(
            run,
            RunWord { hash, start: tok.span.start, end: tok.span.end, capitalized: tok.capitalized, connector: false },
        );
        // Record the phrases ending here: the last 2 and the last 3 words.
        let len = run.len();
        for k in 2..=len {
            let Some(words) = run.get(len - k..) else {
                continue;
            };
            if words.first().is_none_or(|w| w.connector) {
                continue;
            }
            let mut h: u32 = 0x2545_f491;
            for w in words {
                h = (h ^ w.hash).wrapping_mul(0x0100_0193).rotate_left(5);
            }
            let (Some(a), Some(b)) = (words.first(), words.last()) else {
                continue;
            };
            let start = a.start;
            let end = b.end;
            let caps = words.iter().all(|w| w.capitalized || w.connector);
            let surface = if in_title { start | SURFACE_IN_TITLE } else { start };
            if let Some(t) = self.phrases.bump(h, |t| {
                t.surface = surface;
                t.surface_len = u8::try_from(end.saturating_sub(start)).unwrap_or(u8::MAX);
            }) {
                if in_title {
                    t.in_title = t.in_title.saturating_add(1);
                } else if t.last_sentence != sent {
                    t.last_sentence = sent;
                    t.sentences = t.sentences.saturating_add(1);
                }
                if caps {
                    t.capitalized = t.capitalized.saturating_add(1);
                }
                t.first_sentence = u8::try_from(k).unwrap_or(3); // word count
            }
        }
    }
}

fn push_run(run: &mut Vec<RunWord, 3>, w: RunWord) {
    if run.is_full() && !run.is_empty() {
        run.remove(0);
    }
    let _ = run.push(w);
}
