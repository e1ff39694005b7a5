"""cleaner: turn raw news scrapes into a clean, deduplicated corpus.

The public names are imported when first used, so that ``cleaner --version`` and a check of
one small file do not pay for the whole library.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from cleaner.core.version import __version__

_PUBLIC = {
    "CheckResult": "cleaner.commands.check",
    "Cleaned": "cleaner.pipeline.cleaning",
    "DedupResult": "cleaner.commands.dedup",
    "Summary": "cleaner.commands.clean",
    "check": "cleaner.commands.check",
    "clean": "cleaner.commands.clean",
    "clean_document": "cleaner.pipeline.cleaning",
    "clean_to": "cleaner.commands.clean",
    "dedup": "cleaner.commands.dedup",
    "Document": "cleaner.core.model",
    "Edit": "cleaner.core.model",
    "Finding": "cleaner.core.model",
    "Fix": "cleaner.core.model",
    "InputError": "cleaner.core.model",
    "Line": "cleaner.core.model",
    "Settings": "cleaner.core.settings",
}

__all__ = [
    "CheckResult",
    "Cleaned",
    "DedupResult",
    "Document",
    "Edit",
    "Finding",
    "Fix",
    "InputError",
    "Line",
    "Settings",
    "Summary",
    "__version__",
    "check",
    "clean",
    "clean_document",
    "clean_to",
    "dedup",
]


def __getattr__(name: str) -> Any:
    if name not in _PUBLIC:
        raise AttributeError(f"module 'cleaner' has no attribute {name!r}")
    value = getattr(importlib.import_module(_PUBLIC[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


if TYPE_CHECKING:
    from cleaner.commands.check import CheckResult, check
    from cleaner.commands.clean import Summary, clean, clean_to
    from cleaner.commands.dedup import DedupResult, dedup
    from cleaner.core.model import Document, Edit, Finding, Fix, InputError, Line
    from cleaner.core.settings import Settings
    from cleaner.pipeline.cleaning import Cleaned, clean_document
