"""Large-star and small-star rounds find the components union-find finds, however the edges
are split; buckets split across partitions give the pairs of the whole."""

from __future__ import annotations

import numpy as np
import pytest

from cleaner.duplicates.clusters import union_find
from cleaner.duplicates.components import both_ways, contract, large_star, small_star
from cleaner.duplicates.lsh import bucket_pairs, candidate_pairs, common_of_counts, without, without_common
from cleaner.duplicates.shingles import ShingleSets


def star_rounds(child: np.ndarray, parent: np.ndarray, parts: int) -> tuple[np.ndarray, np.ndarray, int]:
    """Rounds as an engine runs them: each step sees the edges of a node in its partition only."""
    rounds = 0
    while True:
        changed = False
        for step in (large_star, small_star):
            node, other = both_ways(child, parent)
            found = [step(node[node % parts == p], other[node % parts == p]) for p in range(parts)]
            child = np.concatenate([f.child for f in found])
            parent = np.concatenate([f.parent for f in found])
            changed |= any(f.changed.any() for f in found)
        rounds += 1
        if not changed:
            return child, parent, rounds


@pytest.mark.parametrize("seed", range(40))
def test_star_rounds_give_the_union_find_roots(seed):
    rng = np.random.default_rng(seed)
    count = int(rng.integers(2, 80))
    left, right = rng.integers(0, count, (2, int(rng.integers(0, 120))))
    left, right = left[left != right], right[left != right]
    child, parent = (np.maximum(left, right), np.minimum(left, right)) if seed % 2 else contract(left, right)
    child, parent, _ = star_rounds(child, parent, parts=int(rng.integers(1, 5)))
    labels = np.arange(count)
    labels[child] = parent
    assert labels.tolist() == union_find(count, left, right).tolist()
    assert len(set(child.tolist())) == len(child)  # one parent each


def test_a_long_path_converges_in_few_rounds():
    path = np.arange(1, 1025)
    _, parent, rounds = star_rounds(path, path - 1, parts=3)
    assert set(parent.tolist()) == {0} and rounds <= 12


def test_contract_makes_stars_around_the_smallest():
    child, parent = contract(np.array([7, 3, 9]), np.array([3, 5, 12]))
    assert sorted(zip(child.tolist(), parent.tolist())) == [(5, 3), (7, 3), (12, 9)]


def test_buckets_split_across_partitions_give_the_pairs_of_the_whole():
    rng = np.random.default_rng(5)
    keys = rng.integers(0, 40, (300, 6)).astype(np.uint32)  # many large buckets
    whole = {tuple(p) for p in candidate_pairs(keys, max_neighbours=8).tolist()}
    buckets = (keys.astype(np.uint64) | (np.arange(6, dtype=np.uint64) << np.uint64(32))).ravel()
    items = np.repeat(np.arange(300), 6)
    split = set()
    for part in range(4):
        inside = buckets % 4 == part
        left, right = bucket_pairs(buckets[inside], items[inside], 8)
        split |= set(zip(left.tolist(), right.tolist()))
    assert split == whole and len(whole) > 300


def test_common_of_counts_counted_in_parts_leave_the_same_keys():
    rng = np.random.default_rng(2)
    sizes = rng.integers(3, 30, 500)
    hashes = [np.unique(rng.zipf(1.3, size) % 5000).astype(np.uint32) for size in sizes]
    sets = ShingleSets(np.concatenate(([0], np.cumsum([len(h) for h in hashes]))), np.concatenate(hashes))
    parts = [np.unique(np.concatenate(hashes[k::3]), return_counts=True) for k in range(3)]
    values, inverse = np.unique(np.concatenate([v for v, _ in parts]), return_inverse=True)
    counts = np.bincount(inverse, weights=np.concatenate([c for _, c in parts])).astype(np.int64)
    common = common_of_counts(values, counts, len(sets), 0.01, 20)
    assert len(common) > 3
    kept, whole = without(sets, common), without_common(sets, 0.01, 20)
    assert np.array_equal(kept.offsets, whole.offsets) and np.array_equal(kept.hashes, whole.hashes)
    assert len(kept.hashes) < len(sets.hashes)
