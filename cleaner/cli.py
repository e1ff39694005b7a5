"""The command line: parse arguments, call the library, print, choose the exit code."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Sequence

from cleaner import __version__

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
OUTPUT_FORMATS = ("concise", "full", "json", "jsonl", "github", "sarif")


class UsageError(Exception):
    """A command line or configuration that cannot be run; exit code 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse exits 2 on its own; keep that code but our words
        self.print_usage(sys.stderr)
        raise UsageError(message)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="cleaner", description="Clean and deduplicate news scrapes.")
    parser.add_argument("--version", action="version", version=f"cleaner {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    clean = commands.add_parser("clean", help="clean articles and write the cleaned text")
    clean.add_argument("paths", nargs="+", metavar="PATH", help="files, folders, or - for stdin")
    clean.add_argument("-o", "--output", help="output folder (text) or file (jsonl, parquet)")
    clean.add_argument("--format", choices=("text", "jsonl", "parquet"), default="text")
    clean.add_argument("--text-field", help="JSONL field or Parquet column holding the text (default: text)")
    clean.add_argument("--id-field", help="JSONL field or Parquet column holding the id (default: id)")
    clean.add_argument(
        "--no-normalize", action="store_true", help="leave entity names as they are (no N rules)"
    )
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
    _add_engine_options(clean)
    _add_config_options(clean)
    _add_check_parser(commands)
    rule = commands.add_parser("rule", help="print the documentation of a rule, or of all")
    which = rule.add_mutually_exclusive_group(required=True)
    which.add_argument("code", nargs="?", metavar="CODE", help="a rule code (B001) or name")
    which.add_argument("--all", action="store_true", help="every rule, in code order")

    dedup = commands.add_parser("dedup", help="find duplicate and near-duplicate paragraphs and articles")
    dedup.add_argument("paths", nargs="+", metavar="PATH", help="files, folders, or - for stdin")
    dedup.add_argument("--output-format", choices=("text", "json"), default="text")
    dedup.add_argument(
        "--threshold", type=float, help="Jaccard similarity from which two passages are copies (default 0.5)"
    )
    dedup.add_argument("--text-field", help="JSONL field or Parquet column holding the text (default: text)")
    dedup.add_argument("--id-field", help="JSONL field or Parquet column holding the id (default: id)")
    _add_engine_options(dedup)

    entities = commands.add_parser(
        "entities", help="run the examples of the gazetteer's entries (the default's and yours)"
    )
    entities.add_argument(
        "--entities", action="append", default=[], metavar="FILE", help="your gazetteer file"
    )
    return parser


def _add_engine_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--engine", choices=("local", "ray"), default="local", help="where the stages run (default: this process)"
    )
    parser.add_argument(
        "--address", metavar="ADDR", help="with --engine ray: the Ray cluster (auto, ray://head:10001); default: a local one"
    )


def _engine(args: argparse.Namespace):
    """The engine the flags ask for: None for this process."""
    if args.engine == "local":
        if args.address is not None:
            raise UsageError("--address needs --engine ray")
        return None
    from cleaner.engines.ray import EngineUnavailable, RayEngine

    try:
        return RayEngine.connect(args.address)
    except EngineUnavailable as error:
        raise UsageError(str(error)) from error


def _add_config_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--config", metavar="FILE", help="a pyproject.toml or cleaner.toml (default: the nearest)"
    )
    parser.add_argument(
        "--jobs", "-j", type=_jobs, metavar="N", help="processes to read and clean with (default: one per core)"
    )


