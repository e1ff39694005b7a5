import pytest

from cleaner.rules import byline, run_rule
from tests.conftest import document
from tests.rules.cases import table

FLAGGED = [
    "By Rosalie Gross",
    "Markets | By Rosalie Gross",
    "By JANE DOE",
    "By Jane Doe and John Roe",
    "By Jane Doe, John Roe & Ana Ruiz",
    "By Jane Doe, Staff Writer",
    "By MARTA OKONJO and Leo Brandt, Staff Writers",
    "By Jane Doe | Reuters",
    "By Jean-Luc de la Fontaine",
    "Written by Jane Doe",
    "Reporting by Jane Doe; Editing by John Roe",
    "Author: Jane Doe",
    "By Jane Doe | March 3, 2019",
    "BY JANE DOE",
]
KEPT = [
    "By 2020, the plan had doubled the city's budget.",
    "By Monday, officials had agreed to the terms.",
    "By then the fighting had moved north.",
    "By the end of the year, prices had risen by a third.",
    "By Friday afternoon the river had burst its banks.",
    "By contrast, exports fell.",
    "By Jane Doe's own account, the meeting was tense and lasted for hours.",
    "Written by hand, the letter was delivered to the mayor's office on Monday.",
    "By Any Means Necessary is a film that opened in 1994.",
    "Stand By Me was played at the ceremony.",
]


test_flags, test_keeps = table(byline, FLAGGED, KEPT)


def test_author_and_section_move_to_metadata(context):
    (finding,) = run_rule(byline, document("Markets | By Rosalie Gross"), context)
    assert dict(finding.metadata) == {"author": "Rosalie Gross", "section": "Markets"}


def test_date_after_the_names_moves_to_metadata(context):
    (finding,) = run_rule(byline, document("By Jane Doe | March 3, 2019"), context)
    assert finding.metadata["date"] == "2019-03-03"


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("By MARTA OKONJO and Leo Brandt, Staff Writers", "MARTA OKONJO and Leo Brandt"),
        ("By Jane Doe, John Roe, Associated Writer", "Jane Doe, John Roe"),
        ("By Jane Doe", "Jane Doe"),
    ],
)
def test_job_titles_stay_out_of_the_author(line, author, context):
    (finding,) = run_rule(byline, document(line), context)
    assert finding.metadata["author"] == author
