//! The summarizer: one caller-owned workspace that runs the whole pipeline.

use heapless::Vec;

use crate::idf::Idf;
use crate::normalize::Folded;
use crate::score::{Weights, centrality_weight, density, keyword_weight, lead_strength, normalise, position_prior};
use crate::segment::{Segmenter, UnitKind};
use crate::stopwords::is_name_connector;
use crate::terms::{SURFACE_IN_TITLE, TermTable};
use crate::tokenize::{TokenKind, Tokens};
use crate::{Error, Result, Span};

/// Most sentences one [`Summary`] can hold.
pub const MAX_CHOSEN: usize = 32;
/// Most keyphrases one [`Summary`] can hold.
pub const MAX_KEYWORDS: usize = 16;

/// How much summary to produce.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum Budget {
    /// At most this many sentences (clamped to [`MAX_CHOSEN`], flagged).
    Sentences(u16),
    /// At most this many characters in total, counting one separator
    /// between sentences (for small screens). Sentences that do not fit are
    /// skipped in favour of shorter ones that do.
    Chars(u32),
}

/// Options for [`Summarizer::summarize`]. Build with `..Options::default()`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options<'i> {
    /// Summary length.
    pub budget: Budget,
    /// Number of keyphrases wanted (clamped to [`MAX_KEYWORDS`], flagged).
    pub keywords: u8,
    /// Background IDF table; `None` weighs every content word alike.
    pub idf: Option<Idf<'i>>,
    /// Redundancy penalty (x/256): how much a candidate's overlap with the
    /// already chosen sentences lowers its score (maximal marginal relevance).
    /// Default 0: near-duplicates are always skipped, and on news any further
    /// penalty lowered agreement with reference summaries (EVALUATION.md);
    /// raise it when a handful of sentences must cover more ground.
    pub redundancy: u16,
    /// Scoring knobs.
    pub weights: Weights,
}

impl Default for Options<'_> {
    fn default() -> Self {
        Options { budget: Budget::Sentences(3), keywords: 10, idf: None, redundancy: 0, weights: Weights::DEFAULT }
    }
}

/// Flags reporting what the summarizer had to cut or clamp.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Flags(u8);

impl Flags {
    /// The body had more sentences than the workspace holds; the later
    /// ones were counted for keywords but could not be chosen.
    pub const SENTENCES_TRUNCATED: Flags = Flags(1);
    /// The term table overflowed and a term seen more than once was evicted
    /// (terms seen once are evicted silently: they carry no signal). Frequent
    /// terms stay, with counts that may be over-estimated by a little.
    pub const TERMS_EVICTED: Flags = Flags(2);
    /// The phrase table overflowed and a keyphrase candidate seen more than
    /// once was evicted.
    pub const PHRASES_EVICTED: Flags = Flags(4);
    /// The sentence budget was larger than [`MAX_CHOSEN`] and was clamped.
    pub const BUDGET_CLAMPED: Flags = Flags(8);
    /// More keywords were asked for than [`MAX_KEYWORDS`]; clamped.
    pub const KEYWORDS_CLAMPED: Flags = Flags(16);

    /// No flags.
    pub const fn empty() -> Self {
        Flags(0)
    }
    /// The raw bits.
    pub const fn bits(self) -> u8 {
        self.0
    }
    /// Flags from raw bits (unknown bits are kept).
    pub const fn from_bits(bits: u8) -> Self {
        Flags(bits)
    }
    /// True if every flag in `other` is set.
    pub const fn contains(self, other: Flags) -> bool {
        self.0 & other.0 == other.0
    }
    /// True if no flag is set.
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }
    fn insert(&mut self, other: Flags) {
        self.0 |= other.0;
    }
}

/// Counts describing the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Stats {
    /// Units found by the segmenter (sentences, headings, junk lines).
    pub sentences: u32,
    /// Word and number tokens in title and body.
    pub words: u32,
    /// Distinct terms held in the term table at the end.
    pub terms: u32,
}

