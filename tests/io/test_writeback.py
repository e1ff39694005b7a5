"""Fixed text goes back into its file: untouched lines, endings, encoding and mode kept."""

from __future__ import annotations

import gzip
import os

import pytest

from cleaner.core.model import Document, Line, lines_from_text
from cleaner.io.writeback import encoding_of, replace_file, rewrite_record, rewrite_text


def cleaned(text: str, keep: dict[int, str]) -> Document:
    """The document of ``text`` with only the lines in ``keep`` (number -> new text)."""
    lines = tuple(Line(n, keep[n]) for n in sorted(keep))
    return Document("d", "d.txt", lines)


@pytest.mark.parametrize(
    ("text", "keep", "expected"),
    [
        pytest.param("a\nX\nb\n", {1: "a", 3: "b"}, "a\nb\n", id="a line"),
        pytest.param("a\n\nX\n\nb\n", {1: "a", 5: "b"}, "a\n\nb\n", id="its blank lines go along"),
        pytest.param("X\n\na\n", {3: "a"}, "a\n", id="first paragraph"),
        pytest.param("a\n\nX\n\nY\n", {1: "a"}, "a\n", id="last paragraphs take the blanks before"),
        pytest.param("a\r\nX\r\nUSA b\r\n", {1: "a", 3: "US b"}, "a\r\nUS b\r\n", id="CRLF kept"),
        pytest.param("a\nX", {1: "a"}, "a\n", id="no final newline"),
        pytest.param("  \na\n", {2: "a"}, "  \na\n", id="blank lines of the input stay"),
    ],
)
def test_rewrite_text(text, keep, expected):
    fixed, numbers = rewrite_text(text, cleaned(text, keep))
    assert fixed == expected
    assert [fixed.splitlines()[numbers[n] - 1] for n in keep] == list(keep.values())
    # the fixed text is stable: rewriting it with all its lines changes nothing
    assert rewrite_text(fixed, Document("d", "d", lines_from_text(fixed)))[0] == fixed


@pytest.mark.parametrize(
    "raw",
    [
        '{"id": "1", "text": "old", "n": 2}',
        '{"id":"1","text":"old","n":2}',
        '{"id": "1", "text": "old", "title": "Café"}',
        '{"id": "1", "text": "old", "title": "Caf\\u00e9"}',
    ],
)
def test_rewrite_record_keeps_the_line_style(raw):
    assert rewrite_record(raw, "text", "new") == raw.replace("old", "new")


def test_replace_file_is_atomic_and_keeps_the_mode(tmp_path):
    target = tmp_path / "a.txt"
    target.write_text("old\n", encoding="utf-8")
    os.chmod(target, 0o640)
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    replace_file(str(link), b"new\n")
    assert target.read_bytes() == b"new\n" and link.is_symlink()
    assert os.stat(target).st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "link.txt"]


def test_encodings_round_trip():
    for data, text in [
        (b"a\n", "a\n"),
        (b"\xef\xbb\xbfa\n", "a\n"),
        (b"\xff\xfe" + "é\n".encode("utf-16-le"), "é\n"),
        (b"\xfe\xff" + "é\n".encode("utf-16-be"), "é\n"),
    ]:
        assert encoding_of("x.txt", data).encode(text) == data
    gz = encoding_of("x.txt.gz", b"a\n")
    assert gzip.decompress(gz.encode("b\n")) == b"b\n"
