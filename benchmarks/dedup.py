"""Near-duplicate paragraphs: cleaner against two MinHash LSH peers, on one labelled corpus.

Run it from the repository (with the project installed; ``pip install '.[bench]'`` adds rensa)::

    python benchmarks/dedup.py                 # the labelled corpus, three systems side by side
    python benchmarks/dedup.py --copies 1      # a smaller corpus
    python benchmarks/dedup.py --scale         # cleaner alone on 100,000 and 1,000,000 paragraphs

The corpus
    The paragraphs of the article bodies in ``../shared/data/aeb/ground-truth.json`` (read in
    place; the script stops with a message when it is absent) with at least ``--min-words``
    words. An original that is itself close to another (word-bigram Jaccard of 0.2 or more,
    checked exactly on every pair sharing a rare bigram) is left out, so that every true pair
    is one the spinner made. Each original gets ``--copies`` copies at each edit level of
    ``spinner.py``: exact; 2 word edits; 5; one word in six (synonym and entity-variant swaps,
    dropped and inserted words, case and punctuation noise). The corpus is shuffled with a
    fixed seed. A true pair is two paragraphs of the same original.

The systems, each given the same list of paragraph strings
    - cleaner: ``cleaner.dedup.cluster_passages`` with the default settings and the default
      gazetteer's ``normalize``; its pairs are all pairs within a cluster.
    - datasketch: the straightforward recipe. Lower-cased ``\\w+`` words, word 5-gram shingles,
      one ``MinHash(num_perm=128)`` per paragraph (``update_batch``), ``MinHashLSH(threshold=0.8)``,
      one query per paragraph; its pairs are the query results.
    - rensa: ``RMinHash.from_token_sets`` over lower-cased word 3-grams, ``RMinHashLSH`` with 32
      bands of 4 rows, ``insert_many`` and ``query_all``; its pairs are the query results.
      (Of the settings tried, word 2- and 3-grams with 16x8, 32x4, 64x2, this gave the best
      recall at precision 1.0.) Skipped, with a message, when rensa is not installed.

How it is measured
    Each system runs in a subprocess of its own: the child loads the corpus, imports its
    library, and then the clock (``time.perf_counter``) covers everything from the strings to
    the pairs. Peak memory is the child's peak resident set size (``ru_maxrss``), shown with the
    part added by the run (peak minus the resident size just before it). Precision is over all
    reported pairs; recall is given per edit level, over the pairs (original, copy).

``--scale``
    Synthetic paragraphs (10 to 60 words drawn from a Zipf-distributed vocabulary of 60,000
    made-up words), a tenth of them copies of another with up to one word in six changed; cleaner
    alone, each size in its own subprocess. It prints time and peak memory at 100,000 and
    1,000,000 paragraphs and the growth from one to the other.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from itertools import combinations
from pathlib import Path

import numpy as np
from spinner import LEVELS, Spinner, entity_variants, synonym_table

AEB = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "aeb" / "ground-truth.json"
_WORDS = re.compile(r"\w+")
TARGETS = {"precision": 0.995, "exact": 0.99, "2 edits": 0.99, "5 edits": 0.97, "1 in 6": 0.90}


# -- the labelled corpus --------------------------------------------------------------------


def originals(min_words: int) -> list[str]:
    """The aeb paragraphs long enough and unlike every other kept one."""
    if not AEB.exists():
        sys.exit(f"dedup benchmark: {AEB} not found; it needs the aeb data beside the project")
    bodies = json.loads(AEB.read_text(encoding="utf-8"))
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
        bigrams.append(set(zip(words, words[1:])))
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


# -- the systems, each run in a child process -----------------------------------------------


def run_cleaner(texts: list[str]) -> np.ndarray:
    from cleaner.dedup import Passage, cluster_passages
    from cleaner.entities import Matcher, load_gazetteer

    matcher = Matcher(load_gazetteer())
    passages = [Passage("", "", None, i, t) for i, t in enumerate(texts)]
    pairs = []
    for cluster in cluster_passages(passages, entity_normalize=matcher.normalize):
        lines = [cluster.canonical.line] + [m.passage.line for m in cluster.members]
        pairs.extend((min(a, b), max(a, b)) for a, b in combinations(lines, 2))
    return np.array(pairs, dtype=np.int64).reshape(-1, 2)


def _word_ngrams(text: str, size: int) -> set[str]:
    words = _WORDS.findall(text.lower())
    return {" ".join(words[i : i + size]) for i in range(max(1, len(words) - size + 1))}


def run_datasketch(texts: list[str]) -> np.ndarray:
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


def run_rensa(texts: list[str], size: int = 3, bands: int = 32) -> np.ndarray:
    from rensa import RMinHash, RMinHashLSH

    sketches = RMinHash.from_token_sets([list(_word_ngrams(t, size)) for t in texts], 128, 42)
    index = RMinHashLSH(threshold=0.5, num_perm=128, num_bands=bands)
    index.insert_many(sketches)
    pairs = {(min(i, j), max(i, j)) for i, found in enumerate(index.query_all(sketches)) for j in found if j != i}
    return np.array(sorted(pairs), dtype=np.int64).reshape(-1, 2)


SYSTEMS = {"cleaner": run_cleaner, "datasketch": run_datasketch, "rensa": run_rensa}


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _current_mb() -> float:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def child(system: str, corpus: str, out: str) -> None:
    texts = json.loads(Path(corpus).read_text(encoding="utf-8"))
    run = SYSTEMS[system]
    if system == "rensa":
        import rensa  # noqa: F401 - imported before the clock, like the others' libraries
    elif system == "datasketch":
        import datasketch  # noqa: F401
    else:
        import cleaner.dedup  # noqa: F401
    before = _current_mb()
    started = time.perf_counter()
    pairs = run(texts)
    seconds = time.perf_counter() - started
    np.save(out, pairs)
    print(json.dumps({"seconds": seconds, "peak_mb": _peak_mb(), "before_mb": before}))


def in_child(*args: str) -> dict | None:
    result = subprocess.run(
        [sys.executable, __file__, *args], capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        print(result.stderr.strip().splitlines()[-1] if result.stderr.strip() else "failed", file=sys.stderr)
        return None
    return json.loads(result.stdout.strip().splitlines()[-1])


# -- scoring and the table ------------------------------------------------------------------


def score(pairs: np.ndarray, origin: list[int], level: list[str | None]) -> dict[str, float]:
    origin_of = np.asarray(origin)
    true = origin_of[pairs[:, 0]] == origin_of[pairs[:, 1]] if len(pairs) else np.zeros(0, bool)
    scores = {"pairs": len(pairs), "precision": float(true.mean()) if len(pairs) else 1.0}
    found = {(int(a), int(b)) for a, b in pairs[true]}
    first = {}
    for index, (o, lv) in enumerate(zip(origin, level)):
        if lv is None:
            first[o] = index
    for name in LEVELS:
        wanted = [(min(first[o], i), max(first[o], i)) for i, (o, lv) in enumerate(zip(origin, level)) if lv == name]
        scores[name] = sum(p in found for p in wanted) / len(wanted)
    return scores


def comparison(args: argparse.Namespace) -> int:
    texts, origin, level = build_corpus(args.min_words, args.copies, args.seed)
    groups = len(set(origin))
    print(f"corpus: {len(texts):,} paragraphs: {groups:,} aeb originals of {args.min_words}+ words, "
          f"{args.copies} cop{'y' if args.copies == 1 else 'ies'} at each of {len(LEVELS)} edit levels")
    print("timing: each system in its own subprocess, strings to pairs; memory: peak RSS of that process")
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        corpus = os.path.join(folder, "corpus.json")
        Path(corpus).write_text(json.dumps(texts), encoding="utf-8")
        for system in SYSTEMS:
            out = os.path.join(folder, f"{system}.npy")
            measured = in_child("--child", system, "--corpus", corpus, "--out", out)
            if measured is None:
                print(f"{system}: not run (is it installed? rensa comes with the [bench] extra)")
                continue
            rows.append((system, measured, score(np.load(out), origin, level)))
    _print_table(rows)
    return _verdict(rows)


def _print_table(rows) -> None:
    header = ["system", "pairs", "precision", *(f"recall {lv}" for lv in LEVELS), "seconds", "peak MB (+run)"]
    print()
    print(" | ".join(header))
    print(" | ".join("---" for _ in header))
    for system, measured, scores in rows:
        cells = [system, f"{scores['pairs']:,}", f"{scores['precision']:.4f}"]
        cells += [f"{scores[lv]:.4f}" for lv in LEVELS]
        cells += [f"{measured['seconds']:.2f}", f"{measured['peak_mb']:.0f} (+{measured['peak_mb'] - measured['before_mb']:.0f})"]
        print(" | ".join(cells))


def _verdict(rows) -> int:
    by_name = {system: (measured, scores) for system, measured, scores in rows}
    if "cleaner" not in by_name:
        return 1
    measured, scores = by_name["cleaner"]
    checks = [(f"{k} >= {v}", scores[k] >= v) for k, v in TARGETS.items()]
    if "datasketch" in by_name:
        speedup = by_name["datasketch"][0]["seconds"] / measured["seconds"]
        checks.append((f"10x faster than datasketch ({speedup:.1f}x)", speedup >= 10))
    if "rensa" in by_name:
        ratio = by_name["rensa"][0]["seconds"] / measured["seconds"]
        checks.append((f"no slower than rensa ({ratio:.2f}x its speed)", ratio >= 1))
    print()
    for name, passed in checks:
        print(f"{'PASS' if passed else 'FAIL'}  {name}")
    return 0 if all(p for _, p in checks) else 1


# -- the scale run --------------------------------------------------------------------------


def synthetic(count: int, seed: int = 7) -> list[str]:
    """``count`` made-up paragraphs, a tenth of them lightly edited copies of others.

    Built from word ids one paragraph at a time, so the generator's own memory stays small
    next to what it measures.
    """
    rng = np.random.default_rng(seed)
    letters = "abcdefghijklmnopqrstuvwxyz"
    vocabulary = ["".join(rng.choice(list(letters), rng.integers(2, 10))) for _ in range(60_000)]
    weights = 1.0 / np.arange(1, len(vocabulary) + 1)
    weights /= weights.sum()
    lengths = rng.integers(10, 61, count)
    ends = np.cumsum(lengths)
    ids = rng.choice(len(vocabulary), int(ends[-1]), p=weights).astype(np.int32)
    copies = set(rng.choice(count, count // 10, replace=False).tolist())
    paragraphs = []
    for index in range(count):
        if index in copies:
            source = int(rng.integers(count))
            words = ids[ends[source] - lengths[source] : ends[source]].copy()
            for _ in range(int(rng.integers(0, len(words) // 6 + 1))):
                words[rng.integers(len(words))] = rng.integers(len(vocabulary))
        else:
            words = ids[ends[index] - lengths[index] : ends[index]]
        paragraphs.append(" ".join(map(vocabulary.__getitem__, words.tolist())))
    return paragraphs


def scale_child(count: int) -> None:
    from cleaner.dedup import Passage, cluster_passages
    from cleaner.entities import Matcher, load_gazetteer

    passages = [Passage("", "", None, i, t) for i, t in enumerate(synthetic(count))]
    matcher = Matcher(load_gazetteer())
    before = _current_mb()
    started = time.perf_counter()
    found = cluster_passages(passages, entity_normalize=matcher.normalize)
    seconds = time.perf_counter() - started
    copies = sum(len(c.members) for c in found)
    print(json.dumps({"seconds": seconds, "peak_mb": _peak_mb(), "before_mb": before, "clusters": len(found), "copies": copies}))


def scale(args: argparse.Namespace) -> int:
    print("scale: cleaner alone on synthetic paragraphs, each size in its own subprocess")
    print("paragraphs | seconds | paragraphs/s | peak MB (+run) | clusters | copies")
    print("--- | --- | --- | --- | --- | ---")
    results = {}
    for count in (100_000, 1_000_000):
        measured = in_child("--scale-child", str(count))
        if measured is None:
            return 1
        results[count] = measured
        print(f"{count:,} | {measured['seconds']:.1f} | {count / measured['seconds']:,.0f} | "
              f"{measured['peak_mb']:.0f} (+{measured['peak_mb'] - measured['before_mb']:.0f}) | "
              f"{measured['clusters']:,} | {measured['copies']:,}")
    small, large = results[100_000], results[1_000_000]
    print(f"x10 paragraphs: time x{large['seconds'] / small['seconds']:.1f}, "
          f"memory added by the run x{(large['peak_mb'] - large['before_mb']) / max(1, small['peak_mb'] - small['before_mb']):.1f}")
    passed = large["peak_mb"] <= 2048
    print(f"{'PASS' if passed else 'FAIL'}  1,000,000 paragraphs within 2 GB peak memory")
    return 0 if passed else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=2, help="copies per edit level (default 2)")
    parser.add_argument("--min-words", type=int, default=10, help="shortest original (default 10)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--scale", action="store_true", help="time cleaner on 100k and 1M paragraphs")
    parser.add_argument("--child", choices=SYSTEMS, help=argparse.SUPPRESS)
    parser.add_argument("--corpus", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    parser.add_argument("--scale-child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child, args.corpus, args.out)
        return 0
    if args.scale_child:
        scale_child(args.scale_child)
        return 0
    return scale(args) if args.scale else comparison(args)


if __name__ == "__main__":
    raise SystemExit(main())
