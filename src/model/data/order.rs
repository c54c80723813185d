//! Sorting in a few hundred bytes of wasm, where each std sort instance costs two to three KB:
//! insertion sort for the short lists of a page (a contest's options, a handful of cycles), and one
//! merge sort of indices behind a `dyn` comparator for the long ones (contests, ids), so they all
//! share a single copy of the code.

use std::cmp::Ordering;

/// `0..len` in the order `compare` gives to the indices; stable, n log n.
pub fn sorted_indices(len: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut items: Vec<usize> = (0..len).collect();
    let mut merged = items.clone();
    let mut width = 1;
    while width < len {
        for start in (0..len).step_by(2 * width) {
            let middle = (start + width).min(len);
            let end = (start + 2 * width).min(len);
            let (mut left, mut right) = (start, middle);
            for slot in &mut merged[start..end] {
                // Take from the right run only when strictly less: equal items keep their order.
                let take_right =
                    left == middle || (right < end && compare(items[right], items[left]) == Ordering::Less);
                if take_right {
                    *slot = items[right];
                    right += 1;
                } else {
                    *slot = items[left];
                    left += 1;
                }
            }
        }
        std::mem::swap(&mut items, &mut merged);
        width *= 2;
    }
    items
}

/// Stable; quadratic, so only for lists of tens of items.
pub fn sort_short<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && compare(&items[j - 1], &items[j]) == Ordering::Greater {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// A figure of each of a few candidates (by index), where known. One instance for every figure
/// (`dyn`): each generic copy would cost wasm.
pub type Figure<'a> = &'a dyn Fn(usize) -> Option<i64>;

/// The `candidates` that have `figure`, highest first (stable), with it.
pub fn ranked(candidates: &[usize], figure: Figure) -> Vec<(usize, i64)> {
    let mut ranked: Vec<(usize, i64)> = candidates.iter().filter_map(|&i| figure(i).map(|f| (i, f))).collect();
    sort_short(&mut ranked, |a, b| b.1.cmp(&a.1));
    ranked
}

/// The candidates level at the top of `figure`, and the first below them.
pub fn leaders(candidates: &[usize], figure: Figure) -> (Vec<usize>, Option<usize>) {
    let ranked = ranked(candidates, figure);
    let Some(&(_, best)) = ranked.first() else {
        return (Vec::new(), None);
    };
    let top: Vec<usize> = ranked.iter().take_while(|(_, f)| *f == best).map(|(i, _)| *i).collect();
    let runner_up = ranked.get(top.len()).map(|(i, _)| *i);
    (top, runner_up)
}

/// The items in ascending order, through [`sorted_indices`].
pub fn sorted<T: Ord>(mut items: Vec<T>) -> Vec<T> {
    let order = sorted_indices(items.len(), &mut |a, b| items[a].cmp(&items[b]));
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    order.into_iter().filter_map(|i| slots[i].take()).collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn sorted_indices_is_a_stable_sort() {
        for len in [0usize, 1, 2, 3, 7, 64, 1000] {
            // Many repeats, so stability shows.
            let keys: Vec<u64> = (0..len as u64).map(|i| (i * 7919 + 13) % 17).collect();
            let order = super::sorted_indices(len, &mut |a, b| keys[a].cmp(&keys[b]));
            let mut expected: Vec<usize> = (0..len).collect();
            expected.sort_by_key(|&i| keys[i]);
            assert_eq!(order, expected, "len {len}");
        }
        assert_eq!(super::sorted(vec!["b", "a", "c", "a"]), ["a", "a", "b", "c"]);
    }

    #[test]
    fn sorts_and_keeps_equal_items_in_order() {
        let mut items = [(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        super::sort_short(&mut items, |a, b| a.0.cmp(&b.0));
        assert_eq!(items, [(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
    }
}
