//! Word tokenization: Unicode-aware words and numbers as byte ranges.
//!
//! Rules, chosen deliberately:
//! - A word is a run of alphanumeric characters (Unicode), so `Rodríguez`,
//!   `Bogotá` and `Nicolás` stay whole.
//! - An apostrophe (`'` or `’`) between two letters stays inside the word
//!   (`don't`, `Venezuela’s`); the stemmer later drops a possessive `'s`.
//! - A hyphen splits: `long-term` gives `long` and `term`, so compounds share
//!   statistics with their parts. Keyphrases re-join them through their span.
//! - A `.` or `,` between two digits stays inside a number (`3.5`, `1,200`),
//!   and letters glued to a number stay with it (`$1.2bn` gives `1.2bn`).
//!
//! The rules are written once, in `token_end`. Two readers follow them:
//! [`Tokens`] gives the tokens alone; [`Words`] gives each token with its
//! [`Folded`] form. `Words` has one fast path, which finds, folds and
//! hashes a word of ASCII letters and digits in one loop and ends it where
//! its bytes alone decide, and one general path (the rules, then the
//! general fold); between them, the ASCII endings common in news
//! (apostrophes, curly quotes and dashes after a word) are decided from
//! their bytes. A caller that folds every token should
//! read `Words` rather than `Tokens` followed by [`Folded::new`].

use crate::Span;
use crate::bytes::{
    APOSTROPHE_LAST_BYTE, DIGIT, INNER, NON_ASCII, SEPARATOR, STOP_HYPHEN, STOP_INNER, STOP_SEPARATOR, UPPER, WORD,
    char_at, class, class_at, general_punctuation, word_run,
};
use crate::normalize::fold::{Folded, MAX_WORD_BYTES};
use crate::unicode::{is_digit, is_letter, is_upper, is_word as is_word_char};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum TokenKind {
    /// Starts with a letter.
    Word,
    /// Starts with a digit.
    Number,
}

/// One token: where it is and a few cheap shape facts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Token {
    /// Byte range in the tokenized text.
    pub span: Span,
    /// Word or number.
    pub kind: TokenKind,
    /// First character is upper-case (`Maduro`, `CIA`).
    pub capitalized: bool,
    /// A hyphen joins this token to the previous one (`term` in `long-term`).
    pub joined: bool,
}

/// A [`Token`] as the counting loop reads it: its bounds and its flags in
/// one word ([`Packed::NUMBER`], [`Packed::CAPITALIZED`],
/// [`Packed::JOINED`]). Three scalars, because the compiler packed the
/// fields of a `Token` into a vector register and spilled it in the
/// counting loop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Packed {
    /// First byte.
    pub(crate) start: u32,
    /// One past the last byte.
    pub(crate) end: u32,
    /// The token's flags (a `u32`: no padding for the copies through the
    /// counting loop's merges to carry along).
    flags: u32,
}

impl Packed {
    /// Starts with a digit ([`TokenKind::Number`]).
    const NUMBER: u32 = DIGIT as u32;
    /// [`Token::capitalized`].
    const CAPITALIZED: u32 = UPPER as u32;
    /// [`Token::joined`].
    const JOINED: u32 = 4;
    /// A hyphen follows the token right after its last char (`long` in
    /// `long-term`): with [`Packed::JOINED`], what [`Packed::in_compound`]
    /// reads. Not in [`Token`].
    const HYPHEN_AFTER: u32 = 8;

    /// A number ([`TokenKind::Number`]).
    #[inline(always)]
    pub(crate) const fn is_number(self) -> bool {
        self.flags & Self::NUMBER != 0
    }

    /// A capitalized word (not a number).
    #[inline(always)]
    pub(crate) const fn capitalized_word(self) -> bool {
        self.flags & (Self::NUMBER | Self::CAPITALIZED) == Self::CAPITALIZED
    }

    /// [`Token::capitalized`].
    #[inline(always)]
    pub(crate) const fn capitalized(self) -> bool {
        self.flags & Self::CAPITALIZED != 0
    }

    /// [`Token::joined`].
    #[inline(always)]
    pub(crate) const fn joined(self) -> bool {
        self.flags & Self::JOINED != 0
    }

    /// A part of a hyphenated compound: joined to the token before it, or
    /// a hyphen right after it (`long` and `term` of `long-term`; also a
    /// word before a hyphen that joins nothing, `pre-` in `pre- and
    /// post-war`).
    #[inline(always)]
    pub(crate) const fn in_compound(self) -> bool {
        self.flags & (Self::JOINED | Self::HYPHEN_AFTER) != 0
    }

    /// The token without its first `n` bytes (an elided `l'` dropped,
    /// [`crate::lang::elided`]), its capital flag now that of its new first
    /// char (`capitalized`): `d'Ormesson` is a capitalized word, `L'équipe`
    /// is not. The start never passes the end.
    pub(crate) const fn skip_prefix(self, n: u32, capitalized: bool) -> Packed {
        let start = self.start.saturating_add(n);
        let start = if start < self.end { start } else { self.end };
        let caps = if capitalized { Self::CAPITALIZED } else { 0 };
        Packed { start, end: self.end, flags: self.flags & !Self::CAPITALIZED | caps }
    }

    /// The token's length in bytes ([`Span::len`]: a token never ends
    /// before it starts, so a wrapping subtraction is exact, and cheaper in
    /// the counting loop than a saturating one).
    #[inline(always)]
    pub(crate) const fn len(self) -> u32 {
        self.end.wrapping_sub(self.start)
    }

    /// The public form.
    #[inline(always)]
    pub(crate) fn token(self) -> Token {
        let flags = SHAPED.get((self.flags & !Self::HYPHEN_AFTER) as usize).copied().unwrap_or(BLANK);
        Token { span: Span { start: self.start, end: self.end }, ..flags }
    }
}

