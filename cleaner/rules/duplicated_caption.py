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

from collections import Counter
from typing import Any, Iterator

from cleaner.model import Document, Finding
from cleaner.rules._shared import headline_repeats, is_sentence, phrase_key, removal

CODE = "B004"
NAME = "duplicated-caption"
REACH = 2


def check(document: Document, context: Any) -> Iterator[Finding]:
    first, repeats = headline_repeats(document)
    skip = repeats | {first}
    keys = [phrase_key(line.text) for line in document.lines]
    copies = Counter(keys)
    flagged: set[int] = set()
    for index, line in enumerate(document.lines):
        if line.number in skip or not keys[index] or copies[keys[index]] != 2:
            continue
        for back in range(max(0, index - REACH), index):
            if keys[back] == keys[index] and document.lines[back].number not in skip:
                earlier = document.lines[back]
                if not is_sentence(earlier.text) and earlier.number not in flagged:
                    flagged.add(earlier.number)
                    yield removal(
                        CODE, NAME, earlier.number, earlier.text,
                        f"caption shown twice (again on line {line.number})",
                    )
                flagged.add(line.number)
                yield removal(
                    CODE, NAME, line.number, line.text, f"caption repeated from line {earlier.number}"
                )
                break
