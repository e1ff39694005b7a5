"""## repeated-paragraph (D001)

### What it does
Flags a paragraph that repeats an earlier paragraph of the same article: the same words in
the same order (case and punctuation aside), or a near copy, whose word set is as similar to
the earlier one's as the dedup threshold asks (Jaccard 0.5 by default). Both paragraphs need
at least six words, ten for a near copy. The later copy goes; the first stays.

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
from cleaner.rules._shared import TITLE_FIELDS, headline_repeats, removal
from cleaner.rules.duplicated_caption import REACH, caption_pairs

CODE = "D001"
NAME = "repeated-paragraph"
MIN_WORDS = 6
NEAR_MIN_WORDS = 10  # below this, half the words in common is chance (two bylines)
SAFE_SIMILARITY = 0.8
HEADLINE_TOP = 6  # repeated-headline looks for a headline among this many first paragraphs


def check(document: Document, context: Any) -> Iterator[Finding]:
    lines = [line for line in document.lines if line.key.count(" ") + 1 >= MIN_WORDS]
    repeats = _repeats(lines, context.settings.dedup.threshold) if len(lines) > 1 else []
    if repeats:
        skip = _left_to_other_rules(document, context, repeats)
        for line, first, similarity in repeats:
            if line.number not in skip and first.number not in skip:
                yield _repeat(line, first, similarity)


def _repeats(lines: list[Line], threshold: float) -> list[tuple[Line, Line, float]]:
    """Each line that repeats an earlier one, with that one and their similarity, in order."""
    first_of: dict[str, Line] = {}
    found, firsts = [], []
    for line in lines:
        if line.key in first_of:
            found.append((line, first_of[line.key], 1.0))
        else:
            first_of[line.key] = line
            firsts.append(line)
    found += _near_copies([line for line in firsts if line.key.count(" ") + 1 >= NEAR_MIN_WORDS], threshold)
    return sorted(found, key=lambda repeat: repeat[0].number)


def _near_copies(lines: list[Line], threshold: float) -> list[tuple[Line, Line, float]]:
    """Each line whose word set is as similar to an earlier one's as ``threshold`` asks, with
    the most similar earlier line (a near copy is not compared with later lines itself)."""
    found = []
    earlier: list[tuple[frozenset[str], int, Line]] = []  # word set, its size, line
    for line in lines:
        words = frozenset(line.key.split())
        size = len(words)
        low, high = threshold * size, size / threshold  # the sizes a similar enough set can have
        scored = [
            (shared / (size + other_size - shared), -n)
            for n, (other, other_size, _) in enumerate(earlier)
            if low <= other_size <= high and (shared := len(words & other))
        ]
        similarity, n = max(scored, default=(0.0, 0))
        if similarity >= threshold:
            found.append((line, earlier[-n][2], similarity))
        else:
            earlier.append((words, size, line))
    return found


def _repeat(line: Line, first: Line, similarity: float) -> Finding:
    if line.key == first.key:
        message = f"paragraph repeated from line {first.number}"
    else:
        message = f"near copy of line {first.number} (word similarity {similarity:.2f})"
    finding = removal(CODE, NAME, line.number, line.text, message)
    if similarity < SAFE_SIMILARITY:
        finding = finding._replace(fix=finding.fix._replace(safe=False))
    return finding


def _left_to_other_rules(document: Document, context: Any, repeats: list) -> set[int]:
    """The lines that ``repeated-headline`` and ``duplicated-caption`` remove, when selected.

    Each is asked only when it could claim one of ``repeats``: a headline among the top
    lines (or a page with a title), a caption pair at most ``REACH`` paragraphs apart.
    """
    place = {line.number: index for index, line in enumerate(document.lines)}
    gaps = [(place[first.number], place[line.number] - place[first.number]) for line, first, _ in repeats]
    skip: set[int] = set()
    titled = any(document.metadata.get(k) for k in TITLE_FIELDS)
    if context.settings.is_selected("B003") and (titled or min(at for at, _ in gaps) < HEADLINE_TOP):
        skip |= headline_repeats(document, HEADLINE_TOP)[1]
    if context.settings.is_selected("B004") and min(gap for _, gap in gaps) <= REACH:
        skip |= {line.number for pair in caption_pairs(document.lines) for line in pair}
    return skip
