"""Apply the fixes of findings to a document, pass after pass until it stops changing.

As in ruff: the fixes of one pass are applied together unless they overlap, an overlapping
fix waits for the next pass, and the document is checked again after every pass.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from cleaner.core.model import Document, Edit, Finding, Line


@dataclass(frozen=True)
class Outcome:
    """A cleaned document, the findings whose fixes made it, and the findings left."""

    document: Document
    applied: tuple[Finding, ...]
    remaining: tuple[Finding, ...]


def apply_once(document: Document, findings: Iterable[Finding]) -> tuple[Document, list[Finding]]:
    """Apply every fix that does not overlap one chosen before it; return what was applied."""
    chosen: list[Finding] = []
    taken: dict[int, _Taken] = {}
    for finding in findings:
        fix = finding.fix
        if fix is None:
            continue
        for edit in fix.edits:
            if edit.line in taken and taken[edit.line].overlaps(edit):
                break
        else:
            chosen.append(finding)
            for edit in fix.edits:
                taken.setdefault(edit.line, _Taken()).add(edit)
    if not chosen:
        return document, []
    # the order in which one edit after another gives the same text: right to left on a line
    chosen.sort(key=_right_to_left)
    lines: list[Line] = []
    for line in document.lines:
        if line.number in taken:
            edited = _edit_line(line, taken[line.number].edits)
            if edited is None:
                continue
            line = edited
        lines.append(line)
    return _with_metadata(document.with_lines(tuple(lines)), chosen), chosen


def _right_to_left(finding: Finding) -> tuple[int, int]:
    """The order of the chosen findings: by line, then right to left on a line."""
    assert finding.fix is not None  # apply_once chooses only findings with a fix
    return finding.line, -finding.fix.edits[0].start


def fix_until_stable(
    document: Document,
    check: Callable[[Document], Iterable[Finding]],
    max_passes: int,
    unsafe: bool = False,
) -> Outcome:
    """Check and fix ``document`` until no applicable fix is left (at most ``max_passes``)."""
    applied: list[Finding] = []
    findings = list(check(document))
    for _ in range(max_passes):
        fixable = [f for f in findings if f.fix is not None and (f.fix.safe or unsafe)]
        document, done = apply_once(document, fixable)
        if not done:
            break
        applied.extend(done)
        findings = list(check(document))
    return Outcome(document, tuple(applied), tuple(findings))


_END = 1 << 62  # the end of any line: where an edit with ``end=None`` stops


class _Taken:
    """The edits chosen on one line, their spans kept in order: an overlap is found by
    bisection, so a line with thousands of edits costs no more than thousands of lookups."""

    def __init__(self) -> None:
        self.edits: list[Edit] = []
        self.spans: list[tuple[int, int]] = []  # (start, end), sorted; they never overlap
        self.removed = False

    def overlaps(self, edit: Edit) -> bool:
        """Whether ``edit`` overlaps a chosen edit (removing the line overlaps any edit)."""
        if self.removed or (edit.removes_line and self.edits):
            return True
        start, end = edit.start, _END if edit.end is None else edit.end
        at = bisect.bisect_right(self.spans, (start, _END))
        if at and start < self.spans[at - 1][1] and self.spans[at - 1][0] < end:
            return True
        return at < len(self.spans) and self.spans[at][0] < end

    def add(self, edit: Edit) -> None:
        self.edits.append(edit)
        self.removed = self.removed or edit.removes_line
        bisect.insort(self.spans, (edit.start, _END if edit.end is None else edit.end))


def _edit_line(line: Line, edits: Iterable[Edit]) -> Line | None:
    """The line with ``edits`` (which never overlap) made, in one pass over its text."""
    text = line.text
    pieces: list[str] = []
    at = 0
    for edit in sorted(edits, key=lambda e: e.start):
        if edit.new is None:
            return None
        pieces += (text[at : edit.start], edit.new)
        at = len(text) if edit.end is None else edit.end
    pieces.append(text[at:])
    return Line(line.number, "".join(pieces))


def _with_metadata(document: Document, findings: Iterable[Finding]) -> Document:
    """Move facts found in removed text into the metadata, never overriding what is known."""
    found: dict = {}
    for finding in findings:
        for key, value in finding.metadata.items():
            if key not in document.metadata and key not in found:
                found[key] = value
    return document.with_metadata(**found) if found else document