/// A sentence chosen for the summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Chosen<'a> {
    /// Where it is in the body.
    pub span: Span,
    /// Its text, borrowed from the body.
    pub text: &'a str,
    /// Score relative to the article's best sentence (1000 = best).
    pub score: u32,
    /// Index of the unit in the body (0 = first).
    pub index: u16,
    /// 64-bit signature of its terms: `(a & b).count_ones()` estimates overlap.
    pub signature: u64,
}

/// A keyword or keyphrase (one to three words).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Keyword<'a> {
    /// Surface form as first written, borrowed from the title or body.
    pub text: &'a str,
    /// Score relative to the best keyword (1000 = best).
    pub score: u32,
    /// Number of words.
    pub words: u8,
}

/// The result of [`Summarizer::summarize`]; borrows only the article text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary<'a> {
    /// Chosen sentences, in original text order.
    pub sentences: Vec<Chosen<'a>, MAX_CHOSEN>,
    /// Keyphrases, best first.
    pub keywords: Vec<Keyword<'a>, MAX_KEYWORDS>,
    /// What had to be cut or clamped.
    pub flags: Flags,
    /// Input counts.
    pub stats: Stats,
}

/// Per-sentence record kept in the workspace (24 bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Record {
    start: u32,
    end: u32,
    signature: u64,
    score: u32,
    chars: u16,
    content_words: u8,
    /// Bit 0: choosable; bit 1: chosen; bit 2: its content words' term
    /// slots are in the slot pool; bit 3: and each still holds its term;
    /// bit 4: part of a quotation it does not close (`Unit::open_quote`).
    state: u8,
}

impl Record {
    const EMPTY: Record = Record { start: 0, end: 0, signature: 0, score: 0, chars: 0, content_words: 0, state: 0 };
    const CHOOSABLE: u8 = 1;
    const CHOSEN: u8 = 2;
    const POOLED: u8 = 4;
    const POOL_VALID: u8 = 8;
    const OPEN_QUOTE: u8 = 16;
}

/// Sentences shorter than this (in words) are never chosen: fragments.
const MIN_WORDS: u32 = 5;
/// Sentences longer than this (in words) are never chosen: run-ons, lists.
const MAX_WORDS: u32 = 80;
/// A candidate sharing this fraction (x/256) of its signature with one
/// chosen sentence is a near-duplicate and is skipped.
const DUPLICATE_OVERLAP: u32 = 205; // 80 %

/// Score factor (x/256) of a sentence that would show a quotation
/// half-open (`Unit::open_quote`): taken only when far better than the rest.
const OPEN_QUOTE_WEIGHT: u32 = 224;

/// Caller-owned, fixed-size workspace for summarizing one article at a time.
///
/// - `S`: most sentences that can be candidates (later ones are counted for
///   keywords only, [`Flags::SENTENCES_TRUNCATED`]).
/// - `T`: distinct terms tracked (a heavy-hitter table, [`Flags::TERMS_EVICTED`]).
/// - `P`: distinct 2–3-word keyphrase candidates tracked ([`Flags::PHRASES_EVICTED`]).
/// - `W`: content words whose term slots are kept from the counting pass so
///   that scoring need not read the sentences again. Only speed depends on
///   it: sentences past it are scored by re-reading them, with the same
///   result.
///
/// Reuse it across articles: each call resets only what it uses.
///
/// ```
/// use epitome::{DefaultSummarizer, Options, Budget};
/// let body = "The city council approved a new bridge over the river on Monday. \
///             The bridge will cost $40m and open in 2028. \
///             Council members said the river crossing would cut traffic. \
///             Local cafes reported a busy week.";
/// let mut s = DefaultSummarizer::new();
/// let opts = Options { budget: Budget::Sentences(2), ..Options::default() };
/// let summary = s.summarize("Council approves river bridge", body, &opts).unwrap();
/// assert_eq!(summary.sentences.len(), 2);
/// assert_eq!(summary.sentences[0].text, "The city council approved a new bridge over the river on Monday.");
/// assert!(summary.keywords.iter().any(|k| k.text == "bridge"));
/// ```
#[derive(Debug, Clone)]
pub struct Summarizer<const S: usize = 160, const T: usize = 480, const P: usize = 96, const W: usize = 496> {
    records: [Record; S],
    terms: TermTable<T>,
    phrases: TermTable<P>,
    /// Term slot of every content word of the choosable sentences, in text
    /// order, for the sentences marked [`Record::POOLED`].
    pool: [u16; W],
}

