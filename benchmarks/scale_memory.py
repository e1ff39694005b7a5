"""Peak memory of ``cleaner clean --drop-duplicates`` on a large JSON Lines corpus.

Run it from the repository (with the project installed, e.g. the development virtualenv)::

    python benchmarks/scale_memory.py                 # a 3 GB corpus (and a 1/8 one first)
    python benchmarks/scale_memory.py --size 300      # 300 MB, for a quick look
    python benchmarks/scale_memory.py --keep DIR      # keep the corpora in DIR (and reuse them)

The corpus
    News-like articles from ``synthetic.articles`` (made-up words under Zipf's law, 3 to 30
    paragraphs of 10 to 60 words, a byline on one article in four, a date on nine in ten),
    about a tenth of the paragraphs near or exact copies of a recent one and a twentieth of
    the articles republishing most of a recent article, so the corpus stage has clusters to
    find. It is written as JSON Lines shards of ``--shard`` MB (a crawl's usual shape) into
    a temporary folder, deleted afterwards; ``--shard`` at least ``--size`` makes it one file,
    which is read a line at a time like the shards.

How it is measured
    ``python -m cleaner clean CORPUS --format jsonl --drop-duplicates -o OUT`` runs as a
    subprocess, with this repository first on ``PYTHONPATH``. Every ``--poll`` seconds the
    resident set sizes (``VmRSS``) of the child and all its descendants are summed; the
    table shows the largest sum (the whole process tree) and, from ``wait4`` once the
    child has exited, the exact peak of the largest single process; the larger of the two is
    held against the budget (polling can miss a short spike). Throughput is input megabytes
    (10^6 bytes) per wall-clock second.

What it prints
    The corpus and the output for each size, then one row per size: input MB, documents,
    paragraphs, seconds, MB/s, peak tree RSS, largest single process, and the budget. The
    smaller run (an eighth of ``--size``, unless ``--no-small``) is the baseline: the peak
    memory it adds per extra gigabyte of input says how memory grows with the corpus. The
    exit code is 0 when every run stays within the budget (``--budget``, default 2048 MB).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from collections import Counter
from pathlib import Path

import synthetic
from _common import ROOT, print_header, print_row, run_cleaner_cli, with_pythonpath, write_jsonl

MB = 10**6


def write_corpus(folder: Path, size_mb: float, shard_mb: float, seed: int = 7) -> dict:
    """JSON Lines shards of ``synthetic.articles`` in ``folder`` until ``size_mb`` are written."""
    folder.mkdir(parents=True, exist_ok=True)
    totals = Counter(bytes=0, documents=0, paragraphs=0, shards=0)

    def counted(records):
        for record in records:
            totals["paragraphs"] += record["text"].count("\n") + 1
            yield record

    records = counted(synthetic.articles(seed))
    while totals["bytes"] < size_mb * MB:
        totals["shards"] += 1
        limit = min(shard_mb * MB, size_mb * MB - totals["bytes"])
        written, documents = write_jsonl(folder / f"shard-{totals['shards']:05d}.jsonl", records, limit)
        totals.update(bytes=written, documents=documents)
    return dict(totals)


def _corpus(folder: Path, size_mb: float, shard_mb: float) -> dict:
    """The corpus in ``folder``: written, or the one an earlier run kept there (``--keep``)."""
    described = folder / "corpus.json"
    if described.exists():
        return json.loads(described.read_text())
    corpus = write_corpus(folder / "corpus", size_mb, shard_mb)
    described.write_text(json.dumps(corpus))
    return corpus


def measure(command: list[str], poll: float) -> dict:
    """Run ``cleaner COMMAND``; its wall time, exit code, peak tree RSS (polled) and largest process peak."""
    done = run_cleaner_cli(*command, accept=None, poll=poll, env=with_pythonpath(ROOT))
    return {
        "seconds": done.seconds,
        "code": done.code,
        "tree_mb": done.tree_kb * 1024 / MB,
        "process_mb": done.peak_kb * 1024 / MB,
        "stderr": done.stderr,
    }


def run(args: argparse.Namespace) -> list[dict]:
    """One row per corpus size: generate it, clean it with --drop-duplicates, measure."""
    sizes = [args.size] if args.no_small else [args.size / 8, args.size]
    rows = []
    for size in sizes:
        folder = Path(args.keep) / f"corpus-{size:g}MB" if args.keep else Path(tempfile.mkdtemp(prefix="scale-"))
        try:
            corpus = _corpus(folder, size, args.shard)
            output = folder / "out.jsonl"
            command = [
                "clean",
                str(folder / "corpus"),
                "--format",
                "jsonl",
                "--drop-duplicates",
                "--quiet",
                "-o",
                str(output),
            ]
            measured = measure(command, args.poll)
            if measured["code"] != 0:
                print(f"cleaner exited with {measured['code']}: {measured['stderr'][-2000:]}", file=sys.stderr)
            out_mb = output.stat().st_size / MB if output.exists() else 0.0
            print(
                f"corpus: {corpus['bytes'] / MB:,.0f} MB in {corpus['shards']} shard(s), "
                f"{corpus['documents']:,} articles; output {out_mb:,.0f} MB",
                flush=True,
            )
        finally:
            if not args.keep:
                shutil.rmtree(folder, ignore_errors=True)
        rows.append(
            {
                "input_mb": corpus["bytes"] / MB,
                "documents": corpus["documents"],
                "paragraphs": corpus["paragraphs"],
                "budget_mb": args.budget,
                **measured,
            }
        )
    return rows


def print_table(rows: list[dict]) -> None:
    print_header(
        "input MB",
        "documents",
        "paragraphs",
        "seconds",
        "MB/s",
        "peak RSS, process tree (MB)",
        "largest process (MB)",
        "budget (MB)",
        "exit",
    )
    for row in rows:
        print_row(
            f"{row['input_mb']:,.0f}",
            f"{row['documents']:,}",
            f"{row['paragraphs']:,}",
            f"{row['seconds']:,.0f}",
            f"{row['input_mb'] / row['seconds']:.2f}",
            f"{row['tree_mb']:,.0f}",
            f"{row['process_mb']:,.0f}",
            f"{row['budget_mb']:,}",
            str(row["code"]),
        )
    if len(rows) > 1:
        small, large = rows[0], rows[-1]
        growth = (peak_mb(large) - peak_mb(small)) / ((large["input_mb"] - small["input_mb"]) / 1000)
        print(
            f"growth: +{growth:,.0f} MB of peak memory per extra GB of input "
            f"(x{large['input_mb'] / small['input_mb']:.1f} input, x{peak_mb(large) / peak_mb(small):.1f} peak)"
        )


def peak_mb(row: dict) -> float:
    """The peak to hold against the budget: the polled tree, or a single process's exact peak
    when it is higher (polling can miss a short spike)."""
    return max(row["tree_mb"], row["process_mb"])


def verdict(rows: list[dict]) -> bool:
    passed = all(row["code"] == 0 and peak_mb(row) <= row["budget_mb"] for row in rows)
    print(
        f"{'PASS' if passed else 'FAIL'}  peak RSS of the process tree within {rows[-1]['budget_mb']:,} MB "
        f"at {rows[-1]['input_mb']:,.0f} MB of input"
    )
    return passed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=float, default=3000, help="corpus size in MB (default 3000)")
    parser.add_argument("--shard", type=float, default=100, help="MB per JSON Lines shard (default 100)")
    parser.add_argument("--budget", type=int, default=2048, help="peak memory allowed, MB (default 2048)")
    parser.add_argument("--poll", type=float, default=0.2, help="seconds between RSS samples (default 0.2)")
    parser.add_argument("--no-small", action="store_true", help="skip the run at an eighth of the size")
    parser.add_argument("--keep", help="write the corpora into this folder and keep them (a later run reuses them)")
    args = parser.parse_args(argv)
    rows = run(args)
    print_table(rows)
    return 0 if verdict(rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
