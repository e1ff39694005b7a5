"""The rules, in one explicit list, and the engine that runs them.

A rule is a module with ``CODE``, ``NAME``, a docstring that documents it, and an optional
``prepare(data, settings)`` that builds what it needs once per run (``data`` is the rule's
table in ``cleaner/data/boilerplate.toml``). It checks either one line at a time,
``check_line(line, prepared) -> tuple[Finding, ...]``, or a whole document,
``check(document, context) -> Iterator[Finding]`` when a line's verdict depends on its
neighbours. A line rule may set ``MAX_LENGTH``, the longest line (in characters) it can flag:
it is not called on longer lines, so long paragraphs of prose cost little. Rules never edit
text themselves.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from types import ModuleType
from typing import Any, Iterator, Mapping

from cleaner.model import Document, Finding
from cleaner.phrases import load_phrases
from cleaner.rules import (
    advertisement,
    byline,
    copyright_notice,
    dateline,
    duplicated_caption,
    entity_variant,
    newsletter_prompt,
    photo_credit,
    promo_line,
    repeated_headline,
    share_trailer,
)
from cleaner.settings import Settings

RULES: tuple[ModuleType, ...] = (
    byline,
    dateline,
    repeated_headline,
    duplicated_caption,
    promo_line,
    share_trailer,
    advertisement,
    newsletter_prompt,
    copyright_notice,
    photo_credit,
    entity_variant,
)
Memo = dict  # line -> the findings of the line rules on that line


@dataclass(frozen=True)
class Context:
    """What rules see besides the document: the settings and each rule's prepared data."""

    settings: Settings
    rules: tuple[ModuleType, ...]
    prepared: Mapping[str, Any]
    line_rules: tuple[tuple[ModuleType, Any, float], ...] = ()  # with data and MAX_LENGTH
    document_rules: tuple[ModuleType, ...] = ()


def make_context(settings: Settings) -> Context:
    """Select the rules and prepare their data once per run."""
    phrases = load_phrases()
    rules = tuple(rule for rule in RULES if settings.is_selected(rule.CODE))
    prepared = {
        rule.NAME: rule.prepare(phrases.get(rule.NAME, {}), settings)
        for rule in rules
        if hasattr(rule, "prepare")
    }
    line_rules = tuple(
        (r, prepared.get(r.NAME), getattr(r, "MAX_LENGTH", math.inf))
        for r in rules
        if hasattr(r, "check_line")
    )
    document_rules = tuple(r for r in rules if not hasattr(r, "check_line"))
    return Context(settings, rules, prepared, line_rules, document_rules)


def run_rule(rule: ModuleType, document: Document, context: Context) -> Iterator[Finding]:
    """The findings of one rule on ``document``."""
    if hasattr(rule, "check_line"):
        prepared = context.prepared.get(rule.NAME)
        longest = getattr(rule, "MAX_LENGTH", math.inf)
        for line in document.lines:
            if len(line.text) <= longest:
                yield from rule.check_line(line, prepared)
    else:
        yield from rule.check(document, context)


def check_document(
    document: Document, context: Context, memo: Memo | None = None
) -> list[Finding]:
    """Every finding of every selected rule on ``document``: line rules, then document rules.

    A line rule's findings on a line depend on that line alone, so with a ``memo`` a line that
    is checked again (in the next fix pass) is not checked twice.
    """
    memo = {} if memo is None else memo
    findings: list[Finding] = []
    for line in document.lines:
        found = memo.get(line)
        if found is None:
            length = len(line.text)
            found = memo[line] = [
                finding
                for rule, prepared, longest in context.line_rules
                if length <= longest
                for finding in rule.check_line(line, prepared)
            ]
        findings += found
    for rule in context.document_rules:
        findings.extend(rule.check(document, context))
    return findings


def rule_by_code(code: str) -> ModuleType | None:
    return next((rule for rule in RULES if rule.CODE == code.upper()), None)
