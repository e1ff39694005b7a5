"""How fast is the cleaning stage? Articles per second on one core, next to a naive baseline.

Run it from the repository (with the project installed, e.g. the development virtualenv)::

    python benchmarks/speed.py                  # 5000 articles
    python benchmarks/speed.py --articles 20000
    python benchmarks/speed.py --repeat 5

What is measured
    The cleaning stage only: ``cleaner.clean_document`` (every selected rule, then the
    fixes, pass after pass until the document is stable) on documents already in memory. No
    file is read or written and no output is serialised while the clock runs.

The articles
    ``seeds/*.txt`` of the repository (real scraped articles with their boilerplate), cycled
    until there are ``--articles`` of them. Every copy is varied: numbers are shifted (dates
    and times keep their shape) and capitalised words such as names get a suffix that depends
    on the copy (a line without one gets its last plain word tagged), so no two articles are
    the same text. The words of the data files (``cleaner/data/*.toml``: phrase lists,
    gazetteers), months and weekdays are left alone, so lines made only of them (boilerplate
    such as "ADVERTISEMENT") repeat, as they do on a real site, and every copy keeps the
    seed's boilerplate: the script checks that each copy of the warm-up gets the same fixes,
    on the same lines, by the same rules, as its seed, and says so on the "workload" line.

The baseline
    The usual glue-code cleaner: ten compiled line regexes ("By ...", "Published ...",
    "Advertisement", "Read more: ...", "©", ...) tried on every line, a line dropped when one
    matches. It is given the same articles, already split into paragraphs, as the documents
    ``clean_document`` gets. It records nothing about what it removed.

How
    One process, pinned to one CPU where the OS allows it (``os.sched_setaffinity``). A
    warm-up first, then ``--repeat`` timed passes (default 3) with ``time.perf_counter``;
    the best pass counts. Each pass (and the warm-up) cleans copies of its own, never seen
    before in the process, so a cache can help within an article but never by remembering
    an earlier pass; each cleaner row gets its own copies of the batches. The garbage
    collector stays on, as in a real run, but the prebuilt batches are frozen out of its
    rounds while the clock runs: a real run streams and never holds the corpus.

What it prints
    The setup (seeds, articles and paragraphs, the workload check, how it was timed, Python,
    which ``cleaner`` package was imported), then a table with one row per system (the
    baseline, cleaner with every rule as ``cleaner clean`` runs, and cleaner with the
    boilerplate rules alone):
    articles/s, ms per article, paragraphs/s, and the time relative to the baseline. Then
    the target line, "target: 2,000 articles/s per core", and PASS or FAIL for cleaner with
    every rule. The
    exit code is 0 on PASS and 1 on FAIL.

    To compare two versions of the package, put the other one first on the path:
    ``PYTHONPATH=/path/to/other/tree python benchmarks/speed.py`` (the "cleaner:" line
    shows which one ran).
"""

from __future__ import annotations

import argparse
import gc
import platform
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from _common import pin_to_one_cpu, timed
from speed_articles import SEEDS, build_documents, seed_texts

import cleaner
from cleaner import clean_document
from cleaner.core.model import Document
from cleaner.core.settings import Settings
from cleaner.rules import make_context

TARGET = 2_000  # articles per second on one core
WARM_UP = 300  # articles cleaned (and checked) before the clock starts


# -- the baseline: a "regex file" -----------------------------------------------------------

BASELINE_PATTERNS = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"^\s*(?:written |reporting |editing )?by\s+[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3}\b",
        r"^\s*(?:published|updated|posted|last updated)\s*:?\s",
        r"^\s*(?:advertisement|sponsored(?: content)?|story continues below advertisement)\s*$",
        r"^\s*(?:read more|more news|related|see also|also read|you may also like)\b\s*[:|»-]?",
        r"^\s*(?:like this|share this|loading\.*|share on \w+)\s*:?",
        r"^\s*(?:facebook|twitter|whatsapp|email|linkedin)"
        r"(?:\s+(?:facebook|twitter|whatsapp|email|linkedin))+\s*$",
        r"^\s*(?:sign up|subscribe|join our|get our)\b.{0,80}"
        r"\b(?:newsletter|inbox|email|updates)\b",
        r"^\s*(?:©|\(c\)|copyright)\s*\d{4}",
        r"all rights reserved\.?\s*$",
        r"^\s*\(?(?:photo|image|picture|credit)s?\s*(?::|by\b)",
    )
]


def baseline_clean(lines: Sequence[str]) -> list[str]:
    """The glue-code cleaner: drop every line that one of the patterns matches."""
    return [line for line in lines if not any(p.search(line) for p in BASELINE_PATTERNS)]


# -- timing ---------------------------------------------------------------------------------


def each(clean: Callable[[object], object], batch: Sequence) -> None:
    """Clean every article and drop the result, as a streaming run writes and forgets it."""
    for item in batch:
        clean(item)


