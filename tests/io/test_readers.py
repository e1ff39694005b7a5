"""Readers turn every supported input into documents, and bad input into one error each."""

from __future__ import annotations

import gzip
import io
import json

import pytest

from cleaner.core.model import Document, InputError
from cleaner.core.settings import Settings
from cleaner.io.files import Source, discover, kind_of
from cleaner.io.formats import read

HTML = (
    "<html><head><title>Harbour vote | Courier</title><meta name='author' content='Jane Doe'>"
    "</head><body><article><h1>Harbour vote</h1>"
    + "".join(
        f"<p>Paragraph {n} of the harbour story, long enough to count as text for the extractor.</p>" for n in range(6)
    )
    + "</article></body></html>"
)


def read_all(path, settings=Settings()):
    items = []
    for source in discover([str(path)]):
        items.extend([source] if isinstance(source, InputError) else read(source, settings))
    return items


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("a.txt", "text"),
        ("a.TXT.gz", "text"),
        ("a.html", "html"),
        ("a.htm.gz", "html"),
        ("a.jsonl", "jsonl"),
        ("a.jsonl.gz", "jsonl"),
        ("a.csv", None),
        ("a.warc", "warc"),
        ("a.WARC.gz", "warc"),
        ("a.parquet", "parquet"),
        ("a.parquet.gz", None),
    ],
)
def test_kind_of(name, kind):
    assert kind_of(name) == kind


def test_text_keeps_input_line_numbers(tmp_path):
    (tmp_path / "a.txt").write_text("First\n\n  \nSecond\r\nThird\n", encoding="utf-8")
    (doc,) = read_all(tmp_path / "a.txt")
    assert [(line.number, line.text) for line in doc.lines] == [(1, "First"), (4, "Second"), (5, "Third")]


def test_gzipped_text_reads_like_text(tmp_path):
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(b"One\nTwo\n"))
    (doc,) = read_all(tmp_path / "a.txt.gz")
    assert doc.text == "One\nTwo"


def test_html_goes_through_the_extractor_with_metadata(tmp_path):
    (tmp_path / "a.html").write_text(HTML, encoding="utf-8")
    (doc,) = read_all(tmp_path / "a.html")
    assert "Paragraph 3 of the harbour story" in doc.text
    assert doc.metadata["author"] == "Jane Doe"
    extraction = doc.metadata["extraction"]
    assert extraction["runs"]["precision"]["favor_precision"] is True
    assert extraction["runs"]["balanced"]["fast"] is True
    assert all(options["deduplicate"] is False for options in extraction["runs"].values())
    assert extraction["text"] in ("precision", "balanced", "merged") and extraction["why"]


def test_html_records_the_lines_that_are_links(tmp_path):
    story = "".join(
        f"<p>Paragraph {n} of the ferry story, long enough to count as text for the extractor.</p>" for n in range(6)
    )
    links = (
        "<h3><a href='/a'>Ferry fares rise in spring</a></h3>"
        "<p>Some text about the ferry story here, for the extractor to keep.</p>"
        "<h3><a href='/b'>Harbour wall repaired</a></h3>"
    )
    end = "<p>The last paragraph of the ferry story ends here.</p>"
    page = f"<html><body><article>{story}{links}{end}</article></body></html>"
    (tmp_path / "a.html").write_text(page, encoding="utf-8")
    (doc,) = read_all(tmp_path / "a.html")
    numbers = doc.metadata["extraction"]["linked_lines"]
    linked = {line.text for line in doc.lines if line.number in numbers}
    assert linked == {"Ferry fares rise in spring", "Harbour wall repaired"}


def test_jsonl_records_keep_their_fields_and_line(tmp_path):
    lines = [{"id": "a", "text": "One\nTwo", "title": "T"}, {"id": 7, "text": "Three"}]
    (tmp_path / "c.jsonl").write_text("\n".join(map(json.dumps, lines)) + "\n", encoding="utf-8")
    first, second = read_all(tmp_path / "c.jsonl")
    # two words tell no language: "und", recorded all the same
    assert (first.id, first.record, dict(first.metadata), first.text) == (
        "a",
        1,
        {"title": "T", "language": "und"},
        "One\nTwo",
    )
    assert (second.id, second.record) == ("7", 2)


def test_jsonl_fields_are_configurable(tmp_path):
    (tmp_path / "c.jsonl").write_text(json.dumps({"key": "k1", "body": "Text"}) + "\n", encoding="utf-8")
    (doc,) = read_all(tmp_path / "c.jsonl", Settings(text_field="body", id_field="key"))
    assert (doc.id, doc.text) == ("k1", "Text")


