"""## tag-list (B014)

### What it does
Flags a line among the first or last three of the text that lists the article's tags or
keywords: a label ("Tags:", "Tagged:", "Filed under:", "Topics:", "Keywords:") followed by
short items, or, without a label, five or more comma-separated keywords all in lower case
("harbour vote, ferry fares, coast road, ...").

### Why is this bad?
Tags are the site's index of its articles. They repeat the article's subject as a list of
search terms, which is not text anyone wrote to be read.

### Example
```
Filed under: Harbour | Council | Transport
```

### Use instead
Nothing: the line goes.

### Fix safety
Safe. Tags stand before or after the story, so a line inside it is never flagged. A labelled
line must be short (at most 30 words) with items of at most five words and
must not end like a sentence; an unlabelled list must start in lower case and have no item
longer than six words, so a sentence that lists things ("Apples, pears, plums and figs were
sold.") and a list of names stay.

Okay: Tagged bags were loaded first, the airline said.
Okay: Topics for the debate included the harbour, ferry fares and the coast road.
Okay: Apples, pears, plums, figs, dates and nuts were on sale at the market.
Okay: Jane Doe, John Roe, Ana Ruiz, Lea Roe and Sam Poe contributed reporting.
B014: Filed under: Harbour | Council | Transport
B014: Tags: harbour vote, ferry fares, coast road
B014: harbour vote 2019, ferry fares, coast road closure, council budget, school buses
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from cleaner.core.model import Document, Finding, Line
from cleaner.core.settings import Settings
from cleaner.rules._shared import first_words, is_sentence, prefix_regex, removal
from cleaner.rules.base import DocumentRule

CODE = "B014"
NAME = "tag-list"
EDGE = 3  # lines at the start and at the end of the text where tags stand
MAX_LENGTH = 400
MAX_WORDS = 30  # in a labelled line
MAX_ITEM_WORDS = 5  # in a labelled line
MIN_KEYWORDS = 5  # items in an unlabelled list
MAX_KEYWORD_WORDS = 6
_ITEMS = re.compile(r"\s*[,;|•·]\s*")


def prepare(data: Mapping[str, Any], settings: Settings) -> dict[str, Any]:
    return {"label": prefix_regex(data["labels"]), "starts": first_words(data["labels"])}


def check(document: Document, context: Any) -> Iterator[Finding]:
    prepared = context.prepared[NAME]
    lines = document.lines
    edges = lines if len(lines) <= 2 * EDGE else (*lines[:EDGE], *lines[-EDGE:])
    starts = prepared["starts"]
    for line in edges:
        text = line.text
        # the cheap tests first: most lines neither start with a label nor in lower case
        if line.first_word not in starts and not (text[:1].islower() and "," in text):
            continue
        kind = _tags(line, prepared["label"]) if len(text) <= MAX_LENGTH else None
        if kind:
            yield removal(CODE, NAME, line.number, text, kind)


def _tags(line: Line, label: re.Pattern[str]) -> str | None:
    """What the line lists, if it lists tags: "the article's tags" or "a list of keywords"."""
    text = line.text.strip()
    if is_sentence(text):
        return None
    labelled = label.match(text)
    if labelled:
        items = _items(text[labelled.end() :])
        short = line.word_count <= MAX_WORDS and _all_short(items, MAX_ITEM_WORDS)
        return "the article's tags" if items and short else None
    items = _items(text)
    if (
        len(items) >= MIN_KEYWORDS
        and "," in text
        and _all_short(items, MAX_KEYWORD_WORDS)
        and all(item[0].islower() for item in items)
    ):
        return "a list of keywords"
    return None


def _items(text: str) -> list[str]:
    return [item for item in _ITEMS.split(text.strip(" |")) if item]


def _all_short(items: list[str], words: int) -> bool:
    return all(len(item.split()) <= words for item in items)


RULE = DocumentRule(code=CODE, name=NAME, prepare=prepare, check=check)
