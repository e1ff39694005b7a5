"""The library behind each command. The CLI calls only these functions."""

from __future__ import annotations

import functools
import gc
import os
import sqlite3
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator, NamedTuple

from cleaner import duplicates, engines
from cleaner.checking import FileReport, copy_diagnostics, in_order
from cleaner.checking_stages import check_file, checking_state, crashed_file, file_cost
from cleaner.cleaning import Cleaned, clean_document, clean_pieces
from cleaner.dedup import Cluster, Passage, cluster_passages
from cleaner.engines import Ready, Stage
from cleaner.entities import Matcher, load_gazetteer
from cleaner.globs import literal_base
from cleaner.index import CorpusIndex, Store, cache_folder
from cleaner.model import Document, InputError
from cleaner.readers import MANY, STREAMED, Source, discover, kind_of, read
from cleaner.rules import Context, PerFile, duplicate_paragraph, make_context
from cleaner.settings import Settings
from cleaner.writers import JsonLines, OutputError, Parquet, Stdout, TextTree

RECORD_FORMATS = ("jsonl", "parquet")  # one record per document, in one file


@dataclass
class Summary:
    """What a run did: counts per rule, and every input that failed."""

    files: int = 0
    documents: int = 0
    lines_in: int = 0
    lines_out: int = 0
    removed: Counter = field(default_factory=Counter)
    edited: Counter = field(default_factory=Counter)
    errors: list[InputError] = field(default_factory=list)

    def count(self, cleaned: Cleaned) -> None:
        self.documents += 1
        self.lines_in += len(cleaned.original.lines)
        self.lines_out += len(cleaned.outcome.document.lines)
        for finding in cleaned.outcome.applied:
            edits = finding.fix.edits if finding.fix else ()
            counter = self.removed if any(e.removes_line for e in edits) else self.edited
            counter[(finding.code, finding.name)] += 1


def clean(
    paths: Iterable[str], settings: Settings = Settings(), exclude: Iterable[str] = ()
) -> Iterator[Cleaned | InputError]:
    """Read and clean every document under ``paths``, in input order, with ``settings.jobs``
    processes (see :mod:`cleaner.engines`).

    The rules are prepared before this returns, so a bad gazetteer raises here, not midway.
    """
    return clean_pieces(paths, settings, exclude)


def read_all(
    paths: Iterable[str], settings: Settings, exclude: Iterable[str] = ()
) -> Iterator[tuple[Source, Document] | InputError]:
    """Every document under ``paths`` with the file it came from, in input order, and what
    could not be read (what the Ray engine cleans)."""
    for source in discover(paths, exclude, settings.wants, lambda f: not settings.excludes(f)):
        if isinstance(source, InputError):
            yield source
            continue
        for item in read(source, settings):
            yield item if isinstance(item, InputError) else (source, item)


def cleaning_stage(context: Context) -> Callable[[Source, Document], Cleaned]:
    """The per-document stage of ``clean``, with the rules of each file's ``per-file-ignores``."""
    per_file = PerFile(context)
    return lambda source, document: Cleaned(source, document, clean_document(document, per_file(source.path)))


def single_document_input(paths: list[str]) -> bool:
    """Whether ``paths`` name one document that can go to stdout as plain text."""
    return len(paths) == 1 and (
        paths[0] == "-" or (os.path.isfile(paths[0]) and kind_of(paths[0]) not in MANY)
    )


def clean_to(
    paths: list[str],
    output: str | None,
    output_format: str = "text",
    settings: Settings = Settings(),
    on_file: Callable[[], None] | None = None,
    drop_duplicates: bool = False,
    engine=None,
) -> Summary:
    """Clean ``paths`` and write the results; ``output`` is a folder (text) or a file (jsonl,
    parquet).

    With jsonl or parquet output, paragraphs copied across articles are marked in each record's
    metadata (``duplicates``); ``drop_duplicates`` also removes every copy but the canonical
    one (:mod:`cleaner.duplicates`). Both need the whole corpus before the first record is
    written: the cleaned documents wait in a temporary file.

    ``engine`` (e.g. ``cleaner.engines.ray.RayEngine``) cleans the documents and marks the
    duplicates elsewhere, with the same result; None does it here.

    Raises :class:`OutputError` if the output file is one of the inputs, or Parquet output
    lacks its library.
    """
    inputs = _inputs_within(output, paths) if output else set()
    if output_format in RECORD_FORMATS and output and os.path.realpath(output) in inputs:
        raise OutputError(f"{output} is an input file; refusing to overwrite it")
    exclude = [output] if output else []
    marking = output_format in RECORD_FORMATS or drop_duplicates
    if engine is not None:
        make_context(settings)  # a bad gazetteer raises here, before any input is read
        items = engine.clean(read_all(paths, settings, exclude), settings, marking, drop_duplicates)
    else:
        items = clean(paths, settings, exclude=exclude)
    if engine is None and marking:
        # progress is counted as documents are cleaned, before the corpus stage
        counted = items if on_file is None else _calling(on_file, items)
        items = duplicates.resolve(counted, settings, _comparison_normalizer(settings), drop_duplicates)
        on_file = None
    if output_format == "parquet":
        writer = Parquet(output)
    elif output_format == "jsonl":
        writer = JsonLines(output)
    elif output is None:
        writer = Stdout()
    else:
        writer = TextTree(output, inputs)
    summary = Summary()
    files: set[str] = set()
    try:
        for item in items:
            if on_file is not None:
                on_file()
            if isinstance(item, InputError):
                files.add(item.path)
                summary.errors.append(item)
                continue
            files.add(item.source.path)
            try:
                writer.write(item.source.relative, item.outcome, item.original)
            except (OutputError, OSError) as error:
                summary.errors.append(InputError(item.original.path, f"not written: {error}"))
                continue
            summary.count(item)
    except BaseException:
        writer.close(commit=False)
        raise
    writer.close()
    summary.files = len(files)
    return summary


