"""WARC: one article per HTML response, read a record at a time (:mod:`cleaner.io.warc_file`).

A page goes through the same extraction as an ``.html`` file; the record's target URI and
date become the document's ``url`` and ``date`` (what the page itself says, when it differs,
stays as ``page_url`` and ``page_date``), its record id the document's id.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from cleaner.core.model import InputError
from cleaner.core.settings import Settings
from cleaner.io.files import Source
from cleaner.io.formats.base import Archive, Item, Record, make_document
from cleaner.io.formats.html import extract_page


class Warc(Archive):
    kind = "warc"
    not_written = "a WARC archive is never rewritten; `cleaner clean` writes its cleaned text"
    record_label = "record"

    def archive_records(self, path: str, settings: Settings) -> Iterator[Record | InputError]:
        from cleaner.io import warc_file

        for item in warc_file.pages(path, settings.max_document_bytes):
            if isinstance(item, warc_file.Broken):
                yield InputError(path, f"record {item.number}: {item.message}")
            else:
                yield Record(item.number, item, len(item.html))

    def document(self, source: Source, record: Record, settings: Settings) -> Item:
        return _page_document(source.path, record.raw, settings)


def _page_document(path: str, page: Any, settings: Settings) -> Item:
    found = extract_page(page.html, settings, page.url)
    if isinstance(found, str):
        return InputError(path, f"record {page.number}: {found}")
    metadata = dict(found.metadata)
    for key, value in (("url", page.url), ("date", page.date)):
        if value is None:
            continue
        said = metadata.get(key)
        if said is not None and said != value:
            metadata[f"page_{key}"] = said
        metadata[key] = value
    if page.record_id is not None:
        metadata["record_id"] = page.record_id
    doc_id = page.record_id or f"{path}:{page.number}"
    return make_document(path, doc_id, found.text, metadata, page.number)
