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
SLACK = 12  # characters of punctuation and spacing two copies may differ by


def check(document: Document, context: Any) -> Iterator[Finding]:
    first, repeats = headline_repeats(document)
    skip = repeats | {first}
    lines = document.lines
    lengths = [len(line.text) for line in lines]
    flagged: set[int] = set()
    for index, line in enumerate(lines):
        near = range(max(0, index - REACH), index)
        if lengths[index] > MAX_LENGTH or all(abs(lengths[b] - lengths[index]) > SLACK for b in near):
            continue
        earlier = next((lines[b] for b in near if _same(lines[b], line)), None)
        if earlier is None or skip & {line.number, earlier.number} or _copies(lines, line) != 2:
            continue
        if not is_sentence(earlier.text) and earlier.number not in flagged:
            flagged.add(earlier.number)
            yield removal(
                CODE, NAME, earlier.number, earlier.text,
                f"caption shown twice (again on line {line.number})",
            )
        flagged.add(line.number)
        yield removal(CODE, NAME, line.number, line.text, f"caption repeated from line {earlier.number}")


def _same(a: Line, b: Line) -> bool:
    """Equal but for case and punctuation (cheaper tests first: most pairs differ early)."""
    if len(a.text) > MAX_LENGTH or abs(len(a.text) - len(b.text)) > SLACK:
        return False
    if a.text == b.text:
        return bool(a.key)
    return a.text[-12:].lower() == b.text[-12:].lower() and bool(a.key) and a.key == b.key


def _copies(lines: tuple[Line, ...], line: Line) -> int:
    return sum(1 for other in lines if _same(other, line))
