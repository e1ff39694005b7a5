"""Shared test helpers: documents from text, a context, and the golden-file switch."""

from __future__ import annotations

import pytest

from cleaner.core.model import Document, freeze, lines_from_text
from cleaner.core.settings import Settings
from cleaner.rules import make_context


def pytest_addoption(parser):
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite the expected outputs in fixtures/golden from the current behaviour",
    )


@pytest.fixture
def update_golden(request) -> bool:
    return request.config.getoption("--update-golden")


@pytest.fixture(scope="session")
def context():
    return make_context(Settings())


def document(text: str, **metadata) -> Document:
    """A document made of ``text`` (one paragraph per line)."""
    return Document("test", "test.txt", lines_from_text(text), freeze(metadata))
