import pytest

from cleaner.rules import advertisement
from tests.rules.cases import assert_flags, assert_keeps

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


@pytest.mark.parametrize("line", FLAGGED)
def test_flags(line, context):
    assert_flags(advertisement, context, line)


@pytest.mark.parametrize("line", KEPT)
def test_keeps(line, context):
    assert_keeps(advertisement, context, line)
