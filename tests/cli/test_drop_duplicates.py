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
    from cleaner import clean_to

    calls = []
    summary = clean_to([str(feed)], str(tmp_path / "out.jsonl"), "jsonl", on_file=lambda: calls.append(1))
    assert len(calls) == summary.documents == 3


def story(rng, words: list[str]) -> list[str]:
    return [" ".join(rng.sample(words, 14)).capitalize() + "." for _ in range(3)]


@pytest.fixture
def wires(tmp_path):
    """Two feeds of articles made of wire stories, some copied word for word, some with a word
    changed, in random order and with some dates."""
    import random

    rng = random.Random(4)
    words = [f"w{n}" for n in range(300)]
    stories = [story(rng, words) for _ in range(8)]
    for feed in ("a", "b"):
        rows = []
        for number in range(12):
            lines = [" ".join(rng.sample(words, 12)).capitalize() + "."]
            for paragraph in rng.sample([p for s in stories for p in s], 4):
                spun = paragraph.split(" ")
                spun[rng.randrange(1, len(spun))] = rng.choice(words)
                lines.append(" ".join(spun) if rng.random() < 0.4 else paragraph)
            if number == 0:  # a near copy inside one article: not a mark
                lines += [f"Its own words {lines[0]}", f"Its own words, {lines[0]}".replace(" w", " x", 1)]
            row = {"id": f"{feed}{number}", "text": "\n".join(lines)}
            if rng.random() < 0.6:
                row["date"] = f"2024-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}"
            rows.append(row)
        (tmp_path / f"{feed}.jsonl").write_text("\n".join(map(json.dumps, rows)) + "\n", encoding="utf-8")
    return tmp_path


def test_marks_are_the_clusters_of_cleaner_dedup_across_articles(wires, capsys):
    from cleaner import dedup

    def place(passage):
        return (passage.path, passage.record, passage.line)

    expected = []
    for cluster in dedup([str(wires)]).clusters:  # those that span articles, in order
        copies = {place(m.passage): round(m.similarity, 4) for m in cluster.members}
        if {m.passage.doc for m in cluster.members} != {cluster.canonical.doc}:
            expected.append((place(cluster.canonical), copies))
    assert main(["clean", str(wires), "--format", "jsonl"]) == 0
    found: dict[int, tuple] = {}
    for record in map(json.loads, capsys.readouterr().out.splitlines()):
        for mark in record["metadata"].get("duplicates", []):
            head = mark["canonical"]
            canonical = (head["path"], head["record"], head["line"])
            copies = found.setdefault(mark["cluster"], (canonical, {}))[1]
            if (record["path"], record["record"], mark["line"]) != canonical:
                copies[(record["path"], record["record"], mark["line"])] = mark["similarity"]
    assert len(expected) > 5 and any(s < 1 for _, copies in expected for s in copies.values())
    assert [found[number] for number in sorted(found)] == expected
    assert sorted(found) == list(range(1, len(expected) + 1))
