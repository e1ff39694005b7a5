"""Globs of include, exclude and per-file-ignores: names anywhere, paths from the root."""

from __future__ import annotations

import pytest

from cleaner.core.globs import glob_regex, literal_base, relative_to


@pytest.mark.parametrize(
    ("glob", "path", "matches"),
    [
        pytest.param("*.html", "a/b/page.html", True, id="name glob at any depth"),
        pytest.param("*.html", "a/page.txt", False, id="other suffix"),
        pytest.param("drafts", "corpus/drafts/x.txt", True, id="folder name covers its files"),
        pytest.param("corpus/*.txt", "corpus/a.txt", True, id="anchored"),
        pytest.param("corpus/*.txt", "corpus/sub/a.txt", False, id="star stops at a slash"),
        pytest.param("corpus/*.txt", "other/corpus/a.txt", False, id="anchored at the root"),
        pytest.param("corpus/**/*.txt", "corpus/a.txt", True, id="double star: no folder"),
        pytest.param("corpus/**/*.txt", "corpus/x/y/a.txt", True, id="double star: folders"),
        pytest.param("./corpus/", "corpus/a.txt", True, id="leading ./ and trailing slash"),
        pytest.param("wire-?.txt", "wire-1.txt", True, id="question mark"),
        pytest.param("[ab].txt", "c.txt", False, id="class"),
        pytest.param("[!ab].txt", "c.txt", True, id="negated class"),
    ],
)
def test_glob(glob, path, matches):
    assert bool(glob_regex(glob).match(path)) == matches


def test_literal_base_and_relative_paths(tmp_path):
    assert literal_base("corpus/2024/**/*.txt") == "corpus/2024"
    assert literal_base("*.txt") == ""
    assert relative_to(str(tmp_path / "a" / "b.txt"), str(tmp_path)) == "a/b.txt"
    assert relative_to("/elsewhere/x.txt", str(tmp_path)) == "/elsewhere/x.txt"
