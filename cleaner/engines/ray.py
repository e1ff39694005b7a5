"""The Ray engine: the same stages on Ray Data, on a local Ray instance or a cluster.

The driver (the process that runs ``cleaner``) reads the inputs, as the local engine does,
and hands the documents to the cluster a chunk at a time: the workers need no access to the
input files. The per-document stage (cleaning, for ``dedup``) is a batch map; the corpus
stage is :mod:`cleaner.engines.ray_groups`, whose result (the clusters) is all that comes
back. Ray is imported here and in ``ray_groups`` only, when the engine is asked for: the
rest of cleaner runs without the ``ray`` extra.
"""

from __future__ import annotations

import copyreg
import io
import logging
import pickle
from collections import Counter
from itertools import chain, islice
from types import MappingProxyType
from typing import Any, Iterable, Iterator

import numpy as np

from cleaner.duplicates.corpus import Cluster, Passage, as_clusters, known_date
from cleaner.core.model import Document
from cleaner.core.settings import Settings

INSTALL = "pip install 'news-cleaner[ray]'"
CHUNK = 1000  # documents handed to the cluster at a time
BATCH = 256  # documents cleaned by one task
LINE_BITS = 32  # a paragraph's index: its document's place, then its place in the document


class EngineUnavailable(Exception):
    """The engine cannot run: Ray is not installed, or the cluster cannot be reached."""


class RayEngine:
    """Runs ``dedup`` on Ray. :meth:`connect` starts or joins the Ray instance."""

    def __init__(self, partitions: int):
        self.partitions = partitions  # how many parts each group-by hashes its keys into

    @classmethod
    def connect(cls, address: str | None = None) -> RayEngine:
        """Join the cluster at ``address`` (``auto``, ``ray://head:10001``), or start a local
        Ray instance when there is none; a Ray already initialized in this process is used
        as it is."""
        try:
            import ray
            import ray.data
            from ray.data.context import ShuffleStrategy
        except ImportError as error:
            raise EngineUnavailable(f"--engine ray needs Ray Data: {INSTALL}") from error
        if not ray.is_initialized():
            try:
                ray.init(address=address, include_dashboard=False, log_to_driver=False, logging_level=logging.ERROR)
            except (ConnectionError, RuntimeError, ValueError) as error:
                raise EngineUnavailable(f"cannot reach the Ray cluster at {address}: {error}") from error
        context = ray.data.DataContext.get_current()
        context.enable_progress_bars = False
        # the hash shuffle starts actors for every group-by, seconds each; the dedup stages
        # are many group-bys of modest size, which the sort shuffle's tasks do far sooner
        context.shuffle_strategy = ShuffleStrategy.SORT_SHUFFLE_PULL_BASED
        context.execution_options.preserve_order = True  # cleaned documents come back in order
        logging.getLogger("ray.data").setLevel(logging.ERROR)  # stderr is for cleaner's summary
        return cls(max(1, int(ray.cluster_resources().get("CPU", 1))))

    def dedup(self, documents: Iterable[Document], settings: Settings) -> tuple[list[Cluster], list[Cluster], Counter]:
        """What ``cleaner.commands.dedup.dedup`` finds: the clusters of paragraphs and of articles, and
        the paragraphs' counts (``compared`` counts every candidate: the rounds of the local
        engine that skip pairs already joined need the pairs in one place)."""
        from cleaner.engines import ray_groups

        prepared = dataset(documents).map_batches(
            _prepare, fn_args=(settings,), batch_format="pyarrow", batch_size=BATCH
        ).materialize()
        counts: Counter = Counter(documents=prepared.count())
        found = []
        for level, stats in (("paragraphs", counts), ("articles", Counter())):
            rows = prepared.map_batches(passages, fn_args=(level,), batch_format="pyarrow").materialize()
            groups = ray_groups.find_groups(rows, settings.dedup, self.partitions, stats)
            found.append(as_clusters(groups, lookup(rows, groups).__getitem__))
        return found[0], found[1], counts

    def clean(self, items: Iterable[Any], settings: Settings, marking: bool, drop: bool) -> Iterator[Any]:
        """What ``cleaner.commands.clean.clean`` yields for ``items`` (``(source, document)`` pairs and
        input errors), in order; with ``marking``, duplicates marked (and dropped with
        ``drop``) as ``cleaner.duplicates.marks`` does."""
        from cleaner.engines import ray_clean

        return ray_clean.clean(items, settings, marking, drop, self.partitions)


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
    return ray.data.from_arrow_refs(refs)


def _prepare(batch, settings: Settings):
    """The per-document stage of ``dedup`` in a worker, on a batch of documents. A task, not
    an actor: the rules take milliseconds to prepare, an actor's process seconds to start."""
    from cleaner.pipeline.compared import dedup_stage

    stage = dedup_stage(settings)
    documents = [stage.prepare(pickle.loads(data)) for data in batch.column("item").to_pylist()]
    return paragraph_columns(batch.column("position"), documents, stage.normalize)


def paragraph_columns(position, documents: list[Document | None], normalize) -> Any:
    """What :func:`passages` needs of each document (None: no document, no passages): where
    it came from, its date, and its paragraphs, as they are and as they are compared."""
    import pyarrow as pa

    present = [d for d in documents if d is not None]
    texts = [[line.text for line in d.lines] if d else [] for d in documents]
    compared = iter(normalize(list(chain.from_iterable(texts))) if normalize and present else [])
    return pa.table({
        "position": position,
        "id": [d.id if d else "" for d in documents],
        "path": [d.path if d else "" for d in documents],
        "record": pa.array([d.record if d else None for d in documents], pa.int64()),
        "date": [known_date(d.metadata.get("date")) if d else "" for d in documents],
        "raw_date": [dumps(d.metadata.get("date") if d else None) for d in documents],
        "lines": pa.array([[line.number for line in d.lines] if d else [] for d in documents], pa.list_(pa.int64())),
        "texts": pa.array(texts, pa.list_(pa.string())),
        "compare": pa.array([list(islice(compared, len(t))) for t in texts] if normalize else texts, pa.list_(pa.string())),
        "article": normalize(["\n".join(t) for t in texts]) if normalize and present else ["\n".join(t) for t in texts],
    })


def passages(batch, level: str):
    """One row per passage (paragraph or article): its index in input order, its text to
    compare and its date, and where it came from."""
    import pyarrow as pa
    import pyarrow.compute as pc

    position = batch.column("position").to_numpy()
    if level == "articles":
        texts = pc.binary_join(batch.column("texts"), "\n")
        columns = {"index": position, "compare": batch.column("article"), "text": texts, "line": pa.nulls(len(position), pa.int64())}
        return pa.table({**columns, **{name: batch.column(name) for name in ("id", "path", "record", "date", "raw_date")}})
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
    return pa.table({**columns, **{name: batch.column(name).take(taken) for name in ("id", "path", "record", "date", "raw_date")}})


def lookup(passages, groups) -> dict[int, Passage]:
    """The passages of the clusters, by index, from the cluster: only those come back."""
    import ray

    wanted = np.unique(np.concatenate([[g.canonical] for g in groups] + [g.members for g in groups] or [[]])).astype(np.int64)
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
