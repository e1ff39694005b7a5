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
`cleaner/data/entities.toml`; add entries with `--entities FILE`.

Okay: Tell us what you think.
Okay: The USSR and USAID were mentioned in USA Today.
N001: The attack came when hundreds launched an assault on USA -backed forces.
N001: Moscow's rhetoric changed when Russian Federation accused Washington.
"""

from __future__ import annotations

import re
from typing import Any

from cleaner.entities import Matcher, load_gazetteer
from cleaner.model import Edit, Finding, Fix, Line
from cleaner.settings import Settings

CODE = "N001"
NAME = "entity-variant"


def prepare(data: Any, settings: Settings) -> Matcher:
    return Matcher(load_gazetteer(settings.entity_files))


TRIGGER_CASE = "text"  # variants start with capitals, rarer than lower-case letters


def trigger(matcher: Matcher) -> re.Pattern[str]:
    return matcher.pattern


def check_line(line: Line, matcher: Matcher) -> list[Finding]:
    return [
        Finding(
            code=CODE,
            name=NAME,
            line=line.number,
            message=f"write {sub.new!r} for {sub.old!r}",
            text=sub.old,
            column=sub.start + 1,
            end_column=sub.end + 1,
            fix=Fix((Edit(line.number, sub.start, sub.end, sub.new),)),
        )
        for sub in matcher.substitutions(line.text)
    ]
