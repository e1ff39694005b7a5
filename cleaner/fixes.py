"""Apply the fixes of findings to a document, pass after pass until it stops changing.

As in ruff: the fixes of one pass are applied together unless they overlap, an overlapping
fix waits for the next pass, and the document is checked again after every pass.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable

from cleaner.model import Document, Edit, Finding, Line


@dataclass(frozen=True)
class Outcome:
    """A cleaned document, the findings whose fixes made it, and the findings left."""

    document: Document
    applied: tuple[Finding, ...]
    remaining: tuple[Finding, ...]


def apply_once(document: Document, findings: Iterable[Finding]) -> tuple[Document, list[Finding]]:
    """Apply every fix that does not overlap one chosen before it; return what was applied."""
    chosen: list[Finding] = []
    edits: dict[int, list[Edit]] = {}
    for finding in findings:
        fix = finding.fix
        if fix is None:
            continue
        for edit in fix.edits:
            others = edits.get(edit.line)
            if others and _overlaps(edit, others):
                break
        else:
            chosen.append(finding)
            for edit in fix.edits:
                edits.setdefault(edit.line, []).append(edit)
    if not chosen:
        return document, []
    # the order in which one edit after another gives the same text: right to left on a line
    chosen.sort(key=lambda f: (f.line, -f.fix.edits[0].start))
    lines = []
    for line in document.lines:
        if line.number in edits:
            line = _edit_line(line, edits[line.number])
            if line is None:
                continue
        lines.append(line)
    return _with_metadata(document.with_lines(tuple(lines)), chosen), chosen


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


def _overlaps(edit: Edit, others: Iterable[Edit]) -> bool:
    for other in others:
        if edit.removes_line or other.removes_line:
            return True
        end, other_end = edit.end or 1 << 30, other.end or 1 << 30
        if edit.start < other_end and other.start < end:
            return True
    return False


def _edit_line(line: Line, edits: Iterable[Edit]) -> Line | None:
    text = line.text
    for edit in sorted(edits, key=lambda e: e.start, reverse=True):
        if edit.new is None:
            return None
        end = len(text) if edit.end is None else edit.end
        text = text[: edit.start] + edit.new + text[end:]
    return Line(line.number, text)


def _with_metadata(document: Document, findings: Iterable[Finding]) -> Document:
    """Move facts found in removed text into the metadata, never overriding what is known."""
    found: dict = {}
    for finding in findings:
        for key, value in finding.metadata.items():
            if key not in document.metadata and key not in found:
                found[key] = value
    return document.with_metadata(**found) if found else document
