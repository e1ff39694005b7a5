"""The ``check`` command line: settings from the flags, the run, what is printed, the exit code.

stdout carries the findings (or the diff, or the statistics); the summary, errors and the
progress display go to stderr.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from typing import TextIO

from cleaner.cli import options
from cleaner.core.mode import Mode

OUTPUT_FORMATS = ("concise", "full", "json", "jsonl", "github", "sarif")
MACHINE_FORMATS = ("json", "jsonl", "github", "sarif")


def add_parser(commands) -> None:
    check = commands.add_parser("check", help="report findings in a corpus, and fix them in place")
    check.add_argument("paths", nargs="*", metavar="PATH", help="files, folders or -; default: the include globs")
    check.add_argument("--fix", action="store_true", help="apply the safe fixes in place")
    check.add_argument("--unsafe-fixes", action="store_true", help="apply unsafe fixes too")
    check.add_argument("--diff", action="store_true", help="print the fixes as a diff, write nothing")
    for flag, help_text in (
        ("--select", "rule codes or prefixes to check (replaces the configured selection)"),
        ("--extend-select", "rule codes or prefixes to check as well"),
        ("--ignore", "rule codes or prefixes not to check"),
    ):
        check.add_argument(flag, type=options.codes, action="extend", metavar="CODES", help=help_text)
    check.add_argument("--output-format", choices=OUTPUT_FORMATS, default="concise")
    check.add_argument("--statistics", action="store_true", help="count findings per rule")
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even when findings remain")
    check.add_argument("--exit-non-zero-on-fix", action="store_true", help="exit 1 when anything was fixed")
    options.add_input_fields(check)
    check.add_argument("--entities", action="append", default=[], metavar="FILE", help="a gazetteer file")
    check.add_argument("--quiet", "-q", action="store_true", help="print findings and errors only")
    cache = check.add_mutually_exclusive_group()
    cache.add_argument(
        "--cache-dir", metavar="DIR", help="where the corpus index lives (default: .cleaner_cache in the project root)"
    )
    cache.add_argument("--no-cache", action="store_true", help="keep no corpus index: read every file, index in memory")
    options.add_config_options(check)
    check.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from cleaner.commands.check import check
    from cleaner.commands.config import Flags
    from cleaner.entities import GazetteerError
    from cleaner.report.progress import stderr_progress

    if args.fix and args.diff:
        raise options.UsageError("--fix and --diff cannot be combined (--diff writes nothing)")
    options.one_stdin(args.paths)
    flags = Flags(
        select=args.select,
        extend_select=args.extend_select or (),
        ignore=args.ignore or (),
        entity_files=tuple(args.entities),
        text_field=args.text_field,
        id_field=args.id_field,
        unsafe_fixes=args.unsafe_fixes,
        jobs=args.jobs,
    )
    settings = options.settings_from(flags, args.config)
    if not args.paths and not settings.include:
        raise options.UsageError("no PATH given and no include globs configured in [tool.cleaner]")
    mode = Mode.FIX if args.fix else Mode.DIFF if args.diff else Mode.CHECK
    shows_progress = not args.quiet and args.output_format not in MACHINE_FORMATS
    try:
        with stderr_progress(enabled=shows_progress) as advance:
            cache = None if args.no_cache else args.cache_dir or ""
            result = check(args.paths, settings, mode, on_file=advance, cache=cache)
    except GazetteerError as error:
        raise options.UsageError(str(error)) from error
    _print_results(args, result, settings, sys.stdout)
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    for problem in result.errors:
        print(f"error: {problem}", file=sys.stderr)
    if not args.quiet:
        for report in result.files:
            if report.note:
                print(f"note: {report.path}: not fixed: {report.note}", file=sys.stderr)
        print(summary_line(result, mode), file=sys.stderr)
    return exit_code(args, result, mode)


def _print_results(args: argparse.Namespace, result, settings, stream: TextIO) -> None:
    from cleaner.report import findings, sarif
    from cleaner.rules import selected_rules

    diagnostics = result.diagnostics
    if args.diff:
        for report in result.files:
            if report.changed:
                stream.writelines(unified_diff(report.path, report.before, report.after))
    elif args.statistics:
        findings.write_statistics(diagnostics, args.output_format in ("json", "jsonl"), stream)
    elif args.output_format == "sarif":
        sarif.write(diagnostics, selected_rules(settings), stream)
    else:
        findings.write(diagnostics, args.output_format, stream)


def unified_diff(path: str, before: str, after: str) -> list[str]:
    lines = list(
        difflib.unified_diff(
            before.splitlines(keepends=True),
            after.splitlines(keepends=True),
            fromfile=f"a/{path}",
            tofile=f"b/{path}",
        )
    )
    return [line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines]


def summary_line(result, mode: Mode) -> str:
    """One line on what was found, fixed and left, and what could not be read."""
    diagnostics = result.diagnostics
    fixed = sum(d.fixed for d in diagnostics)
    left = [d for d in diagnostics if not d.fixed]
    changed = sum(report.changed for report in result.files)
    parts = []
    if mode is Mode.DIFF:
        parts.append(f"Would fix {fixed} finding(s) in {changed} file(s); {len(left)} would remain.")
    elif mode is Mode.FIX:
        parts.append(
            f"Found {fixed + len(left)} finding(s) ({fixed} fixed, {len(left)} remaining) in {len(result.files)} file(s)."
        )
    elif left:
        parts.append(f"Found {len(left)} finding(s) in {len(result.files)} file(s).")
        safe = sum(d.fixable and d.safe for d in left)
        unsafe = sum(d.fixable and not d.safe for d in left)
        if safe:
            parts.append(f"[*] {safe} fixable with `cleaner check --fix`.")
        if unsafe:
            parts.append(f"{unsafe} more fixable with --unsafe-fixes.")
    elif result.errors:
        parts.append(f"No findings in {len(result.files)} file(s).")
    else:
        parts.append(f"All checks passed: {len(result.files)} file(s).")
    if result.skipped:
        parts.append(f"{result.skipped} named file(s) left out by include/exclude.")
    if result.errors:
        parts.append(f"{len(result.errors)} input(s) could not be read.")
    return " ".join(parts)


def exit_code(args: argparse.Namespace, result, mode: Mode) -> int:
    """1 for unreadable inputs; for findings left (or, with --diff, changes to make) unless
    --exit-zero; for fixes made with --exit-non-zero-on-fix; else 0."""
    if result.errors:
        return options.EXIT_FINDINGS
    diagnostics = result.diagnostics
    if mode is Mode.DIFF:
        failing = any(report.changed for report in result.files)
    else:
        failing = any(not d.fixed for d in diagnostics)
    if failing and not args.exit_zero:
        return options.EXIT_FINDINGS
    if args.exit_non_zero_on_fix and any(d.fixed for d in diagnostics):
        return options.EXIT_FINDINGS
    return options.EXIT_OK
