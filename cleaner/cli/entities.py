"""``cleaner entities``: run the examples of the gazetteer's entries."""

from __future__ import annotations

import argparse

from cleaner.cli.options import EXIT_FINDINGS, EXIT_OK, UsageError


def add_parser(commands) -> None:
    entities = commands.add_parser(
        "entities", help="run the examples of the gazetteer's entries (the default's and yours)"
    )
    entities.add_argument("--entities", action="append", default=[], metavar="FILE", help="your gazetteer file")
    entities.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from cleaner.commands.entities import run_gazetteer_examples
    from cleaner.entities import GazetteerError

    try:
        results = run_gazetteer_examples(args.entities)
    except GazetteerError as error:
        raise UsageError(str(error)) from error
    failed = [r for r in results if not r.passed]
    for result in failed:
        print(f"FAIL {result.canonical}: {result.text!r}")
        print(f"  expected {result.expected!r}")
        print(f"  got      {result.actual!r}")
    print(f"{len(results)} examples, {len(failed)} failed")
    return EXIT_FINDINGS if failed else EXIT_OK
