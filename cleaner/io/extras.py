"""Optional libraries: imported when a format needs them, with a clear word when missing.

WARC and Parquet need libraries that most corpora never use (``news-cleaner[warc]``,
``news-cleaner[parquet]``); they are imported only when such a file is read or written, so
the command line starts as fast for text and HTML as without them.
"""

from __future__ import annotations

import importlib
from types import ModuleType


class MissingExtra(Exception):
    """A format whose library is not installed; the message says what to install."""


def require(module: str, extra: str, purpose: str) -> ModuleType:
    """``module`` imported, or :class:`MissingExtra` naming the extra that brings it."""
    try:
        return importlib.import_module(module)
    except ImportError as error:
        top = module.partition(".")[0]
        raise MissingExtra(f"{purpose} needs {top}: pip install 'news-cleaner[{extra}]'") from error
