"""What a command imports before it does its work: the cheap ones pay for nothing heavy."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAVY = ("numpy", "scipy", "datasketch", "trafilatura", "rich", "sqlite3", "pyarrow", "ray")
PROBE = """
import contextlib, io, json, sys
from cleaner.cli import main
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    try:
        main(sys.argv[1:])
    except SystemExit:
        pass
print(json.dumps(sorted(m for m in {heavy!r} if m in sys.modules)))
"""


def imported(*argv: str, cwd=None) -> list[str]:
    code = PROBE.format(heavy=HEAVY)
    found = subprocess.run([sys.executable, "-c", code, *argv], capture_output=True, text=True, check=True, cwd=cwd)
    return json.loads(found.stdout.splitlines()[-1])


@pytest.mark.parametrize("argv", [["--version"], ["--help"], ["rule", "B001"], ["check", "--help"]])
def test_the_cheap_commands_import_nothing_heavy(argv):
    assert imported(*argv) == []


def test_checking_a_small_file_imports_no_datasketch_nor_scipy(tmp_path):
    (tmp_path / "a.txt").write_text("A short story.\nRead more: elsewhere\n", encoding="utf-8")
    heavy = imported("check", "a.txt", "--no-cache", cwd=tmp_path)
    assert "datasketch" not in heavy and "scipy" not in heavy and "trafilatura" not in heavy
    assert "rich" not in heavy  # stderr is not a terminal: no progress display


def test_importing_the_package_imports_no_command():
    code = "import sys, cleaner; print(sorted(m for m in sys.modules if m.startswith('cleaner.')))"
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert found.stdout.strip() == "['cleaner.core', 'cleaner.core.version']"


def test_every_public_name_resolves():
    import cleaner

    for name in cleaner.__all__:
        assert getattr(cleaner, name) is not None, name
    with pytest.raises(AttributeError):
        cleaner.no_such_name  # noqa: B018
