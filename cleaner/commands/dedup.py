"""``dedup``: exact and near-duplicate paragraphs and articles across a corpus."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Iterator

from cleaner.core.model import Document, InputError
from cleaner.core.settings import Settings
from cleaner.duplicates import Cluster, Passage, cluster_passages
from cleaner.io.inputs import read_all
from cleaner.pipeline.compared import DedupStage, dedup_stage, passages_of


@dataclass(frozen=True)
class DedupResult:
    """Duplicate paragraphs and articles across a corpus, and the inputs that failed."""

    clusters: list[Cluster]  # paragraphs
    documents: list[Cluster]  # whole articles
    stats: dict[str, int]
    errors: list[InputError]


def dedup(paths: Iterable[str], settings: Settings = Settings(), engine=None) -> DedupResult:
    """Find exact and near-duplicate paragraphs and articles under ``paths``.

    With ``settings.dedup.clean_first`` (the default) each document is cleaned first, as
    ``clean`` would: boilerplate that differs from site to site is gone and entity names are
    written one way, so copies from different sites agree; lines keep their input numbers.
    Otherwise the raw text is compared, entity names normalized with the gazetteer.
    ``engine`` (e.g. ``cleaner.engines.ray.RayEngine``) runs the stages elsewhere, with the
    same result; None runs them here.
    """
    stage = dedup_stage(settings)  # a bad gazetteer raises here, before any input is read
    errors: list[InputError] = []
    files: set[str] = set()
    documents = _documents(paths, settings, errors, files)
    if engine is None:
        found = _dedup_here(documents, settings, stage)
    else:
        found = engine.dedup(documents, settings)
    clusters, documents_found, counts = found
    stats = {
        "files": len(files),
        "documents": counts["documents"],
        "paragraphs": counts["passages"],
        "paragraph_clusters": len(clusters),
        "duplicate_paragraphs": sum(len(c.members) for c in clusters),
        "exact_duplicate_paragraphs": counts["exact_copies"],
        "candidate_pairs": counts["candidates"],
        "compared_pairs": counts["compared"],
        "document_clusters": len(documents_found),
        "duplicate_documents": sum(len(c.members) for c in documents_found),
        "errors": len(errors),
    }
    return DedupResult(clusters, documents_found, stats, errors)


def _documents(paths: Iterable[str], settings: Settings, errors: list[InputError], files: set[str]) -> Iterator[Document]:
    """Every document read under ``paths``; what cannot be read goes to ``errors``."""
    for item in read_all(paths, settings, on_source=lambda source: files.add(source.path)):
        if isinstance(item, InputError):
            errors.append(item)
        else:
            yield item[1]


def _dedup_here(documents: Iterable[Document], settings: Settings, stage: DedupStage) -> tuple[list[Cluster], list[Cluster], Counter]:
    """The clusters of paragraphs and of articles, and the paragraphs' counts, in this process."""
    paragraphs: list[Passage] = []
    articles: list[Passage] = []
    for document in documents:
        article, lines = passages_of(stage.prepare(document))
        articles.append(article)
        paragraphs.extend(lines)
    counts: Counter = Counter(documents=len(articles))
    clusters = cluster_passages(paragraphs, settings.dedup, stage.normalize, counts)
    return clusters, cluster_passages(articles, settings.dedup, stage.normalize), counts
