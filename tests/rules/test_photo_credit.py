from cleaner.rules import photo_credit
from tests.rules.cases import table

FLAGGED = [
    "Photo: Jane Doe/Reuters",
    "(Photo by Jane Doe/Getty Images)",
    "Image copyright Getty Images",
    "REUTERS/Jane Doe",
    "AFP via Getty Images",
    "Credit: Ana Ruiz for the Valley Times",
    "Photograph: Jane Doe/AP",
    "(AP Photo/John Roe)",
    "Getty Images",
    "Photo credit: Harbour Authority",
]
KEPT = [
    "Video: How the new ferry terminal will look",  # the title of a video in the article
    "- Video: 4K at 30 frames a second, no crop",  # a camera's specification
    "Photographs of the scene were released on Tuesday.",
    "Pictures from the rally show a packed square.",
    "Photo finishes decided three of the races on Saturday.",
    "Reuters reported the deal first, citing three people familiar with the talks.",
    "Images of the flood spread quickly on social media.",
    "Credit card debt hit a record in the third quarter.",
]


test_flags, test_keeps = table(photo_credit, FLAGGED, KEPT)
