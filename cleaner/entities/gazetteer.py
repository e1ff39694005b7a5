"""The gazetteer: canonical entity names, their variants, and the names that must not change.

The default ships as ``cleaner/data/entities.toml``; users add or replace entries with files
of the same format. Nothing is read at import time.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from typing import Any

from cleaner.io.language import DEFAULT, applies

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

ENTRY_KEYS = {"canonical", "variants", "article", "case_sensitive", "exceptions", "examples", "languages"}


class GazetteerError(ValueError):
    """A gazetteer file that cannot be used, with the file and entry named."""


@dataclass(frozen=True)
class Entity:
    canonical: str
    variants: tuple[str, ...]
    article: bool = False
    case_sensitive: bool = True
    exceptions: tuple[str, ...] = ()
    examples: tuple[tuple[str, str], ...] = ()
    languages: tuple[str, ...] = DEFAULT  # the languages of the documents whose names it rewrites

    def speaks(self, language: str | None) -> bool:
        """Whether the entry rewrites names in a document of ``language`` (every entry does
        where the language is not told)."""
        return applies(self.languages, language)


def default_text() -> str:
    return resources.files("cleaner.data").joinpath("entities.toml").read_text(encoding="utf-8")


def load_gazetteer(extra_files: Iterable[str] = ()) -> tuple[Entity, ...]:
    """The default entries, then each file's: an entry with a known canonical form replaces it."""
    entities = {e.canonical: e for e in parse(default_text(), "entities.toml (default)")}
    for path in extra_files:
        try:
            with open(path, encoding="utf-8") as handle:
                text = handle.read()
        except (OSError, UnicodeDecodeError) as error:
            raise GazetteerError(f"{path}: cannot read gazetteer ({error})") from error
        for entity in parse(text, path):
            entities[entity.canonical] = entity
    return tuple(entities.values())


def parse(text: str, source: str) -> list[Entity]:
    """The entries of one gazetteer file; a malformed one raises :class:`GazetteerError`."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise GazetteerError(f"{source}: not valid TOML ({error})") from error
    unknown = set(data) - {"entity"}
    if unknown:
        raise GazetteerError(f"{source}: unknown key(s) {', '.join(sorted(unknown))}")
    return [_entity(entry, f"{source}: entity {n}") for n, entry in enumerate(data.get("entity", []), 1)]


def _entity(entry: Any, where: str) -> Entity:
    if not isinstance(entry, dict):
        raise GazetteerError(f"{where}: must be a table")
    unknown = set(entry) - ENTRY_KEYS
    if unknown:
        raise GazetteerError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    canonical = entry.get("canonical")
    if not isinstance(canonical, str) or not canonical.strip():
        raise GazetteerError(f"{where}: 'canonical' must be a non-empty string")
    where = f"{where} ({canonical})"
    variants = _strings(entry.get("variants", []), where, "variants")
    examples = entry.get("examples", [])
    if not all(isinstance(x, list) and len(x) == 2 and all(isinstance(s, str) for s in x) for x in examples):
        raise GazetteerError(f"{where}: 'examples' must be [input, expected] pairs of strings")
    for key in ("article", "case_sensitive"):
        if not isinstance(entry.get(key, True), bool):
            raise GazetteerError(f"{where}: '{key}' must be true or false")
    return Entity(
        canonical=canonical,
        variants=variants,
        article=entry.get("article", False),
        case_sensitive=entry.get("case_sensitive", True),
        exceptions=_strings(entry.get("exceptions", []), where, "exceptions"),
        examples=tuple((a, b) for a, b in examples),
        languages=_strings(entry.get("languages", list(DEFAULT)), where, "languages"),
    )


def _strings(value: Any, where: str, key: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(s, str) and s.strip() for s in value):
        raise GazetteerError(f"{where}: '{key}' must be a list of non-empty strings")
    return tuple(value)
