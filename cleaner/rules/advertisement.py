"""## advertisement (B007)

### What it does
Flags the labels that mark an advertisement slot or sponsored block: "Advertisement",
"ADVERTISEMENT", "Sponsored content", "Story continues below advertisement", "Scroll to
continue with content".

### Why is this bad?
The advertisement itself is gone from the scrape; its label stays behind in the middle of the
article, often between two halves of a sentence's paragraph.

### Example
```
Story continues below advertisement
```

### Use instead
Nothing: the line goes.

### Fix safety
Safe. Only a line that is wholly such a label goes; "Advertisement spending rose 4% in
2019." stays.

Okay: Advertisement spending rose 4% in 2019.
Okay: Sponsored by the council, the festival drew large crowds.
B007: ADVERTISEMENT
B007: Story continues below advertisement
B007: Advertisement - Scroll to continue
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from cleaner.core.model import Finding, Line
from cleaner.core.settings import Settings
from cleaner.rules._shared import first_words, phrase_set, removal, word_trigger
from cleaner.rules.base import LineRule

CODE = "B007"
NAME = "advertisement"
MAX_LENGTH = 80  # characters: longer than any label


def prepare(data: Mapping[str, Any], settings: Settings) -> dict[str, Any]:
    return {"labels": phrase_set(data["lines"]), "trigger": word_trigger(first_words(data["lines"]))}


def trigger(prepared: Mapping[str, Any]) -> frozenset[str]:
    return prepared["trigger"]


def check_line(line: Line, prepared: Mapping[str, Any]) -> tuple[Finding, ...]:
    if line.key in prepared["labels"]:
        return (removal(CODE, NAME, line.number, line.text, "advertisement label"),)
    return ()


RULE = LineRule(code=CODE, name=NAME, prepare=prepare, check_line=check_line, trigger=trigger, max_length=MAX_LENGTH)
