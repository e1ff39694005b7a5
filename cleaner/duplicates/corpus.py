"""The dedup pipeline: from passages to clusters with a canonical copy each.

:func:`find_groups` works on normalized texts and ranks alone (arrays in, arrays out);
:func:`cluster_passages` adds what a report needs: where each passage came from, and which
copy is canonical (the earliest known date, else the first in input order).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import NamedTuple

import numpy as np

from cleaner.core.model import InputError
from cleaner.core.settings import DedupSettings
from cleaner.duplicates.canonical import date_ranks
from cleaner.duplicates.grouping import Selected, as_groups, flat_groups
from cleaner.duplicates.shingles import ShingleSets, concatenate, shingle_sets
from cleaner.duplicates.words import split_words, text_keys

TEXT_CHUNK = 1 << 12  # texts split and shingled at a time


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


class Deduplicated(NamedTuple):
    """What a corpus's duplicates are: the clusters of paragraphs and of whole articles, the
    paragraph stage's counts, and the inputs that could not be read."""

    clusters: list[Cluster]
    documents: list[Cluster]
    counts: Counter
    errors: list[InputError]


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
    return date_ranks([p.date for p in passages])


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
    signed = sign([texts[i] for i in unique.tolist()], settings)
    del first_of
    which = place[same_as]
    sets = Selected(signed.sets, which, signed.sets.sizes[which])
    found = flat_groups(signed.keys[which], signed.sizes[which] > 0, sets, ranks.__getitem__, settings, stats)
    return [Group(*group) for group in as_groups(found)]


class Signed(NamedTuple):
    """What the pipeline keeps of each text: the key of its words, its word count, its set."""

    keys: np.ndarray  # uint64
    sizes: np.ndarray  # int64
    sets: ShingleSets


def sign(texts: Sequence[str], settings: DedupSettings) -> Signed:
    """Each text's key (equal for the same words in the same order), word count and shingle set,
    a chunk of texts at a time: only these compact arrays outlive a chunk."""
    parts = [Signed(np.empty(0, dtype=np.uint64), np.empty(0, dtype=np.int64), concatenate([]))]
    parts.extend(signed_chunks(texts, settings))
    return Signed(
        np.concatenate([p.keys for p in parts]),
        np.concatenate([p.sizes for p in parts]),
        concatenate([p.sets for p in parts]),
    )


def signed_chunks(texts: Sequence[str], settings: DedupSettings) -> Iterator[Signed]:
    """:func:`sign` a chunk of texts at a time."""
    for start in range(0, len(texts), TEXT_CHUNK):
        chunk = texts[start : start + TEXT_CHUNK]
        words = split_words(chunk)
        sets = shingle_sets(chunk, settings.shingle, settings.size, words)
        yield Signed(text_keys(words), words.lengths, sets)
