"""The configuration file, and the one place where settings are merged.

cleaner reads ``[tool.cleaner]`` of a ``pyproject.toml``, or the top level of a
``cleaner.toml``: the nearest one found from the current folder upwards (in one folder,
``cleaner.toml`` comes first, and a ``pyproject.toml`` without ``[tool.cleaner]`` is passed
over), or the file named with ``--config``. Settings are merged once: defaults, then the file,
then command-line flags.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass, fields
from typing import Any

import cleaner.rules as rules_module
from cleaner.core.settings import DedupSettings, Settings

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

FILES = ("cleaner.toml", "pyproject.toml")
LISTS = ("include", "exclude", "select", "ignore", "extend-select", "entities")
STRINGS = ("text-field", "id-field")
TABLES = ("per-file-ignores", "dedup")
NUMBERS = ("max-document-size", "extraction-timeout")  # bytes, seconds
COUNTS = ("jobs",)
KEYS = frozenset(LISTS + STRINGS + TABLES + NUMBERS + COUNTS)


class ConfigError(Exception):
    """A configuration file that cannot be used; the message names the file and the key."""


@dataclass(frozen=True)
class Flags:
    """What the command line says; ``None`` leaves the file's (or the default) value."""

    select: Sequence[str] | None = None
    extend_select: Sequence[str] = ()
    ignore: Sequence[str] = ()
    entity_files: Sequence[str] = ()
    text_field: str | None = None
    id_field: str | None = None
    unsafe_fixes: bool = False
    jobs: int | None = None
    threshold: float | None = None  # dedup's similarity threshold, over [dedup] threshold


def find_config(start: str = ".") -> str | None:
    """The nearest configuration file in ``start`` or a folder above it, or None."""
    folder = os.path.abspath(start)
    while True:
        for name in FILES:
            path = os.path.join(folder, name)
            if os.path.isfile(path) and (name != "pyproject.toml" or _has_table(path)):
                return path
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


def _has_table(path: str) -> bool:
    return "cleaner" in _parse(path).get("tool", {})


def _parse(path: str) -> dict[str, Any]:
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except OSError as error:
        raise ConfigError(f"{path}: cannot read ({error.strerror})") from error
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML ({error})") from error


def load_table(path: str) -> dict[str, Any]:
    """The cleaner table of ``path``, checked: known keys, each of the right type."""
    data = _parse(path)
    is_pyproject = os.path.basename(path) == "pyproject.toml"
    table = data.get("tool", {}).get("cleaner", {}) if is_pyproject else data
    where = f"{path} [tool.cleaner]" if is_pyproject else path
    unknown = sorted(set(table) - KEYS)
    if unknown:
        raise ConfigError(f"{where}: unknown key(s): {', '.join(unknown)}")
    for key, value in table.items():
        problem = _type_problem(key, value)
        if problem:
            raise ConfigError(f"{where}: {key!r} {problem}")
    return table


def _type_problem(key: str, value: Any) -> str | None:
    if key in LISTS and not _strings(value):
        return "must be a list of strings"
    if key in STRINGS and not isinstance(value, str):
        return "must be a string"
    if key in NUMBERS and (isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0):
        return "must be a positive number"
    if key in COUNTS and (isinstance(value, bool) or not isinstance(value, int) or value < 1):
        return "must be a whole number, at least 1"
    if key == "dedup" and not isinstance(value, dict):
        return "must be a table"
    if key == "per-file-ignores" and not (isinstance(value, dict) and all(_strings(v) for v in value.values())):
        return 'must be a table of globs to lists of codes ({"glob" = ["CODE", ...]})'
    return None


def _strings(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def resolve(flags: Flags = Flags(), config: str | None = None, start: str = ".") -> Settings:
    """Settings from the defaults, the configuration file (``config``, or the nearest one
    from ``start``) and ``flags``. Raises :class:`ConfigError`."""
    path = config if config is not None else find_config(start)
    if config is not None and not os.path.isfile(config):
        raise ConfigError(f"{config}: no such configuration file")
    table = load_table(path) if path else {}
    root = os.path.dirname(os.path.abspath(path)) if path else "."
    where = path or "command line"
    select, ignore = Settings().select, Settings().ignore
    for layer_select, extend, layer_ignore, source in (
        (table.get("select"), table.get("extend-select", ()), table.get("ignore", ()), where),
        (flags.select, flags.extend_select, flags.ignore, "command line"),
    ):
        check_selectors([*(layer_select or ()), *extend, *layer_ignore], source)
        if layer_select is not None:  # a new selection starts over, as in ruff
            select, ignore = tuple(layer_select), ()
        select, ignore = select + tuple(extend), ignore + tuple(layer_ignore)
    per_file = tuple((glob, tuple(codes)) for glob, codes in table.get("per-file-ignores", {}).items())
    for _, codes in per_file:
        check_selectors(codes, f"{where} per-file-ignores")
    entities = tuple(os.path.join(root, p) for p in table.get("entities", ()))
    return Settings(
        text_field=flags.text_field or table.get("text-field", "text"),
        id_field=flags.id_field or table.get("id-field", "id"),
        select=select,
        ignore=ignore,
        entity_files=entities + tuple(flags.entity_files),
        include=tuple(table.get("include", ())),
        exclude=tuple(table.get("exclude", ())),
        per_file_ignores=per_file,
        dedup=dedup_settings(_with_threshold(table.get("dedup", {}), flags.threshold), where),
        unsafe_fixes=flags.unsafe_fixes,
        max_document_bytes=int(table.get("max-document-size", Settings.max_document_bytes)),
        extraction_seconds=float(table.get("extraction-timeout", Settings.extraction_seconds)),
        jobs=flags.jobs or table.get("jobs", 0),
        root=root,
        config_file=path,
    )


def _with_threshold(table: dict[str, Any], threshold: float | None) -> dict[str, Any]:
    if threshold is None:
        return table
    return {**{k: v for k, v in table.items() if k.replace("-", "_") != "threshold"}, "threshold": threshold}


def dedup_settings(table: dict[str, Any], where: str) -> DedupSettings:
    """The ``dedup`` table as settings; keys are written as in DedupSettings, with "-" or "_"."""
    values = {key.replace("-", "_"): value for key, value in table.items()}
    known = {f.name for f in fields(DedupSettings)}
    unknown = sorted(key for key in values if key not in known)
    if unknown:
        raise ConfigError(f"{where}: unknown key(s) in [dedup]: {', '.join(unknown)}")
    try:
        return DedupSettings(**values)
    except (TypeError, ValueError) as error:
        raise ConfigError(f"{where}: [dedup]: {error}") from error


def check_selectors(selectors: Sequence[str], where: str) -> None:
    """Every code or prefix must name at least one rule."""
    codes = [rule.CODE for rule in rules_module.all_rules()]
    unknown = [s for s in selectors if not s or not any(c.startswith(s) for c in codes)]
    if unknown:
        raise ConfigError(f"{where}: unknown rule code(s) or prefix(es): {', '.join(unknown)}")
