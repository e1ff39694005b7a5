"""Which paragraphs of the corpus are copies of a paragraph in another article.

The clusters are the connected components of the index's verified pairs (restricted to the
files of the corpus at hand); the canonical copy of a cluster is the earliest by date, else
the first by path, record and line, as ``cleaner clean`` picks it. Every other member in
another article than the canonical's is a copy.
"""

from __future__ import annotations

import sqlite3
from typing import NamedTuple

import numpy as np

from cleaner.dedup import clusters
from cleaner.dedup.corpus import known_date
from cleaner.dedup.similarity import jaccard
from cleaner.index.lsh_table import select_ids, sets_of


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


def find(db: sqlite3.Connection, corpus: set[int], checked: set[int]) -> list[Copy]:
    """The copies in the ``checked`` files (ids), among the ``corpus`` files (ids)."""
    rows = db.execute("SELECT a, b, similarity FROM edges").fetchall()
    if not rows:
        return []
    known = {(a, b): similarity for a, b, similarity in rows}  # the pairs compared already
    edges = np.array([row[:2] for row in rows], dtype=np.int64)
    nodes = np.unique(edges)
    paths = dict(db.execute("SELECT id, path FROM files"))
    info = {
        number: (file, paths[file], record, line, date)
        for number, file, record, line, date in select_ids(
            db, "SELECT id, file, record, line, date FROM paragraphs WHERE id IN ({})", nodes.tolist()
        )
    }
    inside = np.array([i in info and info[i][0] in corpus for i in nodes.tolist()], dtype=bool)
    keep = inside[np.searchsorted(nodes, edges[:, 0])] & inside[np.searchsorted(nodes, edges[:, 1])]
    edges = edges[keep]
    roots = clusters.union_find(len(nodes), np.searchsorted(nodes, edges[:, 0]), np.searchsorted(nodes, edges[:, 1]))
    found: list[tuple[int, int]] = []  # (copy, canonical) paragraph ids
    for members in clusters.groups(roots):
        ids = nodes[members].tolist()
        if not any(info[i][0] in checked for i in ids):
            continue
        head = min(ids, key=lambda i: _rank(info[i]))
        article = info[head][0], info[head][2]
        found.extend(
            (i, head) for i in ids if info[i][0] in checked and (info[i][0], info[i][2]) != article
        )
    return _described(db, found, info, known)


def _rank(row: tuple) -> tuple:
    """Earliest date first (dated before undated), then path, record and line."""
    _, path, record, line, date = row
    dated = known_date(date)  # as the corpus stage of clean orders copies
    return (not dated, dated, path, record or 0, line)


def _described(db: sqlite3.Connection, found: list[tuple[int, int]], info: dict, known: dict) -> list[Copy]:
    """The copies with their lines and similarity to the canonical (compared when no edge
    joins the two directly)."""
    if not found:
        return []
    shown = dict(select_ids(db, "SELECT id, shown FROM paragraphs WHERE id IN ({})", sorted({c for c, _ in found})))
    similarity = {pair: known.get((min(pair), max(pair))) for pair in found}
    unknown = [pair for pair, value in similarity.items() if value is None]
    if unknown:
        wanted = sorted({i for pair in unknown for i in pair})
        blobs = dict(select_ids(db, "SELECT id, shingles FROM paragraphs WHERE id IN ({})", wanted))
        sets = sets_of([blobs[i] for i in wanted])
        left = np.searchsorted(wanted, [c for c, _ in unknown])
        right = np.searchsorted(wanted, [h for _, h in unknown])
        similarity.update(zip(unknown, jaccard(sets, left, right).tolist()))
    copies = []
    for copy, head in found:
        _, path, record, line, _ = info[copy]
        _, head_path, head_record, head_line, _ = info[head]
        copies.append(Copy(path, record, line, shown[copy], head_path, head_record, head_line, similarity[copy, head]))
    return copies
