"""HTML to article text and metadata. The only module that imports trafilatura."""

from __future__ import annotations

import re
import signal
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from html import unescape
from typing import Any, Iterator, Mapping

# Chosen for news pages: comments are not the article, and duplicate detection is
# cleaner's own job (trafilatura's `deduplicate` keeps a process-wide cache whose results
# depend on what was extracted before).
OPTIONS: Mapping[str, Any] = {
    "include_comments": False,
    "include_tables": True,
    "deduplicate": False,
    "favor_precision": False,
    "favor_recall": False,
}
METADATA_FIELDS = ("title", "author", "date", "url", "sitename", "categories", "language")


@dataclass(frozen=True)
class Extracted:
    text: str
    metadata: Mapping[str, Any]


class ExtractionTimeout(Exception):
    """A page whose extraction took longer than the time limit."""


def extract_html(
    html: bytes | str, url: str | None = None, seconds: float | None = None
) -> Extracted | None:
    """The main text of a page, one paragraph per line, with its metadata; None if none.

    With ``seconds``, an extraction that takes longer raises :class:`ExtractionTimeout`
    (where the platform has interval timers and this is the main thread; else no limit).
    """
    import trafilatura  # imported late: it is slow to import and only HTML needs it

    with _time_limit(seconds):
        result = trafilatura.bare_extraction(html, url=url, with_metadata=True, **OPTIONS)
    if result is None:
        return None
    found = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    text = found.get("text") or ""
    if not text.strip():
        return None
    metadata = {k: found[k] for k in METADATA_FIELDS if found.get(k)}
    page_title = _title_element(html)
    if page_title and page_title != metadata.get("title"):
        metadata["page_title"] = page_title
    metadata["extraction"] = {
        "tool": "trafilatura",
        "version": trafilatura.__version__,
        "options": dict(OPTIONS),
    }
    return Extracted(text=text, metadata=metadata)


@contextmanager
def _time_limit(seconds: float | None) -> Iterator[None]:
    """Raise ExtractionTimeout in the main thread after ``seconds`` (an interval timer)."""
    usable = seconds and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
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
