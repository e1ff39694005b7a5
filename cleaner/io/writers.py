"""Write cleaned documents: a mirrored tree of .txt files, JSON Lines, or Parquet. Writes
are atomic."""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Set
from typing import IO, Any, Protocol

from cleaner.core.fixes import Outcome
from cleaner.core.model import Document
from cleaner.io.atomic import AtomicFile, Sweeper, write_atomically
from cleaner.io.extras import MissingExtra
from cleaner.io.files import SUFFIXES

_SUFFIXES = re.compile(rf"(?:{'|'.join(re.escape(suffix) for suffix in SUFFIXES)})?(?:\.gz)?$", re.IGNORECASE)
_UNSAFE_NAME = re.compile(r"[^\w.-]+")


RECORD_FORMATS = ("jsonl", "parquet")  # one record per document, in one file
OUTPUT_FORMATS = ("text", *RECORD_FORMATS)


class Writer(Protocol):
    """Where cleaned documents go. ``write`` returns where the document went; ``close``
    finishes the output, or with ``commit=False`` discards what was written."""

    def write(self, relative: str, outcome: Outcome, original: Document) -> str: ...

    def close(self, commit: bool = True) -> None: ...


def open_writer(output_format: str, output: str | None, inputs: Set[str] = frozenset()) -> Writer:
    """The writer of ``output_format`` into ``output`` (a file for records, a folder for text;
    None: stdout); ``inputs`` are the input files a text tree must not overwrite."""
    if output_format == "parquet":
        if output is None:
            raise OutputError("parquet output needs a file")
        return Parquet(output)
    if output_format == "jsonl":
        return JsonLines(output)
    return Stdout() if output is None else TextTree(output, inputs)


class OutputError(Exception):
    """An output that cannot be written without losing data."""


def record(outcome: Outcome, original: Document) -> dict[str, Any]:
    """The JSON Lines record of one cleaned document."""
    document = outcome.document
    removed: list[dict[str, Any]] = []
    edits: list[dict[str, Any]] = []
    for finding in outcome.applied:  # in the order applied, so edits replay (and undo) in turn
        for edit in finding.fix.edits if finding.fix else ():
            entry = {"line": edit.line, "rule": finding.code, "name": finding.name}
            if edit.removes_line:
                removed.append({**entry, "text": finding.text})
            else:
                edits.append({**entry, "column": edit.start + 1, "old": finding.text, "new": edit.new})
    removed.sort(key=lambda entry: entry["line"])
    edits.sort(key=lambda entry: entry["line"])
    result: dict[str, Any] = {"path": original.path, "id": document.id}
    if document.record is not None:
        result["record"] = document.record
    result.update(
        text=document.text,
        lines=[line.number for line in document.lines],
        metadata=dict(document.metadata),
        removed=removed,
        edits=edits,
    )
    return result


def relative_target(relative: str, document: Document) -> str:
    """Where a document goes under the output folder: ``a/b.html.gz`` becomes ``a/b.txt``."""
    stem = _SUFFIXES.sub("", relative)
    if document.record is not None:
        named = document.id != f"{document.path}:{document.record}"  # else the reader made it up
        name = _UNSAFE_NAME.sub("_", document.id).strip("._") if named else ""
        name = name or f"record-{document.record}"
        return os.path.join(stem, name + ".txt")
    return stem + ".txt"


class TextTree:
    """One cleaned .txt per document under ``root``, mirroring the input tree."""

    def __init__(self, root: str, inputs: Set[str]):
        self.root = root
        self.inputs = inputs  # real paths of the input files under root
        self.written: dict[str, str] = {}
        self.sweeper = Sweeper()

    def write(self, relative: str, outcome: Outcome, original: Document) -> str:
        target = os.path.join(self.root, relative_target(relative, original))
        real = os.path.realpath(target)
        if real in self.inputs:
            raise OutputError(f"{target} is an input file; refusing to overwrite it")
        if real in self.written:
            raise OutputError(f"{target} was already written for {self.written[real]}")
        self.written[real] = original.path
        write_atomically(target, outcome.document.text + "\n", self.sweeper)
        return target

    def close(self, commit: bool = True) -> None:
        """Nothing to finish: every file is complete when written."""


class JsonLines:
    """All records in one JSON Lines stream: a file (renamed into place at the end) or stdout."""

    def __init__(self, path: str | None):
        self.file = AtomicFile(path, Sweeper()) if path is not None else None
        self.stream: IO[str] = self.file.stream if self.file else sys.stdout

    def write(self, relative: str, outcome: Outcome, original: Document) -> str:
        self.stream.write(json.dumps(record(outcome, original), ensure_ascii=False) + "\n")
        return self.file.path if self.file else "-"

    def close(self, commit: bool = True) -> None:
        if self.file is not None:
            self.file.commit() if commit else self.file.discard()


class Stdout:
    """The cleaned text of a single document on stdout."""

    def write(self, relative: str, outcome: Outcome, original: Document) -> str:
        sys.stdout.write(outcome.document.text + "\n")
        return "-"

    def close(self, commit: bool = True) -> None:
        sys.stdout.flush()


class Parquet:
    """All records in one Parquet file (the fields of JSON Lines), renamed into place at the
    end; written a row group at a time. Raises :class:`OutputError` without pyarrow."""

    def __init__(self, path: str):
        from cleaner.io import parquet_file

        self.file = AtomicFile(path, Sweeper(), binary=True)
        try:
            self.writer = parquet_file.Writer(self.file.stream)
        except MissingExtra as error:
            self.file.discard()
            raise OutputError(f"{path}: {error}") from error

    def write(self, relative: str, outcome: Outcome, original: Document) -> str:
        self.writer.write(record(outcome, original))
        return self.file.path

    def close(self, commit: bool = True) -> None:
        if not commit:
            self.writer.abandon()
            self.file.discard()
            return
        try:
            self.writer.close()
        except BaseException:
            self.writer.abandon()
            self.file.discard()
            raise
        self.file.commit()
