"""``clean``: read, clean and write a corpus; copies across articles marked or dropped."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from cleaner.core.model import InputError
from cleaner.core.settings import Settings
from cleaner.engines import CleanJob, Engine
from cleaner.engines.local import LocalEngine
from cleaner.io.files import discover, kind_of
from cleaner.io.formats import MANY
from cleaner.io.writers import RECORD_FORMATS, OutputError, Writer, open_writer
from cleaner.pipeline.cleaning import Cleaned


@dataclass
class Summary:
    """What a run did: counts per rule, and every input that failed."""

    files: int = 0
    documents: int = 0
    lines_in: int = 0
    lines_out: int = 0
    removed: Counter = field(default_factory=Counter)
    edited: Counter = field(default_factory=Counter)
    errors: list[InputError] = field(default_factory=list)

    def count(self, cleaned: Cleaned) -> None:
        self.documents += 1
        self.lines_in += len(cleaned.original.lines)
        self.lines_out += len(cleaned.outcome.document.lines)
        for finding in cleaned.outcome.applied:
            edits = finding.fix.edits if finding.fix else ()
            counter = self.removed if any(e.removes_line for e in edits) else self.edited
            counter[(finding.code, finding.name)] += 1


def clean(
    paths: Iterable[str], settings: Settings = Settings(), exclude: Iterable[str] = ()
) -> Iterator[Cleaned | InputError]:
    """Read and clean every document under ``paths``, in input order, with ``settings.jobs``
    processes (see :mod:`cleaner.engines`).

    The rules are prepared before this returns, so a bad gazetteer raises here, not midway.
    """
    return LocalEngine().clean(paths, settings, CleanJob(exclude))


def single_document_input(paths: list[str]) -> bool:
    """Whether ``paths`` name one document that can go to stdout as plain text."""
    return len(paths) == 1 and (paths[0] == "-" or (os.path.isfile(paths[0]) and kind_of(paths[0]) not in MANY))


def clean_to(
    paths: list[str],
    output: str | None,
    output_format: str = "text",
    settings: Settings = Settings(),
    on_file: Callable[[], None] | None = None,
    drop_duplicates: bool = False,
    engine: Engine | None = None,
) -> Summary:
    """Clean ``paths`` and write the results; ``output`` is a folder (text) or a file (jsonl,
    parquet).

    With jsonl or parquet output, paragraphs copied across articles are marked in each record's
    metadata (``duplicates``); ``drop_duplicates`` also removes every copy but the canonical
    one (:mod:`cleaner.duplicates.marks`). Both need the whole corpus before the first record is
    written: the cleaned documents wait in a temporary file.

    ``engine`` (e.g. ``cleaner.engines.ray.RayEngine``) cleans the documents and marks the
    duplicates elsewhere, with the same result; None does it on this machine
    (:class:`~cleaner.engines.local.LocalEngine`). ``on_file`` is called once a document is
    cleaned.

    Raises :class:`OutputError` if the output file is one of the inputs, or Parquet output
    lacks its library.
    """
    inputs = _inputs_within(output, paths) if output else set()
    if output_format in RECORD_FORMATS and output and os.path.realpath(output) in inputs:
        raise OutputError(f"{output} is an input file; refusing to overwrite it")
    marking = output_format in RECORD_FORMATS or drop_duplicates
    exclude = [output] if output else []
    job = CleanJob(exclude, marking, drop_duplicates, on_file)
    items = (engine or LocalEngine()).clean(paths, settings, job)
    writer = open_writer(output_format, output, inputs)
    try:
        summary = _write_all(items, writer)
    except BaseException:
        writer.close(commit=False)
        raise
    writer.close()
    return summary


def _write_all(items: Iterable[Cleaned | InputError], writer: Writer) -> Summary:
    """Every cleaned document written, counted; what could not be read or written is an error."""
    summary = Summary()
    files: set[str] = set()
    for item in items:
        if isinstance(item, InputError):
            files.add(item.path)
            summary.errors.append(item)
            continue
        files.add(item.source.path)
        try:
            writer.write(item.source.relative, item.outcome, item.original)
        except (OutputError, OSError) as error:
            summary.errors.append(InputError(item.original.path, f"not written: {error}"))
            continue
        summary.count(item)
    summary.files = len(files)
    return summary


def _inputs_within(output: str, paths: Iterable[str]) -> set[str]:
    """The input files (real paths) that writing under ``output`` could replace.

    Only when the output and an input overlap (one holds the other) are the inputs listed:
    a corpus is not walked twice for nothing.
    """
    out = os.path.realpath(output)
    given = [os.path.realpath(p) for p in paths if p != "-"]
    if not any(os.path.commonpath([out, p]) in (out, p) for p in given):
        return set()
    return {os.path.realpath(s.path) for s in discover(paths) if not isinstance(s, InputError) and s.path != "-"}
