"""The document model's own behaviour."""

from __future__ import annotations

import string

import pytest

from cleaner.core.model import _NON_WORD, Line, first_words, lines_from_text, words_key
from cleaner.rules._shared import join_lines


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Like this:", "like this"),
        ("LIKE  THIS", "like this"),
        ("— Share_this —", "share this"),
        ("Don’t miss…", "don t miss"),
        ("", ""),
        ("Zoë's café", "zoë s café"),
    ],
)
def test_words_key(text, key):
    assert words_key(text) == key


def test_ascii_shortcut_agrees_with_the_pattern():
    texts = [string.printable[i:] + string.printable[:i] for i in range(len(string.printable))]
    for text in texts:
        assert words_key(text) == _NON_WORD.sub(" ", text.lower()).strip()


def test_lines_keep_input_numbers_and_skip_blank_lines():
    lines = lines_from_text("a\n\n  \nb\r\nc")
    assert [(line.number, line.text) for line in lines] == [(1, "a"), (4, "b"), (5, "c")]


def test_line_views_are_computed_once_and_lines_compare_by_identity():
    line = Line(1, "Share this: now")
    assert (line.key, line.word_count) == ("share this now", 3)
    assert line.__dict__["key"] == "share this now"
    assert Line(1, "x") != Line(1, "x")


FIRST_WORD_CASES = [
    "Like this:",
    "  — By Jane Doe",
    "___under_score",
    "***",
    "İstanbul'da sel",
    "ÉTÉ 2019",
    "5:45 AM PST",
    "(c) 2019 Courier",
    "U.S. forces",
    "«Citation» ici",
    "x",
]


@pytest.mark.parametrize("text", FIRST_WORD_CASES)
def test_first_word_is_the_first_word_of_the_key(text):
    assert Line(1, text).first_word == (words_key(text).split() or [""])[0]


def test_first_words_of_many_lines_agree_with_each_line():
    lines = [Line(n, text) for n, text in enumerate(FIRST_WORD_CASES, start=1)]
    found = first_words(lines, join_lines([line.text for line in lines])[0])
    assert found == [Line(1, text).first_word for text in FIRST_WORD_CASES]
    assert [line.first_word for line in lines] == found
