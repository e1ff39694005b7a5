"""``dedup``: exact and near-duplicate paragraphs and articles across a corpus."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from cleaner.core.model import InputError
from cleaner.core.settings import Settings
from cleaner.duplicates import Cluster
from cleaner.engines import Engine
from cleaner.engines.local import LocalEngine


@dataclass(frozen=True)
class DedupResult:
    """Duplicate paragraphs and articles across a corpus, and the inputs that failed."""

    clusters: list[Cluster]  # paragraphs
    documents: list[Cluster]  # whole articles
    stats: dict[str, int]
    errors: list[InputError]


def dedup(paths: Iterable[str], settings: Settings = Settings(), engine: Engine | None = None) -> DedupResult:
    """Find exact and near-duplicate paragraphs and articles under ``paths``.

    With ``settings.dedup.clean_first`` (the default) each document is cleaned first, as
    ``clean`` would: boilerplate that differs from site to site is gone and entity names are
    written one way, so copies from different sites agree; lines keep their input numbers.
    Otherwise the raw text is compared, entity names normalized with the gazetteer.
    ``engine`` (e.g. ``cleaner.engines.ray.RayEngine``) runs the stages elsewhere, with the
    same result; None runs them on this machine (:class:`~cleaner.engines.local.LocalEngine`).
    Raises ``GazetteerError`` for a bad gazetteer, before any input is read.
    """
    files: set[str] = set()
    found = (engine or LocalEngine()).dedup(paths, settings, on_source=lambda source: files.add(source.path))
    clusters, documents_found, counts, errors = found
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
