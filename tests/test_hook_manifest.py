"""The hook manifest is valid for pre-commit and says what each hook does."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

clientlib = pytest.importorskip("pre_commit.clientlib")

MANIFEST = Path(__file__).resolve().parent.parent / ".pre-commit-hooks.yaml"


def hooks() -> dict[str, dict]:
    return {hook["id"]: hook for hook in clientlib.load_manifest(str(MANIFEST))}


def test_per_file_hook():
    hook = hooks()["cleaner-check"]
    assert hook["entry"] == "cleaner check" and hook["language"] == "python"
    assert hook["pass_filenames"] and hook["require_serial"]
    files = re.compile(hook["files"])
    assert all(files.search(p) for p in ("a.txt", "b.HTML", "c.htm", "d.jsonl.gz", "e.ndjson"))
    assert not any(files.search(p) for p in ("setup.py", "data.json", "a.txt.bak"))


def test_corpus_hook_checks_the_configured_corpus_for_copies():
    hook = hooks()["cleaner-duplicates"]
    assert hook["entry"] == "cleaner check --select D002"
    assert not hook["pass_filenames"] and hook["require_serial"]


@pytest.mark.parametrize("hook", ["cleaner-check", "cleaner-duplicates"])
def test_hooks_take_the_formats_that_are_not_archives(hook):
    from cleaner.io.files import SUFFIXES
    from cleaner.io.formats import STREAMED

    files = re.compile(hooks()[hook]["files"])
    for suffix, kind in SUFFIXES.items():
        for name in (f"a{suffix}", f"a{suffix.upper()}.gz"):
            assert bool(files.search(name)) == (kind not in STREAMED), name
