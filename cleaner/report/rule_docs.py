"""Each rule's documentation, from its module docstring (what ``cleaner rule`` prints).

A docstring ends with examples the tests run (``Okay: text`` and ``B001: text``, a ``\\n``
between paragraphs); they are shown as a list of examples, left alone or flagged.
"""

from __future__ import annotations

import re
from types import ModuleType

_EXAMPLE = re.compile(r"^(Okay|[A-Z]\d{3}): (.*)$")


def examples(rule: ModuleType) -> list[tuple[str, list[str]]]:
    """The docstring's tested examples: (kind, paragraphs), kind "Okay" or the rule's code."""
    found = []
    for line in (rule.__doc__ or "").splitlines():
        match = _EXAMPLE.match(line)
        if match:
            found.append((match[1], match[2].split("\\n")))
    return found


def prose(rule: ModuleType) -> str:
    """The docstring without its example lines."""
    lines = [line for line in (rule.__doc__ or "").splitlines() if not _EXAMPLE.match(line)]
    return "\n".join(lines).strip()


def sections(rule: ModuleType) -> dict[str, str]:
    """The docstring's ``### Heading`` sections by heading."""
    found: dict[str, str] = {}
    for block in re.split(r"^### ", prose(rule), flags=re.M)[1:]:
        heading, _, body = block.partition("\n")
        found[heading.strip()] = body.strip()
    return found


def summary(rule: ModuleType) -> str:
    """The first sentence of "What it does", on one line."""
    what = " ".join(sections(rule).get("What it does", rule.NAME).split())
    match = re.match(r"(.+?\.)(?:\s|$)", what)
    return match[1] if match else what


def render(rule: ModuleType) -> str:
    """The documentation of ``rule`` as ``cleaner rule`` prints it (Markdown)."""
    parts = [prose(rule)]
    tested = examples(rule)
    if tested:
        parts.append("\n### Examples the tests run")
        for kind, title in (("Okay", "Left alone:"), (rule.CODE, f"Flagged as {rule.CODE}:")):
            chosen = [paragraphs for k, paragraphs in tested if k == kind]
            if chosen:
                parts.append(title)
                for paragraphs in chosen:
                    parts.append("\n".join(["- " + paragraphs[0], *("  " + p for p in paragraphs[1:])]))
    return "\n".join(parts) + "\n"
