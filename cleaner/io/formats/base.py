"""What every input format shares: the record, the document it makes, and the interface a
format implements (:class:`Format`)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from cleaner.core.model import Document, InputError, freeze, lines_from_text
from cleaner.core.settings import Settings
from cleaner.io.extras import MissingExtra
from cleaner.io.files import Source, Unreadable, load
from cleaner.io.language import with_language

Item = Document | InputError


@dataclass(frozen=True)
class Record:
    """One record of a file that holds many documents, read but not yet made into a document
    (the costly part: HTML extraction, JSON parsing), so that a process pool can make many
    at once: a JSON Lines line, a WARC page, a Parquet row's values."""

    number: int  # the line (JSON Lines), the record (WARC), the row (Parquet)
    raw: Any
    size: int  # its bytes, about


class Format:
    """One input format. A format of single documents implements :meth:`parse` (a file's
    bytes, read whole); a format of many implements :meth:`records` and :meth:`document`, so
    that its records can be made into documents one at a time, wherever an engine likes.

    Formats never raise for bad input: what cannot be read is an :class:`InputError` in the
    stream, and the rest of the corpus goes on.
    """

    kind = ""
    many = False  # holds many documents, read a record at a time
    streamed = False  # an archive: never read whole, never rewritten, not in the corpus index
    writable = False  # ``check --fix`` can write fixes back into such a file
    not_written = ""  # why ``check --fix`` leaves such a file alone, when it is not writable
    record_label = ""  # how an error names a record ("record 3: ..."); "" for a line number

    def read(self, source: Source, settings: Settings) -> Iterator[Item]:
        """The documents in one file, or the errors that stop them from being read."""
        if self.many:
            for record in self.records(source, settings):
                yield record if isinstance(record, InputError) else self.document(source, record, settings)
            return
        try:
            data = load(source.path)
        except Unreadable as problem:
            yield InputError(source.path, str(problem), problem.line)
            return
        yield from self.parse(source, data, settings)

    def parse(self, source: Source, data: bytes, settings: Settings) -> Iterator[Item]:
        """The documents in a file's (gunzipped) bytes, or the errors that stop them."""
        raise NotImplementedError(f"{self.kind} files are read a record at a time")

    def records(self, source: Source, settings: Settings) -> Iterator[Record | InputError]:
        """The records of a file, and an error for each that cannot be read."""
        raise NotImplementedError(f"{self.kind} files hold one document")

    def document(self, source: Source, record: Record, settings: Settings) -> Item:
        """The document of one record of :meth:`records`, or why it cannot be made."""
        raise NotImplementedError(f"{self.kind} files hold one document")

    def record_error(self, source: Source, number: int, message: str) -> InputError:
        """An error about one record, placed as this format places its errors."""
        if self.record_label:
            return InputError(source.path, f"{self.record_label} {number}: {message}")
        return InputError(source.path, message, number)


class Archive(Format):
    """A format read through an optional library, a record at a time (WARC, Parquet)."""

    many = True
    streamed = True

    def records(self, source: Source, settings: Settings) -> Iterator[Record | InputError]:
        try:
            yield from self.archive_records(source.path, settings)
        except MissingExtra as error:
            yield InputError(source.path, str(error))
        except OSError as error:
            yield InputError(source.path, error.strerror or str(error))

    def archive_records(self, path: str, settings: Settings) -> Iterator[Record | InputError]:
        raise NotImplementedError


def make_document(path: str, doc_id: str, text: str, metadata: dict, record: int | None = None) -> Document:
    """A document read, with its language told from its text (:mod:`cleaner.io.language`)."""
    return Document(doc_id, path, lines_from_text(text), freeze(with_language(metadata, text)), record)


def too_large(size: int, settings: Settings) -> str:
    return f"document of {size:,} bytes is larger than the limit ({settings.max_document_bytes:,}; max-document-size)"


def record_problem(record: object, text_field: str) -> str | None:
    """Why a record (a JSON object, a Parquet row) holds no text to clean, or None."""
    if not isinstance(record, dict):
        return f"a record must be a JSON object, not {type(record).__name__}"
    if text_field not in record:
        return f"no {text_field!r} field (set the text field with --text-field)"
    if record[text_field] is None:
        return f"field {text_field!r} is null, not a string"
    if not isinstance(record[text_field], str):
        return f"field {text_field!r} is {type(record[text_field]).__name__}, not a string"
    return None
