"""From signed texts to groups of duplicates, in memory that grows by a few arrays per text.

:func:`flat_groups` takes each text's word key and shingle set (the sets may be on disk,
:class:`cleaner.duplicates.spill.SetFile`) and returns the groups as flat arrays. Exact copies
(the same words in the same order) share one distinct text; the distinct texts are signed
a block at a time, their band keys spilled to disk (:class:`~cleaner.duplicates.spill.BandFile`),
the candidate pairs found one band at a time and spilled too (false candidates grow with the
square of the corpus), then verified on the real shingle sets a block of pairs at a time,
the sets read back for each block. No step holds every set, signature or candidate.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from typing import NamedTuple

import numpy as np

from cleaner.core.settings import DedupSettings
from cleaner.duplicates import clusters, lsh
from cleaner.duplicates.canonical import group_heads
from cleaner.duplicates.shingles import SetSource, ShingleSets
from cleaner.duplicates.signatures import permutations, signatures
from cleaner.duplicates.similarity import jaccard
from cleaner.duplicates.spill import BandFile, PairRuns

SIGNATURE_ROWS = 1 << 16  # sets signed at a time: their signatures are dropped once banded
VERIFY_ROUNDS = 4  # rounds of one candidate per item; the last round takes all that remain
PAIR_BLOCK = 1 << 22  # candidate pairs (as the bands found them) verified at a time


class FlatGroups(NamedTuple):
    """Groups of two or more texts, ordered by their first text, as flat arrays."""

    members: np.ndarray  # text indices, a group after another, each group in input order
    starts: np.ndarray  # where each group starts in ``members``
    heads: np.ndarray  # each group's canonical text (the lowest rank)
    similarities: np.ndarray  # each member's Jaccard similarity to its canonical (1.0 for it)

    def group_of(self) -> np.ndarray:
        """The group of each member."""
        return np.repeat(np.arange(len(self.starts)), np.diff(np.append(self.starts, len(self.members))))


class Selected(NamedTuple):
    """The sets at ``rows`` of a larger collection (in memory or on disk), numbered from 0."""

    sets: SetSource
    rows: np.ndarray
    sizes: np.ndarray

    def __len__(self) -> int:
        return len(self.rows)

    def select(self, indices: np.ndarray) -> ShingleSets:
        return self.sets.select(self.rows[indices])

    def chunks(self, size: int) -> Iterator[ShingleSets]:
        """The sets in order, ``size`` at a time."""
        for start in range(0, len(self.rows), size):
            yield self.sets.select(self.rows[start : start + size])


def flat_groups(
    keys: np.ndarray,
    present: np.ndarray,
    sets,
    rank: Callable[[np.ndarray], np.ndarray],
    settings: DedupSettings,
    stats: Counter | None = None,
) -> FlatGroups:
    """Groups of exact and near-duplicate texts: text ``i`` has the word key ``keys[i]``,
    words when ``present[i]``, and the shingle set ``sets.select([i])``; ``rank(indices)``
    orders texts for the canonical copy (lowest first, each rank once). A text with no
    words matches nothing.
    """
    stats = Counter() if stats is None else stats
    distinct, copy_of = distinct_texts(keys, present)
    view = Selected(sets, distinct, sets.sizes[distinct])
    stats["passages"] += len(keys)
    stats["exact_copies"] += int(np.count_nonzero(copy_of >= 0)) - len(distinct)
    roots = _joined_roots(view, settings, stats)
    members, starts = _grouped(copy_of, roots)
    del roots
    return _with_canonicals(members, starts, copy_of, view, rank)


def _grouped(copy_of: np.ndarray, roots: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The texts in groups of two or more (a group after another, in the order of their
    roots, each in input order), and where each group starts; ``roots`` are those of the
    distinct texts. Only the grouped texts are sorted, not the whole corpus."""
    counted = copy_of[copy_of >= 0]
    texts_per_root = np.bincount(roots[counted], minlength=len(roots))
    del counted
    in_group = texts_per_root[roots] > 1  # of each distinct text
    del texts_per_root
    members = np.flatnonzero(in_group[np.maximum(copy_of, 0)] & (copy_of >= 0))
    order, starts = clusters.flat_groups(roots[copy_of[members]])
    return members[order], starts


