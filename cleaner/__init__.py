"""cleaner: turn raw news scrapes into a clean, deduplicated corpus."""

__version__ = "0.1.0"

from cleaner.api import (  # noqa: E402
    CheckResult,
    Cleaned,
    Summary,
    check,
    clean,
    clean_document,
    clean_to,
)
from cleaner.model import Document, Edit, Finding, Fix, InputError, Line  # noqa: E402
from cleaner.settings import Settings  # noqa: E402

__all__ = [
    "CheckResult", "Cleaned", "Document", "Edit", "Finding", "Fix", "InputError", "Line", "Settings",
    "Summary", "check", "clean", "clean_document", "clean_to", "__version__",
]
