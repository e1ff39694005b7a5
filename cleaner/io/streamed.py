"""WARC and Parquet inputs: files read a record at a time, never whole.

A WARC's HTML responses go through the same extraction as ``.html`` files; the record's
target URI and date become the document's ``url`` and ``date`` (what the page itself says,
when it differs, stays as ``page_url`` and ``page_date``), its record id the document's id.
A Parquet row is read like a JSON Lines record: the text column is ``--text-field``, the
id column ``--id-field``, and every other column passes through as metadata.

The libraries are imported here, when such a file is read (see :mod:`cleaner.io.extras`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from cleaner.io.extras import MissingExtra
from cleaner.core.model import InputError
from cleaner.io.readers import Item, Record, extract_page, make_document, record_problem, too_large
from cleaner.core.settings import Settings


def read_streamed(path: str, kind: str, settings: Settings) -> Iterator[Item]:
    """The documents of a WARC or Parquet file, and an error for each record that fails."""
    for record in streamed_records(path, kind, settings):
        yield record if isinstance(record, InputError) else streamed_document(path, kind, record, settings)


def streamed_records(path: str, kind: str, settings: Settings) -> Iterator[Record | InputError]:
    """The records of a WARC or Parquet file as read (a page, a row's values: see
    :func:`streamed_document`), and an error for each that cannot be read."""
    try:
        yield from (_warc_pages if kind == "warc" else _parquet_rows)(path, settings)
    except MissingExtra as error:
        yield InputError(path, str(error))
    except OSError as error:
        yield InputError(path, error.strerror or str(error))


def streamed_document(path: str, kind: str, record: Record, settings: Settings) -> Item:
    """The document of one record of :func:`streamed_records`: a page extracted, a row read."""
    if kind == "warc":
        return _page_document(path, record.raw, settings)
    return _row_document(path, record.number, record.raw, settings)


def _warc_pages(path: str, settings: Settings) -> Iterator[Record | InputError]:
    from cleaner.io import warc

    for item in warc.pages(path, settings.max_document_bytes):
        if isinstance(item, warc.Broken):
            yield InputError(path, f"record {item.number}: {item.message}")
        else:
            yield Record(item.number, item, len(item.html))


def _page_document(path: str, page, settings: Settings) -> Item:
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


def _parquet_rows(path: str, settings: Settings) -> Iterator[Record | InputError]:
    from cleaner.io.parquet import BrokenRows, ParquetError, Rows

    try:
        rows = Rows(path)
    except ParquetError as error:
        yield InputError(path, str(error))
        return
    text_field = settings.text_field
    if text_field not in rows.columns:
        columns = ", ".join(rows.columns) or "none"
        yield InputError(path, f"no {text_field!r} column (set it with --text-field; the columns: {columns})")
        return
    for item in rows:
        if isinstance(item, BrokenRows):
            yield InputError(path, f"rows {item.first}-{item.last}: {item.message}")
        else:
            number, values = item
            yield Record(number, values, sum(len(v) for v in values.values() if isinstance(v, str)))


def _row_document(path: str, number: int, values: dict[str, Any], settings: Settings) -> Item:
    text_field, id_field = settings.text_field, settings.id_field
    problem = record_problem(values, text_field)
    text = values[text_field]
    if problem is None and len(text) > settings.max_document_bytes:  # characters: a byte at least each
        problem = too_large(len(text.encode("utf-8")), settings)
    if problem is not None:
        return InputError(path, f"row {number}: {problem}")
    metadata = {k: v for k, v in values.items() if k not in (text_field, id_field)}
    given = values.get(id_field)
    doc_id = str(given) if given is not None else f"{path}:{number}"
    return make_document(path, doc_id, text, metadata, number)
