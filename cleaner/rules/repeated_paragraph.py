"""## repeated-paragraph (D001)

### What it does
Flags a paragraph of six words or more that repeats an earlier paragraph of the same article
word for word (spaces around it aside). When it is part of a stretch of the article shown
again (three or more paragraphs in a row that repeat, in the same order, paragraphs earlier in
the article), the later copies go and the first stay.

### Why is this bad?
Scrapers pick up a paragraph twice when a page shows it twice (a pull quote, a summary box,
a story continued after a break), and a corpus that keeps both copies weighs that text
double. Copies in different articles, and near copies, are found by `cleaner dedup` and by
`cleaner clean`'s corpus stage (`duplicate-paragraph`, D002).

### Example
```
The council voted on Tuesday to rebuild the harbour wall before winter.
Work starts in March and should end by the autumn, the council said.
The contract goes to a firm from the town, which bid lowest.
Residents asked for a new footpath too.
The council voted on Tuesday to rebuild the harbour wall before winter.
Work starts in March and should end by the autumn, the council said.
The contract goes to a firm from the town, which bid lowest.
```

### Use instead
```
The council voted on Tuesday to rebuild the harbour wall before winter.
Work starts in March and should end by the autumn, the council said.
The contract goes to a firm from the town, which bid lowest.
Residents asked for a new footpath too.
```

### Fix safety
Safe for a stretch: the copies are the same text. A paragraph repeated alone, or two in a
row, is reported with an unsafe fix (`cleaner check --unsafe-fixes` applies it): an interview
asks each guest the same question, a meal plan repeats its day's steps, and such repeats are
often the article's own. So are short repeated lines (a table's header row, "Photo: AP") and
list items and table rows (a product's features listed for each of its models): they stay.
Caption pairs (`duplicated-caption`, B004) and headline repeats
(`repeated-headline`, B003) are left to their rules when those are selected. Comparing whole
texts keeps the rule as cheap as a dictionary lookup per paragraph; copies that differ in case
or a few words are the corpus stage's to find.

Okay: What did the harbour mean to you as a child?\\nIt was where my father worked.\\nWhat did the harbour mean to you as a child?\\nIt was where we swam in summer.
D001: The council voted on Tuesday to rebuild the harbour wall.\\nWork starts in March and should end by the autumn.\\nThe contract goes to a firm from the town, which bid lowest.\\nResidents asked for a footpath.\\nThe council voted on Tuesday to rebuild the harbour wall.\\nWork starts in March and should end by the autumn.\\nThe contract goes to a firm from the town, which bid lowest.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from cleaner.core.model import Document, Finding, Line
from cleaner.rules._shared import HEADLINE_TOP, TITLE_FIELDS, headline_repeats, listed, removal
from cleaner.rules.base import DocumentRule
from cleaner.rules.duplicated_caption import REACH, pairs_of

CODE = "D001"
NAME = "repeated-paragraph"
MIN_WORDS = 6
STRETCH = 3  # paragraphs in a row shown again: fewer may be a recipe's or an interview's own repeats


def check(document: Document, context: Any) -> Iterator[Finding]:
    repeats = _repeats(document.lines)
    if repeats:
        skip = _left_to_other_rules(document, context, [(line, first) for line, first, _ in repeats])
        for line, first, stretch in repeats:
            if line.number not in skip and first.number not in skip:
                message = f"paragraph repeated from line {first.number}"
                # a repeat of its own (not in a stretch) may be the article's: reported, not fixed
                yield removal(CODE, NAME, line.number, line.text, message, safe=stretch)


def _repeats(lines: tuple[Line, ...]) -> list[tuple[Line, Line, bool]]:
    """Each line that repeats an earlier one, with that one, and whether it is part of a
    repeated stretch."""
    texts = [line.text.strip() for line in lines]
    first_of: dict[str, int] = {}
    found = []
    for index, text in enumerate(texts):
        first = first_of.setdefault(text, index)
        if (
            first != index and lines[index].word_count >= MIN_WORDS and not listed(lines[index].text)
        ):  # a list repeats on purpose
            found.append((lines[index], lines[first], _in_stretch(texts, first, index)))
    return found


def _in_stretch(texts: list[str], first: int, index: int) -> bool:
    """Whether the copy at ``index`` of the paragraph at ``first`` is part of a stretch of at
    least ``STRETCH`` paragraphs that repeats, in order, the stretch around that first copy."""
    gap, run = index - first, 1
    for step in (-1, 1):
        at = index + step
        while at - gap >= 0 and at < len(texts) and run < STRETCH and texts[at] == texts[at - gap]:
            run, at = run + 1, at + step
    return run >= STRETCH


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


RULE = DocumentRule(code=CODE, name=NAME, check=check)
