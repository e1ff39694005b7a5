"""Regex building blocks for dates and personal names, shared by the byline and dateline rules."""

from __future__ import annotations

import re
import sys

import regex

# Atomic groups and possessive repeats came to re in Python 3.11, several times cheaper per
# call than the regex module; before that, the regex module has them.
compile_atomic = re.compile if sys.version_info >= (3, 11) else regex.compile

MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = (
    r"(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?"
    r"|sat(?:urday)?|sun(?:day)?)\.?"
)
_ZONE = (
    r"(?:gmt|utc|bst|cet|cest|eet|eest|wet|est|edt|cst|cdt|mst|mdt|pst|pdt|akst|hst|et|pt|ct|mt"
    r"|ist|jst|kst|aest|aedt|acst|awst|nzst|nzdt|hkt|sgt|msk|wib)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?"
)
_ANCHOR = (
    r"(?:\d{4}-\d{1,2}-\d{1,2}(?:t[\d:.]+(?:z|[+-]\d{2}:?\d{2})?)?"  # ISO date or timestamp
    r"|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}"  # 11/19/2019, 19.11.2019
    r"|" + _MONTH + r"(?=[\s,.\d]|$)"
    r"|\d{1,2}[:.h]\d{2}(?::\d{2})?(?:\s*(?:[ap]\.?m\.?))?"  # times
    r"|\d{1,2}\s*[ap]\.?m\.?"
    r"|ago|yesterday|today)"
)
_FILLER = (
    r"(?:" + _WEEKDAY + r"|" + _ZONE + r"|[ap]\.?m\.?|\d{1,4}(?:st|nd|rd|th)?|[+-]\d{4}"
    r"|at|on|of|the|a|an|just|now|hours?|hrs?|minutes?|mins?|days?|weeks?|months?|years?|h|m)"
)
_DATE_SEP = r"[\s,|·•/()\[\]–—-]*"
DATE_WORD = r"(?:" + _WEEKDAY + "|" + _MONTH + r")\b"
"""A weekday or month name: the words a stamp without a label or number can start with."""
DATE_WORDS = frozenset(
    [
        "mon",
        "monday",
        "tue",
        "tues",
        "tuesday",
        "wed",
        "wednesday",
        "thu",
        "thur",
        "thurs",
        "thursday",
        "fri",
        "friday",
        "sat",
        "saturday",
        "sun",
        "sunday",
        "jan",
        "january",
        "feb",
        "february",
        "mar",
        "march",
        "apr",
        "april",
        "may",
        "jun",
        "june",
        "jul",
        "july",
        "aug",
        "august",
        "sep",
        "sept",
        "september",
        "oct",
        "october",
        "nov",
        "november",
        "dec",
        "december",
    ]
)
"""The words that :data:`DATE_WORD` matches, as a line's first word."""
DATE_TOKEN = r"(?:" + _ANCHOR + r"|" + _FILLER + r")"


def date_run(extra_token: str = "") -> str:
    """A run of date and time words (and ``extra_token``s), matched without backtracking.

    Each separator and word is an atomic group and the run is possessive, so a line that is
    not a stamp fails after one pass instead of after trying every split of it. Whether the
    run names a day or time at all is checked by :func:`has_anchor`.
    """
    token = DATE_TOKEN if not extra_token else r"(?:" + DATE_TOKEN + "|" + extra_token + ")"
    return r"(?:(?>" + _DATE_SEP + r")(?>" + token + r")(?!\w))++(?>" + _DATE_SEP + ")"


DATE = date_run()

# Plain patterns go to the standard library's re, several times cheaper per call than the
# regex module, which only the patterns with Unicode classes and atomic groups need.
_ANCHOR_RE = re.compile(_ANCHOR + r"(?!\w)")  # these match lower-cased text: faster than re.I
_NOT_NAMES = re.compile(
    r"^(?:" + _WEEKDAY + "|" + _MONTH + r"|the|this|that|these|then|now|far)\b",
    re.IGNORECASE,
)

_NAME_WORD = r"(?:\p{Lu}\.|\p{Lu}[\p{L}\p{M}'’.-]*)"
_PARTICLE = r"(?:de|da|del|della|di|du|van|von|der|den|la|le|al|el|bin|ibn|ben|dos|das|ter|St\.?)"
NAME = _NAME_WORD + r"(?:\s+(?:" + _PARTICLE + r"\s+){0,2}" + _NAME_WORD + r"){0,4}"
NAMES = r"(?-i:" + NAME + r"(?:\s*(?:,|&|\band\b)\s*" + NAME + r"){0,5})"
"""Personal names, matched case-sensitively even inside a case-insensitive pattern."""


def has_anchor(text: str) -> bool:
    """Whether ``text`` names a day or a time (a month, a numeric date, a clock time, "ago")."""
    return _ANCHOR_RE.search(text.lower()) is not None


def could_be_names(text: str) -> bool:
    """False for words that start a sentence rather than a name ("By Monday", "By then")."""
    return _NOT_NAMES.match(text) is None


_YMD = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})")
_DMY_NUM = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b")
_MDY = re.compile(r"\b(" + _MONTH + r")\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})")
_DMY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(" + _MONTH + r"),?\s+(\d{4})")


def iso_date(text: str) -> str | None:
    """The calendar date in ``text`` as YYYY-MM-DD, when it is unambiguous."""
    text = text.lower()
    found = _YMD.search(text)
    if found:
        return _iso(int(found[1]), int(found[2]), int(found[3]))
    found = _MDY.search(text)
    if found:
        return _iso(int(found[3]), MONTHS[found[1][:3]], int(found[2]))
    found = _DMY.search(text)
    if found:
        return _iso(int(found[3]), MONTHS[found[2][:3]], int(found[1]))
    found = _DMY_NUM.search(text)
    if found:
        first, second, year = int(found[1]), int(found[2]), int(found[3])
        if first > 12 >= second:
            return _iso(year, second, first)
        if second > 12 >= first:
            return _iso(year, first, second)
    return None


def _iso(year: int, month: int, day: int) -> str | None:
    if 1 <= month <= 12 and 1 <= day <= 31 and 1900 <= year <= 2100:
        return f"{year:04d}-{month:02d}-{day:02d}"
    return None
