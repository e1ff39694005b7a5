"""LSH banding: which pairs of signatures share a band, found by sorting, not by dictionaries.

Bands and rows set the S-curve: a pair of similarity ``s`` becomes a candidate with probability
``1 - (1 - s**rows) ** bands``. datasketch's optimizer picks the curve that balances false
positives against false negatives, which at threshold 0.8 misses a pair at exactly 0.8 more
than half the time. Here every candidate is verified on its real shingle sets, so a false
candidate costs only a little time while a missed pair is lost for good: the curve is chosen
to find nearly every pair at the threshold (see :func:`candidate_probability`).
"""

from __future__ import annotations

import numpy as np

_STEP = np.uint64(0x9E3779B97F4A7C15)


def candidate_probability(similarity: float, bands: int, rows: int) -> float:
    """The chance that a pair with this Jaccard similarity shares at least one band."""
    return 1.0 - (1.0 - similarity**rows) ** bands


def band_keys(signatures: np.ndarray, bands: int, rows: int) -> np.ndarray:
    """One uint64 key per set and band; equal keys mean equal rows within the band."""
    if signatures.shape[1] < bands * rows:
        raise ValueError(f"{bands} bands of {rows} rows need {bands * rows} permutations")
    rows_by_band = signatures[:, : bands * rows].reshape(len(signatures), bands, rows)
    keys = np.zeros((len(signatures), bands), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for row in range(rows):
            keys *= _STEP
            keys += rows_by_band[:, :, row]
    return keys


def candidate_pairs(keys: np.ndarray, max_neighbours: int = 64) -> np.ndarray:
    """The pairs ``(i, j)``, ``i < j``, that share a key in some band, sorted, each once.

    In a bucket of more than ``max_neighbours + 1`` sets each set is paired with the next
    ``max_neighbours`` only: every member is still linked to the bucket, and a bucket that big
    is mostly copies of one text, which clustering joins through any of them.
    """
    count = len(keys)
    found = [np.empty(0, dtype=np.int64)]
    for band in range(keys.shape[1]):
        order = np.argsort(keys[:, band], kind="stable")
        ranked = keys[order, band]
        # positions whose key equals the one ``distance`` places on: in a sorted column these
        # only shrink as the distance grows
        active = np.flatnonzero(ranked[1:] == ranked[:-1])
        distance = 1
        while len(active) and distance <= max_neighbours:
            left, right = order[active], order[active + distance]
            found.append(np.minimum(left, right) * count + np.maximum(left, right))
            distance += 1
            active = active[active + distance < count]
            active = active[ranked[active + distance] == ranked[active]]
    codes = np.unique(np.concatenate(found))
    return np.stack((codes // count, codes % count), axis=1) if count else codes.reshape(0, 2)
