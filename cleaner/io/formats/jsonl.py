"""JSON Lines: one article per line, read a line at a time, never whole, so a feed of any
size costs the memory of its longest line; a line that cannot be decoded is an error of its
own and the other lines are still read."""

from __future__ import annotations

import io
import json
import zlib
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from cleaner.core.model import InputError
from cleaner.core.settings import Settings
from cleaner.io.files import Source, Unreadable, open_binary
from cleaner.io.formats.base import Format, Item, Record, make_document, record_problem, too_large

if TYPE_CHECKING:
    import gzip


class JsonLines(Format):
    kind = "jsonl"
    many = True
    writable = True

    def parse(self, source: Source, data: bytes, settings: Settings) -> Iterator[Item]:
        lines = jsonl_stream(source.path, io.BufferedReader(io.BytesIO(data)), settings)
        for line in lines:
            yield line if isinstance(line, InputError) else self.document(source, line, settings)

    def records(self, source: Source, settings: Settings) -> Iterator[Record | InputError]:
        try:
            handle = open_binary(source.path)
        except Unreadable as problem:
            yield InputError(source.path, str(problem))
            return
        with handle:
            yield from jsonl_stream(source.path, handle, settings)

    def document(self, source: Source, record: Record, settings: Settings) -> Item:
        return read_record(source.path, record.number, record.raw, settings)


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


def jsonl_stream(
    path: str, handle: gzip.GzipFile | io.BufferedReader, settings: Settings
) -> Iterator[Record | InputError]:
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
        if compressed:
            reason = f"not a readable gzip file ({error})"
        else:  # a plain file: only reading it fails (OSError); gzip and zlib errors need a .gz
            reason = (error.strerror if isinstance(error, OSError) else None) or str(error)
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
