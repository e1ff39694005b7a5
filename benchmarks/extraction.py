"""Article-extraction benchmark: trafilatura alone, trafilatura tuned, trafilatura + cleaner.

Run from anywhere:

    python benchmarks/extraction.py [--data PATH] [--details] [--leftover]

The data (181 news pages with hand-written article bodies) is read from ``--data``, by
default ``../shared/data/aeb`` seen from the repository root; see its README.md for the
layout and the metric. Without the data the script says so in one line and exits 0.

It prints one table with a row per system:

- ``trafilatura``: ``trafilatura.bare_extraction`` as published for this data
  (``include_comments=False``, every other option at its default);
- ``trafilatura favor_precision``: the same with ``favor_precision=True``;
- ``trafilatura, cleaner's two runs``: the text of cleaner's HTML reader before any rule:
  a precision run and a balanced run of trafilatura combined (``cleaner.io.extract``,
  ``cleaner.io.combine``);
- ``trafilatura + cleaner``: the HTML reader (``cleaner.io.formats.read``) and then
  ``clean_document`` with the boilerplate rules (``cleaner clean --no-normalize``);
- ``trafilatura + cleaner, names normalized``: the same with entity names normalized too, as
  ``cleaner clean`` does by default. The metric compares tokens with the page's spelling, so
  it counts each rewritten name ("U.S." as "US") as a miss: this row shows that cost.

Columns: F1, precision and recall of the benchmark's metric (4-token shingles of ``\\w+``
tokens, page-normalised counts, averaged over pages, F1 of the averages), pages per second
(rows 1 and 2 time trafilatura's extraction; row 3 times cleaner's reader with the gzipped
file's reading, and rows 4 and 5 that + cleaning; trafilatura's import is not timed), the number of
output lines that look like boilerplate by this script's own small list of shapes (kept
independent of cleaner's rules), and the number of pages with the page title as a line.
Then the change cleaner brings over trafilatura alone, in F1 and recall.

``--details`` lists every line cleaner removed that is mostly article text by the ground
truth (a wrong removal), with the page id and rule code. ``--leftover`` lists the
boilerplate-looking lines left in cleaner's output, with page ids and their kind.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import trafilatura  # imported here so that its slow import is not timed
from _common import AEB, absent, make_console, rich_table, timed
from extraction_scoring import Tally, ngrams, page_titles, shingles, tokens
from rich.console import Console

from cleaner import clean_document
from cleaner.core.fixes import Outcome
from cleaner.core.model import Document
from cleaner.core.settings import Settings
from cleaner.io.files import Source
from cleaner.io.formats import read
from cleaner.rules import Context, make_context

SYSTEMS = (
    "trafilatura",
    "trafilatura favor_precision",
    "trafilatura, cleaner's two runs",
    "trafilatura + cleaner",
    "trafilatura + cleaner, names normalized",
)
# The share of a removed line's shingles that must be missing article text to call it wrong.
MOSTLY_TRUE = 0.5


@dataclass(frozen=True)
class Page:
    id: str
    path: Path
    truth: str


def run_page(page: Page, contexts: tuple[Context, Context], tallies: dict[str, Tally]) -> list[tuple[str, str]]:
    """Score the systems on one page; return cleaner's wrong removals (code, line).

    cleaner runs twice: with its boilerplate rules, then also normalizing entity names as
    ``cleaner clean`` does by default. The metric compares tokens with the page's own
    spelling, so it counts every normalized name ("U.S." written "US") as a miss.
    """
    data = gzip.decompress(page.path.read_bytes())
    plain, plain_seconds = timed_extraction(data)
    tuned, tuned_seconds = timed_extraction(data, favor_precision=True)

    extract_seconds, items = timed(lambda: list(read(Source(str(page.path), page.path.name, "html"), Settings())))
    original = next((i for i in items if isinstance(i, Document)), None)
    outcomes, clean_seconds = [], []
    for context in contexts:
        seconds, outcome = timed(clean_document, original, context) if original is not None else (0.0, None)
        outcomes.append(outcome)
        clean_seconds.append(seconds)
    outcome = outcomes[0]

    metadata = original.metadata if original is not None else {}
    titles = page_titles(
        data.decode("utf-8", "replace"), metadata.get("title"), tuned.title if tuned is not None else None
    )
    texts = (
        text_of(plain),
        text_of(tuned),
        original.text if original is not None else "",
        *(o.document.text if o is not None else "" for o in outcomes),
    )
    times = (plain_seconds, tuned_seconds, extract_seconds, *(extract_seconds + s for s in clean_seconds))
    for system, text, seconds in zip(SYSTEMS, texts, times):
        tallies[system].add(page.truth, text, seconds, page.id, titles)
    if outcome is None:
        return []
    return wrong_removals(removed_lines(original, outcome), page.truth, texts[3])


def timed_extraction(data: bytes, **options) -> tuple[object, float]:
    """trafilatura's result for a page with comments off and ``options``, and its time."""
    seconds, result = timed(
        trafilatura.bare_extraction, data, include_comments=False, deduplicate=False, with_metadata=True, **options
    )
    return result, seconds


