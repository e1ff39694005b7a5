"""The systems of the dedup benchmark, each given a list of paragraph strings and returning
the pairs ``(a, b)``, ``a < b``, of the paragraphs it calls near duplicates (see ``dedup.py``,
"The systems"). Each runs in a child process of its own.
"""

from __future__ import annotations

import re
from collections import Counter

import numpy as np

_WORDS = re.compile(r"\w+")
RENSA_SIZE, RENSA_BANDS = 2, 32  # the best of --rensa-grid (see dedup.py's docstring)


def run_cleaner(texts: list[str], stats: Counter, **settings) -> np.ndarray:
    from cleaner.core.settings import DedupSettings
    from cleaner.duplicates import Passage, cluster_passages
    from cleaner.entities import Matcher, load_gazetteer

    matcher = Matcher(load_gazetteer())
    passages = [Passage("", "", None, i, t) for i, t in enumerate(texts)]
    found = cluster_passages(passages, DedupSettings(**settings), matcher.normalize_all, stats)
    return all_pairs([[c.canonical.line] + [m.passage.line for m in c.members] for c in found])


def all_pairs(groups: list[list[int]]) -> np.ndarray:
    """Every pair ``(a, b)``, ``a < b``, of items in one group, groups of distinct items."""
    items = np.array([i for g in groups for i in sorted(g)], dtype=np.int64)
    group = np.repeat(np.arange(len(groups)), [len(g) for g in groups])
    pairs = [np.empty((0, 2), dtype=np.int64)]
    for distance in range(1, max(map(len, groups), default=0)):
        same = np.flatnonzero(group[distance:] == group[:-distance])
        pairs.append(np.stack((items[same], items[same + distance]), axis=1))
    return np.concatenate(pairs)


def _word_ngrams(text: str, size: int) -> set[str]:
    words = _WORDS.findall(text.lower())
    return {" ".join(words[i : i + size]) for i in range(max(1, len(words) - size + 1))}


def run_datasketch(texts: list[str], stats: Counter) -> np.ndarray:
    from datasketch import MinHash, MinHashLSH

    index = MinHashLSH(threshold=0.8, num_perm=128)
    sketches = []
    for number, text in enumerate(texts):
        sketch = MinHash(num_perm=128)
        sketch.update_batch([s.encode("utf-8") for s in _word_ngrams(text, 5)])
        index.insert(number, sketch)
        sketches.append(sketch)
    pairs = {(min(i, j), max(i, j)) for i, s in enumerate(sketches) for j in index.query(s) if j != i}
    return np.array(sorted(pairs), dtype=np.int64).reshape(-1, 2)


def run_rensa(texts: list[str], stats: Counter, size: int = RENSA_SIZE, bands: int = RENSA_BANDS) -> np.ndarray:
    from rensa import RMinHash, RMinHashLSH

    sketches = RMinHash.from_token_sets([list(_word_ngrams(t, size)) for t in texts], 128, 42)
    index = RMinHashLSH(threshold=0.5, num_perm=128, num_bands=bands)
    index.insert_many(sketches)
    pairs = {(min(i, j), max(i, j)) for i, found in enumerate(index.query_all(sketches)) for j in found if j != i}
    return np.array(sorted(pairs), dtype=np.int64).reshape(-1, 2)


SYSTEMS = {"cleaner": run_cleaner, "datasketch": run_datasketch, "rensa": run_rensa}
