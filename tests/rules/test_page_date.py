import pytest

from cleaner.rules import page_date
from tests.rules.cases import flagged

DATE = "2018-01-22"
STORY = [f"Paragraph {n} of the harbour story, as the council told it." for n in range(8)]

FLAGGED = [
    "segunda-feira, 22 de janeiro de 2018 às 0:13",
    "22/01/2018",
    "01/22/2018",
    "2018-01-22",
    "Monday 22 January 2018, 00:13 CET",
    "lundi 22 janvier 2018",
    "22. Januar 2018, 14:05 Uhr",
    "Jan 22, 2018 | 5:45 PM",
]
KEPT = [
    "22 January 2018: the day the harbour closed",
    "23 de janeiro de 2018",
    "22/02/2018",
    "22 2018",
    "The vote was held on 22 January 2018.",
    "Harbour vote, 22 January 2018",
    "January 2018",
]


@pytest.mark.parametrize("line", FLAGGED)
def test_flags(line, context):
    assert flagged(page_date, context, line, date=DATE) == [line]


@pytest.mark.parametrize("line", KEPT)
def test_keeps(line, context):
    assert flagged(page_date, context, line, date=DATE) == []


@pytest.mark.parametrize("date", [None, "", "last Monday", 20180122])
def test_without_a_usable_date_nothing_is_flagged(date, context):
    assert flagged(page_date, context, "22/01/2018", date=date) == []


def test_a_timestamp_in_the_metadata_gives_its_day(context):
    assert flagged(page_date, context, "22/01/2018", date="2018-01-22T09:30:00+00:00") == ["22/01/2018"]


def test_the_date_stands_at_the_start_or_the_end(context):
    stamp = "22/01/2018"
    assert flagged(page_date, context, "\n".join([STORY[0], stamp, *STORY[1:]]), date=DATE) == [stamp]
    assert flagged(page_date, context, "\n".join([*STORY, stamp]), date=DATE) == [stamp]
    assert flagged(page_date, context, "\n".join([*STORY[:4], stamp, *STORY[4:]]), date=DATE) == []
