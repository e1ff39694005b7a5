"""The check of one file: its findings as diagnostics, and with fixing, its fixed text.

Without fixing, a diagnostic is a finding of any rule on the input as it is. With fixing,
each file is cleaned as ``clean`` cleans it (``cleaner.pipeline.cleaning.clean_document``); the findings
whose fixes were applied are reported as fixed, at the lines they had, and those left at
their lines in the fixed file.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from typing import Callable, Iterable, NamedTuple

from cleaner.io.atomic import Sweeper
from cleaner.pipeline.cleaning import clean_document
from cleaner.core.fixes import Outcome, apply_once
from cleaner.core.mode import Mode
from cleaner.index import Analysis, Copy, Paragraph
from cleaner.core.model import Document, Edit, Finding, InputError
from cleaner.io.files import Source, Unreadable, decode, load
from cleaner.io.formats import FORMATS, STREAMED, WRITABLE, kind_of_data, parse, read
from cleaner.io.formats.jsonl import jsonl_lines
from cleaner.rules import Context, check_document, duplicate_paragraph
from cleaner.io.writeback import encoding_of, replace_file, rewrite_record, rewrite_text



class Diagnostic(NamedTuple):
    """A finding placed in its file.

    For JSON Lines, ``row`` is the record's line in the file and ``text_row`` and
    ``text_column`` place the finding in the record's text; ``edits`` then use text lines.
    A named tuple, as findings are: a corpus index holds and unpickles hundreds of thousands.
    """

    path: str
    finding: Finding
    row: int
    column: int
    end_row: int
    end_column: int
    line_text: str
    edits: tuple[tuple[int, int, int, int, str], ...] = ()  # row, col, end row, end col, new
    fixed: bool = False
    text_row: int | None = None
    text_column: int | None = None

    @property
    def code(self) -> str:
        return self.finding.code

    @property
    def name(self) -> str:
        return self.finding.name

    @property
    def message(self) -> str:
        return self.finding.message

    @property
    def fixable(self) -> bool:
        return self.finding.fix is not None and not self.fixed

    @property
    def safe(self) -> bool:
        return self.finding.fix is not None and self.finding.fix.safe


@dataclass
class FileReport:
    """What checking one file found, and the file's text before and after fixing."""

    path: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    note: str | None = None  # why fixes were not written, for a file that cannot take them
    before: str | None = None
    after: str | None = None
    written: bool = False

    @property
    def changed(self) -> bool:
        return self.after is not None and self.after != self.before


