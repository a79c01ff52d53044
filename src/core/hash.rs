//! A small fast non-cryptographic hasher (FxHash-style) for the core's in-memory tables: keys are lexicon words, not adversarial input.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// Multiply-rotate hashing, one 8-byte word at a time (the scheme of rustc's FxHasher).
#[derive(Debug, Default, Clone, Copy)]
pub struct FxHasher {
    hash: u64,
}

const K: u64 = 0xf135_7aea_2e62_a9c5;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash ^ word).wrapping_mul(K).rotate_left(23);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(w) ^ ((rest.len() as u64) << 59));
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }
    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    #[inline]
    fn finish(&self) -> u64 {
        // Spread the well-mixed high bits into the low bits the table indexes by.
        self.hash ^ (self.hash >> 29)
    }
}

/// The `BuildHasher` of `FxHasher`.
pub type FxBuild = BuildHasherDefault<FxHasher>;
/// A `HashMap` with `FxHasher`.
pub type FxHashMap<K, V> = HashMap<K, V, FxBuild>;
/// A `HashSet` with `FxHasher`.
pub type FxHashSet<K> = HashSet<K, FxBuild>;

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::{BuildHasher, Hash};

    fn h<T: Hash + ?Sized>(x: &T) -> u64 {
        FxBuild::default().hash_one(x)
    }

    #[test]
    fn distinct_keys_hash_apart_and_maps_work() {
        // Keys differing in one byte, in length only, or in a trailing zero byte.
        let pairs: &[(&str, &str)] = &[
            ("minister", "ministers"),
            ("a", "b"),
            ("", "\0"),
            ("abcdefgh", "abcdefgh\0"),
            ("prime minister", "prime ministre"),
        ];
        for (a, b) in pairs {
            assert_ne!(h(*a), h(*b), "{a:?} {b:?}");
            assert_eq!(h(*a), h(&a.to_string()), "{a:?}");
        }
        let mut m: FxHashMap<String, usize> = FxHashMap::default();
        for i in 0..5000 {
            m.insert(format!("w{i}"), i);
        }
        assert!((0..5000).all(|i| m.get(format!("w{i}").as_str()) == Some(&i)));
        assert_eq!(m.get("w5000"), None);
    }
}
