"""Read inputs into documents: plain text, HTML, JSON Lines, each optionally gzipped;
WARC and Parquet, a record at a time (:mod:`cleaner.io.streamed`).

A JSON Lines file is read a line at a time (:func:`jsonl_stream`), never whole, so a feed of
any size costs the memory of its longest line; a line that cannot be decoded is an error of
its own and the other lines are still read.

Readers never raise for bad input: a file or record that cannot be read becomes an
:class:`InputError` in the stream, and the rest of the corpus goes on.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import sys
import zlib
from dataclasses import dataclass
from typing import Any, BinaryIO, Callable, Iterable, Iterator

from cleaner.io.extract import Extracted, ExtractionTimeout, extract_html
from cleaner.core.model import Document, InputError, freeze, lines_from_text
from cleaner.core.settings import Settings

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
        below = "" if below == os.curdir else below + os.sep
        at = folder if folder.endswith(os.sep) else folder + os.sep
        if root == os.curdir:  # "a/b.txt", not "./a/b.txt"
            at = at[len(os.curdir) + 1 :]
        for name in sorted(files):
            path = at + name
            kind = kind_of(path)
            if kind is not None and wanted(path):
                yield Source(path, below + name, kind)
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
        from cleaner.io.streamed import read_streamed

        yield from read_streamed(source.path, source.kind, settings)
        return
    if source.kind == "jsonl":
        yield from _jsonl_documents(source.path, records(source, settings), settings)
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
            lines = jsonl_stream(source.path, io.BufferedReader(io.BytesIO(data)), settings)
            yield from _jsonl_documents(source.path, lines, settings)
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


def _jsonl_documents(path: str, lines: Iterable[Record | InputError], settings: Settings) -> Iterator[Item]:
    for line in lines:
        yield line if isinstance(line, InputError) else read_record(path, line.number, line.raw, settings)


def read_record(path: str, number: int, raw: str, settings: Settings) -> Item:
    """The document of one (non-blank) line of a JSON Lines file, or why it cannot be read."""
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
        from cleaner.io.streamed import streamed_records

        yield from streamed_records(source.path, source.kind, settings)
        return
    try:
        handle = _open(source.path)
    except Unreadable as problem:
        yield InputError(source.path, str(problem))
        return
    with handle:
        yield from jsonl_stream(source.path, handle, settings)


def read_one(source: Source, record: Record, settings: Settings) -> Item:
    """The document of one record of :func:`records`, or why it cannot be made."""
    if source.kind in STREAMED:
        from cleaner.io.streamed import streamed_document

        return streamed_document(source.path, source.kind, record, settings)
    return read_record(source.path, record.number, record.raw, settings)


def record_error(source: Source, record: Record, message: str) -> InputError:
    """An error about one record, placed as the readers place theirs."""
    if source.kind in STREAMED:
        return InputError(source.path, f"{'record' if source.kind == 'warc' else 'row'} {record.number}: {message}")
    return InputError(source.path, message, record.number)


def _open(path: str) -> BinaryIO:
    """A file opened for reading a line at a time, gunzipped as read if its name ends in .gz."""
    try:
        return gzip.open(path, "rb") if path.lower().endswith(".gz") else open(path, "rb")
    except OSError as error:
        raise Unreadable(error.strerror or str(error)) from error


def jsonl_stream(path: str, handle: BinaryIO, settings: Settings) -> Iterator[Record | InputError]:
    """The non-blank lines of a JSON Lines file as records (the line's text as ``raw``), read
    a line at a time from ``handle``, and an error for each line that cannot be read.

    The lines are split at newlines only, as JSON escapes the others. UTF-8 (a byte-order
    mark allowed) is decoded line by line; a file that starts with a UTF-16 byte-order mark
    is decoded as UTF-16 and stops at its first undecodable character. A line longer than
    ``max-document-size`` is skipped unread, as an error. A file with NUL bytes in its first
    8 KB is one error, and so is a file with nothing but blank lines.
    """
    limit = settings.max_document_bytes
    number = 0
    found = False  # a line that is not blank
    try:
        head = handle.peek(8192)[:8192]
        utf16 = head.startswith((b"\xff\xfe", b"\xfe\xff"))
        if b"\x00" in head and not utf16:
            yield InputError(path, "binary file (contains NUL bytes), not text")
            return
        if utf16:
            lines = _lines(io.TextIOWrapper(handle, encoding="utf-16", newline="\n").readline, "\n", limit)
        else:
            lines = _lines(handle.readline, b"\n", limit)
        for size, line in lines:
            number += 1
            text = line if utf16 or line is None else _utf8(line, number == 1)
            if line is None or text is None:
                found = True
                problem = too_large(size, settings) if line is None else "not valid UTF-8 (in this line)"
                yield InputError(path, problem, number)
            elif text.strip():
                found = True
                yield Record(number, text.removesuffix("\n"), size)
    except UnicodeDecodeError as error:  # UTF-16 stops at its first undecodable character
        yield InputError(path, f"invalid UTF-16 ({error.reason})", number + 1)
        return
    except (OSError, EOFError, zlib.error) as error:
        compressed = path.lower().endswith(".gz")
        reason = f"not a readable gzip file ({error})" if compressed else error.strerror or str(error)
        yield InputError(path, reason, number + 1)
        return
    if not found:
        yield InputError(path, "empty file: no text to clean")


def _lines(readline: Callable, newline: str | bytes, limit: int) -> Iterator[tuple[int, Any]]:
    """Each line as ``readline`` gives it (bytes or text) and its size; None for one longer
    than ``limit``, whose rest is skipped unread."""
    while line := readline(limit + 1):
        size = len(line)
        if size > limit and not line.endswith(newline):
            while not line.endswith(newline) and (line := readline(1 << 20)):
                size += len(line)
            yield size, None
        else:
            yield size, line


def _utf8(line: bytes, first: bool) -> str | None:
    """A line's text, or None if it is not UTF-8 (the first may start with a byte-order mark)."""
    try:
        return line.decode("utf-8-sig" if first else "utf-8")
    except UnicodeDecodeError:
        return None


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
