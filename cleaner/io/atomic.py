"""Atomic writes, and the sweeping of the temporary files that a killed run left.

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
from typing import IO

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


class AtomicFile:
    """A file written under a temporary name beside ``path`` and renamed into place on
    ``commit``: text (UTF-8, "\\n" line ends) or, with ``binary``, bytes. ``mode``: the
    permissions the new file gets."""

    def __init__(self, path: str, sweeper: Sweeper | None = None, binary: bool = False, mode: int | None = None):
        self.path, self.mode = path, mode
        folder = os.path.dirname(os.path.abspath(path))
        os.makedirs(folder, exist_ok=True)
        if sweeper is not None:
            sweeper(folder)
        handle, self.temporary = temporary_file(folder)
        self.stream: IO = os.fdopen(handle, "wb") if binary else os.fdopen(handle, "w", encoding="utf-8", newline="\n")

    def commit(self) -> None:
        self.stream.close()
        if self.mode is not None:
            os.chmod(self.temporary, self.mode)
        os.replace(self.temporary, self.path)

    def discard(self) -> None:
        self.stream.close()
        if os.path.exists(self.temporary):
            os.unlink(self.temporary)


def write_atomically(path: str, data: str | bytes, sweeper: Sweeper | None = None, mode: int | None = None) -> None:
    """Write ``data`` to ``path`` so that it is either wholly old or wholly new."""
    out = AtomicFile(path, sweeper, binary=isinstance(data, bytes), mode=mode)
    try:
        out.stream.write(data)
        out.commit()
    except BaseException:
        out.discard()
        raise