def _calling(function: Callable[[], None], items: Iterable) -> Iterator:
    for item in items:
        function()
        yield item


def _comparison_normalizer(settings: Settings) -> Callable[[list[str]], list[str]] | None:
    """What writes entity variants one way before paragraphs are compared: nothing when the
    N rules have run, else the gazetteer's matcher."""
    if settings.is_selected("N001"):
        return None
    return _gazetteer_normalizer(settings)


def _gazetteer_normalizer(settings: Settings) -> Callable[[list[str]], list[str]]:
    return Matcher(load_gazetteer(settings.entity_files)).normalize_all


def _inputs_within(output: str, paths: Iterable[str]) -> set[str]:
    """The input files (real paths) that writing under ``output`` could replace.

    Only when the output and an input overlap (one holds the other) are the inputs listed:
    a corpus is not walked twice for nothing.
    """
    out = os.path.realpath(output)
    given = [os.path.realpath(p) for p in paths if p != "-"]
    if not any(os.path.commonpath([out, p]) in (out, p) for p in given):
        return set()
    return {
        os.path.realpath(s.path)
        for s in discover(paths)
        if not isinstance(s, InputError) and s.path != "-"
    }


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
    mode: str = "check",
    on_file: Callable[[], None] | None = None,
    cache: str | None = "",
) -> CheckResult:
    """Check every file under ``paths`` (the corpus of ``include`` when there are none).

    ``mode`` is "check" (report only), "fix" (write the fixes into the files) or "diff"
    (compute the fixed text, write nothing). Raises ``GazetteerError`` for a bad gazetteer.

    Paragraphs copied from another file of the corpus (the files of ``include`` and those
    given) are found through the corpus index (:mod:`cleaner.index`), kept in ``cache`` (a
    folder; "" for ``.cleaner_cache`` in the project root; None for none: in memory for this
    run). Files the index holds unchanged are not read again when only reporting. Files
    are checked in ``settings.jobs`` processes.
    """
    result = CheckResult()
    paths = list(paths)
    whole_corpus = not paths
    paths = paths or corpus_paths(settings)
    named = [p for p in paths if p != "-" and os.path.isfile(p)]
    result.skipped = sum(not settings.wants(p) for p in named)
    sources = []
    for source in discover(paths, wanted=settings.wants, enter=_corpus_folders(settings, whole_corpus)):
        (result.errors if isinstance(source, InputError) else sources).append(source)
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
    mode: str,
    on_file: Callable[[], None] | None,
) -> None:
    finds_copies = settings.is_selected(duplicate_paragraph.CODE)
    # stdin is not a file, and archives (WARC, Parquet) are read a record at a time, never
    # whole: they are checked each run, their paragraphs not compared with the corpus
    checked = [s for s in sources if s.path != "-" and s.kind not in STREAMED]
    corpus = [s for s in corpus if s.kind not in STREAMED]
    copies: dict = {}
    stored: dict = {}
    name = os.path.abspath
    index = None
    if mode == "check" or finds_copies:  # fixing reads every file anyway: no index without copies
        index = _corpus_index(store, settings)
        name = index.name
        index.update(corpus, on_file)
        result.analysed = index.analysed
    with collector_paused():
        if index is not None:
            copies = index.copies([s.path for s in corpus], [s.path for s in checked])
            stored = index.results(s.path for s in checked) if mode == "check" else {}
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
    from cleaner.checking_stages import index_file, indexing_state, lost_file, read_cost
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
        normalize=None if settings.dedup.clean_first else _gazetteer_normalizer(settings),
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


@dataclass(frozen=True)
class ExampleResult:
    """One gazetteer example: the entity, its input, the expected and the actual output."""

    canonical: str
    text: str
    expected: str
    actual: str

    @property
    def passed(self) -> bool:
        return self.actual == self.expected


