"""The corpus index of ``cleaner check``: copies across files, and reading only what changed."""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import cleaner.index
from cleaner import check
from cleaner.cli import main
from cleaner.commands.config import Flags, resolve
from cleaner.index import copies, lsh_table

HARBOUR = "The council voted on Tuesday to rebuild the harbour wall before the winter storms."
REWORDED = "The council voted Tuesday to rebuild the harbour wall before winter storms."
WORDS = [
    "river",
    "bridge",
    "council",
    "mayor",
    "storm",
    "harbour",
    "budget",
    "school",
    "road",
    "ferry",
    "market",
    "farmers",
    "festival",
    "museum",
    "library",
    "station",
    "tunnel",
    "hospital",
    "nurses",
    "teachers",
    "police",
    "fire",
    "court",
]


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A project whose corpus is ``corpus/`` (the include glob); it is the cwd."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "corpus").mkdir()
    (tmp_path / "cleaner.toml").write_text('include = ["corpus"]\n', encoding="utf-8")
    write(tmp_path / "corpus" / "a.txt", f"{HARBOUR}\nWork on the wall starts in March.\n")
    write(tmp_path / "corpus" / "b.txt", "The museum reopens after a long repair of its roof.\n")
    return tmp_path


def write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


def settings(*select: str):
    return resolve(Flags(select=list(select) or None), None)


def findings(result) -> list[str]:
    return [f"{d.path}:{d.row} {d.code}" for d in result.diagnostics]


def counting_reads(monkeypatch) -> list[str]:
    """The files the index reads from now on."""
    read: list[str] = []
    real = cleaner.index.load

    def load(path):
        read.append(os.path.basename(path))
        return real(path)

    monkeypatch.setattr(cleaner.index, "load", load)
    return read


def test_a_copied_paragraph_is_found_against_files_not_checked(project, capsys):
    assert main(["check", "corpus/b.txt"]) == 0  # builds the index of the whole corpus
    write(project / "corpus" / "c.txt", f"Ferry news.\n{REWORDED}\n")
    assert main(["check", "corpus/c.txt"]) == 1
    out, err = capsys.readouterr()
    assert "corpus/c.txt:2:1: D002 [duplicate-paragraph] copy of corpus/a.txt line 1 (similarity 0.92)" in out
    assert "1 more fixable with --unsafe-fixes" in err
    assert main(["check", "--fix", "corpus/c.txt"]) == 1  # an unsafe fix waits to be asked for
    assert (project / "corpus" / "c.txt").read_text(encoding="utf-8") == f"Ferry news.\n{REWORDED}\n"
    assert main(["check", "--fix", "--unsafe-fixes", "corpus/c.txt"]) == 0
    assert (project / "corpus" / "c.txt").read_text(encoding="utf-8") == "Ferry news.\n"
    assert main(["check", "corpus/c.txt"]) == 0


def test_the_canonical_copy_is_the_earliest_dated(project):
    rows = [
        f'{{"id": "late", "date": "2024-05-02", "text": "{HARBOUR}"}}',
        f'{{"id": "early", "date": "2024-05-01", "text": "{REWORDED}"}}',
    ]
    write(project / "corpus" / "feed.jsonl", "\n".join(rows) + "\n")
    result = check(["corpus/feed.jsonl", "corpus/a.txt"], settings("D002"))
    # the undated a.txt and the later record are copies of the record of May 1
    assert sorted(findings(result)) == ["corpus/a.txt:1 D002", "corpus/feed.jsonl:1 D002"]
    record = next(d for d in result.diagnostics if d.path.endswith(".jsonl"))
    assert "copy of corpus/feed.jsonl record 2 line 1" in record.message


def test_unchanged_files_are_not_read_again(project, monkeypatch):
    first = check([], settings())
    assert first.analysed == 2
    read = counting_reads(monkeypatch)
    again = check([], settings())
    assert (read, again.analysed) == ([], 0)
    assert findings(again) == findings(first)
    os.utime(project / "corpus" / "a.txt", ns=(1, 1))  # touched: read and hashed, not checked
    assert check([], settings()).analysed == 0 and read == ["a.txt"]
    write(project / "corpus" / "b.txt", "By Jane Doe\nThe museum reopens.\n")
    changed = check([], settings())
    assert changed.analysed == 1 and read == ["a.txt", "b.txt"]
    assert "corpus/b.txt:1 B001" in findings(changed)


def test_the_rules_chosen_share_one_index_and_settings_get_their_own(project, monkeypatch):
    write(project / "corpus" / "b.txt", "By Jane Doe\nThe museum reopens.\n")
    check([], settings())
    read = counting_reads(monkeypatch)
    assert findings(check([], settings("D"))) == []  # read from the index, B001 left out
    assert findings(check([], settings("B001"))) == ["corpus/b.txt:1 B001"]
    assert read == []
    other = resolve(Flags(), None).merged(max_fix_passes=3)  # results may differ: a new index
    check([], other)
    assert sorted(read) == ["a.txt", "b.txt"]
    indexes = [p.name for p in (project / ".cleaner_cache").iterdir() if p.suffix == ".sqlite"]
    assert len(indexes) == 2
    assert (project / ".cleaner_cache" / ".gitignore").read_text().splitlines()[-1] == "*"


def test_copies_are_found_after_a_run_that_did_not_look_for_them(project):
    write(project / "corpus" / "c.txt", f"{REWORDED}\n")
    assert findings(check([], settings("B"))) == []
    assert findings(check([], settings())) == ["corpus/c.txt:1 D002"]


