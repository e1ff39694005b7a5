"""## duplicated-caption (B004)

### What it does
Flags an image caption that appears twice in a row (the image's alt text and its caption,
both scraped), up to two paragraphs apart; case and surrounding spaces and full stops do not
count. Both copies go when the line does not end like a
sentence, as captions rarely do; otherwise the second copy goes.

### Why is this bad?
A caption describes a picture the text no longer has, and its doubling shows it is page
furniture. Repeated headlines are left to `repeated-headline` (B003).

### Example
```
Volunteers fill sandbags outside the town hall
Volunteers fill sandbags outside the town hall
```

### Use instead
Nothing: both copies go.

### Fix safety
Safe. A line repeated far from its first copy is a duplicate paragraph, not a caption, and is
left to the duplicate rules; so is a line that appears three times or more, such as the
header row of a table repeated down the page. A word alone ("noun") and a list item or table
row written twice are the article's own and stay.

Okay: Volunteers fill sandbags outside the town hall.\\nThe river rose overnight.
Okay: Results so far.\\nPlayer Goals Assists\\nAna Ruiz 4 2\\nPlayer Goals Assists\\nLea Roe 3 1\\nPlayer Goals Assists
B004: The river rose overnight.\\nVolunteers fill sandbags\\nVolunteers fill sandbags
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from cleaner.core.model import Document, Finding, Line
from cleaner.rules._shared import headline_repeats, is_sentence, listed, removal
from cleaner.rules.base import DocumentRule

CODE = "B004"
NAME = "duplicated-caption"
REACH = 2
MAX_LENGTH = 300  # characters: a longer line is a paragraph, not a caption


def check(document: Document, context: Any) -> Iterator[Finding]:
    pairs = document.derived(pairs_of)
    if not pairs:
        return
    first, repeats = document.derived(headline_repeats)
    skip = repeats | {first}
    flagged: set[int] = set()
    for earlier, line in pairs:
        if skip & {line.number, earlier.number}:
            continue
        if not is_sentence(earlier.text) and earlier.number not in flagged:
            flagged.add(earlier.number)
            yield removal(
                CODE,
                NAME,
                earlier.number,
                earlier.text,
                f"caption shown twice (again on line {line.number})",
            )
        flagged.add(line.number)
        yield removal(CODE, NAME, line.number, line.text, f"caption repeated from line {earlier.number}")


def pairs_of(document: Document) -> list[tuple[Line, Line]]:
    """The caption pairs of ``document`` (see :func:`caption_pairs`)."""
    return caption_pairs(document.lines)


def caption_pairs(lines: tuple[Line, ...]) -> list[tuple[Line, Line]]:
    """Lines that appear exactly twice, at most ``REACH`` paragraphs apart, as (first, second).

    Lines compare with case and surrounding spaces and full stops left out; only lines that
    share their first word are compared at all.
    """
    starting: dict[str, list[int]] = {}
    for index, line in enumerate(lines):
        # a caption is a phrase: a word alone or a list's item twice is the article's own
        if len(line.text) <= MAX_LENGTH and line.word_count > 1 and not listed(line.text):
            starting.setdefault(line.first_word, []).append(index)
    pairs = []
    for indexes in starting.values():
        if len(indexes) < 2:
            continue
        places: dict[str, list[int]] = {}
        for index in indexes:
            places.setdefault(lines[index].text.strip(_EDGES).casefold(), []).append(index)
        for form, (first, *rest) in places.items():
            if len(rest) == 1 and rest[0] - first <= REACH and any(c.isalnum() for c in form):
                pairs.append((lines[first], lines[rest[0]]))
    return sorted(pairs, key=lambda pair: pair[0].number)


_EDGES = "".join(c for c in map(chr, range(0x3001)) if c.isspace()) + "."  # what str.strip() strips, and "."

RULE = DocumentRule(code=CODE, name=NAME, check=check)
