"""Union-find over array pairs, and the canonical copy of each group."""

from __future__ import annotations

import numpy as np

from cleaner.duplicates.words import ranges


def union_find(count: int, left: np.ndarray, right: np.ndarray, roots: np.ndarray | None = None) -> np.ndarray:
    """The root of each of ``count`` items once the pairs are joined: its group's smallest item.

    Union by smallest root and full path compression, both as array steps: every pair hooks
    the larger of its two roots under the smaller, then every item jumps to its root; repeated
    until no pair joins two groups. With ``roots``, the result of an earlier call (which this
    call may change), the new pairs join the groups found before.
    """
    parent = np.arange(count, dtype=np.int64) if roots is None else roots
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
    members, starts = flat_groups(roots)
    return np.split(members, starts[1:]) if len(starts) else []


def flat_groups(roots: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The items of the groups of two or more, a group after another (as :func:`groups`),
    and where each group starts."""
    order = np.argsort(roots, kind="stable")
    ranked = roots[order]
    starts = np.flatnonzero(np.concatenate(([True], ranked[1:] != ranked[:-1])))
    del ranked
    sizes = np.diff(np.append(starts, len(order)))
    big = sizes > 1
    members = order[ranges(starts[big], sizes[big])]
    return members, np.concatenate(([0], np.cumsum(sizes[big])))[:-1].astype(np.int64)