impl From<Token> for Packed {
    fn from(t: Token) -> Self {
        let number = if t.kind == TokenKind::Number { Packed::NUMBER } else { 0 };
        let caps = if t.capitalized { Packed::CAPITALIZED } else { 0 };
        let joined = if t.joined { Packed::JOINED } else { 0 };
        Packed { start: t.span.start, end: t.span.end, flags: number | caps | joined }
    }
}

/// Iterator over the tokens of a text.
///
/// ```
/// use epitome::tokenize::Tokens;
/// let text = "Rodríguez's $1.2bn long-term plan";
/// let words: Vec<&str> = Tokens::new(text).map(|t| &text[t.span.start as usize..t.span.end as usize]).collect();
/// assert_eq!(words, ["Rodríguez's", "1.2bn", "long", "term", "plan"]);
/// ```
#[derive(Debug, Clone)]
pub struct Tokens<'a> {
    text: &'a str,
    pos: usize,
    /// Where a token must start to be joined to the previous one: right
    /// after the one hyphen that follows it (`usize::MAX`: no hyphen).
    join_at: usize,
}

impl<'a> Tokens<'a> {
    /// Tokenizes `text` from its start (its first 4 GiB: the rest has no
    /// offsets in a [`Span`]).
    pub const fn new(text: &'a str) -> Self {
        Tokens { text: addressable(text), pos: 0, join_at: usize::MAX }
    }

    /// The token `begin..stop`; moves past it and notes a hyphen after it.
    #[inline]
    fn finish(&mut self, begin: usize, stop: usize, shape: u8) -> Packed {
        let hyphen = hyphen_end(self.text, stop);
        self.finish_at(begin, stop, stop, hyphen, shape)
    }

    /// The token `begin..stop`: the next token's search resumes at `next`
    /// (`stop`, or past a char after it that starts no token), and one
    /// starting at `hyphen` is joined to this one ([`hyphen_end`]).
    #[inline(always)]
    fn finish_at(&mut self, begin: usize, stop: usize, next: usize, hyphen: usize, shape: u8) -> Packed {
        // Joined to the previous token when exactly one hyphen separates them.
        let joined = begin == self.join_at;
        self.join_at = hyphen;
        self.pos = next;
        let flags = u32::from(shape) & (Packed::NUMBER | Packed::CAPITALIZED)
            | if joined { Packed::JOINED } else { 0 }
            | if hyphen != usize::MAX { Packed::HYPHEN_AFTER } else { 0 };
        // Offsets in `text`, which is never longer than `u32::MAX` bytes
        // ([`addressable`]; a span's end is in `u32` anyway): exact casts,
        // without the saturation of `Span::new`.
        Packed { start: begin as u32, end: stop as u32, flags }
    }
}

/// `text`, cut to its first `u32::MAX` bytes (at a char boundary) if it is
/// longer: every offset in what [`Tokens`] reads then fits in a `u32`.
const fn addressable(text: &str) -> &str {
    cut(text, u32::MAX as usize)
}

/// The longest prefix of `text` of at most `max` bytes that ends at a char
/// boundary.
const fn cut(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut at = max;
    // At most three steps back: a char has at most four bytes, and 0 is a
    // boundary.
    while !text.is_char_boundary(at) {
        at = at.wrapping_sub(1);
    }
    match text.split_at_checked(at) {
        Some((head, _)) => head,
        None => "",
    }
}

/// A word token with an empty span and no flags set.
const BLANK: Token =
    Token { span: Span { start: 0, end: 0 }, kind: TokenKind::Word, capitalized: false, joined: false };

/// A token's flags for each [`Packed::flags`], span empty: [`Packed::token`]
/// takes all three from one load (set one by one, the compiler packed them
/// into a vector register and back).
static SHAPED: [Token; 8] = {
    let mut t = [BLANK; 8];
    let mut i = 0;
    while i < 8 {
        t[i].kind = if i as u8 & DIGIT != 0 { TokenKind::Number } else { TokenKind::Word };
        t[i].capitalized = i as u8 & UPPER != 0;
        t[i].joined = i as u32 & Packed::JOINED != 0;
        i += 1;
    }
    t
};

#[inline]
fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

#[inline]
fn is_hyphen(c: char) -> bool {
    c == '-' || c == '\u{2010}' || c == '\u{2011}'
}

/// The end of the hyphen starting at byte `at` of `text`; `usize::MAX`
/// when there is none.
#[inline]
fn hyphen_end(text: &str, at: usize) -> usize {
    match text.as_bytes().get(at) {
        Some(b'-') => at.wrapping_add(1),
        Some(&b) if b >= 0x80 => match char_at(text, at) {
            Some(c) if is_hyphen(c) => at.wrapping_add(c.len_utf8()),
            _ => usize::MAX,
        },
        _ => usize::MAX,
    }
}

/// Where the next token starts, whether its first char is ASCII, and its
/// shape ([`shape_of`]); `None` at the end of the text.
#[inline]
fn next_start(text: &str, mut begin: usize) -> Option<(usize, bool, u8)> {
    let bytes = text.as_bytes();
    // Offsets stay within `text` (each step moves past a byte or char that
    // is there), so plain wrapping adds cannot overflow.
    loop {
        let class = class_at(bytes, begin)?;
        if class & WORD != 0 {
            return Some((begin, true, class));
        }
        if class == NON_ASCII {
            return next_start_unicode(text, begin);
        }
        begin = begin.wrapping_add(1);
    }
}

