"""Parquet in and out, a batch of rows at a time. The only module that imports pyarrow.

Reading goes one row group at a time, in batches, with buffered reads of the column
chunks: memory holds a batch, however large the file or its row groups. A row group that
cannot be read is reported and the next one is read. Page checksums are verified where the
file has them, and written into the files cleaner writes.
"""

from __future__ import annotations

import base64
import contextlib
import datetime
import decimal
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any

from cleaner.io.extras import require

BATCH_ROWS = 512
WRITE_ROWS = 1000  # a row group of the output
WRITE_BYTES = 32 << 20  # or fewer rows, when their text is this large
_READ_BUFFER = 1 << 20


class ParquetError(Exception):
    """A file that is not readable Parquet (the message says why, in one line)."""


@dataclass(frozen=True)
class BrokenRows:
    """Rows that cannot be read: ``first`` to ``last``, 1-based, and why."""

    first: int
    last: int
    message: str


class Rows:
    """The rows of a Parquet file, as plain Python values (JSON's types)."""

    def __init__(self, path: str):
        parquet = require("pyarrow.parquet", "parquet", "reading Parquet")
        try:
            self.file = parquet.ParquetFile(
                path, pre_buffer=False, buffer_size=_READ_BUFFER, page_checksum_verification=True
            )
        except Exception as error:  # pyarrow's ArrowInvalid, OSError
            raise ParquetError(f"not a readable Parquet file ({_reason(error)})") from error
        self.columns: list[str] = list(self.file.schema_arrow.names)

    def __iter__(self) -> Iterator[tuple[int, dict[str, Any]] | BrokenRows]:
        """Each row as ``(number, values)``, numbered from 1, or the rows that failed."""
        metadata = self.file.metadata
        first = 1
        for group in range(metadata.num_row_groups):
            size = metadata.row_group(group).num_rows
            number = first
            try:
                for batch in self.file.iter_batches(BATCH_ROWS, row_groups=[group], use_threads=False):
                    for values in batch.to_pylist():
                        yield number, {k: plain(v) for k, v in values.items()}
                        number += 1
            except Exception as error:  # a corrupt page, a bad encoding: this row group only
                message = f"row group {group + 1} unreadable ({_reason(error)})"
                yield BrokenRows(number, first + size - 1, message)
            first += size


def _reason(error: Exception) -> str:
    return f"{type(error).__name__}: {' '.join(str(error).split())}"


def plain(value: Any) -> Any:
    """``value`` as JSON can hold it: dates and times in ISO form, decimals as text, bytes
    as UTF-8 text or, if not text, base64."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, (datetime.date, datetime.time)):  # datetime is a date
        return value.isoformat()
    if isinstance(value, datetime.timedelta):
        return value.total_seconds()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, bytes):
        try:
            return value.decode("utf-8")
        except UnicodeDecodeError:
            return base64.b64encode(value).decode("ascii")
    return value


class Writer:
    """Records (as JSON Lines writes them) into a Parquet stream, a row group at a time.

    ``metadata`` is JSON text, since its keys vary from document to document; the other
    fields keep their types: ``lines`` a list of integers, ``removed`` and ``edits`` lists
    of structs.
    """

    def __init__(self, stream: IO[bytes]):
        pa = require("pyarrow", "parquet", "writing Parquet")
        parquet = require("pyarrow.parquet", "parquet", "writing Parquet")
        self.pa = pa
        self.schema = _schema(pa)
        self.writer = parquet.ParquetWriter(stream, self.schema, write_page_checksum=True)
        self.rows: list[dict[str, Any]] = []
        self.size = 0

    def write(self, record: dict[str, Any]) -> None:
        row = {**record, "metadata": json.dumps(record["metadata"], ensure_ascii=False)}
        row.setdefault("record", None)
        self.rows.append(row)
        self.size += len(row["text"]) + len(row["metadata"])
        if len(self.rows) >= WRITE_ROWS or self.size >= WRITE_BYTES:
            self._flush()

    def _flush(self) -> None:
        if self.rows:
            self.writer.write_batch(self.pa.RecordBatch.from_pylist(self.rows, schema=self.schema))
        self.rows, self.size = [], 0

    def close(self) -> None:
        """Write what is left and the footer."""
        self._flush()
        self.writer.close()

    def abandon(self) -> None:
        """Close without the rows not yet written: the file is about to be thrown away (left
        open, pyarrow would write its footer into a closed stream when collected)."""
        self.rows = []
        with contextlib.suppress(Exception):  # the file is discarded whatever went wrong
            self.writer.close()


def _schema(pa: Any) -> Any:
    change = [("line", pa.int64()), ("rule", pa.string()), ("name", pa.string())]
    removed = pa.struct(change + [("text", pa.string())])
    edit = pa.struct(change + [("column", pa.int64()), ("old", pa.string()), ("new", pa.string())])
    return pa.schema(
        [
            ("path", pa.string()),
            ("id", pa.string()),
            ("record", pa.int64()),
            ("text", pa.string()),
            ("lines", pa.list_(pa.int64())),
            ("metadata", pa.string()),
            ("removed", pa.list_(removed)),
            ("edits", pa.list_(edit)),
        ]
    )
