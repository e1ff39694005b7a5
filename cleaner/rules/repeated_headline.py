"""## repeated-headline (B003)

### What it does
Flags a line that repeats the headline: a line equal to the page's title (from the HTML
metadata or a `title` field), or, in plain text without a title, a second copy of a line
among the first six paragraphs.

### Why is this bad?
Scrapers pick up the headline from the page header and again from the article, so it is
doubled in the text; extractors keep the page title as the first line. The headline is
metadata: in plain text without a title the first copy stays.

### Example
```
US Coalition Kills 'More Than 100' Pro-Syrian Gov't Fighters
US Coalition Kills 'More Than 100' Pro-Syrian Gov't Fighters
The strikes were carried out in self-defense, according to officials.
```

### Use instead
```
US Coalition Kills 'More Than 100' Pro-Syrian Gov't Fighters
The strikes were carried out in self-defense, according to officials.
```

### Fix safety
Safe. Matching ignores case and punctuation only; a body line that merely shares words with
the headline stays.

Okay: Floods close the coast road\\nThe coast road floods close to the harbour every winter.
B003: Floods close the coast road\\nFloods close the coast road\\nThe road reopened on Monday.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from cleaner.core.model import Document, Finding
from cleaner.rules._shared import headline_repeats, removal
from cleaner.rules.base import DocumentRule

CODE = "B003"
NAME = "repeated-headline"


def check(document: Document, context: Any) -> Iterator[Finding]:
    first, repeats = document.derived(headline_repeats)
    for line in document.lines:
        if line.number in repeats:
            where = "the page title" if first is None else f"line {first}"
            yield removal(CODE, NAME, line.number, line.text, f"headline repeated from {where}")


RULE = DocumentRule(code=CODE, name=NAME, check=check)
