"""Run a rule over tables of cases: lines it must flag and lines it must leave alone."""

from __future__ import annotations

import pytest

from cleaner.rules import run_rule
from tests.conftest import document


def flagged(rule, context, text: str, **metadata) -> list[str]:
    """The texts of the lines ``rule`` flags in ``text``."""
    return [f.text for f in run_rule(rule, document(text, **metadata), context)]


def assert_flags(rule, context, line: str) -> None:
    assert flagged(rule, context, line) == [line]


def assert_keeps(rule, context, line: str) -> None:
    assert flagged(rule, context, line) == []


def table(rule, flagged: list[str], kept: list[str]):
    """The two table tests of a rule: every line of ``flagged`` is flagged, no line of ``kept``."""

    @pytest.mark.parametrize("line", flagged)
    def test_flags(line, context):
        assert_flags(rule, context, line)

    @pytest.mark.parametrize("line", kept)
    def test_keeps(line, context):
        assert_keeps(rule, context, line)

    return test_flags, test_keeps
