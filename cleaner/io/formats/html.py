"""HTML: the main text and metadata of a page (:mod:`cleaner.io.extract`)."""

from __future__ import annotations

from collections.abc import Iterator

from cleaner.core.model import InputError
from cleaner.core.settings import Settings
from cleaner.io.extract import Extracted, ExtractionTimeout, extract_html
from cleaner.io.files import Source, Unreadable
from cleaner.io.formats.base import Format, Item, make_document, too_large


class Html(Format):
    kind = "html"
    not_written = "HTML is extracted, so fixes cannot go back into the page"

    def parse(self, source: Source, data: bytes, settings: Settings) -> Iterator[Item]:
        if len(data) > settings.max_document_bytes:
            problem = Unreadable(too_large(len(data), settings))
            yield InputError(source.path, str(problem), problem.line)
            return
        yield _read_html(source.path, data, settings)


def _read_html(path: str, data: bytes, settings: Settings) -> Item:
    if not data.strip():
        return InputError(path, "empty file: no text to clean")
    found = extract_page(data, settings)
    if isinstance(found, str):
        return InputError(path, found)
    return make_document(path, path, found.text, dict(found.metadata))


def extract_page(data: bytes, settings: Settings, url: str | None = None) -> Extracted | str:
    """The text and metadata of an HTML page, or why there are none (one line)."""
    try:
        extracted = extract_html(data, url=url, seconds=settings.extraction_seconds)
    except ExtractionTimeout as error:
        return f"{error} (extraction-timeout)"
    except Exception as error:  # the extractor's failure on one page must not stop the corpus
        return f"HTML extraction failed ({type(error).__name__}: {error})"
    return extracted if extracted is not None else "no article text found in the HTML"
