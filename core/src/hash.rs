//! FNV-1a: the hash that names a term (32 bits) and a sentence's word
//! sequence (64 bits). One multiply per byte, cheap on a Cortex-M0+, and the
//! same on every target, which keeps results byte-identical everywhere.
//! `const fn`, so the stopword index is built from the same code at compile
//! time.

/// 32-bit FNV-1a offset basis.
pub const OFFSET: u32 = 0x811c_9dc5;
/// 32-bit FNV prime.
pub const PRIME: u32 = 0x0100_0193;
/// 64-bit FNV-1a offset basis.
pub const OFFSET64: u64 = 0xcbf2_9ce4_8422_2325;
/// 64-bit FNV prime.
pub const PRIME64: u64 = 0x0000_0100_0000_01b3;

/// One byte of 32-bit FNV-1a: `h` is the hash so far ([`OFFSET`] at first).
#[inline]
pub const fn step(h: u32, b: u8) -> u32 {
    (h ^ b as u32).wrapping_mul(PRIME)
}

/// The inverse of [`PRIME`] modulo 2^32 (it is odd, so it has one), by
/// Newton's iteration: each step doubles the correct low bits, from 3.
pub const PRIME_INV: u32 = {
    let mut x = PRIME;
    let mut i = 0;
    while i < 5 {
        x = x.wrapping_mul(2u32.wrapping_sub(PRIME.wrapping_mul(x)));
        i += 1;
    }
    assert!(PRIME.wrapping_mul(x) == 1);
    x
};

/// Undoes [`step`]: the hash before byte `b`, from the hash `h` after it.
/// Dropping a word's last bytes from its hash this way costs two
/// instructions a byte, where hashing the shorter word again costs a pass.
#[inline]
pub const fn unstep(h: u32, b: u8) -> u32 {
    h.wrapping_mul(PRIME_INV) ^ b as u32
}

/// One byte of 64-bit FNV-1a: `h` is the hash so far ([`OFFSET64`] at first).
#[inline]
pub const fn step64(h: u64, b: u8) -> u64 {
    (h ^ b as u64).wrapping_mul(PRIME64)
}

/// 32-bit FNV-1a of `bytes`.
///
/// ```
/// assert_eq!(epitome::hash::fnv1a(b""), 0x811c_9dc5);
/// assert_eq!(epitome::hash::fnv1a(b"a"), 0xe40c_292c);
/// ```
pub const fn fnv1a(bytes: &[u8]) -> u32 {
    let mut h = OFFSET;
    let mut i = 0;
    while i < bytes.len() {
        h = step(h, bytes[i]);
        i += 1;
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unstep_undoes_step() {
        for h in [0, 1, OFFSET, u32::MAX, 0x1234_5678, fnv1a(b"bridges")] {
            for b in 0..=255u8 {
                assert_eq!(unstep(step(h, b), b), h);
            }
        }
        assert_eq!(unstep(fnv1a(b"bridges"), b's'), fnv1a(b"bridge"));
    }
}
