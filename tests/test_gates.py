"""The code gates, run as tests so that the README's test command runs them: ruff (lint and
format), import-linter (the layers of ARCHITECTURE.md, no import cycles) and mypy."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PATHS = ["cleaner", "tests", "benchmarks"]

GATES = {
    "ruff check": [str(BIN / "ruff"), "check", *PATHS],
    "ruff format": [str(BIN / "ruff"), "format", "--check", *PATHS],
    "import-linter": [str(BIN / "lint-imports"), "--no-cache"],
    "mypy": [sys.executable, "-m", "mypy"],
}


@pytest.mark.parametrize("gate", GATES)
def test_gate_passes(gate):
    done = subprocess.run(GATES[gate], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
