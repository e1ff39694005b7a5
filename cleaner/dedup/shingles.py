"""Normalize paragraphs and turn them into sets of 32-bit shingle hashes.

A text's shingles are its word n-grams or its character n-grams, after normalization: entity
variants written one way (with the gazetteer's matcher), then lower-case words with the
punctuation dropped, so "The U.S. said:" and "the US said" agree.

Hashes are stable (the same on every run and machine): each distinct word is hashed once with
BLAKE2b, and n-grams are combined from word hashes (or code points) with numpy, so a corpus of
millions of shingles costs no Python object per shingle. :func:`shingle_hash` computes the
same value for one shingle in plain Python; it is the reference the arrays are tested against.
"""

from __future__ import annotations

import hashlib
from typing import NamedTuple, Sequence

import numpy as np

from cleaner.model import words_key

KINDS = ("word", "char")
_MASK64 = (1 << 64) - 1
_STEP = 0x9E3779B97F4A7C15  # odd: the n-gram combination is a bijection in each position
_FMIX = (33, 0xFF51AFD7ED558CCD, 33, 0xC4CEB9FE1A85EC53, 33)


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


class Words(NamedTuple):
    """The normalized words of many texts, flat: text ``i`` has ``lengths[i]`` word ids."""

    ids: np.ndarray  # int64 indices into vocabulary, texts in order
    lengths: np.ndarray  # int64
    vocabulary: list[str]

    def select(self, indices: np.ndarray) -> Words:
        """The texts at ``indices`` only, in that order."""
        starts = np.concatenate(([0], np.cumsum(self.lengths)[:-1])).astype(np.int64)
        ids = self.ids[_ranges(starts[indices], self.lengths[indices])]
        return Words(ids, self.lengths[indices], self.vocabulary)

    def text(self, index: int, start: int | None = None) -> str:
        start = int(self.lengths[:index].sum()) if start is None else start
        return " ".join(self.vocabulary[i] for i in self.ids[start : start + self.lengths[index]])


def split_words(texts: Sequence[str]) -> Words:
    """Each text's words, lower case, punctuation dropped (as ``cleaner.model.words_key``).

    No regular expression runs per text:

    Texts are split on white space; each distinct lower-cased token is normalized once (most
    are words already, some hold punctuation or several words: "u.s.-backed").
    """
    token_counts = np.fromiter((len(t.split()) for t in texts), dtype=np.int64, count=len(texts))
    tokens = " ".join(texts).lower().split()
    number = {token: index for index, token in enumerate(dict.fromkeys(tokens))}
    vocabulary: dict[str, int] = {}
    spelled = [[vocabulary.setdefault(w, len(vocabulary)) for w in words_key(t).split()] for t in number]
    sizes = np.fromiter(map(len, spelled), dtype=np.int64, count=len(spelled))
    flat = np.fromiter((w for ws in spelled for w in ws), dtype=np.int64, count=int(sizes.sum()))
    token_ids = np.fromiter(map(number.__getitem__, tokens), dtype=np.int64, count=len(tokens))
    starts = np.concatenate(([0], np.cumsum(sizes)[:-1]))
    ids = flat[_ranges(starts[token_ids], sizes[token_ids])]
    owner = np.repeat(np.arange(len(texts)), token_counts)
    lengths = np.bincount(owner, weights=sizes[token_ids], minlength=len(texts)).astype(np.int64)
    return Words(ids, lengths, list(vocabulary))


def word_hashes(vocabulary: Sequence[str]) -> np.ndarray:
    """The stable 64-bit hash of each word."""
    return np.fromiter(map(_word_hash, vocabulary), dtype=np.uint64, count=len(vocabulary))


def text_keys(words: Words, hashes: np.ndarray) -> np.ndarray:
    """A stable 64-bit key per text, equal for texts with the same words in the same order."""
    starts = np.concatenate(([0], np.cumsum(words.lengths)[:-1])).astype(np.int64)
    position = (np.arange(len(words.ids)) - np.repeat(starts, words.lengths)).astype(np.uint64)
    with np.errstate(over="ignore"):
        mixed = _fmix(hashes[words.ids] + position * np.uint64(_STEP))
    keys = np.zeros(len(words.lengths), dtype=np.uint64)
    present = words.lengths > 0
    if present.any():
        keys[present] = np.add.reduceat(mixed, starts[present])
    return _fmix(keys ^ words.lengths.astype(np.uint64))


