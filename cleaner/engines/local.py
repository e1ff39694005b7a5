"""The local engine: a stage run in this process, one unit after the other."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from cleaner.core.stage import Ready, Stage


def imap(stage: Stage, units: Iterable[Any], state: Any) -> Iterator[Any]:
    """The result of ``stage.run(state, unit)`` for each unit, in order."""
    for unit in units:
        yield unit.value if isinstance(unit, Ready) else stage.run(state, unit)