def best_time(clean: Callable[[Sequence], object], batches: list[Sequence]) -> float:
    """The fastest of the timed calls ``clean(batch)``, one per batch, in seconds."""
    times = []
    for batch in batches:
        # The batches are built before timing, and a real run streams: it never holds the
        # corpus. Frozen, they are left out of the collector's rounds, as a streamed corpus is.
        gc.collect()
        gc.freeze()
        times.append(timed(clean, batch)[0])
        gc.unfreeze()
    return min(times)


def check_workload(seeds: list[Document], copies: list[Document], context) -> str:
    """Whether every copy gets the same fixes, on the same lines, by the same rules, as its seed."""

    def fixed(document: Document) -> list[tuple[int, str]]:
        return sorted((f.line, f.code) for f in clean_document(document, context).applied)

    expected = [fixed(seed) for seed in seeds]
    odd = [c.id for i, c in enumerate(copies) if fixed(c) != expected[i % len(seeds)]]
    if odd:
        return f"WARNING: {len(odd)} copies are fixed unlike their seed, e.g. {odd[0]}"
    per_seed = ", ".join(str(len(found)) for found in expected)
    return f"every copy is fixed like its seed ({per_seed} fixes per seed)"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=5000, help="articles (default 5000)")
    parser.add_argument("--repeat", type=int, default=3, help="timed passes; best counts")
    args = parser.parse_args(argv)
    if args.articles < 1 or args.repeat < 1:
        parser.error("--articles and --repeat must be at least 1")

    pinned = pin_to_one_cpu()
    seeds = seed_texts()
    context = make_context(Settings())
    boilerplate_only = make_context(Settings(select=("B",)))
    # One batch of articles per timed pass, each of other copies than the rest, so that no
    # pass finds what an earlier one left in a cache; the same seeds in the same order, so
    # every batch has as many paragraphs.
    copies_per_batch = args.articles // len(seeds) + 1

    def make_batches() -> list[list[Document]]:
        """The timed batches, as new objects: one system's work never serves another's."""
        return [build_documents(seeds, args.articles, first_copy=1 + i * copies_per_batch) for i in range(args.repeat)]

    batches = make_batches()
    paragraphs = sum(len(d.lines) for d in batches[0])
    line_batches = [[tuple(line.text for line in d.lines) for d in batch] for batch in batches]

    # the warm-up, on copies of its own; it also checks that they keep the seeds' boilerplate
    warm_up = build_documents(seeds, WARM_UP, first_copy=1 + args.repeat * copies_per_batch)
    workload = check_workload(build_documents(seeds, len(seeds)), warm_up, context)
    for document in warm_up:
        baseline_clean(tuple(line.text for line in document.lines))

    systems: dict[str, tuple[Callable[[Sequence], object], list[Sequence]]] = {
        "regex file (baseline)": (
            lambda batch: each(baseline_clean, batch),
            line_batches,
        ),
        "cleaner clean_document": (
            lambda batch: each(lambda d: clean_document(d, context), batch),
            batches,
        ),
        "cleaner, B rules only": (
            lambda batch: each(lambda d: clean_document(d, boilerplate_only), batch),
            make_batches(),
        ),
    }
    seconds = {name: best_time(clean, runs) for name, (clean, runs) in systems.items()}

    per_article = paragraphs / args.articles
    python = f"{platform.python_implementation()} {platform.python_version()}"
    print(f"seeds:      {', '.join(name for name, _ in seeds)} ({SEEDS})")
    print(f"articles:   {args.articles:,} ({paragraphs:,} paragraphs, {per_article:.1f} each)")
    print(f"workload:   {workload}")
    print(f"timing:     best of {args.repeat} passes, each on other copies, after a warm-up")
    print(f"            one process, {pinned}")
    print(f"python:     {python} on {platform.machine()}")
    print(f"cleaner:    {Path(cleaner.__file__).parent}")
    print()
    header = f"{'system':<24} {'articles/s':>12} {'ms/article':>11} {'paragraphs/s':>13} {'vs baseline':>12}"
    print(header)
    print("-" * len(header))
    base = seconds["regex file (baseline)"]
    for name, elapsed in seconds.items():
        print(
            f"{name:<24} {args.articles / elapsed:>12,.0f} {elapsed / args.articles * 1000:>11.3f}"
            f" {paragraphs / elapsed:>13,.0f} {elapsed / base:>11.1f}x"
        )
    rate = args.articles / seconds["cleaner clean_document"]
    verdict = "PASS" if rate >= TARGET else "FAIL"
    print()
    print(f"target: {TARGET:,} articles/s per core")
    print(f"{verdict}: cleaner cleans {rate:,.0f} articles/s on one core")
    return 0 if verdict == "PASS" else 1


if __name__ == "__main__":
    sys.exit(main())