def distinct_texts(keys: np.ndarray, present: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The first index of each distinct text with words, and for each text its distinct
    number (-1 for a text without words), distinct texts numbered in input order.

    Arrays as long as the corpus are freed as soon as they are used: this runs on every
    paragraph of the corpus at once."""
    if present.all():  # the usual case: no index of the texts with words needed
        order = np.argsort(keys, kind="stable")
    else:
        with_words = np.flatnonzero(present)
        order = with_words[np.argsort(keys[with_words], kind="stable")]
        del with_words
    ranked = keys[order]
    starts = np.concatenate(([True], ranked[1:] != ranked[:-1])) if len(order) else np.zeros(0, bool)
    del ranked
    group = np.cumsum(starts)
    group -= 1
    firsts = order[starts]  # stable sort: the first of each key in input order
    del starts
    by_input = np.argsort(firsts, kind="stable")
    renumber = np.empty_like(by_input)
    renumber[by_input] = np.arange(len(by_input))
    distinct = firsts[by_input]
    del firsts, by_input
    np.take(renumber, group, out=group)
    del renumber
    copy_of = np.full(len(keys), -1, dtype=np.int64)
    copy_of[order] = group
    return distinct, copy_of


def _joined_roots(sets: Selected, settings: DedupSettings, stats: Counter) -> np.ndarray:
    """The union-find roots of the sets once the candidate pairs that verify are joined:
    the candidates come a block of pairs at a time, in order (see :class:`PairRuns`)."""
    roots = np.arange(len(sets), dtype=np.int64)
    with PairRuns() as runs:
        _candidates(sets, settings, runs)
        for block in runs.blocks(PAIR_BLOCK):
            stats["candidates"] += len(block)
            pairs = [block // len(sets), block % len(sets)]
            del block
            roots = _verified_roots(sets, pairs, settings.threshold, stats, roots)
    return roots


def _candidates(sets: Selected, settings: DedupSettings, runs: PairRuns) -> None:
    """The pairs of sets that share a band key (keyed without the common shingles), into
    ``runs`` a band at a time."""
    perms = permutations(settings.num_perm, settings.seed)
    common = lsh.common_in_chunks(
        lambda: sets.chunks(SIGNATURE_ROWS), len(sets), settings.common_share, settings.common_min
    )
    with BandFile(settings.bands) as bands:
        for part in sets.chunks(SIGNATURE_ROWS):
            signed = signatures(lsh.without(part, common), perms)
            bands.append(lsh.band_keys(signed, settings.bands, settings.rows))
        for column in bands.columns():
            runs.append(lsh.band_codes(column, len(sets)))


def _verified_roots(
    sets, pairs: list[np.ndarray], threshold: float, stats: Counter, roots: np.ndarray | None = None
) -> np.ndarray:
    """Union-find over the candidate ``pairs`` (left and right items, a list this function
    empties so that the arrays go as soon as they are filtered) whose shingle sets are similar
    enough, joined to the groups of ``roots`` (the result of an earlier call, reused).

    A candidate between two items already joined cannot change the groups, so candidates are
    verified in rounds (each item's first remaining candidate per round) and those inside one
    group are dropped between rounds: copies of one text are not compared pair by pair.
    """
    roots = np.arange(len(sets), dtype=np.int64) if roots is None else roots
    right, left = pairs.pop(), pairs.pop()
    for round_number in range(VERIFY_ROUNDS + 1):
        apart = roots[left] != roots[right]
        left, right = left[apart], right[apart]
        if not len(left):
            break
        first = np.concatenate(([True], left[1:] != left[:-1]))
        if round_number == VERIFY_ROUNDS:
            first[:] = True
        similar = jaccard(sets, left[first], right[first]) >= threshold
        stats["compared"] += int(np.count_nonzero(first))
        stats["joined"] += int(np.count_nonzero(similar))
        roots = clusters.union_find(len(sets), left[first][similar], right[first][similar], roots)
        left, right = left[~first], right[~first]
    return roots


def _with_canonicals(members: np.ndarray, starts: np.ndarray, copy_of: np.ndarray, sets: Selected, rank) -> FlatGroups:
    """Each group's canonical member (the lowest rank), and every member's similarity to it."""
    flat = FlatGroups(members, starts, members[:0], np.empty(0))
    group_of = flat.group_of()
    heads = group_heads(members, group_of, starts, rank(members))
    left, right = copy_of[heads][group_of], copy_of[members]
    similarities = np.ones(len(members))
    other = left != right
    similarities[other] = jaccard(sets, left[other], right[other])
    return FlatGroups(members, starts, heads, similarities)


def as_groups(flat: FlatGroups) -> list:
    """The groups one by one: ``(canonical, the other members, their similarities)``."""
    ends = np.append(flat.starts[1:], len(flat.members)).tolist()
    found = []
    for head, start, end in zip(flat.heads.tolist(), flat.starts.tolist(), ends):
        members = flat.members[start:end]
        others = members != head
        found.append((head, members[others], flat.similarities[start:end][others]))
    return found
