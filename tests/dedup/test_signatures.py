"""Signatures equal datasketch's MinHash updated with the same shingles."""

from __future__ import annotations

import numpy as np
import pytest

from cleaner.duplicates.shingles import shingle_hash, shingle_sets
from cleaner.duplicates.signatures import EMPTY, make_minhash, permutations, signatures

TEXTS = [
    "The ferry service resumed after the storm passed the island",
    "ferry",
    "",
    " ".join(f"w{i}" for i in range(3000)),  # bigger than one block of shingles
    "the storm passed",
]


@pytest.mark.parametrize(("size", "num_perm", "seed"), [(1, 128, 1), (2, 64, 7), (3, 16, 42)])
def test_equal_to_datasketch(size, num_perm, seed):
    sets = shingle_sets(TEXTS, "word", size)
    signed = signatures(sets, permutations(num_perm, seed))
    assert signed.dtype == np.uint32 and signed.shape == (len(TEXTS), num_perm)
    for index, text in enumerate(TEXTS):
        expected = make_minhash(num_perm, seed, hashfunc=shingle_hash)
        units = text.lower().split()
        for start in range(max(1, len(units) - size + 1)):
            if units:
                expected.update(" ".join(units[start : start + size]))
        assert signed[index].tolist() == expected.hashvalues.tolist()


def test_an_empty_set_has_the_empty_signature():
    sets = shingle_sets(["", "x"])
    signed = signatures(sets, permutations(8, 1))
    assert (signed[0] == EMPTY).all() and not (signed[1] == EMPTY).all()
