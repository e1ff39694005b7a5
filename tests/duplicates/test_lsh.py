"""Banding finds nearly every pair at the threshold; pairs come out once, sorted."""

from __future__ import annotations

import numpy as np
import pytest

from cleaner.core.settings import DedupSettings
from cleaner.duplicates import lsh
from cleaner.duplicates.lsh import (
    MIN_RARE,
    band_codes,
    band_keys,
    candidate_pairs,
    candidate_probability,
    common_in_chunks,
    without_common,
)
from cleaner.duplicates.shingles import ShingleSets, concatenate
from cleaner.duplicates.signatures import permutations, signatures


def test_the_default_curve_favours_recall_at_the_threshold():
    settings = DedupSettings()
    assert candidate_probability(settings.threshold, settings.bands, settings.rows) >= 0.95
    assert candidate_probability(settings.threshold + 0.1, settings.bands, settings.rows) > 0.99
    assert candidate_probability(0.05, settings.bands, settings.rows) < 0.01


def pairs_at(similarity: float, count: int, size: int = 60, seed: int = 3) -> ShingleSets:
    """``count`` pairs of sets of ``size`` shingles with exactly this Jaccard similarity."""
    rng = np.random.default_rng(seed)
    shared = round(2 * size * similarity / (1 + similarity))
    values = rng.choice(2**32, count * (2 * size - shared), replace=False).astype(np.uint32)
    sets = []
    for _k, block in enumerate(np.split(values, count)):
        common, rest = block[:shared], block[shared:]
        sets += [
            np.sort(np.concatenate((common, rest[: size - shared]))),
            np.sort(np.concatenate((common, rest[size - shared :]))),
        ]
    offsets = np.concatenate(([0], np.cumsum([len(s) for s in sets])))
    return ShingleSets(offsets, np.concatenate(sets))


def found_fraction(similarity: float) -> float:
    settings = DedupSettings()
    sets = pairs_at(similarity, 400)
    signed = signatures(sets, permutations(settings.num_perm, settings.seed))
    found = {tuple(p) for p in candidate_pairs(band_keys(signed, settings.bands, settings.rows)).tolist()}
    return sum((2 * k, 2 * k + 1) in found for k in range(400)) / 400


def test_recall_at_and_above_the_threshold():
    threshold = DedupSettings().threshold
    assert found_fraction(threshold) >= 0.92
    assert found_fraction(threshold + 0.15) >= 0.99


def test_unrelated_sets_are_rarely_candidates():
    assert found_fraction(0.05) <= 0.01


def test_candidate_pairs_are_unique_and_ordered():
    keys = np.array([[1, 9], [2, 9], [1, 5], [3, 5]], dtype=np.uint64)
    assert candidate_pairs(keys).tolist() == [[0, 1], [0, 2], [2, 3]]


def test_big_buckets_still_link_every_member():
    keys = np.zeros((50, 1), dtype=np.uint64)
    pairs = candidate_pairs(keys, max_neighbours=3)
    assert set(pairs.ravel().tolist()) == set(range(50))
    assert len(pairs) < 50 * 49 // 2


def sets_of(*sets: list[int]) -> ShingleSets:
    offsets = np.concatenate(([0], np.cumsum([len(s) for s in sets]))).astype(np.int64)
    return ShingleSets(offsets, np.array([h for s in sets for h in sorted(s)], dtype=np.uint32))


def as_lists(sets: ShingleSets) -> list[list[int]]:
    return [sets.of(i).tolist() for i in range(len(sets))]


def test_common_shingles_are_left_out_of_the_keys():
    # 1 and 2 are in every set; 7, 8, 9 in one each
    sets = sets_of([1, 2, 3, 4, 5], [1, 2, 6, 7, 8], [1, 2, 9, 10, 11], [1, 2])
    kept = without_common(sets, share=0.5, minimum=2)
    assert as_lists(kept) == [[3, 4, 5], [6, 7, 8], [9, 10, 11], [1, 2]]


def test_a_set_with_few_rare_shingles_stays_whole():
    sets = sets_of([1, 2, 3], [1, 2, 4], [1, 2, 5, 6, 7], [])
    kept = without_common(sets, share=0.5, minimum=2)
    assert MIN_RARE == 3
    assert as_lists(kept) == [[1, 2, 3], [1, 2, 4], [5, 6, 7], []]


def test_small_corpora_keep_every_shingle():
    sets = sets_of([1, 2, 3], [1, 2, 4], [1, 5, 6])
    assert as_lists(without_common(sets, share=0.01, minimum=1000)) == as_lists(sets)


@pytest.mark.parametrize("buckets", [1, 4, 1 << 22])
def test_common_shingles_are_counted_exactly_whatever_shares_a_bucket(monkeypatch, buckets):
    monkeypatch.setattr(lsh, "COUNT_BUCKETS", buckets)
    rng = np.random.default_rng(8)
    chunks = [
        sets_of(*[rng.choice(30, rng.integers(1, 8), replace=False).tolist() for _ in range(40)]) for _ in range(3)
    ]
    values, counts = np.unique(concatenate(chunks).hashes, return_counts=True)
    for minimum in (0, 10, 30):
        found = common_in_chunks(lambda: chunks, 120, 0.05, minimum)
        assert found.tolist() == values[counts > max(6, minimum)].tolist()


def test_the_pairs_of_one_band_are_those_of_candidate_pairs():
    keys = np.random.default_rng(9).integers(0, 6, (40, 1)).astype(np.uint32)
    expected = candidate_pairs(keys, max_neighbours=4)
    codes = band_codes(keys[:, 0], 40, max_neighbours=4)
    assert np.stack((codes // 40, codes % 40), axis=1).tolist() == expected.tolist()


@pytest.mark.parametrize(
    "options",
    [{"bands": 30, "rows": 3}, {"threshold": 0.0}, {"common_share": 0.0}, {"common_min": -1}, {"shingle": "line"}],
)
def test_impossible_settings_are_refused(options):
    with pytest.raises(ValueError):
        DedupSettings(**options)
