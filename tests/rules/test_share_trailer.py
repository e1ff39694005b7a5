from cleaner.rules import share_trailer
from tests.rules.cases import table

FLAGGED = [
    "Like this:",
    "Share this:",
    "Loading...",
    "Like this:Like Loading...",
    "Click to share on Twitter (Opens in new window)",
    "Click to email this to a friend (Opens in new window)",
    "Share on Facebook",
    "Share via Email",
    "Facebook Twitter WhatsApp Email",
    "Facebook | Twitter | LinkedIn",
    "Tweet",
    "Share this article",
    "Pin it",
    "Like this story? Share it with a friend!",
    "Order Reprints",
    "- Print Article",
]
KEPT = [
    "- Post-traumatic stress disorder (PTSD).",  # a list item that starts with a widget's verb
    "Share prices fell sharply on Monday.",
    "Like this year's budget, the plan relies on new taxes.",
    "Shares in the company rose 5% after the announcement.",
    "Email records show the minister knew in March.",
    "Print editions will end next year, the publisher said.",
    "Facebook",
    "Share the road, police urged cyclists and drivers alike.",
    "Reprints of the 1920 map sold out within a day.",
    "Share it with a friend, the campaign urged, and the numbers grew.",
]


test_flags, test_keeps = table(share_trailer, FLAGGED, KEPT)
