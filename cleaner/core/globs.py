"""Path globs as in ``include``, ``exclude`` and ``per-file-ignores``.

A glob without a slash matches a file or folder name at any depth (``*.html``, ``drafts``);
one with a slash is anchored at the project root (``corpus/**/*.txt``). ``*`` and ``?`` never
match a slash, ``**`` matches any number of folders, and a glob that matches a folder matches
every file below it.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterable


def glob_regex(pattern: str) -> re.Pattern[str]:
    """The regular expression of one glob, matched against a relative path with ``/``."""
    pattern = pattern.strip()
    while pattern.startswith("./"):
        pattern = pattern[2:]
    pattern = pattern.rstrip("/")
    anchored = "/" in pattern
    body, at = [], 0
    while at < len(pattern):
        char = pattern[at]
        if pattern.startswith("**/", at):
            body.append("(?:.*/)?")
            at += 3
            continue
        if pattern.startswith("**", at):
            body.append(".*")
            at += 2
            continue
        if char == "*":
            body.append("[^/]*")
        elif char == "?":
            body.append("[^/]")
        elif char == "[" and "]" in pattern[at + 2 :]:
            end = pattern.index("]", at + 2)
            inner = pattern[at + 1 : end]
            body.append("[" + ("^" + inner[1:] if inner.startswith("!") else inner) + "]")
            at = end
        else:
            body.append(re.escape(char))
        at += 1
    start = "^" if anchored else "^(?:.*/)?"
    return re.compile(start + "".join(body) + "(?:/.*)?$")


def matches_any(relative: str, patterns: Iterable[re.Pattern[str]]) -> bool:
    return any(pattern.match(relative) for pattern in patterns)


def relative_to(path: str, root: str) -> str:
    """``path`` relative to ``root`` with ``/`` separators; as given when it lies outside.

    Worked out once a folder (a corpus has thousands of files to a folder, globs are matched
    against each), then the file's name appended."""
    folder, name = os.path.split(path)
    if not name or name in (os.curdir, os.pardir):
        return _relative_to(path, root)
    inside = _folder_relative_to(folder or os.curdir, root, os.getcwd())
    return inside + name if inside else name


@functools.lru_cache(maxsize=4096)
def _folder_relative_to(folder: str, root: str, cwd: str) -> str:
    """``folder`` relative to ``root`` as :func:`_relative_to` gives it, with a ``/`` after
    it ("" for the root itself); ``cwd``, the current folder, is part of the cache key."""
    relative = _relative_to(folder, root)
    return "" if relative == os.curdir else relative + "/"


def _relative_to(path: str, root: str) -> str:
    if not os.path.isabs(path) and (root == os.curdir or root == os.getcwd()):
        normal = os.path.normpath(path)  # relative to the current folder, the root
        if normal != os.pardir and not normal.startswith(os.pardir + os.sep):
            return normal.replace(os.sep, "/")
    absolute, base = os.path.abspath(path), os.path.abspath(root)
    if absolute.startswith(base) and absolute[len(base) : len(base) + 1] == os.sep:
        relative = absolute[len(base) :].lstrip(os.sep)  # the common case, without relpath
    else:
        relative = os.path.relpath(absolute, base)
        if relative == os.pardir or relative.startswith(os.pardir + os.sep):
            relative = os.path.normpath(path)
    return relative.replace(os.sep, "/")


def literal_base(pattern: str) -> str:
    """The folder an anchored glob starts in (the part before any wildcard); "" for others."""
    pattern = pattern.strip()
    while pattern.startswith("./"):
        pattern = pattern[2:]
    if "/" not in pattern.rstrip("/"):
        return ""
    parts = []
    for part in pattern.rstrip("/").split("/"):
        if any(c in part for c in "*?["):
            break
        parts.append(part)
    return "/".join(parts)
