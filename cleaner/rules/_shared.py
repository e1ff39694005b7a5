"""Helpers the rules share: phrase matching, line shapes, and the removal finding."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable, Mapping
from typing import Any

from cleaner.core.model import Document, Edit, Finding, Fix
from cleaner.core.model import words_key as phrase_key
from cleaner.core.trie import trie_regex

_NEEDLE_WORD = re.compile(r"\w+")
_CLOSERS = "\"'”’)] \t」』）"
SEPARATOR = r"\s*(?::|\||»|>>|›|–|—|-{1,2})"
LINE_START = r"\n(?:[^\w\n]|_)*"  # a line's start and what phrase_key skips before a word


def phrase_set(phrases: Iterable[str]) -> frozenset[str]:
    return frozenset(phrase_key(p) for p in phrases)


def phrase_pattern(phrases: Iterable[str]) -> str:
    """A regex for any of ``phrases``, longest first, flexible in spaces and apostrophes."""
    return "(?:" + trie_regex(phrases, _flexible) + ")"


def _flexible(char: str) -> str:
    return {" ": r"\s+", "'": "['’]"}.get(char) or re.escape(char)


def prefix_regex(phrases: Iterable[str]) -> re.Pattern[str]:
    """Matches a line that starts with one of ``phrases`` and then a separator such as ":"."""
    return re.compile(r"^\W*" + phrase_pattern(phrases) + SEPARATOR, re.IGNORECASE)


def starts_regex(phrases: Iterable[str]) -> re.Pattern[str]:
    """Matches a line that starts with one of ``phrases`` as whole words."""
    return re.compile(r"^\W*" + phrase_pattern(phrases) + r"\b", re.IGNORECASE)


def needles(phrases: Iterable[str]) -> tuple[str, ...]:
    """The longest word of each phrase: a line holding a phrase holds its needle.

    A search for plain words in the lower-cased line rejects most lines far faster than the
    phrases' own flexible pattern.
    """
    words = {max(_NEEDLE_WORD.findall(p.lower()), key=len) for p in phrases}
    return tuple(sorted(words, key=len, reverse=True))


def first_words(phrases: Iterable[str]) -> frozenset[str]:
    """The first word of each phrase, as :func:`phrase_key` splits it."""
    return frozenset(phrase_key(p).split()[0] for p in phrases if phrase_key(p))


def line_start_trigger(alternatives: str) -> re.Pattern[str]:
    """A trigger (see ``cleaner.rules``) for lines that start with ``alternatives``."""
    return re.compile(LINE_START + "(?:" + alternatives + ")")


def word_trigger(words: Iterable[str]) -> frozenset[str]:
    """A trigger for lines whose first word (``Line.first_word``) is one of ``words``."""
    return frozenset(words)


def join_lines(texts: list[str]) -> tuple[str, list[int]]:
    """The texts joined after a newline each and lower-cased, and where each one's newline
    stands."""
    joined = "\n" + "\n".join(texts)
    lowered = joined.lower()
    if len(lowered) != len(joined):  # a letter whose lower case is longer ("İ")
        return lowered, [at for at, char in enumerate(lowered) if char == "\n"]
    return lowered, list(itertools.accumulate((len(t) + 1 for t in texts[:-1]), initial=0))


Search = re.Pattern[str] | str  # a trigger found by a search over the joined lines
Trigger = Search | frozenset  # a frozenset: first words


def hit_lines(joined: tuple[str, list[int]], triggers: Iterable[Search]) -> set[int]:
    """The indexes of the joined texts in which a trigger (a pattern, or a plain string,
    found faster than a pattern) matches."""
    text, starts = joined
    positions: list[int] = []
    for trigger in triggers:
        if isinstance(trigger, str):
            at = text.find(trigger)
            while at >= 0:
                positions.append(at)
                at = text.find(trigger, at + 1)
        else:
            positions.extend(m.start() for m in trigger.finditer(text))
    return {bisect.bisect_right(starts, at) - 1 for at in positions}


def word_count(text: str) -> int:
    return len(text.split())


def is_sentence(text: str) -> bool:
    """Whether ``text`` ends like a sentence (a full stop, question or exclamation mark, in
    Latin or in Chinese and Japanese script)."""
    return text.rstrip(_CLOSERS).endswith((".", "!", "?", "…", "。", "！", "？", "．"))


_LISTED = re.compile(r"\s*(?:[-*•|>]|\d+[.)]\s)")


def listed(text: str) -> bool:
    """Whether ``text`` is a list item or a table row (extraction writes "- ", "| ... |"):
    an article's lists repeat their items on purpose, where a scraper repeats paragraphs."""
    return _LISTED.match(text) is not None


