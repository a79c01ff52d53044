//! One stable sort for the whole core: every call sorts indices through a single non-generic routine,
//! so the wasm carries one copy of the sort algorithm instead of one per element type (a size budget
//! matter: each `slice::sort_by` instantiation costs a few KB).

use std::cmp::Ordering;

/// Sort a permutation of `0..n` stably with `cmp` on the original positions.
#[inline(never)]
fn sorted_indices(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..n).collect();
    idx.sort_by(|&a, &b| cmp(a, b));
    idx
}

/// Stable sort of `v` by `cmp` (same result as `slice::sort_by`).
pub fn sort_by<T>(v: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let idx = sorted_indices(v.len(), &|a, b| cmp(&v[a], &v[b]));
    // Apply the permutation in place, one cycle at a time: position i receives old v[idx[i]].
    let mut done = vec![false; v.len()];
    for start in 0..v.len() {
        if done[start] {
            continue;
        }
        let mut cur = start;
        loop {
            done[cur] = true;
            let next = idx[cur];
            if next == start {
                break;
            }
            v.swap(cur, next);
            cur = next;
        }
    }
}

/// The stable order of `v` by `cmp`: the index of the smallest item first.
pub fn order_by<T>(v: &[T], cmp: impl Fn(&T, &T) -> Ordering) -> Vec<usize> {
    sorted_indices(v.len(), &|a, b| cmp(&v[a], &v[b]))
}

/// Stable sort of `v` by a key (same result as `slice::sort_by_key`).
pub fn sort_by_key<T, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Stable sort of `v` in its natural order (same result as `slice::sort`).
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, |a, b| a.cmp(b));
}

/// A stable sort of the indices `0..n` done a little at a time, for work that must yield between
/// steps: a bottom-up merge sort whose merges resume where they stopped. Once `step` says it is
/// done, `order` is what `order_by` gives (a stable sort has one result).
#[derive(Debug, Default)]
pub struct StepSort {
    idx: Vec<usize>,
    buf: Vec<usize>,
    /// Length of the runs being merged, and the merge under way: `idx[lo..mid]` with
    /// `idx[mid..hi]` into `buf[lo..hi]`, taken up to `i`, `j`, written up to `k`.
    width: usize,
    lo: usize,
    i: usize,
    j: usize,
    k: usize,
}

impl StepSort {
    pub fn new(n: usize) -> StepSort {
        StepSort {
            idx: (0..n).collect(),
            buf: vec![0; n],
            width: 1,
            ..StepSort::default()
        }
    }

    /// Sort on for about `budget` placed indices; true once sorted.
    #[inline(never)]
    pub fn step(&mut self, budget: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> bool {
        let n = self.idx.len();
        let mut left = budget.max(1);
        while self.width < n {
            while self.lo < n {
                let mid = (self.lo + self.width).min(n);
                let hi = (self.lo + 2 * self.width).min(n);
                if self.k == 0 && self.i == 0 && self.j == 0 {
                    (self.i, self.j, self.k) = (self.lo, mid, self.lo);
                }
                while self.k < hi {
                    if left == 0 {
                        return false;
                    }
                    left -= 1;
                    // Ties take the left run first: stable.
                    let take_left = self.j >= hi
                        || (self.i < mid
                            && cmp(self.idx[self.j], self.idx[self.i]) != Ordering::Less);
                    if take_left {
                        self.buf[self.k] = self.idx[self.i];
                        self.i += 1;
                    } else {
                        self.buf[self.k] = self.idx[self.j];
                        self.j += 1;
                    }
                    self.k += 1;
                }
                (self.lo, self.i, self.j, self.k) = (hi, 0, 0, 0);
            }
            std::mem::swap(&mut self.idx, &mut self.buf);
            (self.width, self.lo) = (self.width * 2, 0);
        }
        true
    }

    /// The sorted order (the index of the smallest item first).
    pub fn order(self) -> Vec<usize> {
        self.idx
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_stable_sort() {
        let mut seed = 0x9e37_79b9_u32;
        for len in [0usize, 1, 2, 3, 10, 57, 300] {
            let v: Vec<(u8, u32)> = (0..len as u32)
                .map(|i| {
                    seed ^= seed << 13;
                    seed ^= seed >> 17;
                    seed ^= seed << 5;
                    ((seed % 7) as u8, i)
                })
                .collect();
            let mut ours = v.clone();
            let mut std_sorted = v.clone();
            sort_by_key(&mut ours, |p| p.0);
            std_sorted.sort_by_key(|p| p.0);
            assert_eq!(ours, std_sorted);
            let mut all = v.clone();
            sort(&mut all);
            let mut std_all = v.clone();
            std_all.sort();
            assert_eq!(all, std_all);
            // A step sort gives the same order whatever its steps.
            let want = order_by(&v, |a, b| a.0.cmp(&b.0));
            for budget in [1, 2, 7, 64, 10_000] {
                let mut s = StepSort::new(v.len());
                let mut steps = 0;
                while !s.step(budget, &|a, b| v[a].0.cmp(&v[b].0)) {
                    steps += 1;
                    assert!(steps <= v.len() * 20 + 1, "the step sort ends");
                }
                assert_eq!(s.order(), want, "len {len}, budget {budget}");
            }
        }
    }
}
