"""Which paragraphs of the corpus are copies of a paragraph in another article.

The clusters are the connected components of the index's verified pairs (restricted to the
files of the corpus at hand); the canonical copy of a cluster is the earliest by date, else
the first by path, record and line, as ``cleaner clean`` picks it. Every other member in
another article than the canonical's is a copy.
"""

from __future__ import annotations

import re
import sqlite3
from typing import NamedTuple

import numpy as np

from cleaner.dedup import clusters
from cleaner.dedup.similarity import jaccard
from cleaner.index.lsh_table import select_ids, sets_of

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class Copy(NamedTuple):
    """A paragraph that copies one in another article: where it is, and its original."""

    path: str  # absolute, as the index keeps it
    record: int | None
    line: int
    shown: str  # the line as it is in the file
    canonical_path: str
    canonical_record: int | None
    canonical_line: int
    similarity: float


def find(db: sqlite3.Connection, corpus: set[int], checked: set[int]) -> list[Copy]:
    """The copies in the ``checked`` files (ids), among the ``corpus`` files (ids)."""
    edges = np.array(db.execute("SELECT a, b FROM edges").fetchall(), dtype=np.int64).reshape(-1, 2)
    if not len(edges):
        return []
    nodes = np.unique(edges)
    info = {
        row[0]: row[1:]
        for row in select_ids(
            db,
            "SELECT p.id, p.file, f.path, p.record, p.line, p.date FROM paragraphs p "
            "JOIN files f ON f.id = p.file WHERE p.id IN ({})",
            nodes.tolist(),
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
    return _described(db, found, info)


def _rank(row: tuple) -> tuple:
    """Earliest date first (dated before undated), then path, record and line."""
    _, path, record, line, date = row
    dated = isinstance(date, str) and ISO_DATE.match(date) is not None
    return (not dated, date if dated else "", path, record or 0, line)


def _described(db: sqlite3.Connection, found: list[tuple[int, int]], info: dict) -> list[Copy]:
    if not found:
        return []
    wanted = sorted({i for pair in found for i in pair})
    rows = {r[0]: r[1:] for r in select_ids(db, "SELECT id, shingles, shown FROM paragraphs WHERE id IN ({})", wanted)}
    sets = sets_of([rows[i][0] for i in wanted])
    place = {i: n for n, i in enumerate(wanted)}
    left = np.array([place[c] for c, _ in found], dtype=np.int64)
    right = np.array([place[h] for _, h in found], dtype=np.int64)
    similarity = jaccard(sets, left, right)
    copies = []
    for (copy, head), value in zip(found, similarity.tolist()):
        _, path, record, line, _ = info[copy]
        _, head_path, head_record, head_line, _ = info[head]
        copies.append(Copy(path, record, line, rows[copy][1], head_path, head_record, head_line, value))
    return copies
