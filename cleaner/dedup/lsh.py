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

from cleaner.dedup.shingles import ShingleSets

MIN_RARE = 3  # a set with fewer shingles left than this keeps its common ones in its keys
_STEP = np.uint64(0x9E3779B97F4A7C15)


def candidate_probability(similarity: float, bands: int, rows: int) -> float:
    """The chance that a pair with this Jaccard similarity shares at least one band."""
    return 1.0 - (1.0 - similarity**rows) ** bands


def without_common(sets: ShingleSets, share: float, minimum: int) -> ShingleSets:
    """The sets without the shingles found in more than ``share`` of them (and in more than
    ``minimum``), except a set that would keep fewer than ``MIN_RARE``: it stays whole.

    The most common words ("the", "said") make unrelated paragraphs about 5% alike in word
    Jaccard and put them in the same LSH buckets far more often than real copies; without
    them the keys pick out the rarer words a copy shares with its original. Verification still
    compares the whole sets.
    """
    values, counts = np.unique(sets.hashes, return_counts=True)
    common = values[counts > max(share * len(sets), minimum)]
    if not len(common) or not len(sets.hashes):
        return sets
    rare = common[np.minimum(np.searchsorted(common, sets.hashes), len(common) - 1)] != sets.hashes
    sizes = sets.sizes
    rare_counts = np.zeros(len(sets), dtype=np.int64)
    filled = sizes > 0
    rare_counts[filled] = np.add.reduceat(rare.astype(np.int64), sets.offsets[:-1][filled])
    keep = rare | np.repeat(rare_counts < np.minimum(MIN_RARE, sizes), sizes)
    kept = np.where(rare_counts < np.minimum(MIN_RARE, sizes), sizes, rare_counts)
    offsets = np.concatenate(([0], np.cumsum(kept))).astype(np.int64)
    return ShingleSets(offsets, sets.hashes[keep])


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
    codes = np.sort(np.concatenate(found))
    codes = codes[np.concatenate(([True], codes[1:] != codes[:-1]))] if len(codes) else codes
    return np.stack((codes // count, codes % count), axis=1) if count else codes.reshape(0, 2)
