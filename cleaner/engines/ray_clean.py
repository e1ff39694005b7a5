"""``clean`` on Ray: each document cleaned in a batch map, duplicates marked on the cluster.

The documents come back to the driver in input order, to be written there; the paragraphs
go through the dedup stages of :mod:`cleaner.engines.ray_groups`, and only the clusters come
back, as the marks :mod:`cleaner.duplicates.marks` puts on each document.
"""

from __future__ import annotations

import pickle
from collections.abc import Iterable, Iterator
from typing import Any

import numpy as np

from cleaner.core.model import InputError
from cleaner.core.settings import Settings
from cleaner.duplicates import marks as duplicates
from cleaner.duplicates.corpus import Group, Passage
from cleaner.engines import ray_groups
from cleaner.engines.ray_rows import BATCH, LINE_BITS, dataset, dumps, lookup, paragraph_columns, passages


def clean(items: Iterable[Any], settings: Settings, marking: bool, drop: bool, partitions: int) -> Iterator[Any]:
    """The cleaned ``items`` and the input errors, in order (see ``RayEngine.clean``)."""
    cleaned = (
        dataset(items)
        .map_batches(_clean, fn_args=(settings, marking), batch_format="pyarrow", batch_size=BATCH)
        .materialize()
    )
    marks: dict[int, list[duplicates.Mark]] = {}
    if marking:
        rows = cleaned.map_batches(passages, fn_args=("paragraphs",), batch_format="pyarrow").materialize()
        groups = ray_groups.find_groups(rows, settings.dedup, partitions)
        marks = _marks(groups, lookup(rows, groups))
    for batch in cleaned.select_columns(["position", "item"]).iter_batches(batch_format="pyarrow"):
        for position, data in zip(batch.column("position").to_pylist(), batch.column("item").to_pylist()):
            item = pickle.loads(data)
            if marking and not isinstance(item, InputError):
                item = duplicates.marked(item, marks.get(position, []), drop)
            yield item


def _clean(batch, settings: Settings, marking: bool):
    """The per-document stage of ``clean`` in a worker (a task: see ``ray._prepare``), and
    the paragraphs to compare when duplicates are marked."""
    from cleaner.pipeline.cleaning import document_cleaner
    from cleaner.pipeline.compared import comparison_normalizer
    from cleaner.rules import make_context

    clean_one = document_cleaner(make_context(settings))
    found = [pickle.loads(data) for data in batch.column("item").to_pylist()]
    found = [clean_one(*item) if isinstance(item, tuple) else item for item in found]
    documents = [None if isinstance(item, InputError) or not marking else item.outcome.document for item in found]
    normalize = comparison_normalizer(settings) if marking else None
    table = paragraph_columns(batch.column("position"), documents, normalize)
    return table.append_column("item", [[dumps(item) for item in found]])


def _marks(groups: list[Group], passage: dict[int, Passage]) -> dict[int, list[duplicates.Mark]]:
    """The marks of each document (by position) with paragraphs in a cluster spanning
    articles, clusters numbered from 1 in their order."""
    found: dict[int, list[duplicates.Mark]] = {}
    number = 0
    for group in groups:
        owner = group.canonical >> LINE_BITS
        owners = group.members >> LINE_BITS
        if np.all(owners == owner):
            continue  # copies inside one article: repeated-paragraph's business
        number += 1
        head = passage[group.canonical]
        assert head.line is not None  # the passages are paragraphs, each with its line
        where = {"path": head.path, **({"record": head.record} if head.record is not None else {}), "line": head.line}
        found.setdefault(owner, []).append(duplicates.Mark(head.line, number, where, 1.0, False))
        for member, member_owner, similarity in zip(
            group.members.tolist(), owners.tolist(), group.similarities.tolist()
        ):
            line = passage[member].line
            assert line is not None
            mark = duplicates.Mark(line, number, where, similarity, member_owner != owner)
            found.setdefault(member_owner, []).append(mark)
    return found