def check_source(
    source: Source,
    context_for: Callable[[str], Context],
    mode: Mode,
    sweeper: Sweeper | None = None,
    copies: list[Copy] = (),
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
    if not data.strip() and kind_of_data(source, data) in WRITABLE:
        return report  # nothing to check, as after a fix that removed every paragraph
    context = context_for(source.path)
    items = list(parse(source, data, context.settings))
    report.errors.extend(i for i in items if isinstance(i, InputError))
    documents = [i for i in items if isinstance(i, Document)]
    kind = kind_of_data(source, data)
    found = _copy_findings(copies)
    writable = mode is not Mode.CHECK and source.path != "-" and kind in WRITABLE and bool(documents)
    if writable:
        try:
            report.before = decode(data)
        except Unreadable as problem:  # a JSON Lines file with a line that is not UTF-8
            report.note = f"line {problem.line} is {problem}"
            writable = False
    if not writable:
        if mode is not Mode.CHECK and FORMATS[kind].not_written:
            report.note = FORMATS[kind].not_written
        for document in documents:
            report.diagnostics.extend(_as_found(document, context, found.get(document.record, [])))
        return report
    if kind == "text":
        report.after = _fix_text(report, report.before, documents[0], context, found.get(None, []))
    else:
        report.after = _fix_jsonl(report, report.before, documents, context, found)
    if mode is Mode.FIX and sweeper is not None and source.path != "-":
        sweeper(os.path.dirname(os.path.realpath(source.path)))  # also where nothing is fixed now
    if mode is Mode.FIX and report.changed:
        try:
            replace_file(source.path, encoding_of(source.path, data).encode(report.after), sweeper)
            report.written = True
        except OSError as error:  # nothing changed: report the findings as they stand
            report.errors.append(InputError(source.path, f"fixes not written: {error}"))
            report.after = None
            report.diagnostics = [
                d for doc in documents for d in _as_found(doc, context, found.get(doc.record, []))
            ]
    return report


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
    diagnostics = [d for document in documents for d in _as_found(document, context)]
    paragraphs: list[Paragraph] = []
    if cleaning_for is not None:
        cleaning = cleaning_for(source.path)
        for document in documents:
            shown = {line.number: line.text for line in document.lines}
            kept = clean_document(document, cleaning).document if cleaning.settings.dedup.clean_first else document
            date = kept.metadata.get("date")
            paragraphs.extend(
                Paragraph(document.record, line.number, date, line.text, shown[line.number]) for line in kept.lines
            )
    return Analysis(diagnostics, errors, paragraphs)


def copy_diagnostics(path: str, copies: list[Copy]) -> list[Diagnostic]:
    """The duplicate-paragraph diagnostics of ``copies``, placed in the file at ``path``: as
    :func:`_diagnostic` places a finding that removes a line, made directly, as a whole-corpus
    run makes one for every copy in the corpus."""
    found = []
    for copy in copies:
        line, shown = copy.line, copy.shown
        edits = ((line, 1, line + 1, 1, ""),)
        if copy.record is None:
            found.append(Diagnostic(path, _copy_finding(copy), line, 1, line, len(shown) + 1, shown, edits))
        else:
            record = copy.record
            found.append(Diagnostic(path, _copy_finding(copy), record, 1, record, 1, shown, edits, False, line, 1))
    return found


def _copy_finding(copy: Copy) -> Finding:
    """The duplicate-paragraph finding of one copy, its canonical named as the run names it."""
    return duplicate_paragraph.copy_finding(
        copy.line, copy.shown, copy.canonical_path, copy.canonical_record, copy.canonical_line, copy.similarity
    )


def _copy_findings(copies: list[Copy]) -> dict[int | None, list[Finding]]:
    """The findings of ``copies`` by record (None for a plain-text file)."""
    found: dict[int | None, list[Finding]] = {}
    for copy in copies:
        found.setdefault(copy.record, []).append(_copy_finding(copy))
    return found


def _with_copies(outcome: Outcome, findings: list[Finding], unsafe: bool) -> Outcome:
    """``outcome`` with the copy findings on lines it kept: applied if unsafe fixes are on."""
    present = {line.number for line in outcome.document.lines}
    findings = [f for f in findings if f.line in present]
    if not findings:
        return outcome
    if not unsafe:
        return Outcome(outcome.document, outcome.applied, outcome.remaining + tuple(findings))
    document, done = apply_once(outcome.document, findings)
    return Outcome(document, outcome.applied + tuple(done), outcome.remaining)


def _check_streamed(report: FileReport, source: Source, context: Context, mode: Mode) -> FileReport:
    """Findings of a file read a record at a time (WARC, Parquet), which is never rewritten."""
    for item in read(source, context.settings):
        if isinstance(item, InputError):
            report.errors.append(item)
        else:
            report.diagnostics.extend(_as_found(item, context))
    if mode is not Mode.CHECK:
        report.note = FORMATS[source.kind].not_written
    return report


def _as_found(document: Document, context: Context, copies: list[Finding] = ()) -> list[Diagnostic]:
    """The findings on ``document`` as it is, in the order they are reported (:func:`in_order`)."""
    lines = {line.number: line.text for line in document.lines}
    numbers = {n: n for n in lines}
    return in_order(
        _diagnostic(document, f, lines, numbers, fixed=False) for f in [*check_document(document, context), *copies]
    )


def in_order(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """``diagnostics`` as a file's are reported: by line (and text line in a record), column, code."""
    return sorted(diagnostics, key=lambda d: (d.row, d.text_row or 0, d.column, d.finding.code))


def _fix_text(
    report: FileReport, text: str, document: Document, context: Context, copies: list[Finding]
) -> str:
    outcome = _with_copies(clean_document(document, context), copies, context.settings.unsafe_fixes)
    fixed, numbers = rewrite_text(text, outcome.document)
    report.diagnostics.extend(_fixed_and_left(document, outcome, numbers))
    return fixed


def _fix_jsonl(
    report: FileReport, text: str, documents: list[Document], context: Context, copies: dict
) -> str:
    lines = jsonl_lines(text)
    field_name = context.settings.text_field
    unsafe = context.settings.unsafe_fixes
    for document in documents:
        outcome = _with_copies(clean_document(document, context), copies.get(document.record, []), unsafe)
        raw = lines[document.record - 1]
        original = json.loads(raw)[field_name]
        fixed, numbers = rewrite_text(original, outcome.document)
        if fixed != original:
            ending = raw[len(raw.rstrip()) :]
            lines[document.record - 1] = rewrite_record(raw, field_name, fixed) + ending
        report.diagnostics.extend(_fixed_and_left(document, outcome, numbers))
    return "\n".join(lines)


def _fixed_and_left(document: Document, outcome, numbers: dict[int, int]) -> list[Diagnostic]:
    before = {line.number: line.text for line in document.lines}
    after = {line.number: line.text for line in outcome.document.lines}
    same = {n: n for n in before}
    done = [_diagnostic(document, f, before, same, fixed=True) for f in outcome.applied]
    left = [_diagnostic(document, f, after, numbers, fixed=False) for f in outcome.remaining]
    return in_order(done + left)


def _diagnostic(
    document: Document,
    finding: Finding,
    texts: dict[int, str],
    numbers: dict[int, int],
    fixed: bool,
) -> Diagnostic:
    """``finding`` at line ``numbers[finding.line]`` of the file (or of the record's text)."""
    text = texts.get(finding.line, finding.text)
    row = numbers.get(finding.line, finding.line)
    end_column = finding.end_column or len(text) + 1
    edits = tuple(
        _edit_location(edit, numbers.get(edit.line, edit.line), texts.get(edit.line, ""))
        for edit in (finding.fix.edits if finding.fix else ())
    )
    if document.record is None:
        return Diagnostic(
            document.path, finding, row, finding.column, row, end_column, text, edits, fixed
        )
    record = document.record
    return Diagnostic(
        document.path, finding, record, 1, record, 1, text, edits, fixed, row, finding.column
    )


def _edit_location(edit: Edit, row: int, text: str) -> tuple[int, int, int, int, str]:
    if edit.removes_line:
        return (row, 1, row + 1, 1, "")
    end = len(text) if edit.end is None else edit.end
    return (row, edit.start + 1, row, end + 1, edit.new)
