"""The index's LSH table and near-duplicate pairs, kept up to date a file at a time.

Each paragraph in the index has its shingle set. Its LSH band keys are computed as in
:mod:`cleaner.duplicates.corpus` (MinHash of the set without the corpus's common shingles, then
bands), stored as ``buckets`` rows (``band << 32 | key`` to paragraph), and every pair that
shares a bucket and passes verification (Jaccard of the whole sets at the threshold) is an
``edges`` row. The clusters are the connected components of the edges.

- **New paragraphs** (ids above ``keyed``) are keyed with the stored common shingles, and
  only their buckets are looked up: a change costs what the changed files hold, not what the
  corpus holds. A bucket gives at most ``MAX_NEIGHBOURS`` partners per paragraph, the oldest:
  each new copy of a much-copied text still joins its cluster.
- **Removed paragraphs** take their bucket rows and edges with them (their keys are computed
  again from their sets, which is cheaper than storing them).
- **Rebuilt** whole when the corpus has doubled or halved since the last build: the common
  shingles are a corpus statistic, and keys made with an outdated list find pairs just as
  well but let more unrelated ones in.
"""

from __future__ import annotations

import sqlite3

import numpy as np

from cleaner.core.settings import DedupSettings
from cleaner.duplicates import lsh
from cleaner.duplicates.shingles import ShingleSets
from cleaner.duplicates.signatures import permutations, signatures
from cleaner.duplicates.similarity import jaccard
from cleaner.index import stored_clusters
from cleaner.index.store import Store, chunks, select_ids, sets_of

MAX_NEIGHBOURS = 64  # partners a new paragraph takes from one bucket
SIGNATURE_ROWS = 1 << 16  # sets signed at a time
GROWTH = 2.0  # rebuild when the paragraphs grew or shrank this much since the last build


def bucket_keys(store: Store, sets: ShingleSets, common: np.ndarray, settings: DedupSettings) -> np.ndarray:
    """Each set's keys, one per band, as ``band << 32 | key`` (int64, sets by bands)."""
    perms = store.get("permutations")
    if perms is None:  # kept: a run that keys a few paragraphs does not import datasketch
        perms = permutations(settings.num_perm, settings.seed)
        store.put("permutations", perms)
    keyed = lsh.without(sets, common)
    keys = np.empty((len(sets), settings.bands), dtype=np.int64)
    for start in range(0, len(sets), SIGNATURE_ROWS):
        stop = min(start + SIGNATURE_ROWS, len(sets))
        banded = lsh.band_keys(signatures(keyed.slice(start, stop), perms), settings.bands, settings.rows)
        keys[start:stop] = banded.astype(np.int64)
    return keys | (np.arange(settings.bands, dtype=np.int64) << 32)[None, :]


def update(store: Store, settings: DedupSettings) -> None:
    """Key the paragraphs added since the last update and verify their candidates; rebuild
    the whole table when the corpus size has moved too far from the last build's."""
    with store.writing() as db:
        total = db.execute("SELECT count(*) FROM paragraphs").fetchone()[0]
        built = store.get("built_size", 0)
        if built == 0 or total > GROWTH * built or total * GROWTH < built:
            _rebuild(store, db, settings, total)
            stored_clusters.settle_all(db)
            return
        keyed = store.get("keyed", 0)
        rows = db.execute("SELECT id, shingles FROM paragraphs WHERE id > ? ORDER BY id", (keyed,)).fetchall()
        if rows:
            ids = np.array([r[0] for r in rows], dtype=np.int64)
            keys = bucket_keys(store, sets_of([r[1] for r in rows]), store.get("common"), settings)
            db.executemany(
                "INSERT OR IGNORE INTO buckets VALUES (?, ?)",
                zip(keys.ravel().tolist(), np.repeat(ids, keys.shape[1]).tolist()),
            )
            left, right = _partners(db, ids, keys)
            _add_edges(db, left, right, settings.threshold)
            db.executemany("INSERT OR IGNORE INTO unsettled VALUES (?)", ((i,) for i in ids.tolist()))
            store.put("keyed", int(ids[-1]))
        stored_clusters.settle(db)


