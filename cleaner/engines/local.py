"""The local engine: the stages on this machine, in this process or in a process pool."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from cleaner.core.model import InputError
from cleaner.core.settings import Settings
from cleaner.core.stage import Ready, Stage
from cleaner.duplicates import Deduplicated
from cleaner.engines import CleanJob
from cleaner.io.files import Source


def imap(stage: Stage, units: Iterable[Any], state: Any) -> Iterator[Any]:
    """The result of ``stage.run(state, unit)`` for each unit, in order."""
    for unit in units:
        yield unit.value if isinstance(unit, Ready) else stage.run(state, unit)


class LocalEngine:
    """``clean`` and ``dedup`` here: files read and cleaned in ``settings.jobs`` processes
    (:func:`cleaner.engines.run`), the corpus stage in this process."""

    def clean(self, paths: Iterable[str], settings: Settings, job: CleanJob = CleanJob()) -> Iterator[Any]:
        from cleaner.duplicates import marks
        from cleaner.engines import run
        from cleaner.pipeline.cleaning import clean_piece, cleaning_state, crashed_piece, piece_cost, pieces
        from cleaner.pipeline.compared import comparison_normalizer

        stage = Stage(cleaning_state, (settings,), clean_piece, crashed_piece, piece_cost)
        results = run(stage, pieces(paths, settings, job.exclude), settings.jobs)
        items: Iterator[Any] = (item for items in results for item in items)
        if job.on_item is not None:  # counted as cleaned, before the corpus stage
            items = calling(job.on_item, items)
        if job.marking:
            items = marks.resolve(items, settings, comparison_normalizer(settings), job.drop)
        return items

    def dedup(
        self, paths: Iterable[str], settings: Settings, on_source: Callable[[Source], None] | None = None
    ) -> Deduplicated:
        from cleaner.duplicates import cluster_passages
        from cleaner.engines import run
        from cleaner.pipeline.cleaning import crashed_piece, piece_cost, pieces
        from cleaner.pipeline.compared import dedup_normalizer, dedup_piece, dedup_state

        stage = Stage(dedup_state, (settings,), dedup_piece, crashed_piece, piece_cost)
        normalize = dedup_normalizer(settings)  # a bad gazetteer raises here, before any input is read
        paragraphs, articles, errors = [], [], []
        for found in run(stage, pieces(paths, settings, on_source=on_source), settings.jobs):
            for item in found:
                if isinstance(item, InputError):
                    errors.append(item)
                else:
                    articles.append(item[0])
                    paragraphs.extend(item[1])
        counts: Counter = Counter(documents=len(articles))
        clusters = cluster_passages(paragraphs, settings.dedup, normalize, counts)
        return Deduplicated(clusters, cluster_passages(articles, settings.dedup, normalize), counts, errors)


def calling(function: Callable[[], None], items: Iterable[Any]) -> Iterator[Any]:
    for item in items:
        function()
        yield item
