"""Temporary files for atomic writes, and the sweeping of those that a killed run left.

A file is written under a temporary name in the folder it belongs in, then renamed into
place: a reader sees the old file or the new one, never half of one. The temporary name
carries the writing process's id, so that a later run can tell a file left by a run that
died (its process is gone) from one that a run still alive is writing, and remove only the
first kind.
"""

from __future__ import annotations

import os
import re
import tempfile

PREFIX = ".cleaner-"
SUFFIX = ".tmp"
_NAME = re.compile(re.escape(PREFIX) + r"(\d+)-.*" + re.escape(SUFFIX))


def temporary_file(folder: str) -> tuple[int, str]:
    """A new temporary file in ``folder``: its descriptor and path."""
    return tempfile.mkstemp(dir=folder, prefix=f"{PREFIX}{os.getpid()}-", suffix=SUFFIX)


def sweep(folder: str) -> list[str]:
    """Remove the temporary files in ``folder`` left by runs that are no longer alive."""
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    removed = []
    for name in names:
        found = _NAME.fullmatch(name)
        if found and not _alive(int(found[1])):
            path = os.path.join(folder, name)
            try:
                os.unlink(path)
            except OSError:
                continue
            removed.append(path)
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # alive, but another user's
        return True
    return True


class Sweeper:
    """Sweeps each folder once a run, before the run's first write there."""

    def __init__(self) -> None:
        self.swept: set[str] = set()

    def __call__(self, folder: str) -> None:
        if folder not in self.swept:
            self.swept.add(folder)
            sweep(folder)