/// What a token's first char says about the token, as bits of the byte
/// classes: [`DIGIT`] (a number) and [`UPPER`] (capitalized). An ASCII
/// char's shape is its class, which the start search has loaded anyway;
/// carrying one byte instead of two flags also keeps the compiler from
/// packing the flags into vector registers in the counting loop.
fn shape_of(c: char) -> u8 {
    (if is_digit(c) { DIGIT } else { 0 }) | (if is_upper(c) { UPPER } else { 0 })
}

/// [`next_start`] from a non-ASCII char on: decodes chars. Out of line, so
/// that what [`Words::next_token`] inlines is only the ASCII loop.
#[inline(never)]
fn next_start_unicode(text: &str, mut begin: usize) -> Option<(usize, bool, u8)> {
    let bytes = text.as_bytes();
    loop {
        let class = class_at(bytes, begin)?;
        if class & WORD != 0 {
            return Some((begin, true, class));
        }
        if class != NON_ASCII {
            begin = begin.wrapping_add(1);
            continue;
        }
        // General Punctuation (quotes, dashes, `…`) holds no word char:
        // skipped without decoding.
        if general_punctuation(bytes, begin).is_some() {
            begin = begin.wrapping_add(3);
            continue;
        }
        let c = char_at(text, begin)?;
        if is_word_char(c) {
            return Some((begin, false, shape_of(c)));
        }
        begin = begin.wrapping_add(c.len_utf8());
    }
}

/// The longest hyphenated compound, in bytes, that [`compound`] widens a
/// span to: longer chains (`pay-as-you-go-and-then-some`) are lists, not
/// words.
const MAX_COMPOUND_BYTES: usize = 64;

/// The hyphenated compound `span` of `text` is part of: the span widened
/// over each word joined to it by one hyphen, on either side, as the
/// tokenizer joins them ([`Token::joined`]): `États` and `Unis` of
/// `États-Unis`, `year` of `Twelve-year-old`, `dire` of `c'est-à-dire`
/// all widen to the whole compound. A word here is a run of word chars
/// and in-word punctuation (`chef-d'œuvre`, `4,000-year-old`); one stops
/// at anything else (`U.S.-led`, two hyphens, a dash between spaces). The
/// span itself when no word is joined to it, when it is not a slice of
/// `text`, or when the compound would be longer than
/// [`MAX_COMPOUND_BYTES`].
///
/// For a name (`name`), the compound ends at capitalized words on both
/// sides: the lower-case affixes of a name are not part of it
/// (`post-Maduro`, `Oscar-winning`, `ex-CIA` give `Maduro`, `Oscar`,
/// `CIA`), the particles inside one are (`Pointe-à-Callière`,
/// `Saint-Jean-de-Luz`).
///
/// ```
/// use epitome::{Span, tokenize::compound};
/// let text = "Le porte-parole des États-Unis pro-Maduro.";
/// assert_eq!(compound(text, Span::new(3, 8), false).slice(text), Some("porte-parole"));
/// assert_eq!(compound(text, Span::new(20, 26), true).slice(text), Some("États-Unis"));
/// assert_eq!(compound(text, Span::new(36, 42), true).slice(text), Some("Maduro"));
/// assert_eq!(compound(text, Span::new(36, 42), false).slice(text), Some("pro-Maduro"));
/// assert_eq!(compound(text, Span::new(0, 2), false).slice(text), Some("Le"));
/// ```
pub fn compound(text: &str, span: Span, name: bool) -> Span {
    if span.slice(text).is_none() {
        return span;
    }
    let (mut start, mut end) = (span.start as usize, span.end as usize);
    // Where the compound of a name starts and ends: at the last
    // capitalized word reached on each side (the span itself if none).
    let (mut name_start, mut name_end) = (start, end);
    let capitalized = |at: usize| text.get(at..).and_then(|s| s.chars().next()).is_some_and(is_upper);
    // Each step moves `start` back over a hyphen and a word, or ends: at
    // most `text.len()` steps.
    while let Some(head) = text.get(..start) {
        let Some(h) = head.chars().next_back().filter(|&c| is_hyphen(c)) else { break };
        let before = head.get(..head.len().saturating_sub(h.len_utf8())).unwrap_or("");
        let word = word_len(before.chars().rev());
        if word == 0 {
            break;
        }
        start = before.len().saturating_sub(word);
        if end.saturating_sub(start) > MAX_COMPOUND_BYTES {
            return span;
        }
        if capitalized(start) {
            name_start = start;
        }
    }
    while let Some(tail) = text.get(end..) {
        let Some(h) = tail.chars().next().filter(|&c| is_hyphen(c)) else { break };
        let word = word_len(tail.get(h.len_utf8()..).unwrap_or("").chars());
        if word == 0 {
            break;
        }
        let from = end.saturating_add(h.len_utf8());
        end = from.saturating_add(word);
        if end.saturating_sub(start) > MAX_COMPOUND_BYTES {
            return span;
        }
        if capitalized(from) {
            name_end = end;
        }
    }
    if name { Span::new(name_start, name_end) } else { Span::new(start, end) }
}

/// True if `c` between `before` and `after` stays inside a word, as
/// [`token_end`] keeps it: an apostrophe between letters (`chef-d'œuvre`),
/// a `.` or `,` between digits (`4,000-year-old`). Symmetric: both
/// neighbours pass the same test, so a word reads the same backwards.
fn inner_punctuation(before: char, c: char, after: char) -> bool {
    (is_apostrophe(c) && is_letter(before) && is_letter(after))
        || ((c == '.' || c == ',') && is_digit(before) && is_digit(after))
}

