"""## repeated-paragraph (D001)

### What it does
Flags a paragraph that repeats an earlier paragraph of the same article: the same words in
the same order (case and punctuation aside), or a near copy, whose word set is as similar to
the earlier one's as the dedup threshold asks (Jaccard 0.5 by default). Both paragraphs need
at least six words. The later copy goes; the first stays.

### Why is this bad?
Scrapers pick up a paragraph twice when a page shows it twice (a pull quote, a summary box,
a story continued after a break), and a corpus that keeps both copies weighs that text
double. Copies in different articles are `cleaner clean`'s corpus stage's business
(`duplicate-paragraph`, D002).

### Example
```
The council voted on Tuesday to rebuild the harbour wall before winter.
Work starts in March.
The contract goes to a local firm.
Residents asked for a new footpath too.
The council voted on Tuesday to rebuild the harbour wall before the winter.
```

### Use instead
```
The council voted on Tuesday to rebuild the harbour wall before winter.
Work starts in March.
The contract goes to a local firm.
Residents asked for a new footpath too.
```

### Fix safety
Safe for exact copies and for near copies at a similarity of 0.8 or more. A less similar
near copy (0.5 to 0.8) may be a parallel sentence that says something new ("arrested on
Monday and charged with theft" beside "arrested on Tuesday and charged with fraud"), so its
fix is unsafe: it is reported, not applied. Caption pairs (`duplicated-caption`, B004) and
headline repeats (`repeated-headline`, B003) are left to their rules when those are selected.

Okay: The council voted on Tuesday to rebuild the harbour wall.\\nWork starts in March.\\nThe council will vote on the budget in May.
D001: The council voted on Tuesday to rebuild the harbour wall.\\nWork starts in March.\\nThe contract goes to a local firm.\\nResidents asked for a footpath.\\nThe council voted on Tuesday to rebuild the harbour wall.
"""

from __future__ import annotations

from typing import Any, Iterator

from cleaner.model import Document, Finding, Line
from cleaner.rules._shared import headline_repeats, removal
from cleaner.rules.duplicated_caption import caption_pairs

CODE = "D001"
NAME = "repeated-paragraph"
MIN_WORDS = 6
SAFE_SIMILARITY = 0.8


def check(document: Document, context: Any) -> Iterator[Finding]:
    lines = [line for line in document.lines if line.key.count(" ") + 1 >= MIN_WORDS]
    repeats = list(_repeats(lines, context.settings.dedup.threshold)) if len(lines) > 1 else []
    if repeats:
        skip = _left_to_other_rules(document, context)
        for line, first, similarity in repeats:
            if line.number not in skip and first.number not in skip:
                yield _repeat(line, first, similarity)


def _repeats(lines: list[Line], threshold: float) -> Iterator[tuple[Line, Line, float]]:
    """Each line that repeats an earlier one, with that one and their similarity."""
    first_of: dict[str, Line] = {}
    earlier: list[tuple[Line, frozenset[str]]] = []
    for line in lines:
        if line.key in first_of:
            yield line, first_of[line.key], 1.0
            continue
        first_of[line.key] = line
        words = frozenset(line.key.split())
        found = _most_similar(words, earlier, threshold)
        if found is None:
            earlier.append((line, words))
        else:
            yield line, *found


def _most_similar(
    words: frozenset[str], earlier: list[tuple[Line, frozenset[str]]], threshold: float
) -> tuple[Line, float] | None:
    """The earlier paragraph most like ``words`` (Jaccard of word sets) at ``threshold`` or more."""
    best: tuple[Line, float] | None = None
    size = len(words)
    for line, other in earlier:
        if min(size, len(other)) < threshold * max(size, len(other)):
            continue  # sizes too far apart for the threshold
        shared = len(words & other)
        similarity = shared / (size + len(other) - shared)
        if similarity >= threshold and (best is None or similarity > best[1]):
            best = (line, similarity)
    return best


def _repeat(line: Line, first: Line, similarity: float) -> Finding:
    if line.key == first.key:
        message = f"paragraph repeated from line {first.number}"
    else:
        message = f"near copy of line {first.number} (word similarity {similarity:.2f})"
    finding = removal(CODE, NAME, line.number, line.text, message)
    if similarity < SAFE_SIMILARITY:
        finding = finding._replace(fix=finding.fix._replace(safe=False))
    return finding


def _left_to_other_rules(document: Document, context: Any) -> set[int]:
    """The lines that ``repeated-headline`` and ``duplicated-caption`` remove, when selected."""
    skip: set[int] = set()
    if context.settings.is_selected("B003"):
        skip |= headline_repeats(document)[1]
    if context.settings.is_selected("B004"):
        skip |= {line.number for pair in caption_pairs(document.lines) for line in pair}
    return skip
