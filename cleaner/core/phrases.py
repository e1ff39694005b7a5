"""Load the phrase lists that ship as package data (``cleaner/data/*.toml``)."""

from __future__ import annotations

import sys
from importlib import resources
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib


def load_phrases(name: str = "boilerplate.toml") -> dict[str, Any]:
    """The tables of one data file, keyed by rule name."""
    text = resources.files("cleaner.data").joinpath(name).read_text(encoding="utf-8")
    return tomllib.loads(text)
