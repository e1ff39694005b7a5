"""Near-duplicate paragraphs: cleaner against two MinHash LSH peers, on one labelled corpus.

Run it from the repository (with the project installed; ``pip install '.[bench]'`` adds rensa)::

    python benchmarks/dedup.py                 # the labelled corpus, three systems side by side
    python benchmarks/dedup.py --copies 1      # a smaller corpus
    python benchmarks/dedup.py --lsh-grid      # cleaner with other LSH settings (candidates, recall)
    python benchmarks/dedup.py --rensa-grid    # rensa with other shingles and bands
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
    - cleaner: ``cleaner.duplicates.cluster_passages`` with the default settings and the default
      gazetteer's ``normalize_all``; its pairs are all pairs within a cluster.
    - datasketch: the straightforward recipe. Lower-cased ``\\w+`` words, word 5-gram shingles,
      one ``MinHash(num_perm=128)`` per paragraph (``update_batch``), ``MinHashLSH(threshold=0.8)``,
      one query per paragraph; its pairs are the query results.
    - rensa: ``RMinHash.from_token_sets`` (128 permutations) over lower-cased word n-grams,
      ``RMinHashLSH`` with ``num_bands`` bands, ``insert_many`` and ``query_all``; its pairs
      are the query results (rensa does not verify them). The settings are the best of
      ``--rensa-grid`` (word 1-, 2- and 3-grams with 16, 32 and 64 bands; 1-grams in 64 bands
      make 39 million candidate pairs and are left out), run on this corpus:

      ===== ===== ========= ====== ======= ======= ====== =======
      words bands precision exact  2 edits 5 edits 1 in 6 seconds
      ===== ===== ========= ====== ======= ======= ====== =======
      1     16    1.0000    1.0000 0.9905  0.9239  0.9714 1.08
      1     32    0.4890    1.0000 0.9997  0.9971  0.9993 1.67
      2     16    1.0000    1.0000 0.8956  0.6722  0.6274 1.00
      2     32    0.9985    1.0000 0.9962  0.9543  0.9920 1.33
      2     64    0.2793    1.0000 0.9998  0.9976  0.9993 2.56
      3     16    1.0000    1.0000 0.7592  0.4398  0.3189 0.99
      3     32    0.9998    1.0000 0.9742  0.8600  0.9154 1.20
      3     64    0.8603    1.0000 0.9993  0.9877  0.9990 1.62
      ===== ===== ========= ====== ======= ======= ====== =======

      Word 2-grams in 32 bands of 4 rows have the best recall at a precision of 0.995 or more.
      Skipped, with a message, when rensa is not installed.

How it is measured
    Each system runs ``--runs`` times (default 3), each run in a subprocess of its own: the
    child loads the corpus, imports its library, and then the clock (``time.perf_counter``)
    covers everything from the strings to the pairs; the table shows the best and the median
    run. Peak memory is the child's peak resident set size (``VmHWM``), shown with the part
    added by the run (peak minus the resident size just before it). Precision is over all
    reported pairs; recall is given per edit level, over the pairs (original, copy).
    ``--lsh-grid`` adds each cleaner variant's candidate pairs and the pairs it compared.

``--scale``
    Synthetic news-like paragraphs from ``synthetic.py`` (Zipf-distributed vocabulary of
    200,000 words, 10 to 60 words each, a tenth of them copies of an earlier one, a third of
    those exact and the rest with up to one word in six substituted, dropped or inserted);
    cleaner alone, each size in its own subprocess. It prints time, peak memory, the share of
    copies joined to their source and the candidate pairs at 100,000 and 1,000,000 paragraphs,
    and the growth from one to the other.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
from collections import Counter
from pathlib import Path

import numpy as np
import synthetic
from _common import child_result, current_mb, peak_mb, print_header, print_row, timed
from dedup_systems import SYSTEMS
from labelled import build_corpus
from spinner import LEVELS

# word 1-grams in 64 bands (2 rows) make 39 million candidate pairs: left out
RENSA_GRID = [(1, 16), (1, 32), (2, 16), (2, 32), (2, 64), (3, 16), (3, 32), (3, 64)]
# --lsh-grid: the defaults (first) against other permutations, bands, common-word cut-offs and
# shingles (word 2- and 3-grams, at thresholds that keep 97% of the 5-edit copies' similarity)
LSH_GRID = [
    {},
    {"num_perm": 128, "bands": 32, "rows": 4, "common_share": 1.0},
    {"num_perm": 128, "bands": 32, "rows": 4},
    {"num_perm": 72, "bands": 24, "rows": 3, "common_share": 1.0},
    {"num_perm": 64, "bands": 21, "rows": 3},
    {"num_perm": 64, "bands": 32, "rows": 2},
    {"num_perm": 128, "bands": 42, "rows": 3},
    {"common_share": 0.005, "common_min": 100},
    {"common_min": 300},
    {"size": 2, "threshold": 0.35},
    {"size": 3, "threshold": 0.25},
]
TARGETS = {"precision": 0.995, "exact": 0.99, "2 edits": 0.99, "5 edits": 0.97, "1 in 6": 0.90}


def child(system: str, corpus: str, out: str, options: str) -> None:
    texts = json.loads(Path(corpus).read_text(encoding="utf-8"))
    run = SYSTEMS[system]
    stats: Counter = Counter()
    if system == "rensa":
        import rensa  # noqa: F401 - imported before the clock, like the others' libraries
    elif system == "datasketch":
        import datasketch  # noqa: F401
    else:
        import cleaner.duplicates  # noqa: F401
    before = current_mb()
    seconds, pairs = timed(run, texts, stats, **json.loads(options))
    np.save(out, pairs)
    print(json.dumps({"seconds": seconds, "peak_mb": peak_mb(), "before_mb": before, "stats": stats}))


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
    print(
        f"corpus: {len(texts):,} paragraphs: {groups:,} aeb originals of {args.min_words}+ words, "
        f"{args.copies} cop{'y' if args.copies == 1 else 'ies'} at each of {len(LEVELS)} edit levels"
    )
    print(
        f"timing: each system in its own subprocess, strings to pairs, {args.runs} runs each "
        "(best and median); memory: peak RSS of the process"
    )
    variants = [(system, {}) for system in SYSTEMS]
    if args.lsh_grid:
        variants = [("cleaner", v) for v in LSH_GRID]
    elif args.rensa_grid:
        variants = [("rensa", {"size": n, "bands": b}) for n, b in RENSA_GRID]
    with tempfile.TemporaryDirectory() as folder:
        corpus = os.path.join(folder, "corpus.json")
        Path(corpus).write_text(json.dumps(texts), encoding="utf-8")
        rows = [_measure(system, options, corpus, folder, args.runs, origin, level) for system, options in variants]
    rows = [r for r in rows if r is not None]
    _print_table(rows, with_stats=args.lsh_grid)
    return 0 if args.lsh_grid or args.rensa_grid else _verdict(rows)


def _measure(system, options, corpus, folder, runs, origin, level):
    """Run one system ``runs`` times, each in its own subprocess; the scores of the last run."""
    out = os.path.join(folder, f"{system}.npy")
    measured = []
    for _ in range(runs):
        result = child_result(
            __file__, "--child", system, "--corpus", corpus, "--out", out, "--options", json.dumps(options)
        )
        if result is None:
            print(f"{system}: not run (is it installed? rensa comes with the [bench] extra)")
            return None
        measured.append(result)
    seconds = sorted(m["seconds"] for m in measured)
    summary = {**measured[-1], "best": seconds[0], "median": float(np.median(seconds))}
    name = system + "".join(f" {k}={v}" for k, v in options.items())
    return (name, summary, score(np.load(out), origin, level))


def _print_table(rows, with_stats: bool = False) -> None:
    header = [
        "system",
        "pairs",
        "precision",
        *(f"recall {lv}" for lv in LEVELS),
        "seconds best",
        "median",
        "peak MB (+run)",
    ]
    header += ["candidates", "compared"] if with_stats else []
    print()
    print_header(*header)
    for system, measured, scores in rows:
        cells = [system, f"{scores['pairs']:,}", f"{scores['precision']:.4f}"]
        cells += [f"{scores[lv]:.4f}" for lv in LEVELS]
        cells += [f"{measured['best']:.2f}", f"{measured['median']:.2f}"]
        cells += [f"{measured['peak_mb']:.0f} (+{measured['peak_mb'] - measured['before_mb']:.0f})"]
        cells += [f"{measured['stats'].get(k, 0):,}" for k in ("candidates", "compared")] if with_stats else []
        print_row(*cells)


def _verdict(rows) -> int:
    by_name = {system: (measured, scores) for system, measured, scores in rows}
    if "cleaner" not in by_name:
        return 1
    measured, scores = by_name["cleaner"]
    checks = [(f"{k} >= {v}", scores[k] >= v) for k, v in TARGETS.items()]
    for peer, times, label in (("datasketch", 10, "10x faster than"), ("rensa", 1, "no slower than")):
        if peer in by_name:
            best = by_name[peer][0]["best"] / measured["best"]
            median = by_name[peer][0]["median"] / measured["median"]
            checks.append(
                (f"{label} {peer} (best {best:.2f}x, median {median:.2f}x its speed)", min(best, median) >= times)
            )
    print()
    for name, passed in checks:
        print(f"{'PASS' if passed else 'FAIL'}  {name}")
    return 0 if all(p for _, p in checks) else 1


# -- the scale run --------------------------------------------------------------------------


def scale_child(count: int) -> None:
    from cleaner.duplicates import Passage, cluster_passages
    from cleaner.entities import Matcher, load_gazetteer

    texts, sources = synthetic.paragraphs(count)
    passages = [Passage("", "", None, i, t) for i, t in enumerate(texts)]
    del texts
    matcher = Matcher(load_gazetteer())
    stats: Counter = Counter()
    before = current_mb()
    seconds, found = timed(cluster_passages, passages, entity_normalize=matcher.normalize_all, stats=stats)
    cluster_of = np.arange(count)
    for cluster in found:
        cluster_of[[m.passage.line for m in cluster.members]] = cluster.canonical.line
    copies = np.flatnonzero(sources >= 0)
    recall = float(np.mean(cluster_of[copies] == cluster_of[sources[copies]]))
    print(
        json.dumps(
            {
                "seconds": seconds,
                "peak_mb": peak_mb(),
                "before_mb": before,
                "clusters": len(found),
                "copies": sum(len(c.members) for c in found),
                "recall": recall,
                "candidates": stats["candidates"],
            }
        )
    )


def scale(args: argparse.Namespace) -> int:
    print("scale: cleaner alone on synthetic paragraphs, each size in its own subprocess")
    print_header(
        "paragraphs",
        "seconds",
        "paragraphs/s",
        "peak MB (+run)",
        "clusters",
        "copies found",
        "copies joined to their source",
        "candidates",
    )
    results = {}
    for count in (100_000, 1_000_000):
        measured = child_result(__file__, "--scale-child", str(count))
        if measured is None:
            return 1
        results[count] = measured
        print_row(
            f"{count:,}",
            f"{measured['seconds']:.1f}",
            f"{count / measured['seconds']:,.0f}",
            f"{measured['peak_mb']:.0f} (+{measured['peak_mb'] - measured['before_mb']:.0f})",
            f"{measured['clusters']:,}",
            f"{measured['copies']:,}",
            f"{measured['recall']:.4f}",
            f"{measured['candidates']:,}",
        )
    small, large = results[100_000], results[1_000_000]
    print(
        f"x10 paragraphs: time x{large['seconds'] / small['seconds']:.1f}, "
        f"memory added by the run x{(large['peak_mb'] - large['before_mb']) / max(1, small['peak_mb'] - small['before_mb']):.1f}"
    )
    passed = large["peak_mb"] <= 2048
    print(f"{'PASS' if passed else 'FAIL'}  1,000,000 paragraphs within 2 GB peak memory")
    return 0 if passed else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=2, help="copies per edit level (default 2)")
    parser.add_argument("--min-words", type=int, default=10, help="shortest original (default 10)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=3, help="runs of each system (default 3)")
    parser.add_argument("--scale", action="store_true", help="time cleaner on 100k and 1M paragraphs")
    parser.add_argument("--lsh-grid", action="store_true", help="cleaner with other LSH settings")
    parser.add_argument("--rensa-grid", action="store_true", help="rensa with other shingles and bands")
    parser.add_argument("--child", choices=SYSTEMS, help=argparse.SUPPRESS)
    parser.add_argument("--corpus", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    parser.add_argument("--options", default="{}", help=argparse.SUPPRESS)
    parser.add_argument("--scale-child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child, args.corpus, args.out, args.options)
        return 0
    if args.scale_child:
        scale_child(args.scale_child)
        return 0
    return scale(args) if args.scale else comparison(args)


if __name__ == "__main__":
    raise SystemExit(main())