/// The default workspace: 160 sentences, 480 terms, 96 phrases and a slot
/// pool of 496 content words: 16,376 bytes on a 32-bit target, under 16 KiB
/// (`size_of` is checked by a test); enough for news articles of 16 KiB of
/// text. The pool covers the sentences of about the first 4 KiB; later ones
/// are scored by reading them again.
pub type DefaultSummarizer = Summarizer<160, 480, 96, 496>;

impl<const S: usize, const T: usize, const P: usize, const W: usize> Default for Summarizer<S, T, P, W> {
    fn default() -> Self {
        Self::new()
    }
}

/// A short run of consecutive content words, for keyphrase candidates.
#[derive(Clone, Copy)]
struct RunWord {
    hash: u32,
    start: u32,
    end: u32,
    capitalized: bool,
    connector: bool,
}

impl<const S: usize, const T: usize, const P: usize, const W: usize> Summarizer<S, T, P, W> {
    const CHECK: () = assert!(
        S >= 1 && S <= u16::MAX as usize && W <= u16::MAX as usize,
        "sentence capacity must be in 1..=65535, pool capacity at most 65535"
    );

    /// A fresh workspace; `const` so it can live in a `static`.
    pub const fn new() -> Self {
        #[allow(clippy::let_unit_value)]
        let () = Self::CHECK;
        Summarizer { records: [Record::EMPTY; S], terms: TermTable::new(), phrases: TermTable::new(), pool: [0; W] }
    }

