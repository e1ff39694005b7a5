"""The one read path: every document under a set of paths, with the file it came from, and
every input that could not be listed or read, in input order."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from cleaner.core.model import Document, InputError
from cleaner.core.settings import Settings
from cleaner.io.files import Source, discover
from cleaner.io.formats import read


def read_all(
    paths: Iterable[str],
    settings: Settings,
    exclude: Iterable[str] = (),
    on_source: Callable[[Source], None] | None = None,
) -> Iterator[tuple[Source, Document] | InputError]:
    """Every document under ``paths`` with the file it came from, in input order, and what
    could not be listed or read; ``on_source`` hears of each file found before it is read."""
    for source in discover(paths, exclude, settings.wants, lambda f: not settings.excludes(f)):
        if isinstance(source, InputError):
            yield source
            continue
        if on_source is not None:
            on_source(source)
        for item in read(source, settings):
            yield item if isinstance(item, InputError) else (source, item)
