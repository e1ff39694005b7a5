"""WARC input: HTML responses become documents with the record's URL and date; the other
records are skipped, and a broken record is one error while the rest is still read."""

from __future__ import annotations

import gzip
import json
import random
import sys
import zlib

import brotli
import pytest

from cleaner.cli import main
from cleaner.core.model import InputError
from cleaner.core.settings import Settings
from cleaner.io import warc_file as warc
from cleaner.io.files import Source
from cleaner.io.formats import read

DATE = "2024-03-0{}T08:30:00Z"


def page(n: int) -> bytes:
    body = "".join(
        f"<p>Paragraph {k} of the harbour story number {n}, where the council argued about the pier for hours.</p>"
        for k in range(5)
    )
    return (
        f"<html><head><title>Harbour story {n}</title></head><body><article><h1>Harbour story {n}</h1>"
        f"{body}</article></body></html>"
    ).encode()


def record(kind: str, n: int, block: bytes, content_type: str = "application/http; msgtype=response") -> bytes:
    head = (
        f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-{n:012d}>\r\n"
        f"WARC-Date: {DATE.format(n % 10)}\r\nWARC-Target-URI: https://news.example/story/{n}\r\n"
        f"Content-Type: {content_type}\r\nContent-Length: {len(block)}\r\n\r\n"
    )
    return head.encode() + block + b"\r\n\r\n"


def response(
    n: int, body: bytes | None = None, status: str = "200 OK", headers: str = "Content-Type: text/html; charset=utf-8"
) -> bytes:
    body = page(n) if body is None else body
    http = f"HTTP/1.1 {status}\r\n{headers}\r\n\r\n".encode() + body
    return record("response", n, http)


def chunked(data: bytes, size: int = 200) -> bytes:
    pieces = [b"%x\r\n%s\r\n" % (len(data[i : i + size]), data[i : i + size]) for i in range(0, len(data), size)]
    return b"".join(pieces) + b"0\r\n\r\n"


def records() -> list[bytes]:
    """A small crawl: pages 1 to 3 (page 2 gzipped and chunked), around the other kinds."""
    return [
        record("warcinfo", 90, b"software: a test\r\nformat: WARC File Format 1.0\r\n", "application/warc-fields"),
        record(
            "request", 91, b"GET /story/1 HTTP/1.1\r\nHost: news.example\r\n\r\n", "application/http; msgtype=request"
        ),
        response(1),
        response(
            2,
            chunked(gzip.compress(page(2))),
            headers="Content-Type: text/html\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked",
        ),
        response(92, b"\x89PNG\r\n\x1a\nnot really a picture", headers="Content-Type: image/png"),
        response(
            93, b"<html><body>Moved</body></html>", status="301 Moved Permanently", headers="Location: /elsewhere"
        ),
        record("metadata", 94, b"via: https://news.example/\r\n", "application/warc-fields"),
        response(3),
    ]


def archive(parts: list[bytes], gzipped: bool) -> bytes:
    return b"".join(gzip.compress(p) for p in parts) if gzipped else b"".join(parts)


def broken_crawl() -> list[bytes]:
    """The crawl with a record whose header is not WARC's (record 5) between pages 2 and 3."""
    parts = records()
    return parts[:4] + [response(95).replace(b"WARC/1.0", b"WARX/9.9", 1)] + parts[4:]


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
def test_clean_a_crawl_to_jsonl(tmp_path, monkeypatch, capsys, name):
    monkeypatch.chdir(tmp_path)
    gzipped = name.endswith(".gz")
    (tmp_path / name).write_bytes(archive(broken_crawl(), gzipped))
    code = main(["clean", name, "--format", "jsonl", "-o", "out.jsonl"])
    err = capsys.readouterr().err
    assert code == 1
    errors = [line for line in err.splitlines() if line.startswith("error")]
    sixth = len(archive(broken_crawl()[:5], gzipped))  # where the record after the broken one starts
    assert errors == [
        f"error: {name}: record 5: unreadable record (OSError: Invalid WARC header); read on from byte {sixth:,}"
    ]
    rows = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(r["id"], r["record"]) for r in rows] == [
        ("urn:uuid:00000000-0000-4000-8000-000000000001", 3),
        ("urn:uuid:00000000-0000-4000-8000-000000000002", 4),
        ("urn:uuid:00000000-0000-4000-8000-000000000003", 9),
    ]
    for n, row in zip((1, 2, 3), rows):
        assert row["path"] == name
        assert f"Paragraph 4 of the harbour story number {n}," in row["text"]
        metadata = row["metadata"]
        assert metadata["url"] == f"https://news.example/story/{n}"
        assert metadata["date"] == DATE.format(n)
        assert metadata["record_id"] == row["id"]
        assert metadata["title"] == f"Harbour story {n}"


