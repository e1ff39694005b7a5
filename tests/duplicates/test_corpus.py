"""The pipeline: verified clusters, canonical copies, determinism."""

from __future__ import annotations

import random
from collections import Counter

import numpy as np

from cleaner.core.settings import DedupSettings
from cleaner.duplicates import Passage, cluster_passages, grouping, spill
from cleaner.duplicates.grouping import _verified_roots
from cleaner.duplicates.shingles import shingle_sets
from cleaner.entities import Matcher, load_gazetteer

STORY = "The council voted on Tuesday to rebuild the harbour wall before the winter storms arrive"
SPUN = "The council voted on Wednesday to repair the harbour wall before winter storms arrive"
OTHER = "A new bakery opened near the station and sold out of bread by nine in the morning"


def passages(*texts, dates=None):
    dates = dates or [None] * len(texts)
    return [Passage(f"d{i}", f"p{i}.txt", None, 1, t, d) for i, (t, d) in enumerate(zip(texts, dates))]


def summary(found):
    return [(c.canonical.doc, [(m.passage.doc, round(m.similarity, 3)) for m in c.members]) for c in found]


def test_exact_and_near_copies_join_and_others_stay_apart():
    found = cluster_passages(passages(STORY, OTHER, STORY.upper() + "!", SPUN))
    assert [(c.canonical.doc, [m.passage.doc for m in c.members]) for c in found] == [("d0", ["d2", "d3"])]
    similarities = [m.similarity for m in found[0].members]
    assert similarities[0] == 1.0 and 0.5 <= similarities[1] < 1.0


def test_entity_variants_agree_once_normalized():
    texts = ("Talks between the U.S. and the U.K. ended", "Talks between the US and the UK ended")
    plain = cluster_passages(passages(*texts), DedupSettings(threshold=1.0))
    matcher = Matcher(load_gazetteer())
    normalized = cluster_passages(passages(*texts), DedupSettings(threshold=1.0), matcher.normalize_all)
    assert plain == [] and len(normalized) == 1


def test_canonical_is_the_earliest_date_then_the_first_in_input():
    dated = cluster_passages(passages(STORY, STORY, STORY, dates=[None, "2021-03-02", "2021-03-01"]))
    assert summary(dated) == [("d2", [("d0", 1.0), ("d1", 1.0)])]
    undated = cluster_passages(passages(OTHER, STORY, STORY, dates=[None, None, "not a date"]))
    assert summary(undated) == [("d1", [("d2", 1.0)])]


def test_verification_rejects_false_candidates():
    sets = shingle_sets([STORY, OTHER, SPUN])
    stats = Counter()
    roots = _verified_roots(sets, [np.array([0, 0, 1]), np.array([1, 2, 2])], 0.5, stats)
    assert roots.tolist() == [0, 1, 0]
    assert stats["joined"] == 1


def corpus(seed: int) -> list[str]:
    rng = random.Random(seed)
    words = [f"w{i}" for i in range(400)]
    texts = []
    for _ in range(60):
        text = rng.sample(words, 20)
        texts.append(" ".join(text))
        for _ in range(rng.randrange(3)):
            copy = list(text)
            copy[rng.randrange(20)] = rng.choice(words)
            texts.append(" ".join(copy))
    rng.shuffle(texts)
    return texts


def test_the_same_input_gives_the_same_clusters():
    texts = corpus(11)
    first = summary(cluster_passages(passages(*texts)))
    second = summary(cluster_passages(passages(*texts)))
    assert first == second and len(first) > 10


def test_stats_count_each_stage():
    stats = Counter()
    cluster_passages(passages(STORY, STORY, SPUN, OTHER, ""), stats=stats)
    assert stats["passages"] == 5 and stats["exact_copies"] == 1
    assert stats["candidates"] >= 1 and stats["joined"] == 1


def test_candidates_verified_a_block_at_a_time_give_the_same_clusters(monkeypatch):
    texts = corpus(12)
    whole = summary(cluster_passages(passages(*texts)))
    monkeypatch.setattr(grouping, "PAIR_BLOCK", 5)
    monkeypatch.setattr(spill, "SAMPLE_EVERY", 1)
    assert summary(cluster_passages(passages(*texts))) == whole and len(whole) > 10
