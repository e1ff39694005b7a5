"""Documents and passages as the rows of Ray datasets: what the Ray engine's clean and dedup
stages share. pyarrow and Ray are imported when a dataset is made."""

from __future__ import annotations

import copyreg
import io
import pickle
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain, islice
from types import MappingProxyType
from typing import Any

import numpy as np

from cleaner.core.model import Document
from cleaner.duplicates.canonical import known_date
from cleaner.duplicates.corpus import Passage

CHUNK = 1000  # documents handed to the cluster at a time
BATCH = 256  # documents cleaned by one task
LINE_BITS = 32  # a paragraph's index: its document's place, then its place in the document


def dataset(items: Iterable[Any]):
    """``items`` (documents, or what a stage takes) as a dataset of pickled rows (``item``),
    numbered in input order (``position``); the driver holds one chunk at a time, the
    cluster's object store the rest."""
    import pyarrow as pa
    import ray
    import ray.data

    refs = []
    iterator: Iterator[Any] = iter(items)
    start = 0
    while chunk := list(islice(iterator, CHUNK)):
        table = pa.table({"position": np.arange(start, start + len(chunk)), "item": [dumps(d) for d in chunk]})
        refs.append(ray.put(table))
        start += len(chunk)
    if not refs:
        refs.append(ray.put(pa.table({"position": pa.array([], pa.int64()), "item": pa.array([], pa.binary())})))
    return ray.data.from_arrow_refs(refs)  # type: ignore[arg-type]  # Ray's stub: ray.types.ObjectRef, not ray.put's class


def paragraph_columns(position, documents: Sequence[Document | None], normalize) -> Any:
    """What :func:`passages` needs of each document (None: no document, no passages): where
    it came from, its date, and its paragraphs, as they are and as they are compared."""
    import pyarrow as pa

    present = [d for d in documents if d is not None]
    texts = [[line.text for line in d.lines] if d else [] for d in documents]
    compared = iter(normalize(list(chain.from_iterable(texts))) if normalize and present else [])
    return pa.table(
        {
            "position": position,
            "id": [d.id if d else "" for d in documents],
            "path": [d.path if d else "" for d in documents],
            "record": pa.array([d.record if d else None for d in documents], pa.int64()),
            "date": [known_date(d.metadata.get("date")) if d else "" for d in documents],
            "raw_date": [dumps(d.metadata.get("date") if d else None) for d in documents],
            "lines": pa.array(
                [[line.number for line in d.lines] if d else [] for d in documents], pa.list_(pa.int64())
            ),
            "texts": pa.array(texts, pa.list_(pa.string())),
            "compare": pa.array(
                [list(islice(compared, len(t))) for t in texts] if normalize else texts, pa.list_(pa.string())
            ),
            "article": normalize(["\n".join(t) for t in texts])
            if normalize and present
            else ["\n".join(t) for t in texts],
        }
    )


def passages(batch, level: str):
    """One row per passage (paragraph or article): its index in input order, its text to
    compare and its date, and where it came from."""
    import pyarrow as pa
    import pyarrow.compute as pc

    position = batch.column("position").to_numpy()
    if level == "articles":
        texts = pc.binary_join(batch.column("texts"), "\n")
        columns = {
            "index": position,
            "compare": batch.column("article"),
            "text": texts,
            "line": pa.nulls(len(position), pa.int64()),
        }
        return pa.table(
            {**columns, **{name: batch.column(name) for name in ("id", "path", "record", "date", "raw_date")}}
        )
    sizes = pc.list_value_length(batch.column("lines")).to_numpy()
    owner = np.repeat(np.arange(len(position)), sizes)
    within = np.arange(int(sizes.sum())) - np.repeat(np.cumsum(sizes) - sizes, sizes)
    columns = {
        "index": (position[owner] << LINE_BITS) + within,
        "compare": pc.list_flatten(batch.column("compare")),
        "text": pc.list_flatten(batch.column("texts")),
        "line": pc.list_flatten(batch.column("lines")),
    }
    taken = pa.array(owner)
    return pa.table(
        {**columns, **{name: batch.column(name).take(taken) for name in ("id", "path", "record", "date", "raw_date")}}
    )


def lookup(passages, groups) -> dict[int, Passage]:
    """The passages of the clusters, by index, from the cluster: only those come back."""
    import ray

    wanted = np.unique(np.concatenate([[g.canonical] for g in groups] + [g.members for g in groups] or [[]])).astype(
        np.int64
    )
    found = passages.map_batches(_only, fn_args=(wanted,), batch_format="pyarrow")
    result = {}
    for ref in found.to_arrow_refs():
        for row in ray.get(ref).to_pylist():
            date = pickle.loads(row["raw_date"])
            result[row["index"]] = Passage(row["id"], row["path"], row["record"], row["line"], row["text"], date)
    return result


def _only(batch, wanted: np.ndarray):
    import pyarrow as pa

    return batch.filter(pa.array(np.isin(batch.column("index").to_numpy(), wanted)))


def dumps(value: Any) -> bytes:
    """A pickle that carries read-only mappings (documents' metadata) as dicts, read back
    read-only."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = copyreg.dispatch_table.copy()
    pickler.dispatch_table[MappingProxyType] = lambda proxy: (_frozen, (dict(proxy),))
    pickler.dump(value)
    return buffer.getvalue()


def _frozen(mapping: dict) -> MappingProxyType:
    return MappingProxyType(mapping)
