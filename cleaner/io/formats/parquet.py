"""Parquet: one article per row, read a row group at a time (:mod:`cleaner.io.parquet_file`).

A row is read like a JSON Lines record: the text column is ``--text-field``, the id column
``--id-field``, and every other column passes through as metadata.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from cleaner.core.model import InputError
from cleaner.core.settings import Settings
from cleaner.io.files import Source
from cleaner.io.formats.base import Archive, Item, Record, make_document, record_problem, too_large


class Parquet(Archive):
    kind = "parquet"
    not_written = "Parquet files are never rewritten; `cleaner clean --format parquet` writes a cleaned copy"
    record_label = "row"

    def archive_records(self, path: str, settings: Settings) -> Iterator[Record | InputError]:
        from cleaner.io.parquet_file import BrokenRows, ParquetError, Rows

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

    def document(self, source: Source, record: Record, settings: Settings) -> Item:
        return _row_document(source.path, record.number, record.raw, settings)


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
