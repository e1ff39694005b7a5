"""## page-date (B015)

### What it does
Flags a line near the start (the first three lines) or the end (the last two) that is
nothing but the page's own publication date, in any language or format: "segunda-feira, 22
de janeiro de 2018 às 0:13", "22/01/2018", "Monday 22 January 2018, 00:13 CET". The date
comes from the page's metadata (`date`, as HTML extraction finds it or a JSON Lines field
gives it): the line must hold its year and day (and its month, when written as a number),
and no other words than month and weekday names, times, time zones and short words of up to
three letters ("de", "às", "at").

### Why is this bad?
The date stamp belongs to the page, not the story, and it is already in the metadata.
`dateline` (B002) finds English stamps without metadata; this rule finds the page's date
whatever language the page is in.

### Example
With the date 2018-01-22 in the metadata:
```
segunda-feira, 22 de janeiro de 2018 às 0:13
```

### Use instead
Nothing: the line goes.

### Fix safety
Safe. Another date stays, and so does a line with any other word ("22 January 2018: the day
the harbour closed"), a sentence, or a date inside the story. (In the examples below, the
page's date is 2018-01-22.)

Okay: 22 January 2018: the day the harbour closed
Okay: 23 de janeiro de 2018
Okay: The vote was held on 22 January 2018.
B015: segunda-feira, 22 de janeiro de 2018 às 0:13
B015: 22/01/2018
B015: Monday 22 January 2018, 00:13 CET
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from cleaner.core.model import Document, Finding, Line
from cleaner.core.settings import Settings
from cleaner.rules._patterns import DATE_WORDS
from cleaner.rules._shared import is_sentence, removal
from cleaner.rules.base import DocumentRule

CODE = "B015"
NAME = "page-date"
EXAMPLE_METADATA = {"date": "2018-01-22"}
HEAD, TAIL = 3, 2  # the lines at the start and at the end where a date stamp stands
MAX_WORDS = 14
SHORT = 3  # letters: words this short pass ("de", "às", "at", "le")
ZONE = re.compile(r"[A-Z]{2,5}")  # a time zone, in capitals: CET, AEDT
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_NUMBER = re.compile(r"\d+")
_WORD = re.compile(r"[^\W\d_]+")


def prepare(data: Mapping[str, Any], settings: Settings) -> frozenset[str]:
    return DATE_WORDS | frozenset(data["words"])


def check(document: Document, context: Any) -> Iterator[Finding]:
    date = _date(document.metadata.get("date"))
    if date is None:
        return
    words = context.prepared[NAME]
    year = str(date[0])
    lines = document.lines
    edges = lines if len(lines) <= HEAD + TAIL else (*lines[:HEAD], *lines[-TAIL:])
    for line in edges:
        # the cheap tests first: a line without the year is not the date
        if year in line.text and line.word_count <= MAX_WORDS and _only_the_date(line, date, words):
            yield removal(CODE, NAME, line.number, line.text, "the page's date")


def _date(value: object) -> tuple[int, int, int] | None:
    found = _ISO.match(value) if isinstance(value, str) else None
    return (int(found[1]), int(found[2]), int(found[3])) if found else None


def _only_the_date(line: Line, date: tuple[int, int, int], words: frozenset[str]) -> bool:
    text = line.text
    if is_sentence(text):
        return False
    year, month, day = date
    numbers = {int(n) for n in _NUMBER.findall(text)}
    if year not in numbers or day not in numbers:
        return False
    named = _WORD.findall(text)
    if not named and month not in numbers:
        return False  # "22 2018": no month, neither as a number nor as a word
    return all(len(word) <= SHORT or word.lower() in words or ZONE.fullmatch(word) for word in named)


RULE = DocumentRule(code=CODE, name=NAME, prepare=prepare, check=check)
