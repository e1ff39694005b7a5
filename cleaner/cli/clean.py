"""``cleaner clean``: clean articles and write the cleaned text."""

from __future__ import annotations

import argparse
import os
import sys

from cleaner.cli import options


def add_parser(commands) -> None:
    clean = commands.add_parser("clean", help="clean articles and write the cleaned text")
    clean.add_argument("paths", nargs="+", metavar="PATH", help="files, folders, or - for stdin")
    clean.add_argument("-o", "--output", help="output folder (text) or file (jsonl, parquet)")
    clean.add_argument("--format", choices=("text", "jsonl", "parquet"), default="text")
    options.add_input_fields(clean)
    clean.add_argument("--no-normalize", action="store_true", help="leave entity names as they are (no N rules)")
    clean.add_argument(
        "--entities",
        action="append",
        default=[],
        metavar="FILE",
        help="a gazetteer file that adds or replaces entity entries (repeatable)",
    )
    clean.add_argument(
        "--drop-duplicates",
        action="store_true",
        help="remove paragraphs copied from another article, keeping the canonical copy",
    )
    clean.add_argument("--quiet", "-q", action="store_true", help="print errors only")
    options.add_engine_options(clean)
    options.add_config_options(clean)
    clean.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from rich.console import Console

    from cleaner.commands.clean import clean_to, single_document_input
    from cleaner.commands.config import Flags
    from cleaner.entities import GazetteerError
    from cleaner.io.writers import OutputError
    from cleaner.report.progress import progress_bar
    from cleaner.report.summary import print_summary

    if args.format == "text" and args.output is None and not single_document_input(args.paths):
        raise options.UsageError("text output of several documents needs -o FOLDER (or use --format jsonl)")
    if args.format != "text" and args.output and os.path.isdir(args.output):
        raise options.UsageError(f"-o {args.output} is a folder; {args.format} output goes to a file")
    if args.format == "parquet" and args.output is None:
        raise options.UsageError("parquet output needs -o FILE")
    options.one_stdin(args.paths)
    flags = Flags(
        text_field=args.text_field,
        id_field=args.id_field,
        entity_files=tuple(args.entities),
        ignore=("N",) if args.no_normalize else (),
        jobs=args.jobs,
    )
    settings = options.settings_from(flags, args.config)
    console = Console(stderr=True)
    engine = options.engine_from(args)
    try:
        with progress_bar(console, enabled=not args.quiet) as advance:
            summary = clean_to(
                args.paths,
                args.output,
                args.format,
                settings,
                on_file=advance,
                drop_duplicates=args.drop_duplicates,
                engine=engine,
            )
    except (GazetteerError, OutputError) as error:
        raise options.UsageError(str(error)) from error
    if args.quiet:
        for problem in summary.errors:
            print(f"cleaner: {problem}", file=sys.stderr)
    else:
        print_summary(summary, console)
    return options.EXIT_FINDINGS if summary.errors else options.EXIT_OK