/// The length in bytes of the word [`compound`] joins that `chars` start
/// with: word chars and in-word punctuation ([`inner_punctuation`]). The
/// chars of the text after a hyphen, or those before it reversed, for the
/// word that ends there.
fn word_len(chars: impl Iterator<Item = char>) -> usize {
    let mut len = 0usize;
    let mut chars = chars.peekable();
    // The char taken before the one looked at.
    let mut taken = None;
    while let Some(c) = chars.next() {
        let inner = chars.peek().is_some_and(|&n| taken.is_some_and(|t| inner_punctuation(t, c, n)));
        if !(is_word_char(c) || inner) {
            break;
        }
        len = len.saturating_add(c.len_utf8());
        taken = Some(c);
    }
    len
}

/// The rules: the end of the token that starts at byte `i` of `text` (a
/// word char), or of one read up to byte `i` (its last char `prev`, and
/// `seg` chars since its last dot, of which only `<= 1` matters): where
/// in-word punctuation stays inside (above), where non-ASCII chars end
/// it, and a dotted abbreviation's final dot. Every token ends here except
/// those the fast path of [`Words`] ends from their bytes alone.
fn token_end(text: &str, mut i: usize, mut prev: char, mut seg: u32) -> usize {
    let bytes = text.as_bytes();
    // A dot was kept inside the token.
    let mut dot = false;
    loop {
        // A run of ASCII letters and digits, a chunk at a time.
        let run = word_run(bytes, i);
        if run != 0 {
            i = i.wrapping_add(run);
            if let Some(&b) = bytes.get(i.wrapping_sub(1)) {
                prev = char::from(b);
            }
            // Letters since the last dot: `U.S.` and `a.m.` are one token
            // because each dotted segment is a single letter. Only
            // `seg <= 1` matters: a longer run counts as 2.
            seg = if run == 1 { seg.saturating_add(1) } else { 2 };
        }
        // Most tokens end at an ASCII byte that can never stay inside
        // one (space, quote, colon): stop without decoding.
        if matches!(class_at(bytes, i), None | Some(SEPARATOR)) {
            break;
        }
        // Nor does a General Punctuation char other than `’` (quotes,
        // dashes, `…`: none is a word char).
        if general_punctuation(bytes, i).is_some_and(|p| p != APOSTROPHE_LAST_BYTE) {
            break;
        }
        let Some(c) = char_at(text, i) else { break };
        let after = i.wrapping_add(c.len_utf8());
        if is_word_char(c) {
            prev = c;
            seg = seg.saturating_add(1);
            i = after;
            continue;
        }
        let keep = match c {
            '.' | ',' | '\'' | '\u{2019}' => char_at(text, after).is_some_and(|n| {
                (is_apostrophe(c) && is_letter(prev) && is_letter(n))
                    || ((c == '.' || c == ',') && is_digit(prev) && is_digit(n))
                    || (c == '.' && seg == 1 && is_letter(prev) && is_letter(n) && is_upper(n) == is_upper(prev))
            }),
            _ => false,
        };
        if !keep {
            break;
        }
        dot |= c == '.';
        prev = c;
        seg = 0;
        i = after;
    }
    // `U.S.` keeps its final dot: the token is shown as a keyword.
    let dotted = dot && seg <= 1 && is_letter(prev);
    if dotted && char_at(text, i) == Some('.') { i.saturating_add(1) } else { i }
}

impl Iterator for Tokens<'_> {
    type Item = Token;

    #[inline]
    fn next(&mut self) -> Option<Token> {
        let (begin, _, shape) = next_start(self.text, self.pos)?;
        // The token starts with a word char: `prev` is not read.
        let stop = token_end(self.text, begin, ' ', 0);
        Some(self.finish(begin, stop, shape).token())
    }
}

/// A token and its folded form ([`Folded::new`] of the token's text).
#[derive(Debug, Clone, Copy)]
pub struct Word {
    /// The token, as [`Tokens`] gives it.
    pub token: Token,
    /// The token's text folded to lower case, with its hash.
    pub folded: Folded,
}

/// Tokens with their folded forms, in one pass: the same tokens as
/// [`Tokens`], each with what [`Folded::new`] makes of its text, but a word
/// of ASCII letters and digits is folded and hashed in the loop that finds
/// its end (one table load per byte gives both), instead of being found
/// and then read again. Other words take the general paths of both.
///
/// Two ways to read it: as an iterator of [`Word`]s, or, where every
/// instruction counts, by [`Words::next_token`] with the fold read in
/// place ([`Words::folded`], [`Words::folded_mut`]), which saves copying
/// the 48-byte fold out of the reader and into the caller for each word.
///
/// ```
/// use epitome::tokenize::Words;
/// let text = "The CIA's long-term plans";
/// let folded: Vec<String> =
///     Words::new(text).map(|w| String::from_utf8_lossy(w.folded.as_bytes()).into_owned()).collect();
/// assert_eq!(folded, ["the", "cia's", "long", "term", "plans"]);
///
/// let mut words = Words::new(text);
/// let mut stems = Vec::new();
/// while let Some(token) = words.next_token() {
///     let f = words.folded_mut();
///     if !f.is_stopword() {
///         f.stem();
///         stems.push((token.span.start, String::from_utf8_lossy(f.as_bytes()).into_owned()));
///     }
/// }
/// assert_eq!(stems, [(4, "cia".to_owned()), (10, "long".to_owned()), (15, "term".to_owned()), (20, "plan".to_owned())]);
/// ```
#[derive(Debug, Clone)]
pub struct Words<'a> {
    tokens: Tokens<'a>,
    /// The bytes the fold may read ahead in: the tokenized text and, for
    /// [`Words::in_span`], the rest of the text the span is of. The fold
    /// reads a whole buffer's worth from a word's start and stops where
    /// the word ends, so reading past the span's end only lets a sentence's
    /// last words take the fixed-window loop; a run that went past it is
    /// folded again within it (by the general path).
    ahead: &'a [u8],
    /// The fold of the token [`Words::next_token`] gave last.
    folded: Folded,
}

