"""What every command line shares: exit codes, the usage error, and the common options."""

from __future__ import annotations

import argparse
import sys
from typing import Any

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """A command line or configuration that cannot be run; exit code 2."""


class Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse exits 2; keep the code, our words
        self.print_usage(sys.stderr)
        raise UsageError(message)


def add_input_fields(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--text-field", help="JSONL field or Parquet column holding the text (default: text)")
    parser.add_argument("--id-field", help="JSONL field or Parquet column holding the id (default: id)")


def add_engine_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--engine", choices=("local", "ray"), default="local", help="where the stages run (default: this process)"
    )
    parser.add_argument(
        "--address",
        metavar="ADDR",
        help="with --engine ray: the Ray cluster (auto, ray://head:10001); default: a local one",
    )


def add_config_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", metavar="FILE", help="a pyproject.toml or cleaner.toml (default: the nearest)")
    parser.add_argument(
        "--jobs", "-j", type=jobs, metavar="N", help="processes to read and clean with (default: one per core)"
    )


def jobs(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number, at least 1, not {value!r}")
    return int(value)


def codes(value: str) -> list[str]:
    return [code.strip() for code in value.split(",") if code.strip()]


def one_stdin(paths: list[str]) -> None:
    if "-" in paths and len(paths) > 1:
        raise UsageError("- (stdin) cannot be combined with other inputs")


def settings_from(flags: Any, config: str | None) -> Any:
    """The run's settings: defaults, the configuration file, then ``flags``."""
    from cleaner.commands.config import ConfigError, resolve

    try:
        return resolve(flags, config)
    except ConfigError as error:
        raise UsageError(str(error)) from error


def engine_from(args: argparse.Namespace) -> Any:
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
