"""Engines: what runs a stage over a stream of units: in this process, in a process pool, or
on Ray (:mod:`cleaner.engines.ray`, chosen with ``--engine ray``).

A :class:`Stage` is a few plain functions: ``setup(*args)`` builds a worker's state once (the
rules prepared from the settings), ``run(state, unit)`` turns one unit into its result, and
``crashed(unit, reason)`` stands in for the result of a unit whose worker process died. The
stage never knows which engine runs it: :mod:`cleaner.engines.local` calls it in this
process, :mod:`cleaner.engines.pool` in worker processes, and both give the results in input
order. (The Ray engine runs the same per-document work as Ray Data batch maps.)

:func:`run` picks the engine: the pool for more than one job and an input large enough to be
worth the pool's start (about a second: a process that imports cleaner, then a worker per
job that prepares the rules), and of more than one unit; in this process otherwise.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from itertools import chain
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

from cleaner.core.stage import Ready, Stage

if TYPE_CHECKING:
    from cleaner.core.model import InputError
    from cleaner.core.settings import Settings
    from cleaner.duplicates import Deduplicated
    from cleaner.io.files import Source
    from cleaner.pipeline.cleaning import Cleaned

__all__ = ["CleanJob", "Engine", "Ready", "Stage", "cores", "run"]


class CleanJob(NamedTuple):
    """What ``clean`` asks of an engine besides the paths and the settings."""

    exclude: Iterable[str] = ()  # paths never to read (the output)
    marking: bool = False  # duplicates marked in each document's metadata
    drop: bool = False  # and the copies removed
    on_item: Callable[[], None] | None = None  # called once an item is cleaned


class Engine(Protocol):
    """Where ``clean`` and ``dedup`` run their stages. :class:`cleaner.engines.local.LocalEngine`
    runs them on this machine (this process, or a process pool), ``cleaner.engines.ray.RayEngine``
    on Ray Data; both give the same results."""

    def clean(
        self, paths: Iterable[str], settings: Settings, job: CleanJob = CleanJob()
    ) -> Iterator[Cleaned | InputError]:
        """Every document under ``paths`` read and cleaned, and every input error, in input
        order, as ``job`` asks. Raises for a bad gazetteer before any input is read."""
        ...

    def dedup(
        self, paths: Iterable[str], settings: Settings, on_source: Callable[[Source], None] | None = None
    ) -> Deduplicated:
        """The clusters of paragraphs and of articles among the documents under ``paths``, the
        counts of the paragraph stage, and the input errors; ``on_source`` hears of each file
        found. Raises for a bad gazetteer before any input is read."""
        ...


# The input (bytes, by ``Stage.cost``) below which the pool does not pay for its start: one
# core cleans 4 to 5 MB of text or HTML a second, and the pool takes about a second to start
# (a process importing cleaner), so on two cores it saves time from about two seconds' work.
POOL_MIN_COST = 8_000_000


def cores(jobs: int) -> int:
    """The number of jobs to run: ``jobs``, or for 0 one per core this process may use."""
    if jobs > 0:
        return jobs
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def run(stage: Stage, units: Iterable[Any], jobs: int = 1) -> Iterator[Any]:
    """The result of ``stage`` on each unit (or a :class:`Ready` unit's value), in order.

    The stage is set up once here first, so that bad settings (a broken gazetteer) raise
    before anything is read, whichever engine runs it.
    """
    state = stage.setup(*stage.args)
    return _run(stage, iter(units), cores(jobs), state)


def _run(stage: Stage, units: Iterator[Any], jobs: int, state: Any) -> Iterator[Any]:
    from cleaner.engines import local

    if jobs > 1:
        ahead, worth_it = _ahead(units, stage.cost, POOL_MIN_COST)
        units = chain(ahead, units)
        if worth_it:
            from cleaner.engines import pool

            yield from pool.imap(stage, units, jobs)
            return
    yield from local.imap(stage, units, state)


def _ahead(units: Iterator[Any], cost: Callable[[Any], int], enough: int) -> tuple[list, bool]:
    """The first units, until there are two or more costing ``enough`` together (True), or
    no more (False). A single unit (one large file) gains nothing from a pool, and would
    pay for the trip of its results between processes."""
    taken: list[Any] = []
    count = total = 0
    for unit in units:
        taken.append(unit)
        if not isinstance(unit, Ready):
            count, total = count + 1, total + cost(unit)
            if count > 1 and total >= enough:
                return taken, True
    return taken, False
