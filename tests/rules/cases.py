"""Run a rule over tables of cases: lines it must flag and lines it must leave alone."""

from __future__ import annotations

from cleaner.rules import run_rule
from tests.conftest import document


def flagged(rule, context, text: str, **metadata) -> list[str]:
    """The texts of the lines ``rule`` flags in ``text``."""
    return [f.text for f in run_rule(rule, document(text, **metadata), context)]


def assert_flags(rule, context, line: str) -> None:
    assert flagged(rule, context, line) == [line]


def assert_keeps(rule, context, line: str) -> None:
    assert flagged(rule, context, line) == []
