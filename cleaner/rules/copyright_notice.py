"""## copyright-notice (B009)

### What it does
Flags a rights notice: a line that starts with "©", "(c)" or "Copyright" and a year, or a
short line that says "All rights reserved" or that the story "may not be reproduced".

### Why is this bad?
Notices are legal furniture of the page, repeated under every article of a site.

### Example
```
© 2019 Example News Ltd. All rights reserved.
```

### Use instead
Nothing: the line goes.

### Fix safety
Safe. A sentence about copyright stays: "Copyright law changed in 2019 when the EU passed
its directive."

Okay: Copyright law changed in 2019 when the EU passed its directive.
Okay: The court said all rights reserved to the states remained with them, and the case was sent back.
B009: © 2019 Example News Ltd. All rights reserved.
B009: Copyright 2018 The Associated Press. All rights reserved.
B009: This report may not be reproduced or broadcast without permission.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from cleaner.core.model import Finding, Line
from cleaner.core.settings import Settings
from cleaner.rules._shared import Trigger, needles, phrase_pattern, removal
from cleaner.rules.base import LineRule

CODE = "B009"
NAME = "copyright-notice"
MAX_WORDS = 40
MAX_LENGTH = 400
_NOTICE_START = re.compile(r"^\W*(?:©|\(c\)|copyright\s*(?:©|\(c\))?\s*(?:\d{4}|©))")
# in a longer line, the marks of a notice rather than of a sentence about rights
_NOTICE_MARK = re.compile(r"©|\bcopyright\b|\b(?:19|20)\d{2}\b")


def prepare(data: Mapping[str, Any], settings: Settings) -> dict[str, Any]:
    # matched against the lower-cased line: a case-sensitive search is several times faster
    words = needles(data["phrases"])
    return {
        "phrases": re.compile(phrase_pattern(data["phrases"])),
        "needles": re.compile("|".join(map(re.escape, words))),
        "trigger": (
            *("©", "(c)", "copyright"),  # the marks _NOTICE_START looks for, anywhere
            *words,
        ),
    }


def trigger(prepared: Mapping[str, Any]) -> tuple[Trigger, ...]:
    return prepared["trigger"]


def check_line(line: Line, prepared: Mapping[str, Any]) -> tuple[Finding, ...]:
    text = line.text
    if line.word_count > MAX_WORDS:
        return ()
    lowered = text.lower()
    if _NOTICE_START.match(lowered) or (
        prepared["needles"].search(lowered)
        and prepared["phrases"].search(lowered)
        and (line.word_count <= 15 or _NOTICE_MARK.search(lowered))
    ):
        return (removal(CODE, NAME, line.number, text, "copyright notice"),)
    return ()


RULE = LineRule(code=CODE, name=NAME, prepare=prepare, check_line=check_line, trigger=trigger, max_length=MAX_LENGTH)
