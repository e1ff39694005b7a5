"""What each of cleaner's rules removed on a data set, and how much of that was article text.

A removed line is "in the truth" when most of its 4-token shingles are article text that
cleaner's output lacks (``wrong_removals``): the same test on both data sets, whatever each
set's own metric, so that the rules' shares compare across them.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from extraction_scoring import ngrams, shingles, tokens

from cleaner.core.fixes import Outcome
from cleaner.core.model import Document

# The share of a removed line's shingles that must be missing article text to call it wrong.
MOSTLY_TRUE = 0.5


def removed_lines(original: Document, outcome: Outcome) -> list[tuple[str, int, str]]:
    """(rule code, line number, original line text) of every line cleaner removed."""
    by_number = {line.number: line.text for line in original.lines}
    removed = []
    for finding in outcome.applied:
        edits = finding.fix.edits if finding.fix else ()
        removed += [(finding.code, e.line, by_number[e.line]) for e in edits if e.removes_line]
    return sorted(removed, key=lambda r: r[1])


def wrong_removals(removed: list[tuple[str, int, str]], truth: str, output: str) -> list[tuple[str, str]]:
    """(code, line) of removed lines whose shingles are mostly in the truth but not the output.

    Counting is by multiset: a line the truth has once and the text twice is wrong to drop
    only if neither copy is left.
    """
    truth_words, output_words = tokens(truth), tokens(output)
    missing: dict[int, Counter] = {}
    wrong = []
    for code, _, line in removed:
        grams = shingles(tokens(line))
        if not grams:
            continue
        size = len(next(iter(grams)))
        if size not in missing:
            missing[size] = ngrams(truth_words, size) - ngrams(output_words, size)
        hits = grams & missing[size]
        if sum(hits.values()) >= MOSTLY_TRUE * sum(grams.values()):
            missing[size] -= hits
            wrong.append((code, line))
    return wrong


@dataclass
class RuleTally:
    """Lines removed by each rule on one data set, and those of them in the truth."""

    removed: Counter = field(default_factory=Counter)
    in_truth: Counter = field(default_factory=Counter)
    wrong: list[tuple[str, str, str]] = field(default_factory=list)  # page, code, line

    def add(self, page: str, original: Document, outcome: Outcome, truth: str) -> None:
        removed = removed_lines(original, outcome)
        self.removed.update(code for code, _, _ in removed)
        wrong = wrong_removals(removed, truth, outcome.document.text)
        self.in_truth.update(code for code, _ in wrong)
        self.wrong += [(page, code, line) for code, line in wrong]

    def share(self, code: str) -> float | None:
        return self.in_truth[code] / self.removed[code] if self.removed[code] else None
