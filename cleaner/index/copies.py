"""Which paragraphs of the corpus are copies of a paragraph in another article.

The clusters are the connected components of the index's verified pairs; the canonical copy
of a cluster is the earliest by date, else the first by path, record and line, as ``cleaner
clean`` picks it (:mod:`cleaner.index.stored_clusters`). Every other member in another article than
the canonical's is a copy. When the corpus at hand is the whole index, the clusters stored
with the paragraphs are read (:func:`settled`); otherwise they are worked out for the files
of the corpus alone (:func:`find`).
"""

from __future__ import annotations

import sqlite3
from typing import NamedTuple

import numpy as np

from cleaner.index.stored_clusters import clusters_of, copies_in, similarities


class Copy(NamedTuple):
    """A paragraph that copies one in another article: where it is, and its original."""

    path: str  # absolute, as the index keeps it
    record: int | None
    line: int
    shown: str  # the line as it is in the file
    canonical_path: str  # absolute; CorpusIndex.copies names it as the run does
    canonical_record: int | None
    canonical_line: int
    similarity: float


# a copy and its canonical, as the clusters stored with the paragraphs have them
SETTLED = """SELECT p.file, p.record, p.line, p.shown, c.file, c.record, c.line, p.similarity
    FROM paragraphs p JOIN paragraphs c ON c.id = p.canonical WHERE p.similarity IS NOT NULL"""
FEW = 500  # checked files few enough to name in the query
# the paragraphs of the verified pairs: what places and orders them (clusters.NODE), and the line
PAIRED = """SELECT id, file, record, line, date, shown FROM paragraphs
    WHERE id IN (SELECT a FROM edges UNION SELECT b FROM edges)"""


def is_settled(db: sqlite3.Connection, corpus: set[int]) -> bool:
    """Whether the stored clusters are this corpus's: no paragraph is unsettled, and the
    corpus holds every file with paragraphs in the index."""
    if db.execute("SELECT 1 FROM unsettled LIMIT 1").fetchone():
        return False
    return all(file in corpus for (file,) in db.execute("SELECT id FROM files WHERE signed = 1"))


def settled(db: sqlite3.Connection, checked: set[int], paths: dict[int, str], named: dict[int, str]) -> list[Copy]:
    """The copies in the ``checked`` files (ids), read from the stored clusters (see
    :func:`is_settled`); ``paths`` are the files' paths in the index, ``named`` as the run
    names them (the canonicals' paths)."""
    if len(checked) <= FEW:
        marks = ",".join("?" * len(checked))
        rows = db.execute(f"{SETTLED} AND p.file IN ({marks})", sorted(checked)).fetchall()
    else:
        rows = [row for row in db.execute(SETTLED) if row[0] in checked]
    return [
        Copy(paths[file], record, line, shown, named[head_file], head_record, head_line, similarity)
        for file, record, line, shown, head_file, head_record, head_line, similarity in rows
    ]


def find(
    db: sqlite3.Connection, corpus: set[int], checked: set[int], paths: dict[int, str], named: dict[int, str]
) -> list[Copy]:
    """As :func:`settled`, among the ``corpus`` files (ids) alone: the clusters worked out
    anew, for a corpus that is not the whole index."""
    edges = db.execute("SELECT a, b, similarity FROM edges").fetchall()
    if not edges:
        return []
    known = {(a, b): similarity for a, b, similarity in edges}  # the pairs compared already
    pairs = np.array([edge[:2] for edge in edges], dtype=np.int64)
    del edges
    rows = [row for row in db.execute(PAIRED) if row[1] in corpus]
    members, heads = clusters_of(rows, paths, pairs)
    found = [(rows[m], rows[h]) for m, h in copies_in(rows, members, heads) if rows[m][1] in checked]
    similarity = similarities(db, [(copy[0], head[0]) for copy, head in found], known)
    return [
        Copy(paths[copy[1]], copy[2], copy[3], copy[5], named[head[1]], head[2], head[3], value)
        for (copy, head), value in zip(found, similarity)
    ]
