"""## byline (B001)

### What it does
Flags a line that only credits the writers of the article: "By Jane Doe", "Markets | By
Jane Doe", "By JANE DOE and John Roe, Staff Writers", "Reporting by Jane Doe; Editing by
John Roe".

### Why is this bad?
A byline is metadata, not article text. Left in, it pollutes language-model training data and
makes copies of one story from different sites look different. The author (and a section
named before a "|") moves into the record's metadata.

### Example
```
Markets | By Rosalie Gross
```

### Use instead
Nothing: the line goes, and `author` (here "Rosalie Gross") and `section` ("Markets") are kept
in the metadata.

### Fix safety
Safe. Lines that merely start with "By" stay: "By 2020, the plan..." or "By Monday, officials
had agreed." are sentences, not credits.

Okay: By 2020, the plan had doubled the city's budget.
Okay: By Monday, officials had agreed to the terms.
Okay: By then the fighting had moved north.
B001: Markets | By Rosalie Gross
B001: By JANE DOE and John Roe, Staff Writers
B001: Reporting by Jane Doe; Editing by John Roe
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import regex

from cleaner.core.model import Finding, Line
from cleaner.core.settings import Settings
from cleaner.rules._patterns import DATE, NAMES, compile_atomic, could_be_names, iso_date
from cleaner.rules._shared import Trigger, first_words, phrase_pattern, removal, word_trigger
from cleaner.rules.base import LineRule

CODE = "B001"
NAME = "byline"
MAX_WORDS = 30
MAX_LENGTH = 300
SECTION_WITHIN = 45  # characters: "Markets | By ..."
_SEPARATOR = re.compile(r"[|•·]")
_WORD = re.compile(r"[\w'’.-]+")


def prepare(data: Mapping[str, Any], settings: Settings) -> dict[str, Any]:
    credit = r"(?i:" + phrase_pattern(data["labels"]) + r")\s*:?\s+(?P<names>" + NAMES + ")"
    line = (
        r"^\W*(?:(?P<section>\p{Lu}[\w&' ]{0,30}?)\s*[|•·]\s*)?"
        + credit
        + r"(?:\s*[,;|•·–—-]?\s*(?:(?i:"
        + phrase_pattern(data["labels"])
        + r")\s*:?\s+"
        + NAMES
        + r"))*(?P<tail>(?:\s*[,;|•·–—/-]\s*|\s+).*)?$"
    )
    return {
        # a cheap first test: a label at the start, or after a short section name
        "start": re.compile(r"^\W*" + phrase_pattern(data["labels"]) + r"\b", re.I),
        # a label at the start of a line, or a separator after which one may come
        "trigger": (
            word_trigger(first_words(data["labels"])),
            *"|•·",
        ),
        "line": regex.compile(line),
        "roles": frozenset(data["roles"]),
        "date": compile_atomic(DATE, re.IGNORECASE),
    }


def trigger(prepared: Mapping[str, Any]) -> tuple[Trigger, ...]:
    return prepared["trigger"]


def check_line(line: Line, prepared: Mapping[str, Any]) -> tuple[Finding, ...]:
    text = line.text
    # a cheap first test: a label at the start, or a section name and a separator before it
    if not (prepared["start"].match(text) or _SEPARATOR.search(text, 0, SECTION_WITHIN)):
        return ()
    if line.word_count > MAX_WORDS:
        return ()
    found = prepared["line"].match(text.strip())
    if found and could_be_names(found["names"]) and _plain_tail(found["tail"], prepared):
        return (removal(CODE, NAME, line.number, line.text, "byline", _metadata(found, prepared["roles"])),)
    return ()


def _plain_tail(tail: str | None, prepared: Mapping[str, Any]) -> bool:
    """Whether what follows the names is only names, roles, agencies or a date."""
    if not tail or not tail.strip(" ,;|•·–—/-"):
        return True
    if prepared["date"].fullmatch(tail):
        return True
    for word in _WORD.findall(tail):
        if not (word[0].isupper() or word[0].isdigit() or word.lower() in prepared["roles"]):
            return False
    return not tail.rstrip().endswith((".", "!", "?")) or len(tail.split()) <= 3


def _metadata(found: regex.Match, roles: frozenset[str]) -> dict[str, str]:
    metadata = {"author": _author(found["names"], roles)}
    if found["section"]:
        metadata["section"] = found["section"].strip()
    date = iso_date(found["tail"] or "")
    if date:
        metadata["date"] = date
    return metadata


def _author(names: str, roles: frozenset[str]) -> str:
    """The names without trailing job titles: "Jane Doe, Staff Writer" gives "Jane Doe"."""
    parts = [" ".join(part.split()) for part in names.split(",")]
    while len(parts) > 1 and any(w.lower().rstrip("s") in roles for w in parts[-1].split()):
        parts.pop()
    return ", ".join(parts)


RULE = LineRule(code=CODE, name=NAME, prepare=prepare, check_line=check_line, trigger=trigger, max_length=MAX_LENGTH)
