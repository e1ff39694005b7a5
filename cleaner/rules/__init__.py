"""The rules, in one explicit list, and the context they run in.

A rule is a module with ``CODE``, ``NAME``, a docstring that documents it, an optional
``prepare(data)`` that builds what it needs from its table of phrase data, and
``check(document, context)`` that yields findings. Rules never edit text themselves.
"""

from __future__ import annotations

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
)


@dataclass(frozen=True)
class Context:
    """What rules see besides the document: the settings and each rule's prepared data."""

    settings: Settings
    rules: tuple[ModuleType, ...]
    prepared: Mapping[str, Any]


def make_context(settings: Settings) -> Context:
    """Select the rules and prepare their data once per run."""
    phrases = load_phrases()
    rules = tuple(rule for rule in RULES if settings.is_selected(rule.CODE))
    prepared = {
        rule.NAME: rule.prepare(phrases.get(rule.NAME, {}))
        for rule in rules
        if hasattr(rule, "prepare")
    }
    return Context(settings, rules, prepared)


def check_document(document: Document, context: Context) -> Iterator[Finding]:
    """Every finding of every selected rule on ``document``, rule by rule."""
    for rule in context.rules:
        yield from rule.check(document, context)


def rule_by_code(code: str) -> ModuleType | None:
    return next((rule for rule in RULES if rule.CODE == code.upper()), None)
