"""HTML to article text and metadata. The only module that imports trafilatura."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape
from typing import Any, Mapping

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


def extract_html(html: bytes | str, url: str | None = None) -> Extracted | None:
    """The main text of a page, one paragraph per line, with its metadata; None if none."""
    import trafilatura  # imported late: it is slow to import and only HTML needs it

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


_TITLE = re.compile(rb"<title[^>]*>(.*?)</title", re.IGNORECASE | re.DOTALL)


def _title_element(html: bytes | str) -> str | None:
    """The text of the page's <title> element, which extractors may replace with og:title."""
    head = html[:65536].encode("utf-8", "replace") if isinstance(html, str) else html[:65536]
    found = _TITLE.search(head)
    if not found:
        return None
    text = " ".join(unescape(found.group(1).decode("utf-8", "replace")).split())
    return text or None
