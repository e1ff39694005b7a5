"""cleaner clean and copies across articles: marked in the metadata, dropped on request."""

from __future__ import annotations

import json

import pytest

from cleaner.cli import main

WIRE = "The council voted on Tuesday to rebuild the harbour wall before the winter storms arrive."
SPUN = "On Tuesday the council voted to repair the harbour wall before winter storms arrive."


@pytest.fixture
def feed(tmp_path):
    rows = [
        {"id": "late", "date": "2024-05-03", "text": f"Local view.\n{SPUN}\nA bakery opened on the quay."},
        {"id": "early", "date": "2024-05-01", "text": f"{WIRE}\nWork starts in March next year."},
        {"id": "other", "text": "Nothing in common with the rest of the feed at all."},
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(map(json.dumps, rows)) + "\n", encoding="utf-8")
    return path


def records(capsys) -> dict[str, dict]:
    return {r["id"]: r for r in map(json.loads, capsys.readouterr().out.splitlines())}


def test_copies_are_marked_with_the_earliest_as_canonical(feed, capsys):
    assert main(["clean", str(feed), "--format", "jsonl"]) == 0
    found = records(capsys)
    canonical = {"path": str(feed), "record": 2, "line": 1}
    (late,) = found["late"]["metadata"]["duplicates"]
    assert late["line"] == 2 and late["canonical"] == canonical and 0.5 <= late["similarity"] < 1
    (early,) = found["early"]["metadata"]["duplicates"]
    assert early == {"line": 1, "cluster": late["cluster"], "canonical": canonical, "similarity": 1.0}
    assert "duplicates" not in found["other"]["metadata"]
    assert SPUN in found["late"]["text"]  # marked, not removed


def test_drop_duplicates_removes_the_copy_with_a_record(feed, capsys):
    assert main(["clean", str(feed), "--format", "jsonl", "--drop-duplicates"]) == 0
    found = records(capsys)
    assert found["late"]["text"] == "Local view.\nA bakery opened on the quay."
    (removed,) = found["late"]["removed"]
    assert removed["rule"] == "D002" and removed["name"] == "duplicate-paragraph" and removed["text"] == SPUN
    assert found["early"]["text"].startswith(WIRE)


def test_drop_duplicates_in_text_output(feed, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["clean", str(feed), "-o", str(out), "--drop-duplicates"]) == 0
    assert (out / "feed" / "late.txt").read_text(encoding="utf-8") == "Local view.\nA bakery opened on the quay.\n"
    assert "D002" in capsys.readouterr().err


def test_bad_records_are_reported_and_the_rest_still_compared(feed, capsys):
    with feed.open("a", encoding="utf-8") as handle:
        handle.write("{not json\n")
    assert main(["clean", str(feed), "--format", "jsonl", "--drop-duplicates"]) == 1
    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) == 3 and f"{feed}:4" in captured.err


def test_progress_is_counted_while_documents_are_cleaned(feed, tmp_path):
    from cleaner.api import clean_to

    calls = []
    summary = clean_to([str(feed)], str(tmp_path / "out.jsonl"), "jsonl", on_file=lambda: calls.append(1))
    assert len(calls) == summary.documents == 3
