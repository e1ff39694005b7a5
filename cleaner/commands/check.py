"""``check``: the findings of every file of a corpus, copies across files found through the
corpus index; fixed in place or shown as a diff."""

from __future__ import annotations

import functools
import gc
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from cleaner import engines
from cleaner.core.globs import literal_base
from cleaner.core.mode import Mode
from cleaner.core.model import InputError
from cleaner.core.settings import Settings
from cleaner.core.stage import Ready, Stage
from cleaner.index import CorpusIndex, Store, cache_folder
from cleaner.io.files import Source, discover
from cleaner.io.formats import STREAMED
from cleaner.pipeline.checking_stages import check_file, checking_state, crashed_file, file_cost
from cleaner.pipeline.compared import dedup_normalizer
from cleaner.pipeline.diagnostics import FileReport, copy_diagnostics, in_order
from cleaner.rules import duplicate_paragraph


@dataclass
class CheckResult:
    """What ``check`` found in every file, and the inputs that could not be read."""

    files: list = field(default_factory=list)  # FileReport, one a file, in input order
    errors: list[InputError] = field(default_factory=list)
    skipped: int = 0  # named files left out by ``include`` and ``exclude``
    analysed: int = 0  # files read and checked, not taken from the corpus index
    warnings: list[str] = field(default_factory=list)

    @property
    def diagnostics(self) -> list:
        return [d for report in self.files for d in report.diagnostics]


def check(
    paths: Iterable[str],
    settings: Settings = Settings(),
    mode: Mode | str = Mode.CHECK,
    on_file: Callable[[], None] | None = None,
    cache: str | None = "",
) -> CheckResult:
    """Check every file under ``paths`` (the corpus of ``include`` when there are none).

    ``mode`` is :class:`Mode` (or its value): "check" (report only), "fix" (write the fixes
    into the files) or "diff"
    (compute the fixed text, write nothing). Raises ``GazetteerError`` for a bad gazetteer.

    Paragraphs copied from another file of the corpus (the files of ``include`` and those
    given) are found through the corpus index (:mod:`cleaner.index`), kept in ``cache`` (a
    folder; "" for ``.cleaner_cache`` in the project root; None for none: in memory for this
    run). Files the index holds unchanged are not read again when only reporting. Files
    are checked in ``settings.jobs`` processes.
    """
    mode = Mode(mode)
    result = CheckResult()
    paths = list(paths)
    whole_corpus = not paths
    paths = paths or corpus_paths(settings)
    named = [p for p in paths if p != "-" and os.path.isfile(p)]
    result.skipped = sum(not settings.wants(p) for p in named)
    sources: list[Source] = []
    for source in discover(paths, wanted=settings.wants, enter=_corpus_folders(settings, whole_corpus)):
        if isinstance(source, InputError):
            result.errors.append(source)
        else:
            sources.append(source)
    files = [s for s in sources if s.path != "-"]
    corpus = files if whole_corpus or not settings.include else _with_corpus(files, settings)
    try:
        store = Store.open(cache or cache_folder(settings), settings) if cache is not None else Store(None)
    except (OSError, sqlite3.Error) as error:
        result.warnings.append(f"corpus index not used ({error}); this run keeps it in memory")
        store = Store(None)
    try:
        _check_indexed(result, store, sources, corpus, settings, mode, on_file)
    except sqlite3.Error as error:
        if store.path is None:
            raise
        result.warnings.append(f"corpus index {store.path} failed ({error}); checked again without it")
        result.files, result.analysed = [], 0
        _check_indexed(result, Store(None), sources, corpus, settings, mode, on_file)
    finally:
        store.close()
    return result


