"""## dateline (B002)

### What it does
Flags a line that only stamps the article with a date or time: "Published: Mon, February 12,
2018", "UPDATED: Tue., Nov. 19, 2019", "5:45 AM PST 11/19/2019 by Jane Doe",
"Last updated 3 hours ago".

### Why is this bad?
The stamp belongs to the page, not the story. The date moves into the record's metadata (as
YYYY-MM-DD when the stamp names the day unambiguously), and so does an author named after "by".

### Example
```
Published: Mon, February 12, 2018
```

### Use instead
Nothing: the line goes, and `date` is "2018-02-12" in the metadata.

### Fix safety
Safe. A line that starts with a label but goes on as a sentence stays: "Published figures
show a rise in exports." or "Updated maps were released on Monday."

Okay: Published figures show a rise in exports.
Okay: Updated maps were released on Monday.
Okay: May 2020 be a better year for all of us.
B002: Published: Mon, February 12, 2018
B002: UPDATED: Tue., Nov. 19, 2019
B002: 5:45 AM PST 11/19/2019 by Jane Doe
B002: Last updated 3 hours ago
B002: February 12, 2018
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import regex

from cleaner.core.model import Finding, Line
from cleaner.core.settings import Settings
from cleaner.rules._patterns import (
    DATE_WORD,
    DATE_WORDS,
    NAMES,
    compile_atomic,
    date_run,
    has_anchor,
    iso_date,
)
from cleaner.rules._shared import (
    Trigger,
    first_words,
    line_start_trigger,
    phrase_pattern,
    removal,
    word_trigger,
)
from cleaner.rules.base import LineRule

CODE = "B002"
NAME = "dateline"
MAX_LENGTH = 120


def prepare(data: Mapping[str, Any], settings: Settings) -> dict[str, Any]:
    label = phrase_pattern(data["labels"]) + r"\s*(?::|\bon\b)?"
    starts = r"\d|" + phrase_pattern(data["labels"]) + "|" + DATE_WORD
    return {
        # a cheap first test: a stamp starts with a label, a number, a month or a weekday
        "start": re.compile(r"^\W*(?:" + starts + ")", re.I),
        "trigger": (
            word_trigger(first_words(data["labels"]) | DATE_WORDS),
            line_start_trigger(r"\d"),
        ),
        # the stamp, then nothing but punctuation, or "by" and names (matched case-sensitively,
        # which needs the regex module's Unicode classes)
        "stamp": compile_atomic(r"^\W*(?P<label>" + label + r")?(?P<date>" + date_run(label) + ")", re.IGNORECASE),
        "author": regex.compile(r"\s*by\s+(?P<author>" + NAMES + r")\W*$", regex.IGNORECASE),
    }


def trigger(prepared: Mapping[str, Any]) -> tuple[Trigger, ...]:
    return prepared["trigger"]


def check_line(line: Line, prepared: Mapping[str, Any]) -> tuple[Finding, ...]:
    text = line.text.strip()
    if not prepared["start"].match(text):
        return ()
    found = prepared["stamp"].match(text)
    if not found or not has_anchor(found["date"]):
        return ()
    author = None
    if _END.fullmatch(text, found.end()) is None:
        byline = prepared["author"].match(text, found.end())
        if byline is None:
            return ()
        author = byline["author"]
    date = iso_date(found["date"])
    if not (found["label"] or date):
        return ()
    return (removal(CODE, NAME, line.number, line.text, "date stamp", _metadata(date, author)),)


_END = re.compile(r"\W*")


def _metadata(date: str | None, author: str | None) -> dict[str, str]:
    metadata = {"date": date} if date else {}
    if author:
        metadata["author"] = " ".join(author.split())
    return metadata


RULE = LineRule(code=CODE, name=NAME, prepare=prepare, check_line=check_line, trigger=trigger, max_length=MAX_LENGTH)
