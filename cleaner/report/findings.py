"""The findings of ``cleaner check`` in the text and JSON formats (SARIF has its own module).

- concise: ``path:row:col: CODE [name] message``, one a line;
- full: the same, then the line and a caret under the span, and the fix;
- json: one list of objects; jsonl: one object a line;
- github: workflow commands that GitHub Actions shows as annotations.

Fixed findings (``check --fix``) are a record of what changed: the text formats mark them
"(fixed)" and place them where they were, json and jsonl set ``"fixed": true``, and github and
sarif, which annotate the files as they now are, leave them out.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable
from typing import Any, TextIO

from cleaner.pipeline.diagnostics import Diagnostic


def display(path: str) -> str:
    return path if path == "-" else os.path.normpath(path)


def concise(diagnostic: Diagnostic) -> str:
    d = diagnostic
    where = ""
    if d.text_row is not None:
        where = f" (text line {d.text_row}, column {d.text_column})"
    mark = " (fixed)" if d.fixed else ""
    return f"{display(d.path)}:{d.row}:{d.column}: {d.code} [{d.name}] {d.message}{where}{mark}"


def full(diagnostic: Diagnostic) -> str:
    d = diagnostic
    row = d.text_row if d.text_row is not None else d.row
    column = d.text_column if d.text_column is not None else d.column
    end = d.end_column if d.text_row is None else column + len(d.finding.text)
    gutter = " " * len(str(row))
    width = max(1, min(end, len(d.line_text) + 1) - column)
    lines = [
        concise(d),
        f"{gutter} |",
        f"{row} | {d.line_text}",
        f"{gutter} | {' ' * (column - 1)}{'^' * width}",
        f"{gutter} |",
    ]
    if d.finding.fix is not None:
        safety = "safe" if d.safe else "unsafe"
        lines.append(f"{gutter} = fix ({safety}{', applied' if d.fixed else ''}): {describe_fix(d)}")
    return "\n".join(lines) + "\n"


def describe_fix(diagnostic: Diagnostic) -> str:
    edits = diagnostic.finding.fix.edits if diagnostic.finding.fix else ()
    if any(edit.removes_line for edit in edits):
        return "remove the line"
    return "; ".join(f"replace {diagnostic.finding.text!r} with {edit.new!r}" for edit in edits)


def as_json(diagnostic: Diagnostic) -> dict[str, Any]:
    """One finding as a JSON object (the fields of ruff's JSON output, and ``fixed``)."""
    d = diagnostic
    fix = None
    if d.finding.fix is not None:
        fix = {
            "applicability": "safe" if d.safe else "unsafe",
            "message": describe_fix(d),
            "edits": [
                {"content": new, "location": _at(r, c), "end_location": _at(er, ec)} for r, c, er, ec, new in d.edits
            ],
        }
    text_location = None
    if d.text_row is not None:
        assert d.text_column is not None  # a finding in a record's text has both
        text_location = _at(d.text_row, d.text_column)
    return {
        "code": d.code,
        "name": d.name,
        "message": d.message,
        "filename": display(d.path),
        "location": _at(d.row, d.column),
        "end_location": _at(d.end_row, d.end_column),
        "text_location": text_location,
        "fix": fix,
        "fixed": d.fixed,
        "url": None,
    }


def _at(row: int, column: int) -> dict[str, int]:
    return {"row": row, "column": column}


def github(diagnostic: Diagnostic) -> str:
    d = diagnostic
    properties = {
        "file": display(d.path),
        "line": d.row,
        "col": d.column,
        "endLine": d.end_row,
        "endColumn": d.end_column,
        "title": f"{d.code} {d.name}",
    }
    joined = ",".join(f"{key}={_escape_property(str(value))}" for key, value in properties.items())
    return f"::error {joined}::{_escape_data(d.message)}"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def write(diagnostics: list[Diagnostic], output_format: str, stream: TextIO) -> None:
    """Write ``diagnostics`` to ``stream`` in ``output_format`` (all but sarif)."""
    if output_format == "json":
        stream.write(json.dumps([as_json(d) for d in diagnostics], indent=2, ensure_ascii=False) + "\n")
    elif output_format == "jsonl":
        stream.writelines(json.dumps(as_json(d), ensure_ascii=False) + "\n" for d in diagnostics)
    elif output_format == "github":
        stream.writelines(github(d) + "\n" for d in diagnostics if not d.fixed)
    elif output_format == "full":
        stream.write("\n".join(full(d) for d in diagnostics))
    else:
        stream.writelines(concise(d) + "\n" for d in diagnostics)


def statistics(diagnostics: Iterable[Diagnostic]) -> list[dict[str, Any]]:
    """Findings per rule, most first: how many, how many can still be fixed, how many were."""
    diagnostics = list(diagnostics)
    counts = Counter((d.code, d.name) for d in diagnostics)
    fixable = Counter((d.code, d.name) for d in diagnostics if d.fixable)
    fixed = Counter((d.code, d.name) for d in diagnostics if d.fixed)
    return [
        {
            "code": code,
            "name": name,
            "count": count,
            "fixable": fixable[(code, name)],
            "fixed": fixed[(code, name)],
        }
        for (code, name), count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    ]


def write_statistics(diagnostics: list[Diagnostic], as_json_list: bool, stream: TextIO) -> None:
    rows = statistics(diagnostics)
    if as_json_list:
        stream.write(json.dumps(rows, indent=2) + "\n")
        return
    width = max((len(str(row["count"])) for row in rows), default=1)
    for row in rows:
        mark = "[*] " if row["fixable"] else ""
        stream.write(f"{row['count']:>{width}}\t{row['code']}\t{mark}{row['name']}\n")
