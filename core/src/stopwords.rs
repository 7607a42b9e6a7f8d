//! English stopwords, compiled into flash as a sorted table plus a hash
//! index built at compile time.
//!
//! A lookup takes the case-folded word's hash (straight apostrophe), which
//! folding computes anyway, tests one bit of a filter indexed by the hash
//! (most other words stop there), probes a perfect hash built at compile
//! time and confirms a hit with one integer comparison: exact, one probe,
//! and about ten times cheaper than a binary search of byte strings.
//! Nothing is built at run time. The list is the usual English function
//! words plus a few reporting words that carry no topic in news (`said`,
//! `told`, `according`) and honorifics (`mr`, `mrs`, `ms`).

use crate::hash::fnv1a;

/// Sorted (bytewise) English stopwords, case-folded.
pub static ENGLISH: [&[u8]; 259] = [
    b"a",
    b"about",
    b"above",
    b"according",
    b"after",
    b"again",
    b"against",
    b"ago",
    b"all",
    b"almost",
    b"also",
    b"although",
    b"am",
    b"among",
    b"an",
    b"and",
    b"another",
    b"any",
    b"are",
    b"aren't",
    b"around",
    b"as",
    b"at",
    b"away",
    b"back",
    b"be",
    b"became",
    b"because",
    b"become",
    b"been",
    b"before",
    b"being",
    b"below",
    b"between",
    b"both",
    b"but",
    b"by",
    b"can",
    b"can't",
    b"cannot",
    b"could",
    b"couldn't",
    b"did",
    b"didn't",
    b"do",
    b"does",
    b"doesn't",
    b"doing",
    b"don't",
    b"done",
    b"down",
    b"during",
    b"each",
    b"either",
    b"else",
    b"even",
    b"ever",
    b"every",
    b"few",
    b"for",
    b"from",
    b"further",
    b"get",
    b"gets",
    b"getting",
    b"go",
    b"goes",
    b"going",
    b"got",
    b"had",
    b"hadn't",
    b"has",
    b"hasn't",
    b"have",
    b"haven't",
    b"having",
    b"he",
    b"he'd",
    b"he'll",
    b"he's",
    b"her",
    b"here",
    b"here's",
    b"hers",
    b"herself",
    b"him",
    b"himself",
    b"his",
    b"how",
    b"how's",
    b"however",
    b"i",
    b"i'd",
    b"i'll",
    b"i'm",
    b"i've",
    b"if",
    b"in",
    b"into",
    b"is",
    b"isn't",
    b"it",
    b"it's",
    b"its",
    b"itself",
    b"just",
    b"least",
    b"less",
    b"let",
    b"let's",
    b"like",
    b"made",
    b"make",
    b"makes",
    b"many",
    b"may",
    b"me",
    b"might",
    b"more",
    b"most",
    b"mr",
    b"mrs",
    b"ms",
    b"much",
    b"must",
    b"mustn't",
    b"my",
    b"myself",
    b"neither",
    b"no",
    b"nor",
    b"not",
    b"now",
    b"of",
    b"off",
    b"often",
    b"on",
    b"once",
    b"one",
    b"only",
    b"onto",
    b"or",
    b"other",
    b"others",
    b"otherwise",
    b"our",
    b"ours",
    b"ourselves",
    b"out",
    b"over",
    b"own",
    b"per",
    b"perhaps",
    b"put",
    b"rather",
    b"really",
    b"said",
    b"same",
    b"say",
    b"saying",
    b"says",
    b"see",
    b"seen",
    b"shall",
    b"shan't",
    b"she",
    b"she'd",
    b"she'll",
    b"she's",
    b"should",
    b"shouldn't",
    b"since",
    b"so",
    b"some",
    b"still",
    b"such",
    b"than",
    b"that",
    b"that's",
    b"the",
    b"their",
    b"theirs",
    b"them",
    b"themselves",
    b"then",
    b"there",
    b"there's",
    b"these",
    b"they",
    b"they'd",
    b"they'll",
    b"they're",
    b"they've",
    b"this",
    b"those",
    b"though",
    b"through",
    b"thus",
    b"to",
    b"together",
    b"told",
    b"too",
    b"toward",
    b"towards",
    b"under",
    b"until",
    b"unto",
    b"up",
    b"upon",
    b"us",
    b"use",
    b"used",
    b"very",
    b"via",
    b"was",
    b"wasn't",
    b"we",
    b"we'd",
    b"we'll",
    b"we're",
    b"we've",
    b"well",
    b"were",
    b"weren't",
    b"what",
    b"what's",
    b"whatever",
    b"when",
    b"when's",
    b"where",
    b"where's",
    b"whether",
    b"which",
    b"while",
    b"who",
    b"who's",
    b"whoever",
    b"whom",
    b"whose",
    b"why",
    b"why's",
    b"will",
    b"with",
    b"within",
    b"without",
    b"won't",
    b"would",
    b"wouldn't",
    b"yes",
    b"yet",
    b"you",
    b"you'd",
    b"you'll",
    b"you're",
    b"you've",
    b"your",
    b"yours",
    b"yourself",
    b"yourselves",
];

