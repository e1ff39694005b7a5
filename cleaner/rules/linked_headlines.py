"""## linked-headlines (B012)

### What it does
Flags the headlines of other stories that extraction kept as paragraphs: two or more lines in
a row that are each the whole text of a link on the page and are shaped like headlines
(short, not ending with a full stop), such as a "More stories" box without its label; and a
single such line written in capitals ("COUNCIL VOTES TO CLOSE THE HARBOUR"), a link to
another story set in the article. Which lines are links comes from the HTML: cleaner's
extraction records them (`linked_lines` in the `extraction` metadata), so the rule does
nothing on plain text and JSON Lines without that record.

### Why is this bad?
A list of linked headlines is the site's navigation, not the article: it differs from page
to page of one site and says nothing the story says.

### Example
The last three lines are links on the page:
```
The council will vote again in March.
Ferry fares to rise by 4% from April
Harbour wall repaired after winter storms
```

### Use instead
```
The council will vote again in March.
```

### Fix safety
Safe. Each line must be a link's whole text, so a headline or list item that merely holds a
link stays; a single linked line stays unless it is in capitals (a linked product name or
heading inside the story, "Harbour wall repaired", stays); a run of short linked items (under five
words a line on average: "Wool", "Where to stay") is the article's own list or table
of contents and stays; addresses and lines ending with a full stop stay. (In the examples below, lines 2 to 4 are links on the page.)

Okay: The council will vote again in March.\\nFerry fares to rise by 4% from April\\nThe vote was close.
Okay: The council will vote again in March.\\nThe ferry fares rise in April.\\nThe harbour wall was repaired.
Okay: The council will vote again in March.\\nhttps://example.org/report\\nhttps://example.org/annex
Okay: The council will vote again in March.\\nWhere to stay\\nWhat to eat
B012: The council will vote again in March.\\nFerry fares to rise by 4% from April\\nHarbour wall repaired after winter storms
B012: The council will vote again in March.\\nCOUNCIL VOTES TO CLOSE THE HARBOUR\\nThe vote was close.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from cleaner.core.model import Document, Finding, Line
from cleaner.rules._shared import linked_lines, removal
from cleaner.rules.base import DocumentRule

CODE = "B012"
NAME = "linked-headlines"
EXAMPLE_METADATA = {"extraction": {"linked_lines": [2, 3, 4]}}
MIN_RUN = 2  # lines in a row: one linked headline alone may be the story's own heading
MAX_WORDS = 25
MIN_CAPITALS_WORDS = 4  # a linked line in capitals, alone, is a promo from this many words
# a run of other stories' headlines averages this many words or more; shorter linked items
# (brand names, materials, episode numbers, a table of contents) are the article's own list
MIN_MEAN_WORDS = 5


def check(document: Document, context: Any) -> Iterator[Finding]:
    linked = linked_lines(document)
    if not linked:
        return
    run: list[Line] = []
    for line in (*document.lines, None):
        if line is not None and line.number in linked and _headline_shaped(line):
            run.append(line)
            continue
        if len(run) >= MIN_RUN and sum(m.word_count for m in run) >= MIN_MEAN_WORDS * len(run):
            for member in run:
                yield removal(CODE, NAME, member.number, member.text, "linked headline in a list")
        elif len(run) == 1 and _in_capitals(run[0]):
            yield removal(CODE, NAME, run[0].number, run[0].text, "linked headline in capitals")
        run = []


def _headline_shaped(line: Line) -> bool:
    """A line of words, not an address, that does not end like a statement."""
    text = line.text.rstrip()
    if not 2 <= line.word_count <= MAX_WORDS or "://" in text or "www." in text or "@" in text:
        return False
    return not text.endswith((".", ":", ";", ","))


def _in_capitals(line: Line) -> bool:
    if line.word_count < MIN_CAPITALS_WORDS:
        return False
    letters = [c for c in line.text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


RULE = DocumentRule(code=CODE, name=NAME, check=check)
