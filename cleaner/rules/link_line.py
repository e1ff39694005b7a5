"""## link-line (B011)

### What it does
Flags a line that is nothing but the address of an image or media file
("https://static.example.com/images/harbour-logo.png"), or an address after the label of a
button and a colon ("Listen: http://example.fm/ep12", "Download: http://example.fm/ep12.mp3"):
the labels are in `cleaner/data/boilerplate.toml`. Extraction leaves such lines behind from images, logos and
podcast or download buttons.

### Why is this bad?
An image's address is not article text, and a button's label and address are page furniture:
a reader cannot follow them from a plain-text corpus, and they differ from site to site, so
they also hide copies of one story from duplicate detection.

### Example
```
Download: http://example.fm/episodes/612.mp3
```

### Use instead
Nothing: the line goes.

### Fix safety
Safe. The address must fill the line: at most a button's label and a colon before it, and
only punctuation after it. An address after another label is the article's own list of
sources or places and stays ("Website: https://example.org", "Registration: ..."). A bare address of a page, without a label, stays: articles
list their sources and links that way ("https://example.org/report"). So does a sentence that
gives an address ("The full report is at https://example.org/report, the agency said.").

Okay: The full report is published at https://example.org/report and runs to 40 pages.
Okay: https://example.org/reports/2019/harbour-study
B011: https://www.example.com/images/2019/11/harbour-logo.png
Okay: Website: https://example.org/harbour-authority
B011: Listen: http://example.fm/ep615
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from cleaner.core.model import Finding, Line
from cleaner.core.settings import Settings
from cleaner.rules._shared import Trigger, phrase_pattern, removal
from cleaner.rules.base import LineRule

CODE = "B011"
NAME = "link-line"
MAX_LENGTH = 600  # characters: image addresses run long

_ADDRESS = r"(?:(?:https?|ftp)://|www\.)\S+"
_MEDIA = r"\.(?:jpe?g|png|gif|webp|svg|bmp|tiff?|mp3|mp4|m4a|wav|ogg|mov|avi|webm)(?:[?#]\S*)?"
_END = r"[\s.,;:!?)\]'\"”’]*$"
_COLON = r"[^\S\n]*:[^\S\n]*"  # spaces may be no-break ones


def prepare(data: Mapping[str, Any], settings: Settings) -> re.Pattern[str]:
    label = phrase_pattern(data["labels"]) + _COLON
    return re.compile(r"^\W*(?:" + label + _ADDRESS + r"|" + _ADDRESS + _MEDIA + ")" + _END, re.IGNORECASE)


def trigger(prepared: re.Pattern[str]) -> tuple[Trigger, ...]:
    return ("://", "www.")


def check_line(line: Line, prepared: re.Pattern[str]) -> tuple[Finding, ...]:
    if prepared.match(line.text.strip()):
        return (removal(CODE, NAME, line.number, line.text, "address of a file or button alone"),)
    return ()


RULE = LineRule(code=CODE, name=NAME, prepare=prepare, check_line=check_line, trigger=trigger, max_length=MAX_LENGTH)
