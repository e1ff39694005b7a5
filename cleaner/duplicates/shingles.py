"""Normalize paragraphs and turn them into sets of 32-bit shingle hashes.

A text's shingles are its word n-grams or its character n-grams, after normalization: entity
variants written one way (with the gazetteer's matcher), then lower-case words with the
punctuation dropped, so "The U.S. said:" and "the US said" agree.

Single words are the default because spinning changes words one at a time: on the benchmark
corpus (``benchmarks/dedup.py``), 97% of the copies with 5 edits keep a word Jaccard of 0.64
or more with their original, but a word-2-gram Jaccard of only 0.36 and a 3-gram one of 0.19,
while unrelated paragraphs average 0.045, 0.0016 and 0.0002. ``--lsh-grid`` runs word 2-grams
at threshold 0.35 (precision 1.0, recall 0.973 at 5 edits) and 3-grams at 0.25 (0.936)
against single words at 0.5 (precision 0.9992, recall 0.997).

Hashes are stable (the same on every run and machine): words are hashed from their bytes
(:mod:`.words`), and n-grams are combined from word hashes (or code points) with numpy, so a
corpus of millions of shingles costs no Python object per shingle. :func:`shingle_hash` computes the
same value for one shingle in plain Python; it is the reference the arrays are tested against.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple, Protocol

import numpy as np

from cleaner.core.model import words_key
from cleaner.duplicates.words import Words, fmix, fmix_int, ranges, split_words, word_hash

KINDS = ("word", "char")
_MASK64 = (1 << 64) - 1
_STEP = 0x9E3779B97F4A7C15  # odd: the n-gram combination is a bijection in each position


class SetSource(Protocol):
    """Shingle sets that copy out the ones asked for: :class:`ShingleSets`, sets on disk
    (:class:`cleaner.duplicates.spill.SetFile`), a selection of either."""

    @property
    def sizes(self) -> np.ndarray: ...

    def select(self, indices: np.ndarray) -> ShingleSets: ...


class ShingleSets(NamedTuple):
    """The shingle sets of many texts, flat: set ``i`` is ``hashes[offsets[i]:offsets[i+1]]``.

    Each set is sorted and holds each hash once, so sets compare by merging.
    """

    offsets: np.ndarray  # int64, one more than there are sets
    hashes: np.ndarray  # uint32

    def __len__(self) -> int:
        return len(self.offsets) - 1

    @property
    def sizes(self) -> np.ndarray:
        return np.diff(self.offsets)

    def of(self, index: int) -> np.ndarray:
        return self.hashes[self.offsets[index] : self.offsets[index + 1]]

    def slice(self, start: int, stop: int) -> ShingleSets:
        """Sets ``start`` to ``stop`` as sets of their own (the hashes are shared, not copied)."""
        first, last = self.offsets[start], self.offsets[stop]
        return ShingleSets(self.offsets[start : stop + 1] - first, self.hashes[first:last])

    def select(self, indices: np.ndarray, chunk: int = 1 << 16, after_chunk=None) -> ShingleSets:
        """The sets at ``indices``, in that order (gathered a chunk at a time: small work arrays;
        ``after_chunk`` is called after each)."""
        indices = np.asarray(indices, dtype=np.int64)
        sizes = self.offsets[indices + 1] - self.offsets[indices]
        offsets = np.concatenate(([0], np.cumsum(sizes))).astype(np.int64)
        hashes = np.empty(int(offsets[-1]), dtype=np.uint32)
        for start in range(0, len(indices), chunk):
            part = slice(start, start + chunk)
            positions = ranges(self.offsets[indices[part]], sizes[part])
            hashes[offsets[start] : offsets[start] + len(positions)] = self.hashes[positions]
            if after_chunk is not None:
                after_chunk()
        return ShingleSets(offsets, hashes)


def shingle_hash(shingle: str, kind: str = "word") -> int:
    """The 32-bit hash of one shingle (words joined by single spaces, or the characters)."""
    if kind == "word":
        value = 0
        for word in shingle.split(" "):
            value = (value * _STEP + word_hash(word)) & _MASK64
    else:
        value = 0
        for char in shingle:
            value = (value * _STEP + ord(char)) & _MASK64
    return fmix_int(value) >> 32


def shingle_sets(texts: Sequence[str], kind: str = "word", size: int = 1, words: Words | None = None) -> ShingleSets:
    """The shingle sets of ``texts``; a text shorter than ``size`` is one shingle.

    ``words``, the texts' :func:`split_words`, is computed when not given. A caller signs a
    large corpus a chunk of texts at a time and keeps only the uint32 sets.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown shingle kind {kind!r} (one of {', '.join(KINDS)})")
    if kind == "word":
        words = split_words(texts) if words is None else words
        units, lengths = words.hashes, words.lengths
    else:
        units, lengths = _char_units(texts)
    set_ids, values = _ngrams(units, lengths, size)
    return _unique_per_set(set_ids, values, len(lengths))


def concatenate(parts: list[ShingleSets]) -> ShingleSets:
    """The sets of ``parts``, one after the other."""
    if not parts:
        return ShingleSets(np.zeros(1, dtype=np.int64), np.empty(0, dtype=np.uint32))
    ends = np.cumsum([0] + [p.offsets[-1] for p in parts])
    offsets = np.concatenate([[0]] + [p.offsets[1:] + end for p, end in zip(parts, ends)])
    return ShingleSets(offsets.astype(np.int64), np.concatenate([p.hashes for p in parts]))


def _char_units(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """Every character of every normalized text (words joined by single spaces) as its code point."""
    normal = [words_key(t) for t in texts]
    lengths = np.fromiter(map(len, normal), dtype=np.int64, count=len(normal))
    points = np.frombuffer("".join(normal).encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    return points.astype(np.uint64), lengths


def _ngrams(units: np.ndarray, lengths: np.ndarray, size: int) -> tuple[np.ndarray, np.ndarray]:
    """The n-gram hashes of each text and the text each belongs to, texts in order."""
    starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
    counts = np.where(lengths > 0, np.maximum(lengths - size + 1, 1), 0)
    set_ids = np.repeat(np.arange(len(lengths)), counts)
    first = ranges(starts, counts)
    width = np.minimum(lengths, size)[set_ids]  # a short text's one shingle is all of it
    step = np.uint64(_STEP)
    values = np.zeros(len(first), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for offset in range(size):
            inside = offset < width
            values[inside] = values[inside] * step + units[first[inside] + offset]
    return set_ids, (fmix(values) >> np.uint64(32)).astype(np.uint32)


def _unique_per_set(set_ids: np.ndarray, hashes: np.ndarray, count: int) -> ShingleSets:
    keys = (set_ids.astype(np.uint64) << np.uint64(32)) | hashes
    keys.sort()
    keys = keys[np.concatenate(([True], keys[1:] != keys[:-1]))] if len(keys) else keys
    owners = (keys >> np.uint64(32)).astype(np.int64)
    offsets = np.zeros(count + 1, dtype=np.int64)
    np.cumsum(np.bincount(owners, minlength=count), out=offsets[1:])
    return ShingleSets(offsets, keys.astype(np.uint32))