    /// Summarizes one article: keywords and the best sentences under the
    /// budget, in text order. Never panics; deterministic on every target.
    ///
    /// Errors: [`Error::InputTooLong`] if `body` is 4 GiB - 1 bytes or more,
    /// or `title` 2 GiB or more (spans are `u32`; a title offset carries a flag bit).
    #[inline(never)]
    pub fn summarize<'a>(&mut self, title: &'a str, body: &'a str, opts: &Options<'_>) -> Result<Summary<'a>> {
        if body.len() >= u32::MAX as usize || title.len() >= (SURFACE_IN_TITLE as usize) {
            return Err(Error::InputTooLong);
        }
        self.terms.clear();
        self.phrases.clear();
        let mut flags = Flags::empty();
        let mut stats = Stats::default();

        // Keywords only (`epitome keywords`, a screen with no room for text):
        // sentences are not scored, so the slot pool is not filled either.
        let scoring = !matches!(opts.budget, Budget::Sentences(0) | Budget::Chars(0));
        self.count_title(title, &mut stats);
        let n = self.count_body(body, scoring, &mut stats, &mut flags);
        if self.terms.lost() > 0 {
            flags.insert(Flags::TERMS_EVICTED);
        }
        if self.phrases.lost() > 0 {
            flags.insert(Flags::PHRASES_EVICTED);
        }
        stats.terms = u32::try_from(self.terms.len()).unwrap_or(u32::MAX);

        // Sentence scoring reads the slot stamps that `keyword_weight` then
        // overwrites, so it goes first.
        if scoring {
            self.score_sentences(body, n, opts);
        }
        for t in self.terms.slots_mut() {
            if t.hash != 0 {
                t.weight = keyword_weight(t, opts.idf.as_ref(), &opts.weights);
            }
        }
        // Filled in place: a `Summary` is over a kilobyte, and building its
        // parts apart and then moving them costs that much more stack.
        let mut out = Summary { sentences: Vec::new(), keywords: Vec::new(), flags, stats };
        self.select(body, n, opts, &mut out.flags, &mut out.sentences);
        self.keywords(title, body, opts, &mut out.flags, &mut out.keywords);
        Ok(out)
    }

    fn count_title(&mut self, title: &str, stats: &mut Stats) {
        let mut run: Vec<RunWord, 3> = Vec::new();
        for tok in Tokens::new(title) {
            stats.words = stats.words.saturating_add(1);
            let word = tok.span.slice(title).unwrap_or("");
            let mut f = Folded::new(word);
            if f.is_stopword() {
                self.phrase_break(&mut run, tok, &f);
                continue;
            }
            f.stem();
            let hash = f.hash();
            let surface = tok.span.start | SURFACE_IN_TITLE;
            if let Some(t) = self.terms.bump(hash, |t| {
                t.surface = surface;
                t.surface_len = u8::try_from(tok.span.len()).unwrap_or(u8::MAX);
            }) {
                // Title case says nothing about names: capitals are not counted here.
                t.in_title = t.in_title.saturating_add(1);
            }
            self.phrase_push(&mut run, title, tok, hash, false, true, u16::MAX);
        }
    }

    /// Pass 1: segment the body, count terms and phrases, record candidate
    /// sentences. Returns the number of records.
    fn count_body(&mut self, body: &str, pooling: bool, stats: &mut Stats, flags: &mut Flags) -> usize {
        let mut n = 0usize;
        // Next free entry of the slot pool; a sentence's entries are kept
        // only if it turns out choosable and all of them fit.
        let mut pooled = 0usize;
        for (index, unit) in Segmenter::new(body).enumerate() {
            stats.sentences = stats.sentences.saturating_add(1);
            if unit.kind == UnitKind::Boilerplate {
                continue;
            }
            let sent = u16::try_from(index).unwrap_or(u16::MAX);
            let text = unit.span.slice(body).unwrap_or("");
            let base = unit.span.start;
            let mut signature = 0u64;
            let (mut words, mut content, mut stops) = (0u32, 0u32, 0u32);
            let mut run: Vec<RunWord, 3> = Vec::new();
            let mut first = true;
            let mut fits = pooling;
            // Slots this sentence's words took over (see `t.weight` below).
            let mut took: Vec<u16, 8> = Vec::new();
            for tok in Tokens::new(text) {
                words = words.saturating_add(1);
                let abs =
                    crate::Span { start: tok.span.start.saturating_add(base), end: tok.span.end.saturating_add(base) };
                let tok = crate::tokenize::Token { span: abs, ..tok };
                let word = abs.slice(body).unwrap_or("");
                let mut f = Folded::new(word);
                if f.is_stopword() {
                    stops = stops.saturating_add(1);
                    self.phrase_break(&mut run, tok, &f);
                    first = false;
                    continue;
                }
                f.stem();
                let hash = f.hash();
                signature |= 1u64 << (hash >> 26);
                let mid = !first;
                let cap = tok.capitalized && mid && tok.kind == TokenKind::Word;
                first = false;
                let bumped = self.terms.bump_slot(hash, |t| {
                    t.surface = abs.start;
                    t.surface_len = u8::try_from(abs.len()).unwrap_or(u8::MAX);
                });
                // This word's place in the pool (kept if the sentence is).
                let at = pooled.saturating_add(content as usize);
                // Slot indices fit in u16: `T` is at most 65,535.
                let entry = bumped.as_ref().and_then(|b| u16::try_from(b.slot).ok());
                if fits {
                    match (entry, self.pool.get_mut(at)) {
                        (Some(e), Some(p)) => *p = e,
                        _ => fits = false,
                    }
                }
                content = content.saturating_add(1);
                if let Some(b) = bumped {
                    let t = b.term;
                    if b.replaced && pooling {
                        // Until scoring, `weight` stamps when the slot last
                        // changed hands: an entry written at pool place `q`
                        // still names its term iff the stamp is at most `q`
                        // (later words, kept or not, get later places).
                        t.weight = u16::try_from(at).unwrap_or(u16::MAX);
                        if let Some(e) = entry {
                            let _ = took.push(e);
                        }
                    }
                    if t.last_sentence != sent {
                        t.last_sentence = sent;
                        t.sentences = t.sentences.saturating_add(1);
                    }
                    if t.first_sentence == u8::MAX {
                        t.first_sentence = u8::try_from(index).unwrap_or(u8::MAX - 1);
                    }
                    if cap {
                        t.capitalized = t.capitalized.saturating_add(1);
                    }
                    // The form written mid-sentence in the body shows the true
                    // case: prefer it to a Title Case headline word, and a
                    // capitalized one (`Maduro`) to a lower-case one.
                    let from_title = t.surface & SURFACE_IN_TITLE != 0;
                    if mid && (from_title || cap && !starts_upper(body, t.surface)) {
                        t.surface = abs.start;
                        t.surface_len = u8::try_from(abs.len()).unwrap_or(u8::MAX);
                    }
                }
                self.phrase_push(&mut run, body, tok, hash, tok.kind == TokenKind::Number, false, sent);
            }
            stats.words = stats.words.saturating_add(words);
            // Prose with almost no English function words is another
            // language (a caption) or a list of names: never chosen.
            let english = words < 6 || stops.saturating_mul(12) >= words;
            let choosable = unit.kind.is_choosable() && english && (MIN_WORDS..=MAX_WORDS).contains(&words);
            // Choosable sentences have at most MAX_WORDS content words, so
            // `content_words` counts their pool entries exactly.
            let pool = choosable && fits && n < S;
            if pool {
                pooled = pooled.saturating_add(content as usize);
            } else {
                // Not kept: its places will be reused by the next sentence,
                // so its take-overs are stamped as coming before all of
                // them. (Past 8 take-overs the later stamps stay as they are:
                // that only sends more sentences down the slow path.)
                let stamp = u16::try_from(pooled).unwrap_or(u16::MAX);
                for &i in &took {
                    if let Some(t) = self.terms.slots_mut().get_mut(usize::from(i)) {
                        t.weight = stamp;
                    }
                }
            }
            let Some(r) = self.records.get_mut(n) else {
                flags.insert(Flags::SENTENCES_TRUNCATED);
                continue;
            };
            let open_quote = if unit.open_quote { Record::OPEN_QUOTE } else { 0 };
            *r = Record {
                start: unit.span.start,
                end: unit.span.end,
                signature,
                score: 0,
                chars: 0,
                content_words: u8::try_from(content).unwrap_or(u8::MAX),
                state: open_quote
                    | if pool {
                        Record::CHOOSABLE | Record::POOLED | Record::POOL_VALID
                    } else if choosable {
                        Record::CHOOSABLE
                    } else {
                        0
                    },
            };
            n = n.saturating_add(1);
        }
        n
    }

    fn phrase_break(&mut self, run: &mut Vec<RunWord, 3>, tok: crate::tokenize::Token, f: &Folded) {
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
    fn phrase_push(
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

    /// Pass 2: score each candidate sentence: the summed centrality of its
    /// content words (a word repeated in the sentence counts each time, as
    /// word overlap does in TextRank), normalised by length, times a small
    /// position prior.
    fn score_sentences(&mut self, body: &str, n: usize, opts: &Options<'_>) {
        let w = &opts.weights;
        let (share, kept) = self.budget_share(body, n, opts.budget);
        let strength = lead_strength(share, w);
        // A budget that keeps little of the article: the lead, and a later
        // sentence only where it is clearly denser (see `density`).
        let lead = share < w.lead_pivot;
        let mut best = 1u32;
        let mut pooled = 0usize;
        // Rank among choosable sentences: a dateline or a share button
        // before the first sentence does not push it down.
        let mut rank = 0u32;
        for r in self.records.iter_mut().take(n) {
            if r.state & Record::CHOOSABLE == 0 {
                continue;
            }
            let mut sum = None;
            if r.state & Record::POOLED != 0 {
                let end = pooled.saturating_add(usize::from(r.content_words));
                sum = pooled_centrality(&self.terms, self.pool.get(pooled..end).unwrap_or(&[]), pooled);
                if sum.is_none() {
                    r.state &= !Record::POOL_VALID;
                }
                pooled = end;
            }
            // Not pooled, or a slot was since given to another term: read
            // the sentence again and look its terms up by hash.
            let sum = sum.unwrap_or_else(|| sentence_centrality(&self.terms, body, r));
            let s = if lead {
                density(sum, u32::from(r.content_words), w)
            } else {
                normalise(sum, u32::from(r.content_words), w)
            };
            let prior = position_prior(rank, strength, kept);
            rank = rank.saturating_add(1);
            r.score = u32::try_from(u64::from(s) * u64::from(prior) / 256).unwrap_or(u32::MAX).max(1);
            if r.state & Record::OPEN_QUOTE != 0 {
                r.score =
                    u32::try_from(u64::from(r.score) * u64::from(OPEN_QUOTE_WEIGHT) / 256).unwrap_or(u32::MAX).max(1);
            }
            best = best.max(r.score);
        }
        // Rescale to 1..=1000 so scores compare across articles.
        for r in self.records.iter_mut().take(n) {
            if r.state & Record::CHOOSABLE != 0 {
                r.score = u32::try_from(u64::from(r.score) * 1000 / u64::from(best)).unwrap_or(1000).max(1);
            }
        }
    }

    /// Share (x/256) of the article's choosable sentences, or of their
    /// characters for a character budget, that the budget can keep, and
    /// about how many sentences that is (at least 1). Fills each choosable
    /// record's `chars` for a character budget.
    fn budget_share(&mut self, body: &str, n: usize, budget: Budget) -> (u32, u32) {
        let mut total = 0u64;
        let mut count = 0u64;
        for r in self.records.iter_mut().take(n).filter(|r| r.state & Record::CHOOSABLE != 0) {
            count = count.saturating_add(1);
            total = total.saturating_add(match budget {
                Budget::Sentences(_) => 1,
                Budget::Chars(_) => {
                    let t = body.get(r.start as usize..r.end as usize).unwrap_or("");
                    r.chars = u16::try_from(t.chars().count()).unwrap_or(u16::MAX);
                    u64::from(r.chars).saturating_add(1)
                }
            });
        }
        let keep = match budget {
            Budget::Sentences(k) => u64::from(k),
            Budget::Chars(m) => u64::from(m).saturating_add(1),
        };
        let share = u32::try_from((keep.saturating_mul(256) / total.max(1)).min(256)).unwrap_or(256);
        // Sentences the budget keeps: all it asks for, or as many of the
        // article's mean length as its characters hold.
        let kept = match budget {
            Budget::Sentences(k) => u64::from(k).min(count),
            Budget::Chars(_) => keep.saturating_mul(count) / total.max(1),
        };
        (share, u32::try_from(kept).unwrap_or(u32::MAX).max(1))
    }

    /// Pass 3: greedy selection with a redundancy penalty under the budget.
    fn select<'a>(
        &mut self,
        body: &'a str,
        n: usize,
        opts: &Options<'_>,
        flags: &mut Flags,
        out: &mut Vec<Chosen<'a>, MAX_CHOSEN>,
    ) {
        let (max_n, mut chars_left) = match opts.budget {
            Budget::Sentences(k) => {
                if usize::from(k) > MAX_CHOSEN {
                    flags.insert(Flags::BUDGET_CLAMPED);
                }
                (usize::from(k).min(MAX_CHOSEN), u32::MAX)
            }
            Budget::Chars(m) => (MAX_CHOSEN, m),
        };
        // A zero budget chose nothing to score (and `chars` was not filled).
        if max_n == 0 || chars_left == 0 {
            return;
        }
        let mut union = 0u64;
        let mut picked = 0usize;
        while picked < max_n {
            let mut best: Option<(usize, u32)> = None;
            let sep = u32::from(picked > 0);
            for (i, r) in self.records.iter().take(n).enumerate() {
                if r.state & (Record::CHOOSABLE | Record::CHOSEN) != Record::CHOOSABLE {
                    continue;
                }
                if matches!(opts.budget, Budget::Chars(_)) && u32::from(r.chars).saturating_add(sep) > chars_left {
                    continue;
                }
                if self.is_duplicate(body, i, n) {
                    continue;
                }
                let bits = r.signature.count_ones().max(1);
                let overlap = (r.signature & union).count_ones() * 256 / bits;
                let penalty = overlap * u32::from(opts.redundancy) / 256;
                let adj = u64::from(r.score) * u64::from(256u32.saturating_sub(penalty)) / 256;
                let adj = u32::try_from(adj).unwrap_or(u32::MAX);
                if best.is_none_or(|(_, b)| adj > b) {
                    best = Some((i, adj));
                }
            }
            let Some((i, _)) = best else { break };
            let Some(r) = self.records.get_mut(i) else {
                break;
            };
            r.state |= Record::CHOSEN;
            union |= r.signature;
            chars_left = chars_left.saturating_sub(u32::from(r.chars).saturating_add(sep));
            picked += 1;
        }
        for (i, r) in self.records.iter().take(n).enumerate() {
            if r.state & Record::CHOSEN != 0 {
                let span = Span { start: r.start, end: r.end };
                let _ = out.push(Chosen {
                    span,
                    text: span.slice(body).unwrap_or(""),
                    score: r.score,
                    index: u16::try_from(i).unwrap_or(u16::MAX),
                    signature: r.signature,
                });
            }
        }
    }

    /// True if sentence `i` nearly repeats a chosen one (a quote run twice, a
    /// repeated paragraph). The 64-bit signatures only nominate pairs: two
    /// sentences of one story share many signature bits by chance (skipping
    /// such false repeats cost 0.005 ROUGE-2 on BBC, EVALUATION.md), so a
    /// repeat is confirmed on the terms themselves.
    fn is_duplicate(&self, body: &str, i: usize, n: usize) -> bool {
        let Some(r) = self.records.get(i) else { return false };
        let bits = r.signature.count_ones();
        self.records.iter().enumerate().take(n).filter(|(_, c)| c.state & Record::CHOSEN != 0).any(|(j, c)| {
            let small = bits.min(c.signature.count_ones());
            // Signatures of one or two terms collide by chance: only an exact
            // match counts as a repeat for such short sentences.
            let nominated = if small < 3 {
                r.signature == c.signature
            } else {
                (r.signature & c.signature).count_ones() * 256 >= small * DUPLICATE_OVERLAP
            };
            nominated && shares_most_terms(&self.sentence_terms(body, i), &self.sentence_terms(body, j))
        })
    }

    /// Distinct term keys of sentence `i` (at most [`DUPLICATE_TERMS`]),
    /// from the slot pool when it is valid there, else by reading it again.
    fn sentence_terms(&self, body: &str, i: usize) -> Vec<u32, DUPLICATE_TERMS> {
        let mut keys: Vec<u32, DUPLICATE_TERMS> = Vec::new();
        let Some(r) = self.records.get(i) else { return keys };
        let mut add = |h: u32| !keys.contains(&h) && keys.push(h).is_err();
        if r.state & Record::POOL_VALID != 0 {
            // Its entries follow those of the pooled sentences before it.
            let first: usize = self
                .records
                .iter()
                .take(i)
                .filter(|p| p.state & Record::POOLED != 0)
                .map(|p| usize::from(p.content_words))
                .sum();
            let slots = self.pool.get(first..first.saturating_add(usize::from(r.content_words))).unwrap_or(&[]);
            for &s in slots {
                if add(self.terms.slot(usize::from(s)).map_or(0, |t| t.hash)) {
                    break;
                }
            }
            return keys;
        }
        for k in term_keys(body.get(r.start as usize..r.end as usize).unwrap_or("")) {
            if add(k) {
                break;
            }
        }
        keys
    }

    /// Keyphrases: single terms and 2–3-word phrases ranked together; a
    /// candidate whose words are all inside a better one is dropped.
    fn keywords<'a>(
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
            // A name seen in several sentences (`State Department`) is a
            // unit: its words' weights add up. Other phrases score as their
            // average word, so they win only over words not already shown
            // (on crowd-sourced keys, ordinary phrases ranked high cost
            // precision: see EVALUATION.md).
            let name = u32::from(p.capitalized) * 2 >= u32::from(freq);
            let score = if name { sum.saturating_mul(3) / (n.max(1).saturating_add(1)) } else { sum / n.max(1) };
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
            let rel = u32::try_from(u64::from(score) * 1000 / u64::from(best)).unwrap_or(1000);
            let _ = out.push(Keyword { text, score: rel, words });
        }
    }
}

