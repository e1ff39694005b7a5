"""The clean command end to end: outputs, streams and exit codes."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys

import pytest

from cleaner.cli import main

ARTICLE = "Published: May 2, 2024\nBy Jane Doe\nFloods close the coast road\nThe road reopened on Monday.\nLike this:\n"


@pytest.fixture
def corpus(tmp_path):
    (tmp_path / "in" / "a").mkdir(parents=True)
    (tmp_path / "in" / "one.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "in" / "a" / "two.txt.gz").write_bytes(gzip.compress(ARTICLE.encode()))
    rows = [{"id": "r/1", "text": ARTICLE}, {"id": "r2", "text": "Just a line."}]
    (tmp_path / "in" / "feed.jsonl").write_text("\n".join(map(json.dumps, rows)) + "\n", encoding="utf-8")
    return tmp_path


def test_text_output_mirrors_the_input_tree(corpus, capsys):
    assert main(["clean", str(corpus / "in"), "-o", str(corpus / "out")]) == 0
    out = corpus / "out"
    written = sorted(str(p.relative_to(out)) for p in out.rglob("*.txt"))
    assert written == ["a/two.txt", "feed/r2.txt", "feed/r_1.txt", "one.txt"]
    assert (out / "one.txt").read_text(
        encoding="utf-8"
    ) == "Floods close the coast road\nThe road reopened on Monday.\n"
    assert capsys.readouterr().out == ""


def test_jsonl_output_records_every_removal(corpus, capsys):
    assert main(["clean", str(corpus / "in" / "one.txt"), "--format", "jsonl"]) == 0
    (record,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert record["path"] == str(corpus / "in" / "one.txt")
    assert record["text"] == "Floods close the coast road\nThe road reopened on Monday."
    assert [(r["line"], r["rule"], r["name"]) for r in record["removed"]] == [
        (1, "B002", "dateline"),
        (2, "B001", "byline"),
        (5, "B006", "share-trailer"),
    ]
    assert record["removed"][1]["text"] == "By Jane Doe"
    assert record["metadata"] == {"date": "2024-05-02", "author": "Jane Doe", "language": "en"}
    assert record["edits"] == []


def test_jsonl_output_to_a_file_and_record_numbers(corpus):
    target = corpus / "out.jsonl"
    assert main(["clean", str(corpus / "in" / "feed.jsonl"), "--format", "jsonl", "-o", str(target)]) == 0
    records = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert [(r["id"], r["record"]) for r in records] == [("r/1", 1), ("r2", 2)]
    assert not [p for p in corpus.iterdir() if p.name.startswith(".cleaner-")]


def test_stdin_to_stdout(capsys, monkeypatch):
    import io

    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(ARTICLE.encode())))
    assert main(["clean", "-"]) == 0
    assert capsys.readouterr().out == "Floods close the coast road\nThe road reopened on Monday.\n"


def test_bad_inputs_are_reported_and_the_rest_is_cleaned(corpus, capsys):
    (corpus / "in" / "bad.txt").write_bytes(b"\xff\xfe\x00garbage\x00")
    (corpus / "in" / "broken.jsonl").write_text('{"text": "ok line"}\n{oops\n', encoding="utf-8")
    code = main(["clean", str(corpus / "in"), str(corpus / "missing.txt"), "-o", str(corpus / "out")])
    err = capsys.readouterr().err
    assert code == 1
    assert f"{corpus / 'missing.txt'}: no such file or directory" in err
    assert f"{corpus / 'in' / 'broken.jsonl'}:2: invalid JSON" in err
    assert "bad.txt" in err
    assert (corpus / "out" / "one.txt").exists()
    assert [p.name for p in (corpus / "out" / "broken").iterdir()] == ["record-1.txt"]


def test_inputs_are_never_overwritten(corpus, capsys):
    before = (corpus / "in" / "one.txt").read_bytes()
    assert main(["clean", str(corpus / "in" / "one.txt"), "-o", str(corpus / "in")]) == 1
    assert "refusing to overwrite" in capsys.readouterr().err
    assert (corpus / "in" / "one.txt").read_bytes() == before


@pytest.mark.parametrize(
    "argv",
    [
        ["clean"],
        ["clean", "a.txt", "--format", "xml"],
        ["clean", "some/folder", "other.txt"],
        ["clean", "-", "other.txt", "-o", "out"],
        ["frobnicate"],
    ],
)
def test_usage_errors_exit_2(argv, capsys):
    assert main(argv) == 2
    assert "error" in capsys.readouterr().err


def test_summary_goes_to_stderr(corpus, capsys):
    assert main(["clean", str(corpus / "in"), "-o", str(corpus / "out")]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "B002" in captured.err and "dateline" in captured.err


def test_module_and_console_script_run(corpus):
    result = subprocess.run(
        [sys.executable, "-m", "cleaner", "clean", str(corpus / "in" / "one.txt")],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "100"},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Floods close the coast road")


SPUN = "Officials said USA -backed forces met as the Russian Federation said.\n"


def test_entity_variants_are_normalized_and_listed_as_edits(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(SPUN, encoding="utf-8")
    assert main(["clean", str(tmp_path / "a.txt"), "--format", "jsonl"]) == 0
    (record,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert record["text"] == "Officials said US-backed forces met as Russia said."
    assert [(e["line"], e["rule"], e["name"], e["column"], e["old"], e["new"]) for e in record["edits"]] == [
        (1, "N001", "entity-variant", 42, "the Russian Federation", "Russia"),
        (1, "N001", "entity-variant", 16, "USA -", "US-"),
    ]


def test_no_normalize_leaves_names_alone(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(SPUN, encoding="utf-8")
    assert main(["clean", str(tmp_path / "a.txt"), "--no-normalize"]) == 0
    assert capsys.readouterr().out == SPUN


def test_user_gazetteer_extends_the_default(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("Kiev and the U.N. agreed.\n", encoding="utf-8")
    (tmp_path / "mine.toml").write_text('[[entity]]\ncanonical = "Kyiv"\nvariants = ["Kiev"]\n', encoding="utf-8")
    assert main(["clean", str(tmp_path / "a.txt"), "--entities", str(tmp_path / "mine.toml")]) == 0
    assert capsys.readouterr().out == "Kyiv and the UN agreed.\n"


def test_bad_gazetteer_is_a_usage_error(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("Text.\n", encoding="utf-8")
    (tmp_path / "bad.toml").write_text("[[entity]]\nvariants = ['x']\n", encoding="utf-8")
    assert main(["clean", str(tmp_path / "a.txt"), "--entities", str(tmp_path / "bad.toml")]) == 2
    err = capsys.readouterr().err
    assert "bad.toml" in err and "'canonical'" in err


def test_entities_command_runs_the_examples(tmp_path, capsys):
    assert main(["entities"]) == 0
    assert capsys.readouterr().out.strip().endswith("examples, 0 failed")
    mine = tmp_path / "mine.toml"
    mine.write_text(
        '[[entity]]\ncanonical = "Kyiv"\nvariants = ["Kiev"]\n'
        'examples = [["flights to Kiev", "flights to Kyiv"], ["Chicken Kiev", "Chicken Kiev"]]\n',
        encoding="utf-8",
    )
    assert main(["entities", "--entities", str(mine)]) == 1
    out = capsys.readouterr().out
    assert "FAIL Kyiv: 'Chicken Kiev'" in out and "got      'Chicken Kyiv'" in out
    assert out.strip().endswith("1 failed")


def test_jsonl_output_onto_an_input_is_refused(corpus, capsys):
    feed = corpus / "in" / "feed.jsonl"
    before = feed.read_bytes()
    assert main(["clean", str(corpus / "in"), "--format", "jsonl", "-o", str(feed)]) == 2
    assert "refusing to overwrite" in capsys.readouterr().err
    assert feed.read_bytes() == before


def test_text_output_inside_the_input_folder_skips_itself_and_keeps_inputs(corpus, capsys):
    (corpus / "in" / "a" / "one.txt").write_text("Kept as it is.\n", encoding="utf-8")
    assert main(["clean", str(corpus / "in"), "-o", str(corpus / "in" / "a")]) == 1
    assert "refusing to overwrite" in capsys.readouterr().err
    assert (corpus / "in" / "a" / "one.txt").read_text(encoding="utf-8") == "Kept as it is.\n"