def test_text_output_names_each_page_by_its_record_id(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "crawl.warc.gz").write_bytes(archive(records(), gzipped=True))
    assert main(["clean", "crawl.warc.gz", "-o", "out", "-q"]) == 0
    names = sorted(p.name for p in (tmp_path / "out" / "crawl").iterdir())
    assert names == [f"urn_uuid_00000000-0000-4000-8000-00000000000{n}.txt" for n in (1, 2, 3)]
    assert main(["clean", "crawl.warc.gz"]) == 2  # many documents: no plain text on stdout
    assert "needs -o FOLDER" in capsys.readouterr().err


def pages_of(data: bytes, tmp_path, name: str = "x.warc", limit: int = 10**8):
    """The pages (record number, story number) and the broken records (number, message)."""
    path = tmp_path / name
    path.write_bytes(data)
    items = list(warc.pages(str(path), limit))
    found = [(i.number, int(i.url.rsplit("/", 1)[1])) for i in items if isinstance(i, warc.Page)]
    return found, [(i.number, i.message) for i in items if isinstance(i, warc.Broken)]


@pytest.mark.parametrize("gzipped", [False, True], ids=["plain", "gzip"])
def test_only_html_responses_of_status_2xx_are_pages(tmp_path, gzipped):
    path = tmp_path / "x.warc"
    path.write_bytes(archive(records(), gzipped))
    items = list(warc.pages(str(path), 10**8))
    assert [(i.number, i.url, i.date) for i in items] == [
        (number, f"https://news.example/story/{n}", DATE.format(n)) for number, n in ((3, 1), (4, 2), (8, 3))
    ]
    assert items[1].html == page(2)  # chunks joined, gzip undone


def test_a_truncated_last_record(tmp_path):
    found, broken = pages_of(response(1) + response(2) + response(3)[:-400], tmp_path)
    assert found == [(1, 1), (2, 2)]
    offset = len(response(1) + response(2))
    length = len(page(3))  # the HTTP body; the cut takes the record's closing CRLFs too
    assert broken == [(3, f"truncated at byte {offset:,}: {length - 396:,} of {length:,} bytes")]


@pytest.mark.parametrize(
    ("cut", "problem"),
    [(30, "truncated at byte {third:,}: "), (200, "no Content-Length in the record at byte {third:,}")],
    ids=["in-the-body", "in-the-header"],
)
def test_a_truncated_last_gzip_member(tmp_path, cut, problem):
    members = [gzip.compress(response(n)) for n in (1, 2, 3)]
    found, broken = pages_of(b"".join(members)[:-cut], tmp_path, "x.warc.gz")
    assert found == [(1, 1), (2, 2)]
    third = len(members[0]) + len(members[1])
    assert len(broken) == 1 and broken[0][0] == 3 and broken[0][1].startswith(problem.format(third=third))


@pytest.mark.parametrize("gzipped", [False, True], ids=["plain", "gzip"])
def test_a_length_too_long_does_not_swallow_the_records_after_it(tmp_path, gzipped):
    long = response(2).replace(b"Content-Length: ", b"Content-Length: 9", 1)
    found, broken = pages_of(archive([response(1), long, response(3), response(4)], gzipped), tmp_path)
    assert found == [(1, 1), (3, 3), (4, 4)]
    assert len(broken) == 1 and broken[0][0] == 2 and broken[0][1].startswith("truncated at byte")


