"""The command line: parse arguments, hand each command to its module, catch usage errors."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from cleaner.cli import check, clean, dedup, entities, rule
from cleaner.cli.options import EXIT_USAGE, Parser, UsageError
from cleaner.core.version import __version__

COMMANDS = (clean, check, rule, dedup, entities)


def build_parser() -> Parser:
    parser = Parser(prog="cleaner", description="Clean and deduplicate news scrapes.")
    parser.add_argument("--version", action="version", version=f"cleaner {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=Parser)
    for command in COMMANDS:
        command.add_parser(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
        return args.run(args)
    except UsageError as error:
        print(f"cleaner: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("cleaner: interrupted", file=sys.stderr)
        return 130
