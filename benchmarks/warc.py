"""Reading WARC files: cleaner's reader next to fastwarc and warcio on their own.

Run it from the repository (with the ``warc`` extra; ``warcio`` from the ``bench`` extra
for its rows)::

    python benchmarks/warc.py                  # 20,000 records
    python benchmarks/warc.py --records 100000

What it builds
    A WARC of ``--records`` response records, each a small news page written by this
    script (eight paragraphs, about 1 KB of HTML), gzipped per record as crawlers write them,
    and the same uncompressed; then copies spoiled in four ways (a bad header, a bad gzip
    member, a Content-Length that runs past the next records, a file cut in the middle of
    its last record), each of 10 records with one broken.

What it prints
    1. Speed: records per second and MB per second of the file, best of three, for warcio
       (``ArchiveIterator`` and ``content_stream().read()``), fastwarc alone (its iterator,
       bodies read raw) and ``cleaner.io.warc_file.pages`` (fastwarc, plus the length check and the
       decoding of bodies), and for comparison trafilatura's extraction of 200 of the pages,
       which every page then goes through.
    2. Memory: the peak resident size of a process that reads the whole gzipped file with
       ``cleaner.io.warc_file.pages``, next to one that only imports it.
    3. Broken records: of 10 records, one broken, how many each reader hands over as pages,
       and the error it raised or reported ("-": none; a reader that hands over the broken
       record as if it were whole counts it).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import tempfile
from functools import partial

from _common import best_of, child_result, peak_mb, timed, write_files

from cleaner.io import warc_file as warc


def page(n: int) -> bytes:
    paragraphs = "".join(
        f"<p>Paragraph {k} of report {n}: the harbour council met on Monday and argued about the pier.</p>"
        for k in range(8)
    )
    return f"<html><head><title>Report {n}</title></head><body><article><h1>Report {n}</h1>{paragraphs}</article></body></html>".encode()


def response(n: int) -> bytes:
    body = page(n)
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + body
    head = (
        f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-{n:012d}>\r\n"
        f"WARC-Date: 2024-03-01T12:00:00Z\r\nWARC-Target-URI: https://news.example/{n}\r\n"
        f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http)}\r\n\r\n"
    )
    return head.encode() + http + b"\r\n\r\n"


def spoiled(kind: str) -> bytes:
    parts = [response(n) for n in range(10)]
    if kind == "bad header":
        parts[5] = parts[5].replace(b"WARC/1.0", b"WARX/9.9", 1)
    elif kind == "length too long":
        parts[5] = parts[5].replace(b"Content-Length: ", b"Content-Length: 9", 1)
    members = [gzip.compress(p) for p in parts]
    if kind == "bad gzip member":
        middle = len(members[5]) // 2
        members[5] = members[5][:middle] + b"\xff" * 12 + members[5][middle + 12 :]
    data = b"".join(members)
    return data[: len(data) - len(members[-1]) // 2] if kind == "truncated end" else data


def read_warcio(path: str) -> tuple[int, str]:
    from warcio.archiveiterator import ArchiveIterator

    count = 0
    with open(path, "rb") as handle:
        try:
            for record in ArchiveIterator(handle):
                if record.rec_type == "response":
                    record.content_stream().read()
                    count += 1
        except Exception as error:
            return count, type(error).__name__
    return count, "-"


def read_fastwarc(path: str) -> tuple[int, str]:
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    count = 0
    with open(path, "rb") as handle:
        try:
            for record in ArchiveIterator(handle, record_types=WarcRecordType.response, auto_decode="none"):
                record.reader.read()
                count += 1
        except Exception as error:
            return count, type(error).__name__
    return count, "-"


def read_cleaner(path: str) -> tuple[int, str]:
    items = list(warc.pages(path, 10**8))
    broken = [i.message for i in items if isinstance(i, warc.Broken)]
    return len(items) - len(broken), (broken[0].split(" (")[0].split(" at byte")[0] if broken else "-")


def readers() -> list[tuple[str, object]]:
    found = [("fastwarc alone", read_fastwarc), ("cleaner.io.warc_file.pages", read_cleaner)]
    try:
        import warcio  # noqa: F401
    except ImportError:
        print("warcio is not installed (pip install '.[bench]'): its rows are left out")
        return found
    return [("warcio", read_warcio), *found]


def speed(folder: str, records: int) -> None:
    # imported here, not at the top: the memory section's child runs this script, and its
    # "only importing" figure is meant to count the WARC reader alone
    from cleaner.core.settings import Settings
    from cleaner.io.formats.html import extract_page

    gzipped = (gzip.compress(response(n), 6) for n in range(records))
    plain = (response(n) for n in range(records))
    gzip_path, plain_path = write_files(folder, [("bench.warc.gz", gzipped), ("bench.warc", plain)])
    paths = {"gzip": str(gzip_path), "plain": str(plain_path)}
    print(f"\n1. speed: {records:,} records (best of 3)")
    print(f"{'reader':24}{'file':>7}{'records/s':>12}{'MB/s':>9}")
    for name, function in readers():
        for kind, path in paths.items():
            seconds, _ = best_of(partial(function, path), 3)
            megabytes = os.path.getsize(path) / 1e6
            print(f"{name:24}{kind:>7}{records / seconds:>12,.0f}{megabytes / seconds:>9,.1f}")
    sample = [page(n) for n in range(200)]
    seconds, _ = timed(lambda: [extract_page(html, Settings()) for html in sample])
    print(f"{'trafilatura extraction':24}{'':>7}{len(sample) / seconds:>12,.0f}{'':>9}")
    memory(paths["gzip"])


def memory_child(what: str, path: str) -> None:
    """The peak resident size of this process after importing the reader, and after reading
    every record of ``path`` with it when ``what`` is "read"."""
    if what == "read":
        sum(1 for _ in warc.pages(path, 10**8))
    print(json.dumps({"peak_mb": peak_mb()}))


def memory(path: str) -> None:
    peaks = {}
    for what in ("import", "read"):
        measured = child_result(__file__, "--memory-child", what, path)
        if measured is None:
            raise SystemExit(f"warc: the memory child ({what}) failed")
        peaks[what] = measured["peak_mb"]
    with gzip.open(path, "rb") as handle:
        size = sum(len(chunk) for chunk in iter(lambda: handle.read(1 << 20), b"")) / 1e6
    print(
        f"\n2. memory: peak resident size, reading {size:,.0f} MB of WARC ({os.path.getsize(path) / 1e6:,.1f} MB gzipped)"
    )
    print(f"{'only importing':24}{peaks['import']:>8.0f} MB")
    print(f"{'reading every record':24}{peaks['read']:>8.0f} MB")


def robustness(folder: str) -> None:
    print("\n3. broken records: records handed over (of 10, one broken), and the error")
    functions = readers()
    print(f"{'file':18}" + "".join(f"{name:>34}" for name, _ in functions))
    for kind in ("bad header", "bad gzip member", "length too long", "truncated end"):
        path = str(write_files(folder, [("spoiled.warc.gz", spoiled(kind))])[0])
        cells = []
        for _, function in functions:
            count, said = function(path)
            cells.append(f"{count} ({said})")
        print(f"{kind:18}" + "".join(f"{cell:>34}" for cell in cells))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=20_000)
    parser.add_argument("--memory-child", nargs=2, metavar=("WHAT", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.memory_child:
        memory_child(*args.memory_child)
        return
    print(f"python {sys.version.split()[0]}; cleaner from {os.path.dirname(warc.__file__)}")
    with tempfile.TemporaryDirectory() as folder:
        speed(folder, args.records)
        robustness(folder)


if __name__ == "__main__":
    main()
