"""cleaner rule prints each rule's docstring, its tested examples shown as examples."""

from __future__ import annotations

import pytest

from cleaner.cli import main
from cleaner.rules import RULES, byline, duplicate_paragraph


def test_one_rule_by_code_or_name(capsys):
    assert main(["rule", "B001"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("## byline (B001)\n") and "### Fix safety" in out
    assert "Okay:" not in out and "B001: Markets" not in out
    assert "Left alone:\n- By 2020, the plan had doubled the city's budget.\n" in out
    assert "Flagged as B001:\n- Markets | By Rosalie Gross\n" in out
    assert main(["rule", byline.NAME]) == 0 and capsys.readouterr().out == out


def test_multi_paragraph_examples_are_indented(capsys):
    assert main(["rule", "B004"]) == 0
    assert "- The river rose overnight.\n  Volunteers fill sandbags\n" in capsys.readouterr().out


def test_all_rules(capsys):
    assert main(["rule", "--all"]) == 0
    out = capsys.readouterr().out
    assert [line for line in out.splitlines() if line.startswith("## ")] == [
        f"## {r.NAME} ({r.CODE})" for r in sorted(RULES + (duplicate_paragraph,), key=lambda r: r.CODE)
    ]  # the corpus rule too


@pytest.mark.parametrize("argv", [["rule", "B777"], ["rule"], ["rule", "B001", "--all"]])
def test_bad_rule_arguments_exit_2(argv, capsys):
    assert main(argv) == 2
    assert "error" in capsys.readouterr().err
