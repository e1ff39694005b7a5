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
from cleaner.dedup.corpus import date_ranks
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


# the paragraphs of the verified pairs, with what places them and orders them
NODES = """SELECT id, file, record, line, date, shown FROM paragraphs
    WHERE id IN (SELECT a FROM edges UNION SELECT b FROM edges)"""


def find(db: sqlite3.Connection, corpus: set[int], checked: set[int]) -> list[Copy]:
    """The copies in the ``checked`` files (ids), among the ``corpus`` files (ids)."""
    edges = db.execute("SELECT a, b, similarity FROM edges").fetchall()
    if not edges:
        return []
    paths = dict(db.execute("SELECT id, path FROM files"))
    rows = db.execute(NODES).fetchall()
    rows.sort(key=lambda row: (paths[row[1]], row[2] or 0, row[3]))  # input order: path, record, line
    files = np.array([row[1] for row in rows], dtype=np.int64)
    records = np.array([row[2] or 0 for row in rows], dtype=np.int64)
    rank = date_ranks([row[4] for row in rows])  # earliest date first, then input order
    left, right = _places(np.array([row[0] for row in rows], dtype=np.int64), edges)
    inside = np.isin(files, np.fromiter(corpus, np.int64, len(corpus)))
    keep = (left >= 0) & (right >= 0)
    keep[keep] &= inside[left[keep]] & inside[right[keep]]
    roots = clusters.union_find(len(rows), left[keep], right[keep])
    members, starts = clusters.flat_groups(roots)
    if not len(members):
        return []
    group_of = np.repeat(np.arange(len(starts)), np.diff(np.append(starts, len(members))))
    heads = members[np.lexsort((rank[members], group_of))[starts]][group_of]  # each member's canonical
    copies = np.isin(files[members], np.fromiter(checked, np.int64, len(checked))) & (
        (files[members] != files[heads]) | (records[members] != records[heads])
    )
    known = {(a, b): similarity for a, b, similarity in edges}  # the pairs compared already
    return _described(db, rows, paths, members[copies].tolist(), heads[copies].tolist(), known)


def _places(ids: np.ndarray, edges: list[tuple]) -> tuple[np.ndarray, np.ndarray]:
    """Where each edge's two paragraphs are in ``ids`` (-1 for one that is not there)."""
    order = np.argsort(ids)
    ordered = ids[order]

    def place(wanted: np.ndarray) -> np.ndarray:
        at = np.minimum(np.searchsorted(ordered, wanted), len(ordered) - 1)
        return np.where(ordered[at] == wanted, order[at], -1)

    return (
        place(np.fromiter((edge[0] for edge in edges), np.int64, len(edges))),
        place(np.fromiter((edge[1] for edge in edges), np.int64, len(edges))),
    )


def _described(
    db: sqlite3.Connection, rows: list[tuple], paths: dict, copies: list[int], heads: list[int], known: dict
) -> list[Copy]:
    """The copies (places in ``rows``) with their lines and similarity to their canonical
    (compared when no edge joins the two directly)."""
    pairs = [(rows[c][0], rows[h][0]) for c, h in zip(copies, heads)]
    similarity = [known.get((min(pair), max(pair))) for pair in pairs]
    unknown = [n for n, value in enumerate(similarity) if value is None]
    if unknown:
        wanted = sorted({i for n in unknown for i in pairs[n]})
        blobs = dict(select_ids(db, "SELECT id, shingles FROM paragraphs WHERE id IN ({})", wanted))
        sets = sets_of([blobs[i] for i in wanted])
        left = np.searchsorted(wanted, [pairs[n][0] for n in unknown])
        right = np.searchsorted(wanted, [pairs[n][1] for n in unknown])
        for n, value in zip(unknown, jaccard(sets, left, right).tolist()):
            similarity[n] = value
    found = []
    for c, h, value in zip(copies, heads, similarity):
        _, file, record, line, _, shown = rows[c]
        _, head_file, head_record, head_line, _, _ = rows[h]
        found.append(Copy(paths[file], record, line, shown, paths[head_file], head_record, head_line, value))
    return found
