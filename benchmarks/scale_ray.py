"""The local engine against the Ray engine: ``cleaner dedup`` on 100,000 synthetic paragraphs.

Run it from the repository (with the ``ray`` extra: ``pip install '.[ray]'``)::

    python benchmarks/scale_ray.py                     # 100,000 paragraphs, a local Ray instance
    python benchmarks/scale_ray.py --count 20000       # a smaller corpus
    python benchmarks/scale_ray.py --address auto      # the Ray cluster this machine belongs to

The corpus is ``synthetic.py``'s news-like paragraphs (a tenth of them copies, exact or
edited), ten to an article, as JSON Lines records (one in fifty repeats an earlier article
whole); every other article has a date, so the
canonical copy is chosen by date as well as by input order. Both engines run
``cleaner.dedup`` on the same file with the default settings: reading, cleaning each
article, then clustering paragraphs and articles. The table gives each engine's time (the
Ray instance's start is timed apart) and whether its clusters are exactly the local ones.
On one machine Ray pays for moving the data between processes; it is there for corpora
and clusters larger than one machine.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from _common import timed, write_jsonl
from synthetic import paragraphs

from cleaner import dedup
from cleaner.core.settings import Settings
from cleaner.report.duplicates import as_json

PER_ARTICLE = 10


def write_corpus(count: int, folder: str, seed: int = 7) -> str:
    """``count`` paragraphs as articles of ``PER_ARTICLE`` in one JSON Lines file."""
    texts, _ = paragraphs(count, seed)

    def records():
        for number, start in enumerate(range(0, count, PER_ARTICLE)):
            if number % 50 == 49:  # a syndicated article: an earlier one again, whole
                start = (number // 2) * PER_ARTICLE
            record = {"id": f"a{number}", "text": "\n".join(texts[start : start + PER_ARTICLE])}
            if number % 2:
                record["date"] = f"20{10 + number % 12}-{1 + number % 12:02d}-{1 + number % 28:02d}"
            yield record

    path = os.path.join(folder, "feed.jsonl")
    write_jsonl(path, records())
    return path


def run(args: argparse.Namespace) -> list[dict]:
    """One row per engine: seconds, clusters found, and whether they are the local ones."""
    from cleaner.engines.ray import RayEngine

    with tempfile.TemporaryDirectory() as folder:
        path = write_corpus(args.count, folder)
        local_seconds, local = timed(lambda: as_json(dedup([path], Settings())))
        ray_start, engine = timed(RayEngine.connect, args.address)
        ray_seconds, distributed = timed(lambda: as_json(dedup([path], Settings(), engine=engine)))
    rows = []
    for name, result, seconds, start in (
        ("local", local, local_seconds, 0.0),
        ("ray", distributed, ray_seconds, ray_start),
    ):
        rows.append(
            {
                "engine": name,
                "paragraphs": result["stats"]["paragraphs"],
                "seconds": round(seconds, 1),
                "start_seconds": round(start, 1),
                "paragraph_clusters": result["stats"]["paragraph_clusters"],
                "duplicate_paragraphs": result["stats"]["duplicate_paragraphs"],
                "document_clusters": result["stats"]["document_clusters"],
                "same_clusters": result["clusters"] == local["clusters"] and result["documents"] == local["documents"],
            }
        )
    return rows


def print_table(rows: list[dict]) -> None:
    print(
        f"{'engine':<8} {'paragraphs':>10} {'seconds':>8} {'start s':>8} {'clusters':>9} {'copies':>7} {'articles':>9}  same clusters"
    )
    for r in rows:
        print(
            f"{r['engine']:<8} {r['paragraphs']:>10,} {r['seconds']:>8} {r['start_seconds']:>8} {r['paragraph_clusters']:>9,} "
            f"{r['duplicate_paragraphs']:>7,} {r['document_clusters']:>9,}  {'yes' if r['same_clusters'] else 'NO'}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000, help="paragraphs (default 100,000)")
    parser.add_argument("--address", help="a Ray cluster (auto, ray://head:10001); default: a local one")
    args = parser.parse_args(argv)
    try:
        import ray  # noqa: F401
    except ImportError:
        print("scale_ray: Ray is not installed; pip install '.[ray]'", file=sys.stderr)
        return 2
    rows = run(args)
    print(f"dedup of {args.count:,} synthetic paragraphs, {os.cpu_count()} CPUs; times are indicative")
    print_table(rows)
    return 0 if all(r["same_clusters"] for r in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
