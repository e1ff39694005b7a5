"""A finding placed in its file (:class:`Diagnostic`), and what checking one file reports
(:class:`FileReport`): lines of the file, or of a JSON Lines record's text."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from cleaner.core.model import Document, Edit, Finding, InputError
from cleaner.index import Copy
from cleaner.rules import Context, check_document, duplicate_paragraph


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


def in_order(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """``diagnostics`` as a file's are reported: by line (and text line in a record), column, code."""
    return sorted(diagnostics, key=lambda d: (d.row, d.text_row or 0, d.column, d.finding.code))


def as_found(document: Document, context: Context, copies: Sequence[Finding] = ()) -> list[Diagnostic]:
    """The findings on ``document`` as it is, in the order they are reported (:func:`in_order`)."""
    lines = {line.number: line.text for line in document.lines}
    numbers = {n: n for n in lines}
    return in_order(
        diagnostic(document, f, lines, numbers, fixed=False) for f in [*check_document(document, context), *copies]
    )


def fixed_and_left(document: Document, outcome, numbers: dict[int, int]) -> list[Diagnostic]:
    before = {line.number: line.text for line in document.lines}
    after = {line.number: line.text for line in outcome.document.lines}
    same = {n: n for n in before}
    done = [diagnostic(document, f, before, same, fixed=True) for f in outcome.applied]
    left = [diagnostic(document, f, after, numbers, fixed=False) for f in outcome.remaining]
    return in_order(done + left)


def diagnostic(
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
        return Diagnostic(document.path, finding, row, finding.column, row, end_column, text, edits, fixed)
    record = document.record
    return Diagnostic(document.path, finding, record, 1, record, 1, text, edits, fixed, row, finding.column)


def _edit_location(edit: Edit, row: int, text: str) -> tuple[int, int, int, int, str]:
    if edit.new is None:  # removes the line
        return (row, 1, row + 1, 1, "")
    end = len(text) if edit.end is None else edit.end
    return (row, edit.start + 1, row, end + 1, edit.new)


def copy_diagnostics(path: str, copies: list[Copy]) -> list[Diagnostic]:
    """The duplicate-paragraph diagnostics of ``copies``, placed in the file at ``path``: as
    :func:`diagnostic` places a finding that removes a line, made directly, as a whole-corpus
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


def copy_findings(copies: Iterable[Copy]) -> dict[int | None, list[Finding]]:
    """The findings of ``copies`` by record (None for a plain-text file)."""
    found: dict[int | None, list[Finding]] = {}
    for copy in copies:
        found.setdefault(copy.record, []).append(_copy_finding(copy))
    return found
