"""The rules, in one explicit list, and the runner that checks a document with them.

Each rule is a module with ``CODE``, ``NAME``, a docstring that documents it, and a ``RULE``
that declares what it is and what it checks (:mod:`cleaner.rules.base`): a line rule, a
document rule or a corpus rule. Rules never edit text themselves.

A rule whose fixes rewrite text inside a line (rather than remove lines) declares
``rewrites_text``. ``cleaner clean`` applies those rules first, until the text stops
changing, and then the others: they see the rewritten text once, and removing a line never
creates text that the rewriting rules would have to see again.

Two optional parts of a line rule keep long articles cheap:

- ``max_length``: the longest line (in characters) it can flag; it is not called on longer ones.
- ``trigger(prepared)``: what every line it can flag has, one or a tuple of: a frozenset of
  words, one of which is the line's first word (``Line.first_word``); a plain string found in
  the lower-cased line; a pattern searched in the lower-cased lines joined after a newline
  each (so ``\n`` in a pattern means the start of a line). The rule is called only on the
  lines where one of them matches: a trigger narrows the search, ``check_line`` decides.
  First words cost least, a plain string less than a pattern; patterns written in lower case
  without re.IGNORECASE let the regex engine skip ahead to their first characters.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from types import ModuleType
from typing import Any

from cleaner.core.model import Document, Finding, Line, first_words
from cleaner.core.phrases import load_phrases
from cleaner.core.settings import Settings
from cleaner.rules import (
    advertisement,
    byline,
    contact_line,
    contributor_credit,
    copyright_notice,
    dateline,
    duplicate_paragraph,
    duplicated_caption,
    entity_variant,
    link_line,
    linked_headlines,
    newsletter_prompt,
    page_date,
    photo_credit,
    promo_line,
    repeated_headline,
    repeated_paragraph,
    share_trailer,
    tag_list,
)
from cleaner.rules._shared import Search, hit_lines, join_lines
from cleaner.rules.base import DocumentRule, LineRule
from cleaner.rules.languages import DEFAULT, UNDETERMINED, phrase_data

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
    link_line,
    linked_headlines,
    contact_line,
    tag_list,
    page_date,
    contributor_credit,
    entity_variant,
    repeated_paragraph,
)
# rules of the corpus stage: documented and selected like the others, found across documents
CORPUS_RULES: tuple[ModuleType, ...] = (duplicate_paragraph,)


def all_rules() -> tuple[ModuleType, ...]:
    """Every rule, per document and corpus-wide, in code order."""
    return tuple(sorted(RULES + CORPUS_RULES, key=lambda rule: rule.CODE))


def selected_rules(settings: Settings) -> tuple[ModuleType, ...]:
    """The rules ``settings`` select, in code order."""
    return tuple(rule for rule in all_rules() if settings.is_selected(rule.CODE))


Memo = dict  # line -> the findings of the line rules on that line


@dataclass(frozen=True)
class PreparedLineRule:
    """A line rule ready to run: its module, prepared data, length limit and trigger."""

    rule: ModuleType
    check: Callable[..., Any]  # check_lines(lines, prepared) for a batch rule, else check_line(line, prepared)
    prepared: Any
    max_length: float
    words: frozenset[str]  # first words that trigger the rule
    searches: tuple[Search, ...]  # strings and patterns that trigger it
    triggered: bool  # False: the rule checks every line
    batch: bool  # the rule checks its lines in one call, ``check_lines``


@dataclass(frozen=True)
class Context:
    """What rules see besides the document: the settings and each rule's prepared data."""

    settings: Settings
    rules: tuple[ModuleType, ...]
    prepared: Mapping[str, Any]
    line_rules: tuple[PreparedLineRule, ...] = ()
    document_rules: tuple[ModuleType, ...] = ()
    language: str | None = None  # None: the phrases for documents whose language is not told
    variants: dict[str, Context] = field(default_factory=dict, compare=False, repr=False)

    def only(self, rules: tuple[ModuleType, ...]) -> Context:
        """The same run with only ``rules`` (of those selected)."""
        return Context(
            self.settings,
            tuple(r for r in self.rules if r in rules),
            self.prepared,
            tuple(entry for entry in self.line_rules if entry.rule in rules),
            tuple(r for r in self.document_rules if r in rules),
            self.language,
        )

    def for_document(self, document: Document) -> Context:
        """The context for ``document``'s language: its rules prepared with that language's
        phrases (:mod:`cleaner.rules.languages`), made once a run for each language met."""
        language = document.metadata.get("language")
        if self.language is not None or not isinstance(language, str) or language in (UNDETERMINED, *DEFAULT):
            return self  # a language's own context, or the phrases every table starts with
        found = self.variants.get(language)
        if found is None:
            found = self.variants[language] = make_context(self.settings, language).only(self.rules)
        return found

    @cached_property
    def stages(self) -> tuple[Context, ...]:
        """The rules in the order ``clean`` fixes them: those that rewrite text, then the rest."""
        rewriting = tuple(r for r in self.rules if r.RULE.rewrites_text)
        rest = tuple(r for r in self.rules if r not in rewriting)
        return tuple(self.only(rules) for rules in (rewriting, rest) if rules)


