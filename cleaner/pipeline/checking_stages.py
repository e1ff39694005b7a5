"""The stages of ``check`` that an engine runs (:mod:`cleaner.engines`): checking a file,
and reading and analysing a file for the corpus index. Each worker prepares the rules once;
the functions here are what it runs, and what stands in for a file whose worker died.
"""

from __future__ import annotations

import functools

from cleaner.core.mode import Mode
from cleaner.core.model import InputError
from cleaner.core.settings import Settings
from cleaner.index import Analyze, Copy, Read, read_file
from cleaner.io.atomic import Sweeper
from cleaner.io.files import Source, size_of
from cleaner.pipeline.checking import analyze_source, check_source
from cleaner.pipeline.diagnostics import FileReport
from cleaner.rules import Context, PerFile, make_context


class LazyPerFile:
    """:class:`PerFile` for ``settings``, made when first asked for a file's context: a run
    that reads no file prepares no rules."""

    def __init__(self, settings: Settings):
        self.settings = settings

    @functools.cached_property
    def per_file(self) -> PerFile:
        return PerFile(make_context(self.settings))

    def __call__(self, path: str) -> Context:
        return self.per_file(path)


CheckState = tuple[LazyPerFile, Mode, Sweeper]
ToCheck = tuple[Source, list[Copy]]  # a file, and its paragraphs that copy another file's


def checking_state(settings: Settings, mode: Mode) -> CheckState:
    """What a worker prepares once: the rules (when first needed), the mode, and a sweeper
    of the temporary files that killed runs left beside the files fixed."""
    return LazyPerFile(settings), mode, Sweeper()


def check_file(state: CheckState, unit: ToCheck) -> FileReport:
    """:func:`check_source` as an engine's stage (:mod:`cleaner.engines`)."""
    per_file, mode, sweeper = state
    source, copies = unit
    return check_source(source, per_file, mode, sweeper, copies)


def crashed_file(unit: ToCheck, reason: str) -> FileReport:
    path = unit[0].path
    return FileReport(path, errors=[InputError(path, f"{reason} while checking it")])


def file_cost(unit: ToCheck) -> int:
    return size_of(unit[0].path)


def indexing_state(settings: Settings, signs: bool) -> Analyze:
    """What a worker prepares once to analyse files for the corpus index: checking with
    ``settings`` and, with ``signs``, cleaning with the B and N rules; each context made when
    first needed."""
    checking = functools.cache(lambda: make_context(settings))
    # the same prepared rules, fewer of them: a run that analyses one file prepares them once
    cleaning = functools.cache(lambda: checking().only(tuple(r for r in checking().rules if r.CODE[0] in "BN")))
    return lambda source, data: analyze_source(
        source, data, lambda _: checking(), (lambda _: cleaning()) if signs else None
    )


def index_file(analyze: Analyze, item: tuple[Source, bytes | None]) -> Read:
    """:func:`cleaner.index.read_file` as an engine's stage: the file, and the hash that
    leaves it unanalysed."""
    source, unchanged_if = item
    return read_file(source, unchanged_if, analyze)


def lost_file(item: tuple[Source, bytes | None], reason: str) -> None:
    return None  # the index forgets it; its check, run again, reports the crash


def read_cost(item: tuple[Source, bytes | None]) -> int:
    return size_of(item[0].path)
