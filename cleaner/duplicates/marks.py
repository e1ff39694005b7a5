"""Copies of a paragraph in other articles: the corpus stage of ``cleaner clean``.

Whether a paragraph is a copy depends on the whole corpus, so ``clean`` runs in two passes.
The first cleans each document as usual, spools it to a temporary file, and keeps only what
the dedup pipeline needs of its paragraphs: in memory, a few numbers each in arrays (a word
key, whether it has words, its document and line; no Python object per paragraph, no text),
and its shingle set in a second temporary file; of each document its path, record and date.
Once every document is read, the paragraphs are clustered (:mod:`cleaner.duplicates.grouping`,
which reads the sets back from disk as it needs them). The second pass reads the spool
back in input order: each paragraph in a cluster that spans articles is marked in its
record's metadata, and with ``drop`` every copy outside the canonical's article is removed
by a finding of its own.

The finding is duplicate-paragraph (D002): :mod:`cleaner.rules.duplicate_paragraph`.
"""

from __future__ import annotations

import pickle
import tempfile
from array import array
from collections.abc import Iterable, Iterator
from itertools import repeat
from typing import Any, NamedTuple

import numpy as np

from cleaner.core.fixes import Outcome, apply_once
from cleaner.core.model import Document, Finding, InputError
from cleaner.core.settings import Settings
from cleaner.duplicates import corpus
from cleaner.duplicates.canonical import date_ranks
from cleaner.duplicates.grouping import FlatGroups, flat_groups
from cleaner.duplicates.spill import SetFile
from cleaner.rules.duplicate_paragraph import copy_finding


class Mark(NamedTuple):
    """A paragraph in a cluster: its line, the cluster, and the canonical copy."""

    line: int
    cluster: int
    canonical: dict[str, Any]  # path, record (JSON Lines only), line
    similarity: float
    is_copy: bool  # not the canonical and in another article than the canonical


class _Paragraphs:
    """What the first pass keeps of every paragraph: fixed-size numbers in arrays (its word
    key, whether it has words, its document and line), its shingle set in ``sets`` on disk;
    and of every document its path, record and date. Texts are signed a chunk at a time."""

    def __init__(self, settings: Settings, normalize, sets: SetFile):
        self.settings, self.normalize, self.sets = settings, normalize, sets
        self.texts: list[str] = []
        self.keys = array("Q")
        self.present = bytearray()
        self.owner = array("I")  # the document of each paragraph
        self.lines = array("I")  # its input line
        self.paths: dict[str, int] = {}  # each path once, numbered
        self.path_of = array("I")  # each document's path number
        self.records = array("q")  # its record, -1 for none
        self.dates: list[str | None] = []  # its date; equal dates share one string
        self._dates: dict[str, str] = {}

    def add(self, document: Document) -> None:
        number = len(self.dates)
        date = document.metadata.get("date")
        self.dates.append(self._dates.setdefault(date, date) if isinstance(date, str) else None)
        self.path_of.append(self.paths.setdefault(document.path, len(self.paths)))
        self.records.append(-1 if document.record is None else document.record)
        self.owner.extend(repeat(number, len(document.lines)))
        self.lines.extend(line.number for line in document.lines)
        self.texts.extend(line.text for line in document.lines)
        if len(self.texts) >= corpus.TEXT_CHUNK:
            self._sign()

    def _sign(self) -> None:
        texts = self.normalize(self.texts) if self.normalize else self.texts
        for part in corpus.signed_chunks(texts, self.settings.dedup):
            self.keys.frombytes(part.keys.tobytes())
            self.present.extend((part.sizes > 0).tobytes())
            self.sets.append(part.sets)
        self.texts = []

    def marks(self) -> Marks:
        """The marks of the paragraphs in clusters that span articles."""
        self._sign()
        self.sets.finish()
        owner = np.frombuffer(self.owner, dtype=np.uint32)
        by_date = date_ranks(self.dates)
        count = len(owner)

        def rank(items: np.ndarray) -> np.ndarray:  # documents by date, then paragraphs in order
            return by_date[owner[items]] * count + items

        keys = np.frombuffer(self.keys, dtype=np.uint64)
        present = np.frombuffer(self.present, dtype=np.bool_)
        groups = flat_groups(keys, present, self.sets, rank, self.settings.dedup)
        del keys, present
        places = (list(self.paths), self.path_of, self.records)
        return Marks.of(groups, owner, np.frombuffer(self.lines, dtype=np.uint32), places)


