"""The shipped gazetteer is well formed, every entry's examples hold, and users can extend it."""

from __future__ import annotations

import re

import pytest

from cleaner.entities import GazetteerError, Matcher, load_gazetteer
from tests.entities.test_matcher import normalize

DEFAULT = load_gazetteer()


def examples():
    for entity in DEFAULT:
        for number, (text, expected) in enumerate(entity.examples, start=1):
            yield pytest.param(text, expected, id=f"{entity.canonical}-{number}")


@pytest.mark.parametrize(("text", "expected"), list(examples()))
def test_example(text, expected):
    assert normalize(Matcher(DEFAULT), text) == expected


@pytest.mark.parametrize("entity", DEFAULT, ids=lambda e: e.canonical)
def test_entry_is_well_formed(entity):
    assert entity.examples, "every entry carries an example that runs as a test"
    assert entity.canonical not in entity.variants
    assert len(set(entity.variants)) == len(entity.variants)


def test_no_canonical_form_is_changed_by_the_gazetteer():
    matcher = Matcher(DEFAULT)
    for entity in DEFAULT:
        assert list(matcher.substitutions(f"about {entity.canonical} today")) == [], entity.canonical


def test_no_variant_belongs_to_two_entities():
    variants = [v for e in DEFAULT for v in e.variants]
    assert len(variants) == len(set(variants))


def test_user_file_adds_and_replaces_entries(tmp_path):
    user = tmp_path / "mine.toml"
    user.write_text(
        '[[entity]]\ncanonical = "Türkiye"\nvariants = ["Republic of Türkiye", "Turkey"]\n'
        'exceptions = ["Turkey sandwich"]\nexamples = [["the Republic of Türkiye", "Türkiye"]]\n'
        '[[entity]]\ncanonical = "US"\nvariants = ["U.S."]\narticle = true\n',
        encoding="utf-8",
    )
    entities = load_gazetteer([str(user)])
    matcher = Matcher(entities)
    assert normalize(matcher, "Turkey and the Republic of Türkiye") == "Türkiye and Türkiye"
    assert normalize(matcher, "a Turkey sandwich") == "a Turkey sandwich"
    assert normalize(matcher, "the USA and the U.S. agreed") == "the USA and the US agreed"  # replaced
    assert len(entities) == len(DEFAULT) + 1


def test_case_insensitive_entries(tmp_path):
    user = tmp_path / "mine.toml"
    user.write_text('[[entity]]\ncanonical = "Kyiv"\nvariants = ["Kiev"]\ncase_sensitive = false\n', encoding="utf-8")
    assert normalize(Matcher(load_gazetteer([str(user)])), "KIEV and kiev and Kiev") == "Kyiv and Kyiv and Kyiv"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("not toml [", "not valid TOML"),
        ("[[entity]]\nvariants = ['x']\n", "'canonical'"),
        ("[[entity]]\ncanonical = 'X'\nvariant = ['x']\n", "unknown key(s) variant"),
        ("[[entity]]\ncanonical = 'X'\nvariants = 'x'\n", "'variants'"),
        ("[[entity]]\ncanonical = 'X'\narticle = 'yes'\n", "'article'"),
        ("[[entity]]\ncanonical = 'X'\nexamples = [['only one']]\n", "'examples'"),
        ("[countries]\n", "unknown key(s) countries"),
    ],
)
def test_bad_user_files_name_the_problem(tmp_path, content, message):
    user = tmp_path / "bad.toml"
    user.write_text(content, encoding="utf-8")
    with pytest.raises(GazetteerError, match=re.escape(message)) as raised:
        load_gazetteer([str(user)])
    assert str(user) in str(raised.value)


def test_missing_user_file(tmp_path):
    with pytest.raises(GazetteerError, match="cannot read"):
        load_gazetteer([str(tmp_path / "nope.toml")])
