"""What a rule declares: the interface each rule module fills in once, as its ``RULE``.

A rule is a module with ``CODE``, ``NAME``, a docstring that documents it (the text of
``cleaner rule CODE``) and a ``RULE``, one of:

- :class:`LineRule`: checks one line at a time (``check_line``), or many lines in one call
  (``check_lines``) when one search over them all is cheaper than one per line;
- :class:`DocumentRule`: checks a whole document (``check``), when a line's verdict depends
  on its neighbours;
- :class:`CorpusRule`: found across documents by the corpus stage, documented and selected
  like the others.

``prepare(data, settings)``, when given, builds what the rule needs once per run (``data`` is
the rule's table in ``cleaner/data/boilerplate.toml``). Rules never edit text themselves.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from cleaner.core.model import Document, Finding, Line
from cleaner.core.settings import Settings

Prepare = Callable[[Mapping[str, Any], Settings], Any]


@dataclass(frozen=True, kw_only=True)
class Rule:
    code: str
    name: str
    prepare: Prepare | None = None
    # fixes rewrite text inside a line: applied first, until the text stops changing
    rewrites_text: bool = False


@dataclass(frozen=True, kw_only=True)
class LineRule(Rule):
    """A rule whose verdict on a line depends on that line alone.

    ``max_length``: the longest line (in characters) it can flag; longer ones are not checked.
    ``trigger(prepared)``: what every line it can flag has (see :mod:`cleaner.rules`); the rule
    is called only on the lines where one of them matches.
    """

    check_line: Callable[[Line, Any], Sequence[Finding]] | None = None
    check_lines: Callable[[Sequence[Line], Any], Iterable[Finding]] | None = None
    trigger: Callable[[Any], Any] | None = None
    max_length: float = math.inf

    def __post_init__(self) -> None:
        if (self.check_line is None) == (self.check_lines is None):
            raise ValueError(f"{self.code}: a line rule has check_line or check_lines, one of them")


@dataclass(frozen=True, kw_only=True)
class DocumentRule(Rule):
    """A rule that sees the whole document (and the run's context)."""

    check: Callable[[Document, Any], Iterable[Finding]]


@dataclass(frozen=True, kw_only=True)
class CorpusRule(Rule):
    """A rule of the corpus stage: its findings come from comparing documents."""
