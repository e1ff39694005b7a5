"""The systems the extraction benchmark compares, run and timed on one page.

trafilatura's rows time ``trafilatura.extract`` on the page's HTML, already gunzipped. The
cleaner rows time cleaner's HTML reader on the gzipped page file (reading and gunzipping it
is part of what the reader does, about a millisecond of a page's time) and then
``clean_document``; they share one read of the page, whose time counts for each of them.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass, field

import trafilatura  # imported here so that its slow import is not timed
from _common import timed
from extraction_data import Page

from cleaner import clean_document
from cleaner.core.fixes import Outcome
from cleaner.core.model import Document, InputError
from cleaner.core.settings import Settings
from cleaner.io.files import Source
from cleaner.io.formats import read
from cleaner.rules import Context, make_context

TRAFILATURA = "trafilatura"
NO_RULES = "cleaner's two runs, no rules"
CLEANER = "cleaner"
# trafilatura's rows: the options of ``trafilatura.extract`` besides the page
EXTRACT = {
    TRAFILATURA: {"include_comments": False},
    "trafilatura favor_precision": {"include_comments": False, "favor_precision": True},
}
# cleaner's rows after reading: the settings of ``clean_document``. Entity names are left
# alone in the main row: both metrics compare tokens with the page's own spelling, so every
# normalized name ("U.S." written "US") counts as a miss; the last row shows that cost.
CLEAN = {
    CLEANER: Settings().merged(ignore=("N",)),
    "cleaner, names normalized": Settings(),
}
SYSTEMS = (*EXTRACT, NO_RULES, *CLEAN)


@dataclass
class PageRun:
    """Every system's text and seconds on one page, and what cleaner's main row did."""

    texts: dict[str, str] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    html: str = ""
    original: Document | None = None
    outcome: Outcome | None = None  # of the CLEANER row
    extraction: dict = field(default_factory=dict)  # what the reader recorded, or why it failed


class Systems:
    def __init__(self) -> None:
        self.contexts: dict[str, Context] = {name: make_context(s) for name, s in CLEAN.items()}
        self.reading = Settings()

    def run(self, page: Page) -> PageRun:
        data = gzip.decompress(page.path.read_bytes())
        run = PageRun(html=data.decode("utf-8", "replace"))
        for name, options in EXTRACT.items():
            run.seconds[name], text = timed(trafilatura.extract, data, **options)
            run.texts[name] = text or ""
        self.run_cleaner(page, run)
        return run

    def run_cleaner(self, page: Page, run: PageRun) -> None:
        source = Source(str(page.path), page.path.name, "html")
        read_seconds, items = timed(lambda: list(read(source, self.reading)))
        original = next((i for i in items if isinstance(i, Document)), None)
        run.original = original
        run.texts[NO_RULES], run.seconds[NO_RULES] = original.text if original else "", read_seconds
        if original is None:
            errors = [i.message for i in items if isinstance(i, InputError)]
            run.extraction = {"error": "; ".join(errors) or "no document"}
        else:
            run.extraction = dict(original.metadata.get("extraction") or {})
        for name, context in self.contexts.items():
            seconds, outcome = timed(clean_document, original, context) if original else (0.0, None)
            run.texts[name] = outcome.document.text if outcome else ""
            run.seconds[name] = read_seconds + seconds
            if name == CLEANER:
                run.outcome = outcome
