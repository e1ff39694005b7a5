"""Union-find over array pairs, and the canonical copy of each group."""

from __future__ import annotations

import numpy as np


def union_find(count: int, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """The root of each of ``count`` items once the pairs are joined: its group's smallest item.

    Union by smallest root and full path compression, both as array steps: every pair hooks
    the larger of its two roots under the smaller, then every item jumps to its root; repeated
    until no pair joins two groups.
    """
    parent = np.arange(count, dtype=np.int64)
    left, right = np.asarray(left, dtype=np.int64), np.asarray(right, dtype=np.int64)
    while True:
        root_left, root_right = parent[left], parent[right]
        apart = root_left != root_right
        if not apart.any():
            return parent
        low = np.minimum(root_left[apart], root_right[apart])
        high = np.maximum(root_left[apart], root_right[apart])
        np.minimum.at(parent, high, low)
        while True:
            jumped = parent[parent]
            if np.array_equal(jumped, parent):
                break
            parent = jumped


def groups(roots: np.ndarray) -> list[np.ndarray]:
    """The items of each group of two or more, in input order, groups by their first item."""
    order = np.argsort(roots, kind="stable")
    ranked = roots[order]
    starts = np.flatnonzero(np.concatenate(([True], ranked[1:] != ranked[:-1])))
    sizes = np.diff(np.append(starts, len(ranked)))
    return [order[start : start + size] for start, size in zip(starts[sizes > 1].tolist(), sizes[sizes > 1].tolist())]


def canonical(members: np.ndarray, ranks: np.ndarray) -> int:
    """The member with the lowest rank (earliest date, then input order)."""
    return int(members[np.argmin(ranks[members])])