def test_bad_jsonl_lines_are_errors_and_the_rest_is_read(tmp_path):
    rows = ['{"text": "Good one"}', "{not json", '{"body": "x"}', '{"text": 5}', "[1]", '{"text": "Good two"}']
    (tmp_path / "c.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
    items = read_all(tmp_path / "c.jsonl")
    assert [d.text for d in items if isinstance(d, Document)] == ["Good one", "Good two"]
    errors = [e for e in items if isinstance(e, InputError)]
    assert [e.line for e in errors] == [2, 3, 4, 5]
    assert "invalid JSON" in errors[0].message and "'text'" in errors[1].message
    assert str(errors[2]).startswith(f"{tmp_path / 'c.jsonl'}:4: ")


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("bin.txt", b"\x00\x01\x02binary", "binary"),
        ("latin.txt", "caf\xe9\nna\xefve".encode("latin-1"), "not valid UTF-8"),
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\t\n", "empty"),
        ("broken.txt.gz", gzip.compress(b"some text")[:-6], "gzip"),
        ("empty.html", b"", "empty"),
        ("nobody.html", b"<html><body></body></html>", "no article text"),
    ],
)
def test_bad_files_are_one_error_naming_the_file(tmp_path, name, data, message):
    (tmp_path / name).write_bytes(data)
    (error,) = read_all(tmp_path / name)
    assert isinstance(error, InputError) and message in error.message
    assert error.path == str(tmp_path / name)


def test_utf16_with_bom_is_read(tmp_path):
    (tmp_path / "u.txt").write_bytes("Zoë said hello\n".encode("utf-16"))
    (doc,) = read_all(tmp_path / "u.txt")
    assert doc.text == "Zoë said hello"


def test_invalid_utf8_error_names_the_line(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"fine\nalso fine\nbad \xff here\n")
    (error,) = read_all(tmp_path / "a.txt")
    assert error.line == 3


def test_missing_path_is_an_error():
    (error,) = list(discover(["/nonexistent/file.txt"]))
    assert error.message == "no such file or directory"


def test_directories_are_walked_in_order_and_unknown_files_skipped(tmp_path):
    (tmp_path / "b").mkdir()
    for name in ("b/z.txt", "a.txt", "b/y.html", "notes.csv"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    found = [(s.relative, s.kind) for s in discover([str(tmp_path)])]
    assert found == [("a.txt", "text"), ("b/y.html", "html"), ("b/z.txt", "text")]


def test_excluded_folder_is_not_walked(tmp_path):
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "b.txt").write_text("x", encoding="utf-8")
    assert [s.relative for s in discover([str(tmp_path)], exclude=[str(tmp_path / "out")])] == ["b.txt"]


def test_explicit_file_of_unknown_kind_is_sniffed(tmp_path):
    (tmp_path / "page").write_text(HTML, encoding="utf-8")
    (doc,) = read_all(tmp_path / "page")
    assert "extraction" in doc.metadata


def test_stdin(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"One\nTwo\n")))
    (doc,) = read(Source("-", "stdin", "text"), Settings())
    assert doc.text == "One\nTwo"


def test_unreadable_folder_is_an_error_not_a_silent_skip(tmp_path):
    import os

    if os.geteuid() == 0:  # root reads everything: make the listing fail another way
        (tmp_path / "locked").write_text("not a folder", encoding="utf-8")
        from cleaner.io.files import _walk

        errors = list(_walk(str(tmp_path / "locked" / "inside"), set()))
        assert errors and all(isinstance(e, InputError) for e in errors)
        return
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked").chmod(0)
    try:
        found = list(discover([str(tmp_path)]))
    finally:
        (tmp_path / "locked").chmod(0o755)
    assert any(isinstance(e, InputError) and "cannot list folder" in e.message for e in found)


def test_extractor_failure_is_an_error_for_that_page(tmp_path, monkeypatch):
    def broken(data, url=None, seconds=None):
        raise ValueError("tree too deep")

    monkeypatch.setattr("cleaner.io.formats.html.extract_html", broken)
    (tmp_path / "a.html").write_text(HTML, encoding="utf-8")
    (error,) = read_all(tmp_path / "a.html")
    assert "HTML extraction failed (ValueError: tree too deep)" in error.message


def test_html_keeps_the_title_element_when_it_differs_from_the_headline(tmp_path):
    page = HTML.replace("<head>", "<head><meta property='og:title' content='Vote on the harbour'>")
    (tmp_path / "a.html").write_text(page, encoding="utf-8")
    (doc,) = read_all(tmp_path / "a.html")
    assert doc.metadata["title"] == "Vote on the harbour"
    assert doc.metadata["page_title"] == "Harbour vote | Courier"


