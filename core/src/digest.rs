//! Multi-article digests: the best sentences of several reports of one
//! story, without saying the same thing twice, in fixed memory.
//!
//! Feed articles one at a time with [`DigestBuilder::feed`]; each is
//! summarized with the caller's [`Summarizer`] and its chosen sentences
//! compete for the builder's `K` slots ([`DigestBuilder::add`] takes a
//! summary already made). A sentence that nearly repeats a kept one from
//! any article (by the rule the summarizer uses within one article,
//! [`crate::near_duplicate`]) only replaces it if it scores better. Keywords of all articles
//! are merged by normalized text, their scores summed, so terms that every
//! outlet uses rank first.
//!
//! Memory is `K` sentences plus `W` keywords whatever the number of articles.
//! Kept sentences borrow the article text, so the builder lives no longer
//! than the texts it was fed: `'static` for a bundle in flash, the loaded
//! corpus on a host.

use heapless::Vec;

use crate::near_duplicate::{is_near_duplicate, term_set};
use crate::score::per_mille_of_best;
use crate::tokenize::{Word, Words};
use crate::wire::{Article, DigestKeyword, MultiDigest, MultiSentence};
use crate::{Flags, MAX_CHOSEN, MAX_KEYWORDS, Options, Result, Span, Summarizer, Summary};

/// A sentence kept by a [`DigestBuilder`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DigestEntry<'a> {
    /// Id of the article it came from.
    pub article: u32,
    /// Its text, borrowed from that article's body.
    pub text: &'a str,
    /// Where it is in that body.
    pub span: Span,
    /// Score relative to its article's best sentence (1000 = best).
    pub score: u32,
    /// Number of the sentence in its body (see [`crate::Chosen::index`]).
    pub index: u16,
    /// Term signature (see [`crate::Chosen::signature`]).
    pub signature: u64,
    /// The language its article was read in ([`Summary::language`]).
    pub language: crate::Language,
    /// Feed order of its article: earlier articles win ties.
    order: u32,
}

impl DigestEntry<'_> {
    /// True if `self` ranks before `other`: higher score, then earlier article, then earlier sentence.
    fn beats(&self, other: &DigestEntry<'_>) -> bool {
        (other.score, self.order, self.index) < (self.score, other.order, other.index)
    }

    /// True if the two nearly say the same ([`crate::near_duplicate`]).
    fn repeats(&self, other: &DigestEntry<'_>) -> bool {
        is_near_duplicate(
            self.signature,
            other.signature,
            || term_set(self.text, self.language),
            || term_set(other.text, other.language),
        )
    }
}

/// A corpus-level keyword.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct CorpusWord<'a> {
    text: &'a str,
    key: u64,
    score: u32,
}

/// 64-bit FNV-1a over the case-folded, stemmed words of a keyword of an
/// article in `language`, separated by a space: punctuation, case,
/// inflection and an elided article (`l'équipage`) do not change it, so
/// one keyword from two articles merges. Each word is stemmed as the
/// summarizer stems it in that language ([`crate::normalize::Folded::stem_in`]);
/// stopwords stay in (`Bank of England`).
fn keyword_key(text: &str, language: crate::Language) -> u64 {
    let mut h = crate::hash::OFFSET64;
    for Word { mut folded, .. } in Words::new(text) {
        let f = &mut folded;
        f.drop_elision(language);
        f.stem_in(language);
        for &b in f.as_bytes().iter().chain(b" ") {
            h = crate::hash::step64(h, b);
        }
    }
    h
}

/// Moves the last element of `v` up while it beats its predecessor.
fn bubble_up<T>(v: &mut [T], mut i: usize, beats: impl Fn(&T, &T) -> bool) {
    while i > 0 {
        let Some([a, b]) = v.get_mut(i.saturating_sub(1)..=i) else { return };
        if !beats(b, a) {
            return;
        }
        core::mem::swap(a, b);
        i = i.saturating_sub(1);
    }
}

