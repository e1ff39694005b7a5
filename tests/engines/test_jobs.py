"""Cleaning and checking with several jobs: the same output as one, errors in their place,
progress counted per document, and workers that crash or take too long.

The pool starts only for an input large enough to pay for it; these tests lower that
threshold so that their small corpora run in worker processes.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import signal
import time
from functools import partial
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from cleaner import clean_to, engines
from cleaner.cli import main
from cleaner.core.settings import Settings
from cleaner.engines import Stage
from cleaner.pipeline.cleaning import (
    clean_piece,
    cleaning_state,
    crashed_piece,
    piece_cost,
    pieces,
)
from tests.io.test_warc import records as warc_records

ROOT = Path(__file__).resolve().parent.parent.parent
ARTICLE = "Published: May 2, 2024\nBy Jane Doe\nFloods close the coast road\nThe road reopened on Monday, the USA said.\nLike this:\n"


@pytest.fixture(autouse=True)
def pool_for_any_input(monkeypatch):
    monkeypatch.setattr(engines, "POOL_MIN_COST", 0)


@pytest.fixture
def corpus(tmp_path):
    """Every kind of input, good and bad, with a JSON Lines feed larger than one batch, a WARC
    crawl and a Parquet file."""
    folder = tmp_path / "corpus"
    shutil.copytree(ROOT / "fixtures" / "bad", folder / "bad", ignore=shutil.ignore_patterns("*.py"))
    shutil.copytree(ROOT / "fixtures" / "clean", folder / "clean")
    shutil.copytree(ROOT / "seeds", folder / "seeds")
    rows = [{"id": str(n), "text": ARTICLE.replace("2", str(n))} for n in range(200)]
    lines = [json.dumps(row) for row in rows]
    lines[150] = "{not json"
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "crawl.warc").write_bytes(b"".join(warc_records()))
    table = pa.table(
        {"id": [f"p{n}" for n in range(80)], "text": [ARTICLE.replace("May", f"May {n},") for n in range(80)]}
    )
    pq.write_table(table, folder / "rows.parquet", row_group_size=30)
    return folder


def run_clean(capsys, *argv: str) -> tuple[int, str, list[str]]:
    code = main(["clean", *argv, "--quiet"])
    captured = capsys.readouterr()
    return code, captured.out, captured.err.splitlines()


def test_two_jobs_write_what_one_writes_byte_for_byte(corpus, tmp_path, capsys):
    one = run_clean(capsys, str(corpus), "--format", "jsonl", "--jobs", "1")
    two = run_clean(capsys, str(corpus), "--format", "jsonl", "--jobs", "2")
    assert one == two
    code, out, errors = two
    assert code == 1 and len(out.splitlines()) > 200
    paths = [json.loads(line)["path"] for line in out.splitlines()]
    assert paths.count(str(corpus / "rows.parquet")) == 80 and str(corpus / "crawl.warc") in paths
    assert any("feed.jsonl:151: invalid JSON" in e for e in errors)
    for jobs in ("1", "2"):
        assert run_clean(capsys, str(corpus), "-o", str(tmp_path / f"out{jobs}"), "-j", jobs)[0] == 1
    assert _tree(tmp_path / "out1") == _tree(tmp_path / "out2") != {}


def test_duplicates_are_marked_alike_with_two_jobs(corpus, capsys):
    feed = str(corpus / "feed.jsonl")
    one = run_clean(capsys, feed, "--format", "jsonl", "--drop-duplicates", "--jobs", "1")
    assert one == run_clean(capsys, feed, "--format", "jsonl", "--drop-duplicates", "--jobs", "2")
    assert '"D002"' in one[1]


def test_dedup_with_two_jobs_finds_what_one_does(corpus, capsys):
    found = []
    for jobs in ("1", "2"):
        code = main(["dedup", str(corpus), "--output-format", "json", "--jobs", jobs])
        captured = capsys.readouterr()
        found.append((code, json.loads(captured.out), captured.err))
    assert found[0] == found[1]
    code, result, err = found[1]
    assert code == 1 and "feed.jsonl:151: invalid JSON" in err
    assert result["stats"]["duplicate_paragraphs"] > 0 and result["stats"]["errors"] > 0


def test_progress_counts_every_document_and_error(corpus, tmp_path):
    counts = []
    for jobs in (1, 2):
        ticks = []
        target = str(tmp_path / f"out{jobs}.jsonl")
        summary = clean_to([str(corpus)], target, "jsonl", Settings(jobs=jobs), on_file=partial(ticks.append, 1))
        counts.append((len(ticks), summary.documents + len(summary.errors)))
    assert counts[0] == counts[1] and counts[0][0] == counts[0][1] > 200


def test_check_with_two_jobs_finds_and_fixes_what_one_does(corpus, tmp_path, capsys):
    results = []
    for jobs in ("1", "2"):
        # archives are checked whole, in one unit each: the files show the pool's work
        copy = shutil.copytree(corpus, tmp_path / f"check{jobs}", ignore=shutil.ignore_patterns("*.warc", "*.parquet"))
        code = main(["check", str(copy), "--output-format", "json", "--no-cache", "--jobs", jobs])
        found = capsys.readouterr().out.replace(str(copy), "CORPUS")
        fixed = main(["check", str(copy), "--fix", "--quiet", "--no-cache", "--jobs", jobs])
        capsys.readouterr()
        results.append((code, found, fixed, _tree(copy)))
    assert results[0] == results[1]
    assert results[0][0] == 1 and json.loads(results[0][1])


def test_jobs_must_be_a_whole_number(capsys):
    assert main(["clean", "x.txt", "--jobs", "0"]) == 2
    assert "--jobs" in capsys.readouterr().err


def crash_state(parent: int):
    return parent, cleaning_state(Settings())


def crash_on_marked_pieces(state, piece):
    """Clean the piece, but in a worker kill the process on a piece that says CRASH."""
    parent, cleaning = state
    marked = b"CRASH" in Path(piece.source.path).read_bytes() if piece.record is None else "CRASH" in piece.record.raw
    if marked and os.getpid() != parent:
        os.kill(os.getpid(), signal.SIGSEGV)
    return clean_piece(cleaning, piece)


def test_a_document_that_crashes_its_worker_is_one_error_in_its_place(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text("CRASH\n" + ARTICLE, encoding="utf-8")
    rows = [json.dumps({"text": ARTICLE}), json.dumps({"text": "CRASH"}), json.dumps({"text": ARTICLE})]
    (tmp_path / "c.jsonl").write_text("\n".join(rows), encoding="utf-8")
    stage = Stage(crash_state, (os.getpid(),), crash_on_marked_pieces, crashed_piece, piece_cost)
    items = list(engines.run(stage, pieces([str(tmp_path)], Settings()), jobs=2))
    found = [str(error) for result in items for error in result if not hasattr(error, "outcome")]
    assert found == [
        f"{tmp_path / 'b.txt'}: worker process killed by SIGSEGV while cleaning it",
        f"{tmp_path / 'c.jsonl'}:2: worker process killed by SIGSEGV while cleaning it",
    ]
    assert [len(result) for result in items] == [1, 1, 1, 1, 1]


def slow_extraction_state(parent: int, settings: Settings):
    """The cleaning state, with a worker's extractor hanging on a page that says "slow"."""
    if os.getpid() != parent:
        import trafilatura

        parse = trafilatura.load_html

        def slow(html, *args, **kwargs):
            if b"slow" in (html if isinstance(html, bytes) else str(html).encode()):
                time.sleep(30)
            return parse(html, *args, **kwargs)

        trafilatura.load_html = slow
    return cleaning_state(settings)


