//! Building the core's background IDF table from a corpus of documents.
//!
//! Each document contributes each of its distinct terms once (document
//! frequency); terms are the core's own term keys, so the table always
//! matches the summarizer's normalization. Only the most frequent terms are
//! stored — they are the ones an IDF must push down — and every other term
//! gets the table's default, the IDF of a term at the cut-off.
//!
//! The file `model build` writes is the core's table ([`epitome::idf`])
//! followed by its CRC-32 (4 bytes, little-endian), so that a damaged
//! table is refused ([`checked_table`]) instead of silently scoring with
//! wrong weights: the core's own checks (magic, length, sorted hashes)
//! let most flipped bits through.

use std::collections::{HashMap, HashSet};

use epitome::normalize::Folded;
use epitome::tokenize::Tokens;

/// Default number of terms stored (5 bytes each: about 7.5 KiB).
pub const DEFAULT_TERMS: usize = 1500;

/// Distinct term keys of a document (stopwords excluded), as the core computes them.
pub fn doc_terms(text: &str) -> HashSet<u32> {
    let mut set = HashSet::new();
    for t in Tokens::new(text) {
        let Some(word) = t.span.slice(text) else { continue };
        let mut f = Folded::new(word);
        if f.is_stopword() {
            continue;
        }
        f.stem();
        set.insert(f.hash().max(1));
    }
    set
}

/// IDF in sixteenths, `16 * ln(n / df)`, rounded and kept in `1..=255`.
pub fn idf16(n: usize, df: usize) -> u8 {
    let v = (16.0 * (n.max(1) as f64 / df.max(1) as f64).ln()).round();
    v.clamp(1.0, 255.0) as u8
}

/// A built table, before serialisation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdfModel {
    /// Documents read.
    pub documents: usize,
    /// `(term hash, idf16)`, most frequent terms first.
    pub entries: Vec<(u32, u8)>,
    /// IDF for terms not in the table.
    pub default: u8,
}

impl IdfModel {
    /// Builds a table from documents, keeping the `max_terms` terms with the
    /// highest document frequency (ties broken by hash, so it is deterministic).
    pub fn build<'a>(docs: impl IntoIterator<Item = &'a str>, max_terms: usize) -> IdfModel {
        let mut df: HashMap<u32, usize> = HashMap::new();
        let mut n = 0usize;
        for d in docs {
            n += 1;
            for h in doc_terms(d) {
                *df.entry(h).or_default() += 1;
            }
        }
        let mut all: Vec<(u32, usize)> = df.into_iter().collect();
        all.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let cutoff_df = all.get(max_terms).map_or(1, |e| e.1);
        all.truncate(max_terms.min(u16::MAX as usize));
        let entries = all.iter().map(|&(h, d)| (h, idf16(n, d))).collect();
        IdfModel { documents: n, entries, default: idf16(n, cutoff_df) }
    }

    /// The table as `model build` writes it: [`IdfModel::table_bytes`]
    /// and their CRC-32.
    pub fn to_bytes(&self) -> Vec<u8> {
        epitome_report::idf_file::with_checksum(self.table_bytes())
    }

    /// The table in the core's binary format ([`epitome::idf`]).
    pub fn table_bytes(&self) -> Vec<u8> {
        let mut sorted = self.entries.clone();
        sorted.sort_by_key(|e| e.0);
        let mut buf = vec![0u8; epitome::idf::HEADER_LEN + 5 * sorted.len()];
        let n =
            epitome::Idf::write(&sorted, self.default, &mut buf).expect("buffer sized for the table, hashes distinct");
        buf.truncate(n);
        buf
    }
}

pub use epitome_report::idf_file::{TableError, checked_table};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_terms_get_low_idf_and_rare_ones_the_default() {
        let docs = ["the bridge opened today", "a bridge and a ferry", "the bridge closed", "ferry news"];
        let m = IdfModel::build(docs, 2);
        assert_eq!(m.documents, 4);
        let (bytes, legacy) = checked_table(m.to_bytes()).expect("valid table");
        assert!(!legacy);
        let idf = epitome::Idf::from_bytes(&bytes).expect("valid table");
        let key = |w: &str| epitome::normalize::term_key(w).expect("content word");
        assert_eq!(idf.lookup(key("bridge")), idf16(4, 3));
        assert_eq!(idf.lookup(key("ferry")), idf16(4, 2));
        assert_eq!(idf.lookup(key("opened")), m.default);
        assert!(idf.lookup(key("bridge")) < idf.lookup(key("ferry")));
    }

    #[test]
    fn deterministic() {
        let docs = ["x y z", "y z", "z"];
        assert_eq!(IdfModel::build(docs, 10).to_bytes(), IdfModel::build(docs, 10).to_bytes());
    }

    #[test]
    fn every_flipped_bit_is_refused() {
        let docs = ["the bridge opened today", "a bridge and a ferry", "the bridge closed", "ferry news", "news today"];
        let good = IdfModel::build(docs, 50).to_bytes();
        assert!(checked_table(good.clone()).is_ok());
        for bit in 0..good.len() * 8 {
            let mut bad = good.clone();
            bad[bit / 8] ^= 1 << (bit % 8);
            assert_eq!(checked_table(bad), Err(TableError::Corrupt), "bit {bit}");
        }
        // A table without a checksum (older builds) is still read, and said to be one.
        let bare = IdfModel::build(docs, 50).table_bytes();
        assert_eq!(checked_table(bare.clone()), Ok((bare, true)));
    }
}