/// Fixed-memory digest over many articles: the best `K` sentences and the
/// top corpus keywords from a table of `W`.
///
/// ```
/// use epitome::digest::DefaultDigestBuilder;
/// use epitome::{Budget, DefaultSummarizer, Options};
/// let a = "Rain flooded the river town on Monday night. \"We lost everything in an hour,\" said the mayor of the town. Repairs will take weeks.";
/// let b = "\u{201c}We lost everything in an hour,\u{201d} said the mayor of the town. The army sent boats to the flooded streets on Tuesday.";
/// let mut s = DefaultSummarizer::new();
/// let opts = Options { budget: Budget::Sentences(3), ..Options::default() };
/// let mut d = DefaultDigestBuilder::new();
/// d.feed(1, "Town flooded", a, &mut s, &opts)?;
/// d.feed(2, "Army helps flooded town", b, &mut s, &opts)?;
/// let quotes = d.sentences().filter(|e| e.text.contains("lost everything")).count();
/// assert_eq!(quotes, 1); // the quote both outlets ran is kept once
/// assert_eq!(d.articles(), 2);
/// # Ok::<(), epitome::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct DigestBuilder<'a, const K: usize = 8, const W: usize = 48> {
    /// Best first.
    kept: Vec<DigestEntry<'a>, K>,
    /// Best first.
    words: Vec<CorpusWord<'a>, W>,
    articles: u32,
    flags: Flags,
}

/// The default builder: 8 sentences, 48 corpus keywords tracked; 2,008
/// bytes on x86-64 (test `digest_memory_is_fixed` in `core/tests/wire.rs`
/// checks ≤ 2 KiB), whatever the number of articles fed.
pub type DefaultDigestBuilder<'a> = DigestBuilder<'a, 8, 48>;

impl<const K: usize, const W: usize> Default for DigestBuilder<'_, K, W> {
    fn default() -> Self {
        Self::new()
    }
}

impl<'a, const K: usize, const W: usize> DigestBuilder<'a, K, W> {
    /// An empty builder.
    pub const fn new() -> Self {
        DigestBuilder { kept: Vec::new(), words: Vec::new(), articles: 0, flags: Flags::empty() }
    }

    /// Summarizes one article with `summarizer` and `opts` (its budget is
    /// per article: ask for about `K` sentences so that every article can
    /// compete) and merges the result.
    ///
    /// Errors: those of [`Summarizer::summarize`]; the builder is unchanged then.
    pub fn feed<const S: usize, const T: usize, const P: usize, const C: usize>(
        &mut self,
        id: u32,
        title: &'a str,
        body: &'a str,
        summarizer: &mut Summarizer<S, T, P, C>,
        opts: &Options<'_>,
    ) -> Result<()> {
        // Borrowed from the result, not moved out of it: a `Summary` is over
        // a kilobyte, and each move is a copy on the stack of a small target.
        let result = summarizer.summarize(title, body, opts);
        match &result {
            Ok(s) => {
                self.add(id, s);
                Ok(())
            }
            Err(e) => Err(*e),
        }
    }

    /// Merges the summary of article `id`, already made (by the caller that
    /// also shows or sends it, so that no article is summarized twice).
    /// Give every article the same options, as [`DigestBuilder::feed`] does.
    pub fn add(&mut self, id: u32, summary: &Summary<'a>) {
        let order = self.articles;
        self.articles = self.articles.saturating_add(1);
        self.flags = Flags::from_bits(self.flags.bits() | summary.flags.bits());
        for c in &summary.sentences {
            self.offer(DigestEntry {
                article: id,
                text: c.text,
                span: c.span,
                score: c.score,
                index: c.index,
                signature: c.signature,
                language: summary.language(),
                order,
            });
        }
        for k in &summary.keywords {
            let key = keyword_key(k.text, summary.language());
            self.offer_word(CorpusWord { text: k.text, key, score: k.score });
        }
    }