class PerFile:
    """The context for each file: the run's, less the rules ``per-file-ignores`` turns off
    for it. Each distinct set of rules is prepared once per run."""

    def __init__(self, context: Context):
        self.context = context
        self.variants: dict[frozenset[str], Context] = {}

    def __call__(self, path: str) -> Context:
        ignored = frozenset(self.context.settings.ignored_for(path))
        if not ignored:
            return self.context
        if ignored not in self.variants:
            kept = tuple(r for r in self.context.rules if not any(r.CODE.startswith(p) for p in ignored))
            self.variants[ignored] = self.context.only(kept)
        return self.variants[ignored]


def make_context(settings: Settings, language: str | None = None) -> Context:
    """Select the rules and prepare their data once per run; with ``language``, the rules
    written for it, with its phrases."""
    phrases = load_phrases()
    data = {rule: phrase_data(phrases.get(rule.NAME), language) for rule in RULES if settings.is_selected(rule.CODE)}
    rules = tuple(rule for rule, found in data.items() if found is not None)
    prepared = {
        rule.NAME: rule.RULE.prepare({**(data[rule] or {}), "language": language}, settings)
        for rule in rules
        if rule.RULE.prepare is not None
    }
    line_rules = tuple(_line_rule(r, r.RULE, prepared.get(r.NAME)) for r in rules if isinstance(r.RULE, LineRule))
    document_rules = tuple(r for r in rules if isinstance(r.RULE, DocumentRule))
    return Context(settings, rules, prepared, line_rules, document_rules, language)


def _line_rule(module: ModuleType, rule: LineRule, prepared: Any) -> PreparedLineRule:
    triggers = rule.trigger(prepared) if rule.trigger is not None else ()
    triggers = triggers if isinstance(triggers, tuple) else (triggers,)
    words = frozenset().union(*(t for t in triggers if isinstance(t, frozenset)))
    searches = tuple(t for t in triggers if not isinstance(t, frozenset))
    batch = rule.check_lines is not None
    check = rule.check_lines if batch else rule.check_line
    assert check is not None  # LineRule.__post_init__: a line rule has one of them
    return PreparedLineRule(module, check, prepared, rule.max_length, words, searches, bool(triggers), batch)


def run_rule(module: ModuleType, document: Document, context: Context) -> Iterator[Finding]:
    """The findings of one rule on ``document``, every line checked (no trigger, no limit);
    none when the rule is not written for the document's language."""
    context = context.for_document(document)
    if module not in context.rules:
        return
    prepared = context.prepared.get(module.NAME)
    rule = module.RULE
    if isinstance(rule, LineRule) and rule.check_lines is not None:
        yield from rule.check_lines(document.lines, prepared)
    elif isinstance(rule, LineRule) and rule.check_line is not None:
        for line in document.lines:
            yield from rule.check_line(line, prepared)
    elif isinstance(rule, DocumentRule):
        yield from rule.check(document, context)


def check_document(document: Document, context: Context, memo: Memo | None = None) -> list[Finding]:
    """Every finding of every selected rule on ``document``: line rules, then document rules.

    With a ``memo``, lines checked before (in an earlier fix pass) are not checked again: a
    line rule's findings on a line depend on that line alone.
    """
    context = context.for_document(document)
    memo = {} if memo is None else memo
    fresh = [line for line in document.lines if line not in memo]
    for line in fresh:
        memo[line] = []
    if fresh:
        by_number = {line.number: line for line in fresh}
        for entry, lines in _candidates(context.line_rules, fresh):
            if entry.batch:
                for finding in entry.check(lines, entry.prepared):
                    memo[by_number[finding.line]].append(finding)
            else:
                for line in lines:
                    memo[line].extend(entry.check(line, entry.prepared))
    findings = [finding for line in document.lines for finding in memo[line]]
    for rule in context.document_rules:
        findings.extend(rule.RULE.check(document, context))
    return findings


def _candidates(
    entries: tuple[PreparedLineRule, ...], lines: list[Line]
) -> Iterator[tuple[PreparedLineRule, list[Line]]]:
    """Each line rule with the lines it must check: those its trigger matches (every line if it
    has none), never past its MAX_LENGTH. Strings and patterns are found by one search over all
    the lines joined.
    """
    starting: dict[str, list[int]] = {}  # first word -> the indexes of the lines it starts
    if any(entry.triggered for entry in entries):
        joined = join_lines([line.text for line in lines])
        for index, word in enumerate(first_words(lines, joined[0])):
            starting.setdefault(word, []).append(index)
    for entry in entries:
        if not entry.triggered:
            chosen = lines
        else:
            hits = {i for word in entry.words.intersection(starting) for i in starting[word]}
            if entry.searches:
                hits |= hit_lines(joined, entry.searches)
            chosen = [lines[i] for i in hits]
        if entry.max_length != math.inf:
            chosen = [line for line in chosen if len(line.text) <= entry.max_length]
        yield entry, chosen
