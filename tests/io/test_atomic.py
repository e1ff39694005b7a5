from __future__ import annotations

import os
import subprocess
import sys

from cleaner.io.atomic import PREFIX, SUFFIX, Sweeper, sweep, temporary_file


def test_sweep_removes_what_dead_runs_left_and_keeps_live_ones(tmp_path):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    left = tmp_path / f"{PREFIX}{dead.stdout.strip()}-abc{SUFFIX}"
    left.write_text("half a file")
    handle, mine = temporary_file(str(tmp_path))
    os.close(handle)
    other = tmp_path / "notes.tmp"
    other.write_text("not ours")
    assert sweep(str(tmp_path)) == [str(left)]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([os.path.basename(mine), "notes.tmp"])


def test_a_sweeper_looks_at_each_folder_once(tmp_path, monkeypatch):
    seen = []
    monkeypatch.setattr("cleaner.io.atomic.sweep", seen.append)
    sweeper = Sweeper()
    for folder in ("a", "b", "a"):
        sweeper(str(tmp_path / folder))
    assert seen == [str(tmp_path / "a"), str(tmp_path / "b")]
