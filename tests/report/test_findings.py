"""Every output format of cleaner check, parsed where it is machine-readable."""

from __future__ import annotations

import json

import pytest

from cleaner.cli import main
from cleaner.report.findings import _escape_data, _escape_property

ARTICLE = "By Jane Doe\nThe road reopened, the U.S. said.\n"


@pytest.fixture
def article(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "f.jsonl").write_text(json.dumps({"id": "1", "text": "Body.\nBy Jane Doe"}) + "\n")
    return tmp_path


def output(capsys, *argv):
    assert main(["check", *argv]) == 1
    return capsys.readouterr().out


def test_json_objects_have_the_required_fields(article, capsys):
    found = json.loads(output(capsys, "a.txt", "--output-format", "json"))
    assert [f["code"] for f in found] == ["B001", "N001"]
    byline, variant = found
    assert set(byline) >= {"code", "name", "message", "filename", "location", "end_location", "fix", "url"}
    assert byline["filename"] == "a.txt" and byline["url"] is None
    assert byline["location"] == {"row": 1, "column": 1}
    assert byline["end_location"] == {"row": 1, "column": 12}
    assert byline["fix"]["applicability"] == "safe"
    assert byline["fix"]["edits"] == [
        {"content": "", "location": {"row": 1, "column": 1}, "end_location": {"row": 2, "column": 1}}
    ]
    assert variant["fix"]["edits"][0] == {
        "content": "US",
        "location": {"row": 2, "column": 24},
        "end_location": {"row": 2, "column": 28},
    }
    assert byline["fixed"] is False and byline["text_location"] is None


def test_jsonl_is_one_object_a_line_with_the_record_place(article, capsys):
    (found,) = [json.loads(line) for line in output(capsys, "f.jsonl", "--output-format", "jsonl").splitlines()]
    assert found["location"] == {"row": 1, "column": 1}
    assert found["text_location"] == {"row": 2, "column": 1}


def test_github_workflow_commands(article, capsys):
    lines = output(capsys, "a.txt", "--output-format", "github").splitlines()
    assert lines[0] == "::error file=a.txt,line=1,col=1,endLine=1,endColumn=12,title=B001 byline::byline"
    assert lines[1].startswith("::error file=a.txt,line=2,col=24,endLine=2,endColumn=28,title=N001 entity-variant::")


def test_github_escaping():
    assert _escape_data("50% off\nnow") == "50%25 off%0Anow"
    assert _escape_property("a:b,c") == "a%3Ab%2Cc"


def test_full_shows_the_line_and_the_fix(article, capsys):
    out = output(capsys, "a.txt", "--output-format", "full")
    assert "2 | The road reopened, the U.S. said.\n  |                        ^^^^\n" in out
    assert "= fix (safe): replace 'U.S.' with 'US'" in out
    assert "= fix (safe): remove the line" in out


def test_sarif_log_has_rules_and_results(article, capsys):
    log = json.loads(output(capsys, "a.txt", "--output-format", "sarif"))
    assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-schema-2.1.0.json")
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "cleaner"
    rules = {rule["id"]: rule for rule in driver["rules"]}
    assert {"B001", "N001"} <= set(rules)
    byline = rules["B001"]
    assert byline["name"] == "byline"
    assert byline["shortDescription"]["text"].startswith("Flags a line that only credits")
    assert "Why is this bad?" in byline["help"]["text"] and byline["fullDescription"]["text"]
    first = run["results"][0]
    assert first["ruleId"] == "B001" and driver["rules"][first["ruleIndex"]]["id"] == "B001"
    assert first["level"] == "error" and first["message"]["text"]
    (location,) = first["locations"]
    assert location["physicalLocation"]["artifactLocation"]["uri"] == "a.txt"
    assert location["physicalLocation"]["region"] == {"startLine": 1, "startColumn": 1, "endLine": 1, "endColumn": 12}


def test_machine_formats_leave_fixed_findings_out_or_mark_them(article, capsys):
    (article / "b.txt").write_text(ARTICLE, encoding="utf-8")
    assert main(["check", "--fix", "a.txt", "--output-format", "json"]) == 0
    assert all(f["fixed"] for f in json.loads(capsys.readouterr().out))
    assert main(["check", "--fix", "b.txt", "--output-format", "sarif"]) == 0
    assert json.loads(capsys.readouterr().out)["runs"][0]["results"] == []
