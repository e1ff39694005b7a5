"""Fixing a file's text as ``clean`` cleans it: each document cleaned, the copies the corpus
index found removed when unsafe fixes are on, and the text written back in the file's own
shape (:mod:`cleaner.io.writeback`)."""

from __future__ import annotations

import json

from cleaner.core.fixes import Outcome, apply_once
from cleaner.core.model import Document, Finding
from cleaner.io.formats.jsonl import jsonl_lines
from cleaner.io.writeback import rewrite_record, rewrite_text
from cleaner.pipeline.cleaning import clean_document
from cleaner.pipeline.diagnostics import FileReport, fixed_and_left
from cleaner.rules import Context


def fix_text(report: FileReport, text: str, document: Document, context: Context, copies: list[Finding]) -> str:
    outcome = _with_copies(clean_document(document, context), copies, context.settings.unsafe_fixes)
    fixed, numbers = rewrite_text(text, outcome.document)
    report.diagnostics.extend(fixed_and_left(document, outcome, numbers))
    return fixed


def fix_jsonl(report: FileReport, text: str, documents: list[Document], context: Context, copies: dict) -> str:
    lines = jsonl_lines(text)
    field_name = context.settings.text_field
    unsafe = context.settings.unsafe_fixes
    for document in documents:
        assert document.record is not None  # a JSON Lines document: its line in the file
        outcome = _with_copies(clean_document(document, context), copies.get(document.record, []), unsafe)
        raw = lines[document.record - 1]
        original = json.loads(raw)[field_name]
        fixed, numbers = rewrite_text(original, outcome.document)
        if fixed != original:
            ending = raw[len(raw.rstrip()) :]
            lines[document.record - 1] = rewrite_record(raw, field_name, fixed) + ending
        report.diagnostics.extend(fixed_and_left(document, outcome, numbers))
    return "\n".join(lines)


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
