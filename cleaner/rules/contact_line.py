"""## contact-line (B013)

### What it does
Flags a line that tells readers how to reach or follow the writer or the outlet: "Follow
Jane Doe on Twitter @janedoe", "Email Jane Doe at jdoe@example.com", "Write to the desk at
...", "Reach the reporters at ...", "Have a tip? ...", "Follow our coverage at
https://...". The line must start like a call to get in touch and give a channel: an email
address, an @handle, a web address, or a social network after "on", "at" or "via".

### Why is this bad?
A writer's contact details and the outlet's social accounts are page furniture that ends an
article on many sites; they are not the story, and they make copies of one wire story on
different sites look different.

### Example
```
Email Jane Doe at jdoe@example.com or follow her on Twitter @janedoe.
```

### Use instead
Nothing: the line goes.

### Fix safety
Safe. A sentence that starts with the same words but gives no channel stays ("Follow the
money, investigators said."), and so does a long paragraph (more than 45 words).

Okay: Follow the money, the investigators told the committee on Tuesday.
Okay: Email records show the mayor knew of the plan in May.
Okay: Reach out to neighbours who live alone, the police urged residents.
Okay: Write to your MP before the vote on Facebook's tax bill, campaigners said.
B013: Follow Jane Doe on Twitter @janedoe
B013: Email Jane Doe at jdoe@example.com or follow her on Twitter.
B013: Follow the Coast Gazette on Instagram, Facebook and YouTube.
B013: Have a tip? Jane Doe may be reached at jdoe@example.com.
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
    removal,
    starts_regex,
    word_trigger,
)
from cleaner.rules.base import LineRule

CODE = "B013"
NAME = "contact-line"
MAX_WORDS = 45
MAX_LENGTH = 400
_ADDRESS = r"[\w.+-]+@[\w-]+\.\w[\w.]*|(?<![\w@])@\w{2,}|https?://|\bwww\."


def prepare(data: Mapping[str, Any], settings: Settings) -> dict[str, Any]:
    network = r"\b(?:on|at|via)\s+" + phrase_pattern(data["networks"]) + r"\b(?!['’])"
    return {
        "starts": starts_regex(data["starts"]),
        "channel": re.compile(_ADDRESS + "|" + network, re.IGNORECASE),
        "trigger": word_trigger(first_words(data["starts"])),
    }


def trigger(prepared: Mapping[str, Any]) -> frozenset[str]:
    return prepared["trigger"]


def check_line(line: Line, prepared: Mapping[str, Any]) -> tuple[Finding, ...]:
    if line.word_count > MAX_WORDS:
        return ()
    start = prepared["starts"].match(line.text)
    if start and prepared["channel"].search(line.text, start.end()):
        return (removal(CODE, NAME, line.number, line.text, "how to reach or follow the writer"),)
    return ()


RULE = LineRule(code=CODE, name=NAME, prepare=prepare, check_line=check_line, trigger=trigger, max_length=MAX_LENGTH)
