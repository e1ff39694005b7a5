"""Finding input files and reading their bytes: folders walked in sorted order, gzip looked
through. What a file holds is the formats' business (:mod:`cleaner.io.formats`)."""

from __future__ import annotations

import gzip
import io
import os
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from cleaner.core.model import InputError

SUFFIXES = {
    ".txt": "text",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".warc": "warc",
    ".parquet": "parquet",
}
COMPRESSED_INSIDE = ("parquet",)  # never gzipped as a whole


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
    """The format of ``path`` by its suffix (``.gz`` looked through), or None if unknown."""
    lower = path.lower()
    name = lower.removesuffix(".gz")
    kind = SUFFIXES.get(os.path.splitext(name)[1])
    return None if kind in COMPRESSED_INSIDE and name != lower else kind


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
            if os.path.realpath(os.path.join(folder, d)) not in excluded and enter(os.path.join(folder, d))
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


def open_binary(path: str) -> gzip.GzipFile | io.BufferedReader:
    """A file opened for reading a line at a time, gunzipped as read if its name ends in .gz."""
    try:
        return gzip.open(path, "rb") if path.lower().endswith(".gz") else open(path, "rb")
    except OSError as error:
        raise Unreadable(error.strerror or str(error)) from error


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
