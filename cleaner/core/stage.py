"""A stage: the per-unit work an engine runs (:mod:`cleaner.engines`), as plain functions.

The stage never knows which engine runs it: in this process, in worker processes, or on Ray.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Ready:
    """A result known without running the stage (an input that could not be listed): it
    takes its place in the output order and goes to no worker."""

    value: Any


@dataclass(frozen=True)
class Stage:
    """The functions an engine runs; each must be a module-level function, so that worker
    processes can import it."""

    setup: Callable[..., Any]  # (*args) -> state, once per worker
    args: tuple  # picklable: the frozen settings, a mode
    run: Callable[[Any, Any], Any]  # (state, unit) -> result
    crashed: Callable[[Any, str], Any]  # (unit, reason) -> result, for a worker that died
    cost: Callable[[Any], int]  # (unit) -> bytes of input, about: how work is batched
