"""Cleaning documents: one document, and the stage that cleans a corpus piece by piece.

A piece is one unit of work for an engine (:mod:`cleaner.engines`): a whole file, read,
extracted and cleaned where the stage runs; or one record of a file that holds many (a JSON
Lines line, a WARC page, a Parquet row), so that a feed of a million records is spread over
every worker too. This process only finds the files and reads the records of those that
hold many; pieces go to the workers as paths or records, and come back as cleaned documents.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import partial

from cleaner.core.fixes import Outcome, fix_until_stable
from cleaner.core.model import Document, Finding, InputError
from cleaner.core.settings import Settings
from cleaner.core.stage import Ready
from cleaner.io.files import Source, Unreadable, discover, load, size_of
from cleaner.io.formats import MANY, Record, parse, read, read_one, record_error, records
from cleaner.rules import Context, PerFile, check_document, make_context

GZIP_RATIO = 4  # gzip shrinks news text and HTML about fourfold


@dataclass(frozen=True)
class Cleaned:
    """One document before and after cleaning, and where it came from."""

    source: Source
    original: Document
    outcome: Outcome


def clean_document(document: Document, context: Context) -> Outcome:
    """Clean one document: check, fix, and check again until nothing changes.

    The rules that rewrite text go first (see ``cleaner.rules``); the findings left are
    those of every stage on the lines that remain. Unsafe fixes apply only when the settings
    allow them (``unsafe_fixes``).
    """
    context = context.for_document(document)
    unsafe = context.settings.unsafe_fixes
    applied: list[Finding] = []
    remaining: list[Finding] = []
    for stage in context.stages:
        memo: dict = {}
        outcome = fix_until_stable(
            document,
            partial(check_document, context=stage, memo=memo),
            context.settings.max_fix_passes,
            unsafe,
        )
        document = outcome.document
        applied.extend(outcome.applied)
        remaining.extend(outcome.remaining)
    present = {line.number for line in document.lines}
    return Outcome(document, tuple(applied), tuple(f for f in remaining if f.line in present))


@dataclass(frozen=True)
class Piece:
    """A file to read and clean, or one record of a file that holds many documents."""

    source: Source
    data: bytes | None = None  # the bytes, when this process had to read them (stdin)
    record: Record | None = None


def pieces(
    paths: Iterable[str],
    settings: Settings,
    exclude: Iterable[str] = (),
    on_source: Callable[[Source], None] | None = None,
) -> Iterator[Piece | Ready]:
    """The pieces of the corpus under ``paths``, in input order; an input that cannot be
    listed or read here is a Ready error in its place. ``on_source`` hears of each file found."""
    for source in discover(paths, exclude, settings.wants, lambda f: not settings.excludes(f)):
        if isinstance(source, InputError):
            yield Ready([source])
            continue
        if on_source is not None:
            on_source(source)
        if source.path == "-":  # a worker cannot read this process's stdin
            try:
                yield Piece(source, data=load(source.path))
            except Unreadable as problem:
                yield Ready([InputError(source.path, str(problem), problem.line)])
        elif source.kind in MANY:
            for record in records(source, settings):
                yield Ready([record]) if isinstance(record, InputError) else Piece(source, record=record)
        else:
            yield Piece(source)


def cleaning_state(settings: Settings) -> PerFile:
    """What a worker prepares once: the rules, for each file's ``per-file-ignores``."""
    return PerFile(make_context(settings))


def clean_piece(state: PerFile, piece: Piece) -> list[Cleaned | InputError]:
    """The cleaned documents of one piece, and the errors that stopped any from being read."""
    source = piece.source
    context = state(source.path)
    return [
        item if isinstance(item, InputError) else Cleaned(source, item, clean_document(item, context))
        for item in read_piece(piece, context.settings)
    ]


def read_piece(piece: Piece, settings: Settings) -> Iterable[Document | InputError]:
    """The documents of one piece, and the errors that stopped any from being read."""
    if piece.record is not None:
        return [read_one(piece.source, piece.record, settings)]
    if piece.data is not None:
        return parse(piece.source, piece.data, settings)
    return read(piece.source, settings)


def crashed_piece(piece: Piece, reason: str) -> list[InputError]:
    message = f"{reason} while cleaning it"
    if piece.record is not None:
        return [record_error(piece.source, piece.record, message)]
    return [InputError(piece.source.path, message)]


def piece_cost(piece: Piece) -> int:
    """About how many bytes of text or HTML the piece holds: what cleaning it costs."""
    if piece.record is not None:
        return piece.record.size
    if piece.data is not None:
        return len(piece.data)
    size = size_of(piece.source.path)
    return size * GZIP_RATIO if piece.source.path.lower().endswith(".gz") else size


def document_cleaner(context: Context) -> Callable[[Source, Document], Cleaned]:
    """The per-document work of ``clean`` on a document already read, with the rules of each
    file's ``per-file-ignores`` (what the Ray engine runs)."""
    per_file = PerFile(context)
    return lambda source, document: Cleaned(source, document, clean_document(document, per_file(source.path)))
