"""A document's language, told from its text. The only module that imports py3langid.

py3langid (a maintained fork of langid.py) ships its model inside the wheel, needs nothing
but numpy, and tells a news article's language in about a millisecond; its model is loaded
once per process, when the first document is read (a third of a second). A text too short
or too mixed to tell is ``und`` (undetermined, as ISO 639 writes it).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

UNDETERMINED = "und"
DEFAULT = ("en",)  # what phrase lists and gazetteer entries are written for unless they say
CONFIDENCE = 0.5  # below this probability the language is not told
SAMPLE = 5000  # characters read: an article's language shows in its first paragraphs


def detect(text: str) -> str:
    """The ISO 639-1 code of ``text``'s language, or ``und``."""
    language, _ = _identifier().classify(text[:SAMPLE])
    return str(language)


def applies(languages: Sequence[str], language: str | None) -> bool:
    """Whether what is written for ``languages`` (phrases, gazetteer entries) applies to a
    document of ``language``: always when its language is not told."""
    return language is None or language == UNDETERMINED or language in languages


def primary(tag: object) -> str | None:
    """The language of a declared tag ("en-US" -> "en"), or None if it is not one."""
    if not isinstance(tag, str):
        return None
    code = tag.strip().replace("_", "-").split("-")[0].lower()
    return code if code.isalpha() and 2 <= len(code) <= 3 else None


def with_language(metadata: dict[str, Any], text: str) -> dict[str, Any]:
    """``metadata`` with the text's ``language``; a declared one (the page's, the record's)
    that differs is kept as ``page_language``. An undetermined text takes the declared one."""
    detected = detect(text)
    declared = metadata.get("language")
    said = primary(declared)
    if detected == UNDETERMINED and said:
        detected = said
    found = dict(metadata)
    if declared is not None and said != detected:
        found["page_language"] = declared
    found["language"] = detected
    return found


@functools.cache  # the model, not results: it is the same for every document of a run
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True, min_confidence=CONFIDENCE)
