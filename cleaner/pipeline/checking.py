"""The check of one file: its findings as diagnostics, and with fixing, its fixed text.

Without fixing, a diagnostic is a finding of any rule on the input as it is. With fixing,
each file is cleaned as ``clean`` cleans it (``cleaner.pipeline.cleaning.clean_document``); the findings
whose fixes were applied are reported as fixed, at the lines they had, and those left at
their lines in the fixed file.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence

from cleaner.core.mode import Mode
from cleaner.core.model import Document, InputError
from cleaner.index import Analysis, Copy, Paragraph
from cleaner.io.atomic import Sweeper
from cleaner.io.files import Source, Unreadable, decode, load
from cleaner.io.formats import FORMATS, STREAMED, WRITABLE, kind_of_data, parse, read
from cleaner.io.writeback import encoding_of, replace_file
from cleaner.pipeline.compared import compared
from cleaner.pipeline.diagnostics import FileReport, as_found, copy_findings
from cleaner.pipeline.fixing import fix_jsonl, fix_text
from cleaner.rules import Context


def check_source(
    source: Source,
    context_for: Callable[[str], Context],
    mode: Mode,
    sweeper: Sweeper | None = None,
    copies: Sequence[Copy] = (),
) -> FileReport:
    """Check one file; ``mode`` says what becomes of the fixes.

    ``copies`` are its paragraphs that copy another file's (from the corpus index): reported
    as duplicate-paragraph findings, removed with ``--fix`` only when unsafe fixes are on.
    """
    report = FileReport(source.path)
    if source.kind in STREAMED:
        return _check_streamed(report, source, context_for(source.path), mode)
    try:
        data = load(source.path)
    except Unreadable as problem:
        report.errors.append(InputError(source.path, str(problem), problem.line))
        return report
    kind = kind_of_data(source, data)
    if not data.strip() and kind in WRITABLE:
        return report  # nothing to check, as after a fix that removed every paragraph
    context = context_for(source.path)
    documents = _documents(report, source, data, context)
    found = copy_findings(copies)
    if not _writable(report, source, data, kind, mode, documents):
        _report_as_found(report, documents, context, found)
        return report
    before = report.before
    assert before is not None  # _writable keeps the text of a file it says yes to
    if kind == "text":
        report.after = fix_text(report, before, documents[0], context, found.get(None, []))
    else:
        report.after = fix_jsonl(report, before, documents, context, found)
    if mode is Mode.FIX:
        _write(report, source, data, sweeper, documents, context, found)
    return report


def _documents(report: FileReport, source: Source, data: bytes, context: Context) -> list[Document]:
    """The documents of a file's bytes; what cannot be read goes to the report's errors."""
    items = list(parse(source, data, context.settings))
    report.errors.extend(i for i in items if isinstance(i, InputError))
    return [i for i in items if isinstance(i, Document)]


def _writable(report: FileReport, source: Source, data: bytes, kind: str, mode: Mode, documents: list) -> bool:
    """Whether fixes are to be worked out for the file's text (kept in ``report.before``);
    if not, and fixes were asked for, the report's note says why."""
    if mode is Mode.CHECK:
        return False
    if source.path != "-" and kind in WRITABLE and documents:
        try:
            report.before = decode(data)
            return True
        except Unreadable as problem:  # a JSON Lines file with a line that is not UTF-8
            report.note = f"line {problem.line} is {problem}"
            return False
    if FORMATS[kind].not_written:
        report.note = FORMATS[kind].not_written
    return False


def _report_as_found(report: FileReport, documents: list[Document], context: Context, found: dict) -> None:
    report.diagnostics = [d for doc in documents for d in as_found(doc, context, found.get(doc.record, []))]


def _write(
    report: FileReport,
    source: Source,
    data: bytes,
    sweeper: Sweeper | None,
    documents: list,
    context: Context,
    found: dict,
) -> None:
    """The fixed text into the file, atomically, in its own encoding; if that fails, the
    file is as it was and its findings are reported as they stand."""
    if sweeper is not None and source.path != "-":
        sweeper(os.path.dirname(os.path.realpath(source.path)))  # also where nothing is fixed now
    if not report.changed:
        return
    assert report.after is not None  # changed: there is a fixed text
    try:
        replace_file(source.path, encoding_of(source.path, data).encode(report.after), sweeper)
        report.written = True
    except OSError as error:
        report.errors.append(InputError(source.path, f"fixes not written: {error}"))
        report.after = None
        _report_as_found(report, documents, context, found)


def analyze_source(
    source: Source, data: bytes, context_for: Callable[[str], Context], cleaning_for: Callable[[str], Context] | None
) -> Analysis:
    """What ``check`` reports of one file as it is, and (with ``cleaning_for``, the context
    of the safe cleaning) the paragraphs its articles keep once cleaned, for the corpus index."""
    if not data.strip() and kind_of_data(source, data) in WRITABLE:
        return Analysis([], [], [])
    context = context_for(source.path)
    items = list(parse(source, data, context.settings))
    errors = [i for i in items if isinstance(i, InputError)]
    documents = [i for i in items if isinstance(i, Document)]
    diagnostics = [d for document in documents for d in as_found(document, context)]
    paragraphs: list[Paragraph] = []
    if cleaning_for is not None:
        cleaning = cleaning_for(source.path)
        for document in documents:
            shown = {line.number: line.text for line in document.lines}
            kept = compared(document, cleaning)
            date = kept.metadata.get("date")
            paragraphs.extend(
                Paragraph(document.record, line.number, date, line.text, shown[line.number]) for line in kept.lines
            )
    return Analysis(diagnostics, errors, paragraphs)


def _check_streamed(report: FileReport, source: Source, context: Context, mode: Mode) -> FileReport:
    """Findings of a file read a record at a time (WARC, Parquet), which is never rewritten."""
    for item in read(source, context.settings):
        if isinstance(item, InputError):
            report.errors.append(item)
        else:
            report.diagnostics.extend(as_found(item, context))
    if mode is not Mode.CHECK:
        assert source.kind is not None  # a streamed kind, from STREAMED
        report.note = FORMATS[source.kind].not_written
    return report
