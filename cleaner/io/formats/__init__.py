"""The input formats, one module each, and the one registry every command reads through.

A new format is a :class:`~cleaner.io.formats.base.Format` in a module of its own, listed
in :data:`FORMATS` and given its suffixes in :data:`cleaner.io.files.SUFFIXES`.
"""

from __future__ import annotations

from collections.abc import Iterator

from cleaner.core.model import InputError
from cleaner.core.settings import Settings
from cleaner.io.files import SUFFIXES, Source, Unreadable, load
from cleaner.io.formats.base import Format, Item, Record
from cleaner.io.formats.html import Html
from cleaner.io.formats.jsonl import JsonLines
from cleaner.io.formats.parquet import Parquet
from cleaner.io.formats.text import Text
from cleaner.io.formats.warc import Warc

FORMATS: dict[str, Format] = {f.kind: f for f in (Text(), Html(), JsonLines(), Warc(), Parquet())}
MANY = tuple(kind for kind, f in FORMATS.items() if f.many)  # kinds that hold many documents
STREAMED = tuple(kind for kind, f in FORMATS.items() if f.streamed)  # read a record at a time, never whole
WRITABLE = tuple(kind for kind, f in FORMATS.items() if f.writable)  # check --fix writes them back
assert set(SUFFIXES.values()) == set(FORMATS), "every suffix names a format"

__all__ = [
    "FORMATS",
    "MANY",
    "STREAMED",
    "WRITABLE",
    "Format",
    "Item",
    "Record",
    "format_of",
    "kind_of_data",
    "parse",
    "read",
    "read_one",
    "record_error",
    "records",
]


def format_of(kind: str) -> Format:
    return FORMATS[kind]


def kind_of_data(source: Source, data: bytes) -> str:
    """The format of a file's (gunzipped) bytes: by suffix, else by a look at the start."""
    if source.kind:
        return source.kind
    head = data[:512].lstrip().lower()
    return "html" if head.startswith((b"<!doctype html", b"<html")) else "text"


def read(source: Source, settings: Settings) -> Iterator[Item]:
    """The documents in one file, or the errors that stop them from being read."""
    if source.kind is not None:
        return FORMATS[source.kind].read(source, settings)
    return _read_unknown(source, settings)


def _read_unknown(source: Source, settings: Settings) -> Iterator[Item]:
    """A file named on the command line whose suffix names no format: read whole, and its
    format told by its start."""
    try:
        data = load(source.path)
    except Unreadable as problem:
        yield InputError(source.path, str(problem), problem.line)
        return
    yield from parse(source, data, settings)


def parse(source: Source, data: bytes, settings: Settings) -> Iterator[Item]:
    """The documents in a file's (gunzipped) bytes, or the errors that stop them."""
    return FORMATS[kind_of_data(source, data)].parse(source, data, settings)


def records(source: Source, settings: Settings) -> Iterator[Record | InputError]:
    """The records of a file of a kind in :data:`MANY`, and an error for what cannot be read."""
    return FORMATS[source.kind or ""].records(source, settings)


def read_one(source: Source, record: Record, settings: Settings) -> Item:
    """The document of one record of :func:`records`, or why it cannot be made."""
    return FORMATS[source.kind or ""].document(source, record, settings)


def record_error(source: Source, record: Record, message: str) -> InputError:
    """An error about one record, placed as the format places its errors."""
    return FORMATS[source.kind or ""].record_error(source, record.number, message)
