from cleaner.rules import contributor_credit
from tests.rules.cases import table

FLAGGED = [
    "Jane Doe contributed to this report.",
    "Jane Doe and John Roe contributed to this story",
    "Associated Press writers Jane Doe, John Roe and Ana Ruiz contributed to this report.",
    "Coast Gazette’s Lea Roe contributed to this article.",
    "John Roe contributed reporting from Lisbon.",
    "Ana Ruiz in New York contributed additional reporting.",
    "(Jane Doe contributed reporting from New York.)",
]
KEPT = [
    "Residents contributed to the repair fund, the council said.",
    "The storm contributed to the delays on the coast road.",
    "Jane Doe contributed to this report by reading the council's minutes, which took weeks.",
    "Donors who gave money contributed to the report's costs.",
    "Jane Doe, who has reported from the harbour for years, contributed reporting.",
    "Jane Doe contributed reporting that the council later disputed in court.",
]


test_flags, test_keeps = table(contributor_credit, FLAGGED, KEPT)
