"""The README documents what the command line offers."""

from __future__ import annotations

import argparse
import importlib
import re
import shutil
from pathlib import Path

import pytest

from cleaner.cli.main import build_parser
from cleaner.rules import RULES

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


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


def python_blocks():
    return [block.split("```", 1)[0] for block in README.split("```python\n")[1:]]


def test_the_readme_has_python_examples():
    assert python_blocks()


@pytest.mark.parametrize("block", python_blocks(), ids=lambda b: b.splitlines()[0])
def test_python_examples_run(block, tmp_path, monkeypatch, capsys):
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    exec(compile(block, "README.md", "exec"), {"__name__": "readme"})
    assert capsys.readouterr().out


def dotted_names():
    found = set(re.findall(r"`(cleaner(?:\.[A-Za-z_]\w*)+)(?:\(|`)", README))
    return sorted(name for name in found if name != "cleaner.toml")


@pytest.mark.parametrize("name", dotted_names())
def test_every_name_the_readme_gives_exists(name):
    parts = name.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            found = importlib.import_module(".".join(parts[:cut]))
        except ModuleNotFoundError:
            continue
        for attribute in parts[cut:]:
            found = getattr(found, attribute)
        return
    pytest.fail(f"{name} names nothing")
