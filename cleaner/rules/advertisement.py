"""## advertisement (B007)

### What it does
Flags the labels that mark an advertisement slot or sponsored block: "Advertisement",
"ADVERTISEMENT", "Sponsored content", "Story continues below advertisement", "Scroll to
continue with content".

### Why is this bad?
The advertisement itself is gone from the scrape; its label stays behind in the middle of the
article, often between two halves of a sentence's paragraph.

### Example
```
Story continues below advertisement
```

### Use instead
Nothing: the line goes.

### Fix safety
Safe. Only a line that is wholly such a label goes; "Advertisement spending rose 4% in
2019." stays.

Okay: Advertisement spending rose 4% in 2019.
Okay: Sponsored by the council, the festival drew large crowds.
B007: ADVERTISEMENT
B007: Story continues below advertisement
B007: Advertisement - Scroll to continue
"""

from __future__ import annotations

from typing import Any, Iterator, Mapping

from cleaner.model import Document, Finding
from cleaner.rules._shared import phrase_key, phrase_set, removal

CODE = "B007"
NAME = "advertisement"


def prepare(data: Mapping[str, Any]) -> frozenset[str]:
    return phrase_set(data["lines"])


def check(document: Document, context: Any) -> Iterator[Finding]:
    labels = context.prepared[NAME]
    for line in document.lines:
        if phrase_key(line.text) in labels:
            yield removal(CODE, NAME, line.number, line.text, "advertisement label")
