"""Lines that look like boilerplate by the extraction benchmark's own small list of shapes,
kept independent of cleaner's rules so that it can judge them (see ``extraction.py``).
"""

from __future__ import annotations

import html as html_lib
import re
from collections import Counter
from dataclasses import dataclass, field

from extraction_scoring import tokens

MONTH = r"(mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b"
STAMP = r"^\W*(last )?(updated|published|posted)(\s+on)?\s*(:|\d|" + MONTH + ")"
# Shapes of boilerplate lines, independent of cleaner's rules: (kind, pattern).
BOILERPLATE = tuple(
    (kind, re.compile(pattern, flags))
    for kind, pattern, flags in (
        ("read more", r"^\W*(read|see) (more|also|next)\b", re.I),
        ("related", r"^\W*(related|recommended|more on this)\b\W*(:|stories|articles|$)", re.I),
        ("sign up", r"^\W*(sign up|subscribe|get our|join our)\b", re.I),
        ("click here", r"^\W*(click|tap) here\b", re.I),
        ("advertisement", r"^\W*(advertisement|sponsored|ad)\W*$", re.I),
        ("copyright", r"^\W*(©|\(c\)|copyright\b)", re.I),
        ("share", r"^\W*share\b(\s+(this|on|the|via|article|story)\b|\W*$)", re.I),
        ("updated/published", STAMP, re.I),
        ("time stamp", r"^\W*\d{1,2}:\d{2}\s*(am|pm)\b", re.I),
        ("byline", r"^\W*by\s+[A-Z][\w'’.-]+(\s+[A-Z][\w'’.-]+){0,3}\W*$", 0),
        ("continue reading", r"^\W*continue reading\b", re.I),
        ("you may also like", r"^\W*you (may|might) (also )?like\b", re.I),
        ("follow us", r"^\W*follow (us|@)", re.I),
    )
)


@dataclass
class Leftover:
    """One system's boilerplate-looking output lines on a data set."""

    lines: list[tuple[str, str, str]] = field(default_factory=list)  # page, kind, line
    title_pages: int = 0

    def add(self, page: str, text: str, titles: set[str]) -> None:
        kinds = ((line, kind_of(line, titles)) for line in text.splitlines())
        found = [(page, kind, line) for line, kind in kinds if kind]
        self.lines.extend(found)
        self.title_pages += any(kind == "page title" for _, kind, _ in found)

    def kinds(self) -> Counter:
        return Counter(kind for _, kind, _ in self.lines)


def key(text: str) -> str:
    return " ".join(tokens(text.casefold()))


def kind_of(line: str, titles: set[str]) -> str | None:
    """The boilerplate shape ``line`` has, or None."""
    if not line.strip():
        return None
    if key(line) in titles:
        return "page title"
    return next((kind for kind, pattern in BOILERPLATE if pattern.search(line)), None)


def page_titles(html: str, *known: object) -> set[str]:
    """Keys of the page's title: <title>, og:title, the extractor's title, without site suffix."""
    found = [t for t in known if isinstance(t, str)]
    for pattern in (r"<title[^>]*>(.*?)</title>", r"<meta[^>]+og:title[^>]+content=\"([^\"]*)\""):
        match = re.search(pattern, html, re.I | re.S)
        if match:
            found.append(html_lib.unescape(match.group(1)))
    without_site = [re.split(r"\s+[|–—-]\s+", t)[0] for t in found]
    keys = {key(t) for t in found + without_site}
    return {k for k in keys if len(k.split()) >= 2}
