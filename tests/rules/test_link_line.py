from __future__ import annotations

from cleaner.rules import link_line
from tests.rules.cases import table

FLAGGED = [
    "https://www.example.com/images/2019/11/harbour-logo.png",
    "        https://static.example.net/image/5dd3a0-500-250/ten-things.jpg",
    "https://cdn.example.com/clip.mp4?width=640",
    "(https://example.com/pictures/quay.JPEG)",
    "Listen: http://example.fm/ep615",
    "Download: http://example.fm/ep615.mp3",
    "Apple Podcasts: https://example.fm/apple",
    "Listen:\u00a0http://example.fm/ep615",
    "Apple\u00a0Podcasts:\u00a0https://example.fm/apple",
]
KEPT = [
    "The full report is published at https://example.org/report and runs to 40 pages.",
    "Write to the harbour office at office@example.org with any questions.",
    "Visit www.example.org for the timetable, the council said.",
    "Fares rose 3.5/4 on the index, the ministry said.",
    "Speeds of 80 km/h were recorded on the coast road.",
    "The vote was 5/2 in favour.",
    "@harbourwatch said the ferry was late again",
    "Listen to the full interview on our podcast this week.",
    "https://example.org/reports/2019/harbour-study",
    "http://amzn.example/2iJFhRj",
    "www.example-theatre.com",
    "desk@example.com",
    "Note:\nhttps://example.org/report",
    "The council posted the plan at https://example.org/plan.png yesterday.",
    # an address after a label that is not a button's: the article's list of sources or places
    "Website: https://example.org/harbour-authority",
    "Registration: https://example.org/summit/tickets",
    "- Source code: https://example.org/harbour/repo",
]


test_flags, test_keeps = table(link_line, FLAGGED, KEPT)
