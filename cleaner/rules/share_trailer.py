"""## share-trailer (B006)

### What it does
Flags the text of sharing widgets: "Like this:", "Share this:", "Loading...", "Click to share
on Twitter (Opens in new window)", "Share on Facebook", and rows of network names such as
"Facebook Twitter WhatsApp Email".

### Why is this bad?
Share buttons are page furniture. Their labels end up at the top or bottom of scraped
articles and add nothing a reader or a model should see.

### Example
```
Like this:
```

### Use instead
Nothing: the line goes.

### Fix safety
Safe. Only lines made wholly of widget labels go; "Share prices fell sharply on Monday." and
"Like this year's budget, the plan..." stay.

Okay: Share prices fell sharply on Monday.
Okay: Like this year's budget, the plan relies on new taxes.
B006: Like this:
B006: Click to share on Twitter (Opens in new window)
B006: Share on Facebook
B006: Facebook Twitter WhatsApp Email
B006: Like this:Like Loading...
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from cleaner.core.model import Finding, Line
from cleaner.core.settings import Settings
from cleaner.rules._shared import first_words, is_sentence, phrase_set, removal, word_trigger
from cleaner.rules.base import LineRule

CODE = "B006"
NAME = "share-trailer"
MAX_WORDS = 12
MAX_LENGTH = 150
_WIDGET_WORDS = ("click", "tap", "share", "email", "e-mail", "print", "pin", "tweet", "post", "send")
_WIDGET = re.compile(
    r"^(?:click to |tap to )?(?:share|email|e-mail|print|pin|tweet|post|send)"
    r"(?: (?:this|it|the)(?: article| story| post| page| link)?)?"
    r"(?: (?:on|via|with|to|by))? [\w ]{1,30}?(?: opens in (?:a )?new window)?$"
)


def prepare(data: Mapping[str, Any], settings: Settings) -> dict[str, Any]:
    starts = first_words([*data["lines"], *data["networks"], *_WIDGET_WORDS])
    return {
        "lines": phrase_set(data["lines"]),
        "networks": phrase_set(data["networks"]),
        "trigger": word_trigger(starts),
    }


def trigger(prepared: Mapping[str, Any]) -> frozenset[str]:
    return prepared["trigger"]


def check_line(line: Line, prepared: Mapping[str, Any]) -> tuple[Finding, ...]:
    if line.word_count > MAX_WORDS:
        return ()
    key = line.key
    words = key.split()
    if words and (
        key in prepared["lines"]
        or _is_widget(key, line.text, prepared["networks"])
        or (len(words) > 1 and all(w in prepared["networks"] for w in words))
    ):
        return (removal(CODE, NAME, line.number, line.text, "share widget text"),)
    return ()


def _is_widget(key: str, text: str, networks: frozenset[str]) -> bool:
    """A share-button label: "Share on Facebook", "Click to email (Opens in new window)"."""
    found = _WIDGET.match(key)
    if not found:
        return False
    target = key.split()[-1]
    # a button's note in brackets ("(Opens in new window)"), not a sentence's ("... (PTSD).")
    return target in networks or "opens in new window" in key or ("(" in text and not is_sentence(text))


RULE = LineRule(code=CODE, name=NAME, prepare=prepare, check_line=check_line, trigger=trigger, max_length=MAX_LENGTH)