class Marks(NamedTuple):
    """Every paragraph in a cluster that spans articles, as arrays sorted by document: within
    a document by cluster, the canonical first, then in input order."""

    starts: np.ndarray  # where each document's marks start (and the last ones end)
    lines: np.ndarray
    clusters: np.ndarray  # numbered from 1, in the order of their first paragraph
    similarities: np.ndarray
    copies: np.ndarray  # bool: not the canonical and in another article than the canonical
    heads: np.ndarray  # the canonical's document and line, two columns
    places: tuple[list[str], array, array]  # the paths; each document's path number and record

    @classmethod
    def of(cls, groups: FlatGroups, owner: np.ndarray, lines: np.ndarray, places: tuple) -> Marks:
        group_of = groups.group_of()
        elsewhere = owner[groups.members] != owner[groups.heads][group_of]
        spans = np.bincount(group_of, weights=elsewhere, minlength=len(groups.heads)) > 0
        kept = spans[group_of]  # copies inside one article are repeated-paragraph's business
        members, group_of = groups.members[kept], group_of[kept]
        heads = groups.heads[group_of]
        order = np.lexsort((members, members != heads, group_of, owner[members]))
        members, group_of, heads = members[order], group_of[order], heads[order]
        documents = len(places[1])
        return cls(
            np.searchsorted(owner[members], np.arange(documents + 1)),
            lines[members],
            np.cumsum(spans)[group_of],
            groups.similarities[kept][order],
            elsewhere[kept][order],
            np.stack((owner[heads], lines[heads]), axis=1),
            places,
        )

    def of_document(self, number: int) -> list[Mark]:
        """The marks of document ``number``, as ``Mark`` tuples."""
        paths, path_of, records = self.places
        start, stop = self.starts[number : number + 2].tolist()
        found = []
        for k in range(start, stop):
            document, line = self.heads[k].tolist()
            record = {"record": records[document]} if records[document] >= 0 else {}
            canonical = {"path": paths[path_of[document]], **record, "line": line}
            similarity, is_copy = float(self.similarities[k]), bool(self.copies[k])
            found.append(Mark(int(self.lines[k]), int(self.clusters[k]), canonical, similarity, is_copy))
        return found


def resolve(items: Iterable[Any], settings: Settings, normalize, drop: bool) -> Iterator[Any]:
    """The cleaned ``items`` (and input errors) again, in order, with duplicates marked
    (``metadata["duplicates"]``) and, with ``drop``, removed; ``normalize`` writes entity
    variants one way before comparing (None when the N rules ran)."""
    with tempfile.TemporaryFile() as spool:
        with SetFile() as sets:
            paragraphs = _Paragraphs(settings, normalize, sets)
            pickler = pickle.Pickler(spool, protocol=pickle.HIGHEST_PROTOCOL)  # metadata views: model.py
            for item in items:
                if not isinstance(item, InputError):
                    paragraphs.add(item.outcome.document)
                pickler.dump(item)
                pickler.clear_memo()  # the memo would hold every item ever spooled
            marks = paragraphs.marks()
            del paragraphs
        spool.seek(0)
        number = 0
        for item in _read_back(spool):
            if not isinstance(item, InputError):
                item = marked(item, marks.of_document(number), drop)
                number += 1
            yield item


def _copy_finding(mark: Mark, text: str) -> Finding:
    canonical = mark.canonical
    return copy_finding(
        mark.line, text, canonical["path"], canonical.get("record"), canonical["line"], mark.similarity, mark.cluster
    )


def marked(item: Any, marks: list[Mark], drop: bool) -> Any:
    """A cleaned item with its duplicate ``marks`` in its metadata and, with ``drop``, its
    copies removed (each a D002 finding naming the canonical copy)."""
    if not marks:
        return item
    outcome = item.outcome
    entries: list[dict[str, Any]] = [
        {"line": m.line, "cluster": m.cluster, "canonical": m.canonical, "similarity": round(m.similarity, 4)}
        for m in marks
    ]
    document = outcome.document.with_metadata(duplicates=sorted(entries, key=lambda e: e["line"]))
    applied = outcome.applied
    if drop:
        texts = {line.number: line.text for line in document.lines}
        findings = [_copy_finding(m, texts[m.line]) for m in marks if m.is_copy]
        document, done = apply_once(document, findings)
        applied = applied + tuple(done)
    return type(item)(item.source, item.original, Outcome(document, applied, outcome.remaining))


def _read_back(spool) -> Iterator[Any]:
    while True:  # an unpickler per item: a lasting one's memo would keep the items read
        try:
            yield pickle.load(spool)
        except EOFError:
            return
