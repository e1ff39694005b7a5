"""The hooks under the real pre-commit, in a temporary git repository holding a corpus.

It installs the hook environment (cleaner and its dependencies) from the package index, so
it is marked: ``pytest -m "not precommit"`` leaves it out.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.precommit

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = "Floods close the coast road\nBy Jane Doe\nThe road reopened on Monday after the water went down.\n"
COPY = "Council news in brief\nThe road reopened Monday after the water went down.\n"


def environment(tmp_path: Path) -> dict[str, str]:
    names = {"GIT_AUTHOR_NAME": "Test", "GIT_COMMITTER_NAME": "Test"}
    mails = {"GIT_AUTHOR_EMAIL": "test@example.org", "GIT_COMMITTER_EMAIL": "test@example.org"}
    env = {**os.environ, **names, **mails, "PRE_COMMIT_HOME": str(tmp_path / "store")}
    env["GIT_CONFIG_GLOBAL"] = str(tmp_path / "gitconfig")  # no hooks or templates of the user's
    env.pop("PRE_COMMIT", None)
    return env


def run(env, cwd, *argv, check=True):
    result = subprocess.run(argv, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    if check:
        assert result.returncode == 0, result.stdout + result.stderr
    return result


def hook_repository(tmp_path: Path, env) -> tuple[Path, str]:
    """A git repository with this project's package and hook manifest, committed."""
    repo = tmp_path / "hooks"
    repo.mkdir()
    for name in ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml"):
        shutil.copy(ROOT / name, repo / name)
    shutil.copytree(ROOT / "cleaner", repo / "cleaner", ignore=shutil.ignore_patterns("__pycache__"))
    run(env, repo, "git", "init", "-q")
    run(env, repo, "git", "add", ".")
    run(env, repo, "git", "commit", "-q", "-m", "hooks")
    return repo, run(env, repo, "git", "rev-parse", "HEAD").stdout.strip()


def refused_commit(env, corpus: Path, name: str, text: str) -> str:
    """Add ``corpus/name`` and commit it: the hooks refuse; what they printed."""
    (corpus / "corpus" / name).write_text(text, encoding="utf-8")
    run(env, corpus, "git", "add", ".")
    refused = run(env, corpus, "git", "commit", "-m", f"add {name}", check=False)
    output = refused.stdout + refused.stderr
    assert refused.returncode != 0, output
    return output


def test_a_commit_with_boilerplate_or_a_copied_paragraph_fails_until_fixed(tmp_path):
    env = environment(tmp_path)
    hooks, rev = hook_repository(tmp_path, env)
    corpus = tmp_path / "corpus-repo"
    (corpus / "corpus").mkdir(parents=True)
    (corpus / "cleaner.toml").write_text('include = ["corpus"]\n', encoding="utf-8")
    (corpus / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {hooks}\n    rev: {rev}\n    hooks:\n"
        "      - id: cleaner-check\n      - id: cleaner-duplicates\n",
        encoding="utf-8",
    )
    run(env, corpus, "git", "init", "-q")
    run(env, corpus, "git", "add", ".")
    run(env, corpus, "git", "commit", "-q", "--no-verify", "-m", "configuration")
    pre_commit = [sys.executable, "-m", "pre_commit"]
    run(env, corpus, *pre_commit, "install")

    output = refused_commit(env, corpus, "a.txt", ARTICLE)
    assert "corpus/a.txt:2:1: B001 [byline] byline" in output
    assert "hook id: cleaner-check" in output
    assert "cleaner cross-file duplicates....." in output and "hook id: cleaner-duplicates" not in output

    fixed = run(env, corpus, sys.executable, "-m", "cleaner", "check", "--fix", "corpus/a.txt")
    assert "(fixed)" in fixed.stdout
    run(env, corpus, "git", "add", ".")
    run(env, corpus, "git", "commit", "-q", "-m", "an article, fixed")
    assert "By Jane Doe" not in (corpus / "corpus" / "a.txt").read_text(encoding="utf-8")

    output = refused_commit(env, corpus, "b.txt", COPY)
    assert "corpus/b.txt:2:1: D002 [duplicate-paragraph] copy of corpus/a.txt line 2" in output
    assert "hook id: cleaner-check" in output and "hook id: cleaner-duplicates" in output
    run(env, corpus, sys.executable, "-m", "cleaner", "check", "--fix", "--unsafe-fixes", "corpus/b.txt")
    run(env, corpus, "git", "add", ".")
    run(env, corpus, "git", "commit", "-q", "-m", "a copy, removed")
    assert (corpus / "corpus" / "b.txt").read_text(encoding="utf-8") == "Council news in brief\n"
    status = run(env, corpus, "git", "status", "--porcelain", "--ignored").stdout
    assert ".cleaner_cache" in status and "??" not in status  # the index is ignored, never added
