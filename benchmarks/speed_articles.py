"""The articles of the speed benchmark: the seed articles, each copy varied so that no two
are the same text while every copy keeps its seed's boilerplate (see ``speed.py``, "The
articles").
"""

from __future__ import annotations

import re
import sys
from importlib import resources

from _common import ROOT

from cleaner.core.model import Document, freeze, lines_from_text
from cleaner.core.phrases import load_phrases

SEEDS = ROOT / "seeds"
_NUMBER = re.compile(r"\b\d+\b")
_TITLE_WORD = re.compile(r"(?<!^)\b[A-Z][a-z]{3,}\b")  # a capitalised word, not the first
_LOWER_WORD = re.compile(r"\b[a-z]{4,}\b")
_CALENDAR = frozenset(
    [
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
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "sept",
    ]
)


def _protected_words() -> frozenset[str]:
    """Words the rules look for: every word of the data files, months and weekdays."""
    words: set[str] = set(_CALENDAR)

    def collect(value: object) -> None:
        if isinstance(value, str):
            words.update(re.findall(r"[a-z]+", value.lower()))
        elif isinstance(value, dict):
            for item in value.values():
                collect(item)
        elif isinstance(value, list):
            for item in value:
                collect(item)

    for data_file in resources.files("cleaner.data").iterdir():
        if data_file.name.endswith(".toml"):
            collect(load_phrases(data_file.name))
    return frozenset(words)


def _suffix(copy: int) -> str:
    """A short lower-case tag for copy ``copy``: "", "a", "b", ... "z", "ba", ..."""
    letters = ""
    while copy:
        copy, digit = divmod(copy, 26)
        letters = "abcdefghijklmnopqrstuvwxyz"[digit] + letters
    return letters


def vary(text: str, copy: int, protected: frozenset[str]) -> str:
    """Copy ``copy`` of an article: numbers shifted, names tagged, the shape of every line kept.

    A line without a name gets its last plain word tagged instead, so every line is new but
    those made only of the rules' own words, numbers and dates (boilerplate, which does repeat
    from article to article on a real site).
    """
    if copy == 0:
        return text
    tag = _suffix(copy)

    def number(found: re.Match[str]) -> str:
        digits = found[0]
        value = int(digits)
        if len(digits) == 4 and 1900 <= value <= 2100:  # a year stays a plausible year
            value = 2000 + (value + copy) % 30
        elif len(digits) <= 2:  # a day, an hour, a minute: stays 1..28, as wide as it was
            value = (value + copy) % 28 + 1
        else:
            value += copy
        return str(value).zfill(len(digits))

    def word(found: re.Match[str]) -> str:
        return found[0] if found[0].lower() in protected else found[0] + tag

    def line(text: str) -> str:
        varied = _TITLE_WORD.sub(word, text)
        if varied == text:
            plain = [w for w in _LOWER_WORD.finditer(text) if w[0] not in protected]
            if plain:
                varied = text[: plain[-1].end()] + tag + text[plain[-1].end() :]
        return _NUMBER.sub(number, varied)

    return "\n".join(line(text) for text in text.split("\n"))


def seed_texts() -> list[tuple[str, str]]:
    paths = sorted(SEEDS.glob("*.txt"))
    if not paths:
        sys.exit(f"no seed articles: {SEEDS}/*.txt")
    return [(p.name, p.read_text(encoding="utf-8")) for p in paths]


def build_documents(seeds: list[tuple[str, str]], count: int, first_copy: int = 0) -> list[Document]:
    """``count`` documents cycling through the seeds, as copies ``first_copy`` and on."""
    protected = _protected_words()
    documents = []
    for index in range(count):
        name, text = seeds[index % len(seeds)]
        copy = first_copy + index // len(seeds)
        documents.append(Document(f"{name}#{copy}", name, lines_from_text(vary(text, copy, protected)), freeze({})))
    return documents