def removal(
    code: str,
    name: str,
    line: int,
    text: str,
    message: str,
    metadata: Mapping[str, Any] | None = None,
    safe: bool = True,
) -> Finding:
    """A finding whose fix removes line ``line`` (a safe fix unless ``safe`` is False)."""
    # positionally: a whole-corpus check makes one for every copied paragraph
    return Finding(code, name, line, message, text, 1, len(text) + 1, Fix((Edit(line),), safe), metadata or {})


def linked_lines(document: Document) -> frozenset[int]:
    """The numbers of the lines that are the whole text of a link on the page, as HTML
    extraction recorded them (``linked_lines`` in the ``extraction`` metadata); none for
    documents without that record."""
    extraction = document.metadata.get("extraction")
    if not extraction:  # plain text: decided before the slower isinstance test below
        return frozenset()
    found = extraction.get("linked_lines") if isinstance(extraction, Mapping) else None
    if not isinstance(found, (list, tuple)):
        return frozenset()
    return frozenset(number for number in found if isinstance(number, int))


HEADLINE_TOP = 6  # the headline is looked for among this many first paragraphs


def headline_repeats(document: Document, top: int = HEADLINE_TOP) -> tuple[int | None, frozenset[int]]:
    """The headline's line and the lines that repeat it.

    With a title in the metadata (the headline, or the page's <title>), a line equal to it
    repeats it, and so does a line among the top ``top`` equal to a part of it around " | "
    (the headline is then the metadata's, so the first result is None). Without one, the first line among the
    top ``top`` paragraphs that is repeated there, before any sentence, is the headline.
    """
    titles = [t for t in (document.metadata.get(k) for k in TITLE_FIELDS) if isinstance(t, str) and phrase_key(t)]
    if titles:
        whole = {phrase_key(t) for t in titles}
        keys = whole.union(*(title_keys(t) for t in titles))
        starts = {key.partition(" ")[0] for key in keys}  # a line with one of the keys starts so
        longest = 2 * max(map(len, titles)) + 20  # room for punctuation; longer is not a title
        return None, frozenset(
            line.number
            for index, line in enumerate(document.lines)
            if len(line.text) <= longest
            and line.first_word in starts
            and line.key in keys
            and (index < top or line.key in whole)
        )
    seen: dict[str, int] = {}
    for line in document.lines[:top]:
        if is_sentence(line.text):
            break  # the story has begun: a repeat from here on is not the headline
        key = line.key
        if key in seen:
            first, start = seen[key], line.first_word
            return first, frozenset(
                n.number for n in document.lines[:top] if n.number != first and n.first_word == start and n.key == key
            )
        if key:
            seen[key] = line.number
    return None, frozenset()


TITLE_FIELDS = ("title", "page_title")  # the page's headline, and its <title> when it differs


def title_keys(title: str) -> tuple[str, ...]:
    """The title's key, then the keys of its parts around " | " or " - " (site names)."""
    parts = re.split(r"\s+[|–—-]\s+", title)
    keys = [phrase_key(title)] + [phrase_key(p) for p in parts if word_count(p) >= 3]
    return tuple(dict.fromkeys(k for k in keys if k))
