"""The ``check`` command line: settings from the flags, the run, what is printed, the exit code.

stdout carries the findings (or the diff, or the statistics); the summary, errors and the
progress display go to stderr.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from typing import TextIO

from cleaner.cli import EXIT_FINDINGS, EXIT_OK, UsageError

MACHINE_FORMATS = ("json", "jsonl", "github", "sarif")


def run_check(args: argparse.Namespace) -> int:
    from cleaner.api import check
    from cleaner.config import ConfigError, Flags, resolve
    from cleaner.entities import GazetteerError
    from cleaner.report.progress import stderr_progress

    if args.fix and args.diff:
        raise UsageError("--fix and --diff cannot be combined (--diff writes nothing)")
    if "-" in args.paths and len(args.paths) > 1:
        raise UsageError("- (stdin) cannot be combined with other inputs")
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
    try:
        settings = resolve(flags, args.config)
    except ConfigError as error:
        raise UsageError(str(error)) from error
    if not args.paths and not settings.include:
        raise UsageError("no PATH given and no include globs configured in [tool.cleaner]")
    mode = "fix" if args.fix else "diff" if args.diff else "check"
    shows_progress = not args.quiet and args.output_format not in MACHINE_FORMATS
    try:
        with stderr_progress(enabled=shows_progress) as advance:
            cache = None if args.no_cache else args.cache_dir or ""
            result = check(args.paths, settings, mode, on_file=advance, cache=cache)
    except GazetteerError as error:
        raise UsageError(str(error)) from error
    _print_results(args, result, settings, sys.stdout)
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    for error in result.errors:
        print(f"error: {error}", file=sys.stderr)
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
    return [
        line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines
    ]


def summary_line(result, mode: str) -> str:
    """One line on what was found, fixed and left, and what could not be read."""
    diagnostics = result.diagnostics
    fixed = sum(d.fixed for d in diagnostics)
    left = [d for d in diagnostics if not d.fixed]
    changed = sum(report.changed for report in result.files)
    parts = []
    if mode == "diff":
        parts.append(
            f"Would fix {fixed} finding(s) in {changed} file(s); {len(left)} would remain."
        )
    elif mode == "fix":
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


def exit_code(args: argparse.Namespace, result, mode: str) -> int:
    """1 for unreadable inputs; for findings left (or, with --diff, changes to make) unless
    --exit-zero; for fixes made with --exit-non-zero-on-fix; else 0."""
    if result.errors:
        return EXIT_FINDINGS
    diagnostics = result.diagnostics
    if mode == "diff":
        failing = any(report.changed for report in result.files)
    else:
        failing = any(not d.fixed for d in diagnostics)
    if failing and not args.exit_zero:
        return EXIT_FINDINGS
    if args.exit_non_zero_on_fix and any(d.fixed for d in diagnostics):
        return EXIT_FINDINGS
    return EXIT_OK
