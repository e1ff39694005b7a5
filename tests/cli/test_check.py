"""cleaner check end to end: findings, exit codes, --fix, --diff and the options."""

from __future__ import annotations

import gzip
import io
import json
import os
import sys
import types

import pytest

import cleaner.rules
from cleaner.cli import main
from cleaner.core.model import Edit, Finding, Fix
from cleaner.rules.base import DocumentRule

ARTICLE = "By Jane Doe\n\nThe road reopened on Monday, the USA -backed council said.\n\nLike this:\n"
FIXED = "The road reopened on Monday, the US-backed council said.\n"
CLEAN = "Crews repaired the bridge overnight.\nTraffic moved again by noon.\n"


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    """A folder with one article to fix, one clean article and a feed; it is the cwd."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "clean.txt").write_text(CLEAN, encoding="utf-8")
    rows = [{"id": "r1", "text": "By Jane Doe\nBody of the story."}, {"id": "r2", "text": "Fine."}]
    (tmp_path / "feed.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return tmp_path


def run(capsys, *argv):
    code = main(["check", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_concise_findings_summary_and_exit_1(corpus, capsys):
    code, out, err = run(capsys, "a.txt", "clean.txt", "feed.jsonl")
    assert code == 1
    assert out.splitlines() == [
        "a.txt:1:1: B001 [byline] byline",
        "a.txt:3:34: N001 [entity-variant] write 'US-' for 'USA -'",
        "a.txt:5:1: B006 [share-trailer] share widget text",
        "feed.jsonl:1:1: B001 [byline] byline (text line 1, column 1)",
    ]
    assert "Found 4 finding(s) in 3 file(s)" in err and "4 fixable" in err
    assert (corpus / "a.txt").read_text(encoding="utf-8") == ARTICLE  # checking writes nothing


def test_clean_files_exit_0(corpus, capsys):
    code, out, err = run(capsys, "clean.txt")
    assert (code, out) == (0, "") and "All checks passed" in err


def test_exit_zero_and_unreadable_inputs(corpus, capsys):
    assert run(capsys, "a.txt", "--exit-zero")[0] == 0
    (corpus / "bad.jsonl").write_text('{"text": "Fine."}\n{oops\n', encoding="utf-8")
    code, _out, err = run(capsys, "bad.jsonl", "missing.txt", "clean.txt", "--exit-zero")
    assert code == 1
    assert "error: bad.jsonl:2: invalid JSON" in err and "error: missing.txt: no such file" in err


@pytest.mark.parametrize(
    "argv",
    [
        ["--fix", "--diff", "a.txt"],
        ["--select", "Z1", "a.txt"],
        ["--output-format", "xml", "a.txt"],
        ["-", "a.txt"],
        [],  # no path and no include globs
    ],
)
def test_usage_errors_exit_2_with_one_line(corpus, capsys, argv):
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert err.strip().splitlines()[-1].startswith("cleaner: error: ")


def test_select_ignore_and_extend_select(corpus, capsys):
    codes = lambda out: [line.split()[1] for line in out.splitlines()]  # noqa: E731
    assert codes(run(capsys, "a.txt", "--select", "N")[1]) == ["N001"]
    assert codes(run(capsys, "a.txt", "--ignore", "B001,N")[1]) == ["B006"]
    assert codes(run(capsys, "a.txt", "--select", "B006", "--extend-select", "B001")[1]) == ["B001", "B006"]


def test_fix_writes_in_place_once(corpus, capsys):
    os.chmod(corpus / "a.txt", 0o600)
    code, out, err = run(capsys, "--fix", "a.txt", "feed.jsonl", "clean.txt")
    assert code == 0
    assert (corpus / "a.txt").read_text(encoding="utf-8") == FIXED
    assert os.stat(corpus / "a.txt").st_mode & 0o777 == 0o600
    feed = [json.loads(line) for line in (corpus / "feed.jsonl").read_text().splitlines()]
    assert [r["text"] for r in feed] == ["Body of the story.", "Fine."]
    assert "a.txt:1:1: B001 [byline] byline (fixed)" in out  # the record of what changed
    assert "4 fixed, 0 remaining" in err
    assert not [p for p in corpus.iterdir() if p.name.startswith(".cleaner-")]
    before = {p.name: p.read_bytes() for p in corpus.iterdir() if p.is_file()}
    assert run(capsys, "--fix", "a.txt", "feed.jsonl")[0] == 0  # fixing twice changes nothing
    assert {p.name: p.read_bytes() for p in corpus.iterdir() if p.is_file()} == before


def test_a_file_emptied_by_its_fixes_then_passes(corpus, capsys):
    (corpus / "all.txt").write_text("By Jane Doe\nLike this:\n", encoding="utf-8")
    assert run(capsys, "--fix", "all.txt")[0] == 0
    assert (corpus / "all.txt").read_text(encoding="utf-8") == ""
    code, out, err = run(capsys, "all.txt")
    assert (code, out) == (0, "") and "All checks passed" in err


def test_fix_keeps_crlf_gzip_and_reports_what_is_left(corpus, capsys):
    (corpus / "w.txt").write_bytes(ARTICLE.replace("\n", "\r\n").encode())
    (corpus / "g.txt.gz").write_bytes(gzip.compress(ARTICLE.encode()))
    # the two files are copies of each other: that finding (D002) is not this test's
    assert run(capsys, "--fix", "--ignore", "D002", "w.txt", "g.txt.gz")[0] == 0
    assert (corpus / "w.txt").read_bytes() == FIXED.replace("\n", "\r\n").encode()
    assert gzip.decompress((corpus / "g.txt.gz").read_bytes()).decode() == FIXED
    assert run(capsys, "--fix", "--exit-non-zero-on-fix", "a.txt")[0] == 1


def test_html_is_checked_but_never_rewritten(corpus, capsys):
    page = (
        "<html><head><title>Floods</title></head><body><article><p>By Jane Doe</p>"
        + ("<p>The road reopened on Monday after the flood waters went down overnight.</p>" * 3)
        + "</article></body></html>"
    )
    (corpus / "p.html").write_text(page, encoding="utf-8")
    code, out, _ = run(capsys, "--fix", "p.html")
    assert code == 1 and "B001" in out and "(fixed)" not in out
    assert (corpus / "p.html").read_text(encoding="utf-8") == page


def test_diff_prints_and_writes_nothing(corpus, capsys):
    code, out, _err = run(capsys, "--diff", "a.txt", "clean.txt")
    assert code == 1
    assert out.startswith("--- a/a.txt\n+++ b/a.txt\n")
    assert "-By Jane Doe\n" in out and f"+{FIXED}" in out
    assert (corpus / "a.txt").read_text(encoding="utf-8") == ARTICLE
    assert run(capsys, "--diff", "clean.txt")[:2] == (0, "")


def test_per_file_ignores(corpus, capsys):
    (corpus / "wire").mkdir()
    (corpus / "wire" / "b.txt").write_text(ARTICLE, encoding="utf-8")
    (corpus / "cleaner.toml").write_text("[per-file-ignores]\n'wire/*' = ['B001', 'N']\n")
    out = run(capsys, "a.txt", "wire")[1]
    assert [line.split(":")[0] + " " + line.split()[1] for line in out.splitlines()] == [
        "a.txt B001",
        "a.txt N001",
        "a.txt B006",
        "wire/b.txt D002",
        "wire/b.txt B006",
    ]  # wire/b.txt copies a.txt: its body paragraph is a duplicate-paragraph
    run(capsys, "--fix", "wire")
    assert (corpus / "wire" / "b.txt").read_text().startswith("By Jane Doe\n")


def test_include_exclude_and_the_configured_corpus(corpus, capsys):
    (corpus / "corpus" / "drafts").mkdir(parents=True)
    (corpus / "corpus" / "x.txt").write_text(ARTICLE, encoding="utf-8")
    (corpus / "corpus" / "drafts" / "y.txt").write_text(ARTICLE, encoding="utf-8")
    (corpus / ".hidden").mkdir()
    (corpus / ".hidden" / "z.txt").write_text(ARTICLE, encoding="utf-8")
    (corpus / "pyproject.toml").write_text("[tool.cleaner]\ninclude = ['corpus', '*.txt']\nexclude = ['drafts']\n")
    code, out, err = run(capsys)
    assert code == 1
    assert {line.split(":")[0] for line in out.splitlines()} == {"a.txt", "corpus/x.txt"}
    code, out, err = run(capsys, "corpus/drafts/y.txt")
    assert (code, out) == (0, "") and "1 named file(s) left out" in err


def test_statistics(corpus, capsys):
    code, out, _ = run(capsys, "a.txt", "feed.jsonl", "--statistics")
    assert code == 1
    assert out.splitlines() == ["2\tB001\t[*] byline", "1\tB006\t[*] share-trailer", "1\tN001\t[*] entity-variant"]
    rows = json.loads(run(capsys, "a.txt", "--statistics", "--output-format", "json")[1])
    assert rows[0] == {"code": "B001", "name": "byline", "count": 1, "fixable": 1, "fixed": 0}


def unsafe_rule():
    """A rule whose one finding has an unsafe fix: it removes the line "UNSAFE"."""
    rule = types.ModuleType("unsafe_test_rule", "## unsafe-test (B999)\n\n### What it does\nTests.")
    rule.CODE, rule.NAME = "B999", "unsafe-test"

    def check(document, context):
        for line in document.lines:
            if line.text == "UNSAFE":
                yield Finding(
                    "B999", "unsafe-test", line.number, "m", line.text, fix=Fix((Edit(line.number),), safe=False)
                )

    rule.RULE = DocumentRule(code=rule.CODE, name=rule.NAME, check=check)
    return rule


def test_unsafe_fixes_need_the_flag(corpus, capsys, monkeypatch):
    monkeypatch.setattr(cleaner.rules, "RULES", (*cleaner.rules.RULES, unsafe_rule()))
    (corpus / "u.txt").write_text("Body.\nUNSAFE\n", encoding="utf-8")
    code, out, err = run(capsys, "u.txt")
    assert code == 1 and "1 more fixable with --unsafe-fixes" in err
    code, out, err = run(capsys, "--fix", "u.txt")
    assert code == 1 and (corpus / "u.txt").read_text() == "Body.\nUNSAFE\n"
    code, out, err = run(capsys, "--fix", "--unsafe-fixes", "u.txt")
    assert code == 0 and (corpus / "u.txt").read_text() == "Body.\n"
    assert "u.txt:2:1: B999 [unsafe-test] m (fixed)" in out


@pytest.mark.parametrize(
    ("argv", "env", "shown"),
    [
        (["a.txt"], {}, True),
        (["a.txt"], {"PRE_COMMIT": "1"}, False),
        (["a.txt", "--output-format", "json"], {}, False),
        (["a.txt", "--output-format", "sarif"], {}, False),
        (["a.txt", "--quiet"], {}, False),
    ],
)
def test_progress_only_for_a_person_at_a_terminal(corpus, capsys, monkeypatch, argv, env, shown):
    from contextlib import contextmanager

    from rich.console import Console

    import cleaner.report.progress as progress

    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("PRE_COMMIT", raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    decided = []
    real = progress.progress_bar

    @contextmanager
    def spy(console, enabled=True):
        terminal = Console(stderr=True, force_terminal=True)
        decided.append(enabled and progress.wants_progress(terminal))
        with real(console, enabled=False) as advance:
            yield advance

    monkeypatch.setattr(progress, "progress_bar", spy)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)  # a person at a terminal
    run(capsys, *argv)
    assert (True in decided) == shown


def test_no_progress_and_no_console_when_stderr_is_not_a_terminal(corpus, capsys, monkeypatch):
    import cleaner.report.progress as progress

    monkeypatch.setattr(progress, "progress_bar", lambda *a, **k: pytest.fail("a progress bar was made"))
    assert run(capsys, "a.txt")[0] == 1


def test_a_failed_write_leaves_the_file_whole(corpus, capsys, monkeypatch):
    def refuse(source, target):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("cleaner.io.writeback.os.replace", refuse)
    code, out, err = run(capsys, "--fix", "a.txt")
    assert code == 1 and "error: a.txt: fixes not written" in err
    assert "a.txt:1:1: B001 [byline] byline\n" in out and "(fixed)" not in out
    assert (corpus / "a.txt").read_text(encoding="utf-8") == ARTICLE
    assert not [p for p in corpus.iterdir() if p.name.startswith(".cleaner-")]


def test_fix_leaves_a_feed_with_an_undecodable_line_as_it_is(corpus, capsys):
    data = b'{"text": "By Jane Doe\\nBody of the story."}\n{"text": "caf\xe9"}\n'
    (corpus / "mixed.jsonl").write_bytes(data)
    code, out, err = run(capsys, "mixed.jsonl", "--fix")
    assert code == 1
    assert "error: mixed.jsonl:2: not valid UTF-8" in err
    assert "note: mixed.jsonl: not fixed: line 2 is not valid UTF-8" in err
    assert out.splitlines() == ["mixed.jsonl:1:1: B001 [byline] byline (text line 1, column 1)"]
    assert (corpus / "mixed.jsonl").read_bytes() == data


def test_findings_are_in_line_order_with_or_without_the_index(corpus, capsys, monkeypatch):
    paragraph = "The council voted on Monday to keep the ferry running through the winter months."
    # a document rule's finding (line 3) before a line rule's (line 4)
    text = f"{paragraph}\nCrews start repairs next week on the northern pier.\n{paragraph}\nLike this:\n"
    (corpus / "twice.txt").write_text(text, encoding="utf-8")
    _, indexed, _ = run(capsys, "twice.txt")
    monkeypatch.setattr("sys.stdin", types.SimpleNamespace(buffer=io.BytesIO(text.encode())))
    _, piped, _ = run(capsys, "-")
    for out, name in ((indexed, "twice.txt"), (piped, "-")):
        found = [line.removeprefix(name + ":").split(" ")[:2] for line in out.splitlines()]
        assert [where for where, _ in found] == ["3:1:", "4:1:"]
        assert found[1][1] == "B006"
