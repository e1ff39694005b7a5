"""What the corpus stage keeps on disk: shingle sets, LSH band keys, and candidate pairs.

A corpus of ten million paragraphs has hundreds of millions of shingles; held in memory, their
uint32 hashes alone would take gigabytes. :class:`SetFile` appends each chunk's sets to an
unnamed temporary file as the corpus is signed and keeps only their offsets (8 bytes a set);
verification reads back the sets it compares. :class:`BandFile` does the same for the band
keys of the signed sets, a band's keys after another's, so the candidate pairs are found one
band at a time; and :class:`PairRuns` for the pairs each band finds: false candidates grow
with the square of the corpus (hundreds of millions for ten million paragraphs), so they are
read back merged, a range of pairs at a time.

The sets are read back through a memory map: a gather over many scattered small sets is one
array operation. The pages read stay in the operating system's file cache, and the map lets
go of them after each step (``MADV_DONTNEED``), so what the process holds is what it copied
out, as with plain reads.
"""

from __future__ import annotations

import contextlib
import mmap
import tempfile
from array import array
from collections.abc import Iterator

import numpy as np

from cleaner.duplicates.lsh import sorted_unique
from cleaner.duplicates.shingles import ShingleSets

GATHER_SETS = 1 << 13  # sets copied out of the map between two releases of its pages
SAMPLE_EVERY = 1 << 10  # one pair code in this many is kept to cut the runs into blocks


class _Spilled:
    """An unnamed temporary file, closed by :meth:`close` or at the end of a ``with``."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile()  # noqa: SIM115 (closed by close)

    def close(self) -> None:
        self._file.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class SetFile(_Spilled):
    """Shingle sets appended to a temporary file, then read back by index (:meth:`select`)."""

    def __init__(self) -> None:
        super().__init__()
        self._ends = array("q", [0])  # where each set ends, in hashes
        self._sets: ShingleSets | None = None
        self._map: mmap.mmap | None = None

    def append(self, sets: ShingleSets) -> None:
        self._file.write(np.ascontiguousarray(sets.hashes, dtype=np.uint32).tobytes())
        self._ends.frombytes((sets.offsets[1:] + self._ends[-1]).astype(np.int64).tobytes())

    def finish(self) -> None:
        """No more sets: map the file for reading."""
        self._file.flush()
        offsets = np.frombuffer(self._ends, dtype=np.int64)  # no set is appended any more
        if offsets[-1]:
            self._map = mmap.mmap(self._file.fileno(), 0, access=mmap.ACCESS_READ)
            hashes = np.frombuffer(self._map, dtype=np.uint32)
        else:
            hashes = np.empty(0, dtype=np.uint32)
        self._sets = ShingleSets(offsets, hashes)

    def __len__(self) -> int:
        return len(self._ends) - 1

    @property
    def _finished(self) -> ShingleSets:
        assert self._sets is not None, "read between finish() and close()"
        return self._sets

    @property
    def sizes(self) -> np.ndarray:
        return self._finished.sizes

    def select(self, indices: np.ndarray) -> ShingleSets:
        """The sets at ``indices``, in that order, copied into memory."""
        return self._finished.select(indices, GATHER_SETS, self._release)

    def _release(self) -> None:
        if self._map is not None and hasattr(self._map, "madvise"):
            self._map.madvise(mmap.MADV_DONTNEED)

    def close(self) -> None:
        self._sets = None
        if self._map is not None:
            with contextlib.suppress(BufferError):  # a view still alive: the map goes with it
                self._map.close()
        super().close()


class BandFile(_Spilled):
    """The uint32 band keys of many sets, written a block of sets at a time and read back a
    band at a time (:meth:`columns`): only one band's keys are in memory at once."""

    def __init__(self, bands: int) -> None:
        super().__init__()
        self.bands = bands
        self._blocks: list[int] = []  # sets per block; a block holds its bands one after another

    def append(self, keys: np.ndarray) -> None:
        """Add the keys of a block of sets (one row a set, one column a band)."""
        self._file.write(np.ascontiguousarray(keys.T, dtype=np.uint32).tobytes())
        self._blocks.append(len(keys))

    def __len__(self) -> int:
        return sum(self._blocks)

    def columns(self):
        """Each band's keys for every set, a band at a time."""
        self._file.flush()
        for band in range(self.bands):
            column = np.empty(len(self), dtype=np.uint32)
            start = place = 0
            for rows in self._blocks:
                self._file.seek((place + band * rows) * 4)
                self._file.readinto(column[start : start + rows].data.cast("B"))  # .data: its memoryview
                start, place = start + rows, place + rows * self.bands
            yield column


class PairRuns(_Spilled):
    """Sorted runs of int64 pair codes (one run a band) in a temporary file, read back merged
    (:meth:`blocks`): each block holds every distinct code of a range, the ranges in order."""

    def __init__(self) -> None:
        super().__init__()
        self._runs: list[tuple[int, int]] = []  # each run's first code in the file, and length
        self._samples: list[np.ndarray] = []
        self._written = 0

    def append(self, codes: np.ndarray) -> None:
        """Add a run of sorted codes."""
        self._file.write(np.ascontiguousarray(codes, dtype=np.int64).tobytes())
        self._runs.append((self._written, len(codes)))
        self._samples.append(codes[::SAMPLE_EVERY].copy())
        self._written += len(codes)

    def blocks(self, size: int) -> Iterator[np.ndarray]:
        """The distinct codes of every run, sorted, about ``size`` codes of the runs a block."""
        if not self._written:
            return
        self._file.flush()
        sample = np.sort(np.concatenate(self._samples))
        pieces = -(-self._written // size)
        edges = np.unique(sample[(np.arange(1, pieces) * len(sample)) // pieces])
        mapped = mmap.mmap(self._file.fileno(), 0, access=mmap.ACCESS_READ)
        try:
            yield from _merged(mapped, self._runs, edges)
        finally:
            with contextlib.suppress(BufferError):  # a view still alive: the map goes with it
                mapped.close()


def _merged(mapped: mmap.mmap, runs: list[tuple[int, int]], edges: np.ndarray) -> Iterator[np.ndarray]:
    """The distinct codes of the runs below ``edges[0]``, then from each edge to the next."""
    codes = np.frombuffer(mapped, dtype=np.int64)
    views = [codes[start : start + length] for start, length in runs]
    bounds = [np.searchsorted(view, edges) for view in views]
    for block in range(len(edges) + 1):
        parts = [view[_bound(cut, block - 1, 0) : _bound(cut, block, len(view))] for view, cut in zip(views, bounds)]
        found = np.concatenate(parts)  # a copy: the map's pages can go
        del parts
        if hasattr(mapped, "madvise"):
            mapped.madvise(mmap.MADV_DONTNEED)
        found = sorted_unique(found)  # the codes before, with their repeats, go
        yield found


def _bound(cuts: np.ndarray, index: int, default: int) -> int:
    return int(cuts[index]) if 0 <= index < len(cuts) else default
