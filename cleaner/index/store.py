"""The SQLite file behind the corpus index, and what keeps it safe to share.

- **One file per settings.** The file's name carries a fingerprint of everything that changes
  results: cleaner's version and code, the schema, the settings, and the contents of the
  gazetteer files. A run with other settings (or after an upgrade) starts an index of its
  own, so an index is never used with settings it was not built for; a file nobody has used
  for a week is removed.
- **Atomic.** Every change is one SQLite transaction: a run killed midway leaves the index as
  it was after its last commit.
- **Shared.** WAL mode lets runs read while another writes; writers take the write lock
  (``BEGIN IMMEDIATE``) and wait for each other.
- **Damage.** A file SQLite cannot read is removed and the index built again.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import fields
from pathlib import Path

import numpy as np

from cleaner.core.settings import Settings
from cleaner.core.version import __version__
from cleaner.duplicates.shingles import ShingleSets

SCHEMA_VERSION = 3
FOLDER = ".cleaner_cache"
CHUNK = 500  # ids per SQL statement
BUSY_SECONDS = 600.0  # how long a run waits for another's write lock
UNUSED_SECONDS = 7 * 24 * 3600  # an index file not used for this long is removed
_GITIGNORE = "# Created by cleaner: the corpus index is a cache, never committed.\n*\n"
# what does not change what is stored: where the project is, which files make up the corpus,
# which rules a run reports (every rule's findings are stored), and whether unsafe fixes are
# applied (paragraphs are stored as the safe fixes leave them)
_NOT_FINGERPRINTED = {
    "root",
    "config_file",
    "include",
    "exclude",
    "select",
    "ignore",
    "per_file_ignores",
    "unsafe_fixes",
}

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value BLOB);
CREATE TABLE IF NOT EXISTS files (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,       -- absolute
    stamp TEXT,                      -- size, times and inode: unchanged means not read again
    hash BLOB,                       -- of the content, None when it could not be read
    results BLOB,                    -- pickled (diagnostics, errors) of checking the file
    signed INTEGER NOT NULL DEFAULT 0  -- 1 when its paragraphs are in the index
);
CREATE TABLE IF NOT EXISTS paragraphs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused: those above "keyed" wait for keys
    file INTEGER NOT NULL,
    record INTEGER,                  -- JSON Lines record, else NULL
    line INTEGER NOT NULL,           -- the input line
    date TEXT,                       -- the document's date, for the canonical copy
    shown TEXT NOT NULL,             -- the input line as it is in the file
    shingles BLOB NOT NULL,          -- sorted uint32 shingle hashes of the cleaned text
    canonical INTEGER,               -- its cluster's canonical paragraph; NULL: in no cluster
    similarity REAL                  -- to the canonical, when another article's: it is a copy
);
CREATE INDEX IF NOT EXISTS paragraphs_file ON paragraphs (file);
CREATE INDEX IF NOT EXISTS paragraphs_canonical ON paragraphs (canonical) WHERE canonical IS NOT NULL;
CREATE INDEX IF NOT EXISTS paragraphs_copies ON paragraphs (file) WHERE similarity IS NOT NULL;
CREATE TABLE IF NOT EXISTS unsettled (id INTEGER PRIMARY KEY);  -- paragraphs whose cluster may have changed
CREATE TABLE IF NOT EXISTS buckets (   -- band << 32 | band key -> paragraph
    key INTEGER NOT NULL,
    paragraph INTEGER NOT NULL,
    PRIMARY KEY (key, paragraph)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS edges (     -- verified near-duplicate pairs, a < b
    a INTEGER NOT NULL,
    b INTEGER NOT NULL,
    similarity REAL NOT NULL,          -- Jaccard of the two shingle sets
    PRIMARY KEY (a, b)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS edges_b ON edges (b);
"""


def fingerprint(settings: Settings) -> str:
    """A hash of everything an index's contents depend on."""
    digest = hashlib.blake2b(digest_size=12)
    digest.update(f"{__version__}\0{SCHEMA_VERSION}\0".encode())
    package = Path(__file__).resolve().parent.parent
    for path in sorted(package.rglob("*")):  # the code and data the results come from
        if path.suffix in (".py", ".toml") and "__pycache__" not in path.parts:
            digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    chosen = {f.name: getattr(settings, f.name) for f in fields(settings) if f.name not in _NOT_FINGERPRINTED}
    digest.update(repr(sorted(chosen.items())).encode())
    for name in settings.entity_files:
        try:
            digest.update(Path(name).read_bytes())
        except OSError:
            digest.update(b"\0missing\0" + name.encode())
    return digest.hexdigest()


