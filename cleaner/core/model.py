"""The document model: documents, findings, fixes and edits.

Everything here is immutable. A stage that changes a document returns a new one, and every
change to a document's text is described by an :class:`Edit` inside a :class:`Finding`.
"""

from __future__ import annotations

import copyreg
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, NamedTuple

_NON_WORD = re.compile(r"[\W_]+")
_WORD = re.compile(r"[^\W_]+")
# for ASCII text, lower() and _NON_WORD in one C call: a letter or digit becomes itself in
# lower case, anything else a space
_ASCII_WORDS = bytes(ord(chr(c).lower()) if chr(c).isalnum() else 32 for c in range(256))


def words_key(text: str) -> str:
    """Lower-case words joined by single spaces: "Like this:" and "LIKE  THIS" agree."""
    if text.isascii():
        return " ".join(text.encode("ascii").translate(_ASCII_WORDS).decode("ascii").split())
    return _NON_WORD.sub(" ", text.lower()).strip()


class _computed_once:
    """A lazily computed attribute, stored on the instance at first use.

    Like functools.cached_property, without the lock Python 3.11 takes on every first use:
    lines are never shared between threads, and rules read these on every line.
    """

    def __init__(self, function):
        self.function = function
        self.name = function.__name__
        self.__doc__ = function.__doc__

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.function(instance)
        return value


@dataclass(frozen=True, eq=False)
class Line:
    """One paragraph: a non-blank line of the input, with its 1-based input line number.

    The derived views below are computed once per line, however many rules and fix passes
    look at it. Lines compare and hash by identity: the rule engine remembers its findings
    per line object, and an edited line is a new object.
    """

    number: int
    text: str

    def __reduce__(self):  # a pickle carries the line, not the views derived from it
        return Line, (self.number, self.text)

    @_computed_once
    def key(self) -> str:
        """The line's words, lower case and single-spaced: what phrase lists match."""
        return words_key(self.text)

    @_computed_once
    def first_word(self) -> str:
        """The first of the line's words, as in ``key``: what line-start triggers look at."""
        if "key" in self.__dict__:
            return self.key.partition(" ")[0]
        found = _WORD.search(self.text if self.text.isascii() else self.text.lower())
        return found[0].lower() if found else ""

    @_computed_once
    def word_count(self) -> int:
        return len(self.text.split())


_FIRST_WORDS = re.compile(r"\n(?:[^\w\n]|_)*([^\W_]*)")  # after each newline: a line's first word


def first_words(lines: Sequence[Line], joined: str) -> list[str]:
    """Each line's ``first_word``, found in one search and kept on the lines.

    ``joined`` is the lines' texts lower-cased, each after a newline (as ``join_lines`` in
    ``cleaner.rules`` makes it): one search over it costs less than one per line.
    """
    words = _FIRST_WORDS.findall(joined)
    for line, word in zip(lines, words):
        line.__dict__.setdefault("first_word", word)
    return words


_NO_METADATA: Mapping[str, Any] = MappingProxyType({})


class Edit(NamedTuple):
    """A change to one line, addressed by its input line number.

    ``new=None`` removes the whole line. Otherwise the characters ``start:end`` of the line's
    current text are replaced by ``new`` (``end=None`` means the end of the line).
    """

    line: int
    start: int = 0
    end: int | None = None
    new: str | None = None

    @property
    def removes_line(self) -> bool:
        return self.new is None


class Fix(NamedTuple):
    """Edits that resolve one finding, applied together or not at all."""

    edits: tuple[Edit, ...]
    safe: bool = True


class Finding(NamedTuple):
    """What a rule reports: where, what, and how to fix it.

    ``metadata`` holds facts the flagged text carries (an author in a byline, a date in a
    dateline); they move into the document's metadata when the fix is applied.

    Edits, fixes and findings are named tuples: immutable like the rest of the model, and
    cheap to make, which matters when a corpus yields millions of them.
    """

    code: str
    name: str
    line: int
    message: str
    text: str
    column: int = 1
    end_column: int | None = None
    fix: Fix | None = None
    metadata: Mapping[str, Any] = _NO_METADATA


def freeze(mapping: Mapping[str, Any] | None) -> Mapping[str, Any]:
    """A read-only view of a copy of ``mapping``."""
    return MappingProxyType(dict(mapping or {}))


def _reduce_frozen(proxy: MappingProxyType) -> tuple:
    return freeze, (dict(proxy),)


# documents and findings are pickled: to the corpus stage's spool, to other processes, into
# the corpus index; a read-only view travels as its contents and is frozen again
copyreg.pickle(MappingProxyType, _reduce_frozen)


@dataclass(frozen=True)
class Document:
    """One article: where it came from, its paragraphs, and what is known about it.

    ``record`` is the 1-based line of the article in a JSON Lines input, else ``None``.
    """

    id: str
    path: str
    lines: tuple[Line, ...]
    metadata: Mapping[str, Any] = field(default_factory=lambda: freeze({}))
    record: int | None = None

    # built directly, not with dataclasses.replace: fix passes make documents by the million
    def with_lines(self, lines: tuple[Line, ...]) -> Document:
        return Document(self.id, self.path, lines, self.metadata, self.record)

    def with_metadata(self, **values: Any) -> Document:
        metadata = freeze({**self.metadata, **values})
        return Document(self.id, self.path, self.lines, metadata, self.record)

    @property
    def text(self) -> str:
        """The paragraphs joined one per line."""
        return "\n".join(line.text for line in self.lines)

    def derived(self, function: Callable[[Document], Any]) -> Any:
        """``function(self)``, computed once for this document however many rules ask.

        For the views several rules share (where the headline is, which lines are caption
        pairs): the document never changes, so neither does the answer.
        """
        cache = self.__dict__.setdefault("_derived", {})
        if function not in cache:
            cache[function] = function(self)
        return cache[function]


def lines_from_text(text: str) -> tuple[Line, ...]:
    """Split ``text`` into paragraphs: every non-blank line, numbered from 1."""
    return tuple(Line(number, line) for number, line in enumerate(text.splitlines(), start=1) if line.strip())


@dataclass(frozen=True)
class InputError:
    """A file (or one record of it) that could not be read; the run goes on without it."""

    path: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.message}"
