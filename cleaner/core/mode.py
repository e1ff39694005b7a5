"""The modes of ``check``."""

from __future__ import annotations

from enum import Enum


class Mode(str, Enum):
    """What ``check`` does with the fixes it finds."""

    CHECK = "check"  # report only
    FIX = "fix"  # write the fixes into the files
    DIFF = "diff"  # compute the fixed text, write nothing
