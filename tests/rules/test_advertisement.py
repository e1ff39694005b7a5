from cleaner.rules import advertisement
from tests.rules.cases import table

FLAGGED = [
    "Advertisement",
    "ADVERTISEMENT",
    "- Advertisement -",
    "Sponsored content",
    "Story continues below advertisement",
    "Continue reading the main story",
    "Scroll to continue with content",
    "Advertisement - Scroll to continue",
]
KEPT = [
    "Advertisement spending rose 4% in 2019.",
    "Sponsored by the council, the festival drew large crowds.",
    "The advertisement was pulled after complaints.",
    "Ad hoc talks continued into the night.",
]


test_flags, test_keeps = table(advertisement, FLAGGED, KEPT)
