"""Texts as word ids: the same words as ``words_key``, whatever the chunk and the characters."""

from __future__ import annotations

import pytest

from cleaner.dedup.words import split_words
from cleaner.model import words_key


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The Harbour Board met on Tuesday.", id="ascii"),
        pytest.param("“Quoted,” she said — twice…", id="curly quotes and dashes"),
        pytest.param("U.S.-backed talks: 3 rounds", id="dotted and hyphenated"),
        pytest.param("Ça a coûté 12 € à l’école", id="accents"),
        pytest.param("snake_case\u00a0and\tTABS", id="underscore and odd spaces"),
        pytest.param("— … —", id="no words"),
        pytest.param("", id="empty"),
    ],
)
def test_split_words_matches_words_key(text):
    words = split_words([text, "padding text"])
    assert words.text(0) == words_key(text)
    assert words.text(1) == "padding text"



def test_chunks_share_one_vocabulary():
    texts = ["Tide rose.", "the TIDE fell", "“Tide” rose", "", "l’école rose"]
    whole, chunked = split_words(texts), split_words(texts, chunk=2)
    assert [chunked.text(i) for i in range(len(texts))] == [words_key(t) for t in texts]
    assert chunked.ids.tolist() == whole.ids.tolist()
    assert len(chunked.vocabulary) == len(set(chunked.vocabulary))


@pytest.mark.parametrize("odd", ["two\nlines", "a \x01 separator", "\x01", "\n"])
def test_texts_holding_the_joiners_stay_one_text_each(odd):
    texts = ["before", odd, "after"]
    words = split_words(texts)
    assert words.lengths.tolist() == [len(words_key(t).split()) for t in texts]
    assert [words.text(i) for i in range(3)] == [words_key(t) for t in texts]


def test_no_texts():
    words = split_words([])
    assert len(words.lengths) == 0 and len(words.ids) == 0
