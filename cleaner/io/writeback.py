"""Write fixed text back into the file it came from: same encoding, line endings and mode.

Plain text keeps every line that was not touched, blank lines included: a removed paragraph
takes the blank lines after it (or, at the end of the text, those before it) along, so no gap
doubles. JSON Lines rewrites the text field of the records that changed and leaves the other
lines byte for byte. Writes are atomic: a temporary file in the same folder, then a rename.
"""

from __future__ import annotations

import codecs
import gzip
import json
import os
import stat
from dataclasses import dataclass

from cleaner.core.model import Document
from cleaner.io.atomic import Sweeper, write_atomically

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


@dataclass(frozen=True)
class Encoding:
    """How a file's text became bytes: the codec, its byte-order mark, and gzip."""

    codec: str = "utf-8"
    bom: bytes = b""
    gzipped: bool = False

    def encode(self, text: str) -> bytes:
        data = self.bom + text.encode(self.codec)
        return gzip.compress(data) if self.gzipped else data


def encoding_of(path: str, data: bytes) -> Encoding:
    """The encoding of ``data``, the (gunzipped) bytes of ``path``."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return Encoding(codec, bom, path.lower().endswith(".gz"))
    return Encoding("utf-8", b"", path.lower().endswith(".gz"))


def rewrite_text(text: str, document: Document) -> tuple[str, dict[int, int]]:
    """``text`` with ``document``'s lines in place of its own, and each kept line's new number.

    ``document`` is the cleaned form of ``text``: its lines keep their input numbers.
    """
    pieces = text.splitlines(keepends=True)  # the split that numbered the document's lines
    kept = {line.number: line.text for line in document.lines}
    removed = {n for n, piece in enumerate(pieces, 1) if piece.strip() and n not in kept}
    dropped = set(removed)
    for number in removed:
        dropped.update(_blanks_around(pieces, number, removed))
    out: list[str] = []
    numbers: dict[int, int] = {}
    for number, piece in enumerate(pieces, 1):
        if number in dropped:
            continue
        if number in kept:
            body = piece.splitlines()[0] if piece.splitlines() else ""
            piece = kept[number] + piece[len(body) :]
            numbers[number] = len(out) + 1
        out.append(piece)
    return "".join(out), numbers


def _blanks_around(pieces: list[str], number: int, removed: set[int]) -> range:
    """The blank lines a removed paragraph takes along: those after it up to the next kept
    paragraph, or, if none follows, those before it."""

    def skippable(n: int) -> bool:
        return not pieces[n - 1].strip() or n in removed

    after = number + 1
    while after <= len(pieces) and skippable(after):
        after += 1
    if after <= len(pieces):
        return range(number + 1, after)
    before = number - 1
    while before >= 1 and skippable(before):
        before -= 1
    return range(before + 1, number)


def rewrite_record(raw: str, text_field: str, new_text: str) -> str:
    """A JSON Lines record with a new text field, written in the style of the original line
    (compact or spaced separators, escaped or raw non-ASCII) where that style is plain."""
    record = json.loads(raw)
    ascii_only = raw.isascii()
    compact = json.dumps(record, ensure_ascii=ascii_only, separators=(",", ":"))
    separators = (",", ":") if compact == raw.strip() else (", ", ": ")
    record[text_field] = new_text
    return json.dumps(record, ensure_ascii=ascii_only, separators=separators)


def replace_file(path: str, data: bytes, sweeper: Sweeper | None = None) -> None:
    """Replace the file at ``path`` (through links) with ``data``, keeping its permissions."""
    target = os.path.realpath(path)
    mode = stat.S_IMODE(os.stat(target).st_mode)
    write_atomically(target, data, sweeper, mode)
