"""Settings: one frozen object, built once from defaults, the configuration file and flags.

``cleaner.commands.config`` reads the configuration file and merges the layers; nothing else builds
settings from outside input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace
from functools import cached_property
from typing import Any

from cleaner.core.globs import glob_regex, matches_any, relative_to


@dataclass(frozen=True)
class DedupSettings:
    """How near-duplicates are found: shingles, MinHash, LSH bands, and the similarity kept.

    The defaults come from ``benchmarks/dedup.py`` (``--lsh-grid`` measures other LSH
    settings): see the README's "Duplicates" section and :mod:`cleaner.duplicates.lsh`.
    """

    shingle: str = "word"  # "word" or "char" n-grams of the normalized text
    size: int = 1
    num_perm: int = 72
    bands: int = 24
    rows: int = 3
    threshold: float = 0.5  # Jaccard similarity of the shingle sets, verified for every pair
    # LSH keys leave out shingles in more than this share of the passages (and more than
    # common_min of them): see cleaner.duplicates.lsh.without_common
    common_share: float = 0.01
    common_min: int = 1000
    seed: int = 1
    clean_first: bool = True  # run the B and N rules before comparing paragraphs

    def __post_init__(self):
        if self.shingle not in ("word", "char"):
            raise ValueError(f"shingle must be 'word' or 'char', not {self.shingle!r}")
        if self.size < 1 or self.bands < 1 or self.rows < 1:
            raise ValueError("shingle size, bands and rows must be at least 1")
        if self.bands * self.rows > self.num_perm:
            raise ValueError(
                f"{self.bands} bands of {self.rows} rows need {self.bands * self.rows} permutations, not {self.num_perm}"
            )
        if not 0.0 < self.threshold <= 1.0:
            raise ValueError(f"threshold must be in (0, 1], not {self.threshold}")
        if not 0.0 < self.common_share <= 1.0 or self.common_min < 0:
            raise ValueError("common_share must be in (0, 1] and common_min at least 0")


@dataclass(frozen=True)
class Settings:
    """Everything that changes how cleaner reads, checks and cleans a corpus.

    ``root`` is the folder that globs are relative to: the configuration file's folder, or
    the current one.
    """

    text_field: str = "text"
    id_field: str = "id"
    select: tuple[str, ...] = ("B", "N", "D")
    ignore: tuple[str, ...] = ()
    entity_files: tuple[str, ...] = ()
    max_fix_passes: int = 10
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    dedup: DedupSettings = DedupSettings()
    unsafe_fixes: bool = False
    max_document_bytes: int = 100_000_000  # a larger document is reported, not read
    extraction_seconds: float = 30.0  # a page whose extraction takes longer is reported
    # processes that read and clean documents; 0: one per core (the command line's default)
    jobs: int = 1
    root: str = "."
    config_file: str | None = None

    def merged(self, **overrides: Any) -> Settings:
        """A copy with ``overrides`` applied; ``None`` values leave a setting as it is."""
        known = {f.name for f in fields(self)}
        unknown = sorted(set(overrides) - known)
        if unknown:
            raise ValueError(f"unknown setting(s): {', '.join(unknown)}")
        return replace(self, **{k: v for k, v in overrides.items() if v is not None})

    def is_selected(self, code: str) -> bool:
        """Whether the rule ``code`` runs: selected by a prefix and not ignored."""
        return any(code.startswith(p) for p in self.select) and not any(code.startswith(p) for p in self.ignore)

    def relative(self, path: str) -> str:
        """``path`` relative to the project root, as globs see it."""
        return relative_to(path, self.root)

    def wants(self, path: str) -> bool:
        """Whether ``path`` belongs to the corpus: matched by ``include`` (if any), not by
        ``exclude``."""
        relative = self.relative(path)
        if self._include and not matches_any(relative, self._include):
            return False
        return not matches_any(relative, self._exclude)

    def excludes(self, path: str) -> bool:
        """Whether ``exclude`` leaves out ``path`` (a file, or a folder and all below it)."""
        return matches_any(self.relative(path), self._exclude)

    def ignored_for(self, path: str) -> tuple[str, ...]:
        """The codes and prefixes ``per-file-ignores`` turns off for ``path``."""
        if not self.per_file_ignores:
            return ()
        relative = self.relative(path)
        return tuple(
            code
            for pattern, codes in zip(self._per_file_patterns, self.per_file_ignores)
            if pattern.match(relative)
            for code in codes[1]
        )

    @cached_property
    def _include(self) -> tuple[re.Pattern[str], ...]:
        return tuple(glob_regex(g) for g in self.include)

    @cached_property
    def _exclude(self) -> tuple[re.Pattern[str], ...]:
        return tuple(glob_regex(g) for g in self.exclude)

    @cached_property
    def _per_file_patterns(self) -> tuple[re.Pattern[str], ...]:
        return tuple(glob_regex(glob) for glob, _ in self.per_file_ignores)
