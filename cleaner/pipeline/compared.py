"""What duplicate detection compares: each document cleaned (or as read) and its entity
names written one way; the per-document stage of ``dedup`` that every engine runs."""

from __future__ import annotations

from typing import Callable, NamedTuple

from cleaner.core.model import Document
from cleaner.core.settings import Settings
from cleaner.duplicates import Passage
from cleaner.entities import Matcher, load_gazetteer
from cleaner.pipeline.cleaning import clean_document
from cleaner.rules import make_context


def comparison_normalizer(settings: Settings) -> Callable[[list[str]], list[str]] | None:
    """What writes entity variants one way before paragraphs are compared: nothing when the
    N rules have run, else the gazetteer's matcher."""
    if settings.is_selected("N001"):
        return None
    return gazetteer_normalizer(settings)


def gazetteer_normalizer(settings: Settings) -> Callable[[list[str]], list[str]]:
    return Matcher(load_gazetteer(settings.entity_files)).normalize_all


class DedupStage(NamedTuple):
    """What ``dedup`` does to each document before comparing: the per-document stage an
    engine runs wherever it likes."""

    prepare: Callable[[Document], Document]  # cleaned (lines keep their input numbers), or as read
    normalize: Callable[[list[str]], list[str]] | None  # entity variants written one way, if needed


def dedup_stage(settings: Settings) -> DedupStage:
    """The per-document stage of ``dedup``: with ``settings.dedup.clean_first`` (the default)
    each document is cleaned as ``clean`` would; otherwise the raw text is compared, entity
    names normalized with the gazetteer. Raises ``GazetteerError`` for a bad gazetteer."""
    if not settings.dedup.clean_first:
        return DedupStage(lambda document: document, gazetteer_normalizer(settings))
    # the D rules would remove the copies this command reports
    context = make_context(settings.merged(ignore=settings.ignore + ("D",)))
    return DedupStage(lambda document: clean_document(document, context).document, comparison_normalizer(settings))


def passages_of(document: Document) -> tuple[Passage, list[Passage]]:
    """A document as a whole article, and as its paragraphs."""
    date = document.metadata.get("date")
    article = Passage(document.id, document.path, document.record, None, document.text, date)
    return article, [Passage(document.id, document.path, document.record, line.number, line.text, date) for line in document.lines]
