"""The rules, in one explicit list, and the engine that runs them.

A rule is a module with ``CODE``, ``NAME``, a docstring that documents it, and an optional
``prepare(data, settings)`` that builds what it needs once per run (``data`` is the rule's
table in ``cleaner/data/boilerplate.toml``). It checks either one line at a time,
``check_line(line, prepared)`` returning a sequence of findings, or a whole document,
``check(document, context)`` yielding findings, when a line's verdict depends on its
neighbours. Rules never edit text themselves.

Two optional parts of a line rule keep long articles cheap:

- ``MAX_LENGTH``: the longest line (in characters) it can flag; it is not called on longer ones.
- ``trigger(prepared)``: a pattern, or a tuple of patterns and plain strings, at least one of
  which every line it can flag matches. Triggers are searched once over the document's lines
  longer than ``ALWAYS_CHECKED`` characters, joined after a newline each (so ``\n`` in a
  pattern means the start of a line) and lower-cased, and the rule is called only on the
  lines where one matches, and on every shorter line. A trigger only narrows the search:
  ``check_line`` decides. Plain strings are found faster than patterns; patterns written in
  lower case without re.IGNORECASE let the regex engine skip ahead to their first
  characters. A rule whose trigger is better matched in the text as it is (capitals are
  rarer) sets ``TRIGGER_CASE = "text"``.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from types import ModuleType
from typing import Any, Iterator, Mapping

from cleaner.model import Document, Finding, Line
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
from cleaner.rules._shared import Trigger, hit_lines, join_lines
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
ALWAYS_CHECKED = 40  # characters: lines this short are checked by every line rule


@dataclass(frozen=True)
class LineRule:
    """A line rule ready to run: its module, prepared data, length limit and trigger."""

    rule: ModuleType
    prepared: Any
    max_length: float
    triggers: tuple[Trigger, ...]  # none: the rule checks every line
    lower: bool  # the trigger is searched in the lower-cased text


@dataclass(frozen=True)
class Context:
    """What rules see besides the document: the settings and each rule's prepared data."""

    settings: Settings
    rules: tuple[ModuleType, ...]
    prepared: Mapping[str, Any]
    line_rules: tuple[LineRule, ...] = ()
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
    line_rules = tuple(_line_rule(r, prepared.get(r.NAME)) for r in rules if hasattr(r, "check_line"))
    document_rules = tuple(r for r in rules if not hasattr(r, "check_line"))
    return Context(settings, rules, prepared, line_rules, document_rules)


def _line_rule(rule: ModuleType, prepared: Any) -> LineRule:
    triggers = rule.trigger(prepared) if hasattr(rule, "trigger") else ()
    triggers = (triggers,) if isinstance(triggers, re.Pattern) else tuple(triggers)
    lower = getattr(rule, "TRIGGER_CASE", "lower") == "lower"
    return LineRule(rule, prepared, getattr(rule, "MAX_LENGTH", math.inf), triggers, lower)


def run_rule(rule: ModuleType, document: Document, context: Context) -> Iterator[Finding]:
    """The findings of one rule on ``document``, every line checked (no trigger, no limit)."""
    if hasattr(rule, "check_line"):
        prepared = context.prepared.get(rule.NAME)
        for line in document.lines:
            yield from rule.check_line(line, prepared)
    else:
        yield from rule.check(document, context)


def check_document(
    document: Document, context: Context, memo: Memo | None = None
) -> list[Finding]:
    """Every finding of every selected rule on ``document``: line rules, then document rules.

    With a ``memo``, lines checked before (in an earlier fix pass) are not checked again: a
    line rule's findings on a line depend on that line alone.
    """
    memo = {} if memo is None else memo
    fresh = [line for line in document.lines if line not in memo]
    for line in fresh:
        memo[line] = []
    if fresh:
        for entry, lines in _candidates(context.line_rules, fresh):
            for line in lines:
                memo[line].extend(entry.rule.check_line(line, entry.prepared))
    findings = [finding for line in document.lines for finding in memo[line]]
    for rule in context.document_rules:
        findings.extend(rule.check(document, context))
    return findings


def _candidates(
    entries: tuple[LineRule, ...], lines: list[Line]
) -> Iterator[tuple[LineRule, list[Line]]]:
    """Each line rule with the lines it must check.

    Short lines always; longer ones only where the rule's trigger matches (if it has one),
    found by one search over all of them joined, and never past the rule's MAX_LENGTH.
    """
    short = [line for line in lines if len(line.text) <= ALWAYS_CHECKED]
    long = [line for line in lines if len(line.text) > ALWAYS_CHECKED]
    joined = {
        lower: join_lines([line.text.lower() if lower else line.text for line in long])
        for lower in {entry.lower for entry in entries if entry.triggers}
    }
    for entry in entries:
        if entry.triggers:
            chosen = [long[i] for i in hit_lines(joined[entry.lower], entry.triggers)]
        else:
            chosen = long
        chosen = [line for line in chosen if len(line.text) <= entry.max_length]
        yield entry, short + chosen  # the order does not matter: findings are kept per line

