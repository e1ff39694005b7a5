"""Texts as arrays of word ids: lower-case words, punctuation dropped, as ``words_key`` does.

Texts are tokenized a chunk at a time, each chunk joined into one string so that lower-casing,
dropping punctuation and splitting are a few C calls for the whole chunk, not a few per text.
Every chunk maps its words to ids through one vocabulary, so only the uint32 ids outlive a
chunk: a million paragraphs keep about 4 bytes per word, not a Python string per word.
"""

from __future__ import annotations

import hashlib
import re
from itertools import chain
from typing import NamedTuple, Sequence

import numpy as np

SPLIT_CHUNK = 1 << 14  # texts tokenized at a time
_MASK64 = (1 << 64) - 1
_STEP = 0x9E3779B97F4A7C15
_FMIX = (33, 0xFF51AFD7ED558CCD, 33, 0xC4CEB9FE1A85EC53, 33)
_SEPARATOR = "\x01"  # a token of its own between texts: not white space, not a word
_JOINER = f" {_SEPARATOR} "
# UTF-8 bytes: an ASCII letter or digit becomes itself in lower case, other ASCII a space;
# the separator and the bytes of other characters stay
_ASCII_WORDS = bytes(
    c if c == 1 or c > 127 else ord(chr(c).lower()) if chr(c).isalnum() else 32 for c in range(256)
)
_OTHER_NON_WORD = re.compile(r"[\W_]+")


class Words(NamedTuple):
    """The normalized words of many texts, flat: text ``i`` has ``lengths[i]`` word ids."""

    ids: np.ndarray  # uint32 indices into vocabulary, texts in order
    lengths: np.ndarray  # int64
    vocabulary: list[str]

    @property
    def starts(self) -> np.ndarray:
        return np.concatenate(([0], np.cumsum(self.lengths)[:-1])).astype(np.int64)

    def select(self, indices: np.ndarray) -> Words:
        """The texts at ``indices`` only, in that order."""
        ids = self.ids[ranges(self.starts[indices], self.lengths[indices])]
        return Words(ids, self.lengths[indices], self.vocabulary)

    def text(self, index: int, start: int | None = None) -> str:
        start = int(self.lengths[:index].sum()) if start is None else start
        return " ".join(self.vocabulary[i] for i in self.ids[start : start + self.lengths[index]])


def split_words(texts: Sequence[str], chunk: int = SPLIT_CHUNK) -> Words:
    """Each text's words, lower case, punctuation dropped (as ``cleaner.model.words_key``).

    A chunk's texts are joined by a separator token, lower-cased and stripped of ASCII
    punctuation in one ``bytes.translate``, and split once. Each distinct token is looked at
    once: most are words already; one with other characters (curly quotes, accented capitals)
    is normalized like ``words_key`` and may hold no word or several ("l’école").
    """
    tokens = _Tokens()
    ids, lengths = [np.empty(0, dtype=np.uint32)], [np.empty(0, dtype=np.int64)]
    for start in range(0, len(texts), chunk):
        part = texts[start : start + chunk]
        raw = tokens.ids(_split(part))
        sizes = tokens.sizes[raw]
        owner = np.cumsum(raw == 0) - 1  # token 0 is the separator in front of every text
        lengths.append(np.bincount(owner, weights=sizes, minlength=len(part)).astype(np.int64))
        ids.append(tokens.words[ranges(tokens.starts[raw], sizes)])
    return Words(np.concatenate(ids), np.concatenate(lengths), list(tokens.vocabulary))


class _Tokens:
    """Raw tokens (as split) and the words each stands for, shared by all chunks.

    Raw token ``k`` stands for ``words[starts[k] : starts[k] + sizes[k]]``; token 0 is the
    separator, which stands for none.
    """

    def __init__(self):
        self.number: dict[str, int] = {_SEPARATOR: 0}
        self.vocabulary: dict[str, int] = {}
        self.sizes = np.zeros(1, dtype=np.int64)
        self.words = np.empty(0, dtype=np.uint32)

    def ids(self, tokens: list[str]) -> np.ndarray:
        fresh = [t for t in dict.fromkeys(tokens) if t not in self.number]
        if fresh:
            self.number.update(zip(fresh, range(len(self.number), len(self.number) + len(fresh))))
            spelled = [[t] if t.isascii() else _OTHER_NON_WORD.sub(" ", t.lower()).split() for t in fresh]
            sizes = np.fromiter(map(len, spelled), dtype=np.int64, count=len(spelled))
            words = list(chain.from_iterable(spelled))
            unseen = [w for w in dict.fromkeys(words) if w not in self.vocabulary]
            self.vocabulary.update(zip(unseen, range(len(self.vocabulary), len(self.vocabulary) + len(unseen))))
            word_ids = np.fromiter(map(self.vocabulary.__getitem__, words), dtype=np.uint32, count=len(words))
            self.sizes = np.concatenate((self.sizes, sizes))
            self.words = np.concatenate((self.words, word_ids))
            self.starts = np.concatenate(([0], np.cumsum(self.sizes)[:-1])).astype(np.int64)
        return np.fromiter(map(self.number.__getitem__, tokens), dtype=np.int64, count=len(tokens))


def _split(texts: Sequence[str]) -> list[str]:
    """The tokens of ``texts``, each text's led by the separator; ASCII already normalized."""
    joined = _JOINER.join(texts)
    if joined.count(_SEPARATOR) != len(texts) - 1:  # a text holds the separator: not any more
        joined = _JOINER.join(t.replace(_SEPARATOR, " ") for t in texts)
    normal = joined.encode("utf-8", "surrogatepass").translate(_ASCII_WORDS).decode("utf-8", "surrogatepass")
    return [_SEPARATOR, *normal.split()] if texts else []


def word_hashes(vocabulary: Sequence[str]) -> np.ndarray:
    """The stable 64-bit hash of each word."""
    return np.fromiter(map(word_hash, vocabulary), dtype=np.uint64, count=len(vocabulary))


def word_hash(word: str) -> int:
    return int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(), "little")


def text_keys(words: Words, hashes: np.ndarray) -> np.ndarray:
    """A stable 64-bit key per text, equal for texts with the same words in the same order."""
    starts = words.starts
    position = (np.arange(len(words.ids)) - np.repeat(starts, words.lengths)).astype(np.uint64)
    with np.errstate(over="ignore"):
        mixed = fmix(hashes[words.ids] + position * np.uint64(_STEP))
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
