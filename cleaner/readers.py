"""Read inputs into documents: plain text, HTML, JSON Lines, each optionally gzipped;
WARC and Parquet, a record at a time (:mod:`cleaner.streamed`).

Readers never raise for bad input: a file or record that cannot be read becomes an
:class:`InputError` in the stream, and the rest of the corpus goes on.
"""

from __future__ import annotations

import gzip
import json
import os
import sys
import zlib
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Iterator

from cleaner.extract import Extracted, ExtractionTimeout, extract_html
from cleaner.model import Document, InputError, freeze, lines_from_text
from cleaner.settings import Settings

KINDS = {
    ".txt": "text",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".warc": "warc",
    ".parquet": "parquet",
}
STREAMED = ("warc", "parquet")  # read a record at a time, never whole
MANY = ("jsonl", *STREAMED)  # kinds that hold many documents
Item = Document | InputError


class Unreadable(Exception):
    """Why a file's bytes cannot be turned into text."""

    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.line = line


@dataclass(frozen=True)
class Source:
    """One file to read: its path, its kind, and its name relative to the input it came from."""

    path: str
    relative: str
    kind: str | None


def kind_of(path: str) -> str | None:
    """The reader for ``path`` by its suffix (``.gz`` looked through), or None if unknown."""
    lower = path.lower()
    name = lower.removesuffix(".gz")
    kind = KINDS.get(os.path.splitext(name)[1])
    return None if kind == "parquet" and name != lower else kind  # Parquet compresses inside


def discover(
    paths: Iterable[str],
    exclude: Iterable[str] = (),
    wanted: Callable[[str], bool] = lambda path: True,
    enter: Callable[[str], bool] = lambda folder: True,
) -> Iterator[Source | InputError]:
    """Expand the given paths into files; directories are walked in sorted order.

    ``exclude`` names paths never to enter; ``wanted`` chooses the files (named or found) and
    ``enter`` the folders to walk into.
    """
    excluded = {os.path.realpath(p) for p in exclude}
    for given in paths:
        if given == "-":
            yield Source("-", "stdin", "text")
        elif os.path.isdir(given):
            yield from _walk(given, excluded, wanted, enter)
        elif os.path.lexists(given):
            if wanted(given):
                yield Source(given, os.path.basename(given), kind_of(given))
        else:
            yield InputError(given, "no such file or directory")


def _walk(
    root: str,
    excluded: set[str],
    wanted: Callable[[str], bool] = lambda path: True,
    enter: Callable[[str], bool] = lambda folder: True,
) -> Iterator[Source | InputError]:
    problems: list[OSError] = []
    for folder, subfolders, files in os.walk(root, onerror=problems.append):
        yield from _listing_errors(problems, folder)
        subfolders[:] = sorted(
            d
            for d in subfolders
            if os.path.realpath(os.path.join(folder, d)) not in excluded
            and enter(os.path.join(folder, d))
        )
        below = os.path.relpath(folder, root)  # the folder's name relative to the root
        for name in sorted(files):
            path = os.path.join(folder, name)
            if root == os.curdir:  # "a/b.txt", not "./a/b.txt"
                path = path[len(os.curdir) + 1 :]
            kind = kind_of(path)
            if kind is not None and wanted(path):
                yield Source(path, name if below == os.curdir else os.path.join(below, name), kind)
    yield from _listing_errors(problems, root)


def _listing_errors(problems: list[OSError], folder: str) -> Iterator[InputError]:
    """The folders os.walk could not list so far, each once, as errors."""
    while problems:
        error = problems.pop(0)
        yield InputError(error.filename or folder, f"cannot list folder ({error.strerror})")


def size_of(path: str) -> int:
    """A file's size in bytes (0 if it cannot be known): what reading it will cost, about."""
    try:
        return 0 if path == "-" else os.path.getsize(path)
    except OSError:
        return 0


def read(source: Source, settings: Settings) -> Iterator[Item]:
    """The documents in one file, or the errors that stop them from being read."""
    if source.kind in STREAMED:
        from cleaner.streamed import read_streamed

        yield from read_streamed(source.path, source.kind, settings)
        return
    try:
        data = load(source.path)
    except Unreadable as problem:
        yield InputError(source.path, str(problem), problem.line)
        return
    yield from parse(source, data, settings)


def kind_of_data(source: Source, data: bytes) -> str:
    """The reader for a file's (gunzipped) bytes: by suffix, else by a look at the start."""
    return source.kind or _sniff(data)


def parse(source: Source, data: bytes, settings: Settings) -> Iterator[Item]:
    """The documents in a file's (gunzipped) bytes, or the errors that stop them."""
    try:
        kind = kind_of_data(source, data)
        if kind == "jsonl":
            yield from _read_jsonl(source.path, decode(data), settings)
            return
        if len(data) > settings.max_document_bytes:
            raise Unreadable(too_large(len(data), settings))
        if kind == "html":
            yield _read_html(source.path, data, settings)
        else:
            yield make_document(source.path, source.path, decode(data), {})
    except Unreadable as problem:
        yield InputError(source.path, str(problem), problem.line)