/// Summed centrality of the terms in `slots` (pool entries from place
/// `first` on), or `None` if a slot changed hands after its entry was
/// written (then the caller looks the terms up by hash).
fn pooled_centrality<const T: usize>(terms: &TermTable<T>, slots: &[u16], first: usize) -> Option<u32> {
    let mut sum = 0u32;
    for (q, &s) in (first..).zip(slots) {
        let t = terms.slot(usize::from(s))?;
        if usize::from(t.weight) > q {
            return None;
        }
        sum = sum.saturating_add(centrality_weight(t));
    }
    Some(sum)
}

/// Summed centrality of a sentence's content words, every occurrence
/// counted, looked up by hash.
fn sentence_centrality<const T: usize>(terms: &TermTable<T>, body: &str, r: &Record) -> u32 {
    term_keys(body.get(r.start as usize..r.end as usize).unwrap_or(""))
        .fold(0u32, |sum, k| sum.saturating_add(terms.get(k).map_or(0, centrality_weight)))
}

/// Term-table keys of the content words of `text`, in order, repeats
/// included: what pass 1 counted for them (stopwords skipped).
fn term_keys(text: &str) -> impl Iterator<Item = u32> + '_ {
    Tokens::new(text)
        .filter_map(move |t| crate::normalize::term_key(t.span.slice(text).unwrap_or("")))
        .map(|k| k.max(1))
}

