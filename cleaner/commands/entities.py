"""``entities``: the gazetteer's examples, run as ``clean`` matches names."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from cleaner.entities import Matcher, load_gazetteer


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
