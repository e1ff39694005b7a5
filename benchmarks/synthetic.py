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
"""

from __future__ import annotations

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
    edited: dict[int, np.ndarray] = {}  # the copies; an original is its slice of ids

    def words_of(index: int) -> np.ndarray:
        return edited[index] if index in edited else ids[ends[index] - lengths[index] : ends[index]]

    texts = []
    for index in range(count):
        if sources[index] >= 0:
            edited[index] = _edited(words_of(int(sources[index])), rng, spare)
        texts.append(" ".join(map(words.__getitem__, words_of(index).tolist())))
    return texts, sources


def _edited(source: np.ndarray, rng: np.random.Generator, spare: np.ndarray) -> np.ndarray:
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
