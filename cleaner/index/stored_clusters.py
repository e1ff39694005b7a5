"""The index's clusters kept up to date: each paragraph's canonical copy.

A cluster is a connected component of the verified pairs (``edges``); its canonical is the
earliest by date, else the first by path, record and line (:func:`clusters_of`, as
``cleaner clean`` picks it). Each paragraph's ``canonical`` column names its cluster's
canonical (NULL: in no cluster), so that a run over the whole corpus reads its copies with
one query (:func:`cleaner.index.copies.settled`) instead of working out every cluster again.

A change marks the paragraphs whose cluster it may change as ``unsettled``: new paragraphs,
once their buckets are looked up (:func:`cleaner.index.lsh_table.update`), and the
cluster-mates of the paragraphs a file loses (:func:`leaving`). :func:`settle` then works
out the clusters those reach, and only those: a change costs what it touches, not what the
corpus holds. A paragraph's similarity to its canonical, for a copy, is stored beside it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import cast

import numpy as np

from cleaner.duplicates import clusters
from cleaner.duplicates.canonical import date_ranks, group_heads
from cleaner.duplicates.similarity import jaccard
from cleaner.index.store import select_ids, sets_of

# what places and orders a paragraph in its cluster; rows start with these five columns
NODE = "SELECT id, file, record, line, date FROM paragraphs WHERE id IN ({})"


def clusters_of(rows: list[tuple], paths: dict[int, str], pairs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The clusters of ``rows`` (id, file, record, line, date, ...; sorted here into input
    order: path, record, line) joined by ``pairs`` (paragraph ids, two columns; a pair with
    a paragraph not in ``rows`` is left out): the places in ``rows`` of every member of a
    cluster of two or more, and of each member's canonical (earliest date, then input order).
    """
    rows.sort(key=lambda row: (paths[row[1]], row[2] or 0, row[3]))
    if not rows or not len(pairs):
        return np.empty(0, np.int64), np.empty(0, np.int64)
    ids = np.array([row[0] for row in rows], dtype=np.int64)
    order = np.argsort(ids)
    ordered = ids[order]
    at = np.minimum(np.searchsorted(ordered, pairs), len(ordered) - 1)
    places = np.where(ordered[at] == pairs, order[at], -1)
    places = places[(places >= 0).all(axis=1)]
    members, starts = clusters.flat_groups(clusters.union_find(len(rows), places[:, 0], places[:, 1]))
    if not len(members):
        return members, members
    rank = date_ranks([row[4] for row in rows])
    group_of = np.repeat(np.arange(len(starts)), np.diff(np.append(starts, len(members))))
    return members, group_heads(members, group_of, starts, rank[members])[group_of]


def leaving(db: sqlite3.Connection, file_id: int) -> None:
    """A file's paragraphs are about to go: the rest of their clusters may split or change
    canonical."""
    db.execute(
        """INSERT OR IGNORE INTO unsettled SELECT id FROM paragraphs WHERE file != ? AND canonical IN
        (SELECT canonical FROM paragraphs WHERE file = ? AND canonical IS NOT NULL)""",
        (file_id, file_id),
    )


def settle(db: sqlite3.Connection) -> None:
    """Work out again the clusters of the unsettled paragraphs (inside a write)."""
    seeds = [i for (i,) in db.execute("SELECT u.id FROM unsettled u JOIN paragraphs p ON p.id = u.id")]
    db.execute("DELETE FROM unsettled")
    reached, frontier, pairs = set(seeds), seeds, set()
    while frontier:
        found = select_ids(db, "SELECT a, b, similarity FROM edges WHERE a IN ({})", frontier)
        found += select_ids(db, "SELECT a, b, similarity FROM edges WHERE b IN ({})", frontier)
        pairs.update(found)
        frontier = [i for pair in found for i in pair[:2] if i not in reached]
        reached.update(frontier)
    _assign(db, sorted(reached), sorted(pairs))


def settle_all(db: sqlite3.Connection) -> None:
    """Work out every cluster (inside a write), as after the table was rebuilt."""
    db.execute("DELETE FROM unsettled")
    db.execute("UPDATE paragraphs SET canonical = NULL, similarity = NULL WHERE canonical IS NOT NULL")
    pairs = db.execute("SELECT a, b, similarity FROM edges").fetchall()
    _assign(db, sorted({i for pair in pairs for i in pair[:2]}), pairs)


def similarities(db: sqlite3.Connection, pairs: list[tuple[int, int]], known: dict) -> list[float]:
    """The similarity of each pair of paragraphs: the ``known`` one of the pair (``(a, b)``,
    ``a < b``: an edge), else their shingle sets compared."""
    found = [known.get((min(pair), max(pair))) for pair in pairs]
    unknown = [n for n, value in enumerate(found) if value is None]
    if unknown:
        wanted = sorted({i for n in unknown for i in pairs[n]})
        blobs = dict(select_ids(db, "SELECT id, shingles FROM paragraphs WHERE id IN ({})", wanted))
        sets = sets_of([blobs[i] for i in wanted])
        left = np.searchsorted(wanted, [pairs[n][0] for n in unknown])
        right = np.searchsorted(wanted, [pairs[n][1] for n in unknown])
        for n, value in zip(unknown, jaccard(sets, left, right).tolist()):
            found[n] = value
    return cast("list[float]", found)  # every None is replaced: unknown ones are compared


def copies_in(rows: list[tuple], members: np.ndarray, heads: np.ndarray) -> list[tuple[int, int]]:
    """The (copy, canonical) places of :func:`clusters_of`'s members that are in another
    article (file and record) than their canonical."""
    return [
        (m, h) for m, h in zip(members.tolist(), heads.tolist()) if rows[m][1] != rows[h][1] or rows[m][2] != rows[h][2]
    ]


def _assign(db: sqlite3.Connection, ids: Sequence[int], edges: list[tuple]) -> None:
    """Set the canonical of each of ``ids`` (NULL for one in no cluster), and the similarity
    of each copy to it; the clusters being the components of ``edges`` (a, b, similarity),
    which join ``ids`` and nothing else."""
    if not len(ids):
        return
    rows = select_ids(db, NODE, list(ids))
    paths = dict(select_ids(db, "SELECT id, path FROM files WHERE id IN ({})", sorted({row[1] for row in rows})))
    pairs = np.array([edge[:2] for edge in edges], dtype=np.int64).reshape(-1, 2)
    members, heads = clusters_of(rows, paths, pairs)
    canonical = {rows[m][0]: rows[h][0] for m, h in zip(members.tolist(), heads.tolist())}
    copies = [(rows[m][0], rows[h][0]) for m, h in copies_in(rows, members, heads)]
    known = {(a, b): similarity for a, b, similarity in edges}
    similarity = dict(zip((c for c, _ in copies), similarities(db, copies, known)))
    db.executemany(
        "UPDATE paragraphs SET canonical = ?, similarity = ? WHERE id = ?",
        [(canonical.get(i), similarity.get(i), i) for i in ids],
    )