impl<'a> Words<'a> {
    /// Reads the words of `text` from its start (its first 4 GiB, as
    /// [`Tokens::new`]).
    pub const fn new(text: &'a str) -> Self {
        let text = addressable(text);
        Words { tokens: Tokens::new(text), ahead: text.as_bytes(), folded: Folded::EMPTY }
    }

    /// Reads the words of `span` of `text` with spans in `text`'s offsets:
    /// the words [`Words::new`] gives of `span.slice(text)`, each span moved
    /// by `span.start` (none if the span is not a slice of `text` on char
    /// boundaries). For a caller that counts one sentence of a longer text:
    /// no span to re-base, and the fold of the sentence's last words may
    /// read ahead into the text after it, which keeps them on the
    /// fixed-window loop (the rules look at no byte before a token's start
    /// or past the span's end, which is what makes the two readings the
    /// same; a property test checks it).
    pub fn in_span(text: &'a str, span: Span) -> Self {
        // `limited` ends at `span.end`, a `u32`: it is [`addressable`].
        let (limited, from, ahead) = match span.slice(text) {
            Some(_) => (text.get(..span.end as usize).unwrap_or(""), span.start as usize, text.as_bytes()),
            None => ("", 0, &[][..]),
        };
        Words { tokens: Tokens { text: limited, pos: from, join_at: usize::MAX }, ahead, folded: Folded::EMPTY }
    }

    /// The fold of the token [`Words::next_token`] gave last (of the empty
    /// word before the first).
    #[inline(always)]
    pub fn folded(&self) -> &Folded {
        &self.folded
    }

    /// [`Words::folded`], to stem in place.
    #[inline(always)]
    pub fn folded_mut(&mut self) -> &mut Folded {
        &mut self.folded
    }

    /// The next token, its fold left in [`Words::folded`]; `None` at the
    /// end of the text.
    ///
    /// Always inlined: an out-of-line copy would pass each token back
    /// through memory, on the hottest path of the crate. Only the fast
    /// path is inlined ([`Words::next_packed`]); the general one is a call.
    #[inline(always)]
    pub fn next_token(&mut self) -> Option<Token> {
        self.next_packed().map(Packed::token)
    }

    /// [`Words::next_token`] as a [`Packed`] token, for the counting loop.
    ///
    /// The fast path: a word that starts with an ASCII letter or digit, with
    /// a whole fold buffer's worth of bytes from its start, is found, folded
    /// and hashed in one loop over that fixed window, and ended here when
    /// the byte that stopped the run decides it (a separator, the text's
    /// end, or in-word punctuation that no rule keeps). Other ASCII words
    /// go on by [`ascii_word_on`], the rest by [`general_word`].
    #[inline(always)]
    pub(crate) fn next_packed(&mut self) -> Option<Packed> {
        let t = &mut self.tokens;
        let f = &mut self.folded;
        let text = t.text;
        let (begin, ascii, shape) = next_start(text, t.pos)?;
        if !ascii {
            return Some(general_word(t, f, begin, 0, shape));
        }
        let window = self.ahead.get(begin..begin.wrapping_add(MAX_WORD_BYTES)).and_then(|w| w.first_chunk());
        let Some(window) = window else {
            return Some(ascii_word_on(t, f, begin, 0, shape));
        };
        let (len, stop) = f.start_ascii(window);
        let end = begin.wrapping_add(len);
        let bytes = text.as_bytes();
        if end >= bytes.len() {
            // The text's end; or the run went on past it (into `ahead`), and
            // is read again within the text.
            if end == bytes.len() {
                return Some(t.finish_at(begin, end, end, usize::MAX, shape));
            }
            return Some(ascii_word_on(t, f, begin, 0, shape));
        }
        // What the byte after the run says about the token's end: the
        // fold's code for it. A run that filled the buffer has none
        // ([`crate::bytes::STOP_FULL`]), and takes the general path, as
        // every longer word must.
        let (next, hyphen) = match stop {
            // A separator, which the next token's search may skip.
            STOP_SEPARATOR | STOP_HYPHEN => {
                let next = end.wrapping_add(1);
                (next, if stop == STOP_HYPHEN { next } else { usize::MAX })
            }
            // In-word punctuation that no rule keeps (`said.`, `however, `).
            STOP_INNER if matches!(class_at(bytes, end.wrapping_add(1)), None | Some(SEPARATOR | INNER)) => {
                (end.wrapping_add(1), usize::MAX)
            }
            _ => return Some(ascii_word_on(t, f, begin, len, shape)),
        };
        Some(t.finish_at(begin, end, next, hyphen, shape))
    }
}

impl Iterator for Words<'_> {
    type Item = Word;

    #[inline(always)]
    fn next(&mut self) -> Option<Word> {
        let token = self.next_token()?;
        Some(Word { token, folded: self.folded })
    }
}

