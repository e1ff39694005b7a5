"""Parquet in and out: one document per row, the other columns as metadata; the output
holds the fields of the JSON Lines output, written a row group at a time."""

from __future__ import annotations

import datetime
import decimal
import gc
import json
import os
import subprocess
import sys

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from cleaner.cli import main
from cleaner.io import parquet_file as parquet

STORIES = [
    "By Jane Doe\nThe harbour council voted on Monday to rebuild the pier, the USA -backed plan says.",
    "The ferry timetable changes next week.\nLike this:",
    "Crews worked through the night to clear the road.",
    "The market reopened after the storm.\nAdvertisement\nTraders were relieved.",
]


def write_feed(path, rows_per_group: int = 2, **options) -> None:
    """Four stories in a ``body`` column, keyed by ``key``, with metadata of several types."""
    table = pa.table(
        {
            "key": [f"s{n}" for n in range(1, 5)],
            "body": STORIES,
            "title": [f"Story {n}" for n in range(1, 5)],
            "published": [datetime.datetime(2024, 3, n, 8, 30) for n in range(1, 5)],
            "tags": [["harbour"], [], ["roads", "storm"], None],
            "price": [decimal.Decimal("1.50")] * 4,
        }
    )
    pq.write_table(table, path, row_group_size=rows_per_group, **options)


