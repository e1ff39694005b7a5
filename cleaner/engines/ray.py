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
from itertools import islice
from types import MappingProxyType
from typing import Any, Iterable, Iterator

import numpy as np

from cleaner.dedup.corpus import Cluster, Passage, as_clusters, known_date
from cleaner.model import Document
from cleaner.settings import Settings

INSTALL = "pip install 'news-cleaner[ray]'"
CHUNK = 1000  # documents handed to the cluster at a time
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
                ray.init(address=address, include_dashboard=False, log_to_driver=False, logging_level=logging.WARNING)
            except (ConnectionError, RuntimeError, ValueError) as error:
                raise EngineUnavailable(f"cannot reach the Ray cluster at {address}: {error}") from error
        context = ray.data.DataContext.get_current()
        context.enable_progress_bars = False
        # the hash shuffle starts actors for every group-by, seconds each; the dedup stages
        # are many group-bys of modest size, which the sort shuffle's tasks do far sooner
        context.shuffle_strategy = ShuffleStrategy.SORT_SHUFFLE_PULL_BASED
        logging.getLogger("ray.data").setLevel(logging.WARNING)
        return cls(max(1, int(ray.cluster_resources().get("CPU", 1))))

    def dedup(self, documents: Iterable[Document], settings: Settings) -> tuple[list[Cluster], list[Cluster], Counter]:
        """What ``cleaner.api.dedup`` finds: the clusters of paragraphs and of articles, and
        the paragraphs' counts (``compared`` counts every candidate: the rounds of the local
        engine that skip pairs already joined need the pairs in one place)."""
        from cleaner.engines import ray_groups

        prepared = _dataset(documents).map_batches(
            _Prepare, fn_constructor_args=(settings,), batch_format="pyarrow", batch_size=64
        ).materialize()
        counts: Counter = Counter(documents=prepared.count())
        found = []
        for level, stats in (("paragraphs", counts), ("articles", Counter())):
            passages = prepared.map_batches(_passages, fn_args=(level,), batch_format="pyarrow").materialize()
            groups = ray_groups.find_groups(passages, settings.dedup, self.partitions, stats)
            found.append(as_clusters(groups, _lookup(passages, groups).__getitem__))
        return found[0], found[1], counts


def _dataset(documents: Iterable[Document]):
    """The documents as a dataset of pickled rows, numbered in input order; the driver holds
    one chunk at a time, the cluster's object store the rest."""
    import pyarrow as pa
    import ray
    import ray.data

    refs = []
    iterator: Iterator[Document] = iter(documents)
    start = 0
    while chunk := list(islice(iterator, CHUNK)):
        table = pa.table({"position": np.arange(start, start + len(chunk)), "document": [_dumps(d) for d in chunk]})
        refs.append(ray.put(table))
        start += len(chunk)
    if not refs:
        refs.append(ray.put(pa.table({"position": pa.array([], pa.int64()), "document": pa.array([], pa.binary())})))
    return ray.data.from_arrow_refs(refs)


class _Prepare:
    """The per-document stage of ``dedup`` in a worker: built once, then a batch at a time."""

    def __init__(self, settings: Settings):
        from cleaner.api import dedup_stage

        self.stage = dedup_stage(settings)

    def __call__(self, batch):
        import pyarrow as pa

        documents = [self.stage.prepare(pickle.loads(data)) for data in batch.column("document").to_pylist()]
        texts = [[line.text for line in d.lines] for d in documents]
        normalize = self.stage.normalize
        return pa.table({
            "position": batch.column("position"),
            "id": [d.id for d in documents],
            "path": [d.path for d in documents],
            "record": pa.array([d.record for d in documents], pa.int64()),
            "date": [known_date(d.metadata.get("date")) for d in documents],
            "raw_date": [_dumps(d.metadata.get("date")) for d in documents],
            "lines": pa.array([[line.number for line in d.lines] for d in documents], pa.list_(pa.int64())),
            "texts": pa.array(texts, pa.list_(pa.string())),
            "compare": pa.array([normalize(t) if normalize else t for t in texts], pa.list_(pa.string())),
            "article": [normalize(["\n".join(t)])[0] if normalize else "\n".join(t) for t in texts],
        })


def _passages(batch, level: str):
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


def _lookup(passages, groups) -> dict[int, Passage]:
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


def _dumps(value: Any) -> bytes:
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
