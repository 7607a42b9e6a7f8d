//! IDF table files, as `epitome model build` writes them and every front
//! end reads them (the CLI's `--idf`, Python's `idf=`): the core's table
//! ([`epitome::idf`]) followed by the CRC-32 of its bytes, little-endian,
//! so that a damaged file is told apart from a valid one. The rule lives
//! here, in the crate every front end shares, so that the writer and each
//! reader agree on it.

/// What is wrong with an IDF table file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableError {
    /// Its checksum does not match, and it is no table without one either.
    Corrupt,
}

impl core::fmt::Display for TableError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("not a valid IDF table (checksum mismatch: damaged?); rebuild it with `epitome model build`")
    }
}

impl std::error::Error for TableError {}

/// The bytes of an IDF table file: the core's `table` and its CRC-32.
pub fn with_checksum(mut table: Vec<u8>) -> Vec<u8> {
    let sum = crc32fast::hash(&table);
    table.extend_from_slice(&sum.to_le_bytes());
    table
}

/// The core's table inside the bytes of an IDF table file: its checksum
/// checked and removed. A table written before tables had checksums is
/// taken as it is if the core accepts it; the flag says so (the caller
/// should advise rebuilding it).
///
/// ```
/// use epitome_report::idf_file::{TableError, checked_table, with_checksum};
/// let mut buf = [0u8; 64];
/// let n = epitome::Idf::write(&[(7, 3)], 9, &mut buf).unwrap();
/// let table = buf[..n].to_vec();
/// assert_eq!(checked_table(with_checksum(table.clone())), Ok((table.clone(), false)));
/// assert_eq!(checked_table(table.clone()), Ok((table.clone(), true)), "no checksum: an older file");
/// let mut damaged = with_checksum(table);
/// damaged[0] ^= 1;
/// assert_eq!(checked_table(damaged), Err(TableError::Corrupt));
/// ```
pub fn checked_table(mut bytes: Vec<u8>) -> Result<(Vec<u8>, bool), TableError> {
    if let Some((table, sum)) = bytes.split_last_chunk::<4>()
        && crc32fast::hash(table) == u32::from_le_bytes(*sum)
        && epitome::Idf::from_bytes(table).is_ok()
    {
        bytes.truncate(bytes.len() - 4);
        return Ok((bytes, false));
    }
    if epitome::Idf::from_bytes(&bytes).is_ok() {
        return Ok((bytes, true));
    }
    Err(TableError::Corrupt)
}
