import pytest

from cleaner.rules import linked_headlines
from tests.rules.cases import flagged

BODY = "The council will vote again in March, the mayor said on Monday."


def linked(*numbers):
    return {"extraction": {"linked_lines": list(numbers)}}


# (text, the numbers of its linked lines, the lines flagged)
CASES = [
    pytest.param(
        f"{BODY}\nFerry fares to rise by 4% from April\nHarbour wall repaired after winter storms",
        (2, 3),
        ["Ferry fares to rise by 4% from April", "Harbour wall repaired after winter storms"],
        id="two-linked-headlines",
    ),
    pytest.param(
        f"{BODY}\n- Ferry fares to rise\n- Why the harbour vote matters?\n- School buses return\n{BODY}",
        (2, 3, 4),
        ["- Ferry fares to rise", "- Why the harbour vote matters?", "- School buses return"],
        id="bulleted-run-in-the-middle",
    ),
    pytest.param(
        f"{BODY}\nCOUNCIL VOTES TO CLOSE THE HARBOUR\n{BODY}",
        (2,),
        ["COUNCIL VOTES TO CLOSE THE HARBOUR"],
        id="one-in-capitals",
    ),
]
KEPT = [
    pytest.param(f"{BODY}\nHarbour wall repaired\n{BODY}", (2,), id="one-linked-heading"),
    pytest.param(f"{BODY}\n- Wool\n- Recycled cotton\n- Linen\n{BODY}", (2, 3, 4), id="short-linked-list-items"),
    pytest.param(
        f"{BODY}\nGetting to the island\nWhere to stay\nWhat to eat\n{BODY}", (2, 3, 4), id="table-of-contents"
    ),
    pytest.param(f"{BODY}\nSatechi car charger\n{BODY}\nMesh router\n{BODY}", (2, 4), id="linked-products-apart"),
    pytest.param(f"{BODY}\nFerry fares rise\nHarbour wall repaired", (), id="not-links"),
    pytest.param(f"{BODY}\nFerry fares rise\nHarbour wall repaired", (3, 4), id="other-lines-linked"),
    pytest.param(
        f"{BODY}\nRead the council's report.\nThe minutes are online.",
        (2, 3),
        id="sentences",
    ),
    pytest.param(
        f"{BODY}\nhttps://example.org/report\nwww.example.org/annex",
        (2, 3),
        id="addresses",
    ),
    pytest.param(f"{BODY}\nFERRY FARES RISE\n{BODY}", (2,), id="short-capitals"),
    pytest.param(f"{BODY}\nVote\nClose", (2, 3), id="single-words"),
]


@pytest.mark.parametrize(("text", "numbers", "expected"), CASES)
def test_flags(text, numbers, expected, context):
    assert flagged(linked_headlines, context, text, **linked(*numbers)) == expected


@pytest.mark.parametrize(("text", "numbers"), KEPT)
def test_keeps(text, numbers, context):
    assert flagged(linked_headlines, context, text, **linked(*numbers)) == []


@pytest.mark.parametrize("record", ["2,3", {"linked_lines": "2,3"}, None])
def test_a_malformed_record_flags_nothing(record, context):
    text = f"{BODY}\nFerry fares to rise by 4% from April\nHarbour wall repaired after winter storms"
    assert flagged(linked_headlines, context, text, extraction=record) == []
