"""Combine two extractions of one page: a precision run, checked against a balanced run.

trafilatura's precision mode (``favor_precision``) leaves out more of what surrounds the
article (related links, teasers, sign-up boxes), but on some pages it also drops text inside
the article (a heading, a list, the words of an inline link) or keeps the wrong part of the
page. Its balanced mode keeps more of both. The two runs are combined line by line:

- the precision run's text is the base;
- the balanced run's text is taken instead when the precision run is not a part of it (it
  kept another block of the page), or when the precision run is less than half as long and
  the balanced run is mostly prose (the precision run lost the article; a balanced run made
  of short lines is a menu or a whole-page dump, and the precision run stays);
- otherwise, the lines the balanced run has *inside* the article, between two stretches that
  both runs share, are put back (and where the runs differ there, the balanced run's fuller
  lines are taken). What only the balanced run has before the first or after the last shared
  stretch (the headline, teasers, related stories) stays out.

The thresholds come from ``benchmarks/extraction.py``; see the README's "HTML extraction".
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

CONTAINED = 0.5  # the share of the precision run's word 4-grams the balanced run must have
SHORTER = 0.5  # a precision run shorter than this share of the balanced one lost the article...
PROSE = 0.5  # ...when at least this share of the balanced run's characters are prose lines
PROSE_WORDS = 12  # a line of this many words or more is prose, not a menu entry
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Combined:
    """The text to use, which run it comes from, why, and how many lines the merge added."""

    text: str
    source: str  # "precision", "balanced" or "merged"
    reason: str
    added: int = 0  # lines of the balanced run put back inside the precision run's text


def combine(precise: str, balanced: str) -> Combined:
    """The text of a page from its precision run and its balanced run (see the module doc)."""
    precise_lines, balanced_lines = _lines(precise), _lines(balanced)
    if not precise_lines:
        return Combined("\n".join(balanced_lines), "balanced", "the precision run found no text")
    if not balanced_lines:
        return Combined("\n".join(precise_lines), "precision", "the balanced run found no text")
    if contained(precise, balanced) < CONTAINED:
        reason = "the precision run kept another part of the page"
        return Combined("\n".join(balanced_lines), "balanced", reason)
    if len(precise) < SHORTER * len(balanced) and prose_share(balanced_lines) >= PROSE:
        reason = "the precision run kept less than half of the balanced run's prose"
        return Combined("\n".join(balanced_lines), "balanced", reason)
    lines, added = merge(precise_lines, balanced_lines)
    if not added:
        reason = "the balanced run adds nothing inside the article"
        return Combined("\n".join(lines), "precision", reason)
    reason = "lines of the balanced run put back inside the article"
    return Combined("\n".join(lines), "merged", reason, added)


def merge(precise: list[str], balanced: list[str]) -> tuple[list[str], int]:
    """The precision run's lines with the balanced run's lines between shared stretches put
    back, and how many lines that added."""
    keys = [line.strip() for line in balanced], [line.strip() for line in precise]
    matcher = difflib.SequenceMatcher(None, *keys, autojunk=False)
    steps = matcher.get_opcodes()
    shared = [index for index, step in enumerate(steps) if step[0] == "equal"]
    merged: list[str] = []
    added = 0
    for index, (kind, b_start, b_end, p_start, p_end) in enumerate(steps):
        inside = bool(shared) and shared[0] < index < shared[-1]
        if inside and kind in ("delete", "replace"):
            merged += balanced[b_start:b_end]
            added += b_end - b_start
        else:
            merged += precise[p_start:p_end]
    return merged, added


def contained(part: str, whole: str) -> float:
    """The share of ``part``'s word 4-grams that ``whole`` has (1.0 when ``part`` has none)."""
    grams = _grams(part)
    return len(grams & _grams(whole)) / len(grams) if grams else 1.0


def prose_share(lines: list[str]) -> float:
    """The share of the characters of ``lines`` that are in lines of PROSE_WORDS words or more."""
    total = sum(len(line) for line in lines)
    prose = sum(len(line) for line in lines if len(line.split()) >= PROSE_WORDS)
    return prose / total if total else 0.0


def _lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


def _grams(text: str) -> set[tuple[str, ...]]:
    words = _WORD.findall(text.lower())
    return {tuple(words[i : i + 4]) for i in range(max(1, len(words) - 3))} if words else set()
