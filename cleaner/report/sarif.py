"""The findings of ``cleaner check`` as a SARIF 2.1.0 log, for code-scanning services."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from types import ModuleType
from typing import Any, TextIO
from urllib.parse import quote

from cleaner.core.version import __version__
from cleaner.pipeline.diagnostics import Diagnostic
from cleaner.report import rule_docs

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"


def rule_descriptor(rule: ModuleType) -> dict[str, Any]:
    what = rule_docs.sections(rule).get("What it does", "")
    return {
        "id": rule.CODE,
        "name": rule.NAME,
        "shortDescription": {"text": rule_docs.summary(rule)},
        "fullDescription": {"text": " ".join(what.split())},
        "help": {"text": rule_docs.prose(rule), "markdown": rule_docs.render(rule)},
        "defaultConfiguration": {"level": "error"},
    }


def artifact_uri(path: str) -> str:
    """A relative path as a URI reference (``/`` separators, escaped); absolute as file:."""
    normal = os.path.normpath(path).replace(os.sep, "/")
    if os.path.isabs(path):
        return "file://" + quote(normal)
    return quote(normal)


def result(diagnostic: Diagnostic, index: int) -> dict[str, Any]:
    d = diagnostic
    region = {
        "startLine": d.row,
        "startColumn": d.column,
        "endLine": d.end_row,
        "endColumn": d.end_column,
    }
    return {
        "ruleId": d.code,
        "ruleIndex": index,
        "level": "error",
        "message": {"text": f"{d.message} ({d.name})"},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": artifact_uri(d.path)},
                    "region": region,
                }
            }
        ],
    }


def log(diagnostics: Iterable[Diagnostic], rules: Iterable[ModuleType]) -> dict[str, Any]:
    """The SARIF log: one run, the selected rules, and a result for each finding left."""
    rules = list(rules)
    index = {rule.CODE: i for i, rule in enumerate(rules)}
    results = [result(d, index[d.code]) for d in diagnostics if not d.fixed and d.code in index]
    driver = {
        "name": "cleaner",
        "version": __version__,
        "rules": [rule_descriptor(rule) for rule in rules],
    }
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{"tool": {"driver": driver}, "results": results}],
    }


def write(diagnostics: list[Diagnostic], rules: Iterable[ModuleType], stream: TextIO) -> None:
    stream.write(json.dumps(log(diagnostics, rules), indent=2, ensure_ascii=False) + "\n")
