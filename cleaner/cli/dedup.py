"""``cleaner dedup``: duplicate and near-duplicate paragraphs and articles across a corpus."""

from __future__ import annotations

import argparse
import sys

from cleaner.cli import options


def add_parser(commands) -> None:
    dedup = commands.add_parser("dedup", help="find duplicate and near-duplicate paragraphs and articles")
    dedup.add_argument("paths", nargs="+", metavar="PATH", help="files, folders, or - for stdin")
    dedup.add_argument("--output-format", choices=("text", "json"), default="text")
    dedup.add_argument(
        "--threshold",
        type=float,
        help="Jaccard similarity from which two passages are copies (default: [tool.cleaner.dedup] threshold, else 0.5)",
    )
    options.add_input_fields(dedup)
    dedup.add_argument("--entities", action="append", default=[], metavar="FILE", help="a gazetteer file (repeatable)")
    options.add_engine_options(dedup)
    options.add_config_options(dedup)
    dedup.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from rich.console import Console

    from cleaner.commands.config import Flags
    from cleaner.commands.dedup import dedup
    from cleaner.entities import GazetteerError
    from cleaner.report.duplicates import print_tables, write_json

    options.one_stdin(args.paths)
    flags = Flags(
        text_field=args.text_field,
        id_field=args.id_field,
        entity_files=tuple(args.entities),
        jobs=args.jobs,
        threshold=args.threshold,
    )
    settings = options.settings_from(flags, args.config)
    engine = options.engine_from(args)
    try:
        result = dedup(args.paths, settings, engine=engine)
    except GazetteerError as error:
        raise options.UsageError(str(error)) from error
    if args.output_format == "json":
        write_json(result, sys.stdout)
    else:
        print_tables(result, Console(soft_wrap=False))
    for problem in result.errors:
        print(f"cleaner: {problem}", file=sys.stderr)
    stats = result.stats
    print(
        f"{stats['paragraphs']} paragraphs in {stats['documents']} documents: "
        f"{stats['duplicate_paragraphs']} copies in {stats['paragraph_clusters']} clusters; "
        f"{stats['duplicate_documents']} duplicate documents",
        file=sys.stderr,
    )
    return options.EXIT_FINDINGS if result.errors else options.EXIT_OK