/// Lower-case particles that may sit inside a name (`Tren de Aragua`,
/// `Bank of England` uses `of`, which is a stopword and handled apart).
pub static NAME_CONNECTORS: [&[u8]; 16] = [
    b"al", b"bin", b"da", b"de", b"del", b"della", b"der", b"di", b"dos", b"du", b"el", b"la", b"le", b"van", b"von",
    b"y",
];

/// Buckets of the perfect hash (a power of two, about half the list): a
/// word's bucket is the top bits of its hash, and each bucket has a seed
/// that sends its words to free slots.
const BUCKET_BITS: u32 = 7;
/// Slots of the perfect hash (a power of two, about twice the list, so a
/// seed for the last buckets is quick to find).
const SLOT_BITS: u32 = 9;

#[inline]
const fn bucket(hash: u32) -> usize {
    (hash >> (32 - BUCKET_BITS)) as usize
}

/// The slot of a word with hash `hash` in a bucket with seed `seed`: the
/// multiply carries every bit of the hash into the top bits it keeps.
#[inline]
const fn slot(hash: u32, seed: u8) -> usize {
    ((hash ^ (seed as u32).wrapping_mul(0x9E37_79B9)).wrapping_mul(0x85EB_CA6B) >> (32 - SLOT_BITS)) as usize
}

/// A perfect hash of [`ENGLISH`], built at compile time: no two stopwords
/// share a slot, so a lookup is one probe with no loop and no branch on
/// collisions. `slots` holds `1 + position in ENGLISH`, 0 when empty.
struct Perfect {
    seeds: [u8; 1 << BUCKET_BITS],
    slots: [u16; 1 << SLOT_BITS],
}

/// Why a `const` build rather than the `phf` crate: phf hashes with
/// SipHash-1-3 over the word's bytes (tens of instructions per word), while
/// every word here already has its FNV-1a hash from folding, so a perfect
/// hash keyed on that hash costs two multiplies. And no build script: a
/// `const fn` over the list is the whole generator, checked by the compiler.
const fn build_perfect() -> Perfect {
    const N: usize = ENGLISH.len();
    assert!(N < u16::MAX as usize && N * 4 <= (1 << SLOT_BITS) * 3);
    let mut hashes = [0u32; N];
    let mut sizes = [0usize; 1 << BUCKET_BITS];
    let mut w = 0;
    while w < N {
        hashes[w] = fnv1a(ENGLISH[w]);
        sizes[bucket(hashes[w])] += 1;
        w += 1;
    }
    let mut p = Perfect { seeds: [0; 1 << BUCKET_BITS], slots: [0; 1 << SLOT_BITS] };
    // Largest buckets first, while most slots are free.
    let mut size = N;
    while size > 0 {
        let mut b = 0;
        while b < sizes.len() {
            if sizes[b] == size {
                p.seeds[b] = place(&mut p.slots, &hashes, b);
            }
            b += 1;
        }
        size -= 1;
    }
    p
}

