"""The library behind each command. The CLI calls only these functions."""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from cleaner.entities import Matcher, load_gazetteer
from cleaner.fixes import Outcome, fix_until_stable
from cleaner.globs import literal_base
from cleaner.model import Document, Finding, InputError
from cleaner.readers import Source, discover, kind_of, read
from cleaner.rules import Context, PerFile, check_document, make_context
from cleaner.settings import Settings
from cleaner.writers import JsonLines, OutputError, Stdout, TextTree


@dataclass(frozen=True)
class Cleaned:
    """One document before and after cleaning, and where it came from."""

    source: Source
    original: Document
    outcome: Outcome


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


def clean_document(document: Document, context: Context) -> Outcome:
    """Clean one document: check, fix, and check again until nothing changes.

    The rules that rewrite text go first (see ``cleaner.rules``); the findings left are
    those of every stage on the lines that remain. Unsafe fixes apply only when the settings
    allow them (``unsafe_fixes``).
    """
    unsafe = context.settings.unsafe_fixes
    applied: list[Finding] = []
    remaining: list[Finding] = []
    for stage in context.stages:
        memo: dict = {}
        outcome = fix_until_stable(
            document,
            lambda d: check_document(d, stage, memo),
            context.settings.max_fix_passes,
            unsafe,
        )
        document = outcome.document
        applied.extend(outcome.applied)
        remaining.extend(outcome.remaining)
    present = {line.number for line in document.lines}
    return Outcome(document, tuple(applied), tuple(f for f in remaining if f.line in present))


def clean(
    paths: Iterable[str], settings: Settings = Settings(), exclude: Iterable[str] = ()
) -> Iterator[Cleaned | InputError]:
    """Read and clean every document under ``paths``, in input order.

    The rules are prepared before this returns, so a bad gazetteer raises here, not midway.
    """
    return _clean_all(paths, make_context(settings), exclude)


def _clean_all(
    paths: Iterable[str], context: Context, exclude: Iterable[str]
) -> Iterator[Cleaned | InputError]:
    per_file = PerFile(context)
    settings = context.settings
    for source in discover(paths, exclude, settings.wants, lambda f: not settings.excludes(f)):
        if isinstance(source, InputError):
            yield source
            continue
        for item in read(source, context.settings):
            if isinstance(item, InputError):
                yield item
            else:
                yield Cleaned(source, item, clean_document(item, per_file(source.path)))


def single_document_input(paths: list[str]) -> bool:
    """Whether ``paths`` name one document that can go to stdout as plain text."""
    return len(paths) == 1 and (
        paths[0] == "-" or (os.path.isfile(paths[0]) and kind_of(paths[0]) != "jsonl")
    )


def clean_to(
    paths: list[str],
    output: str | None,
    output_format: str = "text",
    settings: Settings = Settings(),
    on_file: Callable[[], None] | None = None,
) -> Summary:
    """Clean ``paths`` and write the results; ``output`` is a folder (text) or a file (jsonl).

    Raises :class:`OutputError` if the jsonl output file is one of the inputs.
    """
    inputs = _inputs_within(output, paths) if output else set()
    if output_format == "jsonl" and output and os.path.realpath(output) in inputs:
        raise OutputError(f"{output} is an input file; refusing to overwrite it")
    items = clean(paths, settings, exclude=[output] if output else [])
    if output_format == "jsonl":
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

    @property
    def diagnostics(self) -> list:
        return [d for report in self.files for d in report.diagnostics]


def check(
    paths: Iterable[str],
    settings: Settings = Settings(),
    mode: str = "check",
    on_file: Callable[[], None] | None = None,
) -> CheckResult:
    """Check every file under ``paths`` (the corpus of ``include`` when there are none).

    ``mode`` is "check" (report only), "fix" (write the fixes into the files) or "diff"
    (compute the fixed text, write nothing). Raises ``GazetteerError`` for a bad gazetteer.
    """
    from cleaner.checking import check_source  # it builds on clean_document, defined here

    per_file = PerFile(make_context(settings))
    result = CheckResult()
    paths = list(paths)
    whole_corpus = not paths
    paths = paths or corpus_paths(settings)
    named = [p for p in paths if p != "-" and os.path.isfile(p)]
    result.skipped = sum(not settings.wants(p) for p in named)

    def enter(folder: str) -> bool:  # the corpus walk passes over hidden folders (.git, .venv)
        hidden = whole_corpus and os.path.basename(folder).startswith(".")
        return not hidden and not settings.excludes(folder)

    for source in discover(paths, wanted=settings.wants, enter=enter):
        if on_file is not None:
            on_file()
        if isinstance(source, InputError):
            result.errors.append(source)
            continue
        report = check_source(source, per_file, mode)
        result.files.append(report)
        result.errors.extend(report.errors)
    return result


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
