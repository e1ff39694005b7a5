"""## duplicated-caption (B004)

### What it does
Flags an image caption that appears twice in a row (the image's alt text and its caption,
both scraped), up to two paragraphs apart. Both copies go when the line does not end like a
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
header row of a table repeated down the page.

Okay: Volunteers fill sandbags outside the town hall.\\nThe river rose overnight.
Okay: Results so far.\\nPlayer Goals Assists\\nAna Ruiz 4 2\\nPlayer Goals Assists\\nLea Roe 3 1\\nPlayer Goals Assists
B004: The river rose overnight.\\nVolunteers fill sandbags\\nVolunteers fill sandbags
"""

from __future__ import annotations

from typing import Any, Iterator

from cleaner.model import Document, Finding, Line
from cleaner.rules._shared import headline_repeats, is_sentence, removal

CODE = "B004"
NAME = "duplicated-caption"
REACH = 2
MAX_LENGTH = 300  # characters: a longer line is a paragraph, not a caption
SLACK = 4  # characters of punctuation and spacing two copies may differ by


def check(document: Document, context: Any) -> Iterator[Finding]:
    lines = document.lines
    pairs = [(earlier, line) for earlier, line in _near_copies(lines) if _copies(lines, line) == 2]
    if not pairs:
        return
    first, repeats = headline_repeats(document)
    skip = repeats | {first}
    flagged: set[int] = set()
    for earlier, line in pairs:
        if skip & {line.number, earlier.number}:
            continue
        if not is_sentence(earlier.text) and earlier.number not in flagged:
            flagged.add(earlier.number)
            yield removal(
                CODE, NAME, earlier.number, earlier.text,
                f"caption shown twice (again on line {line.number})",
            )
        flagged.add(line.number)
        yield removal(CODE, NAME, line.number, line.text, f"caption repeated from line {earlier.number}")


def _near_copies(lines: tuple[Line, ...]) -> Iterator[tuple[Line, Line]]:
    """Each line that repeats one of the ``REACH`` lines before it, with that earlier line."""
    lengths = [len(line.text) for line in lines]
    for index in range(1, len(lines)):
        length = lengths[index]
        for back in range(index - 1, max(-1, index - REACH - 1), -1):
            if abs(lengths[back] - length) <= SLACK and _same(lines[back], lines[index]):
                yield lines[back], lines[index]
                break


def _same(a: Line, b: Line) -> bool:
    """Equal but for case and punctuation (cheaper tests first: most pairs differ early)."""
    if len(a.text) > MAX_LENGTH or abs(len(a.text) - len(b.text)) > SLACK:
        return False
    return (a.text == b.text or a.key == b.key) and bool(a.key)


def _copies(lines: tuple[Line, ...], line: Line) -> int:
    return sum(1 for other in lines if _same(other, line))