def text_of(result: object) -> str:
    return (getattr(result, "text", None) or "") if result is not None else ""


def removed_lines(original: Document, outcome: Outcome) -> list[tuple[str, int, str]]:
    """(rule code, line number, original line text) of every line cleaner removed."""
    by_number = {line.number: line.text for line in original.lines}
    removed = []
    for finding in outcome.applied:
        edits = finding.fix.edits if finding.fix else ()
        removed += [(finding.code, e.line, by_number[e.line]) for e in edits if e.removes_line]
    return sorted(removed, key=lambda r: r[1])


def wrong_removals(removed: list[tuple[str, int, str]], truth: str, output: str):
    """(code, line) of removed lines whose shingles are mostly in the truth but not the output.

    Counting is by multiset: a line the truth has once and the text twice is wrong to drop
    only if neither copy is left.
    """
    truth_words, output_words = tokens(truth), tokens(output)
    missing: dict[int, Counter] = {}
    wrong = []
    for code, _, line in removed:
        grams = shingles(tokens(line))
        if not grams:
            continue
        size = len(next(iter(grams)))
        if size not in missing:
            missing[size] = ngrams(truth_words, size) - ngrams(output_words, size)
        hits = grams & missing[size]
        if sum(hits.values()) >= MOSTLY_TRUE * sum(grams.values()):
            missing[size] -= hits
            wrong.append((code, line))
    return wrong


def load_pages(data: Path) -> list[Page]:
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    return [
        Page(page_id, data / "html" / f"{page_id}.html.gz", entry.get("articleBody") or "")
        for page_id, entry in sorted(truth.items())
    ]


def print_table(console: Console, tallies: dict[str, Tally]) -> None:
    columns = (
        "system",
        "F1",
        "precision",
        "recall",
        "pages/s",
        "boilerplate-looking lines left",
        "pages with title line",
    )
    table = rich_table(f"Article extraction, {tallies[SYSTEMS[0]].pages} pages", columns, left=("system",))
    for system, tally in tallies.items():
        f1, precision, recall = tally.scores()
        speed = tally.pages / tally.seconds if tally.seconds else 0.0
        table.add_row(
            system,
            f"{f1:.3f}",
            f"{precision:.3f}",
            f"{recall:.3f}",
            f"{speed:.1f}",
            str(len(tally.leftover)),
            str(tally.title_pages),
        )
    console.print(table)
    base = tallies[SYSTEMS[0]].scores()
    for system in SYSTEMS[2:]:
        cleaned = tallies[system].scores()
        console.print(
            f"{system} vs trafilatura alone: F1 {cleaned[0] - base[0]:+.4f}, recall {cleaned[2] - base[2]:+.4f}"
        )


def print_leftover(console: Console, tally: Tally) -> None:
    console.rule("boilerplate-looking lines left in cleaner's output")
    for kind, count in Counter(kind for _, kind, _ in tally.leftover).most_common():
        console.print(f"{count:4d}  {kind}", highlight=False)
    for page, kind, line in tally.leftover:
        console.print(f"{page}  [{kind}]  {line}", markup=False, highlight=False)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=AEB, help="benchmark folder")
    parser.add_argument("--details", action="store_true", help="list wrong removals")
    parser.add_argument("--leftover", action="store_true", help="list boilerplate left")
    args = parser.parse_args(argv)
    if absent(args.data / "ground-truth.json"):
        return 0
    console = make_console(200)
    contexts = (make_context(Settings(select=("B",))), make_context(Settings()))
    tallies = {system: Tally() for system in SYSTEMS}
    wrong: list[tuple[str, str, str]] = []
    for page in load_pages(args.data):
        wrong += [(page.id, code, line) for code, line in run_page(page, contexts, tallies)]
    print_table(console, tallies)
    if args.details:
        console.rule(f"lines cleaner removed that are article text ({len(wrong)})")
        for page_id, code, line in wrong:
            console.print(f"{page_id}  {code}  {line}", markup=False, highlight=False)
    if args.leftover:
        print_leftover(console, tallies[SYSTEMS[3]])
    return 0


if __name__ == "__main__":
    sys.exit(main())
