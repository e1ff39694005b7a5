"""## contributor-credit (B016)

### What it does
Flags a line that credits the people who helped report the article: "Jane Doe contributed to
this report.", "Associated Press writers Jane Doe and John Roe contributed to this report.",
"John Roe contributed reporting from Lisbon."

### Why is this bad?
Like a byline, a credit line is about who wrote the story, not part of it; wire stories carry
a different one on every site that runs them.

### Example
```
Associated Press writer Jane Doe contributed to this report.
```

### Use instead
Nothing: the line goes.

### Fix safety
Safe. Before "contributed" there must be names (capitalised words, with "and", commas, and
words such as "writers" or "staff"), and after it "reporting", "research" or "to this report"
(or story, article) and at most a place: a sentence about someone contributing something else
stays ("Residents contributed to the repair fund.", "The rain contributed to the delays.").

Okay: Residents contributed to the repair fund, the council said.
Okay: The storm contributed to the delays on the coast road.
Okay: Jane Doe contributed to this report by reading the council's minutes, which took weeks.
B016: Jane Doe contributed to this report.
B016: Associated Press writers Jane Doe, John Roe and Ana Ruiz contributed to this report.
B016: John Roe contributed reporting from Lisbon.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import regex

from cleaner.core.model import Finding, Line
from cleaner.core.settings import Settings
from cleaner.rules._shared import Trigger, removal
from cleaner.rules.base import LineRule

CODE = "B016"
NAME = "contributor-credit"
MAX_WORDS = 40
MAX_LENGTH = 400
_CREDIT = regex.compile(
    r"^\W*(?P<who>.+?)\s+contributed\s+(?:reporting|research|additional\s+reporting"
    r"|to\s+(?:this|the)\s+(?:report|story|article))(?P<rest>(?:\s+[^\s.]+){0,6})\W*$",
    regex.IGNORECASE,
)
_NAME_WORD = regex.compile(r"^\p{Lu}|^\d")


def prepare(data: Mapping[str, Any], settings: Settings) -> frozenset[str]:
    return frozenset(data["words"])


def trigger(prepared: frozenset[str]) -> tuple[Trigger, ...]:
    return ("contributed",)


def check_line(line: Line, prepared: frozenset[str]) -> tuple[Finding, ...]:
    if line.word_count > MAX_WORDS:
        return ()
    found = _CREDIT.match(line.text.strip())
    if found and _names(found["who"], prepared) and _place(found["rest"]):
        return (removal(CODE, NAME, line.number, line.text, "contributors' credit"),)
    return ()


def _names(who: str, words: frozenset[str]) -> bool:
    """Whether ``who`` is names, with only the lower-case words a credit uses."""
    parts = re.findall(r"[\w'’.-]+", who)
    return any(_NAME_WORD.match(p) for p in parts) and all(_NAME_WORD.match(p) or p.lower() in words for p in parts)


def _place(rest: str) -> bool:
    """Whether what follows the credit is nothing or a place ("from Lisbon", "in New York")."""
    words = rest.split()
    if not words:
        return True
    return words[0].lower() in ("from", "in") and all(w[0].isupper() for w in words[1:])


RULE = LineRule(code=CODE, name=NAME, prepare=prepare, check_line=check_line, trigger=trigger, max_length=MAX_LENGTH)