def test_a_document_over_the_size_limit_is_an_error_for_it_alone(tmp_path):
    small = Settings(max_document_bytes=40)
    (tmp_path / "big.txt").write_text("The ferry ran late again on Friday morning.\n", encoding="utf-8")
    rows = [{"id": "a", "text": "x " * 40}, {"id": "b", "text": "Short."}]
    (tmp_path / "feed.jsonl").write_text("\n".join(map(json.dumps, rows)) + "\n", encoding="utf-8")
    (big,) = read(Source(str(tmp_path / "big.txt"), "big.txt", "text"), small)
    assert isinstance(big, InputError) and "larger than the limit" in big.message
    too_big, fine = read(Source(str(tmp_path / "feed.jsonl"), "feed.jsonl", "jsonl"), small)
    assert isinstance(too_big, InputError) and too_big.line == 1
    assert fine.lines[0].text == "Short."


def test_a_page_whose_extraction_takes_too_long_is_an_error(tmp_path, monkeypatch):
    import time

    import trafilatura

    def slow(*args, **kwargs):
        time.sleep(5)

    monkeypatch.setattr(trafilatura, "bare_extraction", slow)
    (tmp_path / "a.html").write_bytes(b"<html><body><p>Text of the page.</p></body></html>")
    started = time.monotonic()
    (item,) = read(Source(str(tmp_path / "a.html"), "a.html", "html"), Settings(extraction_seconds=0.2))
    assert time.monotonic() - started < 2
    assert isinstance(item, InputError) and "longer than 0.2 s" in item.message


def _feed(texts) -> bytes:
    return "".join(json.dumps({"text": t}) + "\n" for t in texts).encode("utf-8")


def test_a_jsonl_line_that_is_not_utf8_is_an_error_for_that_line_alone(tmp_path):
    data = _feed(["Café opens."]) + b'{"text": "bad \xff byte"}\n' + _feed(["Ferry runs."])
    (tmp_path / "feed.jsonl").write_bytes(data)
    first, error, last = read_all(tmp_path / "feed.jsonl")
    assert first.text == "Café opens." and last.text == "Ferry runs."
    assert isinstance(error, InputError) and error.line == 2 and "UTF-8" in error.message


def test_a_truncated_gzipped_feed_keeps_the_records_before_the_break(tmp_path):
    texts = [f"Record {n} of the harbour feed, with words {n * 7919 % 1000}." for n in range(3000)]
    data = gzip.compress(_feed(texts))
    (tmp_path / "feed.jsonl.gz").write_bytes(data[: len(data) * 2 // 3])
    items = read_all(tmp_path / "feed.jsonl.gz")
    *documents, error = items
    assert len(documents) > 100 and [d.text for d in documents] == texts[: len(documents)]
    assert isinstance(error, InputError) and "gzip" in error.message and error.line == len(documents) + 1


def test_a_jsonl_line_over_the_size_limit_is_skipped_unread(tmp_path):
    (tmp_path / "feed.jsonl").write_bytes(_feed(["Short one.", "x" * 5000, "Short two."]))
    first, error, last = read_all(tmp_path / "feed.jsonl", Settings(max_document_bytes=1000))
    assert (first.text, last.text) == ("Short one.", "Short two.")
    assert error.line == 2 and "5,013 bytes" in error.message


def test_utf16_jsonl_is_read(tmp_path):
    (tmp_path / "feed.jsonl").write_bytes(_feed(["Zoë said hello.", "Second."]).decode().encode("utf-16"))
    assert [d.text for d in read_all(tmp_path / "feed.jsonl")] == ["Zoë said hello.", "Second."]


@pytest.mark.parametrize("data", [b"", b"\n  \n\n"])
def test_a_jsonl_file_of_blank_lines_is_one_error(tmp_path, data):
    (tmp_path / "feed.jsonl").write_bytes(data)
    (error,) = read_all(tmp_path / "feed.jsonl")
    assert "empty file" in error.message


def test_jsonl_is_read_a_line_at_a_time(monkeypatch):
    from cleaner.io.formats import jsonl as readers

    class Counted(io.BytesIO):
        consumed = 0

        def readinto(self, buffer):
            count = super().readinto(buffer)
            Counted.consumed += count
            return count

    texts = [f"Paragraph {n} of a long feed." for n in range(200_000)]
    handle = io.BufferedReader(Counted(_feed(texts)), buffer_size=8192)
    stream = readers.jsonl_stream("feed.jsonl", handle, Settings())
    assert [next(stream).raw for _ in range(3)] == [json.dumps({"text": t}) for t in texts[:3]]
    assert 0 < Counted.consumed < 100_000  # of about 8 MB
