"""Settings: one frozen object, built once from defaults and command-line flags."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any


@dataclass(frozen=True)
class Settings:
    """Everything that changes how cleaner reads and cleans a corpus."""

    text_field: str = "text"
    id_field: str = "id"
    select: tuple[str, ...] = ("B", "N")
    ignore: tuple[str, ...] = ()
    entity_files: tuple[str, ...] = ()
    max_fix_passes: int = 10

    def merged(self, **overrides: Any) -> Settings:
        """A copy with ``overrides`` applied; ``None`` values leave a setting as it is."""
        known = {f.name for f in fields(self)}
        unknown = sorted(set(overrides) - known)
        if unknown:
            raise ValueError(f"unknown setting(s): {', '.join(unknown)}")
        return replace(self, **{k: v for k, v in overrides.items() if v is not None})

    def is_selected(self, code: str) -> bool:
        """Whether the rule ``code`` runs: selected by a prefix and not ignored."""
        return any(code.startswith(p) for p in self.select) and not any(
            code.startswith(p) for p in self.ignore
        )
