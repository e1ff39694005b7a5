"""The HTML pages of a WARC file, read a record at a time. The only module importing fastwarc.

fastwarc (Rust) reads the records, about six times as fast as warcio on a plain or gzipped
WARC, though neither goes past a broken record: both stop at a bad header or a bad gzip
member, and both hand over a truncated record as if it were whole. So this module checks
each record's length itself, and after a broken record looks for the next record's start
(a ``WARC/1.`` line, or a gzip member that opens with one) and reads on from there. A
record is numbered by its place in the file, from 1; a broken stretch counts as one record.

Only ``response`` records of HTTP status 2xx whose body is HTML become pages; the other
records (requests, metadata, warcinfo, revisits, DNS, images, redirects) are skipped.
The body is read raw and decoded here (chunked transfer, gzip, deflate, brotli):
fastwarc's own decoding ends the file without a word when a decoded record is cut short.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any

from cleaner.io.extras import require

GZIP_MAGIC = b"\x1f\x8b\x08"
RECORD_START = b"\nWARC/1."  # a record's first line, after the previous record's last
SEARCH_CHUNK = 1 << 20
_HTML_START = (b"<!doctype html", b"<html")


@dataclass(frozen=True)
class Page:
    """An HTML response: its place in the file, what the WARC headers say, and its body."""

    number: int
    offset: int  # of the record, or of its gzip member
    record_id: str | None
    url: str | None
    date: str | None
    html: bytes


@dataclass(frozen=True)
class Broken:
    """A record that cannot be read, and why (one line)."""

    number: int
    message: str
    truncated: bool = False  # its stated length runs past what the file holds


def pages(path: str, limit: int) -> Iterator[Page | Broken]:
    """The HTML pages of the WARC at ``path`` (gzipped or not), and the broken records.

    A body larger than ``limit`` bytes is reported, not read. Raises ``MissingExtra``
    without fastwarc, and ``OSError`` when the file cannot be opened.
    """
    warc = require("fastwarc.warc", "warc", "reading WARC")
    with open(path, "rb") as handle:
        gzipped = handle.read(2) == GZIP_MAGIC[:2]
    number, pending = 0, None
    start: int | None = 0  # where to read on; None once there is nothing more
    while start is not None:
        last, resume, inside = None, None, False  # inside: the failing record is counted
        try:
            with open(path, "rb") as handle:
                handle.seek(start)
                for record in warc.ArchiveIterator(handle, parse_http=True, auto_decode="none"):
                    if pending is not None:
                        yield Broken(pending[0], f"{pending[1]}; read on from byte {record.stream_pos:,}")
                        pending = None
                    number, last, inside = number + 1, record.stream_pos, True
                    item = _page(record, number, limit, warc.WarcRecordType.response)
                    inside = False
                    if item is not None:
                        yield item
                    if isinstance(item, Broken) and item.truncated:
                        # a length too long swallows the records after it: look for them
                        resume = _next_start(path, last + 1, gzipped)
                        break
        except Exception as error:  # fastwarc raises OSError; any failure is the record's
            if pending is None:
                number += 0 if inside else 1
                pending = (number, f"unreadable record ({type(error).__name__}: {error})")
            resume = _next_start(path, (start if last is None else last) + 1, gzipped)
        start = resume
    if pending is not None:
        yield Broken(pending[0], f"{pending[1]}; no readable record after it")


def _page(record: Any, number: int, limit: int, response: Any) -> Page | Broken | None:
    """The page in ``record``, a Broken for a bad one, or None for a record to skip."""
    offset = record.stream_pos
    length = record.content_length
    if length == 0 and record.headers.get("Content-Length") is None:  # a header cut short
        return Broken(number, f"no Content-Length in the record at byte {offset:,} (cut short?)", truncated=True)
    wanted = record.record_type == response and record.is_http and _is_ok_html(record)
    refused = None
    if wanted and record.http_headers.status_code is None:
        refused = f"a response without an HTTP status line, at byte {offset:,}"
    elif wanted and length > limit:
        refused = f"document of {length:,} bytes is larger than the limit ({limit:,}; max-document-size)"
    if not wanted or refused:
        got = record.consume()
        if got < length:
            return _truncated(number, got, length, offset)
        return Broken(number, refused) if refused else None
    body = record.reader.read()
    if len(body) < length:
        return _truncated(number, len(body), length, offset)
    headers = record.http_headers
    try:
        body = decode_body(body, headers.get("Transfer-Encoding"), headers.get("Content-Encoding"), limit)
    except ValueError as error:
        return Broken(number, f"body cannot be decoded ({error})")
    if not body.strip():
        return None  # a 204, a HEAD: nothing to clean
    if record.http_content_type is None and not body[:512].lstrip().lower().startswith(_HTML_START):
        return None
    headers = record.headers  # each look-up costs: only for pages
    record_id = (record.record_id or "").strip("<> ") or None
    return Page(number, offset, record_id, headers.get("WARC-Target-URI"), headers.get("WARC-Date"), body)


def _truncated(number: int, got: int, length: int, offset: int) -> Broken:
    return Broken(number, f"truncated at byte {offset:,}: {got:,} of {length:,} bytes", truncated=True)


def _is_ok_html(record: Any) -> bool:
    """A 2xx response whose Content-Type names HTML (or is missing, for a look at the body);
    one whose status line cannot be parsed is let through, to be reported."""
    status = record.http_headers.status_code
    if status is not None and not 200 <= status < 300:
        return False
    content_type = record.http_content_type
    return content_type is None or "html" in content_type.lower()


def decode_body(body: bytes, transfer: str | None, encoding: str | None, limit: int) -> bytes:
    """The body as the server meant it: chunks joined, then content codings undone.

    Raises ValueError for a coding that cannot be undone, or a result over ``limit`` bytes.
    """
    if transfer and "chunked" in transfer.lower():
        body = _unchunked(body)
    for coding in reversed((encoding or "").lower().split(",")):
        coding = coding.strip()
        if coding in ("", "identity"):
            continue
        if coding in ("gzip", "x-gzip", "deflate"):
            body = _inflated(body, coding != "deflate", limit)
        elif coding == "br":
            body = _unbrotli(body)
        else:
            raise ValueError(f"unsupported Content-Encoding {coding!r}")
        if len(body) > limit:
            raise ValueError(f"larger than the limit ({limit:,} bytes; max-document-size) once decoded")
    return body


def _unchunked(body: bytes) -> bytes:
    """Chunked transfer coding undone; a body that does not open with a chunk is kept as it
    is (archives often store the joined body under the original header)."""
    parts: list[bytes] = []
    position = 0
    while True:
        end = body.find(b"\r\n", position)
        size_text = body[position:end].split(b";")[0].strip() if end != -1 else b""
        try:
            size = int(size_text, 16)
        except ValueError:
            if position == 0:
                return body
            raise ValueError(f"bad chunk size {size_text[:20]!r}") from None
        if size == 0:
            return b"".join(parts)
        parts.append(body[end + 2 : end + 2 + size])
        position = end + 2 + size + 2


def _inflated(body: bytes, gzipped: bool, limit: int) -> bytes:
    # deflate is meant to be zlib-wrapped, yet servers often send it raw
    name = "gzip" if gzipped else "deflate"
    for wbits in (31,) if gzipped else (15, -15):
        inflater = zlib.decompressobj(wbits)
        try:
            inflated = inflater.decompress(body, limit + 1)
        except zlib.error as error:
            problem = str(error)
            continue
        if not inflater.eof and len(inflated) <= limit:
            raise ValueError(f"{name}: the compressed body is cut short")
        return inflated
    raise ValueError(f"{name}: {problem}")


def _unbrotli(body: bytes) -> bytes:
    brotli = require("brotli", "warc", "a brotli-encoded page")
    try:
        return brotli.decompress(body)
    except brotli.error as error:
        raise ValueError(f"br: {error}") from error


def _next_start(path: str, after: int, gzipped: bool) -> int | None:
    """The offset of the first record that starts at or after ``after``, or None."""
    marker = GZIP_MAGIC if gzipped else RECORD_START
    position = after - (0 if gzipped else 1)  # the newline before a record may come first
    with open(path, "rb") as handle:
        while True:
            handle.seek(position)
            chunk = handle.read(SEARCH_CHUNK + len(marker))
            index = chunk.find(marker)
            while index != -1:
                if not gzipped:
                    return position + index + 1
                if _opens_record(handle, position + index):
                    return position + index
                index = chunk.find(marker, index + 1)
            if len(chunk) <= SEARCH_CHUNK:
                return None
            position += SEARCH_CHUNK


def _opens_record(handle: IO[bytes], offset: int) -> bool:
    """Whether a gzip member starts at ``offset`` and holds a WARC record's first line."""
    handle.seek(offset)
    try:
        head = zlib.decompressobj(31).decompress(handle.read(1 << 16), 16)
    except zlib.error:
        return False
    return head.startswith(b"WARC/1.")