def cache_folder(settings: Settings, folder: str | None = None) -> str:
    """Where the index lives: ``folder`` if given, else ``.cleaner_cache`` in the project root."""
    return folder or os.path.join(settings.root, FOLDER)


class Store:
    """One open index: a SQLite connection with the schema in place.

    ``path`` None keeps the index in memory for one run (``--no-cache``).
    """

    def __init__(self, path: str | None):
        self.path = path
        self.connection = _connect(path)

    @classmethod
    def open(cls, folder: str, settings: Settings) -> Store:
        """The index for ``settings`` in ``folder``, created (with a ``.gitignore``) if new."""
        os.makedirs(folder, exist_ok=True)
        ignore = os.path.join(folder, ".gitignore")
        if not os.path.exists(ignore):
            with contextlib.suppress(OSError):
                Path(ignore).write_text(_GITIGNORE)
        _remove_unused(folder)
        path = os.path.join(folder, f"index-{fingerprint(settings)}.sqlite")
        try:
            return cls(path)
        except sqlite3.DatabaseError:  # not a database, or damaged: it is only a cache
            for suffix in ("", "-wal", "-shm"):
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(path + suffix)
            return cls(path)

    @contextlib.contextmanager
    def writing(self) -> Iterator[sqlite3.Connection]:
        """A write transaction: committed whole at the end, or not at all."""
        self.connection.execute("BEGIN IMMEDIATE")
        try:
            yield self.connection
        except BaseException:
            self.connection.execute("ROLLBACK")
            raise
        self.connection.execute("COMMIT")

    @contextlib.contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """A read transaction: one consistent state, whatever other runs commit meanwhile."""
        self.connection.execute("BEGIN")
        try:
            yield self.connection
        finally:
            self.connection.execute("COMMIT")

    def get(self, name: str, default=None):
        row = self.connection.execute("SELECT value FROM meta WHERE name = ?", (name,)).fetchone()
        return default if row is None else pickle.loads(row[0])

    def put(self, name: str, value) -> None:
        self.connection.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (name, pickle.dumps(value)))

    def close(self) -> None:
        self.connection.close()


def _connect(path: str | None) -> sqlite3.Connection:
    connection = sqlite3.connect(
        path or ":memory:", timeout=BUSY_SECONDS, isolation_level=None, check_same_thread=False
    )
    try:
        if path is not None:
            connection.execute("PRAGMA journal_mode = WAL")
            connection.execute("PRAGMA synchronous = NORMAL")  # durable at checkpoints; atomic always
            os.utime(path)  # used now: not removed as unused
        connection.executescript(SCHEMA)
    except BaseException:
        connection.close()
        raise
    return connection


def _remove_unused(folder: str) -> None:
    now = time.time()
    for entry in os.scandir(folder):
        if entry.name.startswith("index-") and ".sqlite" in entry.name:
            with contextlib.suppress(OSError):
                if now - entry.stat().st_mtime > UNUSED_SECONDS:
                    os.unlink(entry.path)


def chunks(ids: list[int]) -> Iterator[tuple[list[int], str]]:
    """``ids`` a part at a time, each with as many ``?`` marks (SQLite takes so many)."""
    for start in range(0, len(ids), CHUNK):
        part = ids[start : start + CHUNK]
        yield part, ",".join("?" * len(part))


def select_ids(db: sqlite3.Connection, sql: str, ids: list[int]) -> list[tuple]:
    """``sql`` with ``{}`` standing for the ids, run a part of the ids at a time."""
    found: list[tuple] = []
    for part, marks in chunks(ids):
        found.extend(db.execute(sql.format(marks), part).fetchall())
    return found


def sets_of(blobs: list[bytes]) -> ShingleSets:
    """Shingle sets from their stored bytes."""
    sizes = np.fromiter((len(b) // 4 for b in blobs), np.int64, len(blobs))
    offsets = np.concatenate(([0], np.cumsum(sizes))).astype(np.int64)
    return ShingleSets(offsets, np.frombuffer(b"".join(blobs), dtype=np.uint32).copy())
