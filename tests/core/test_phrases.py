"""The phrase data that ships with the package is well formed."""

from __future__ import annotations

import pytest

from cleaner.core.phrases import load_phrases
from cleaner.rules import RULES
from cleaner.rules._shared import phrase_key

PHRASES = load_phrases()


def test_every_table_belongs_to_a_rule():
    assert set(PHRASES) <= {rule.NAME for rule in RULES}


@pytest.mark.parametrize("table", sorted(PHRASES))
def test_lists_hold_distinct_lower_case_phrases(table):
    for key, phrases in PHRASES[table].items():
        assert isinstance(phrases, list) and phrases, (table, key)
        assert all(isinstance(p, str) and p == p.lower() and p.strip() == p for p in phrases), (table, key)
        keys = [phrase_key(p) for p in phrases]
        assert len(set(keys)) == len(keys), (table, key, sorted(k for k in keys if keys.count(k) > 1))
