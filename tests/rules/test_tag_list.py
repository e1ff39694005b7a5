from cleaner.rules import tag_list
from tests.rules.cases import flagged, table

FLAGGED = [
    "Filed under: Harbour | Council | Transport",
    "Filed under: Harbour |",
    "Tags: harbour vote, ferry fares, coast road",
    "TAGGED: Harbour, Ferries, Coast Gazette",
    "Topics: transport; local government; ferries",
    "harbour vote 2019, ferry fares, coast road closure, council budget, school buses",
    "ferries, harbour, council, budget, coast road, school buses, winter storms",
]
KEPT = [
    "Tagged bags were loaded first, the airline said.",
    "Topics for the debate included the harbour, ferry fares and the coast road.",
    "Tags: the council said on Monday that it would vote on the harbour plan next week.",
    "Apples, pears, plums, figs, dates and nuts were on sale at the market.",
    "Jane Doe, John Roe, Ana Ruiz, Lea Roe and Sam Poe contributed reporting.",
    "ferries, harbour and council budget",
    "harbour, ferries, council, budget, roads.",
    "and then, as ever, the vote, the count, the recount, the appeal: a long winter for the harbour",
    "Keywords matter less to search engines than they once did, an expert said",
]
STORY = [f"Paragraph {n} of the harbour story, as the council told it." for n in range(8)]

test_flags, test_keeps = table(tag_list, FLAGGED, KEPT)


def test_tags_stand_at_the_edges_of_the_text(context):
    tags = "Tags: Harbour, Ferries"
    assert flagged(tag_list, context, "\n".join([*STORY, tags])) == [tags]
    assert flagged(tag_list, context, "\n".join([tags, *STORY])) == [tags]


def test_a_keyword_list_inside_the_story_stays(context):
    keywords = "ferries, harbour, council, budget, coast road, school buses"
    assert flagged(tag_list, context, "\n".join([*STORY[:4], keywords, *STORY[4:]])) == []
