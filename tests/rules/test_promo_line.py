from cleaner.rules import promo_line
from tests.rules.cases import flagged, table

FLAGGED = [
    "More news: Did Iran Just Start A War With Israel?",
    "Read more: Ferry fares to rise by 4% from April",
    "READ MORE: Floods close the coast road",
    "Related: Council approves budget for new school buses",
    "Also read: Why the harbour vote matters",
    "See also: Our guide to the election",
    "RELATED COVERAGE | Five things to know",
    "Don't miss: the best photos of the week",
    "You may also like...",
    "You might also like",
    "Recommended for you",
    "Continue reading",
    "CLICK HERE TO GET THE NEWS APP",
    "Click here to read the full report",
    "» Read more: The day in pictures",
    "SEE MORE: Floods close the coast road",
    "Tags",
]
KEPT = [
    "More news outlets said the vote would be close.",
    "Related measures were passed by the senate on Friday.",
    "Read more about the plan in the council's report, published on Monday.",
    "See also the minister's remarks on the budget, which came later.",
    "Recommended doses were cut by half after the trial.",
    "Trending upward, prices rose for a third month.",
    "Clicking here and there, the app was slow to respond, users said, and many gave up on it entirely.",
    "See more of the coast from the new ferry, the guide said.",
    "Tags were attached to every bag before the flight.",
    "Lire aussi le rapport complet, a déclaré le maire.",
    "Lesen Sie auch: Hafen bleibt geschlossen",  # German: the German phrases, in test_languages.py
]


test_flags, test_keeps = table(promo_line, FLAGGED, KEPT)


def test_headlines_under_a_lone_label_go_until_the_next_sentence(context):
    text = "The story ends here.\nRelated stories\nBudget vote delayed\nSchool buses return\nThe council met again."
    assert flagged(promo_line, context, text) == ["Related stories", "Budget vote delayed", "School buses return"]
