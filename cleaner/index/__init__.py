"""The corpus index of ``cleaner check``: per-file results and paragraph signatures, kept in
one SQLite file under ``.cleaner_cache/`` (:mod:`cleaner.index.store`).

A hook sees a few changed files at a time, but a copied paragraph is a copy of something in
the rest of the corpus. The index holds, for every file of the corpus, its check results and
its paragraphs' signatures, so each run reads only what changed:

1. **Stamps.** A file whose size, modification and change times and inode are those stored
   is neither read nor hashed. A file whose stamp changed is read and hashed; if its content
   hash is the stored one, only the stamp is updated.
2. **Analysis.** A changed file is checked (its results are stored as the run reports them)
   and cleaned with the safe fixes; its paragraphs' shingle sets go into the index.
3. **Pairs.** The new paragraphs' LSH buckets are looked up and their candidates verified
   (:mod:`cleaner.index.lsh_table`).
4. **Clusters.** The clusters those pairs join or split are worked out again, each
   paragraph stored with its cluster's canonical (:mod:`cleaner.index.stored_clusters`).
5. **Copies.** The copies in the files checked, read from the stored clusters when the
   corpus is the whole index, else worked out for the corpus's files
   (:mod:`cleaner.index.copies`).

Files are analysed a batch at a time outside the write lock and stored in one transaction a
batch: two runs can share an index, and the second skips what the first has stored.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice
from typing import NamedTuple

from cleaner.core.model import InputError
from cleaner.core.settings import Settings
from cleaner.duplicates.corpus import sign
from cleaner.index import copies as copy_finder
from cleaner.index import lsh_table
from cleaner.index.copies import Copy
from cleaner.index.store import Store, cache_folder
from cleaner.io.files import Source, Unreadable, load

__all__ = ["Analysis", "Analyze", "Copy", "CorpusIndex", "Paragraph", "Read", "Store", "cache_folder", "read_file"]

BATCH = 500  # files analysed, then stored in one transaction


class Paragraph(NamedTuple):
    """A paragraph left after cleaning: where it is, its text as compared and as in the file."""

    record: int | None
    line: int
    date: str | None
    text: str
    shown: str


class Analysis(NamedTuple):
    """What checking one file found (diagnostics, errors), and its paragraphs."""

    diagnostics: list
    errors: list[InputError]
    paragraphs: list[Paragraph]


Analyze = Callable[[Source, bytes], Analysis]


class Read(NamedTuple):
    """One file read for the index: its content hash (None: unreadable), and its analysis
    (None: its hash is the one stored, nothing to analyse)."""

    digest: bytes | None
    analysis: Analysis | None


# Files to read, each with the hash that leaves it unanalysed (None: analyse it anyway), to
# their Reads in order: None for a file that could not be analysed this run (the process
# analysing it died), which the index then forgets. See :func:`read_file`.
ReadFiles = Callable[[Iterable[tuple[Source, "bytes | None"]]], Iterator["Read | None"]]


def read_file(source: Source, unchanged_if: bytes | None, analyze: Analyze) -> Read:
    """Read, hash and (unless its hash is ``unchanged_if``) analyse one file."""
    try:
        data = load(source.path)
    except Unreadable as problem:
        return Read(None, Analysis([], [InputError(source.path, str(problem), problem.line)], []))
    digest = hashlib.blake2b(data, digest_size=16).digest()
    return Read(digest, None if digest == unchanged_if else analyze(source, data))


def stamp(path: str) -> str | None:
    """What changes when a file is written: size, modification and change times, inode."""
    try:
        found = os.stat(path)
    except OSError:
        return None
    return f"{found.st_size}:{found.st_mtime_ns}:{found.st_ctime_ns}:{found.st_ino}"


def key(path: str) -> str:
    """A file's name in the index: absolute, so runs from other folders share entries."""
    return os.path.abspath(path)


