"""Which phrases a rule uses for a document's language.

A rule's table in ``cleaner/data/boilerplate.toml`` holds its phrases for the languages in
its ``languages`` key (English when it has none), and a sub-table for each other language it
is written for (``[byline.de]``), with the same keys; the keys named in ``shared`` (network
names, agency names) hold in every language. A rule whose table has nothing for a document's
language does not run on it: a phrase list written for one language is not evidence in
another. A rule without a table (the repeat and structure rules) runs on every language. A
document whose language is not known (``und``, or none recorded) gets the first language's
phrases, as it did before languages were told apart.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from cleaner.io.language import DEFAULT, UNDETERMINED, applies

__all__ = ["DEFAULT", "KEYS", "UNDETERMINED", "languages_of", "phrase_data"]

KEYS = ("languages", "shared")  # a table's keys that say how its phrases apply


def phrase_data(table: Mapping[str, Any] | None, language: str | None) -> dict[str, Any] | None:
    """The phrases of ``table`` for ``language``, or None when the rule is not written for it."""
    if not table:
        return {}
    own = {k: v for k, v in table.items() if not isinstance(v, Mapping) and k not in KEYS}
    if applies(table.get("languages", DEFAULT), language):
        return own
    other = table.get(language) if language else None  # applies() took None and "und"
    if not isinstance(other, Mapping):
        return None
    return {**{k: own[k] for k in table.get("shared", ())}, **other}


def languages_of(table: Mapping[str, Any] | None) -> tuple[str, ...] | None:
    """The languages a table is written for; None for every language (no table)."""
    if not table:
        return None
    return (*table.get("languages", DEFAULT), *(k for k, v in table.items() if isinstance(v, Mapping)))
