"""Synthetic news-like paragraphs for the dedup scale run, with known copies.

What makes them like news for a near-duplicate finder:

- Words follow Zipf's law (frequency of the k-th word proportional to 1/k) over a vocabulary of
  200,000 made-up words, as English news does: the commonest word is about 8% of all words
  ("the" is 5-7% in news), the top hundred about 40%. Unrelated paragraphs therefore share
  their common words, about 5% word Jaccard on average with a long tail, like real ones; that
  shared background is what makes LSH produce false candidates.
- Paragraphs have 10 to 60 words, evenly spread (news paragraphs are mostly 15-50 words; short
  ones are the hardest, since one edit changes a large share of their words).
- A tenth of the paragraphs are copies of an earlier paragraph (wire copy republished; copies
  of copies happen), a realistic share for a news crawl: a third of them exact, the others
  with 1 to one-in-six of their words edited, each edit a substitution by a word drawn from
  the same Zipf law, a dropped word or an inserted one.

Built from word ids one paragraph at a time with a seeded generator: the same count and seed
give the same paragraphs, and the generator's own memory stays small next to the strings.

:func:`articles` streams whole JSON Lines articles (a title, a date, a byline now and then,
paragraphs of sentences) for runs too big to hold: copies are taken from a window of recent
paragraphs, so its memory stays the same however many articles it writes.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator

import numpy as np

VOCABULARY = 200_000
COPY_SHARE = 0.1
EXACT_SHARE = 1 / 3


def vocabulary(rng: np.random.Generator, size: int = VOCABULARY) -> list[str]:
    """``size`` distinct made-up lower-case words, 2 to 11 letters, short ones likelier."""
    letters = np.array(list("abcdefghijklmnopqrstuvwxyz"))
    words: dict[str, None] = {}
    while len(words) < size:
        for length in rng.integers(2, 12, size):
            words.setdefault("".join(letters[rng.integers(0, 26, max(2, int(length) - int(rng.integers(0, 3))))]))
            if len(words) == size:
                break
    return list(words)


def paragraphs(count: int, seed: int = 7) -> tuple[list[str], np.ndarray]:
    """``count`` paragraphs, and for each the index of the paragraph it copies (-1 if none)."""
    rng = np.random.default_rng(seed)
    words = vocabulary(rng)
    weights = 1.0 / np.arange(1, len(words) + 1)
    weights /= weights.sum()
    lengths = rng.integers(10, 61, count)
    ends = np.cumsum(lengths)
    ids = rng.choice(len(words), int(ends[-1]), p=weights).astype(np.int32)
    spare = rng.choice(len(words), count, p=weights).astype(np.int32)  # words an edit inserts
    sources = np.full(count, -1, dtype=np.int64)
    copies = rng.random(count) < COPY_SHARE
    copies[0] = False
    sources[copies] = (rng.random(int(copies.sum())) * np.flatnonzero(copies)).astype(np.int64)
    copied: dict[int, np.ndarray] = {}  # the copies; an original is its slice of ids

    def words_of(index: int) -> np.ndarray:
        return copied[index] if index in copied else ids[ends[index] - lengths[index] : ends[index]]

    texts = []
    for index in range(count):
        if sources[index] >= 0:
            copied[index] = edited(words_of(int(sources[index])), rng, spare)
        texts.append(" ".join(map(words.__getitem__, words_of(index).tolist())))
    return texts, sources


def edited(source: np.ndarray, rng: np.random.Generator, spare: np.ndarray) -> np.ndarray:
    """A copy of ``source``: exact a third of the time, else 1 to one word in six edited."""
    if rng.random() < EXACT_SHARE:
        return source
    text = source.copy()
    for _ in range(int(rng.integers(1, max(1, len(source) // 6) + 1))):
        kind, where = int(rng.integers(3)), int(rng.integers(len(text)))
        word = spare[rng.integers(len(spare))]
        if kind == 0:
            text[where] = word
        elif kind == 1 and len(text) > 2:
            text = np.delete(text, where)
        else:
            text = np.insert(text, where, word)
    return text


WINDOW = 50_000  # recent paragraphs an article's copies are taken from
WORDS_AT_ONCE = 1 << 20  # word ids drawn from the Zipf law at a time


class _ZipfWords:
    """Word ids drawn from Zipf's law, a large batch at a time (one draw per word is slow)."""

    def __init__(self, rng: np.random.Generator, size: int):
        self.rng = rng
        self.cdf = np.cumsum(1.0 / np.arange(1, size + 1))
        self.cdf /= self.cdf[-1]
        self.batch, self.used = np.empty(0, dtype=np.int32), 0

    def take(self, count: int) -> np.ndarray:
        if self.used + count > len(self.batch):
            draws = self.rng.random(max(count, WORDS_AT_ONCE))
            self.batch = np.minimum(np.searchsorted(self.cdf, draws), len(self.cdf) - 1).astype(np.int32)
            self.used = 0
        self.used += count
        return self.batch[self.used - count : self.used]


def articles(seed: int = 7) -> Iterator[dict]:
    """News-like JSON Lines records without end: ``id``, ``title``, ``date`` (most of them),
    ``url`` and ``text`` (3 to 30 paragraphs of 10 to 60 words, one a line).

    About a tenth of the paragraphs copy a recent one (``COPY_SHARE``, edited as
    :func:`edited` does); a twentieth of the articles republish most of a recent article,
    wire-copy style. One article in four starts with a byline the B rules remove.
    """
    rng = np.random.default_rng(seed)
    words = vocabulary(rng)
    draw = _ZipfWords(rng, len(words))
    recent: deque[np.ndarray] = deque(maxlen=WINDOW)
    spare = draw.take(WORDS_AT_ONCE).copy()
    number = 0
    while True:
        number += 1
        count = int(rng.integers(3, 31))
        republished = len(recent) > 100 and rng.random() < 0.05
        start = int(rng.integers(0, len(recent) - 30)) if republished else 0
        body = []
        for index in range(count):
            if republished and rng.random() < 0.8:
                ids = edited(recent[start + index], rng, spare)
            elif len(recent) and rng.random() < COPY_SHARE:
                ids = edited(recent[int(rng.integers(len(recent)))], rng, spare)
            else:
                ids = draw.take(int(rng.integers(10, 61))).copy()
            recent.append(ids)
            body.append(_sentences(ids, words))
        if rng.random() < 0.25:
            body.insert(0, f"By {words[int(spare[number % len(spare)])].title()} {words[number % 5000].title()}")
        record = {"id": f"a{number}", "title": _sentences(draw.take(8), words).rstrip(".")}
        if rng.random() < 0.9:
            record["date"] = (
                f"20{int(rng.integers(10, 25))}-{int(rng.integers(1, 13)):02d}-{int(rng.integers(1, 29)):02d}"
            )
        record.update(url=f"https://news.example/{number}", text="\n".join(body))
        yield record


def _sentences(ids: np.ndarray, words: list[str]) -> str:
    """The words as sentences: capitalized, ended by a period every 12 words or so."""
    tokens = list(map(words.__getitem__, ids.tolist()))
    for start in range(0, len(tokens), 12):
        tokens[start] = tokens[start].capitalize()
        end = min(start + 11, len(tokens) - 1)
        tokens[end] += "."
    return " ".join(tokens)
