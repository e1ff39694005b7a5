"""Article-extraction benchmark: trafilatura alone, trafilatura tuned, trafilatura + cleaner,
on both public data sets side by side.

Run from anywhere:

    python benchmarks/extraction.py [--sets aeb,wcxb-dev] [--limit N] [--repeat N] [--worst N]
                                    [--details] [--leftover]

The data sets are read in place from ``../shared/data/NAME`` seen from the repository root
(``--data-root`` for another folder); see each one's README.md for its layout and metric.
``aeb`` holds 181 news pages with hand-written article bodies; ``wcxb-dev`` 793 article pages
of WCXB's development split (WCXB, Murrough Foley, 2026; CC-BY-4.0: credit it wherever its
figures are shown). A set that is absent is skipped with one line; the others are reported.

Rows (``extraction_systems``):

- ``trafilatura``: ``trafilatura.extract(html, include_comments=False)``, as published for
  both sets;
- ``trafilatura favor_precision``: the same with ``favor_precision=True``;
- ``cleaner's two runs, no rules``: the text of cleaner's HTML reader (``cleaner.io.formats.read``)
  before any rule: a precision run and a balanced run of trafilatura combined;
- ``cleaner``: that reader, then ``clean_document`` with every rule but the N rules, which
  rewrite entity names: both metrics compare tokens with the page's spelling, so each
  rewritten name ("U.S." as "US") would count as a miss;
- ``cleaner, names normalized``: the same with every rule, as ``cleaner clean`` runs; it
  shows that cost.

Columns, per set: F1, precision and recall of the set's own metric (``extraction_scoring``);
for wcxb-dev the shares of ``with`` and ``without`` snippets found; the pages whose F1 is
below trafilatura's by more than 0.2 and by more than 0.02; seconds per page on one core
(the process pinned to one CPU; only the extraction and cleaning of each page timed, with
cleaner's reader reading and gunzipping its file; the best of ``--repeat`` passes, after one
untimed page) and the ratio to trafilatura's.

Then, for each of cleaner's rules, the lines it removed in the ``cleaner`` row and how many of
them are article text by the truth (``extraction_rules``), with the rules above 2%; the
boilerplate-looking lines each system leaves by this script's own shapes, independent of
cleaner's rules (``extraction_shapes``; wcxb-dev's truth may include the page title); and with
``--worst N`` the N pages of each set where cleaner loses most F1 against trafilatura, with
what the reader recorded of its extraction (ids and figures only, never page text).

``--details`` lists every line cleaner removed that is article text by the truth, with page
id and rule code; ``--leftover`` the boilerplate-looking lines left in cleaner's output.
Both print page text: read them, do not paste them into the project.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from _common import DATA, absent, make_console, pin_to_one_cpu
from extraction_data import SETS, DataSet
from extraction_report import print_leftover, print_lines, print_losses, print_rules, print_systems
from extraction_results import SetResult
from extraction_systems import CLEANER, Systems


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sets", default=",".join(SETS), help=f"data sets, comma-separated (default: {','.join(SETS)})"
    )
    parser.add_argument("--data-root", type=Path, default=DATA, help="folder that holds the data sets")
    parser.add_argument("--limit", type=int, default=0, help="the first N pages of each set (default: all)")
    parser.add_argument("--repeat", type=int, default=1, help="timed passes; the best counts (default: 1)")
    parser.add_argument("--worst", type=int, default=0, help="list the N pages where cleaner loses most F1")
    parser.add_argument("--details", action="store_true", help="list the removed lines that are article text")
    parser.add_argument("--leftover", action="store_true", help="list boilerplate left in cleaner's output")
    args = parser.parse_args(argv)
    unknown = sorted(set(args.sets.split(",")) - set(SETS))
    if unknown:
        parser.error(f"unknown data set(s): {', '.join(unknown)}; known: {', '.join(SETS)}")
    if args.repeat < 1 or args.limit < 0 or args.worst < 0:
        parser.error("--repeat must be at least 1, --limit and --worst at least 0")
    return args


def measure(data_set: DataSet, args: argparse.Namespace, systems: Systems) -> SetResult:
    """Every system on every page of ``data_set``, ``--repeat`` passes; the first is scored."""
    pages = data_set.pages(args.data_root, args.limit or None)
    result = SetResult(data_set, len(pages))
    if pages:
        # untimed: the first call of each system pays for lazy imports and caches being filled
        systems.run(pages[0])
    for number in range(args.repeat):
        for page in pages:
            result.add(page, systems.run(page), number)
    return result


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    chosen = [SETS[name] for name in dict.fromkeys(args.sets.split(","))]
    present = [s for s in chosen if not absent(s.truth_file(args.data_root), f"extraction ({s.name}): ")]
    if not present:
        return 0
    pinned = pin_to_one_cpu()
    systems = Systems()
    started = time.perf_counter()
    results = [measure(data_set, args, systems) for data_set in present]
    console = make_console(240)
    print_systems(console, results, f"{pinned}, best of {args.repeat} pass(es)")
    print_rules(console, results, {rule.CODE: rule.NAME for rule in systems.contexts[CLEANER].rules})
    print_leftover(console, results)
    for result in results:
        if args.worst:
            print_losses(console, result, args.worst)
        if args.details:
            print_lines(console, f"{result.data_set.name}: removed lines that are article text", result.rules.wrong)
        if args.leftover:
            print_lines(console, f"{result.data_set.name}: boilerplate left", result.rows[CLEANER].leftover.lines)
    console.print(f"{sum(r.pages for r in results)} pages in {time.perf_counter() - started:.0f} s", highlight=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