/// Finds a seed that puts every word of bucket `b` in a free slot, takes
/// those slots and returns the seed; fails the build if none does.
const fn place(slots: &mut [u16; 1 << SLOT_BITS], hashes: &[u32], b: usize) -> u8 {
    let mut seed = 0u32;
    while seed <= u8::MAX as u32 {
        let mut ok = true;
        let mut w = 0;
        while w < hashes.len() && ok {
            if bucket(hashes[w]) == b {
                let s = slot(hashes[w], seed as u8);
                if slots[s] == 0 {
                    slots[s] = (w + 1) as u16;
                } else {
                    ok = false;
                }
            }
            w += 1;
        }
        if ok {
            return seed as u8;
        }
        // Give back this try's slots.
        let mut w = 0;
        while w < hashes.len() {
            let s = slot(hashes[w], seed as u8);
            if bucket(hashes[w]) == b && slots[s] == (w + 1) as u16 {
                slots[s] = 0;
            }
            w += 1;
        }
        seed += 1;
    }
    panic!("no seed places this bucket: change BUCKET_BITS or SLOT_BITS");
}

static PERFECT: Perfect = build_perfect();

/// Longest stopword in bytes: a longer word is never one, without a probe.
pub const LONGEST: usize = {
    let mut n = 0;
    let mut w = 0;
    while w < ENGLISH.len() {
        if ENGLISH[w].len() > n {
            n = ENGLISH[w].len();
        }
        w += 1;
    }
    // Keys hold the bytes in 15 bytes and the length in the 16th.
    assert!(n < 16);
    n
};

/// The key of a word of at most [`LONGEST`] bytes: its bytes little-endian
/// and its length in the top byte, so equal keys mean equal words and a
/// probe compares one integer instead of two byte strings. `prefix` holds
/// the word's bytes, zero after them (as [`crate::normalize::Folded`] keeps
/// its buffer), so no mask is needed.
#[inline]
pub const fn key(prefix: [u8; 16], len: usize) -> u128 {
    u128::from_le_bytes(prefix) | ((len as u128) << 120)
}

/// The key of each word of [`ENGLISH`], at the same position.
static KEYS: [u128; ENGLISH.len()] = {
    let mut keys = [0u128; ENGLISH.len()];
    let mut w = 0;
    while w < ENGLISH.len() {
        let mut prefix = [0u8; 16];
        let mut i = 0;
        while i < ENGLISH[w].len() {
            prefix[i] = ENGLISH[w][i];
            i += 1;
        }
        keys[w] = key(prefix, ENGLISH[w].len());
        w += 1;
    }
    keys
};

/// Bits of a stopword's hash that index [`MAYBE`]: a word whose bit is
/// clear is no stopword, with no probe.
const MAYBE_BITS: u32 = 11;

/// One bit per value of a hash's low [`MAYBE_BITS`] bits, set for those of
/// every stopword: about an eighth of the bits are set, so most other
/// words are told apart by one load and one bit test (a filter, exact for
/// every stopword: their bits are all set).
static MAYBE: [u64; 1 << (MAYBE_BITS - 6)] = {
    let mut bits = [0u64; 1 << (MAYBE_BITS - 6)];
    let mut w = 0;
    while w < ENGLISH.len() {
        let h = fnv1a(ENGLISH[w]) & ((1 << MAYBE_BITS) - 1);
        bits[(h >> 6) as usize] |= 1 << (h & 63);
        w += 1;
    }
    bits
};

/// True if the folded word with [`key`] `k` and FNV-1a hash `hash` is an
/// English stopword: one probe of the perfect hash, one comparison. The
/// caller checks that the word has at most [`LONGEST`] bytes.
#[inline]
pub fn is_stopword_key(k: u128, hash: u32) -> bool {
    let low = hash & ((1 << MAYBE_BITS) - 1);
    if MAYBE.get((low >> 6) as usize).copied().unwrap_or(0) >> (low & 63) & 1 == 0 {
        return false;
    }
    // Both indices are in range by their shifts: no bounds check, no panic.
    let seed = PERFECT.seeds.get(bucket(hash)).copied().unwrap_or(0);
    let at = PERFECT.slots.get(slot(hash, seed)).copied().unwrap_or(0);
    KEYS.get(usize::from(at).wrapping_sub(1)) == Some(&k)
}

