"""Plain text: one paragraph per non-blank line, UTF-8 or UTF-16 with a byte-order mark."""

from __future__ import annotations

from collections.abc import Iterator

from cleaner.core.model import InputError
from cleaner.core.settings import Settings
from cleaner.io.files import Source, Unreadable, decode
from cleaner.io.formats.base import Format, Item, make_document, too_large


class Text(Format):
    kind = "text"
    writable = True

    def parse(self, source: Source, data: bytes, settings: Settings) -> Iterator[Item]:
        try:
            if len(data) > settings.max_document_bytes:
                raise Unreadable(too_large(len(data), settings))
            yield make_document(source.path, source.path, decode(data), {})
        except Unreadable as problem:
            yield InputError(source.path, str(problem), problem.line)