/// The middle path of [`Words`]: a word whose ASCII run the fast path
/// could not end (or any run near the end of what may be read, `read` 0:
/// folded here within the text). The run stopped at an apostrophe, at
/// other in-word punctuation before a non-ASCII char, at a non-ASCII char,
/// or it filled the buffer. The common cases are decided from bytes here:
/// an apostrophe (`'` or `’`) between ASCII letters, which stays inside
/// (`don't`, `Venezuela’s`), and a General Punctuation char after the word
/// (`”`, `—`, `…`: no rule keeps one). Everything else goes on by the
/// general path. Kept apart from it because news words end this way often
/// enough that the general rules' decoding costs a measurable share of
/// `summarize` (BENCHMARKS.md, issue 25). Out of line: flash on the boards.
#[inline(never)]
fn ascii_word_on(t: &mut Tokens<'_>, f: &mut Folded, begin: usize, read: usize, shape: u8) -> Packed {
    let text = t.text;
    let window = text.as_bytes().get(begin..).unwrap_or(&[]);
    if read == 0 {
        *f = Folded::EMPTY;
        f.extend_ascii(window, 0);
    }
    let at = |i: usize| window.get(i).copied();
    // Where the run stopped in `window` (past `’`, the fold is shorter).
    let mut i = f.as_bytes().len();
    // How far past the end the next token's search resumes, and whether
    // that char is a hyphen.
    let (skip, hyphen) = loop {
        if f.as_bytes().len() >= MAX_WORD_BYTES {
            return general_word(t, f, begin, i, shape);
        }
        let prev_letter = f.as_bytes().last().is_some_and(u8::is_ascii_lowercase);
        let stop = at(i);
        // After an apostrophe, the word may end as the short path's do.
        match stop.map(class) {
            None => break (0, false),
            Some(SEPARATOR) => break (1, stop == Some(b'-')),
            Some(INNER) if matches!(at(i.wrapping_add(1)).map(class), None | Some(SEPARATOR | INNER)) => {
                break (1, false);
            }
            _ => {}
        }
        // A General Punctuation char: `E2 80 xx` (U+2000..U+203F).
        let punct = stop == Some(0xE2) && at(i.wrapping_add(1)) == Some(0x80);
        let apostrophe = match stop {
            Some(b'\'') => 1,
            _ if punct && at(i.wrapping_add(2)) == Some(0x99) => 3,
            _ => 0,
        };
        if apostrophe != 0 {
            match at(i.wrapping_add(apostrophe)) {
                // Between two letters: inside the word.
                Some(n) if prev_letter && n.is_ascii_alphabetic() => {
                    if !f.push_hashed(b'\'') {
                        return general_word(t, f, begin, i, shape);
                    }
                    let from = i.wrapping_add(apostrophe);
                    i = from.wrapping_add(f.extend_ascii(window, from));
                    continue;
                }
                // A non-ASCII char after it may be a letter.
                Some(n) if prev_letter && !n.is_ascii() => {
                    return general_word(t, f, begin, i, shape);
                }
                _ => break (apostrophe, false),
            }
        }
        if punct {
            // U+2010 and U+2011 are hyphens.
            let dash = matches!(at(i.wrapping_add(2)), Some(0x90 | 0x91));
            break (3, dash);
        }
        // `.` or `,` before a General Punctuation char (`said.”`).
        let before_punct = at(i.wrapping_add(1)) == Some(0xE2) && at(i.wrapping_add(2)) == Some(0x80);
        if matches!(stop, Some(b'.' | b',')) && before_punct {
            break (1, false);
        }
        return general_word(t, f, begin, i, shape);
    };
    let end = begin.wrapping_add(i);
    let next = end.wrapping_add(skip);
    t.finish_at(begin, end, next, if hyphen { next } else { usize::MAX }, shape)
}

