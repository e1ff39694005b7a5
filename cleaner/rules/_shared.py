"""Helpers the rules share: phrase matching, line shapes, and the removal finding."""

from __future__ import annotations

import re
from typing import Any, Iterable, Mapping

from cleaner.model import Document, Edit, Finding, Fix
from cleaner.model import words_key as phrase_key
SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s*$")
SEPARATOR = r"\s*(?::|\||»|>>|›|–|—|-{1,2})"


def phrase_set(phrases: Iterable[str]) -> frozenset[str]:
    return frozenset(phrase_key(p) for p in phrases)


def phrase_pattern(phrases: Iterable[str]) -> str:
    """A regex alternation for ``phrases``, longest first, flexible in spaces and apostrophes."""
    ordered = sorted(set(phrases), key=len, reverse=True)
    escaped = (re.escape(p).replace(r"\ ", r"\s+").replace("'", "['’]") for p in ordered)
    return "(?:" + "|".join(escaped) + ")"


def prefix_regex(phrases: Iterable[str]) -> re.Pattern[str]:
    """Matches a line that starts with one of ``phrases`` and then a separator such as ":"."""
    return re.compile(r"^\W*" + phrase_pattern(phrases) + SEPARATOR, re.IGNORECASE)


def starts_regex(phrases: Iterable[str]) -> re.Pattern[str]:
    """Matches a line that starts with one of ``phrases`` as whole words."""
    return re.compile(r"^\W*" + phrase_pattern(phrases) + r"\b", re.IGNORECASE)


def needles(phrases: Iterable[str]) -> re.Pattern[str]:
    """Finds the longest word of any phrase: a line holding a phrase holds its needle.

    A search for plain words, run on the lower-cased line, rejects most lines far faster
    than the phrases' own flexible pattern.
    """
    words = {max(p.lower().split(), key=len) for p in phrases}
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))


def word_count(text: str) -> int:
    return len(text.split())


def is_sentence(text: str) -> bool:
    """Whether ``text`` ends like a sentence (a full stop, question or exclamation mark)."""
    return SENTENCE_END.search(text) is not None


def removal(
    code: str,
    name: str,
    line: int,
    text: str,
    message: str,
    metadata: Mapping[str, Any] | None = None,
) -> Finding:
    """A finding whose fix removes line ``line`` (a safe fix)."""
    return Finding(
        code=code,
        name=name,
        line=line,
        message=message,
        text=text,
        end_column=len(text) + 1,
        fix=Fix((Edit(line),)),
        metadata=dict(metadata or {}),
    )


def headline_repeats(document: Document, top: int = 6) -> tuple[int | None, frozenset[int]]:
    """The headline's line and the lines that repeat it.

    With a title in the metadata, every line equal to the title repeats it (the headline is
    then the metadata's, so the first result is None). Without one, the first line among the
    top ``top`` paragraphs that is repeated there, before any sentence, is the headline.
    """
    title = document.metadata.get("title")
    if isinstance(title, str) and phrase_key(title):
        keys = title_keys(title)
        longest = 2 * len(title) + 20  # room for punctuation; a longer line is not the title
        return None, frozenset(
            line.number
            for index, line in enumerate(document.lines)
            if len(line.text) <= longest
            and line.key in keys
            and (index < top or line.key == keys[0])
        )
    seen: dict[str, int] = {}
    for line in document.lines[:top]:
        if is_sentence(line.text):
            break  # the story has begun: a repeat from here on is not the headline
        key = line.key
        if key in seen:
            first = seen[key]
            return first, frozenset(
                n.number for n in document.lines[:top] if n.number != first and n.key == key
            )
        if key:
            seen[key] = line.number
    return None, frozenset()


def title_keys(title: str) -> tuple[str, ...]:
    """The title's key, then the keys of its parts around " | " or " - " (site names)."""
    parts = re.split(r"\s+[|–—-]\s+", title)
    keys = [phrase_key(title)] + [phrase_key(p) for p in parts if word_count(p) >= 3]
    return tuple(dict.fromkeys(k for k in keys if k))