def _jobs(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number, at least 1, not {value!r}")
    return int(value)


def _codes(value: str) -> list[str]:
    return [code.strip() for code in value.split(",") if code.strip()]


def _add_check_parser(commands) -> None:
    check = commands.add_parser("check", help="report findings in a corpus, and fix them in place")
    check.add_argument(
        "paths", nargs="*", metavar="PATH", help="files, folders or -; default: the include globs"
    )
    check.add_argument("--fix", action="store_true", help="apply the safe fixes in place")
    check.add_argument("--unsafe-fixes", action="store_true", help="apply unsafe fixes too")
    check.add_argument(
        "--diff", action="store_true", help="print the fixes as a diff, write nothing"
    )
    for flag, help_text in (
        ("--select", "rule codes or prefixes to check (replaces the configured selection)"),
        ("--extend-select", "rule codes or prefixes to check as well"),
        ("--ignore", "rule codes or prefixes not to check"),
    ):
        check.add_argument(flag, type=_codes, action="extend", metavar="CODES", help=help_text)
    check.add_argument("--output-format", choices=OUTPUT_FORMATS, default="concise")
    check.add_argument("--statistics", action="store_true", help="count findings per rule")
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even when findings remain")
    check.add_argument(
        "--exit-non-zero-on-fix", action="store_true", help="exit 1 when anything was fixed"
    )
    check.add_argument("--text-field", help="JSONL field or Parquet column holding the text (default: text)")
    check.add_argument("--id-field", help="JSONL field or Parquet column holding the id (default: id)")
    check.add_argument(
        "--entities", action="append", default=[], metavar="FILE", help="a gazetteer file"
    )
    check.add_argument("--quiet", "-q", action="store_true", help="print findings and errors only")
    cache = check.add_mutually_exclusive_group()
    cache.add_argument(
        "--cache-dir", metavar="DIR", help="where the corpus index lives (default: .cleaner_cache in the project root)"
    )
    cache.add_argument(
        "--no-cache", action="store_true", help="keep no corpus index: read every file, index in memory"
    )
    _add_config_options(check)


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
        if args.command == "check":
            from cleaner.cli_check import run_check

            return run_check(args)
        run = {"entities": _run_entities, "dedup": _run_dedup, "rule": _run_rule}
        return run.get(args.command, _run_clean)(args)
    except UsageError as error:
        print(f"cleaner: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("cleaner: interrupted", file=sys.stderr)
        return 130


def _run_clean(args: argparse.Namespace) -> int:
    from rich.console import Console

    from cleaner.api import clean_to, single_document_input
    from cleaner.config import ConfigError, Flags, resolve
    from cleaner.entities import GazetteerError
    from cleaner.report.progress import progress_bar
    from cleaner.report.summary import print_summary
    from cleaner.writers import OutputError

    if args.format == "text" and args.output is None and not single_document_input(args.paths):
        raise UsageError("text output of several documents needs -o FOLDER (or use --format jsonl)")
    if args.format != "text" and args.output and os.path.isdir(args.output):
        raise UsageError(f"-o {args.output} is a folder; {args.format} output goes to a file")
    if args.format == "parquet" and args.output is None:
        raise UsageError("parquet output needs -o FILE")
    if "-" in args.paths and len(args.paths) > 1:
        raise UsageError("- (stdin) cannot be combined with other inputs")
    flags = Flags(
        text_field=args.text_field,
        id_field=args.id_field,
        entity_files=tuple(args.entities),
        ignore=("N",) if args.no_normalize else (),
        jobs=args.jobs,
    )
    try:
        settings = resolve(flags, args.config)
    except ConfigError as error:
        raise UsageError(str(error)) from error
    console = Console(stderr=True)
    engine = _engine(args)
    try:
        with progress_bar(console, enabled=not args.quiet) as advance:
            summary = clean_to(
                args.paths, args.output, args.format, settings, on_file=advance,
                drop_duplicates=args.drop_duplicates, engine=engine,
            )
    except (GazetteerError, OutputError) as error:
        raise UsageError(str(error)) from error
    if args.quiet:
        for error in summary.errors:
            print(f"cleaner: {error}", file=sys.stderr)
    else:
        print_summary(summary, console)
    return EXIT_FINDINGS if summary.errors else EXIT_OK


def _run_rule(args: argparse.Namespace) -> int:
    from cleaner.report.rule_docs import render
    from cleaner.rules import all_rules

    if args.all:
        print("\n".join(render(rule) for rule in all_rules()), end="")
        return EXIT_OK
    chosen = [r for r in all_rules() if args.code in (r.CODE, r.NAME)]
    if not chosen:
        raise UsageError(f"unknown rule {args.code!r} (cleaner rule --all lists every rule)")
    print(render(chosen[0]), end="")
    return EXIT_OK


def _run_dedup(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from rich.console import Console

    from cleaner.api import dedup
    from cleaner.entities import GazetteerError
    from cleaner.report.duplicates import print_tables, write_json
    from cleaner.settings import Settings

    if "-" in args.paths and len(args.paths) > 1:
        raise UsageError("- (stdin) cannot be combined with other inputs")
    settings = Settings().merged(text_field=args.text_field, id_field=args.id_field)
    if args.threshold is not None:
        try:
            settings = settings.merged(dedup=replace(settings.dedup, threshold=args.threshold))
        except ValueError as error:
            raise UsageError(str(error)) from error
    engine = _engine(args)
    try:
        result = dedup(args.paths, settings, engine=engine)
    except GazetteerError as error:
        raise UsageError(str(error)) from error
    if args.output_format == "json":
        write_json(result, sys.stdout)
    else:
        print_tables(result, Console(soft_wrap=False))
    for error in result.errors:
        print(f"cleaner: {error}", file=sys.stderr)
    stats = result.stats
    print(
        f"{stats['paragraphs']} paragraphs in {stats['documents']} documents: "
        f"{stats['duplicate_paragraphs']} copies in {stats['paragraph_clusters']} clusters; "
        f"{stats['duplicate_documents']} duplicate documents",
        file=sys.stderr,
    )
    return EXIT_FINDINGS if result.errors else EXIT_OK


def _run_entities(args: argparse.Namespace) -> int:
    from cleaner.api import run_gazetteer_examples
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
