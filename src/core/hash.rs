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
            self.add(tail_word(rest) ^ ((rest.len() as u64) << 59));
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

/// 1-7 bytes as the little-endian `u64` of them padded with zeros, read with two overlapping
/// loads instead of a copy into a buffer (a `memcpy` call for a variable length).
#[inline]
fn tail_word(b: &[u8]) -> u64 {
    let n = b.len();
    let at = |i: usize| u64::from(b.get(i).copied().unwrap_or(0));
    if n >= 4 {
        let half = |i: usize| {
            b.get(i..i + 4)
                .and_then(|w| w.try_into().ok())
                .map_or(0, |w| u64::from(u32::from_le_bytes(w)))
        };
        // Bytes 0-3, and bytes n-4..n at their place: the overlap holds the same bits twice.
        half(0) | half(n - 4) << (8 * (n - 4))
    } else {
        // 1-3 bytes: the first, middle and last cover them all.
        at(0) | at(n / 2) << (8 * (n / 2)) | at(n - 1) << (8 * (n - 1))
    }
}

/// The `BuildHasher` of `FxHasher`.
pub type FxBuild = BuildHasherDefault<FxHasher>;
/// A `HashMap` with `FxHasher`.
pub type FxHashMap<K, V> = HashMap<K, V, FxBuild>;
/// A `HashSet` with `FxHasher`.
pub type FxHashSet<K> = HashSet<K, FxBuild>;

/// A set of words kept as bits of a cheap hash of their length and first, middle and last
/// bytes: `may_contain` is true for every inserted word and false for most others, so a table
/// lookup (hashing the whole word, comparing keys) is skipped for most words a table lacks.
#[derive(Debug, Clone, Default)]
pub struct WordFilter {
    bits: Vec<u64>,
}

impl WordFilter {
    #[inline]
    fn slot(&self, w: &str) -> usize {
        let b = w.as_bytes();
        let n = b.len();
        let (first, mid, last) = match n {
            0 => (0, 0, 0),
            _ => (b[0], b[n / 2], b[n - 1]),
        };
        let x = u64::from(first)
            | u64::from(mid) << 8
            | u64::from(last) << 16
            | (n as u64 & 0xff) << 24;
        // `bits.len()` is a power of two (see `insert`).
        (x.wrapping_mul(K).rotate_left(26) as usize) & (self.bits.len() * 64 - 1)
    }

    /// A filter sized for about `n` words (16 bits per word, at least 1024).
    pub fn with_capacity(n: usize) -> WordFilter {
        WordFilter {
            bits: vec![0; (n * 16).next_power_of_two().max(1024) / 64],
        }
    }

    pub fn insert(&mut self, w: &str) {
        if self.bits.is_empty() {
            self.bits = vec![0; 1024 / 64];
        }
        let k = self.slot(w);
        self.bits[k / 64] |= 1 << (k % 64);
    }

    /// False only if `w` was never inserted (an empty filter says true: it knows nothing).
    #[inline]
    pub fn may_contain(&self, w: &str) -> bool {
        if self.bits.is_empty() {
            return true;
        }
        let k = self.slot(w);
        self.bits[k / 64] & (1 << (k % 64)) != 0
    }
}

/// A `FxHashMap` keyed by words with a `WordFilter` in front: `get` of a word the map lacks
/// mostly returns without hashing the word.
#[derive(Debug, Clone, Default)]
pub struct FilteredMap<V> {
    map: FxHashMap<String, V>,
    filter: WordFilter,
}

impl<V: Default> FilteredMap<V> {
    /// The value of `k`, inserted as `V::default()` when missing.
    pub fn entry_default(&mut self, k: String) -> &mut V {
        self.filter.insert(&k);
        self.map.entry(k).or_default()
    }

    /// Size the filter for the keys now in the map (call once they are all in).
    pub fn finish(&mut self) {
        let mut f = WordFilter::with_capacity(self.map.len());
        for k in self.map.keys() {
            f.insert(k);
        }
        self.filter = f;
    }

    /// Insert `v` under `k` unless `k` is there already.
    pub fn insert_if_absent(&mut self, k: String, v: impl FnOnce() -> V) {
        self.filter.insert(&k);
        self.map.entry(k).or_insert_with(v);
    }

    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.map.keys()
    }

    #[inline]
    pub fn get(&self, k: &str) -> Option<&V> {
        if self.map.is_empty() || !self.filter.may_contain(k) {
            return None;
        }
        self.map.get(k)
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    pub fn len(&self) -> usize {
        self.map.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_keep_every_inserted_word_and_drop_most_others() {
        let words: Vec<String> = (0..3000).map(|i| format!("word{i}")).collect();
        let mut m: FilteredMap<usize> = FilteredMap::default();
        for (i, w) in words.iter().enumerate() {
            *m.entry_default(w.clone()) = i;
        }
        // Before and after sizing, every key is found.
        assert!(words.iter().enumerate().all(|(i, w)| m.get(w) == Some(&i)));
        m.finish();
        assert!(words.iter().enumerate().all(|(i, w)| m.get(w) == Some(&i)));
        assert_eq!(m.len(), 3000);
        // Unrelated words: most are rejected by the filter, and none is found.
        let others = [
            "the",
            "and",
            "of",
            "minister",
            "président",
            "",
            "x",
            "hội nghị",
        ];
        assert!(others.iter().all(|w| m.get(w).is_none()));
        let mut f = WordFilter::with_capacity(3);
        for w in ["visit", "met", "talks"] {
            f.insert(w);
        }
        assert!(["visit", "met", "talks"].iter().all(|w| f.may_contain(w)));
        let rejected = ["the", "and", "of", "with", "said", "president", "a", "in"]
            .iter()
            .filter(|w| !f.may_contain(w))
            .count();
        assert!(rejected >= 6, "{rejected}");
        assert!(WordFilter::default().may_contain("anything"));
    }
    use std::hash::{BuildHasher, Hash};

    fn h<T: Hash + ?Sized>(x: &T) -> u64 {
        FxBuild::default().hash_one(x)
    }

    #[test]
    fn tails_read_as_zero_padded_words() {
        let b = b"abcdefgh";
        for n in 1..8 {
            let mut w = [0u8; 8];
            w[..n].copy_from_slice(&b[..n]);
            assert_eq!(tail_word(&b[..n]), u64::from_le_bytes(w), "{n}");
        }
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
