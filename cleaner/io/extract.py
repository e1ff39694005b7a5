"""HTML to article text and metadata. The only module that imports trafilatura.

Each page is parsed once and extracted twice, in trafilatura's precision mode and in its
balanced mode without the fallback extractors; :mod:`cleaner.io.combine` makes one text of the
two. Both runs' options, which text was used and why are recorded in the document's
``extraction`` metadata, with the lines that are the whole text of a link on the page.
"""

from __future__ import annotations

import copy
import re
import signal
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from html import unescape
from typing import Any

from cleaner.core.model import words_key
from cleaner.io.combine import combine

# Chosen for news pages: comments are not the article, and duplicate detection is
# cleaner's own job (trafilatura's `deduplicate` keeps a process-wide cache whose results
# depend on what was extracted before). Tables are kept: they are part of many articles.
# Links are left out: keeping them changes what trafilatura extracts, not only how.
COMMON: Mapping[str, Any] = {
    "include_comments": False,
    "include_tables": True,
    "include_links": False,
    "deduplicate": False,
}
# Measured on benchmarks/extraction.py: the precision run keeps trafilatura's fallback
# extractors (without them it loses whole articles); the balanced run does without them
# (with them it more often takes a block bigger than the article, or the article twice).
RUNS: Mapping[str, Mapping[str, Any]] = {
    "precision": {**COMMON, "favor_precision": True, "fast": False},
    "balanced": {**COMMON, "favor_precision": False, "fast": True},
}
METADATA_FIELDS = ("title", "author", "date", "url", "sitename", "categories", "language")


@dataclass(frozen=True)
class Extracted:
    text: str
    metadata: Mapping[str, Any]


class ExtractionTimeout(Exception):
    """A page whose extraction took longer than the time limit."""


def extract_html(html: bytes | str, url: str | None = None, seconds: float | None = None) -> Extracted | None:
    """The main text of a page, one paragraph per line, with its metadata; None if none.

    With ``seconds``, an extraction that takes longer raises :class:`ExtractionTimeout`
    (where the platform has interval timers and this is the main thread; else no limit).
    """
    import trafilatura  # imported late: it is slow to import and only HTML needs it

    with _time_limit(seconds):
        tree = trafilatura.load_html(html)
        if tree is None:
            return None
        links = _link_keys(tree)
        precise = _as_dict(
            trafilatura.bare_extraction(copy.deepcopy(tree), url=url, with_metadata=True, **RUNS["precision"])
        )
        balanced = _as_dict(trafilatura.bare_extraction(tree, url=url, **RUNS["balanced"]))
    combined = combine(precise.get("text") or "", balanced.get("text") or "")
    if not combined.text.strip():
        return None
    metadata = {k: precise[k] for k in METADATA_FIELDS if precise.get(k)}
    page_title = _title_element(html)
    if page_title and page_title != metadata.get("title"):
        metadata["page_title"] = page_title
    metadata["extraction"] = {
        "tool": "trafilatura",
        "version": trafilatura.__version__,
        "runs": {name: dict(options) for name, options in RUNS.items()},
        "text": combined.source,
        "why": combined.reason,
        "lines_added": combined.added,
        "linked_lines": _linked_lines(combined.text, links),
    }
    return Extracted(text=combined.text, metadata=metadata)


def _as_dict(result: Any) -> dict[str, Any]:
    if result is None:
        return {}
    return result.as_dict() if hasattr(result, "as_dict") else dict(result)


def _link_keys(tree: Any) -> frozenset[str]:
    """The words (as ``words_key`` gives them) of every link on the page."""
    keys = (words_key(anchor.text_content()) for anchor in tree.iter("a"))
    return frozenset(key for key in keys if key)


def _linked_lines(text: str, links: frozenset[str]) -> list[int]:
    """The numbers of the lines of ``text`` whose words are those of one link on the page."""
    return [
        number for number, line in enumerate(text.splitlines(), start=1) if line.strip() and words_key(line) in links
    ]


@contextmanager
def _time_limit(seconds: float | None) -> Iterator[None]:
    """Raise ExtractionTimeout in the main thread after ``seconds`` (an interval timer)."""
    if not (seconds and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()):
        yield
        return

    def expire(signum, frame):
        raise ExtractionTimeout(f"extraction took longer than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


_TITLE = re.compile(rb"<title[^>]*>(.*?)</title", re.IGNORECASE | re.DOTALL)


def _title_element(html: bytes | str) -> str | None:
    """The text of the page's <title> element, which extractors may replace with og:title."""
    head = html[:65536].encode("utf-8", "replace") if isinstance(html, str) else html[:65536]
    found = _TITLE.search(head)
    if not found:
        return None
    text = " ".join(unescape(found.group(1).decode("utf-8", "replace")).split())
    return text or None
