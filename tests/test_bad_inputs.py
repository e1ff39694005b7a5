"""Bad inputs end to end: each gets a correct result or a one-line error naming it, and the
rest of the corpus is still cleaned. The inputs are in fixtures/bad (see make.py there)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from cleaner.cli import main

BAD = Path(__file__).resolve().parent.parent / "fixtures" / "bad"

# file -> (the errors it must give, each "line: words of the message"; the texts it must give)
EXPECTED = {
    "binary.txt": (["-: binary file"], []),
    "invalid_utf8.txt": (["2: not valid UTF-8"], []),
    "utf16_bom.txt": ([], ["Ferry timetable changes from Monday"]),
    "latin1_meta.html": ([], ["the café on the quay, run by René Duval"]),
    "empty.txt": (["-: empty file"], []),
    "whitespace.txt": (["-: empty file"], []),
    "truncated.txt.gz": (["-: not a readable gzip file"], []),
    "bad_line.jsonl": (["2: invalid JSON"], ["Ferry timetable", "Ferry timetable"]),
    "missing_field.jsonl": (["1: no 'text' field"], ["Ferry timetable"]),
    "non_string.jsonl": (["1: field 'text' is int", "2: field 'text' is list"], ["Ferry timetable"]),
    "no_body.html": (["-: no article text found"], []),
    "deep.html": (["-: no article text found"], []),
    "nul_bytes.txt": (["-: binary file"], []),
    "crlf.txt": ([], ["Ferry timetable changes from Monday\nThe harbour board"]),
    "mixed_endings.txt": ([], ["Ferry timetable changes from Monday\nThe harbour board moved"]),
}


def run(paths: list[str], capsys) -> tuple[int, list[dict], list[str]]:
    code = main(["clean", *paths, "--format", "jsonl", "--quiet"])
    captured = capsys.readouterr()
    records = [json.loads(line) for line in captured.out.splitlines()]
    errors = [line for line in captured.err.splitlines() if line.startswith("cleaner: ")]
    return code, records, errors


def test_every_bad_input_is_in_the_table():
    assert sorted(p.name for p in BAD.iterdir() if p.name != "make.py") == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_input_gives_a_result_or_a_one_line_error(name, capsys):
    errors_expected, texts = EXPECTED[name]
    code, records, errors = run([str(BAD / name)], capsys)
    assert code == (1 if errors_expected else 0)
    assert len(errors) == len(errors_expected)
    for error, expected in zip(errors, errors_expected):
        line, words = expected.split(": ", 1)
        where = str(BAD / name) + ("" if line == "-" else f":{line}")
        assert error.startswith(f"cleaner: {where}: {words}"), error
    assert len(records) == len(texts)
    for record, text in zip(records, texts):
        assert text in record["text"] and "\r" not in record["text"]


def test_a_corpus_of_bad_inputs_still_cleans_the_good_ones(tmp_path, capsys):
    code, records, errors = run([str(BAD)], capsys)
    assert code == 1
    assert len(errors) == sum(len(e) for e, _ in EXPECTED.values())
    assert len(records) == sum(len(t) for _, t in EXPECTED.values())


def test_symlink_loops_are_errors_not_hangs(tmp_path, capsys):
    (tmp_path / "corpus" / "inner").mkdir(parents=True)
    (tmp_path / "corpus" / "story.txt").write_text("The ferry runs again on Monday.\n", encoding="utf-8")
    os.symlink("loop.txt", tmp_path / "corpus" / "loop.txt")  # a file link to itself
    os.symlink("..", tmp_path / "corpus" / "inner" / "up")  # a folder link back up the tree
    code, records, errors = run([str(tmp_path / "corpus")], capsys)
    assert code == 1
    assert [r["text"] for r in records] == ["The ferry runs again on Monday."]
    assert len(errors) == 1 and "loop.txt" in errors[0]


def test_a_fifty_megabyte_line_is_cleaned(tmp_path, capsys):
    sentence = "The harbour board met again and the USA delegation spoke about the ferry. "
    path = tmp_path / "huge.txt"
    path.write_text(sentence * (50_000_000 // len(sentence)) + "\nLike this:\n", encoding="utf-8")
    code, records, errors = run([str(path)], capsys)
    assert (code, errors) == (0, [])
    (record,) = records
    assert record["text"].count("\n") == 0 and "USA" not in record["text"]
    assert [r["rule"] for r in record["removed"]] == ["B006"]