def _check_indexed(
    result: CheckResult,
    store: Store,
    sources: list[Source],
    corpus: list[Source],
    settings: Settings,
    mode: Mode,
    on_file: Callable[[], None] | None,
) -> None:
    finds_copies = settings.is_selected(duplicate_paragraph.CODE)
    # stdin is not a file, and archives (WARC, Parquet) are read a record at a time, never
    # whole: they are checked each run, their paragraphs not compared with the corpus
    checked = [s for s in sources if s.path != "-" and s.kind not in STREAMED]
    corpus = [s for s in corpus if s.kind not in STREAMED]
    copies: dict = {}
    stored: dict = {}
    name: Callable[[str], str] = os.path.abspath
    index = None
    if mode is Mode.CHECK or finds_copies:  # fixing reads every file anyway: no index without copies
        index = _corpus_index(store, settings)
        name = index.name
        index.update(corpus, on_file)
        result.analysed = index.analysed
    with collector_paused():
        if index is not None:
            copies = index.copies([s.path for s in corpus], [s.path for s in checked])
            stored = index.results(s.path for s in checked) if mode is Mode.CHECK else {}
        reported_in = _Reported(settings)
        units = [_to_check(source, reported_in, copies, stored, name) for source in sources]
    stage = Stage(checking_state, (settings, mode), check_file, crashed_file, file_cost)
    jobs = 1 if any(s.path == "-" for s in sources) else settings.jobs  # workers cannot read stdin
    for report in engines.run(stage, units, jobs):
        result.files.append(report)
        result.errors.extend(report.errors)


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic garbage collection inside: for building a whole corpus's reports from the
    index, some 500,000 small objects that live on and are never in a cycle. Python's
    collector would pass over them again and again as they are made, for nothing: a quarter
    of a 20,000-file re-check's time (``benchmarks/check_index.py``)."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def _to_check(source: Source, reported_in: _Reported, copies: dict, stored: dict, name: Callable[[str], str]):
    """What the check stage takes for ``source`` (the file and its copies of other files'
    paragraphs), or its report, Ready, from what the corpus index stored."""
    path = source.path
    reported = reported_in(path)
    named = name(path) if path != "-" else None
    found = copies.get(named, []) if reported(duplicate_paragraph.CODE) else []
    if named not in stored:
        return source, found
    diagnostics, errors = stored[named]
    kept = [d if d.path == path else d._replace(path=path) for d in diagnostics if reported(d.finding.code)]
    if found:  # the stored ones are in order (checking.in_order)
        kept = in_order(kept + copy_diagnostics(path, found))
    return Ready(FileReport(path, kept, list(errors)))


def _corpus_index(store: Store, settings: Settings) -> CorpusIndex:
    """The index of a run: what it stores does not depend on the rules chosen for the run.

    Files are checked with every rule, no file's rules left out; the findings a run does
    not want are dropped when read. Paragraphs are compared once cleaned by the B and N
    rules with the safe fixes (as ``cleaner clean`` compares them), whatever is chosen. So
    the per-file hook and the corpus hook (``--select D002``) share one index. The files
    are read and analysed in ``settings.jobs`` processes.
    """
    from cleaner.pipeline.checking_stages import index_file, indexing_state, lost_file, read_cost
    from cleaner.rules import RULES

    everything = settings.merged(
        select=tuple(rule.CODE for rule in RULES), ignore=(), per_file_ignores=(), unsafe_fixes=False
    )
    signs = settings.is_selected(duplicate_paragraph.CODE)
    stage = Stage(indexing_state, (everything, signs), index_file, lost_file, read_cost)
    return CorpusIndex(
        store,
        settings,
        lambda items: engines.run(stage, items, settings.jobs),
        paragraphs=signs,
        normalize=dedup_normalizer(everything),
    )


class _Reported:
    """Whether a finding of a code is reported in a file (``self(path)(code)``): selected,
    and not ignored there. Made once a run: each code's selection is worked out once."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.selected = functools.cache(settings.is_selected)

    def __call__(self, path: str) -> Callable[[str], bool]:
        ignored = self.settings.ignored_for(path)
        if not ignored:
            return self.selected
        selected = self.selected
        return lambda code: selected(code) and not any(code.startswith(i) for i in ignored)


def _corpus_folders(settings: Settings, whole_corpus: bool) -> Callable[[str], bool]:
    def enter(folder: str) -> bool:  # the corpus walk passes over hidden folders (.git, .venv)
        hidden = whole_corpus and os.path.basename(folder).startswith(".")
        return not hidden and not settings.excludes(folder)

    return enter


def _with_corpus(files: list[Source], settings: Settings) -> list[Source]:
    """``files`` and the rest of the corpus that ``include`` describes."""
    given = {os.path.abspath(s.path) for s in files}
    rest = [
        s
        for s in discover(corpus_paths(settings), wanted=settings.wants, enter=_corpus_folders(settings, True))
        if not isinstance(s, InputError) and os.path.abspath(s.path) not in given
    ]
    return files + rest


def corpus_paths(settings: Settings) -> list[str]:
    """The folders to walk for the configured corpus: where each ``include`` glob starts,
    the project root for globs without a folder. Nothing without ``include``."""
    bases = sorted({literal_base(glob) for glob in settings.include})
    found = [os.path.join(settings.root, base) if base else settings.root for base in bases]
    return [os.path.relpath(p) for p in found if os.path.exists(p)]
