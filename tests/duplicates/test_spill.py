"""Sets and band keys kept on disk read back as they were written."""

from __future__ import annotations

import numpy as np

from cleaner.duplicates import spill
from cleaner.duplicates.shingles import ShingleSets, concatenate
from cleaner.duplicates.similarity import jaccard
from cleaner.duplicates.spill import BandFile, PairRuns, SetFile


def random_sets(count: int, seed: int) -> ShingleSets:
    rng = np.random.default_rng(seed)
    sets = [np.unique(rng.integers(0, 50, rng.integers(0, 12))).astype(np.uint32) for _ in range(count)]
    offsets = np.concatenate(([0], np.cumsum([len(s) for s in sets]))).astype(np.int64)
    return ShingleSets(offsets, np.concatenate([np.empty(0, dtype=np.uint32), *sets]))


def test_sets_come_back_by_index_in_any_order(monkeypatch):
    monkeypatch.setattr(spill, "GATHER_SETS", 3)  # several gathers per read
    parts = [random_sets(20, 1), random_sets(0, 2), random_sets(15, 3)]
    whole = concatenate(parts)
    indices = np.random.default_rng(4).integers(0, len(whole), 40)
    with SetFile() as sets:
        for part in parts:
            sets.append(part)
        sets.finish()
        assert len(sets) == len(whole)
        assert sets.sizes.tolist() == whole.sizes.tolist()
        got, expected = sets.select(indices), whole.select(indices)
        assert got.offsets.tolist() == expected.offsets.tolist()
        assert got.hashes.tolist() == expected.hashes.tolist()
        left, right = indices[:20], indices[20:]
        assert jaccard(sets, left, right).tolist() == jaccard(whole, left, right).tolist()


def test_a_corpus_without_shingles_reads_back_empty_sets():
    with SetFile() as sets:
        sets.append(ShingleSets(np.zeros(3, dtype=np.int64), np.empty(0, dtype=np.uint32)))
        sets.finish()
        assert sets.select(np.array([1, 0])).sizes.tolist() == [0, 0]


def test_band_keys_come_back_a_band_at_a_time():
    rng = np.random.default_rng(5)
    blocks = [rng.integers(0, 2**32, (rows, 4), dtype=np.uint64).astype(np.uint32) for rows in (5, 1, 7)]
    with BandFile(4) as bands:
        for block in blocks:
            bands.append(block)
        whole = np.concatenate(blocks)
        assert [column.tolist() for column in bands.columns()] == [whole[:, b].tolist() for b in range(4)]


def test_pair_runs_come_back_merged_each_pair_once(monkeypatch):
    monkeypatch.setattr(spill, "SAMPLE_EVERY", 2)
    rng = np.random.default_rng(6)
    runs = [np.unique(rng.integers(0, 500, size)) for size in (80, 0, 120, 40)]
    with PairRuns() as pairs:
        for run in runs:
            pairs.append(run)
        blocks = list(pairs.blocks(50))
    assert len(blocks) > 2
    assert np.concatenate(blocks).tolist() == np.unique(np.concatenate(runs)).tolist()


def test_no_pairs_no_blocks():
    with PairRuns() as pairs:
        pairs.append(np.empty(0, dtype=np.int64))
        assert list(pairs.blocks(10)) == []
