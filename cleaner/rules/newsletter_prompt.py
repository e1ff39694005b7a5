"""## newsletter-prompt (B008)

### What it does
Flags a short line that asks the reader to sign up, subscribe or register: "Sign up for our
daily newsletter", "Sign Up: Get the morning briefing", "Subscribe now", "Get the latest
headlines delivered to your inbox".

### Why is this bad?
Sign-up boxes are the page selling itself. They interrupt the article and repeat across every
story of a site, which makes unrelated articles look alike to duplicate detection.

### Example
```
Sign up for our daily newsletter
```

### Use instead
Nothing: the line goes.

### Fix safety
Safe. The line must start with a prompt ("Sign up", "Subscribe", "Join our", ...), name a
subscription ("newsletter", "inbox", "email", "updates", ...) and be short (at most 25
words); "Sign-up rates rose 40% last year." and "Subscribers to the service fell." stay,
and so do list items ("- Sign up for the streaming bundle and save...").

Okay: Sign-up rates for the scheme rose 40 percent last year.
Okay: Subscribers to the service fell by a third in 2019.
Okay: Join the queue early, officials advised.
Okay: - Sign up for the streaming bundle and get the first month's email alerts free.
B008: Sign up for our daily newsletter
B008: Sign Up: Get the morning briefing in your inbox
B008: Subscribe now
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from cleaner.core.model import Finding, Line
from cleaner.core.settings import Settings
from cleaner.rules._shared import (
    first_words,
    phrase_pattern,
    phrase_set,
    removal,
    starts_regex,
    word_trigger,
)
from cleaner.rules.base import LineRule

CODE = "B008"
NAME = "newsletter-prompt"
MAX_WORDS = 25
MAX_LENGTH = 250
BULLETS = ("- ", "* ", "• ")  # a list item that says "Sign up for ..." is an offer in the story


def prepare(data: Mapping[str, Any], settings: Settings) -> dict[str, Any]:
    return {
        "starts": starts_regex(data["starts"]),
        "subscription": re.compile(r"\b" + phrase_pattern(data["subscription"]) + r"\b", re.I),
        "lines": phrase_set(data["lines"]),
        "trigger": word_trigger(first_words([*data["starts"], *data["lines"]])),
    }


def trigger(prepared: Mapping[str, Any]) -> frozenset[str]:
    return prepared["trigger"]


def check_line(line: Line, prepared: Mapping[str, Any]) -> tuple[Finding, ...]:
    text = line.text.strip()
    if line.word_count > MAX_WORDS or text.startswith(BULLETS):
        return ()
    start = prepared["starts"].match(text)
    if (start and prepared["subscription"].search(text, start.end())) or line.key in prepared["lines"]:
        return (removal(CODE, NAME, line.number, line.text, "newsletter or sign-up prompt"),)
    return ()


RULE = LineRule(code=CODE, name=NAME, prepare=prepare, check_line=check_line, trigger=trigger, max_length=MAX_LENGTH)
