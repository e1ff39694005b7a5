"""ARCHITECTURE.md stays true: its layers are the import contract's, and every folder of the
package is one of them."""

from __future__ import annotations

import re
import sys
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
DOCUMENT = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")


def contract_layers() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    (layers,) = [c["layers"] for c in config["tool"]["importlinter"]["contracts"] if c["type"] == "layers"]
    return layers


def test_the_diagram_lists_the_contracts_layers_in_order():
    drawn = re.findall(r"^ cleaner/(\w+)/", DOCUMENT, re.M)
    assert [f"cleaner.{name}" for name in drawn] == contract_layers()


def test_every_folder_of_the_package_is_a_layer():
    folders = {p.name for p in (ROOT / "cleaner").iterdir() if (p / "__init__.py").exists()}
    layers = {name.split(".")[1] for name in contract_layers()}
    assert folders - {"data"} == layers


def test_the_modules_it_names_exist():
    for path in re.findall(
        r"`((?:cli|report|commands|engines|pipeline|index|duplicates|rules|entities|io|core)/[\w/]+\.py)`", DOCUMENT
    ):
        if "NAME" not in path:  # the table's placeholder for a new module
            assert (ROOT / "cleaner" / path).exists(), path
