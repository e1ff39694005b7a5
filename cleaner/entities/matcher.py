"""Find entity variants in a line and say what each becomes.

One compiled pattern holds every variant, as a trie so the regex engine does not try each
variant in turn. Matching is what a careful editor would accept: whole words only, dotted
forms never inside longer dotted forms ("U.S.S.R."), names in the exception list untouched,
a sentence's full stop kept, spun spacing ("USA -backed") repaired, and "the" dropped before
a name that takes none.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable
from typing import NamedTuple

from cleaner.core.trie import trie_regex
from cleaner.entities.gazetteer import Entity

# Words that start a sentence, so a dotted form before them ends one ("the U.S. The ...").
_STARTERS = [
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "But",
    "And",
    "Or",
    "So",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "This",
    "That",
    "These",
    "Those",
    "His",
    "Her",
    "Their",
    "Its",
    "Our",
    "There",
    "Then",
    "When",
    "While",
    "After",
    "Before",
    "However",
    "Meanwhile",
    "Some",
    "Many",
    "Most",
    "Both",
    "Each",
    "If",
    "As",
    "Since",
    "Although",
    "Though",
    "Yet",
    "Still",
    "Also",
    "Now",
    "Last",
    "Next",
    "For",
    "From",
    "With",
    "Under",
    "Officials",
]
_SENTENCE_ENDS = re.compile(r"[\"”’']*(?:$|\s+(?:(?:" + "|".join(_STARTERS) + r")\b|[\"“]))")
_ARTICLE = re.compile(r"\b[Tt]he\s+$")


class Substitution(NamedTuple):
    """Replace ``text[start:end]`` (``old``) by ``new``."""

    start: int
    end: int
    old: str
    new: str


class Matcher:
    """Every variant of a gazetteer in one pattern, with its exceptions."""

    def __init__(self, entities: Iterable[Entity]):
        self.by_variant: dict[str, Entity] = {}
        folded: list[str] = []
        for entity in entities:
            for variant in entity.variants:
                key = variant if entity.case_sensitive else variant.casefold()
                self.by_variant[key] = entity
                if not entity.case_sensitive:
                    folded.append(variant)
        exact = [v for v, e in self.by_variant.items() if e.case_sensitive]
        alternatives = [trie_regex(exact)] if exact else []
        if folded:
            alternatives.append("(?i:" + trie_regex(folded) + ")")
        body = "|".join(alternatives) or r"(?!x)x"
        # no lookbehind in front: a pattern that starts with its variants' first letters lets
        # the regex engine skip ahead; the left boundary is checked on each match instead
        self.pattern = re.compile(r"(?:" + body + r")(?!\w)(?P<spun>[ \t]+-(?=\w))?")
        exceptions = [x for e in self.by_variant.values() for x in e.exceptions]
        self.exceptions = re.compile(trie_regex(exceptions)) if exceptions else None
        self.reach = max(map(len, exceptions), default=0)  # how far an exception can overlap

    def substitutions(self, text: str) -> list[Substitution]:
        """Each variant in ``text``, left to right, as the edit that normalizes it."""
        return [sub for _, sub in self.substitutions_by_line([text])]

    def substitutions_by_line(self, texts: list[str]) -> list[tuple[int, Substitution]]:
        """Each variant in ``texts`` (lines), as (index of its text, the edit on that text).

        The texts are searched in one pass, joined by newlines: variants never span one.
        """
        joined = "\n".join(texts)
        found = [m for m in self.pattern.finditer(joined) if not _inside_word(joined, m.start())]
        if not found:
            return []
        starts = list(itertools.accumulate((len(t) + 1 for t in texts[:-1]), initial=0))
        subs = []
        for match in found:
            index = bisect.bisect_right(starts, match.start()) - 1
            text, offset = texts[index], starts[index]
            start, end = match.start() - offset, match.end() - offset
            if self._protected(text, start, end):
                continue
            spun = match.start("spun") - offset if match["spun"] else None
            subs.append((index, self._substitution(text, start, end, spun)))
        return subs

    def normalize(self, text: str) -> str:
        """``text`` with every substitution made."""
        for sub in reversed(self.substitutions(text)):
            text = text[: sub.start] + sub.new + text[sub.end :]
        return text

    def normalize_all(self, texts: list[str]) -> list[str]:
        """Each of ``texts`` with every substitution made, the texts searched in one pass."""
        result = list(texts)
        for index, sub in reversed(self.substitutions_by_line(result)):
            text = result[index]
            result[index] = text[: sub.start] + sub.new + text[sub.end :]
        return result

    def _protected(self, text: str, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` overlaps a name listed as an exception ("USA Today")."""
        if self.exceptions is None:
            return False
        window = self.exceptions.finditer(text, max(0, start - self.reach), end + self.reach)
        return any(m.start() < end and start < m.end() for m in window)

    def _substitution(self, text: str, start: int, end: int, spun: int | None) -> Substitution:
        """The edit for the variant at ``text[start:end]``; ``spun``: where a " -" after it starts."""
        variant = text[start:end] if spun is None else text[start:spun]
        entity = self.by_variant.get(variant) or self.by_variant[variant.casefold()]
        new = entity.canonical
        if spun is not None:
            new += "-"
        elif variant.endswith(".") and _SENTENCE_ENDS.match(text, end):
            new += "."  # the variant's last dot also ends the sentence
        if not entity.article:
            article = _ARTICLE.search(text, max(0, start - 6), start)
            if article:
                start = article.start()
        return Substitution(start, end, text[start:end], new)


def _inside_word(text: str, start: int) -> bool:
    """Whether a match at ``start`` continues a word or a longer dotted form ("MUSA", "S.U.S.")."""
    return start > 0 and (text[start - 1].isalnum() or text[start - 1] in "._")
