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


@pytest.mark.parametrize(("num_perm", "seed"), [(128, 1), (64, 7), (16, 42), (1, 0)])
def test_permutations_are_datasketchs_own(num_perm, seed):
    ours = permutations(num_perm, seed)
    theirs = make_minhash(num_perm, seed).permutations
    assert ours.a.dtype == ours.b.dtype == np.uint64
    assert ours.a.tolist() == theirs[0].tolist() and ours.b.tolist() == theirs[1].tolist()


def test_signing_imports_no_datasketch():
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from cleaner.duplicates.shingles import shingle_sets\n"
        "from cleaner.duplicates.signatures import permutations, signatures\n"
        "signatures(shingle_sets(['a few words to sign']), permutations(128, 1))\n"
        "print(sorted(m for m in ('datasketch', 'scipy') if m in sys.modules))\n"
    )
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert found.stdout.strip() == "[]"