/// True if the folded word with FNV-1a hash `hash` and bytes `folded` is
/// an English stopword (the caller already has the hash).
pub fn is_stopword_hashed(folded: &[u8], hash: u32) -> bool {
    if folded.len() > LONGEST {
        return false;
    }
    let mut prefix = [0u8; 16];
    for (d, &s) in prefix.iter_mut().zip(folded) {
        *d = s;
    }
    is_stopword_key(key(prefix, folded.len()), hash)
}

/// True if `folded` (lower-case, `'` apostrophes) is an English stopword.
///
/// ```
/// assert!(epitome::stopwords::is_stopword(b"the"));
/// assert!(!epitome::stopwords::is_stopword(b"venezuela"));
/// ```
pub fn is_stopword(folded: &[u8]) -> bool {
    is_stopword_hashed(folded, fnv1a(folded))
}

/// A word of at most 7 bytes as one integer: its bytes, then its length in
/// the top byte, so equal keys mean equal words (`None` if it is longer).
const fn short_key(word: &[u8]) -> Option<u64> {
    if word.len() > 7 {
        return None;
    }
    let mut k = (word.len() as u64) << 56;
    let mut i = 0;
    while i < word.len() {
        k |= (word[i] as u64) << (8 * i);
        i += 1;
    }
    Some(k)
}

/// [`short_key`] of each name connector and of `of`, sorted: a test is a
/// binary search of integers, not of byte strings (about a third of the
/// instructions).
static CONNECTOR_KEYS: [u64; NAME_CONNECTORS.len() + 1] = {
    let mut keys = [0u64; NAME_CONNECTORS.len() + 1];
    let mut w = 0;
    while w < keys.len() {
        let word = if w < NAME_CONNECTORS.len() { NAME_CONNECTORS[w] } else { b"of" };
        keys[w] = match short_key(word) {
            Some(k) => k,
            None => panic!("name connectors have at most 7 bytes"),
        };
        w += 1;
    }
    // Insertion sort: the build's whole generator.
    let mut i = 1;
    while i < keys.len() {
        let mut j = i;
        while j > 0 && keys[j - 1] > keys[j] {
            let t = keys[j];
            keys[j] = keys[j - 1];
            keys[j - 1] = t;
            j -= 1;
        }
        i += 1;
    }
    keys
};

/// True if `folded` may join two capitalized words into one name.
pub fn is_name_connector(folded: &[u8]) -> bool {
    short_key(folded).is_some_and(|k| CONNECTOR_KEYS.binary_search(&k).is_ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted_and_unique() {
        assert!(ENGLISH.windows(2).all(|w| w[0] < w[1]));
        assert!(NAME_CONNECTORS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn index_agrees_with_binary_search() {
        for w in ENGLISH {
            assert!(is_stopword(w));
        }
        for w in [&b"cia"[..], b"theirs's", b"x", b"saids", b"mrs.", b""] {
            assert_eq!(is_stopword(w), ENGLISH.binary_search(&w).is_ok());
        }
    }

    #[test]
    fn lookups() {
        for w in [&b"a"[..], b"yourselves", b"don't", b"said", b"the"] {
            assert!(is_stopword(w), "{:?}", core::str::from_utf8(w));
        }
        for w in [&b"cia"[..], b"maduro", b"", b"zzz", b"thee"] {
            assert!(!is_stopword(w));
        }
        assert!(is_name_connector(b"de") && is_name_connector(b"of") && !is_name_connector(b"and"));
        assert!(
            !is_name_connector(b"")
                && !is_name_connector(b"dellas")
                && !is_name_connector(b"d")
                && !is_name_connector(b"vanvanvan")
        );
    }
}