def _ranges(starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """``concatenate([arange(s, s + n) for s, n in zip(starts, lengths)])`` without the loop."""
    shifts = np.repeat(starts - (np.cumsum(lengths) - lengths), lengths)
    return np.arange(int(lengths.sum()), dtype=np.int64) + shifts


def shingle_hash(shingle: str, kind: str = "word") -> int:
    """The 32-bit hash of one shingle (words joined by single spaces, or the characters)."""
    if kind == "word":
        value = 0
        for word in shingle.split(" "):
            value = (value * _STEP + _word_hash(word)) & _MASK64
    else:
        value = 0
        for char in shingle:
            value = (value * _STEP + ord(char)) & _MASK64
    return _fmix_int(value) >> 32


def shingle_sets(
    words: Words, hashes: np.ndarray, kind: str = "word", size: int = 1, chunk: int = 1 << 16
) -> ShingleSets:
    """The shingle sets of the texts in ``words``; a text shorter than ``size`` is one shingle.

    ``hashes`` are the :func:`word_hashes` of the vocabulary. Texts are shingled ``chunk`` at a
    time, so the working arrays stay small whatever the corpus; only the uint32 sets are kept.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown shingle kind {kind!r} (one of {', '.join(KINDS)})")
    ends = np.cumsum(words.lengths)
    parts = []
    for start in range(0, len(words.lengths), chunk):
        stop = min(start + chunk, len(words.lengths))
        first, last = (int(ends[start - 1]) if start else 0), int(ends[stop - 1]) if stop else 0
        block = Words(words.ids[first:last], words.lengths[start:stop], words.vocabulary)
        if kind == "word":
            units, lengths = hashes[block.ids], block.lengths
        else:
            units, lengths = _char_units(block)
        set_ids, values = _ngrams(units, lengths, size)
        parts.append(_unique_per_set(set_ids, values, len(lengths)))
    return _concatenate(parts)


def _concatenate(parts: list[ShingleSets]) -> ShingleSets:
    if not parts:
        return ShingleSets(np.zeros(1, dtype=np.int64), np.empty(0, dtype=np.uint32))
    ends = np.cumsum([0] + [p.offsets[-1] for p in parts])
    offsets = np.concatenate([[0]] + [p.offsets[1:] + end for p, end in zip(parts, ends)])
    return ShingleSets(offsets.astype(np.int64), np.concatenate([p.hashes for p in parts]))


def _word_hash(word: str) -> int:
    return int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(), "little")


def _char_units(words: Words) -> tuple[np.ndarray, np.ndarray]:
    """Every character of every text (its words joined by single spaces) as its code point."""
    texts, start = [], 0
    for index, length in enumerate(words.lengths):
        texts.append(words.text(index, start))
        start += int(length)
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
    points = np.frombuffer("".join(texts).encode("utf-32-le"), dtype=np.uint32)
    return points.astype(np.uint64), lengths


def _ngrams(units: np.ndarray, lengths: np.ndarray, size: int) -> tuple[np.ndarray, np.ndarray]:
    """The n-gram hashes of each text and the text each belongs to, texts in order."""
    starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
    counts = np.where(lengths > 0, np.maximum(lengths - size + 1, 1), 0)
    set_ids = np.repeat(np.arange(len(lengths)), counts)
    first = _ranges(starts, counts)
    width = np.minimum(lengths, size)[set_ids]  # a short text's one shingle is all of it
    step = np.uint64(_STEP)
    values = np.zeros(len(first), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for offset in range(size):
            inside = offset < width
            values[inside] = values[inside] * step + units[first[inside] + offset]
    return set_ids, (_fmix(values) >> np.uint64(32)).astype(np.uint32)


def _unique_per_set(set_ids: np.ndarray, hashes: np.ndarray, count: int) -> ShingleSets:
    keys = (set_ids.astype(np.uint64) << np.uint64(32)) | hashes
    keys.sort()
    keys = keys[np.concatenate(([True], keys[1:] != keys[:-1]))] if len(keys) else keys
    owners = (keys >> np.uint64(32)).astype(np.int64)
    offsets = np.zeros(count + 1, dtype=np.int64)
    np.cumsum(np.bincount(owners, minlength=count), out=offsets[1:])
    return ShingleSets(offsets, keys.astype(np.uint32))


def _fmix(values: np.ndarray) -> np.ndarray:
    """MurmurHash3's 64-bit finalizer: spreads similar inputs (code points) over all bits."""
    s1, m1, s2, m2, s3 = (np.uint64(c) for c in _FMIX)
    with np.errstate(over="ignore"):
        values = values ^ (values >> s1)
        values = values * m1
        values = values ^ (values >> s2)
        values = values * m2
        return values ^ (values >> s3)


def _fmix_int(value: int) -> int:
    s1, m1, s2, m2, s3 = _FMIX
    value ^= value >> s1
    value = (value * m1) & _MASK64
    value ^= value >> s2
    value = (value * m2) & _MASK64
    return value ^ (value >> s3)