@pytest.fixture
def feed(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_feed(tmp_path / "feed.parquet")
    return tmp_path


def clean(capsys, *argv):
    code = main(["clean", *argv])
    return code, capsys.readouterr().err


def jsonl(path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_rows_to_jsonl_with_a_custom_text_column(feed, capsys):
    code, err = clean(
        capsys, "feed.parquet", "--text-field", "body", "--id-field", "key", "--format", "jsonl", "-o", "out.jsonl"
    )
    assert code == 0, err
    rows = jsonl(feed / "out.jsonl")
    assert [(r["id"], r["record"]) for r in rows] == [("s1", 1), ("s2", 2), ("s3", 3), ("s4", 4)]
    assert rows[0]["text"] == "The harbour council voted on Monday to rebuild the pier, the US-backed plan says."
    assert [r["rule"] for r in rows[0]["removed"]] == ["B001"] and rows[0]["edits"][0]["new"] == "US-"
    assert rows[3]["text"] == "The market reopened after the storm.\nTraders were relieved."
    metadata = rows[2]["metadata"]
    assert metadata == {
        "title": "Story 3",
        "published": "2024-03-03T08:30:00",
        "tags": ["roads", "storm"],
        "price": "1.50",
        "language": "en",
    }
    assert rows[3]["metadata"]["tags"] is None


def test_the_text_column_from_the_configuration(feed, capsys):
    (feed / "cleaner.toml").write_text('text-field = "body"\n', encoding="utf-8")
    code, err = clean(capsys, "feed.parquet", "--format", "jsonl", "-o", "out.jsonl")
    assert code == 0, err
    assert [r["id"] for r in jsonl(feed / "out.jsonl")] == [f"feed.parquet:{n}" for n in range(1, 5)]


def test_parquet_output_holds_what_jsonl_holds(feed, capsys, monkeypatch):
    monkeypatch.setattr(parquet, "WRITE_ROWS", 3)  # a row group every three documents
    common = ["feed.parquet", "--text-field", "body", "--id-field", "key"]
    assert clean(capsys, *common, "--format", "jsonl", "-o", "out.jsonl")[0] == 0
    assert clean(capsys, *common, "--format", "parquet", "-o", "out.parquet")[0] == 0
    written = pq.ParquetFile(feed / "out.parquet")
    assert written.metadata.num_row_groups == 2
    rows = written.read().to_pylist()
    for row in rows:
        row["metadata"] = json.loads(row["metadata"])
    assert rows == jsonl(feed / "out.jsonl")
    assert [f for f in os.listdir(feed) if f.startswith(".cleaner-")] == []  # no temporary file left


def test_an_abandoned_output_leaves_the_old_file_and_no_trace(tmp_path, monkeypatch):
    from cleaner.io.writers import Parquet

    target = tmp_path / "out.parquet"
    target.write_bytes(b"the old output")
    unraisable = []
    monkeypatch.setattr(sys, "unraisablehook", unraisable.append)
    writer = Parquet(str(target))
    writer.writer.write(
        {"path": "a.txt", "id": "a", "text": "Text.", "lines": [1], "metadata": {}, "removed": [], "edits": []}
    )
    writer.close(commit=False)
    del writer
    gc.collect()
    assert target.read_bytes() == b"the old output" and os.listdir(tmp_path) == ["out.parquet"]
    assert unraisable == []  # pyarrow did not write into the closed file when collected


def test_a_parquet_output_read_back_as_input(feed, capsys):
    assert clean(capsys, "feed.parquet", "--text-field", "body", "--format", "parquet", "-o", "out.parquet")[0] == 0
    assert clean(capsys, "out.parquet", "--format", "jsonl", "-o", "again.jsonl")[0] == 0
    again = jsonl(feed / "again.jsonl")
    assert [r["text"] for r in again] == [r["text"] for r in pq.read_table(feed / "out.parquet").to_pylist()]
    assert again[0]["removed"] == [] and again[0]["metadata"]["path"] == "feed.parquet"


def test_bad_rows_and_bad_files_are_one_line_each(feed, capsys):
    table = pa.table({"text": ["A fine story about the harbour.", None, "Another fine story."]})
    pq.write_table(table, feed / "gaps.parquet")
    (feed / "junk.parquet").write_bytes(b"PAR1 this is not a parquet file at all")
    whole = (feed / "feed.parquet").read_bytes()
    (feed / "cut.parquet").write_bytes(whole[: len(whole) // 2])
    code, err = clean(
        capsys,
        "gaps.parquet",
        "junk.parquet",
        "cut.parquet",
        "feed.parquet",
        "--format",
        "jsonl",
        "-o",
        "out.jsonl",
        "-q",
    )
    assert code == 1
    lines = err.splitlines()
    assert lines[0] == "cleaner: gaps.parquet: row 2: field 'text' is null, not a string"
    assert lines[1].startswith("cleaner: junk.parquet: not a readable Parquet file (")
    assert lines[2].startswith("cleaner: cut.parquet: not a readable Parquet file (")
    assert (
        lines[3]
        == "cleaner: feed.parquet: no 'text' column (set it with --text-field; the columns: key, body, title, published, tags, price)"
    )
    assert len(lines) == 4
    assert [r["text"] for r in jsonl(feed / "out.jsonl")] == ["A fine story about the harbour.", "Another fine story."]


def test_a_corrupt_row_group_is_reported_and_the_next_is_read(tmp_path):
    path = tmp_path / "c.parquet"
    write_feed(path, write_page_checksum=True, compression="none", use_dictionary=False, write_statistics=False)
    data = bytearray(path.read_bytes())
    spot = data.index(b"The ferry timetable")  # in the first row group's pages
    data[spot] = ord("X")
    path.write_bytes(bytes(data))
    rows = parquet.Rows(str(path))
    items = list(rows)
    broken = [i for i in items if isinstance(i, parquet.BrokenRows)]
    assert [(b.first, b.last) for b in broken] == [(1, 2)] and "row group 1 unreadable" in broken[0].message
    assert [number for number, _ in (i for i in items if not isinstance(i, parquet.BrokenRows))] == [3, 4]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (datetime.datetime(2024, 3, 1, 8, 30), "2024-03-01T08:30:00"),
        (datetime.date(2024, 3, 1), "2024-03-01"),
        (datetime.time(8, 30), "08:30:00"),
        (datetime.timedelta(minutes=2), 120.0),
        (decimal.Decimal("1.50"), "1.50"),
        (b"caf\xc3\xa9", "café"),
        (b"\xff\x00", "/wA="),
        ({"a": [datetime.date(2024, 1, 2)]}, {"a": ["2024-01-02"]}),
        (None, None),
        (3.5, 3.5),
    ],
)
def test_values_become_plain_json(value, expected):
    assert parquet.plain(value) == expected


def test_check_reports_rows_and_never_rewrites(feed, capsys):
    before = (feed / "feed.parquet").read_bytes()
    assert main(["check", "feed.parquet", "--text-field", "body", "--select", "B001"]) == 1
    assert capsys.readouterr().out.splitlines() == ["feed.parquet:1:1: B001 [byline] byline (text line 1, column 1)"]
    assert main(["check", "--fix", "feed.parquet", "--text-field", "body"]) == 1
    captured = capsys.readouterr()
    assert "(fixed)" not in captured.out
    assert "note: feed.parquet: not fixed: Parquet files are never rewritten" in captured.err
    assert (feed / "feed.parquet").read_bytes() == before


def test_usage_errors(feed, capsys):
    assert clean(capsys, "feed.parquet", "--format", "parquet")[0] == 2  # no -o
    (feed / "folder").mkdir()
    code, err = clean(capsys, "feed.parquet", "--format", "parquet", "-o", "folder")
    assert code == 2 and "parquet output goes to a file" in err
    code, err = clean(capsys, "feed.parquet", "--format", "parquet", "-o", "feed.parquet")
    assert code == 2 and "is an input file" in err


def test_without_pyarrow_each_use_names_the_extra(feed, capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    (feed / "a.txt").write_text("The road reopened.\n", encoding="utf-8")
    code, err = clean(capsys, "feed.parquet", "--format", "jsonl", "-o", "out.jsonl", "-q")
    assert code == 1
    assert err == "cleaner: feed.parquet: reading Parquet needs pyarrow: pip install 'news-cleaner[parquet]'\n"
    code, err = clean(capsys, "a.txt", "--format", "parquet", "-o", "out.parquet")
    assert code == 2
    assert "writing Parquet needs pyarrow: pip install 'news-cleaner[parquet]'" in err
    assert not (feed / "out.parquet").exists() and [f for f in os.listdir(feed) if f.startswith(".cleaner-")] == []


def test_text_and_html_runs_import_neither_pyarrow_nor_fastwarc(tmp_path):
    (tmp_path / "a.txt").write_text("By Jane Doe\nThe road reopened.\n", encoding="utf-8")
    script = (
        "import sys\nfrom cleaner.cli import main\nmain(['clean', 'a.txt', '-o', 'out', '-q'])\n"
        "print(sorted(m for m in ('pyarrow', 'fastwarc') if m in sys.modules))"
    )
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    env = {**os.environ, "PYTHONPATH": root}
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"
    assert (tmp_path / "out" / "a.txt").read_text(encoding="utf-8") == "The road reopened.\n"