def load(path: str) -> bytes:
    """A file's bytes, gunzipped if its name ends in .gz. Raises :class:`Unreadable`."""
    try:
        if path == "-":
            data = sys.stdin.buffer.read()
        else:
            with open(path, "rb") as handle:
                data = handle.read()
    except OSError as error:
        raise Unreadable(error.strerror or str(error)) from error
    if path.lower().endswith(".gz"):
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError, zlib.error) as error:
            raise Unreadable(f"not a readable gzip file ({error})") from error
    return data


def _sniff(data: bytes) -> str:
    head = data[:512].lstrip().lower()
    return "html" if head.startswith((b"<!doctype html", b"<html")) else "text"


def decode(data: bytes) -> str:
    """The text of a file's bytes (UTF-8, or UTF-16 with a byte-order mark). Raises
    :class:`Unreadable`."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise Unreadable(f"invalid UTF-16 ({error.reason})") from error
    if b"\x00" in data[:8192]:
        raise Unreadable("binary file (contains NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise Unreadable(f"not valid UTF-8 (byte {error.start})", line) from error
    if not text.strip():
        raise Unreadable("empty file: no text to clean")
    return text


def make_document(path: str, doc_id: str, text: str, metadata: dict, record: int | None = None):
    return Document(doc_id, path, lines_from_text(text), freeze(metadata), record)


def too_large(size: int, settings: Settings) -> str:
    return f"document of {size:,} bytes is larger than the limit ({settings.max_document_bytes:,}; max-document-size)"


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


def _read_jsonl(path: str, text: str, settings: Settings) -> Iterator[Item]:
    for number, raw in enumerate(jsonl_lines(text), start=1):
        if raw.strip():
            yield read_record(path, number, raw, settings)


def read_record(path: str, number: int, raw: str, settings: Settings) -> Item:
    """The document of one (non-blank) line of a JSON Lines file, or why it cannot be read."""
    if len(raw) > settings.max_document_bytes:  # characters: a byte at least each
        return InputError(path, too_large(len(raw.encode("utf-8")), settings), number)
    try:
        record = json.loads(raw)
    except json.JSONDecodeError as error:
        return InputError(path, f"invalid JSON ({error.msg}, column {error.colno})", number)
    problem = record_problem(record, settings.text_field)
    if problem:
        return InputError(path, problem, number)
    metadata = {k: v for k, v in record.items() if k not in (settings.text_field, settings.id_field)}
    doc_id = str(record.get(settings.id_field, f"{path}:{number}"))
    return make_document(path, doc_id, record[settings.text_field], metadata, number)


@dataclass(frozen=True)
class Record:
    """One record of a file that holds many documents, read but not yet made into a document
    (the costly part: HTML extraction, JSON parsing), so that a process pool can make many
    at once: a JSON Lines line, a WARC page, a Parquet row's values."""

    number: int  # the line (JSON Lines), the record (WARC), the row (Parquet)
    raw: Any
    size: int  # its bytes, about


def records(source: Source, settings: Settings) -> Iterator[Record | InputError]:
    """The records of a file of a kind in MANY, and an error for what cannot be read."""
    if source.kind in STREAMED:
        from cleaner.streamed import streamed_records

        yield from streamed_records(source.path, source.kind, settings)
        return
    try:
        text = decode(load(source.path))
    except Unreadable as problem:
        yield InputError(source.path, str(problem), problem.line)
        return
    for number, raw in enumerate(jsonl_lines(text), start=1):
        if raw.strip():
            yield Record(number, raw, len(raw))


def read_one(source: Source, record: Record, settings: Settings) -> Item:
    """The document of one record of :func:`records`, or why it cannot be made."""
    if source.kind in STREAMED:
        from cleaner.streamed import streamed_document

        return streamed_document(source.path, source.kind, record, settings)
    return read_record(source.path, record.number, record.raw, settings)


def record_error(source: Source, record: Record, message: str) -> InputError:
    """An error about one record, placed as the readers place theirs."""
    if source.kind in STREAMED:
        return InputError(source.path, f"{'record' if source.kind == 'warc' else 'row'} {record.number}: {message}")
    return InputError(source.path, message, record.number)


def jsonl_lines(text: str) -> list[str]:
    """The lines of a JSON Lines file: split at newlines only, as JSON escapes the others."""
    return text.split("\n")


def record_problem(record: object, text_field: str) -> str | None:
    if not isinstance(record, dict):
        return f"a record must be a JSON object, not {type(record).__name__}"
    if text_field not in record:
        return f"no {text_field!r} field (set the text field with --text-field)"
    if record[text_field] is None:
        return f"field {text_field!r} is null, not a string"
    if not isinstance(record[text_field], str):
        return f"field {text_field!r} is {type(record[text_field]).__name__}, not a string"
    return None
