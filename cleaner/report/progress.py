"""A progress bar on stderr, shown only to a person watching a terminal."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console


def wants_progress(console: Console) -> bool:
    """Never under pre-commit or CI, nor when stderr is not a terminal."""
    return console.is_terminal and not os.environ.get("PRE_COMMIT") and not os.environ.get("CI")


@contextmanager
def progress_bar(console: Console, enabled: bool = True) -> Iterator[Callable[[], None]]:
    """Yield a callback that counts one document; draws a bar when a person is watching."""
    if not (enabled and wants_progress(console)):
        yield lambda: None
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = (SpinnerColumn(), TextColumn("{task.completed} documents"), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task("cleaning", total=None)
        yield lambda: progress.advance(task)


@contextmanager
def stderr_progress(enabled: bool = True) -> Iterator[Callable[[], None]]:
    """:func:`progress_bar` on stderr, whose console (and rich) is made only when stderr is a
    terminal: a run under a hook or in a pipe does not pay for them."""
    if not (enabled and sys.stderr.isatty()):
        yield lambda: None
        return
    from rich.console import Console

    with progress_bar(Console(stderr=True)) as advance:
        yield advance
