"""MinHash signatures of shingle sets, many sets at a time: the only module importing datasketch.

The permutations are datasketch's own (the ``a``, ``b`` arrays of ``MinHash(num_perm, seed)``
with its original "legacy" scheme, drawn here as datasketch draws them, and tested equal to
its own) and so is the step ``((a * h + b) % mersenne_prime) &
max_hash`` in wrapping uint64 arithmetic: a signature here equals the ``hashvalues`` of a
``datasketch.MinHash`` updated with the same shingles through the same 32-bit hash. Instead of
one sketch per set, shingles go through every permutation as one array operation per block,
and ``np.minimum.reduceat`` takes the minimum per set.

Memory: the table holds 4 bytes per permutation for each distinct shingle of the sets signed
together (the pipeline signs 65,536 sets at a time).
"""

from __future__ import annotations

import inspect
from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np

from cleaner.duplicates.shingles import ShingleSets

if TYPE_CHECKING:
    import datasketch

_PRIME = np.uint64((1 << 61) - 1)
_SHIFT = np.uint64(61)
_ONE = np.uint64(1)
EMPTY = np.uint32((1 << 32) - 1)  # the value of a permutation that saw no shingle
BLOCK = 2048  # shingles per block: the block's uint64 products stay in the CPU cache


class Permutations(NamedTuple):
    a: np.ndarray  # uint64
    b: np.ndarray  # uint64


def permutations(num_perm: int, seed: int) -> Permutations:
    """datasketch's permutation parameters for ``num_perm`` and ``seed``, drawn as its legacy
    scheme draws them (a pair from one ``RandomState(seed)`` per permutation), so that
    signing a few paragraphs imports neither datasketch nor the scipy it imports."""
    generator = np.random.RandomState(seed)
    pairs = [
        (generator.randint(1, _PRIME, dtype=np.uint64), generator.randint(0, _PRIME, dtype=np.uint64))
        for _ in range(num_perm)
    ]
    a, b = np.array(pairs, dtype=np.uint64).T
    return Permutations(a, b)


def make_minhash(num_perm: int, seed: int, hashfunc=None) -> datasketch.MinHash:
    """A datasketch MinHash with cleaner's permutations (the legacy scheme, the only one
    before datasketch 2.0): to use cleaner's signatures with datasketch's own LSH indexes."""
    import datasketch  # it imports scipy: a run that signs nothing does not pay for it

    options: dict[str, Any] = {"num_perm": num_perm, "seed": seed}
    if hashfunc is not None:
        options["hashfunc"] = hashfunc
    if "scheme" in inspect.signature(datasketch.MinHash).parameters:
        options["scheme"] = "legacy"
    return datasketch.MinHash(**options)


def signatures(sets: ShingleSets, perms: Permutations) -> np.ndarray:
    """The MinHash signature of each set, uint32, one row per set (an empty set: all EMPTY).

    Each distinct shingle is permuted once, into a table (a word recurs in many paragraphs);
    the sets then take the minimum of their shingles' rows, a block of sets at a time.
    """
    result = np.full((len(sets), len(perms.a)), EMPTY, dtype=np.uint32)
    filled = np.flatnonzero(sets.sizes)
    if not len(filled):
        return result
    order = np.argsort(sets.hashes, kind="stable")
    ranked = sets.hashes[order]
    new = np.concatenate(([True], ranked[1:] != ranked[:-1]))
    row_of = np.empty(len(order), dtype=np.int64)
    row_of[order] = np.cumsum(new) - 1
    table = _permute_all(ranked[new], perms)
    rows = np.empty((BLOCK, len(perms.a)), dtype=np.uint32)
    ends = sets.offsets[filled + 1]
    first_set, block_start = 0, 0
    while first_set < len(filled):  # blocks end on set boundaries; a big set is a block alone
        limit = max(int(np.searchsorted(ends, block_start + BLOCK, side="right")), first_set + 1)
        members = filled[first_set:limit]
        block_end = int(sets.offsets[members[-1] + 1])
        picked = row_of[block_start:block_end]
        block = np.take(table, picked, axis=0, out=rows[: len(picked)]) if len(picked) <= BLOCK else table[picked]
        result[members] = np.minimum.reduceat(block, sets.offsets[members] - block_start, axis=0)
        first_set, block_start = limit, block_end
    return result


def _permute_all(hashes: np.ndarray, perms: Permutations) -> np.ndarray:
    table = np.empty((len(hashes), len(perms.a)), dtype=np.uint32)
    work = np.empty((BLOCK, len(perms.a)), dtype=np.uint64)
    carry = np.empty_like(work)
    for start in range(0, len(hashes), BLOCK):
        chunk = hashes[start : start + BLOCK]
        table[start : start + len(chunk)] = _permute(chunk, perms, work, carry)
    return table


def _permute(hashes: np.ndarray, perms: Permutations, work: np.ndarray, carry: np.ndarray) -> np.ndarray:
    """``((a * h + b) % mersenne_prime) & max_hash`` for every hash and permutation, as uint32.

    The modulo is computed without a division: 2^61 = 1 (mod 2^61 - 1), so the 3 bits above bit
    61 fold back in, and one more fold fixes the rare sum that reaches the prime.
    """
    x, c = work[: len(hashes)], carry[: len(hashes)]
    np.multiply(hashes.astype(np.uint64)[:, None], perms.a, out=x)
    x += perms.b
    np.right_shift(x, _SHIFT, out=c)
    x &= _PRIME
    x += c
    np.add(x, _ONE, out=c)
    c >>= _SHIFT
    x += c
    return x.astype(np.uint32)  # keeps the low 32 bits: the "& max_hash"
