"""repeated-paragraph: a paragraph repeated word for word inside one article; the later copy goes."""

from __future__ import annotations

import pytest

from cleaner import clean_document
from cleaner.core.settings import Settings
from cleaner.rules import make_context, repeated_paragraph, run_rule
from tests.conftest import document

STORY = (
    "The council voted on Tuesday to rebuild the harbour wall before winter.\n"
    "Work starts in March and should end by the autumn, the council said.\n"
    "The contract goes to a firm from the town, which bid lowest."
)
FILLER = "Work starts in March.\nThe contract goes to a local firm.\nResidents asked for a footpath."


def findings(text: str, context) -> list[tuple[int, str, bool]]:
    return [(f.line, f.message, f.fix.safe) for f in run_rule(repeated_paragraph, document(text), context)]


@pytest.mark.parametrize("copy", [STORY, f"  {STORY} "], ids=["exact", "spaces around"])
def test_later_copies_are_flagged(copy, context):
    assert findings(f"{STORY}\n{FILLER}\n{copy}", context) == [
        (7, "paragraph repeated from line 1", True),
        (8, "paragraph repeated from line 2", True),
        (9, "paragraph repeated from line 3", True),
    ]


def test_two_paragraphs_repeated_in_a_row_are_reported_not_fixed(context):
    two = "\n".join(STORY.splitlines()[:2])
    assert findings(f"{two}\n{FILLER}\n{two}", context) == [
        (6, "paragraph repeated from line 1", False),
        (7, "paragraph repeated from line 2", False),
    ]
    assert clean_document(document(f"{two}\n{FILLER}\n{two}"), context).applied == ()


def test_a_paragraph_repeated_alone_is_reported_not_fixed(context):
    question = "What did the harbour mean to you when you were a child?"
    text = f"{question}\nIt was where my father worked.\nHe fished there.\n{question}\nIt was where we swam."
    assert findings(text, context) == [(4, "paragraph repeated from line 1", False)]
    assert clean_document(document(text), context).document.text == text


@pytest.mark.parametrize(
    "copy",
    [
        STORY.upper(),
        "The council voted on Tuesday to rebuild the harbour wall before the coming winter.",
        "On Tuesday the council voted to repair the harbour wall before winter storms.",
    ],
    ids=["other case", "a word added", "spun"],
)
def test_copies_that_differ_are_left_to_the_corpus_stage(copy, context):
    assert findings(f"{STORY}\n{FILLER}\n{copy}", context) == []


@pytest.mark.parametrize(
    "other",
    [
        pytest.param("The council will vote on the budget for the harbour in May.", id="same topic"),
        pytest.param("Rebuild the wall.", id="too short to compare"),
        pytest.param("", id="nothing else"),
    ],
)
def test_different_paragraphs_stay(other, context):
    assert findings(f"{STORY}\n{FILLER}\n{other}", context) == []


def test_short_repeated_lines_are_left_alone(context):
    assert findings("Player Goals Assists\nAna Ruiz 4 2\nLea Roe 3 1\nKim Lo 2 0\nPlayer Goals Assists", context) == []


def test_three_copies_name_the_first(context):
    text = f"{STORY}\nIt ends in May.\nIt costs a lot.\n{STORY}\nSee you.\nBye now.\n{STORY}"
    assert [line for line, _, _ in findings(text, context)] == [6, 7, 8, 11, 12, 13]
    assert [message[-6:] for _, message, _ in findings(text, context)] == ["line 1", "line 2", "line 3"] * 2


def test_a_stretch_right_after_its_first_copy_goes(context):
    expected = [
        (4, "paragraph repeated from line 1", True),
        (5, "paragraph repeated from line 2", True),
        (6, "paragraph repeated from line 3", True),
    ]
    assert findings(f"{STORY}\n{STORY}", context) == expected
    assert findings(f"{STORY}\n{STORY}", make_context(Settings(ignore=("B004",)))) == expected


def test_clean_removes_the_copy_and_is_stable(context):
    text = f"{STORY}\n{FILLER}\n{STORY}"
    once = clean_document(document(text), context).document
    assert once.text == f"{STORY}\n{FILLER}"
    assert clean_document(once, context).document.text == once.text


def test_list_items_repeated_in_a_stretch_stay(context):
    features = "- Charges fully in under two hours at home\n- Folds flat to fit under a desk\n- Runs for six hours on one charge"
    text = f"The small model:\n{features}\nThe large model:\n{features}"
    assert findings(text, context) == []
