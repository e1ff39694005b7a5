"""## photo-credit (B010)

### What it does
Flags a line that credits or labels a picture: "Photo: Jane Doe/Reuters", "(Photo by Jane
Doe/Getty Images)", "Image copyright Getty Images", "AFP via Getty Images", "REUTERS/Jane Doe".

### Why is this bad?
Credits belong to images the text no longer has.

### Example
```
Photo: Jane Doe/Reuters
```

### Use instead
Nothing: the line goes.

### Fix safety
Safe. A label must be followed by ":" or "by", or the line must be an agency credit with a
slash; "Photographs of the scene were released on Tuesday." stays.

Okay: Photographs of the scene were released on Tuesday.
Okay: Pictures from the rally show a packed square.
Okay: Photo finishes decided three of the races on Saturday.
B010: Photo: Jane Doe/Reuters
B010: (Photo by Jane Doe/Getty Images)
B010: Image copyright Getty Images
B010: REUTERS/Jane Doe
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from cleaner.core.model import Finding, Line
from cleaner.core.settings import Settings
from cleaner.rules._shared import Trigger, first_words, phrase_pattern, removal, word_trigger
from cleaner.rules.base import LineRule

CODE = "B010"
NAME = "photo-credit"
MAX_WORDS = 16
MAX_LENGTH = 200
SHORT = 40  # characters: a line this short may be an agency's name alone


def prepare(data: Mapping[str, Any], settings: Settings) -> dict[str, Any]:
    labels = phrase_pattern(data["labels"])
    agencies = phrase_pattern(data["agencies"])
    return {
        "trigger": (
            word_trigger(first_words([*data["labels"], *data["agencies"]])),
            "/",
            "via",
        ),
        "label": re.compile(r"^\W*" + labels + r"\s*(?::|\bby\b|\bcopyright\b|©)", re.I),
        "agency": re.compile(
            r"^\W*(?:[\w .'’-]{0,40}\s*/\s*)?(?:" + agencies + r")(?:\s*(?:/|via)\s*[\w .'’-]{0,40})?\W*$"
            r"|^\W*[\w .'’-]{0,40}\s*(?:/|via)\s*" + agencies + r"\b[\w .'’/-]{0,20}\W*$",
            re.I,
        ),
    }


def trigger(prepared: Mapping[str, Any]) -> tuple[Trigger, ...]:
    return prepared["trigger"]


def check_line(line: Line, prepared: Mapping[str, Any]) -> tuple[Finding, ...]:
    text = line.text.strip()
    if line.word_count > MAX_WORDS or text.endswith(("?", "!")):
        return ()
    if prepared["label"].match(text) or (_may_credit_agency(text) and prepared["agency"].match(text)):
        return (removal(CODE, NAME, line.number, line.text, "picture credit or label"),)
    return ()


def _may_credit_agency(text: str) -> bool:
    """An agency credit is a name with a slash or "via", or is short enough to be the name."""
    return len(text) <= SHORT or "/" in text or " via " in text


RULE = LineRule(code=CODE, name=NAME, prepare=prepare, check_line=check_line, trigger=trigger, max_length=MAX_LENGTH)
