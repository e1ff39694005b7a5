"""## promo-line (B005)

### What it does
Flags a line that advertises other content: "More news: ...", "Read more: ...", "Related:
...", "Also read: ...", "See also: ...", a lone "You may also like", "CLICK HERE TO GET THE
... APP", "Continue reading". The headlines listed under a lone label ("You may also like",
"Related stories") go with it: short lines that do not end like a sentence, up to the next
sentence.

### Why is this bad?
Promo lines point away from the article, usually to another headline. They are the most
common leftover of text extraction and differ from site to site, so they also hide copies of
one story from duplicate detection.

### Example
```
More news: Did Iran Just Start A War With Israel?
```

### Use instead
Nothing: the line goes.

### Fix safety
Safe. A label must be followed by a separator (":", "|", "»", a dash) or fill the line alone,
so sentences that start with the same words stay: "More news outlets said...", "Related
measures...", "Read more about the plan in the report."

Okay: More news outlets said the vote would be close.
Okay: Related measures were passed by the senate on Friday.
Okay: See also the minister's remarks on the budget, which came later.
B005: More news: Did Iran Just Start A War With Israel?
B005: READ MORE: Floods close the coast road
B005: You may also like...
B005: CLICK HERE TO GET THE NEWS APP
Okay: Click here to get more information or to download the game.
B005: Related stories\\nCouncil approves budget for new school buses\\nFerry fares to rise by 4% from April
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from cleaner.core.model import Document, Finding
from cleaner.core.settings import Settings
from cleaner.rules._shared import (
    first_words,
    is_sentence,
    phrase_set,
    prefix_regex,
    removal,
    starts_regex,
    word_trigger,
)
from cleaner.rules.base import DocumentRule

CODE = "B005"
NAME = "promo-line"
MAX_CALL_WORDS = 15
MAX_LABEL_LENGTH = 80
MAX_LENGTH = 300  # characters: longer lines are prose, never a promo


def prepare(data: Mapping[str, Any], settings: Settings) -> dict[str, Any]:
    return {
        "prefix": prefix_regex(data["prefixes"]),
        "lines": phrase_set(data["lines"]),
        "calls": starts_regex(data["calls"]),
        # a cheap first test: the line starts with the first word of a label, prefix or call
        "trigger": word_trigger(first_words([*data["prefixes"], *data["lines"], *data["calls"]])),
    }


def check(document: Document, context: Any) -> Iterator[Finding]:
    prepared = context.prepared[NAME]
    lines = document.lines
    done: set[int] = set()
    starts = prepared["trigger"]
    for index, line in enumerate(lines):
        text = line.text
        if index in done or len(text) > MAX_LENGTH or line.first_word not in starts:
            continue
        if len(text) <= MAX_LABEL_LENGTH and line.key in prepared["lines"]:
            yield removal(CODE, NAME, line.number, text, "promotes other content")
            for after in range(index + 1, len(lines)):  # the headlines listed under it
                follower = lines[after]
                if not _headline_shaped(follower.text):
                    break
                done.add(after)
                message = f"headline promoted on line {line.number}"
                yield removal(CODE, NAME, follower.number, follower.text, message)
        elif prepared["prefix"].match(text):
            yield removal(CODE, NAME, line.number, text, "promotes other content")
        elif prepared["calls"].match(text) and _headline_shaped(text):
            yield removal(CODE, NAME, line.number, text, "call to click")


def _headline_shaped(text: str) -> bool:
    """A short line that does not end like a sentence: a linked headline."""
    return len(text) < 200 and len(text.split()) <= MAX_CALL_WORDS and not is_sentence(text)


RULE = DocumentRule(code=CODE, name=NAME, prepare=prepare, check=check)
