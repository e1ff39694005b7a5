"""Pickling of documents, findings and results: between processes and into spool files.

Documents and findings keep their metadata in read-only ``MappingProxyType`` views, which
the standard pickler refuses: here a view travels as a dict and comes back read-only.
"""

from __future__ import annotations

import copyreg
import io
import pickle
from collections.abc import Iterator
from types import MappingProxyType
from typing import IO, Any


def pickler(stream: IO[bytes]) -> pickle.Pickler:
    """A pickler into ``stream`` that knows read-only mappings."""
    result = pickle.Pickler(stream, protocol=pickle.HIGHEST_PROTOCOL)
    result.dispatch_table = copyreg.dispatch_table.copy()
    result.dispatch_table[MappingProxyType] = lambda proxy: (_frozen, (dict(proxy),))
    return result


def dumps(value: Any) -> bytes:
    buffer = io.BytesIO()
    pickler(buffer).dump(value)
    return buffer.getvalue()


def loads(data: bytes) -> Any:
    return pickle.loads(data)


def load_all(stream: IO[bytes]) -> Iterator[Any]:
    """Everything pickled into ``stream``, in order, until its end."""
    unpickler = pickle.Unpickler(stream)
    while True:
        try:
            yield unpickler.load()
        except EOFError:
            return


def _frozen(mapping: dict) -> MappingProxyType:
    return MappingProxyType(mapping)
