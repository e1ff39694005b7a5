"""The README documents what the command line offers."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from cleaner.cli.main import build_parser
from cleaner.rules import RULES

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def options():
    commands = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    for name, parser in commands.choices.items():
        for action in parser._actions:
            for flag in action.option_strings:
                if flag.startswith("--") and flag != "--help":
                    yield pytest.param(name, flag, id=f"{name} {flag}")


def test_readme_opens_with_the_two_commands():
    first_block = README.split("```sh\n", 1)[1].split("```", 1)[0].splitlines()
    assert "cleaner clean seeds/" in first_block[0] and "pytest" in first_block[1]


@pytest.mark.parametrize(("command", "flag"), list(options()))
def test_every_option_is_in_the_readme(command, flag):
    assert f"cleaner {command}" in README and flag in README


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.CODE)
def test_every_rule_is_in_the_readme(rule):
    assert f"| {rule.CODE} | {rule.NAME} |" in README


def test_ci_runs_the_readme_test_command():
    ci = (Path(__file__).resolve().parent.parent / ".ci" / "run").read_text(encoding="utf-8")
    test_command = README.split("```sh\n", 1)[1].splitlines()[1]
    assert test_command in ci