def test_the_extraction_time_limit_holds_in_a_worker(tmp_path):
    page = (
        "<html><body><article><p>{} The harbour board met on Monday to set the timetable.</p></article></body></html>"
    )
    for name, word in (("a", "Fast."), ("b", "Very slow."), ("c", "Quick.")):
        (tmp_path / f"{name}.html").write_text(page.format(word), encoding="utf-8")
    settings = Settings(extraction_seconds=0.5)
    stage = Stage(slow_extraction_state, (os.getpid(), settings), clean_piece, crashed_piece, piece_cost)
    started = time.monotonic()
    items = [item for result in engines.run(stage, pieces([str(tmp_path)], settings), jobs=2) for item in result]
    assert time.monotonic() - started < 20
    assert [type(item).__name__ for item in items] == ["Cleaned", "InputError", "Cleaned"]
    assert str(items[1]) == f"{tmp_path / 'b.html'}: extraction took longer than 0.5 s (extraction-timeout)"


def _tree(folder: Path) -> dict[str, bytes]:
    """Each file's bytes, gunzipped (a gzip header holds the time it was written)."""
    return {
        str(p.relative_to(folder)): _gunzipped(p) if p.suffix == ".gz" else p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _gunzipped(path: Path) -> bytes:
    try:
        return gzip.decompress(path.read_bytes())
    except (OSError, EOFError):
        return path.read_bytes()
