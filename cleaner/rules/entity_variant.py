"""## entity-variant (N001)

### What it does
Flags a variant spelling of an entity's name and replaces it with the canonical form from the
gazetteer: "USA" and "U.S." become "US", "Russian Federation" becomes "Russia", "Syrian Arab
Republic" becomes "Syria". Spun spacing is repaired ("USA -backed" becomes "US-backed"), a
"the" goes with a name that takes none ("the Russian Federation said" becomes "Russia said"),
and a dotted form that ends a sentence keeps the full stop.

### Why is this bad?
Spun and syndicated copies write one entity many ways. One spelling makes the text consistent
for readers and search, and makes reworded copies of a story recognisable as duplicates.

### Example
```
The attack came when hundreds launched an assault on USA -backed forces.
```

### Use instead
```
The attack came when hundreds launched an assault on US-backed forces.
```

### Fix safety
Safe. Matching is case-sensitive (the pronoun "us" never changes) and whole-word ("USAID",
"MUSA", "U.S.S.R." stay), and names listed as exceptions stay ("USA Today"). The gazetteer is
`cleaner/data/entities.toml`; add entries with `--entities FILE`. An entry rewrites names
in documents of its `languages` only (English by default): "Die USA und Kanada" stays.

Okay: Tell us what you think.
Okay: The USSR and USAID were mentioned in USA Today.
N001: The attack came when hundreds launched an assault on USA -backed forces.
N001: Moscow's rhetoric changed when Russian Federation accused Washington.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from cleaner.core.model import Edit, Finding, Fix, Line
from cleaner.core.settings import Settings
from cleaner.entities import Matcher, load_gazetteer
from cleaner.rules.base import LineRule

CODE = "N001"
NAME = "entity-variant"
REWRITES_TEXT = True


def prepare(data: Any, settings: Settings) -> Matcher:
    language = data.get("language")
    return Matcher(tuple(e for e in load_gazetteer(settings.entity_files) if e.speaks(language)))


def check_lines(lines: Sequence[Line], matcher: Matcher) -> list[Finding]:
    # one search over all the lines: the pattern is long, and a search per line costs more
    lines = list(lines)
    findings = []
    for index, sub in matcher.substitutions_by_line([line.text for line in lines]):
        number = lines[index].number
        findings.append(
            Finding(
                CODE,
                NAME,
                number,
                f"write {sub.new!r} for {sub.old!r}",
                sub.old,
                sub.start + 1,
                sub.end + 1,
                Fix((Edit(number, sub.start, sub.end, sub.new),)),
            )
        )
    return findings


RULE = LineRule(code=CODE, name=NAME, prepare=prepare, rewrites_text=REWRITES_TEXT, check_lines=check_lines)
