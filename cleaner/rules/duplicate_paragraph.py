"""## duplicate-paragraph (D002)

### What it does
Flags a paragraph that is a copy (exact, or near by the dedup settings) of a paragraph of
another article of the corpus, the canonical copy: the earliest by date, else the first by
path, record and line. Paragraphs are compared once cleaned (boilerplate removed, entity
names written one way), by the Jaccard similarity of their words (0.5 by default).

### Why is this bad?
Wire copy republished by many sites weighs the same text many times in a corpus, and a
paragraph pasted from one article into another is usually a mistake.

### Example
`local/harbour.txt`:
```
The council voted on Tuesday to rebuild the harbour wall before the winter storms.
```
`wire/harbour.txt`:
```
The council voted Tuesday to rebuild the harbour wall before winter storms.
```
Neither article has a date, so the first by path is the canonical copy: the paragraph of
`wire/harbour.txt` is reported as a copy of `local/harbour.txt` line 1 (similarity 0.92).

### How it is found
A corpus rule: `cleaner clean` finds copies in its corpus stage (MinHash and LSH over every
paragraph of the run). `cleaner check` compares the files it checks with every file of the
corpus (the `include` globs and the files given) through the corpus index in
`.cleaner_cache/`, so a hook that sees a few changed files still finds copies of the rest.

### Fix safety
Unsafe: the copy may be the one a reader wants to keep. `cleaner clean --drop-duplicates`
and `cleaner check --fix --unsafe-fixes` remove it; the canonical copy stays. Every removal
is recorded with the canonical copy's path, record and line.
"""

from __future__ import annotations

from cleaner.core.model import Finding
from cleaner.rules._shared import removal
from cleaner.rules.base import CorpusRule

CODE = "D002"
NAME = "duplicate-paragraph"

RULE = CorpusRule(code=CODE, name=NAME)


def copy_finding(
    line: int,
    text: str,
    path: str,
    record: int | None,
    canonical_line: int,
    similarity: float,
    cluster: int | None = None,
) -> Finding:
    """The finding on line ``line`` (``text``) that copies the canonical paragraph at
    ``path`` (``record``), line ``canonical_line``: its fix, unsafe, removes the line."""
    where = path if record is None else f"{path} record {record}"
    detail = f"similarity {similarity:.2f}" + (f", cluster {cluster}" if cluster is not None else "")
    return removal(CODE, NAME, line, text, f"copy of {where} line {canonical_line} ({detail})", safe=False)
