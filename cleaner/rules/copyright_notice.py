"""## copyright-notice (B009)

### What it does
Flags a rights notice: a line that starts with "©", "(c)" or "Copyright" and a year, or a
short line that says "All rights reserved" or "This material may not be published, broadcast,
rewritten or redistributed".

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
B009: This material may not be published, broadcast, rewritten or redistributed.
"""

from __future__ import annotations

import re
from typing import Any, Iterator, Mapping

from cleaner.model import Document, Finding
from cleaner.rules._shared import phrase_pattern, removal

CODE = "B009"
NAME = "copyright-notice"
MAX_WORDS = 40
_NOTICE_START = re.compile(r"^\W*(?:©|\(c\)|copyright\s*(?:©|\(c\))?\s*(?:\d{4}|©))", re.I)


def prepare(data: Mapping[str, Any]) -> re.Pattern[str]:
    return re.compile(phrase_pattern(data["phrases"]), re.I)


def check(document: Document, context: Any) -> Iterator[Finding]:
    phrases = context.prepared[NAME]
    for line in document.lines:
        text = line.text
        if len(text.split()) > MAX_WORDS:
            continue
        if _NOTICE_START.match(text) or (phrases.search(text) and _notice_shaped(text)):
            yield removal(CODE, NAME, line.number, text, "copyright notice")


def _notice_shaped(text: str) -> bool:
    """Short, or dense with the marks of a notice rather than a sentence of the story."""
    return len(text.split()) <= 15 or bool(re.search(r"©|\bcopyright\b|\b(?:19|20)\d{2}\b", text, re.I))
