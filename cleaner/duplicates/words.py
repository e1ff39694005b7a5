"""Texts as arrays of word hashes: lower-case words, punctuation dropped, as ``words_key`` does.

A chunk of texts is joined into one string, lower-cased and stripped of ASCII punctuation by one
``bytes.translate``, and its words are found and hashed with array operations over the bytes:
no Python object per word. Beyond ASCII, a text is lower-cased with ``str.lower`` and the
characters that are not letters or digits are found among the chunk's distinct code points.

A word's hash mixes its UTF-8 bytes eight at a time with MurmurHash3's mixer (:func:`word_hash`
is the same in plain Python): stable across runs and machines.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

import numpy as np

_MASK64 = (1 << 64) - 1
_STEP = 0x9E3779B97F4A7C15  # odd: the n-gram combination is a bijection in each position
_KEEP = np.array([(1 << (8 * n)) - 1 for n in range(9)], dtype=np.uint64)  # the low n bytes
_FMIX = (33, 0xFF51AFD7ED558CCD, 33, 0xC4CEB9FE1A85EC53, 33)
_SEPARATOR = 1  # the byte between the texts of a chunk: neither white space nor a word
_JOINER = " \x01 "
# an ASCII letter or digit becomes itself in lower case, other ASCII a space; the separator
# and the bytes of other characters stay
_ASCII_WORDS = bytes(
    c if c == _SEPARATOR or c > 127 else ord(chr(c).lower()) if chr(c).isalnum() else 32 for c in range(256)
)


class Words(NamedTuple):
    """The normalized words of many texts, flat: text ``i`` has ``lengths[i]`` word hashes."""

    hashes: np.ndarray  # uint64, texts in order
    lengths: np.ndarray  # int64

    @property
    def starts(self) -> np.ndarray:
        return np.concatenate(([0], np.cumsum(self.lengths)[:-1])).astype(np.int64)


def split_words(texts: Sequence[str]) -> Words:
    """Each text's words, lower case, punctuation dropped (as ``cleaner.core.model.words_key``)."""
    if not len(texts):
        return Words(np.empty(0, dtype=np.uint64), np.empty(0, dtype=np.int64))
    texts = [t if t.isascii() else t.lower() for t in texts]  # isascii is free, lower is not
    joined = _JOINER.join(texts)
    if joined.count("\x01") != len(texts) - 1:  # a text holds the separator: not any more
        joined = _JOINER.join(t.replace("\x01", " ") for t in texts)
    encoded = bytearray(joined.encode("utf-8", "surrogatepass").translate(_ASCII_WORDS))
    data = np.frombuffer(encoded, dtype=np.uint8)
    if not joined.isascii():
        _blank_other_non_words(data)
    inside = data > 32
    edges = np.flatnonzero(np.diff(np.concatenate(([False], inside, [False])).view(np.int8)))
    first, end = edges[::2], edges[1::2]  # each word's first byte and the byte after it
    owner = np.searchsorted(np.flatnonzero(data == _SEPARATOR), first)  # separators before it
    lengths = np.bincount(owner, minlength=len(texts)).astype(np.int64)
    return Words(_hash_words(data, first, end), lengths)


def _blank_other_non_words(data: np.ndarray) -> None:
    """Turn the UTF-8 bytes of every character beyond ASCII that is not a letter or digit
    (curly quotes, dashes, no-break spaces) into spaces, in place."""
    leads = np.flatnonzero(data >= 0xC0)
    padded = np.concatenate((data, np.zeros(3, dtype=np.uint8)))
    lead_bytes = padded[leads].astype(np.int64)
    widths = np.where(lead_bytes >= 0xF0, 4, np.where(lead_bytes >= 0xE0, 3, 2))
    points = lead_bytes & (0x7F >> widths)
    for offset in range(1, 4):
        more = offset < widths
        points[more] = (points[more] << 6) | (padded[leads[more] + offset].astype(np.int64) & 0x3F)
    distinct = np.unique(points)
    other = np.array([p for p in distinct.tolist() if not chr(p).isalnum()], dtype=np.int64)
    blank = np.isin(points, other)
    data[ranges(leads[blank], widths[blank])] = 32


def _hash_words(data: np.ndarray, first: np.ndarray, end: np.ndarray) -> np.ndarray:
    """The :func:`word_hash` of each ``data[first[k]:end[k]]``, eight bytes at a time.

    A view of the bytes as a little-endian uint64 starting at every byte reads a word's next
    eight bytes in one step; the bytes past its end are masked off. Most words take one step.
    """
    sizes = end - first
    padded = np.concatenate((data, np.zeros(8, dtype=np.uint8)))
    eights = np.ndarray(shape=(len(data) + 1,), dtype="<u8", buffer=padded, strides=(1,))
    values = sizes.astype(np.uint64)
    block, at = 0, np.arange(len(first))
    while len(at):
        chunk = eights[first[at] + block] & _KEEP[np.minimum(sizes[at] - block, 8)]
        values[at] = fmix(values[at] ^ chunk)
        block += 8
        at = at[sizes[at] > block]
    return values


def word_hash(word: str) -> int:
    """The stable 64-bit hash of one normalized word (the arrays' reference): its length, then
    each 8 bytes of its UTF-8 (little-endian, zero-padded) mixed in with MurmurHash3's mixer."""
    data = word.encode("utf-8", "surrogatepass")
    value = len(data)
    for start in range(0, len(data), 8):
        value = fmix_int(value ^ int.from_bytes(data[start : start + 8], "little"))
    return value


def text_keys(words: Words) -> np.ndarray:
    """A stable 64-bit key per text, equal for texts with the same words in the same order."""
    starts = words.starts
    position = (np.arange(len(words.hashes)) - np.repeat(starts, words.lengths)).astype(np.uint64)
    with np.errstate(over="ignore"):
        mixed = fmix(words.hashes + position * np.uint64(_STEP))
    keys = np.zeros(len(words.lengths), dtype=np.uint64)
    present = words.lengths > 0
    if present.any():
        keys[present] = np.add.reduceat(mixed, starts[present])
    return fmix(keys ^ words.lengths.astype(np.uint64))


def ranges(starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """``concatenate([arange(s, s + n) for s, n in zip(starts, lengths)])`` without the loop."""
    shifts = np.repeat(starts - (np.cumsum(lengths) - lengths), lengths)
    return np.arange(int(lengths.sum()), dtype=np.int64) + shifts


def fmix(values: np.ndarray) -> np.ndarray:
    """MurmurHash3's 64-bit finalizer: spreads similar inputs (code points) over all bits."""
    s1, m1, s2, m2, s3 = (np.uint64(c) for c in _FMIX)
    with np.errstate(over="ignore"):
        values = values ^ (values >> s1)
        values = values * m1
        values = values ^ (values >> s2)
        values = values * m2
        return values ^ (values >> s3)


def fmix_int(value: int) -> int:
    s1, m1, s2, m2, s3 = _FMIX
    value ^= value >> s1
    value = (value * m1) & _MASK64
    value ^= value >> s2
    value = (value * m2) & _MASK64
    return value ^ (value >> s3)
