"""Runs killed with SIGKILL at random points lose nothing: every file is wholly old or wholly
new, and a later run removes the temporary files the killed one left."""

from __future__ import annotations

import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cleaner.io.atomic import PREFIX, SUFFIX

ARTICLE = (
    "Published: May {n}, 2024\nBy Jane Doe\nFerry {n} returns to the harbour\n"
    + "The ferry number {n} ran again on Monday after repairs to its engine. " * 40
    + "\nLike this:\n"
)
FILES = 600  # near-copies of each other: check runs with D002 ignored, removing copies is not this test's
ROUNDS = 10


def corpus(folder: Path) -> dict[Path, str]:
    (folder / "a").mkdir(parents=True)
    texts = {}
    for n in range(FILES):
        path = folder / ("a" if n % 2 else "") / f"story{n:03d}.txt"
        texts[path] = ARTICLE.format(n=n)
        path.write_text(texts[path], encoding="utf-8")
    return texts


def run(args: list[str], cwd: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "cleaner", *args, "--quiet"],
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def temporaries(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.name.startswith(PREFIX) and p.name.endswith(SUFFIX)]


def kill_at_random(process: subprocess.Popen, rng: random.Random, duration: float) -> None:
    """Kill ``process`` at a random point of the second half of a run that takes ``duration``
    (the first half is mostly starting Python and importing)."""
    time.sleep(rng.uniform(0.5, 1.0) * duration)
    process.send_signal(signal.SIGKILL)
    process.wait()


def timed(process: subprocess.Popen) -> float:
    started = time.monotonic()
    assert process.wait() in (0, 1)
    return time.monotonic() - started


@pytest.fixture(scope="module")
def fixed(tmp_path_factory) -> tuple[dict[str, str], float]:
    """What each file becomes under check --fix, from an uninterrupted run, and its duration."""
    folder = tmp_path_factory.mktemp("reference")
    corpus(folder / "corpus")
    duration = timed(run(["check", "--fix", "--ignore", "D002", "corpus"], folder))
    texts = {
        str(p.relative_to(folder / "corpus")): p.read_text(encoding="utf-8") for p in (folder / "corpus").rglob("*.txt")
    }
    return texts, duration


def test_killed_fix_leaves_every_file_old_or_new(tmp_path, fixed):
    texts, duration = fixed
    rng, interrupted = random.Random(11), 0
    for round_ in range(ROUNDS):
        folder = tmp_path / f"round{round_}"
        old = corpus(folder / "corpus")
        kill_at_random(run(["check", "--fix", "--ignore", "D002", "corpus"], folder), rng, duration)
        now = {path: path.read_text(encoding="utf-8") for path in old}
        for path, text in old.items():
            assert now[path] in (text, texts[str(path.relative_to(folder / "corpus"))]), path
        interrupted += any(now[path] == text for path, text in old.items())
        assert run(["check", "--fix", "--ignore", "D002", "corpus"], folder).wait() == 0  # a later run finishes the job
        assert temporaries(folder) == []
        assert all(p.read_text(encoding="utf-8") == texts[str(p.relative_to(folder / "corpus"))] for p in old)
        shutil.rmtree(folder)
    assert interrupted >= ROUNDS // 3  # most kills landed while files were being fixed


def test_killed_clean_leaves_each_output_absent_or_whole(tmp_path):
    rng, interrupted = random.Random(5), 0
    folder = tmp_path / "reference"
    corpus(folder / "corpus")
    duration = timed(run(["clean", "corpus", "-o", "out"], folder))
    expected = {
        str(p.relative_to(folder / "out")): p.read_text(encoding="utf-8") for p in (folder / "out").rglob("*.txt")
    }
    for round_ in range(ROUNDS):
        folder = tmp_path / f"round{round_}"
        corpus(folder / "corpus")
        kill_at_random(run(["clean", "corpus", "-o", "out"], folder), rng, duration)
        out = folder / "out"
        written = list(out.rglob("*.txt")) if out.exists() else []
        for path in written:
            assert path.read_text(encoding="utf-8") == expected[str(path.relative_to(out))]
        interrupted += len(written) < len(expected)
        assert run(["clean", "corpus", "-o", "out"], folder).wait() == 0
        assert temporaries(folder) == []
        shutil.rmtree(folder)
    assert interrupted >= ROUNDS // 3


def test_killed_check_leaves_a_consistent_index(tmp_path):
    """The corpus index is written in transactions: a run killed while it builds or updates
    the index leaves what it committed, and the next run reports what a run without an index
    reports."""
    rng = random.Random(7)
    folder = tmp_path / "reference"
    corpus(folder / "corpus")
    command = [sys.executable, "-m", "cleaner", "check", "--quiet", "corpus"]
    expected = subprocess.run([*command, "--no-cache"], cwd=folder, capture_output=True, text=True).stdout
    assert "D002" in expected and "B001" in expected
    duration = timed(run(["check", "corpus"], folder))
    for round_ in range(ROUNDS // 2):
        folder = tmp_path / f"round{round_}"
        corpus(folder / "corpus")
        kill_at_random(run(["check", "corpus"], folder), rng, duration)
        if round_ % 2:  # and a change before the next run: some files read again
            for path in sorted((folder / "corpus").rglob("*.txt"))[::50]:
                path.write_text(path.read_text(encoding="utf-8") + "Like this:\n", encoding="utf-8")
            changed = subprocess.run(command, cwd=folder, capture_output=True, text=True).stdout
            assert (
                changed == subprocess.run([*command, "--no-cache"], cwd=folder, capture_output=True, text=True).stdout
            )
            shutil.rmtree(folder)
            continue
        assert subprocess.run(command, cwd=folder, capture_output=True, text=True).stdout == expected
        [index] = (folder / ".cleaner_cache").glob("index-*.sqlite")
        with sqlite3.connect(index) as db:
            assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        shutil.rmtree(folder)
