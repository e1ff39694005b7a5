"""The command line: argument parsing, printing and exit codes over :mod:`cleaner.commands`."""

from cleaner.cli.main import main

__all__ = ["main"]
