"""Jaccard similarity of many pairs at once equals the plain set computation."""

from __future__ import annotations

import numpy as np

from cleaner.duplicates import similarity
from cleaner.duplicates.shingles import ShingleSets


def test_equal_to_python_sets(monkeypatch):
    monkeypatch.setattr(similarity, "PAIR_BLOCK", 50)  # several blocks
    rng = np.random.default_rng(5)
    sets = [np.unique(rng.integers(0, 40, rng.integers(0, 30))).astype(np.uint32) for _ in range(30)]
    packed = ShingleSets(np.concatenate(([0], np.cumsum([len(s) for s in sets]))), np.concatenate(sets))
    left, right = rng.integers(0, 30, 200), rng.integers(0, 30, 200)
    got = similarity.jaccard(packed, left, right)
    for value, a, b in zip(got, left, right):
        x, y = set(sets[a].tolist()), set(sets[b].tolist())
        assert value == (len(x & y) / len(x | y) if x | y else 0.0)
