"""The engine's shortcuts (triggers, length limits, the memo) never change a finding.

Every line rule is run through the engine and, alone, on every line; the findings must be the
same. The texts are the fixtures, the seeds and every example in the rule tables.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from cleaner import clean_document
from cleaner.core.settings import Settings
from cleaner.rules import RULES, check_document, make_context, run_rule
from tests.conftest import document
from tests.rules import (
    test_advertisement,
    test_byline,
    test_copyright_notice,
    test_dateline,
    test_newsletter_prompt,
    test_photo_credit,
    test_promo_line,
    test_share_trailer,
)

ROOT = Path(__file__).resolve().parent.parent.parent
TABLES = (
    test_advertisement,
    test_byline,
    test_copyright_notice,
    test_dateline,
    test_newsletter_prompt,
    test_photo_credit,
    test_promo_line,
    test_share_trailer,
)


def texts() -> list[str]:
    found = []
    for path in sorted([*(ROOT / "seeds").iterdir(), *(ROOT / "fixtures" / "clean").iterdir()]):
        if path.suffix in (".txt", ".gz"):
            opener = gzip.open if path.suffix == ".gz" else open
            with opener(path, "rt", encoding="utf-8") as handle:
                found.append(handle.read())
        elif path.suffix == ".jsonl":
            found.extend(json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines())
    table_lines = [line for table in TABLES for line in (*table.FLAGGED, *table.KEPT)]
    # the table lines padded to more than 40 characters: triggers must find them in long lines too
    padded = [line + " " + "x" * 50 if len(line) <= 40 else line for line in table_lines]
    return found + ["\n".join(table_lines), "\n".join(padded)]


def summary(findings) -> list[tuple]:
    return sorted((f.code, f.line, f.column, f.text) for f in findings)


@pytest.mark.parametrize("text", texts(), ids=lambda t: t[:30])
def test_engine_finds_what_every_rule_finds_on_every_line(text):
    context = make_context(Settings())
    doc = document(text)
    expected = [f for rule in RULES for f in run_rule(rule, doc, context)]
    assert summary(check_document(doc, context)) == summary(expected)


def test_memo_gives_the_same_findings_on_a_second_pass():
    context = make_context(Settings())
    doc = document((ROOT / "seeds" / "000_de3cc8737eb6b66b.txt").read_text(encoding="utf-8"))
    memo: dict = {}
    first = check_document(doc, context, memo)
    assert summary(check_document(doc, context, memo)) == summary(first)
    assert clean_document(doc, context).applied


@pytest.mark.parametrize("text", texts(), ids=lambda t: t[:30])
def test_only_rules_that_say_so_rewrite_text(text):
    # clean applies the rewriting rules first: the others must never create text
    context = make_context(Settings())
    doc = document(text)
    for rule in RULES:
        if not rule.RULE.rewrites_text:
            edits = [e for f in run_rule(rule, doc, context) if f.fix for e in f.fix.edits]
            assert all(edit.removes_line for edit in edits), rule.NAME


def test_clean_rewrites_first_then_removes():
    context = make_context(Settings())
    assert [[r.CODE for r in stage.rules] for stage in context.stages] == [
        ["N001"],
        [r.CODE for r in context.rules if r.CODE != "N001"],
    ]
    # a byline naming a variant: the byline rule sees (and removes) the normalized line
    outcome = clean_document(document("By Jane Doe, U.S.A.\nThe story begins here today."), context)
    assert [(f.code, f.text) for f in outcome.applied] == [("N001", "U.S.A."), ("B001", "By Jane Doe, US.")]
    assert outcome.document.text == "The story begins here today."
