"""Which copy of a cluster is canonical: the earliest known date, then the first in input
order. The one definition that the local engine, the Ray engine, ``--drop-duplicates`` and
the corpus index all use."""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def known_date(value: object) -> str:
    """``value`` if it is a date that orders copies (an ISO date, possibly with a time), else ""."""
    return value if isinstance(value, str) and _ISO_DATE.match(value) else ""


def date_ranks(dates: Sequence) -> np.ndarray:
    """Each date's place in the canonical order: known dates (:func:`known_date`) by date,
    then input order; anything else after them, in input order."""
    known = np.array([known_date(d) for d in dates], dtype=str)
    order = np.lexsort((np.arange(len(known)), known, known == ""))
    result = np.empty(len(known), dtype=np.int64)
    result[order] = np.arange(len(known))
    return result


def group_heads(members: np.ndarray, group_of: np.ndarray, starts: np.ndarray, rank: np.ndarray) -> np.ndarray:
    """The canonical member of each group: ``members`` lists the groups one after another
    (``group_of`` each member's group, ``starts`` where each group starts), ``rank`` is each
    member's place in the canonical order."""
    return members[np.lexsort((rank, group_of))[starts]]


def heads(labels: np.ndarray, dates: np.ndarray, items: np.ndarray) -> np.ndarray:
    """For each row, the item that is canonical among the rows of its label; ``items`` are
    the rows' places in input order, ``dates`` their dates ("" where unknown)."""
    by_item = np.argsort(items, kind="stable")
    rank = np.empty(len(items), dtype=np.int64)
    rank[by_item] = date_ranks(dates[by_item].tolist())
    order = np.lexsort((rank, labels))
    ranked = labels[order]
    first = np.concatenate(([True], ranked[1:] != ranked[:-1])) if len(order) else np.zeros(0, bool)
    result = np.empty(len(items), dtype=items.dtype)
    result[order] = items[order][first][np.cumsum(first) - 1]
    return result
