"""The extraction benchmark's data sets: where each is, how its truth is read, its metric.

Both are read in place beside the project (``../shared/data/NAME``), never copied into it;
each folder's README.md describes the layout and the metric.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from _common import DATA
from extraction_scoring import PageScore, shingle_score, token_score


@dataclass(frozen=True)
class Page:
    id: str
    path: Path
    truth: str
    with_: tuple[str, ...] = ()  # snippets a correct extraction contains (wcxb-dev)
    without: tuple[str, ...] = ()  # snippets of boilerplate it must not contain

    def score(self, data_set: DataSet, text: str) -> PageScore:
        return data_set.metric(self.truth, text, self.with_, self.without)


@dataclass(frozen=True)
class DataSet:
    name: str
    truth_field: str
    metric: Callable[..., PageScore]
    f1_of_averages: bool  # aeb: the F1 of the averaged precision and recall; wcxb-dev: the average page F1

    def truth_file(self, root: Path = DATA) -> Path:
        return root / self.name / "ground-truth.json"

    def pages(self, root: Path = DATA, limit: int | None = None) -> list[Page]:
        """The pages in the order of their ids; the first ``limit`` of them."""
        truth = json.loads(self.truth_file(root).read_text(encoding="utf-8"))
        pages = [
            Page(
                page_id,
                root / self.name / "html" / f"{page_id}.html.gz",
                entry.get(self.truth_field) or "",
                tuple(entry.get("with") or ()),
                tuple(entry.get("without") or ()),
            )
            for page_id, entry in sorted(truth.items())
        ]
        return pages[:limit] if limit else pages


SETS = {
    s.name: s
    for s in (
        DataSet("aeb", "articleBody", shingle_score, f1_of_averages=True),
        DataSet("wcxb-dev", "main_content", token_score, f1_of_averages=False),
    )
}
