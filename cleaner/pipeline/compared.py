"""What duplicate detection compares: each document cleaned (or as read) and its entity
names written one way; the per-document stage of ``dedup`` that every engine runs."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from cleaner.core.model import Document, InputError
from cleaner.core.settings import Settings
from cleaner.duplicates import Passage
from cleaner.entities import Matcher, load_gazetteer
from cleaner.pipeline.cleaning import Piece, clean_document, read_piece
from cleaner.rules import Context, make_context


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
        return DedupStage(lambda document: document, dedup_normalizer(settings))
    # the D rules would remove the copies this command reports
    context = make_context(settings.merged(ignore=settings.ignore + ("D",)))
    return DedupStage(lambda document: compared(document, context), dedup_normalizer(settings))


def compared(document: Document, cleaning: Context) -> Document:
    """``document`` as its paragraphs are compared: with ``dedup.clean_first`` (the default)
    cleaned by ``cleaning`` (rules without the D ones, whose fixes would remove the very
    copies), lines keeping their input numbers; otherwise as read."""
    if not cleaning.settings.dedup.clean_first:
        return document
    return clean_document(document, cleaning).document


def dedup_normalizer(settings: Settings) -> Callable[[list[str]], list[str]] | None:
    """What writes entity variants one way before ``dedup`` compares: the gazetteer's matcher
    on raw text, nothing on text the N rules cleaned."""
    return comparison_normalizer(settings) if settings.dedup.clean_first else gazetteer_normalizer(settings)


def dedup_state(settings: Settings) -> tuple[DedupStage, Settings]:
    """What a worker prepares once for ``dedup``: the stage, and the settings to read with."""
    return dedup_stage(settings), settings


def dedup_piece(state: tuple[DedupStage, Settings], piece: Piece) -> list[tuple[Passage, list[Passage]] | InputError]:
    """Each document of one piece as an article and its paragraphs, prepared for comparing;
    the errors that stopped any from being read."""
    stage, settings = state
    return [
        item if isinstance(item, InputError) else passages_of(stage.prepare(item))
        for item in read_piece(piece, settings)
    ]


def passages_of(document: Document) -> tuple[Passage, list[Passage]]:
    """A document as a whole article, and as its paragraphs."""
    date = document.metadata.get("date")
    article = Passage(document.id, document.path, document.record, None, document.text, date)
    return article, [
        Passage(document.id, document.path, document.record, line.number, line.text, date) for line in document.lines
    ]
