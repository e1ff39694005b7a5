"""The rule list is complete and consistent, and each rule's docstring is its documentation.

The ``Okay:`` and ``Bxxx:`` lines of a docstring are run as tests, so the documentation
cannot drift from behaviour (``\\n`` in an example separates paragraphs). A rule that reads
the document's metadata gives the metadata of its examples as ``EXAMPLE_METADATA``.
"""

from __future__ import annotations

import pkgutil
import re

import pytest

import cleaner.rules
from cleaner.rules import CORPUS_RULES, RULES, all_rules, run_rule
from cleaner.rules.base import CorpusRule, DocumentRule, LineRule
from tests.conftest import document

SECTIONS = ("### What it does", "### Why is this bad?", "### Example", "### Fix safety")


def documented(rule) -> list[tuple[str, str]]:
    """The (kind, text) examples of a rule's docstring."""
    found = re.findall(r"^(Okay|[A-Z]\d{3}): (.*)$", rule.__doc__, re.M)
    return [(kind, text.replace("\\n", "\n")) for kind, text in found]


def examples():
    for rule in RULES:
        for number, (kind, text) in enumerate(documented(rule), start=1):
            yield pytest.param(rule, kind, text, id=f"{rule.CODE}-{number}-{kind}")


def test_codes_and_names_are_unique():
    assert len({r.CODE for r in all_rules()}) == len(all_rules()) == len(RULES) + len(CORPUS_RULES)
    assert len({r.NAME for r in all_rules()}) == len(all_rules())


def test_every_rule_module_is_registered():
    modules = {m.name for m in pkgutil.iter_modules(cleaner.rules.__path__) if not m.name.startswith("_")}
    assert modules - {"base", "languages"} == {r.__name__.rsplit(".", 1)[1] for r in all_rules()}


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.CODE)
def test_every_rule_declares_what_it_is(rule):
    declared = rule.RULE
    assert (declared.code, declared.name) == (rule.CODE, rule.NAME)
    expected = CorpusRule if rule in CORPUS_RULES else (LineRule, DocumentRule)
    assert isinstance(declared, expected)


def test_a_line_rule_checks_lines_one_way():
    with pytest.raises(ValueError, match="one of them"):
        LineRule(code="B999", name="nothing")


@pytest.mark.parametrize("rule", CORPUS_RULES, ids=lambda r: r.CODE)
def test_corpus_rule_is_documented(rule):
    # found across documents, so its docstring has no per-document examples to run
    assert rule.__doc__.startswith(f"## {rule.NAME} ({rule.CODE})")
    for section in SECTIONS:
        assert section in rule.__doc__, section
    assert not documented(rule)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.CODE)
def test_rule_is_documented(rule):
    assert re.fullmatch(r"[BND]\d{3}", rule.CODE)
    assert re.fullmatch(r"[a-z]+(-[a-z]+)*", rule.NAME)
    assert rule.__doc__.startswith(f"## {rule.NAME} ({rule.CODE})")
    for section in SECTIONS:
        assert section in rule.__doc__, section
    kinds = {kind for kind, _ in documented(rule)}
    assert kinds == {"Okay", rule.CODE}


@pytest.mark.parametrize(("rule", "kind", "text"), list(examples()))
def test_documented_example(rule, kind, text, context):
    metadata = getattr(rule, "EXAMPLE_METADATA", {})
    codes = {f.code for f in run_rule(rule, document(text, **metadata), context)}
    assert (rule.CODE in codes) == (kind == rule.CODE)