def test_a_removed_or_edited_copy_is_no_longer_reported(project):
    write(project / "corpus" / "c.txt", f"{REWORDED}\n")
    write(project / "corpus" / "d.txt", f"Ferry news.\n{HARBOUR}\n")
    assert findings(check([], settings())) == ["corpus/c.txt:1 D002", "corpus/d.txt:2 D002"]
    os.unlink(project / "corpus" / "a.txt")  # c.txt is now the first copy
    assert findings(check([], settings())) == ["corpus/d.txt:2 D002"]
    write(project / "corpus" / "c.txt", "A new paragraph about the school roof.\n")
    assert findings(check([], settings())) == []


def test_a_damaged_index_is_built_again(project):
    expected = findings(check([], settings()))
    [index] = (project / ".cleaner_cache").glob("index-*.sqlite")
    index.write_bytes(b"this is not a database" * 100)
    result = check([], settings())
    assert findings(result) == expected and result.analysed == 2


def test_no_cache_writes_nothing(project, capsys):
    write(project / "corpus" / "c.txt", f"{REWORDED}\n")
    assert main(["check", "--no-cache"]) == 1
    assert "corpus/c.txt:1:1: D002" in capsys.readouterr().out
    assert not (project / ".cleaner_cache").exists()
    assert main(["check", "--cache-dir", "elsewhere"]) == 1
    assert list((project / "elsewhere").glob("index-*.sqlite"))


@pytest.mark.parametrize("growth", [1.5, 1000.0])
def test_an_index_kept_up_to_date_finds_what_a_fresh_run_finds(project, monkeypatch, growth):
    """Files added, edited and removed over many runs (the LSH table rebuilt as the corpus
    grows half as large again, keyed a file at a time in between; or never rebuilt, its
    clusters only ever worked out again where a change touches them) give the copies, and
    the canonicals, of a run from scratch."""
    monkeypatch.setattr(lsh_table, "GROWTH", growth)
    rng = random.Random(5)
    texts = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 16))).capitalize() + "." for _ in range(40)]
    for step in range(16):
        for _ in range(rng.randint(1, 4)):
            name = project / "corpus" / f"s{rng.randint(0, 14):02d}.txt"
            if name.exists() and rng.random() < 0.3:
                name.unlink()
                continue
            chosen = rng.sample(texts, rng.randint(1, 4))
            if rng.random() < 0.5:  # a lightly edited copy
                words = chosen[0].split()
                words[rng.randrange(len(words))] = rng.choice(WORDS)
                chosen[0] = " ".join(words)
            write(name, "\n".join(chosen) + "\n")
        kept = [f"{d.path}:{d.row} {d.message}" for d in check([], settings("D002")).diagnostics]
        fresh = [f"{d.path}:{d.row} {d.message}" for d in check([], settings("D002"), cache=None).diagnostics]
        assert kept == fresh, step
        (path,) = (project / ".cleaner_cache").glob("index-*.sqlite")
        with sqlite3.connect(path) as db:  # the clusters kept with the paragraphs, and worked out anew
            paths = dict(db.execute("SELECT id, path FROM files"))
            everything = set(paths)
            assert copies.is_settled(db, everything)
            kept_copies = copies.settled(db, everything, paths, paths)
            assert sorted(kept_copies) == sorted(copies.find(db, everything, everything, paths, paths)), step
    assert fresh  # the corpus has copies to find


def test_two_runs_sharing_an_index_at_once_both_finish_right(project):
    for n in range(60):
        text = f"Story {n} about the {WORDS[n % len(WORDS)]}.\nBy Jane Doe\n" + (HARBOUR if n % 7 == 0 else "")
        write(project / "corpus" / f"s{n:02d}.txt", text + "\n")
    command = [sys.executable, "-m", "cleaner", "check", "--quiet"]
    expected = subprocess.run([*command, "--no-cache"], capture_output=True, text=True, cwd=project)
    runs = [subprocess.Popen(command, stdout=subprocess.PIPE, text=True, cwd=project) for _ in range(2)]
    outputs = [run.communicate()[0] for run in runs]
    assert [run.returncode for run in runs] == [1, 1]
    assert outputs == [expected.stdout, expected.stdout]
    assert "D002" in expected.stdout and "B001" in expected.stdout
    [index] = (project / ".cleaner_cache").glob("index-*.sqlite")
    with sqlite3.connect(index) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert db.execute("SELECT count(*) FROM files").fetchone() == (62,)
    third = subprocess.run(command, capture_output=True, text=True, cwd=project)
    assert third.stdout == expected.stdout


def test_a_cluster_that_loses_its_canonical_gets_the_next(project):
    write(project / "corpus" / "b.txt", f"{REWORDED}\n")
    write(project / "corpus" / "c.txt", f"{HARBOUR}\nThe mayor spoke.\n")
    a, b, c = (os.path.join("corpus", f"{name}.txt") for name in "abc")
    before = [(d.path, d.message.split(" (")[0]) for d in check([], settings("D002")).diagnostics]
    assert before == [(b, f"copy of {a} line 1"), (c, f"copy of {a} line 1")]
    write(project / "corpus" / "a.txt", "Work on the wall starts in March.\n")  # the canonical goes
    after = [(d.path, d.message.split(" (")[0]) for d in check([], settings("D002")).diagnostics]
    assert after == [(c, f"copy of {b} line 1")]
