"""``cleaner rule``: the documentation of a rule, or of all."""

from __future__ import annotations

import argparse

from cleaner.cli.options import EXIT_OK, UsageError


def add_parser(commands) -> None:
    rule = commands.add_parser("rule", help="print the documentation of a rule, or of all")
    which = rule.add_mutually_exclusive_group(required=True)
    which.add_argument("code", nargs="?", metavar="CODE", help="a rule code (B001) or name")
    which.add_argument("--all", action="store_true", help="every rule, in code order")
    rule.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
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
