//! Stage 4, keyphrases: single terms and 2–3-word phrases ranked together.

use heapless::Vec;

use super::{Flags, Keyword, MAX_KEYWORDS, Options, Summarizer, term_keys};
use crate::score::{per_mille_of_best, phrase_score};
use crate::terms::SURFACE_IN_TITLE;

impl<const S: usize, const T: usize, const P: usize, const W: usize> Summarizer<S, T, P, W> {
    /// Keyphrases: single terms and 2–3-word phrases ranked together; a
    /// candidate whose words are all inside a better one is dropped.
    pub(super) fn keywords<'a>(
        &self,
        title: &'a str,
        body: &'a str,
        opts: &Options<'_>,
        flags: &mut Flags,
        out: &mut Vec<Keyword<'a>, MAX_KEYWORDS>,
    ) {
        let want = usize::from(opts.keywords);
        if want > MAX_KEYWORDS {
            flags.insert(Flags::KEYWORDS_CLAMPED);
        }
        let want = want.min(MAX_KEYWORDS);
        // Candidates: (score, surface, len, words); keep the best few.
        let mut cands: Vec<(u32, u32, u8, u8), { MAX_KEYWORDS * 3 }> = Vec::new();
        for t in self.terms.slots() {
            if t.hash == 0 || t.count < 2 && t.in_title == 0 {
                continue;
            }
            if is_number(surface(title, body, t.surface, t.surface_len)) {
                continue;
            }
            offer(&mut cands, (u32::from(t.weight), t.surface, t.surface_len, 1));
        }
        for p in self.phrases.slots() {
            let freq = p.sentences.saturating_add(u16::from(p.in_title));
            if p.hash == 0 || freq < 2 {
                continue;
            }
            let text = surface(title, body, p.surface, p.surface_len);
            let mut sum = 0u32;
            let mut n = 0u32;
            for k in term_keys(text) {
                sum = sum.saturating_add(self.terms.get(k).map_or(0, |t| u32::from(t.weight)));
                n = n.saturating_add(1);
            }
            // A name: capitalized in at least half of its sentences.
            let name = u32::from(p.capitalized) * 2 >= u32::from(freq);
            let score = phrase_score(sum, n, name);
            offer(&mut cands, (score, p.surface, p.surface_len, p.first_sentence.clamp(2, 3)));
        }
        // Term keys of the keyphrases kept so far, to drop any candidate
        // that shares a word with a better one.
        let mut kept: Vec<u32, { MAX_KEYWORDS * 3 }> = Vec::new();
        let best = cands.first().map_or(1, |c| c.0.max(1));
        for &(score, surf, len, words) in cands.iter() {
            if out.len() >= want {
                break;
            }
            let text = surface(title, body, surf, len);
            let keys = content_keys(text);
            if text.is_empty() || keys.iter().any(|k| kept.contains(k)) {
                continue;
            }
            for k in keys {
                let _ = kept.push(k);
            }
            let _ = out.push(Keyword { text, score: per_mille_of_best(score, best), words });
        }
    }
}

/// Inserts a candidate in score order (ties: earlier text first), keeping
/// only the best `N`.
fn offer<const N: usize>(cands: &mut Vec<(u32, u32, u8, u8), N>, c: (u32, u32, u8, u8)) {
    let key = |x: &(u32, u32, u8, u8)| (core::cmp::Reverse(x.0), x.1, x.2);
    let pos = cands.iter().position(|x| key(&c) < key(x)).unwrap_or(cands.len());
    if pos >= N {
        return;
    }
    if cands.is_full() {
        cands.pop();
    }
    let _ = cands.insert(pos, c);
}

fn surface<'a>(title: &'a str, body: &'a str, surf: u32, len: u8) -> &'a str {
    let (text, start) = if surf & SURFACE_IN_TITLE != 0 { (title, surf & !SURFACE_IN_TITLE) } else { (body, surf) };
    let s = text.get(start as usize..(start as usize).saturating_add(usize::from(len))).unwrap_or("");
    // Show `Venezuela`, not the possessive `Venezuela’s` it was first seen as.
    s.strip_suffix("'s").or_else(|| s.strip_suffix("\u{2019}s")).unwrap_or(s)
}

fn is_number(s: &str) -> bool {
    s.chars().next().is_some_and(crate::unicode::is_digit)
}

/// Term keys of the content words of a keyphrase (at most three).
fn content_keys(text: &str) -> Vec<u32, 3> {
    let mut keys = Vec::new();
    for k in term_keys(text) {
        if keys.push(k).is_err() {
            break;
        }
    }
    keys
}
