"""How the extraction benchmark scores a system's text on a page: the benchmark's metric
(4-token shingles against the hand-written article body) and the lines that look like
boilerplate by this benchmark's own small list of shapes, kept independent of cleaner's rules
(see ``extraction.py``).
"""

from __future__ import annotations

import html as html_lib
import re
from collections import Counter
from dataclasses import dataclass, field

TOKEN = re.compile(r"\w+")
SHINGLE = 4

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


def tokens(text: str) -> list[str]:
    return TOKEN.findall(text)


def ngrams(words: list[str], size: int) -> Counter:
    return Counter(tuple(words[i : i + size]) for i in range(len(words) - size + 1))


def shingles(words: list[str]) -> Counter:
    """The multiset of 4-token windows; fewer than 4 tokens give one shorter shingle."""
    return ngrams(words, min(SHINGLE, len(words))) if words else Counter()


def page_counts(truth: str, prediction: str) -> tuple[float, float, float]:
    """tp, fp, fn of one page, divided by tp+fp+fn so that every page weighs the same."""
    true, pred = shingles(tokens(truth)), shingles(tokens(prediction))
    tp = sum((true & pred).values())
    fp = sum((pred - true).values())
    fn = sum((true - pred).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def ratio(tp: float, other: float, third: float) -> float:
    """tp/(tp+other): 1.0 when other and third are 0, 0.0 when tp and other are 0."""
    if other == 0 and third == 0:
        return 1.0
    if tp == 0 and other == 0:
        return 0.0
    return tp / (tp + other)


@dataclass
class Tally:
    """One system's per-page scores, time and boilerplate-looking lines."""

    precisions: list[float] = field(default_factory=list)
    recalls: list[float] = field(default_factory=list)
    seconds: float = 0.0
    pages: int = 0
    leftover: list[tuple[str, str, str]] = field(default_factory=list)  # page, kind, line
    title_pages: int = 0

    def add(self, truth: str, text: str, seconds: float, page: str, titles: set[str]) -> None:
        tp, fp, fn = page_counts(truth, text)
        if tp + fp > 0:
            self.precisions.append(ratio(tp, fp, fn))
        if tp + fn > 0:
            self.recalls.append(ratio(tp, fn, fp))
        self.seconds += seconds
        self.pages += 1
        kinds = ((line, kind_of(line, titles)) for line in text.splitlines())
        found = [(page, kind, line) for line, kind in kinds if kind]
        self.leftover.extend(found)
        self.title_pages += any(kind == "page title" for _, kind, _ in found)

    def scores(self) -> tuple[float, float, float]:
        precision = sum(self.precisions) / len(self.precisions) if self.precisions else 0.0
        recall = sum(self.recalls) / len(self.recalls) if self.recalls else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return f1, precision, recall


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