    /// [`DigestBuilder::feed`] for a decoded [`Article`].
    ///
    /// Errors: those of [`Summarizer::summarize`].
    pub fn feed_article<const S: usize, const T: usize, const P: usize, const C: usize>(
        &mut self,
        article: &Article<'a>,
        summarizer: &mut Summarizer<S, T, P, C>,
        opts: &Options<'_>,
    ) -> Result<()> {
        self.feed(article.id, article.title, article.body, summarizer, opts)
    }

    fn offer(&mut self, cand: DigestEntry<'a>) {
        // A repeat of a sentence that ranks as well or better adds nothing.
        if self.kept.iter().any(|k| k.repeats(&cand) && !cand.beats(k)) {
            return;
        }
        // Otherwise the candidate replaces every sentence it repeats.
        self.kept.retain(|k| !k.repeats(&cand));
        if self.kept.is_full() {
            match self.kept.last() {
                Some(last) if cand.beats(last) => {
                    self.kept.pop();
                }
                _ => return,
            }
        }
        if self.kept.push(cand).is_ok() {
            let last = self.kept.len().saturating_sub(1);
            bubble_up(&mut self.kept, last, DigestEntry::beats);
        }
    }

    fn offer_word(&mut self, word: CorpusWord<'a>) {
        let beats = |a: &CorpusWord<'_>, b: &CorpusWord<'_>| (b.score, a.key) < (a.score, b.key);
        if let Some(i) = self.words.iter().position(|w| w.key == word.key) {
            if let Some(w) = self.words.get_mut(i) {
                w.score = w.score.saturating_add(word.score);
            }
            bubble_up(&mut self.words, i, beats);
            return;
        }
        if self.words.is_full() {
            // Keep the table's best: a newcomer evicts the weakest only if it scores more.
            self.flags = Flags::from_bits(self.flags.bits() | Flags::PHRASES_EVICTED.bits());
            match self.words.last() {
                Some(last) if beats(&word, last) => {
                    self.words.pop();
                }
                _ => return,
            }
        }
        if self.words.push(word).is_ok() {
            let last = self.words.len().saturating_sub(1);
            bubble_up(&mut self.words, last, beats);
        }
    }

    /// Number of articles fed.
    pub fn articles(&self) -> u32 {
        self.articles
    }

    /// Flags of all summaries ORed; [`Flags::PHRASES_EVICTED`] also when the
    /// corpus keyword table overflowed.
    pub fn flags(&self) -> Flags {
        self.flags
    }