def run_gazetteer_examples(entity_files: Iterable[str] = ()) -> list[ExampleResult]:
    """Run the examples of every entry (the default's and the files'), matched as ``clean`` does."""
    entities = load_gazetteer(entity_files)
    matcher = Matcher(entities)
    return [
        ExampleResult(entity.canonical, text, expected, matcher.normalize(text))
        for entity in entities
        for text, expected in entity.examples
    ]


@dataclass(frozen=True)
class DedupResult:
    """Duplicate paragraphs and articles across a corpus, and the inputs that failed."""

    clusters: list[Cluster]  # paragraphs
    documents: list[Cluster]  # whole articles
    stats: dict[str, int]
    errors: list[InputError]


class DedupStage(NamedTuple):
    """What ``dedup`` does to each document before comparing: the per-document stage an
    engine runs wherever it likes."""

    prepare: Callable[[Document], Document]  # cleaned (lines keep their input numbers), or as read
    normalize: Callable[[list[str]], list[str]] | None  # entity variants written one way, if needed


def dedup_stage(settings: Settings) -> DedupStage:
    """The per-document stage of ``dedup``: with ``settings.dedup.clean_first`` (the default)
    each document is cleaned as ``clean`` would; otherwise the raw text is compared, entity
    names normalized with the gazetteer. Raises ``GazetteerError`` for a bad gazetteer."""
    if not settings.dedup.clean_first:
        return DedupStage(lambda document: document, _gazetteer_normalizer(settings))
    # the D rules would remove the copies this command reports
    context = make_context(settings.merged(ignore=settings.ignore + ("D",)))
    return DedupStage(lambda document: clean_document(document, context).document, _comparison_normalizer(settings))


def passages_of(document: Document) -> tuple[Passage, list[Passage]]:
    """A document as a whole article, and as its paragraphs."""
    date = document.metadata.get("date")
    article = Passage(document.id, document.path, document.record, None, document.text, date)
    return article, [Passage(document.id, document.path, document.record, line.number, line.text, date) for line in document.lines]


def dedup(paths: Iterable[str], settings: Settings = Settings(), engine=None) -> DedupResult:
    """Find exact and near-duplicate paragraphs and articles under ``paths``.

    With ``settings.dedup.clean_first`` (the default) each document is cleaned first, as
    ``clean`` would: boilerplate that differs from site to site is gone and entity names are
    written one way, so copies from different sites agree; lines keep their input numbers.
    Otherwise the raw text is compared, entity names normalized with the gazetteer.
    ``engine`` (e.g. ``cleaner.engines.ray.RayEngine``) runs the stages elsewhere, with the
    same result; None runs them here.
    """
    stage = dedup_stage(settings)  # a bad gazetteer raises here, before any input is read
    errors: list[InputError] = []
    files: set[str] = set()
    documents = _documents(paths, settings, errors, files)
    if engine is None:
        found = _dedup_here(documents, settings, stage)
    else:
        found = engine.dedup(documents, settings)
    clusters, documents_found, counts = found
    stats = {
        "files": len(files),
        "documents": counts["documents"],
        "paragraphs": counts["passages"],
        "paragraph_clusters": len(clusters),
        "duplicate_paragraphs": sum(len(c.members) for c in clusters),
        "exact_duplicate_paragraphs": counts["exact_copies"],
        "candidate_pairs": counts["candidates"],
        "compared_pairs": counts["compared"],
        "document_clusters": len(documents_found),
        "duplicate_documents": sum(len(c.members) for c in documents_found),
        "errors": len(errors),
    }
    return DedupResult(clusters, documents_found, stats, errors)


def _documents(paths: Iterable[str], settings: Settings, errors: list[InputError], files: set[str]) -> Iterator[Document]:
    """Every document read under ``paths``; what cannot be read goes to ``errors``."""
    for source in discover(paths):
        if isinstance(source, InputError):
            errors.append(source)
            continue
        files.add(source.path)
        for item in read(source, settings):
            if isinstance(item, InputError):
                errors.append(item)
            else:
                yield item


def _dedup_here(documents: Iterable[Document], settings: Settings, stage: DedupStage) -> tuple[list[Cluster], list[Cluster], Counter]:
    """The clusters of paragraphs and of articles, and the paragraphs' counts, in this process."""
    paragraphs: list[Passage] = []
    articles: list[Passage] = []
    for document in documents:
        article, lines = passages_of(stage.prepare(document))
        articles.append(article)
        paragraphs.extend(lines)
    counts: Counter = Counter(documents=len(articles))
    clusters = cluster_passages(paragraphs, settings.dedup, stage.normalize, counts)
    return clusters, cluster_passages(articles, settings.dedup, stage.normalize), counts