def forget(store: Store, db: sqlite3.Connection, file_id: int, settings: DedupSettings) -> None:
    """Remove a file's paragraphs, their bucket rows and their edges (inside a write); the
    rest of their clusters are to be worked out again."""
    rows = db.execute("SELECT id, shingles FROM paragraphs WHERE file = ?", (file_id,)).fetchall()
    if not rows:
        return
    stored_clusters.leaving(db, file_id)
    ids = [r[0] for r in rows]
    keyed = [r for r in rows if r[0] <= store.get("keyed", 0)]
    if keyed:
        keys = bucket_keys(store, sets_of([r[1] for r in keyed]), store.get("common"), settings)
        db.executemany(
            "DELETE FROM buckets WHERE key = ? AND paragraph = ?",
            zip(keys.ravel().tolist(), np.repeat([r[0] for r in keyed], keys.shape[1]).tolist()),
        )
    for part, marks in chunks(ids):
        db.execute(f"DELETE FROM edges WHERE a IN ({marks})", part)
        db.execute(f"DELETE FROM edges WHERE b IN ({marks})", part)
    db.execute("DELETE FROM paragraphs WHERE file = ?", (file_id,))


def _rebuild(store: Store, db: sqlite3.Connection, settings: DedupSettings, total: int) -> None:
    db.execute("DELETE FROM buckets")
    db.execute("DELETE FROM edges")
    rows = db.execute("SELECT id, shingles FROM paragraphs ORDER BY id").fetchall()
    ids = np.array([r[0] for r in rows], dtype=np.int64)
    sets = sets_of([r[1] for r in rows])
    del rows
    common = lsh.common_shingles(sets, settings.common_share, settings.common_min)
    keys = bucket_keys(store, sets, common, settings)
    flat = keys.ravel()
    order = np.argsort(flat, kind="stable")  # rows go into the b-tree in key order
    owners = np.repeat(ids, keys.shape[1])
    db.executemany("INSERT OR IGNORE INTO buckets VALUES (?, ?)", zip(flat[order].tolist(), owners[order].tolist()))
    pairs = lsh.candidate_pairs((keys & 0xFFFFFFFF).astype(np.uint32), MAX_NEIGHBOURS)
    similarity = jaccard(sets, pairs[:, 0], pairs[:, 1])
    similar = similarity >= settings.threshold
    db.executemany(
        "INSERT OR IGNORE INTO edges VALUES (?, ?, ?)",
        zip(ids[pairs[similar, 0]].tolist(), ids[pairs[similar, 1]].tolist(), similarity[similar].tolist()),
    )
    store.put("common", common)
    store.put("built_size", max(total, 1))
    store.put("keyed", int(ids[-1]) if len(ids) else store.get("keyed", 0))


def _partners(db: sqlite3.Connection, ids: np.ndarray, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each new paragraph's bucket partners (itself excluded), the oldest few per bucket."""
    left: list[int] = []
    right: list[int] = []
    query = "SELECT paragraph FROM buckets WHERE key = ? ORDER BY paragraph LIMIT ?"
    seen: dict[int, list[int]] = {}
    for paragraph, row in zip(ids.tolist(), keys.tolist()):
        for key in row:
            members = seen.get(key)
            if members is None:
                members = seen[key] = [m for (m,) in db.execute(query, (key, MAX_NEIGHBOURS + 1))]
            for member in members:
                if member != paragraph:
                    left.append(min(member, paragraph))
                    right.append(max(member, paragraph))
    if not left:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    codes = np.unique(np.array(left, dtype=np.int64) << 32 | np.array(right, dtype=np.int64))
    return codes >> 32, codes & 0xFFFFFFFF


def _add_edges(db: sqlite3.Connection, left: np.ndarray, right: np.ndarray, threshold: float) -> None:
    if not len(left):
        return
    wanted = np.unique(np.concatenate((left, right)))
    blobs = dict(select_ids(db, "SELECT id, shingles FROM paragraphs WHERE id IN ({})", wanted.tolist()))
    sets = sets_of([blobs[i] for i in wanted.tolist()])
    similarity = jaccard(sets, np.searchsorted(wanted, left), np.searchsorted(wanted, right))
    similar = similarity >= threshold
    db.executemany(
        "INSERT OR IGNORE INTO edges VALUES (?, ?, ?)",
        zip(left[similar].tolist(), right[similar].tolist(), similarity[similar].tolist()),
    )