    /// The kept sentences, best first (ties: earlier article, earlier sentence).
    pub fn sentences(&self) -> impl Iterator<Item = &DigestEntry<'a>> {
        self.kept.iter()
    }

    /// The top `n` corpus keywords, best first, with scores relative to the
    /// best (1000).
    pub fn keywords(&self, n: usize) -> impl Iterator<Item = DigestKeyword<'a>> + '_ {
        let best = self.words.first().map_or(1, |w| w.score);
        self.words.iter().take(n).map(move |w| DigestKeyword { text: w.text, score: per_mille_of_best(w.score, best) })
    }

    /// The digest as a wire message: up to [`MAX_CHOSEN`] sentences and
    /// `keywords` (at most [`MAX_KEYWORDS`]) keywords.
    pub fn to_message(&self, keywords: usize) -> MultiDigest<'a> {
        let mut d = MultiDigest { articles: self.articles, flags: self.flags.bits(), ..MultiDigest::default() };
        for e in self.kept.iter().take(MAX_CHOSEN) {
            let _ = d.sentences.push(MultiSentence {
                article: e.article,
                text: e.text,
                span: e.span,
                score: e.score,
                index: e.index,
            });
        }
        for k in self.keywords(keywords.min(MAX_KEYWORDS)) {
            let _ = d.keywords.push(k);
        }
        d
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Budget, DefaultSummarizer};

    #[test]
    fn keyword_key_ignores_quotes_case_and_inflection() {
        let en = crate::Language::English;
        assert_eq!(keyword_key("\u{201c}State Plants\u{201d}", en), keyword_key("state plant", en));
        assert_ne!(keyword_key("one two", en), keyword_key("two one", en));
        // English has no elision: `d'Artagnan` is one word.
        assert_ne!(keyword_key("d'Artagnan", en), keyword_key("Artagnan", en));
    }

    /// Each article's keywords are keyed in its own language: French
    /// plurals and feminines and an elided article merge, as the French
    /// stemmer merges them in one article; English rules do not apply.
    #[test]
    #[cfg(feature = "fr")]
    fn keyword_key_is_in_the_articles_language() {
        let (fr, en) = (crate::Language::French, crate::Language::English);
        assert_eq!(keyword_key("l'équipage", fr), keyword_key("Équipages", fr));
        assert_eq!(keyword_key("L’Élysée", fr), keyword_key("Élysée", fr));
        assert_eq!(keyword_key("banques espagnoles", fr), keyword_key("banque espagnole", fr));
        assert_ne!(keyword_key("l'équipage", en), keyword_key("équipage", en));
        assert_ne!(keyword_key("banques espagnoles", fr), keyword_key("espagnoles banques", fr));
    }

    #[test]
    fn keeps_at_most_k_best_first() {
        let body = "Alpha beta gamma delta epsilon zeta. Eta theta iota kappa lambda mu. Nu xi omicron pi rho sigma. \
                    Tau upsilon phi chi psi omega. One two three four five six seven.";
        let mut s = DefaultSummarizer::new();
        let opts = Options { budget: Budget::Sentences(5), ..Options::default() };
        let mut d: DigestBuilder<'_, 3, 4> = DigestBuilder::new();
        for id in 0..10 {
            d.feed(id, "Greek letters", body, &mut s, &opts).unwrap();
        }
        assert_eq!(d.articles(), 10);
        let kept: Vec<_, 3> = d.sentences().copied().collect();
        assert!(kept.len() <= 3);
        // Identical articles: every sentence repeats, the first article's copy wins.
        assert!(kept.iter().all(|e| e.article == 0));
        assert!(kept.windows(2).all(|w| w[0].score >= w[1].score));
        assert!(d.keywords(10).count() <= 4);
    }

    #[test]
    fn adding_a_summary_is_feeding_its_article() {
        let a = "Rain flooded the river town on Monday night. The mayor said repairs would take weeks of work.";
        let b = "The army sent boats to the flooded streets on Tuesday. Repairs to the river town will take weeks.";
        let mut s = DefaultSummarizer::new();
        let opts = Options::default();
        let mut fed: DefaultDigestBuilder<'_> = DigestBuilder::new();
        let mut added: DefaultDigestBuilder<'_> = DigestBuilder::new();
        for (id, body) in [(1, a), (2, b)] {
            fed.feed(id, "Flood", body, &mut s, &opts).unwrap();
            let summary = s.summarize("Flood", body, &opts).unwrap();
            added.add(id, &summary);
        }
        assert_eq!(fed.to_message(10), added.to_message(10));
        assert_eq!(fed.flags(), added.flags());
    }

    #[test]
    fn sentences_sharing_signature_bits_by_chance_are_both_kept() {
        // Two different sentences that the signatures alone would call
        // repeats (same terms' bits by construction: one is the other's
        // terms plus more) are kept apart by the term check.
        let short = "The council approved the harbour bridge plan on Monday.";
        let long = "The council approved the harbour bridge plan on Monday after a long debate about tolls, \
                    traffic, ferries, parking, cyclists and the cost to local taxpayers.";
        let one = DigestEntry {
            article: 1,
            text: short,
            span: Span { start: 0, end: 0 },
            score: 900,
            index: 0,
            signature: crate::near_duplicate::signature(short, crate::Language::English),
            language: crate::Language::English,
            order: 0,
        };
        let two = DigestEntry {
            article: 2,
            text: long,
            signature: crate::near_duplicate::signature(long, crate::Language::English),
            order: 1,
            ..one
        };
        assert!(crate::near_duplicate::signatures_nominate(one.signature, two.signature));
        assert!(!one.repeats(&two));
        assert!(one.repeats(&DigestEntry { article: 3, order: 2, ..one }));
    }
}
