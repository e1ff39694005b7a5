"""What the extraction benchmark gathers on one data set: every system's page scores and
time per pass, cleaner's removals by rule, and what its reader recorded of each page."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from extraction_data import DataSet, Page
from extraction_rules import RuleTally
from extraction_scoring import PageScore, Summary, summarise
from extraction_shapes import Leftover, page_titles
from extraction_systems import CLEANER, NO_RULES, SYSTEMS, TRAFILATURA, PageRun


@dataclass
class Row:
    scores: dict[str, PageScore] = field(default_factory=dict)  # by page id
    passes: defaultdict[int, float] = field(default_factory=lambda: defaultdict(float))  # seconds
    leftover: Leftover = field(default_factory=Leftover)


@dataclass(frozen=True)
class Loss:
    page: str
    trafilatura: float  # page F1
    no_rules: float
    cleaner: float
    extraction: dict


@dataclass
class SetResult:
    data_set: DataSet
    pages: int
    rows: dict[str, Row] = field(default_factory=lambda: {system: Row() for system in SYSTEMS})
    rules: RuleTally = field(default_factory=RuleTally)
    extraction: dict[str, dict] = field(default_factory=dict)  # by page id

    def add(self, page: Page, run: PageRun, number: int) -> None:
        """One page's run in pass ``number``; only the first pass is scored, the others timed."""
        for system, row in self.rows.items():
            row.passes[number] += run.seconds[system]
        if number:
            return
        metadata = run.original.metadata if run.original is not None else {}
        titles = page_titles(run.html, metadata.get("title"), metadata.get("page_title"))
        for system, row in self.rows.items():
            row.scores[page.id] = page.score(self.data_set, run.texts[system])
            row.leftover.add(page.id, run.texts[system], titles)
        if run.original is not None and run.outcome is not None:
            self.rules.add(page.id, run.original, run.outcome, page.truth)
        self.extraction[page.id] = run.extraction

    def summary(self, system: str) -> Summary:
        return summarise(list(self.rows[system].scores.values()), self.data_set.f1_of_averages)

    def seconds_per_page(self, system: str) -> float:
        """The best pass's seconds, per page."""
        passes = self.rows[system].passes
        return min(passes.values()) / self.pages if passes and self.pages else 0.0

    def worse(self, system: str, margin: float) -> int:
        """The pages where ``system``'s F1 is below trafilatura's by more than ``margin``."""
        base = self.rows[TRAFILATURA].scores
        return sum(score.f1 < base[page].f1 - margin for page, score in self.rows[system].scores.items())

    def losses(self, count: int) -> list[Loss]:
        """The ``count`` pages where cleaner's F1 falls furthest below trafilatura's."""
        base, cleaned = self.rows[TRAFILATURA].scores, self.rows[CLEANER].scores
        no_rules = self.rows[NO_RULES].scores
        pages = sorted((p for p in cleaned if cleaned[p].f1 < base[p].f1), key=lambda p: cleaned[p].f1 - base[p].f1)
        return [Loss(p, base[p].f1, no_rules[p].f1, cleaned[p].f1, self.extraction.get(p, {})) for p in pages[:count]]