/// The general path of [`Words`]: the token from `begin` ended by the
/// rules ([`token_end`]) and folded on by the general fold. `f` holds the
/// fold of the token's first `read` bytes, read by the faster paths (ASCII
/// letters and digits, and apostrophes between letters; anything if `read`
/// is 0), so that no byte is read twice. Out of line, so that what
/// [`Words::next_token`] inlines into each caller is only the fast path.
#[inline(never)]
fn general_word(t: &mut Tokens<'_>, f: &mut Folded, begin: usize, read: usize, shape: u8) -> Packed {
    let text = t.text;
    if read == 0 {
        *f = Folded::EMPTY;
    }
    let at = begin.wrapping_add(read);
    let done = text.as_bytes().get(begin..at).unwrap_or(&[]);
    // The state the rules need at byte `at`: the last char, and the
    // letters since the last apostrophe (no dot has been kept yet; only
    // `<= 1` matters, so two are as good as more).
    let seg = done.iter().rev().take(2).take_while(|b| b.is_ascii_alphanumeric()).count();
    let prev = match done.last() {
        Some(&b) if b.is_ascii() => char::from(b),
        // The last byte of `’`.
        Some(_) => '\u{2019}',
        None => ' ',
    };
    let stop = token_end(text, at, prev, seg as u32);
    f.extend_general(text.get(at..stop).unwrap_or(""));
    t.finish(begin, stop, shape)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> heapless::Vec<(&str, bool), 32> {
        let mut v = heapless::Vec::new();
        for t in Tokens::new(text) {
            let _ = v.push((t.span.slice(text).unwrap_or("?"), t.joined));
        }
        v
    }

    fn words(text: &str) -> heapless::Vec<&str, 32> {
        toks(text).iter().map(|&(w, _)| w).collect()
    }

    proptest::proptest! {
        /// [`Words::in_span`] gives the words [`Words::new`] gives of the
        /// span's slice, spans moved, whatever follows the span (the fold
        /// reads ahead into it): long runs across the span's end, in-word
        /// punctuation at it, and spans off char boundaries (no words).
        #[test]
        fn words_in_a_span_match_words_of_its_slice(
            text in "([a-zA-Z0-9 .,'’\u{2014}é\n-]{0,80}|[a-z]{20,40}[ .'a-z]{0,30}|[\u{0}-\u{7f}]{0,60}|\\PC{0,40})",
            a in 0usize..84,
            b in 0usize..84,
        ) {
            let (s, e) = (a.min(b).min(text.len()), a.max(b).min(text.len()));
            let span = Span::new(s, e);
            let mut got = Words::in_span(&text, span);
            let Some(slice) = span.slice(&text) else {
                proptest::prop_assert_eq!(got.next_token(), None);
                return Ok(());
            };
            let mut want = Words::new(slice);
            loop {
                let (w, g) = (want.next_token(), got.next_token());
                let w = w.map(|t| Token { span: Span::new(t.span.start as usize + s, t.span.end as usize + s), ..t });
                proptest::prop_assert_eq!(w, g);
                let Some(_) = g else { break };
                proptest::prop_assert_eq!(want.folded().as_bytes(), got.folded().as_bytes());
                proptest::prop_assert_eq!(want.folded().hash(), got.folded().hash());
                proptest::prop_assert_eq!(want.folded().may_be_elided(), got.folded().may_be_elided());
            }
        }
    }

    proptest::proptest! {
        /// [`Packed::skip_prefix`] keeps a valid range (never past the
        /// end) and every flag but the capital, which it sets.
        #[test]
        fn skipping_a_prefix_keeps_a_valid_range(
            start in proptest::prelude::any::<u32>(),
            len in proptest::prelude::any::<u32>(),
            n in proptest::prelude::any::<u32>(),
            flags in 0u32..8,
            caps in proptest::prelude::any::<bool>(),
        ) {
            let end = start.saturating_add(len);
            let p = Packed { start, end, flags };
            let q = p.skip_prefix(n, caps);
            proptest::prop_assert!(q.start <= q.end && q.start >= p.start && q.end == p.end);
            proptest::prop_assert_eq!(q.start, start.saturating_add(n).min(end));
            proptest::prop_assert_eq!(q.capitalized(), caps);
            proptest::prop_assert_eq!((q.is_number(), q.joined()), (p.is_number(), p.joined()));
        }
    }

    proptest::proptest! {
        /// [`cut`] (which keeps every token offset in a `u32`) against a
        /// search of all prefixes.
        #[test]
        fn cut_keeps_the_longest_prefix_within_the_limit(text in "\\PC{0,12}", max in 0usize..40) {
            let want = (0..=text.len().min(max)).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
            proptest::prop_assert_eq!(cut(&text, max), &text[..want]);
        }
    }

    /// What [`token_end`] and [`next_start_unicode`] decide from the bytes
    /// `E2 80 xx` ([`general_punctuation`]) alone:
    /// no char of U+2000..U+203F is a word char, U+2019 is the one
    /// apostrophe and U+2010, U+2011 the hyphens among them.
    #[test]
    fn general_punctuation_from_its_bytes() {
        for u in 0x2000u32..0x2040 {
            let c = char::from_u32(u).unwrap();
            let mut enc = [0u8; 4];
            assert_eq!(c.encode_utf8(&mut enc).as_bytes()[..2], [0xE2, 0x80], "{c:?}");
            assert!(!is_word_char(c), "{c:?}");
            assert_eq!(is_apostrophe(c), u == 0x2019, "{c:?}");
            assert_eq!(is_hyphen(c), matches!(u, 0x2010 | 0x2011), "{c:?}");
        }
    }

    /// Words that leave the ASCII run for the general rules at each place
    /// it can stop: their reading and fold go on from there
    /// ([`general_word`]), and must equal reading and folding them whole.
    #[test]
    fn general_path_goes_on_where_the_run_stopped() {
        let long = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";
        assert_eq!(long.len(), MAX_WORD_BYTES - 1);
        let cases = [
            "U.S. a.m. 3.5bn 1,200 e.g.",
            "Rodríguez NICOLÁS café’s d’Été don’t",
            "rock'n'roll O’Brien's l'été x'É",
            "said.” done,” no.é",
        ];
        let mut texts: heapless::Vec<heapless::String<96>, 16> = heapless::Vec::new();
        for c in cases {
            let _ = texts.push(heapless::String::try_from(c).unwrap());
        }
        // Apostrophes and non-ASCII letters at the fold buffer's end, and
        // words of exactly its length (they fill it: no stop code) before
        // each kind of separator.
        for tail in ["'s", "’s", "é", "x'é", "s'", ".5", "’É", "x", "x-x", "x.", "x,", "x'"] {
            let mut t = heapless::String::<96>::new();
            let _ = t.push_str(long);
            let _ = t.push_str(tail);
            let _ = t.push_str(" end");
            let _ = texts.push(t);
        }
        for text in &texts {
            let mut words = Words::new(text);
            for token in Tokens::new(text) {
                let w = words.next().unwrap();
                assert_eq!(w.token, token, "{text:?}");
                let want = Folded::new(token.span.slice(text).unwrap());
                assert_eq!(w.folded.as_bytes(), want.as_bytes(), "{text:?}");
                assert_eq!(w.folded.hash(), want.hash(), "{text:?}");
                assert_eq!(w.folded.term_key(), want.term_key(), "{text:?}");
                assert_eq!(w.folded.may_be_elided(), want.may_be_elided(), "{text:?}");
            }
            assert!(words.next().is_none(), "{text:?}");
        }
    }

    fn compound_of<'a>(text: &'a str, part: &str) -> &'a str {
        let at = text.find(part).unwrap();
        compound(text, Span::new(at, at + part.len()), false).slice(text).unwrap()
    }

    /// Both sides of each rule of [`compound`].
    #[test]
    fn compounds_are_whole_words() {
        let text = "Twelve-year-old, c'est-à-dire le porte-parole des États\u{2011}Unis à Saint-Étienne-du-Rouvray.";
        assert_eq!(compound_of(text, "year"), "Twelve-year-old");
        assert_eq!(compound_of(text, "Twelve"), "Twelve-year-old");
        assert_eq!(compound_of(text, "dire"), "c'est-à-dire");
        assert_eq!(compound_of(text, "porte"), "porte-parole");
        // U+2011, the non-breaking hyphen, joins too.
        assert_eq!(compound_of(text, "Unis"), "États\u{2011}Unis");
        assert_eq!(compound_of(text, "Étienne"), "Saint-Étienne-du-Rouvray");
        // Not joined: spaces, a dash, two hyphens, a stray hyphen, an
        // apostrophe that is a quote, a dotted abbreviation.
        for (text, part) in [
            ("Le porte - parole", "porte"),
            ("Le porte — parole", "parole"),
            ("Le porte--parole", "porte"),
            ("pre- and post-war", "pre"),
            ("'-year' -old", "year"),
            ("the U.S.-led force", "led"),
        ] {
            assert_eq!(compound_of(text, part), part, "{text:?}");
        }
        // In-word punctuation as the tokenizer keeps it.
        assert_eq!(compound_of("a 4,000-year-old coral", "year"), "4,000-year-old");
        assert_eq!(compound_of("un chef-d'œuvre", "chef"), "chef-d'œuvre");
        // An apostrophe that ends a word is a quote, not in it.
        assert_eq!(compound_of("rock-'n'-roll", "roll"), "roll");
        // Too long a chain is a list, not a word.
        let long = "a-bb-cc-dd-ee-ff-gg-hh-ii-jj-kk-ll-mm-nn-oo-pp-qq-rr-ss-tt-uu-vv-ww-xx";
        assert!(long.len() > MAX_COMPOUND_BYTES);
        assert_eq!(compound_of(long, "kk"), "kk");
        // A span that is no slice of the text is given back.
        let odd = Span::new(1, 2);
        assert_eq!(compound("é-x", odd, false), odd);
        assert_eq!(compound("ab", Span::new(3, 9), true), Span::new(3, 9));
        // A name's compound ends at capitalized words: its particles are
        // in it, its lower-case affixes not.
        let name_of = |text: &'static str, part: &str| -> &'static str {
            let at = text.find(part).unwrap();
            compound(text, Span::new(at, at + part.len()), true).slice(text).unwrap()
        };
        assert_eq!(name_of("le musée Pointe-à-Callière ouvre", "Callière"), "Pointe-à-Callière");
        assert_eq!(name_of("les États-Unis", "Unis"), "États-Unis");
        for (text, part) in
            [("the post-Maduro era", "Maduro"), ("an Oscar-winning actor", "Oscar"), ("an ex-CIA man", "CIA")]
        {
            assert_eq!(name_of(text, part), part, "{text:?}");
        }
    }

    proptest::proptest! {
        /// [`compound`] never panics, and gives a slice of the text that
        /// holds the span, no longer than the limit unless it is the span;
        /// a token's span widened holds at least two tokens.
        #[test]
        fn compounds_are_valid_ranges(
            text in "([a-zé'’.,0-9 -]|\u{2011}|\u{2014}){0,90}",
            a in 0usize..92,
            b in 0usize..92,
            token in proptest::option::of(0usize..20),
            name in proptest::prelude::any::<bool>(),
        ) {
            let nth = token.and_then(|k| Tokens::new(&text).nth(k)).map(|t| t.span);
            let span = nth.unwrap_or(Span::new(a.min(b), a.max(b)));
            let got = compound(&text, span, name);
            if span.slice(&text).is_none() {
                proptest::prop_assert_eq!(got, span);
                return Ok(());
            }
            proptest::prop_assert!(got.slice(&text).is_some());
            proptest::prop_assert!(got.start <= span.start && got.end >= span.end);
            proptest::prop_assert!(got == span || got.len() <= MAX_COMPOUND_BYTES);
            if got != span && nth.is_some() {
                proptest::prop_assert!(Tokens::new(got.slice(&text).unwrap()).count() >= 2);
            }
        }
    }

    #[test]
    fn unicode_words_stay_whole() {
        assert_eq!(
            words("Delcy Rodríguez met Nicolás in Bogotá."),
            ["Delcy", "Rodríguez", "met", "Nicolás", "in", "Bogotá"]
        );
    }

    #[test]
    fn apostrophes_inside_words() {
        assert_eq!(words("Venezuela’s don't 'quoted' rock'n"), ["Venezuela’s", "don't", "quoted", "rock'n"]);
    }

    #[test]
    fn hyphens_split_and_join() {
        assert_eq!(toks("long-term - plan"), [("long", false), ("term", true), ("plan", false)]);
        assert_eq!(toks("CIA-Drohnenangriff"), [("CIA", false), ("Drohnenangriff", true)]);
    }

    #[test]
    fn dotted_abbreviations_stay_whole() {
        assert_eq!(
            words("U.S. forces at 9 a.m. in the U.K., e.g. here. End.Next 3.5."),
            ["U.S.", "forces", "at", "9", "a.m.", "in", "the", "U.K.", "e.g.", "here", "End", "Next", "3.5"]
        );
    }

    #[test]
    fn numbers() {
        assert_eq!(words("$1.2bn rose 3.5% to 1,200, then 7."), ["1.2bn", "rose", "3.5", "to", "1,200", "then", "7"]);
        let t = Tokens::new("42 apples").next();
        assert_eq!(t.map(|t| t.kind), Some(TokenKind::Number));
    }

    #[test]
    fn capitalization() {
        let caps: heapless::Vec<bool, 8> = Tokens::new("The CIA met rodríguez Élan").map(|t| t.capitalized).collect();
        assert_eq!(caps, [true, true, false, false, true]);
    }

    #[test]
    fn empty_and_punctuation_only() {
        assert_eq!(Tokens::new("").count(), 0);
        assert_eq!(Tokens::new("… — !!! ”“ - -").count(), 0);
    }
}
