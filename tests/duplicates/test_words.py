"""Texts as word hashes: the words of ``words_key``, whatever the characters."""

from __future__ import annotations

import pytest

from cleaner.core.model import words_key
from cleaner.duplicates.words import split_words, word_hash


def expected(texts: list[str]) -> list[list[int]]:
    return [[word_hash(w) for w in words_key(t).split()] for t in texts]


def per_text(texts: list[str]) -> list[list[int]]:
    words = split_words(texts)
    hashes, lengths = words.hashes.tolist(), words.lengths.tolist()
    starts = [sum(lengths[:i]) for i in range(len(lengths))]
    return [hashes[s : s + n] for s, n in zip(starts, lengths)]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The Harbour Board met on Tuesday.", id="ascii"),
        pytest.param("“Quoted,” she said — twice…", id="curly quotes and dashes"),
        pytest.param("U.S.-backed talks: 3 rounds", id="dotted and hyphenated"),
        pytest.param("Ça a coûté 12 € à l’école", id="accents"),
        pytest.param("ÉCOLE ΣΟΦΙΑ İstanbul", id="capitals beyond ascii"),
        pytest.param("snake_case\u00a0and\tTABS", id="underscore and odd spaces"),
        pytest.param("emoji 🙂 between", id="four-byte characters"),
        pytest.param("— … —", id="no words"),
        pytest.param("", id="empty"),
    ],
)
def test_split_words_matches_words_key(text):
    texts = [text, "padding text", text]
    assert per_text(texts) == expected(texts)


@pytest.mark.parametrize("odd", ["two\nlines", "a \x01 separator", "\x01", "\n", "lone \ud800 surrogate"])
def test_texts_holding_the_joiners_stay_one_text_each(odd):
    texts = ["before", odd, "after"]
    assert per_text(texts) == expected(texts)


def test_a_word_hashes_the_same_wherever_it_is():
    first, second = per_text(["tide rose", "the tide"])
    assert first[0] == second[1] and first[1] != second[0]


def test_no_texts():
    words = split_words([])
    assert len(words.lengths) == 0 and len(words.hashes) == 0