/// Most distinct terms compared per sentence by the duplicate check.
const DUPLICATE_TERMS: usize = 48;

/// True if `a` and `b` share [`DUPLICATE_OVERLAP`] of the distinct terms of
/// the one with *more*: a repeat says nearly the same words, while a short
/// sentence whose few words all recur in a longer one is not a repeat.
fn shares_most_terms(ka: &[u32], kb: &[u32]) -> bool {
    let shared = ka.iter().filter(|k| kb.contains(k)).count();
    let large = ka.len().max(kb.len()).max(1);
    let shared = u32::try_from(shared).unwrap_or(u32::MAX);
    let large = u32::try_from(large).unwrap_or(u32::MAX);
    shared.saturating_mul(256) >= large.saturating_mul(DUPLICATE_OVERLAP)
}

fn push_run(run: &mut Vec<RunWord, 3>, w: RunWord) {
    if run.is_full() && !run.is_empty() {
        run.remove(0);
    }
    let _ = run.push(w);
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

fn starts_upper(body: &str, surf: u32) -> bool {
    body.get(surf as usize..).and_then(|s| s.chars().next()).is_some_and(crate::unicode::is_upper)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_workspace_fits_16_kib() {
        assert!(
            core::mem::size_of::<DefaultSummarizer>() <= 16 * 1024,
            "{}",
            core::mem::size_of::<DefaultSummarizer>()
        );
    }

    #[test]
    fn keywords_only_budget_gives_the_same_keywords_and_no_sentences() {
        let body = "The council approved the harbour bridge on Monday. The bridge will cost $40m. \
                    Council members said the bridge would cut traffic across the harbour.";
        let mut s = DefaultSummarizer::new();
        let full = s.summarize("Harbour bridge approved", body, &Options::default()).unwrap();
        for budget in [Budget::Sentences(0), Budget::Chars(0)] {
            let only = s.summarize("Harbour bridge approved", body, &Options { budget, ..Options::default() }).unwrap();
            assert!(only.sentences.is_empty());
            assert!(!only.keywords.is_empty());
            assert_eq!(only.keywords, full.keywords);
            assert_eq!(only.flags, full.flags);
        }
    }

    #[test]
    fn empty_inputs() {
        let mut s = DefaultSummarizer::new();
        let r = s.summarize("", "", &Options::default()).unwrap();
        assert!(r.sentences.is_empty() && r.keywords.is_empty() && r.flags.is_empty());
    }
}
