"""Configuration: where it is found, what it may hold, and how flags override it."""

from __future__ import annotations

import pytest

from cleaner.cli import main
from cleaner.commands.config import ConfigError, Flags, find_config, resolve
from cleaner.core.settings import Settings

ARTICLE = "By Jane Doe\nThe road reopened on Monday, the USA said.\n"


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_nearest_file_upwards_cleaner_toml_first(tmp_path):
    write(tmp_path / "pyproject.toml", "[tool.cleaner]\nselect = ['B']\n")
    write(tmp_path / "sub" / "pyproject.toml", "[project]\nname = 'x'\n")  # no table: passed over
    assert find_config(str(tmp_path / "sub")) == str(tmp_path / "pyproject.toml")
    write(tmp_path / "sub" / "cleaner.toml", "select = ['N']\n")
    assert find_config(str(tmp_path / "sub")) == str(tmp_path / "sub" / "cleaner.toml")


def test_settings_come_from_the_file_then_the_flags(tmp_path):
    config = write(
        tmp_path / "pyproject.toml",
        "[tool.cleaner]\nselect = ['B']\nextend-select = ['N001']\nignore = ['B002']\n"
        "include = ['corpus']\nexclude = ['*.html']\nentities = ['names.toml']\n"
        "per-file-ignores = {'wire/*.txt' = ['B001']}\ntext-field = 'body'\n"
        "[tool.cleaner.dedup]\nthreshold = 0.8\n",
    )
    settings = resolve(Flags(), str(config))
    assert settings.select == ("B", "N001") and settings.ignore == ("B002",)
    assert settings.include == ("corpus",) and settings.exclude == ("*.html",)
    assert settings.entity_files == (str(tmp_path / "names.toml"),)
    assert settings.per_file_ignores == (("wire/*.txt", ("B001",)),)
    assert settings.text_field == "body" and settings.dedup.threshold == 0.8
    assert (settings.max_document_bytes, settings.extraction_seconds) == (Settings.max_document_bytes, 30.0)
    assert settings.root == str(tmp_path)
    flags = Flags(select=["N"], ignore=["N001"], text_field="text")
    settings = resolve(flags, str(config))
    # a new selection on the command line starts over, as in ruff
    assert (settings.select, settings.ignore, settings.text_field) == (("N",), ("N001",), "text")
    assert resolve(Flags(extend_select=["B"], ignore=["B009"]), str(config)).ignore == ("B002", "B009")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param("[tool.cleaner]\nselekt = ['B']\nfoo = 1\n", "unknown key(s): foo, selekt", id="unknown keys"),
        pytest.param("[tool.cleaner]\nselect = 'B'\n", "'select' must be a list of strings", id="list"),
        pytest.param("[tool.cleaner]\ndedup = 3\n", "'dedup' must be a table", id="dedup table"),
        pytest.param("[tool.cleaner.dedup]\nbandz = 3\n", "unknown key(s) in [dedup]: bandz", id="dedup key"),
        pytest.param("[tool.cleaner]\nmax-document-size = -1\n", "must be a positive number", id="size"),
        pytest.param("[tool.cleaner]\nextraction-timeout = 'soon'\n", "must be a positive number", id="timeout"),
        pytest.param("[tool.cleaner.dedup]\nthreshold = 2.0\n", "threshold must be in", id="dedup value"),
        pytest.param("[tool.cleaner]\njobs = 0\n", "'jobs' must be a whole number, at least 1", id="jobs 0"),
        pytest.param("[tool.cleaner]\njobs = 1.5\n", "'jobs' must be a whole number", id="jobs fraction"),
        pytest.param("[tool.cleaner]\njobs = true\n", "'jobs' must be a whole number", id="jobs bool"),
        pytest.param("[tool.cleaner]\nper-file-ignores = {'a' = 'B001'}\n", "per-file-ignores", id="per-file"),
        pytest.param("[tool.cleaner]\nselect = ['Q9']\n", "unknown rule code(s) or prefix(es): Q9", id="code"),
        pytest.param("[tool.cleaner\n", "not valid TOML", id="toml"),
    ],
)
def test_bad_configuration_is_named(tmp_path, text, message):
    config = write(tmp_path / "pyproject.toml", text)
    with pytest.raises(ConfigError, match=r"pyproject\.toml") as error:
        resolve(Flags(), str(config))
    assert message in str(error.value)


def test_unknown_key_exits_2_naming_it(tmp_path, capsys, monkeypatch):
    write(tmp_path / "cleaner.toml", "includes = ['corpus']\n")
    write(tmp_path / "a.txt", ARTICLE)
    monkeypatch.chdir(tmp_path)
    assert main(["check", "a.txt"]) == 2
    err = capsys.readouterr().err
    assert "cleaner.toml: unknown key(s): includes" in err and len(err.strip().splitlines()) == 1


def test_clean_reads_the_configuration(tmp_path, capsys, monkeypatch):
    write(tmp_path / "pyproject.toml", "[tool.cleaner]\nignore = ['N']\n")
    write(tmp_path / "a.txt", ARTICLE)
    monkeypatch.chdir(tmp_path)
    assert main(["clean", "a.txt"]) == 0
    assert capsys.readouterr().out == "The road reopened on Monday, the USA said.\n"
    assert main(["clean", "a.txt", "--config", "nowhere.toml"]) == 2


def test_limits_come_from_the_file(tmp_path):
    config = write(tmp_path / "cleaner.toml", "max-document-size = 5000\nextraction-timeout = 2.5\n")
    settings = resolve(Flags(), str(config))
    assert (settings.max_document_bytes, settings.extraction_seconds) == (5000, 2.5)


def test_jobs_come_from_the_flag_then_the_file_else_one_per_core(tmp_path):
    config = write(tmp_path / "cleaner.toml", "jobs = 3\n")
    assert resolve(Flags(), str(config)).jobs == 3
    assert resolve(Flags(jobs=2), str(config)).jobs == 2
    assert resolve(Flags(), str(write(tmp_path / "other.toml", ""))).jobs == 0  # 0: one per core
    assert Settings().jobs == 1  # from Python, one process unless asked
