"""Copies of a paragraph in other articles: the corpus stage of ``cleaner clean``.

Whether a paragraph is a copy depends on the whole corpus, so ``clean`` runs in two passes.
The first cleans each document as usual, spools it to a temporary file, and keeps only what
the dedup pipeline needs of its paragraphs (compact arrays: a word key, a count and a uint32
shingle set per paragraph; where it came from; the document's date). Once every document is
read, the paragraphs are clustered (:mod:`cleaner.dedup`). The second pass reads the spool
back in input order: each paragraph in a cluster that spans articles is marked in its
record's metadata, and with ``drop`` every copy outside the canonical's article is removed
by a finding of its own.

The finding is duplicate-paragraph (D002): :mod:`cleaner.rules.duplicate_paragraph`.
"""

from __future__ import annotations

import copyreg
import pickle
import tempfile
from array import array
from itertools import repeat
from types import MappingProxyType
from typing import Any, Iterable, Iterator, NamedTuple

import numpy as np

from cleaner.dedup import corpus
from cleaner.fixes import Outcome, apply_once
from cleaner.model import Document, Finding, InputError
from cleaner.rules._shared import removal
from cleaner.rules.duplicate_paragraph import CODE, NAME
from cleaner.settings import Settings



class Mark(NamedTuple):
    """A paragraph in a cluster: its line, the cluster, and the canonical copy."""

    line: int
    cluster: int
    canonical: dict[str, Any]  # path, record (JSON Lines only), line
    similarity: float
    is_copy: bool  # not the canonical and in another article than the canonical


class _Paragraphs:
    """What the first pass keeps of every paragraph, signed a chunk of texts at a time."""

    def __init__(self, settings: Settings, normalize):
        self.settings, self.normalize = settings, normalize
        self.parts: list[corpus.Signed] = []
        self.texts: list[str] = []
        self.owner = array("q")  # the document of each paragraph
        self.lines = array("q")  # its input line
        self.documents: list[tuple[str, int | None, Any]] = []  # path, record, date

    def add(self, document: Document) -> None:
        number = len(self.documents)
        self.documents.append((document.path, document.record, document.metadata.get("date")))
        self.owner.extend(repeat(number, len(document.lines)))
        self.lines.extend(line.number for line in document.lines)
        self.texts.extend(line.text for line in document.lines)
        if len(self.texts) >= corpus.TEXT_CHUNK:
            self._sign()

    def _sign(self) -> None:
        texts = self.normalize(self.texts) if self.normalize else self.texts
        self.parts.append(corpus.sign(texts, self.settings.dedup))
        self.texts = []

    def marks(self) -> dict[int, list[Mark]]:
        """The marks of each document that has paragraphs in a cluster spanning articles."""
        self._sign()
        signed = corpus.joined(self.parts)
        owner = np.frombuffer(self.owner, dtype=np.int64)
        by_date = corpus.ranks([corpus.Passage("", "", None, None, "", date) for _, _, date in self.documents])
        order = np.lexsort((np.arange(len(owner)), by_date[owner]))  # documents by date, then lines
        ranks = np.empty(len(owner), dtype=np.int64)
        ranks[order] = np.arange(len(owner))
        groups = corpus.group_signed(signed, np.arange(len(owner)), ranks, self.settings.dedup)
        found: dict[int, list[Mark]] = {}
        number = 0
        for group in groups:
            if np.all(owner[group.members] == owner[group.canonical]):
                continue  # copies inside one article: repeated-paragraph's business
            number += 1
            head = int(group.canonical)
            path, record, _ = self.documents[owner[head]]
            where = {"path": path, **({"record": record} if record is not None else {}), "line": self.lines[head]}
            found.setdefault(int(owner[head]), []).append(Mark(self.lines[head], number, where, 1.0, False))
            for member, similarity in zip(group.members.tolist(), group.similarities.tolist()):
                mark = Mark(self.lines[member], number, where, similarity, bool(owner[member] != owner[head]))
                found.setdefault(int(owner[member]), []).append(mark)
        return found


def resolve(items: Iterable[Any], settings: Settings, normalize, drop: bool) -> Iterator[Any]:
    """The cleaned ``items`` (and input errors) again, in order, with duplicates marked
    (``metadata["duplicates"]``) and, with ``drop``, removed; ``normalize`` writes entity
    variants one way before comparing (None when the N rules ran)."""
    paragraphs = _Paragraphs(settings, normalize)
    with tempfile.TemporaryFile() as spool:
        pickler = pickle.Pickler(spool, protocol=pickle.HIGHEST_PROTOCOL)
        pickler.dispatch_table = copyreg.dispatch_table.copy()
        pickler.dispatch_table[MappingProxyType] = lambda proxy: (_frozen, (dict(proxy),))
        for item in items:
            if not isinstance(item, InputError):
                paragraphs.add(item.outcome.document)
            pickler.dump(item)
        marks = paragraphs.marks()
        spool.seek(0)
        number = 0
        for item in _read_back(spool):
            if not isinstance(item, InputError):
                item = _marked(item, marks.get(number, []), drop)
                number += 1
            yield item


def _marked(item: Any, marks: list[Mark], drop: bool) -> Any:
    if not marks:
        return item
    outcome = item.outcome
    entries = [{"line": m.line, "cluster": m.cluster, "canonical": m.canonical, "similarity": round(m.similarity, 4)} for m in marks]
    document = outcome.document.with_metadata(duplicates=sorted(entries, key=lambda e: e["line"]))
    applied = outcome.applied
    if drop:
        texts = {line.number: line.text for line in document.lines}
        findings = [_copy_finding(m, texts[m.line]) for m in marks if m.is_copy]
        document, done = apply_once(document, findings)
        applied = applied + tuple(done)
    return type(item)(item.source, item.original, Outcome(document, applied, outcome.remaining))


def _copy_finding(mark: Mark, text: str) -> Finding:
    where = mark.canonical["path"] + (f" record {mark.canonical['record']}" if "record" in mark.canonical else "")
    message = f"copy of {where} line {mark.canonical['line']} (similarity {mark.similarity:.2f}, cluster {mark.cluster})"
    return removal(CODE, NAME, mark.line, text, message)


def _read_back(spool) -> Iterator[Any]:
    unpickler = pickle.Unpickler(spool)
    while True:
        try:
            yield unpickler.load()
        except EOFError:
            return


def _frozen(mapping: dict) -> MappingProxyType:
    return MappingProxyType(mapping)
