"""cleaner: turn raw news scrapes into a clean, deduplicated corpus."""

__version__ = "0.1.0"

from cleaner.api import (  # noqa: E402
    CheckResult,
    Cleaned,
    DedupResult,
    Summary,
    check,
    clean,
    clean_document,
    clean_to,
    dedup,
)
from cleaner.model import Document, Edit, Finding, Fix, InputError, Line  # noqa: E402
from cleaner.settings import Settings  # noqa: E402

__all__ = [
    "CheckResult", "Cleaned", "DedupResult", "Document", "Edit", "Finding", "Fix", "InputError",
    "Line", "Settings", "Summary", "check", "clean", "clean_document", "clean_to", "dedup",
    "__version__",
]
