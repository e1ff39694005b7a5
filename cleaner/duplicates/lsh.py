"""LSH banding: which pairs of signatures share a band, found by sorting, not by dictionaries.

Bands and rows set the S-curve: a pair of similarity ``s`` becomes a candidate with probability
``1 - (1 - s**rows) ** bands``. datasketch's optimizer picks the curve that balances false
positives against false negatives, which at threshold 0.8 misses a pair at exactly 0.8 more
than half the time. Here every candidate is verified on its real shingle sets, so a false
candidate costs only a little time while a missed pair is lost for good: the curve is chosen
to find nearly every pair at the threshold (see :func:`candidate_probability`).

Few rows per band find more pairs but let unrelated paragraphs in too, because news
paragraphs share their common words: :func:`without_common` leaves those out of the keys.
Measured with ``python benchmarks/dedup.py --lsh-grid`` (26,388 paragraphs, word 1-grams,
threshold 0.5; P is the chance of a candidate at exactly 0.5; best of 2 runs)::

    permutations  bands x rows  P(0.5)  common words  candidates  5 edits  1 in 6  seconds
    72            24 x 3        0.959   left out          86,297   0.9971  0.9990     0.64
    72            24 x 3        0.959   kept             655,830   0.9973  0.9993     1.89
    128           32 x 4        0.873   kept             132,271   0.9971  0.9993     0.90
    128           32 x 4        0.873   left out          60,926   0.9951  0.9990     0.75
    64            21 x 3        0.939   left out          81,681   0.9961  0.9990     0.62
    64            32 x 2        1.000   left out         691,179   0.9973  0.9991     1.37
    128           42 x 3        0.996   left out         105,652   0.9973  0.9990     0.85

With common words left out, P applies to the similarity of the sets the keys are made of
(the rarer words), not to the verified one; the recall columns measure what is found.
All rows have precision 0.9992 and recall 1.0 (exact) and 0.9995+ (2 edits). 24 x 3 is the
fewest permutations with P(0.5) of 0.95 or more; leaving out words found in 0.5% of the
passages (and 100 of them) instead of 1% (and 1,000) costs recall (0.9845 at 5 edits, 0.9937
at 2 edits), and so, less, does a floor of 300 passages (0.9940 at 5 edits).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import numpy as np

from cleaner.duplicates.shingles import ShingleSets

MIN_RARE = 3  # a set with fewer shingles left than this keeps its common ones in its keys
_STEP = np.uint64(0x9E3779B97F4A7C15)
_LOOKUP_BLOCK = 1 << 22
COUNT_BUCKETS = 1 << 22  # at most, buckets of shingles counted in the first pass of common_in_chunks


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
    return without(sets, common_shingles(sets, share, minimum))


def common_shingles(sets: ShingleSets, share: float, minimum: int) -> np.ndarray:
    """The shingles (sorted) found in more than ``share`` of the sets and more than ``minimum``."""
    values, counts = np.unique(sets.hashes, return_counts=True)
    return common_of_counts(values, counts, len(sets), share, minimum)


def common_of_counts(values: np.ndarray, counts: np.ndarray, total: int, share: float, minimum: int) -> np.ndarray:
    """The ``values`` (distinct shingles, sorted) whose ``counts`` (the sets holding each, of
    ``total`` sets) make them common: a corpus-wide statistic an engine may sum in parts."""
    return values[counts > max(share * total, minimum)]


def common_in_chunks(chunks: Callable[[], Iterable[ShingleSets]], count: int, share: float, minimum: int) -> np.ndarray:
    """:func:`common_shingles` of the ``count`` sets that ``chunks()`` yields, a chunk at a time.

    Two passes over the chunks in fixed memory, however many distinct shingles there are:
    the first counts the sets in each of up to ``COUNT_BUCKETS`` buckets of shingles (a
    bucket's count is at least that of any shingle in it); the second counts exactly the
    shingles of the buckets above the limit, which are few.
    """
    limit = max(share * count, minimum)
    size = min(COUNT_BUCKETS, 1 << max(10, int(count).bit_length() + 3))  # a small corpus, few
    mask = np.uint32(size - 1)
    buckets = np.zeros(size, dtype=np.int64)
    for sets in chunks():
        buckets += np.bincount(sets.hashes & mask, minlength=size)
    heavy = buckets > limit
    values, counts = np.empty(0, dtype=np.uint32), np.empty(0, dtype=np.int64)
    if not heavy.any():
        return values
    for sets in chunks():
        found, times = np.unique(sets.hashes[heavy[sets.hashes & mask]], return_counts=True)
        values, where = np.unique(np.concatenate((values, found)), return_inverse=True)
        counts = np.bincount(where, weights=np.concatenate((counts, times)), minlength=len(values)).astype(np.int64)
    return common_of_counts(values, counts, count, share, minimum)


def without(sets: ShingleSets, common: np.ndarray) -> ShingleSets:
    """The sets without the ``common`` shingles (sorted), except a set that would keep fewer
    than ``MIN_RARE``: it stays whole. Sets keyed with one ``common`` can be compared."""
    if not len(common) or not len(sets.hashes):
        return sets
    rare = np.empty(len(sets.hashes), dtype=bool)
    for start in range(0, len(sets.hashes), _LOOKUP_BLOCK):  # small int64 positions at a time
        part = sets.hashes[start : start + _LOOKUP_BLOCK]
        rare[start : start + len(part)] = common[np.minimum(np.searchsorted(common, part), len(common) - 1)] != part
    sizes = sets.sizes
    rare_counts = np.zeros(len(sets), dtype=np.int64)
    filled = sizes > 0
    rare_counts[filled] = np.add.reduceat(rare.astype(np.int64), sets.offsets[:-1][filled])
    keep = rare | np.repeat(rare_counts < np.minimum(MIN_RARE, sizes), sizes)
    kept = np.where(rare_counts < np.minimum(MIN_RARE, sizes), sizes, rare_counts)
    offsets = np.concatenate(([0], np.cumsum(kept))).astype(np.int64)
    return ShingleSets(offsets, sets.hashes[keep])


def band_keys(signatures: np.ndarray, bands: int, rows: int) -> np.ndarray:
    """One uint32 key per set and band: equal rows give equal keys, unequal rows the same key
    about once in 2**32 (a false candidate that verification drops), for half the memory."""
    if signatures.shape[1] < bands * rows:
        raise ValueError(f"{bands} bands of {rows} rows need {bands * rows} permutations")
    rows_by_band = signatures[:, : bands * rows].reshape(len(signatures), bands, rows)
    keys = np.zeros((len(signatures), bands), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for row in range(rows):
            keys *= _STEP
            keys += rows_by_band[:, :, row]
    return (keys >> np.uint64(32)).astype(np.uint32) ^ keys.astype(np.uint32)


def candidate_pairs(keys: np.ndarray, max_neighbours: int = 64) -> np.ndarray:
    """The pairs ``(i, j)``, ``i < j``, that share a key in some band, sorted, each once.

    In a bucket of more than ``max_neighbours + 1`` sets each set is paired with the next
    ``max_neighbours`` only: every member is still linked to the bucket, and a bucket that big
    is mostly copies of one text, which clustering joins through any of them.
    """
    count = len(keys)
    items = np.arange(count)
    found = [np.empty(0, dtype=np.int64)]
    for band in range(keys.shape[1]):
        left, right = bucket_pairs(keys[:, band], items, max_neighbours)
        found.append(left * count + right)
    codes = np.sort(np.concatenate(found))
    codes = codes[np.concatenate(([True], codes[1:] != codes[:-1]))] if len(codes) else codes
    return np.stack((codes // count, codes % count), axis=1) if count else codes.reshape(0, 2)


def bucket_pairs(buckets: np.ndarray, items: np.ndarray, max_neighbours: int = 64) -> tuple[np.ndarray, np.ndarray]:
    """The pairs of ``items`` (in increasing order; left < right, repeats possible) that share
    a bucket, each item paired with the next ``max_neighbours`` of its bucket.

    Whole buckets give the same pairs wherever they are: an engine may split the buckets of
    a corpus across partitions (see :func:`candidate_pairs`).
    """
    order = np.argsort(buckets, kind="stable")  # a bucket's items stay in increasing order
    ranked = buckets[order]
    count = len(order)
    found_left, found_right = [items[:0]], [items[:0]]
    # positions whose bucket equals the one ``distance`` places on: in a sorted column these
    # only shrink as the distance grows
    active = np.flatnonzero(ranked[1:] == ranked[:-1])
    distance = 1
    while len(active) and distance <= max_neighbours:
        left, right = items[order[active]], items[order[active + distance]]
        found_left.append(np.minimum(left, right))
        found_right.append(np.maximum(left, right))
        distance += 1
        active = active[active + distance < count]
        active = active[ranked[active + distance] == ranked[active]]
    return np.concatenate(found_left), np.concatenate(found_right)


def band_codes(keys: np.ndarray, count: int, max_neighbours: int = 64) -> np.ndarray:
    """The pairs of the ``count`` sets that share a key in one band (``keys``, a set's key
    each), as codes ``left * count + right``, sorted, each once."""
    left, right = bucket_pairs(keys, np.arange(count), max_neighbours)
    left *= count
    left += right
    del right
    return sorted_unique(left)


def sorted_unique(codes: np.ndarray) -> np.ndarray:
    """``codes`` sorted (in place), each once."""
    codes.sort()
    return codes[np.concatenate(([True], codes[1:] != codes[:-1]))] if len(codes) else codes
