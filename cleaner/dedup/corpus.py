"""The dedup pipeline: from passages to clusters with a canonical copy each.

:func:`find_groups` works on normalized texts and ranks alone (arrays in, arrays out);
:func:`cluster_passages` adds what a report needs: where each passage came from, and which
copy is canonical (the earliest known date, else the first in input order).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Callable, Iterable, NamedTuple, Sequence

import numpy as np

from cleaner.dedup import clusters, lsh
from cleaner.dedup.shingles import ShingleSets, concatenate, shingle_sets
from cleaner.dedup.signatures import permutations, signatures
from cleaner.dedup.similarity import jaccard
from cleaner.dedup.words import split_words, text_keys
from cleaner.settings import DedupSettings

TEXT_CHUNK = 1 << 12  # texts split and shingled at a time
SIGNATURE_ROWS = 1 << 16  # sets signed at a time: their signatures are dropped once banded
VERIFY_ROUNDS = 4  # rounds of one candidate per item; the last round takes all that remain
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class Passage(NamedTuple):
    """A paragraph (``line`` is its 1-based input line) or a whole article (``line`` None)."""

    doc: str
    path: str
    record: int | None
    line: int | None
    text: str
    date: str | None = None


class Group(NamedTuple):
    """Indices of one group of duplicates: the canonical one, and the others with similarity."""

    canonical: int
    members: np.ndarray
    similarities: np.ndarray


class Member(NamedTuple):
    passage: Passage
    similarity: float


class Cluster(NamedTuple):
    id: int
    canonical: Passage
    members: tuple[Member, ...]  # the copies, canonical excluded, in input order


def cluster_passages(
    passages: Iterable[Passage],
    settings: DedupSettings = DedupSettings(),
    entity_normalize: Callable[[list[str]], list[str]] | None = None,
    stats: Counter | None = None,
) -> list[Cluster]:
    """The clusters of duplicate passages, numbered from 1 in the input order of their canonical.

    ``entity_normalize`` (e.g. a gazetteer matcher's ``normalize_all``) writes entity variants
    of a list of texts one way before comparing; pass None when the texts were cleaned with the
    N rules already.
    """
    passages = list(passages)
    texts = [p.text for p in passages]
    texts = entity_normalize(texts) if entity_normalize else texts
    found = find_groups(texts, ranks(passages), settings, stats)
    return as_clusters(found, passages.__getitem__)


def as_clusters(found: Iterable[Group], passage: Callable[[int], Passage]) -> list[Cluster]:
    """The groups as clusters numbered from 1, ``passage`` giving the passage of an index."""
    members = Member._make  # a tuple's own constructor: clusters can hold millions of members
    return [
        Cluster(
            number,
            passage(int(group.canonical)),
            tuple(map(members, zip(map(passage, group.members.tolist()), group.similarities.tolist()))),
        )
        for number, group in enumerate(found, start=1)
    ]


def ranks(passages: Sequence[Passage]) -> np.ndarray:
    """Each passage's place in the canonical order: dated ones by date, then input order."""
    dated = [i for i, p in enumerate(passages) if known_date(p.date)]
    order = sorted(dated, key=lambda i: (passages[i].date, i))
    if len(order) < len(passages):
        undated = np.ones(len(passages), dtype=bool)
        undated[dated] = False
        order = np.concatenate((np.array(order, dtype=np.int64), np.flatnonzero(undated)))
    result = np.empty(len(passages), dtype=np.int64)
    result[order] = np.arange(len(passages))
    return result


def known_date(value: object) -> str:
    """``value`` if it is a date that orders copies (an ISO date, possibly with a time), else ""."""
    return value if isinstance(value, str) and _ISO_DATE.match(value) else ""


def find_groups(
    texts: Sequence[str], ranks: np.ndarray, settings: DedupSettings, stats: Counter | None = None
) -> list[Group]:
    """Groups of exact and near-duplicate ``texts``, compared by their normalized words.

    Each distinct text is signed once; its exact copies join it through the key of its words.
    A text with no words matches nothing.
    """
    # texts equal as strings are signed once
    first_of: dict[str, int] = {}
    same_as = np.fromiter((first_of.setdefault(t, i) for i, t in enumerate(texts)), np.int64, len(texts))
    unique = np.flatnonzero(same_as == np.arange(len(texts)))
    place = np.empty(len(texts), dtype=np.int64)
    place[unique] = np.arange(len(unique))
    signed = sign([texts[i] for i in unique], settings)
    del first_of
    return group_signed(signed, place[same_as], ranks, settings, stats)


class Signed(NamedTuple):
    """What the pipeline keeps of each text: the key of its words, its word count, its set."""

    keys: np.ndarray  # uint64
    sizes: np.ndarray  # int64
    sets: ShingleSets


def sign(texts: Sequence[str], settings: DedupSettings) -> Signed:
    """Each text's key (equal for the same words in the same order), word count and shingle set,
    a chunk of texts at a time: only these compact arrays outlive a chunk."""
    parts = [Signed(np.empty(0, dtype=np.uint64), np.empty(0, dtype=np.int64), concatenate([]))]
    for start in range(0, len(texts), TEXT_CHUNK):
        chunk = texts[start : start + TEXT_CHUNK]
        words = split_words(chunk)
        sets = shingle_sets(chunk, settings.shingle, settings.size, words)
        parts.append(Signed(text_keys(words), words.lengths, sets))
    return joined(parts)


def joined(parts: Sequence[Signed]) -> Signed:
    """The texts of ``parts``, one part after the other (a corpus signed as it is read)."""
    return Signed(
        np.concatenate([p.keys for p in parts]),
        np.concatenate([p.sizes for p in parts]),
        concatenate([p.sets for p in parts]),
    )


def group_signed(
    signed: Signed, which: np.ndarray, ranks: np.ndarray, settings: DedupSettings, stats: Counter | None = None
) -> list[Group]:
    """:func:`find_groups` over signed texts: text ``i`` is the signed text ``which[i]``."""
    stats = Counter() if stats is None else stats
    distinct, copy_of = distinct_texts(signed.keys[which], signed.sizes[which] > 0)
    sets = signed.sets.select(which[distinct])
    pairs = _candidates(sets, settings)
    stats["passages"] += len(which)
    stats["exact_copies"] += int(np.count_nonzero(copy_of >= 0)) - len(distinct)
    stats["candidates"] += len(pairs)
    roots = _verified_roots(sets, pairs, settings.threshold, stats)
    labels = np.where(copy_of >= 0, roots[np.maximum(copy_of, 0)], -1 - np.arange(len(which)))
    return _with_canonicals(clusters.groups(labels), copy_of, sets, ranks)


def distinct_texts(keys: np.ndarray, present: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The first index of each distinct text with words, and for each text its distinct
    number (-1 for a text without words), distinct texts numbered in input order."""
    present = np.flatnonzero(present)
    order = present[np.argsort(keys[present], kind="stable")]
    ranked = keys[order]
    starts = np.concatenate(([True], ranked[1:] != ranked[:-1])) if len(order) else np.zeros(0, bool)
    group = np.cumsum(starts) - 1
    firsts = order[starts]  # stable sort: the first of each key in input order
    by_input = np.argsort(firsts, kind="stable")
    renumber = np.empty_like(by_input)
    renumber[by_input] = np.arange(len(by_input))
    copy_of = np.full(len(keys), -1, dtype=np.int64)
    copy_of[order] = renumber[group]
    return firsts[by_input], copy_of


def _candidates(sets: ShingleSets, settings: DedupSettings) -> np.ndarray:
    perms = permutations(settings.num_perm, settings.seed)
    keyed = lsh.without_common(sets, settings.common_share, settings.common_min)
    keys = np.empty((len(sets), settings.bands), dtype=np.uint32)
    for start in range(0, len(sets), SIGNATURE_ROWS):
        stop = min(start + SIGNATURE_ROWS, len(sets))
        signed = signatures(keyed.slice(start, stop), perms)
        keys[start:stop] = lsh.band_keys(signed, settings.bands, settings.rows)
    return lsh.candidate_pairs(keys)


def _verified_roots(sets: ShingleSets, pairs: np.ndarray, threshold: float, stats: Counter) -> np.ndarray:
    """Union-find over the candidates whose shingle sets are similar enough.

    A candidate between two items already joined cannot change the groups, so candidates are
    verified in rounds (each item's first remaining candidate per round) and those inside one
    group are dropped between rounds: copies of one text are not compared pair by pair.
    """
    left, right = pairs[:, 0], pairs[:, 1]
    joined_left, joined_right = [left[:0]], [right[:0]]
    roots = np.arange(len(sets), dtype=np.int64)
    for round_number in range(VERIFY_ROUNDS + 1):
        if not len(left):
            break
        first = np.concatenate(([True], left[1:] != left[:-1]))
        if round_number == VERIFY_ROUNDS:
            first[:] = True
        similar = jaccard(sets, left[first], right[first]) >= threshold
        stats["compared"] += int(np.count_nonzero(first))
        joined_left.append(left[first][similar])
        joined_right.append(right[first][similar])
        roots = clusters.union_find(len(sets), np.concatenate(joined_left), np.concatenate(joined_right))
        left, right = left[~first], right[~first]
        apart = roots[left] != roots[right]
        left, right = left[apart], right[apart]
    stats["joined"] += sum(len(x) for x in joined_left)
    return roots


def _with_canonicals(
    found: list[np.ndarray], copy_of: np.ndarray, sets: ShingleSets, ranks: np.ndarray
) -> list[Group]:
    """Each group's canonical member, and every other member's similarity to it."""
    heads = [clusters.canonical(members, ranks) for members in found]
    others = [members[members != head] for members, head in zip(found, heads)]
    left = np.concatenate([np.full(len(o), copy_of[h]) for o, h in zip(others, heads)] or [[]])
    right = np.concatenate([copy_of[o] for o in others] or [[]])
    left, right = left.astype(np.int64), right.astype(np.int64)
    similarity = np.where(left == right, 1.0, jaccard(sets, left, right))
    cuts = np.cumsum([len(o) for o in others])[:-1]
    return [
        Group(head, members, sims)
        for head, members, sims in zip(heads, others, np.split(similarity, cuts))
    ]
