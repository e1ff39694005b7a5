"""The Ray engine: the same stages on Ray Data, on a local Ray instance or a cluster.

The driver (the process that runs ``cleaner``) reads the inputs, as the local engine does,
and hands the documents to the cluster a chunk at a time: the workers need no access to the
input files. The per-document stage (cleaning, for ``dedup``) is a batch map; the corpus
stage is :mod:`cleaner.engines.ray_groups`, whose result (the clusters) is all that comes
back. Ray is imported here and in ``ray_groups`` only, when the engine is asked for: the
rest of cleaner runs without the ``ray`` extra.
"""

from __future__ import annotations

import logging
import pickle
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from cleaner.core.model import Document, InputError
from cleaner.core.settings import Settings
from cleaner.duplicates.corpus import Deduplicated, as_clusters
from cleaner.engines import CleanJob
from cleaner.engines.local import calling
from cleaner.engines.ray_rows import BATCH, dataset, lookup, paragraph_columns, passages
from cleaner.io.files import Source

INSTALL = "pip install 'news-cleaner[ray]'"


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

    def dedup(
        self, paths: Iterable[str], settings: Settings, on_source: Callable[[Source], None] | None = None
    ) -> Deduplicated:
        """What ``LocalEngine.dedup`` finds, the documents read here and prepared on the
        cluster (``compared`` counts every candidate: the rounds of the local engine that skip
        pairs already joined need the pairs in one place)."""
        from cleaner.engines import ray_groups
        from cleaner.io.inputs import read_all
        from cleaner.pipeline.compared import dedup_stage

        dedup_stage(settings)  # a bad gazetteer raises here, before any input is read
        errors: list[InputError] = []
        documents = _documents(read_all(paths, settings, on_source=on_source), errors)
        prepared = (
            dataset(documents)
            .map_batches(_prepare, fn_args=(settings,), batch_format="pyarrow", batch_size=BATCH)
            .materialize()
        )
        counts: Counter = Counter(documents=prepared.count())
        found = []
        for level, stats in (("paragraphs", counts), ("articles", Counter())):
            rows = prepared.map_batches(passages, fn_args=(level,), batch_format="pyarrow").materialize()
            groups = ray_groups.find_groups(rows, settings.dedup, self.partitions, stats)
            found.append(as_clusters(groups, lookup(rows, groups).__getitem__))
        return Deduplicated(found[0], found[1], counts, errors)

    def clean(self, paths: Iterable[str], settings: Settings, job: CleanJob = CleanJob()) -> Iterator[Any]:
        """What ``LocalEngine.clean`` yields: the documents read here, cleaned on the cluster;
        duplicates marked (and dropped) as ``cleaner.duplicates.marks`` does."""
        from cleaner.engines import ray_clean
        from cleaner.io.inputs import read_all
        from cleaner.rules import make_context

        make_context(settings)  # a bad gazetteer raises here, before any input is read
        items = ray_clean.clean(
            read_all(paths, settings, job.exclude), settings, job.marking, job.drop, self.partitions
        )
        return items if job.on_item is None else calling(job.on_item, items)


def _documents(items: Iterable[Any], errors: list[InputError]) -> Iterator[Document]:
    for item in items:
        if isinstance(item, InputError):
            errors.append(item)
        else:
            yield item[1]


def _prepare(batch, settings: Settings):
    """The per-document stage of ``dedup`` in a worker, on a batch of documents. A task, not
    an actor: the rules take milliseconds to prepare, an actor's process seconds to start."""
    from cleaner.pipeline.compared import dedup_stage

    stage = dedup_stage(settings)
    documents = [stage.prepare(pickle.loads(data)) for data in batch.column("item").to_pylist()]
    return paragraph_columns(batch.column("position"), documents, stage.normalize)
