"""Jaccard similarity of many pairs of shingle sets at once, by merging their sorted hashes.

The sets are anything with ``sizes`` and ``select(indices)`` (a :class:`ShingleSets`, or sets
on disk, :class:`cleaner.duplicates.spill.SetFile`): a block of pairs copies out the sets it needs.
"""

from __future__ import annotations

import numpy as np

from cleaner.duplicates.shingles import SetSource
from cleaner.duplicates.words import ranges

PAIR_BLOCK = 1 << 22  # hashes merged at a time: bounds the memory of one step


def jaccard(sets: SetSource, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """``|A & B| / |A | B|`` for each pair ``(sets[left[k]], sets[right[k]])``."""
    sizes = sets.sizes
    result = np.empty(len(left), dtype=np.float64)
    done = np.cumsum(sizes[left] + sizes[right])  # hashes merged up to each pair
    start = 0
    while start < len(left):
        before = done[start - 1] if start else 0
        stop = max(start + 1, int(np.searchsorted(done, before + PAIR_BLOCK)))
        result[start:stop] = _jaccard_block(sets, left[start:stop], right[start:stop])
        start = stop
    return result


def _jaccard_block(sets: SetSource, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    # the block's sets, copied out once (the sets may be on disk), numbered in that copy
    items, inverse = np.unique(np.concatenate((left, right)), return_inverse=True)
    block = sets.select(items)
    left, right = inverse[: len(left)], inverse[len(left) :]
    sizes = block.sizes
    a, b = sizes[left], sizes[right]
    pair_ids = np.arange(len(left), dtype=np.uint64) << np.uint64(32)
    # (pair, hash) keys: each side is sorted already (pairs in order, each set sorted), so the
    # stable sort (timsort) only merges two runs
    keys = np.concatenate(
        (
            np.repeat(pair_ids, a) | block.hashes[ranges(block.offsets[left], a)],
            np.repeat(pair_ids, b) | block.hashes[ranges(block.offsets[right], b)],
        )
    )
    keys.sort(kind="stable")
    # each set holds a hash once, so a hash seen twice within a pair is in both sets
    shared = keys[1:][keys[1:] == keys[:-1]] >> np.uint64(32)
    inter = np.bincount(shared.astype(np.int64), minlength=len(left))
    union = a + b - inter
    return np.divide(inter, union, out=np.zeros(len(left)), where=union > 0)
