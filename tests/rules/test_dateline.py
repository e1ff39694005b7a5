import pytest

from cleaner.rules import dateline, run_rule
from tests.conftest import document
from tests.rules.cases import table

FLAGGED = [
    "Published: Mon, February 12, 2018",
    "UPDATED: Tue., Nov. 19, 2019",
    "Updated: 19 November 2019, 14:05 GMT",
    "Posted on 2 June 2024",
    "Published 3 hours ago",
    "Last updated: 2019-11-19T05:45:00Z",
    "5:45 AM PST 11/19/2019 by Jane Doe",
    "February 12, 2018",
    "Sunday 10 November 2019 12.00 GMT",
    "Published: 12 Feb 2018 | Updated: 13 Feb 2018",
    "First published on Tue 19 Nov 2019 06.00 EST",
]
KEPT = [
    "Published figures show a rise in exports.",
    "Updated maps were released on Monday.",
    "May 2020 be a better year for all of us.",
    "Posted guards stood at every gate.",
    "Monday",
    "12:30",
    "The date was set for February 12, 2018, after weeks of talks.",
    "Released on bail, he returned home on March 3.",
    "March on Washington draws thousands",
]


test_flags, test_keeps = table(dateline, FLAGGED, KEPT)


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("Published: Mon, February 12, 2018", "2018-02-12"),
        ("Posted on 2 June 2024", "2024-06-02"),
        ("5:45 AM PST 11/19/2019 by Jane Doe", "2019-11-19"),
        ("Updated 2019-11-19T05:45:00Z", "2019-11-19"),
    ],
)
def test_date_moves_to_metadata(line, date, context):
    (finding,) = run_rule(dateline, document(line), context)
    assert finding.metadata["date"] == date


def test_ambiguous_numeric_date_is_not_guessed(context):
    (finding,) = run_rule(dateline, document("Updated: 03/04/2019"), context)
    assert "date" not in finding.metadata


def test_author_after_by_moves_to_metadata(context):
    (finding,) = run_rule(dateline, document("5:45 AM PST 11/19/2019 by Jane Doe"), context)
    assert finding.metadata["author"] == "Jane Doe"


def test_date_words_are_exactly_what_date_word_matches():
    import re

    from cleaner.rules._patterns import DATE_WORD, DATE_WORDS

    names = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
    prefixes = {name[:end] for name in names for end in range(1, len(name) + 1)}
    pattern = re.compile(DATE_WORD + "$", re.IGNORECASE)
    assert {word for word in prefixes if pattern.match(word)} == DATE_WORDS
