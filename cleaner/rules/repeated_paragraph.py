"""## repeated-paragraph (D001)

### What it does
Flags a paragraph that repeats an earlier paragraph of the same article word for word (spaces
around it aside). Both need at least six words. The later copy goes; the first stays.

### Why is this bad?
Scrapers pick up a paragraph twice when a page shows it twice (a pull quote, a summary box,
a story continued after a break), and a corpus that keeps both copies weighs that text
double. Copies in different articles, and near copies, are found by `cleaner dedup` and by
`cleaner clean`'s corpus stage (`duplicate-paragraph`, D002).

### Example
```
The council voted on Tuesday to rebuild the harbour wall before winter.
Work starts in March.
The contract goes to a local firm.
Residents asked for a new footpath too.
The council voted on Tuesday to rebuild the harbour wall before winter.
```

### Use instead
```
The council voted on Tuesday to rebuild the harbour wall before winter.
Work starts in March.
The contract goes to a local firm.
Residents asked for a new footpath too.
```

### Fix safety
Safe: the copy is the same text. Short repeated lines (a table's header row, "Photo: AP")
stay, and caption pairs (`duplicated-caption`, B004) and headline repeats
(`repeated-headline`, B003) are left to their rules when those are selected. Comparing whole
texts keeps the rule as cheap as a dictionary lookup per paragraph; copies that differ in case
or a few words are the corpus stage's to find.

Okay: The council voted on Tuesday to rebuild the harbour wall.\\nWork starts in March.\\nThe council will vote on the budget in May.
D001: The council voted on Tuesday to rebuild the harbour wall.\\nWork starts in March.\\nThe contract goes to a local firm.\\nResidents asked for a footpath.\\nThe council voted on Tuesday to rebuild the harbour wall.
"""

from __future__ import annotations

from typing import Any, Iterator

from cleaner.model import Document, Finding, Line
from cleaner.rules._shared import HEADLINE_TOP, TITLE_FIELDS, headline_repeats, removal
from cleaner.rules.duplicated_caption import REACH, pairs_of

CODE = "D001"
NAME = "repeated-paragraph"
MIN_WORDS = 6


def check(document: Document, context: Any) -> Iterator[Finding]:
    repeats = _repeats(document.lines)
    if repeats:
        skip = _left_to_other_rules(document, context, repeats)
        for line, first in repeats:
            if line.number not in skip and first.number not in skip:
                yield removal(CODE, NAME, line.number, line.text, f"paragraph repeated from line {first.number}")


def _repeats(lines: tuple[Line, ...]) -> list[tuple[Line, Line]]:
    """Each line whose text repeats an earlier one's, with that one, in order."""
    first_of: dict[str, Line] = {}
    found = []
    for line in lines:
        first = first_of.setdefault(line.text.strip(), line)
        if first is not line and line.word_count >= MIN_WORDS:
            found.append((line, first))
    return found


def _left_to_other_rules(document: Document, context: Any, repeats: list) -> set[int]:
    """The lines that ``repeated-headline`` and ``duplicated-caption`` remove, when selected.

    Each is asked only when it could claim one of ``repeats``: a headline among the top
    lines (or a page with a title), a caption pair at most ``REACH`` paragraphs apart.
    """
    place = {line.number: index for index, line in enumerate(document.lines)}
    gaps = [(place[first.number], place[line.number] - place[first.number]) for line, first in repeats]
    skip: set[int] = set()
    titled = any(document.metadata.get(k) for k in TITLE_FIELDS)
    if context.settings.is_selected("B003") and (titled or min(at for at, _ in gaps) < HEADLINE_TOP):
        skip |= document.derived(headline_repeats)[1]
    if context.settings.is_selected("B004") and min(gap for _, gap in gaps) <= REACH:
        skip |= {line.number for pair in document.derived(pairs_of) for line in pair}
    return skip
