"""The phrase data that ships with the package is well formed."""

from __future__ import annotations

import re

import pytest

from cleaner.core.phrases import load_phrases
from cleaner.rules import RULES
from cleaner.rules._shared import phrase_key
from cleaner.rules.languages import KEYS

PHRASES = load_phrases()


def test_every_table_belongs_to_a_rule():
    assert set(PHRASES) <= {rule.NAME for rule in RULES}


def lists(table: str):
    """Each phrase list of a table: its own, then each language's, with where it is."""
    for key, value in PHRASES[table].items():
        if isinstance(value, dict):
            yield from ((f"{key}.{k}", v) for k, v in value.items())
        elif key not in KEYS:
            yield key, value


@pytest.mark.parametrize("table", sorted(PHRASES))
def test_language_tables_have_the_keys_of_the_table(table):
    entries = PHRASES[table]
    own = {k for k, v in entries.items() if not isinstance(v, dict) and k not in KEYS}
    shared = set(entries.get("shared", ()))
    assert shared <= own
    assert all(re.fullmatch(r"[a-z]{2}", code) for code in entries.get("languages", ["en"]))
    for code, other in ((k, v) for k, v in entries.items() if isinstance(v, dict)):
        assert re.fullmatch(r"[a-z]{2}", code) and code not in entries.get("languages", ["en"])
        assert set(other) == own - shared, (table, code)


@pytest.mark.parametrize("table", sorted(PHRASES))
def test_lists_hold_distinct_lower_case_phrases(table):
    for key, phrases in lists(table):
        assert isinstance(phrases, list) and phrases, (table, key)
        assert all(isinstance(p, str) and p == p.lower() and p.strip() == p for p in phrases), (table, key)
        keys = [phrase_key(p) for p in phrases]
        assert len(set(keys)) == len(keys), (table, key, sorted(k for k in keys if keys.count(k) > 1))