def test_a_bad_gzip_member_is_one_error(tmp_path):
    members = [gzip.compress(response(n)) for n in (1, 2, 3, 4)]
    spoiled = bytearray(members[1])
    spoiled[len(spoiled) // 2 : len(spoiled) // 2 + 12] = b"\xff" * 12
    members[1] = bytes(spoiled)
    found, broken = pages_of(b"".join(members), tmp_path, "x.warc.gz")
    assert found == [(1, 1), (3, 3), (4, 4)]
    third = len(members[0]) + len(members[1])
    assert len(broken) == 1 and broken[0][0] == 2
    assert broken[0][1].startswith("unreadable record (OSError: Gzip") and broken[0][1].endswith(
        f"read on from byte {third:,}"
    )


def test_a_bad_gzip_member_in_the_body_is_the_same_record(tmp_path):
    # a page larger than the reader's buffer, spoiled near its end: its header is read
    # before its body fails
    noise = random.Random(2).randbytes(150_000).hex().encode()
    large = page(2).replace(b"</article>", b"<!-- " + noise + b" --></article>")
    members = [gzip.compress(response(1)), gzip.compress(response(2, large)), gzip.compress(response(3))]
    spoiled = bytearray(members[1])
    spoiled[-400:-388] = b"\xff" * 12
    members[1] = bytes(spoiled)
    found, broken = pages_of(b"".join(members), tmp_path, "x.warc.gz")
    assert found == [(1, 1), (3, 3)]
    assert len(broken) == 1 and broken[0][0] == 2 and "Gzip" in broken[0][1]


def test_a_response_without_a_status_line(tmp_path):
    garbled = record("response", 2, b"no status line here\r\n\r\n<html><p>text</p></html>")
    found, broken = pages_of(response(1) + garbled + response(3), tmp_path)
    assert found == [(1, 1), (3, 3)]
    assert broken == [(2, f"a response without an HTTP status line, at byte {len(response(1)):,}")]


def test_garbage_at_the_end(tmp_path):
    found, broken = pages_of(response(1) + b"this is not a record\r\n" * 3, tmp_path)
    assert found == [(1, 1)]
    assert len(broken) == 1 and broken[0][0] == 2 and broken[0][1].endswith("no readable record after it")


def test_the_next_record_is_found_across_search_chunks(tmp_path, monkeypatch):
    monkeypatch.setattr(warc, "SEARCH_CHUNK", 64)  # the search reads the file in small pieces
    bad = response(2).replace(b"WARC/1.0", b"WARX/1.0", 1)
    for gzipped in (False, True):
        found, broken = pages_of(archive([response(1), bad, response(3)], gzipped), tmp_path)
        assert found == [(1, 1), (3, 3)] and [number for number, _ in broken] == [2]


def test_a_body_over_the_limit_is_reported_not_read(tmp_path):
    found, broken = pages_of(response(1) + response(2, b"<html>" + b"x" * 5000) + response(3), tmp_path, limit=3000)
    assert found == [(1, 1), (3, 3)]
    assert len(broken) == 1 and broken[0][0] == 2 and "larger than the limit (3,000" in broken[0][1]


PLAIN = b"<p>The council met.</p>"


@pytest.mark.parametrize(
    ("transfer", "encoding", "body"),
    [
        pytest.param(None, None, PLAIN, id="identity"),
        pytest.param("chunked", None, chunked(PLAIN, 4), id="chunked"),
        pytest.param(None, "gzip", gzip.compress(PLAIN), id="gzip"),
        pytest.param(None, "x-gzip", gzip.compress(PLAIN), id="x-gzip"),
        pytest.param(None, "deflate", zlib.compress(PLAIN), id="deflate"),
        pytest.param(None, "deflate", zlib.compress(PLAIN)[2:-4], id="raw-deflate"),
        pytest.param(None, "br", brotli.compress(PLAIN), id="brotli"),
        pytest.param("chunked", "gzip", chunked(gzip.compress(PLAIN), 5), id="chunked-gzip"),
        pytest.param(None, "gzip, br", brotli.compress(gzip.compress(PLAIN)), id="two-codings"),
        pytest.param("chunked", None, PLAIN, id="chunked-header-joined-body"),
    ],
)
def test_decode_body(transfer, encoding, body):
    assert warc.decode_body(body, transfer, encoding, 10**6) == PLAIN


@pytest.mark.parametrize(
    ("transfer", "encoding", "body", "problem"),
    [
        (None, "zstd", b"whatever", "unsupported Content-Encoding 'zstd'"),
        (None, "gzip", gzip.compress(PLAIN * 50)[:40], "cut short"),
        (None, "gzip", b"not gzip at all", "gzip:"),
        (None, "gzip", gzip.compress(b"x" * 5000), "larger than the limit"),
        ("chunked", None, b"4\r\nabcd\r\nzz\r\n", "bad chunk size"),
    ],
)
def test_decode_body_refuses(transfer, encoding, body, problem):
    with pytest.raises(ValueError, match=problem):
        warc.decode_body(body, transfer, encoding, 1000)


def test_without_fastwarc_the_error_names_the_file_and_the_extra(tmp_path, monkeypatch):
    (tmp_path / "x.warc").write_bytes(response(1))
    monkeypatch.setitem(sys.modules, "fastwarc", None)
    monkeypatch.setitem(sys.modules, "fastwarc.warc", None)
    (error,) = read(Source(str(tmp_path / "x.warc"), "x.warc", "warc"), Settings())
    assert isinstance(error, InputError) and error.path.endswith("x.warc")
    assert "pip install 'news-cleaner[warc]'" in error.message


def test_check_reports_by_record_and_never_rewrites(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    data = archive(records(), gzipped=False)
    (tmp_path / "crawl.warc").write_bytes(data)
    assert main(["check", "crawl.warc"]) == 1
    out = capsys.readouterr().out
    # each page repeats its title as a headline: found at the page's record
    assert [line.split(":")[1] for line in out.splitlines()] == ["3", "4", "8"]
    assert all("B003 [repeated-headline]" in line for line in out.splitlines())
    assert main(["check", "--fix", "crawl.warc"]) == 1
    captured = capsys.readouterr()
    assert "(fixed)" not in captured.out and len(captured.out.splitlines()) == 3
    assert "note: crawl.warc: not fixed: a WARC archive is never rewritten" in captured.err
    assert (tmp_path / "crawl.warc").read_bytes() == data