class CorpusIndex:
    """The index of one run: ``update`` it with the corpus, then ask for results and copies.

    ``paragraphs`` False stores no paragraphs of the files it reads (duplicate-paragraph not
    selected); a later run that wants them reads those files again. ``normalize`` writes
    entity names one way before comparing (None when cleaning did).
    """

    def __init__(
        self,
        store: Store,
        settings: Settings,
        read_files: ReadFiles,
        paragraphs: bool = True,
        normalize: Callable[[list[str]], list[str]] | None = None,
    ):
        self.store, self.settings, self.read_files = store, settings, read_files
        self.paragraphs, self.normalize = paragraphs, normalize
        self.analysed = 0  # files read and checked by this run
        self._names: dict[str, str] = {}
        self._folders: dict[str, str] = {}

    def name(self, path: str) -> str:
        """``path``'s name in the index (:func:`key`), worked out once a run (and its
        folder's once, which is what costs)."""
        found = self._names.get(path)
        if found is None:
            folder, base = os.path.split(path)
            top = self._folders.get(folder)
            if top is None:
                top = key(folder)
                top = self._folders[folder] = top if top.endswith(os.sep) else top + os.sep
            found = self._names[path] = top + base
        return found

    def names(self, paths: Iterable[str]) -> list[str]:
        """The names of ``paths`` in the index (:meth:`name`)."""
        known = self._names
        return [known.get(path) or self.name(path) for path in paths]

    def update(self, sources: Sequence[Source], on_file: Callable[[], None] | None = None) -> None:
        """Bring the index up to date with ``sources``, the corpus: read only what changed."""
        rows = self.store.connection.execute("SELECT path, stamp, hash, signed FROM files")
        stored = {path: (mark, digest, signed) for path, mark, digest, signed in rows}
        names = self.names(s.path for s in sources)
        pending = self._changed(sources, names, stored, on_file)
        self._read_and_store(pending, stored, on_file)
        self._forget_deleted(stored, set(names))
        if self.paragraphs:
            lsh_table.update(self.store, self.settings.dedup)

    def _changed(
        self, sources: Sequence[Source], names: list[str], stored: dict, on_file: Callable[[], None] | None
    ) -> list[tuple[Source, str, str | None]]:
        """The sources whose stamp differs from the stored one (or that lack paragraphs this
        run wants), with their names and stamps; the others are counted done."""
        pending = []
        for source, name in zip(sources, names):
            now = stamp(source.path)
            mark, _, signed = stored.get(name, (None, None, 0))
            if now is not None and mark == now and (signed or not self.paragraphs):
                if on_file is not None:
                    on_file()
                continue
            pending.append((source, name, now))
        return pending

    def _read_and_store(self, pending: list, stored: dict, on_file: Callable[[], None] | None) -> None:
        """Read and analyse the pending files (in the run's processes), and store them a batch
        per transaction; a file that is gone is forgotten."""
        wanted = ((source, self._unchanged_if(stored.get(name))) for source, name, _ in pending)
        reads = self.read_files(_counted(wanted, on_file))
        for start in range(0, len(pending), BATCH):
            batch = pending[start : start + BATCH]
            done = list(islice(reads, len(batch)))
            prepared = [(name, now, r.digest, r.analysis) for (_, name, now), r in zip(batch, done) if r is not None]
            self.analysed += sum(r is not None and r.digest is not None and r.analysis is not None for r in done)
            shingles = self._shingles([entry[3] for entry in prepared])
            with self.store.writing() as db:
                for entry, blobs in zip(prepared, shingles):
                    self._store(db, *entry, blobs)
                for (_, name, _), r in zip(batch, done):
                    if r is None:
                        self._forget(db, name)

    def _forget_deleted(self, stored: dict, current: set[str]) -> None:
        """Forget the stored files that are not in this corpus and no longer exist."""
        gone = [p for p in stored if p not in current and not os.path.exists(p)]
        if gone:
            with self.store.writing() as db:
                for path in gone:
                    self._forget(db, path)

    def results(self, paths: Iterable[str]) -> dict[str, tuple[list, list[InputError]]]:
        """The stored (diagnostics, errors) of each of ``paths`` that the index holds."""
        wanted = set(self.names(paths))
        rows = self.store.connection.execute("SELECT path, results FROM files WHERE results IS NOT NULL")
        return {path: pickle.loads(blob) for path, blob in rows if path in wanted}

    def copies(self, corpus: Sequence[str], checked: Iterable[str]) -> dict[str, list[Copy]]:
        """The copies in the ``checked`` files of paragraphs elsewhere in ``corpus``, by the
        index's name of their file; each names its original as ``corpus`` does."""
        if not self.paragraphs:
            return {}
        with self.store.reading() as db:
            paths = dict(db.execute("SELECT id, path FROM files"))
            ids = {path: file for file, path in paths.items()}
            corpus_names = self.names(corpus)
            corpus_ids = {ids[p] for p in corpus_names if p in ids}
            checked_ids = {ids[p] for p in self.names(checked) if p in ids}
            given = dict(zip(corpus_names, corpus))  # the originals named as this run names them
            named = {file: given.get(path, path) for file, path in paths.items()}
            if copy_finder.is_settled(db, corpus_ids):
                found = copy_finder.settled(db, checked_ids, paths, named)
            else:
                found = copy_finder.find(db, corpus_ids, checked_ids, paths, named)
        by_path: dict[str, list[Copy]] = {}
        for copy in found:
            by_path.setdefault(copy.path, []).append(copy)
        return by_path

    def _unchanged_if(self, row: tuple | None) -> bytes | None:
        """The stored hash of a file, when a file with that hash needs no new analysis."""
        if row is None:
            return None
        _, digest, signed = row
        return digest if signed or not self.paragraphs else None

    def _shingles(self, analyses: list[Analysis | None]) -> list[list[bytes]]:
        """Each analysis's paragraphs' shingle sets as bytes, the batch signed at once."""
        counts = [len(a.paragraphs) if a is not None and self.paragraphs else 0 for a in analyses]
        texts = [p.text for a, n in zip(analyses, counts) if n and a is not None for p in a.paragraphs]
        if not texts:
            return [[] for _ in analyses]
        texts = self.normalize(texts) if self.normalize else texts
        sets = sign(texts, self.settings.dedup).sets
        blobs = [sets.of(i).tobytes() for i in range(len(sets))]
        found, start = [], 0
        for count in counts:
            found.append(blobs[start : start + count])
            start += count
        return found

    def _store(self, db, name: str, now: str | None, digest, analysis: Analysis | None, shingles: list[bytes]) -> None:
        row = db.execute("SELECT id, stamp, signed FROM files WHERE path = ?", (name,)).fetchone()
        if now is not None and row is not None and row[1] == now and (row[2] or not self.paragraphs):
            return  # another run stored this very version meanwhile
        if analysis is None:
            if row is not None:
                db.execute("UPDATE files SET stamp = ? WHERE id = ?", (now, row[0]))
            return
        results = pickle.dumps((analysis.diagnostics, analysis.errors), pickle.HIGHEST_PROTOCOL)
        signed = int(self.paragraphs)
        if row is None:
            file_id = db.execute(
                "INSERT INTO files (path, stamp, hash, results, signed) VALUES (?, ?, ?, ?, ?)",
                (name, now, digest, results, signed),
            ).lastrowid
        else:
            file_id = row[0]
            lsh_table.forget(self.store, db, file_id, self.settings.dedup)
            db.execute(
                "UPDATE files SET stamp = ?, hash = ?, results = ?, signed = ? WHERE id = ?",
                (now, digest, results, signed, file_id),
            )
        db.executemany(
            "INSERT INTO paragraphs (file, record, line, date, shown, shingles) VALUES (?, ?, ?, ?, ?, ?)",
            [
                (file_id, p.record, p.line, p.date if isinstance(p.date, str) else None, p.shown, blob)
                for p, blob in zip(analysis.paragraphs, shingles)
                if blob
            ],
        )

    def _forget(self, db, name: str) -> None:
        row = db.execute("SELECT id FROM files WHERE path = ?", (name,)).fetchone()
        if row is not None:
            lsh_table.forget(self.store, db, row[0], self.settings.dedup)
            db.execute("DELETE FROM files WHERE id = ?", (row[0],))


def _counted(items: Iterable, on_file: Callable[[], None] | None) -> Iterator:
    for item in items:
        if on_file is not None:
            on_file()
        yield item
