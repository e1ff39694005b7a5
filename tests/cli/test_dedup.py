"""The dedup command end to end: JSON shape, tables, exit codes and bad input."""

from __future__ import annotations

import json

import pytest

from cleaner.cli import main

STORY = "The council voted on Tuesday to rebuild the harbour wall before the winter storms arrive."
SPUN = "The council voted on Wednesday to repair the harbour wall before winter storms arrive."
OTHER = "A new bakery opened near the station and sold out of bread by nine in the morning."


@pytest.fixture
def corpus(tmp_path):
    (tmp_path / "a.txt").write_text(f"By Jane Doe\n{STORY}\n{OTHER}\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(f"{SPUN}\n\nThe library stays open late on Fridays.\n", encoding="utf-8")
    rows = [{"id": "w1", "text": f"{STORY}\n{OTHER}", "date": "2020-05-01"}]
    (tmp_path / "feed.jsonl").write_text("\n".join(map(json.dumps, rows)) + "\n", encoding="utf-8")
    return tmp_path


def run_json(capsys, *argv):
    code = main(["dedup", *argv, "--output-format", "json"])
    captured = capsys.readouterr()
    return code, json.loads(captured.out), captured.err


def test_json_shape(corpus, capsys):
    code, result, _ = run_json(capsys, str(corpus))
    assert code == 0
    assert set(result) == {"clusters", "documents", "stats"}
    story, other = result["clusters"]
    # the dated JSON Lines copy is canonical; members exclude it, with input lines (1-based)
    assert story["canonical"] == {"path": str(corpus / "feed.jsonl"), "record": 1, "line": 1}
    assert [(m["path"], m["line"]) for m in story["members"]] == [
        (str(corpus / "a.txt"), 2),
        (str(corpus / "b.txt"), 1),
    ]
    assert story["members"][0]["similarity"] == 1.0 and 0.5 <= story["members"][1]["similarity"] < 1
    assert other["canonical"]["line"] == 2 and other["members"] == [
        {"path": str(corpus / "a.txt"), "line": 3, "similarity": 1.0}
    ]
    assert [c["id"] for c in result["clusters"]] == [1, 2]
    (article,) = result["documents"]
    assert article == {
        "id": 1,
        "canonical": {"path": str(corpus / "feed.jsonl"), "record": 1},
        "members": [{"path": str(corpus / "a.txt"), "similarity": 1.0}],
    }
    assert (
        result["stats"]["paragraphs"] == 6
    )  # the byline is cleaned away and result["stats"]["duplicate_paragraphs"] == 3


def test_threshold_flag(corpus, capsys):
    _, result, _ = run_json(capsys, str(corpus), "--threshold", "0.95")
    assert [len(c["members"]) for c in result["clusters"]] == [1, 1]


def test_text_output_is_a_table_on_stdout(corpus, capsys, monkeypatch):
    monkeypatch.chdir(corpus)
    assert main(["dedup", "."]) == 0
    captured = capsys.readouterr()
    assert "Duplicate paragraphs: 2 clusters" in captured.out
    assert "feed.jsonl#1:1" in captured.out and "b.txt:1" in captured.out
    assert "./" not in captured.out  # names under the current folder are shown without it
    assert "copies in 2 clusters" in captured.err and "copies" not in captured.out


def test_bad_input_is_reported_and_the_rest_processed(corpus, capsys):
    (corpus / "bad.jsonl").write_text('{"text": "fine"}\n{broken\n', encoding="utf-8")
    (corpus / "binary.txt").write_bytes(b"\x00\x01\x02")
    code, result, err = run_json(capsys, str(corpus), str(corpus / "missing.txt"))
    assert code == 1
    assert f"{corpus / 'bad.jsonl'}:2: invalid JSON" in err
    assert "binary.txt" in err and "missing.txt: no such file" in err
    assert len(result["clusters"]) == 2 and result["stats"]["errors"] == 3


@pytest.mark.parametrize(
    "argv",
    [
        ["dedup"],
        ["dedup", "x.txt", "--output-format", "xml"],
        ["dedup", "x.txt", "--threshold", "1.5"],
        ["dedup", "x.txt", "--threshold", "high"],
        ["dedup", "-", "x.txt"],
    ],
)
def test_usage_errors_exit_2(argv, capsys):
    assert main(argv) == 2
    assert "error" in capsys.readouterr().err


def test_copies_inside_one_article_are_reported_not_cleaned_away(tmp_path, capsys):
    filler = "Work starts in March.\nThe contract goes to a local firm.\nResidents asked for a footpath."
    (tmp_path / "a.txt").write_text(f"{STORY}\n{filler}\n{STORY}\n", encoding="utf-8")
    code, result, _ = run_json(capsys, str(tmp_path))
    assert code == 0
    (cluster,) = result["clusters"]
    assert cluster["canonical"]["line"] == 1 and [m["line"] for m in cluster["members"]] == [5]


def members_per_cluster(capsys, *argv):
    return [len(c["members"]) for c in run_json(capsys, *argv)[1]["clusters"]]


def test_the_threshold_comes_from_the_configuration(corpus, capsys, monkeypatch):
    project = corpus / "project"
    project.mkdir()
    (project / "pyproject.toml").write_text("[tool.cleaner.dedup]\nthreshold = 0.95\n", encoding="utf-8")
    monkeypatch.chdir(project)
    # the spun copy of STORY (similarity under 1) is no copy at 0.95
    assert members_per_cluster(capsys, str(corpus)) == [1, 1]
    assert members_per_cluster(capsys, str(corpus), "--threshold", "0.5") == [2, 1]
    monkeypatch.chdir(corpus)
    assert members_per_cluster(capsys, str(corpus)) == [2, 1]
    assert members_per_cluster(capsys, str(corpus), "--config", str(project / "pyproject.toml")) == [1, 1]


def test_a_bad_configuration_is_a_usage_error(corpus, capsys, monkeypatch):
    (corpus / "cleaner.toml").write_text("[dedup]\nthreshold = 2\n", encoding="utf-8")
    monkeypatch.chdir(corpus)
    assert main(["dedup", str(corpus)]) == 2
    assert "cleaner.toml" in capsys.readouterr().err
