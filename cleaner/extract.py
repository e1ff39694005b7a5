"""HTML to article text and metadata. The only module that imports trafilatura."""

from __future__ import annotations

from dataclasses import dataclass
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
    metadata["extraction"] = {
        "tool": "trafilatura",
        "version": trafilatura.__version__,
        "options": dict(OPTIONS),
    }
    return Extracted(text=text, metadata=metadata)
