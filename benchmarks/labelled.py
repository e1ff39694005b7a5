"""The labelled corpus of the dedup benchmark: aeb paragraphs and their spun copies.

The paragraphs of the article bodies in ``../shared/data/aeb/ground-truth.json`` (read in place,
never copied) with at least ``min_words`` words; an original close to another one is left out,
so that every true pair is one the spinner made. See ``dedup.py`` for the whole description.
"""

from __future__ import annotations

import itertools
import json
import random
import re
import sys
from collections import defaultdict

from _common import AEB, absent
from spinner import LEVELS, Spinner, entity_variants, synonym_table

TRUTH = AEB / "ground-truth.json"
_WORDS = re.compile(r"\w+")


def originals(min_words: int) -> list[str]:
    """The aeb paragraphs long enough and unlike every other kept one."""
    if absent(TRUTH, "dedup: "):
        sys.exit(1)
    bodies = json.loads(TRUTH.read_text(encoding="utf-8"))
    seen: set[str] = set()
    paragraphs = []
    for key in sorted(bodies):
        for paragraph in bodies[key]["articleBody"].split("\n"):
            words = _WORDS.findall(paragraph.lower())
            if len(words) >= min_words and " ".join(words) not in seen:
                seen.add(" ".join(words))
                paragraphs.append(paragraph.strip())
    return _without_near_pairs(paragraphs)


def _without_near_pairs(paragraphs: list[str], limit: float = 0.2) -> list[str]:
    bigrams = []
    for text in paragraphs:
        words = _WORDS.findall(text.lower())
        bigrams.append(set(itertools.pairwise(words)))
    holders = defaultdict(list)
    for index, grams in enumerate(bigrams):
        for gram in grams:
            holders[gram].append(index)
    dropped: set[int] = set()
    for index, grams in enumerate(bigrams):
        if index in dropped:
            continue
        others = {o for g in grams if len(holders[g]) < 50 for o in holders[g] if o > index}
        for other in others - dropped:
            union = len(grams | bigrams[other])
            if union and len(grams & bigrams[other]) / union >= limit:
                dropped.add(other)
    return [p for i, p in enumerate(paragraphs) if i not in dropped]


def build_corpus(min_words: int, copies: int, seed: int):
    """Paragraphs, the original each came from, and its edit level (None for an original)."""
    from cleaner.entities import load_gazetteer

    rng = random.Random(seed)
    spinner = Spinner(synonym_table(), entity_variants(load_gazetteer()))
    rows = []
    for number, text in enumerate(originals(min_words)):
        rows.append((text, number, None))
        for level in LEVELS:
            for _ in range(copies):
                rows.append((spinner.copy(text, level, rng), number, level))
    rng.shuffle(rows)
    return [r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows]
