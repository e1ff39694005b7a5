"""Files and folders the user may not read: a one-line error each, the rest of the run goes on.

Permissions do not stop root, so when the tests run as root the command runs in a forked
child that has dropped to the ``nobody`` user first. The child runs the command once as root
on a readable copy, so that every module it imports is loaded before it loses the right to
read them; then it only needs the corpus, which is in a folder anyone may enter.
"""

from __future__ import annotations

import os
import pwd
import shutil
import stat
import sys
import tempfile
import traceback
from pathlib import Path

import pytest

from cleaner.cli import main

STORY = "By Jane Doe\nThe ferry ran again on Monday after repairs to its engine.\n"


@pytest.fixture
def corpus():
    """A corpus anyone may enter, holding a file and a folder that nobody but root may read."""
    folder = Path(tempfile.mkdtemp(prefix="cleaner-permissions-"))
    os.chmod(folder, 0o777)
    (folder / "corpus" / "locked").mkdir(parents=True)
    (folder / "corpus" / "fine.txt").write_text(STORY, encoding="utf-8")
    (folder / "corpus" / "secret.txt").write_text(STORY, encoding="utf-8")
    (folder / "corpus" / "locked" / "inside.txt").write_text(STORY, encoding="utf-8")
    os.chmod(folder / "corpus", 0o777)
    os.chmod(folder / "corpus" / "fine.txt", 0o644)
    os.chmod(folder / "corpus" / "secret.txt", 0)
    os.chmod(folder / "corpus" / "locked", 0)
    (folder / "warm" / "corpus").mkdir(parents=True)  # a first run there imports what it needs
    shutil.copy(folder / "corpus" / "fine.txt", folder / "warm" / "corpus" / "fine.txt")
    yield folder
    for path in (folder / "corpus" / "locked", folder / "corpus" / "secret.txt"):
        os.chmod(path, stat.S_IRWXU)
    shutil.rmtree(folder)


def run_unprivileged(folder: Path, argv: list[str]) -> tuple[int, str, str]:
    """``cleaner argv`` in ``folder`` as a user without root's rights: code, stdout, stderr."""
    out, err = folder / "stdout", folder / "stderr"
    if os.geteuid() != 0:
        with out.open("w") as stdout, err.open("w") as stderr:

            def as_is() -> int:
                os.chdir(folder)
                return _main(argv, stdout.fileno(), stderr.fileno())

            code = _in_child(as_is)
    else:
        nobody = pwd.getpwnam("nobody")
        with out.open("w") as stdout, err.open("w") as stderr:

            def dropped() -> int:
                with open(os.devnull, "w") as nowhere:  # the stdlib is root's: import it now
                    os.chdir(folder / "warm")
                    _main(argv, nowhere.fileno(), nowhere.fileno())
                os.setgroups([])
                os.setgid(nobody.pw_gid)
                os.setuid(nobody.pw_uid)
                os.chdir(folder)
                return _main(argv, stdout.fileno(), stderr.fileno())

            code = _in_child(dropped)
    return code, out.read_text(), err.read_text()


def _main(argv: list[str], stdout: int, stderr: int) -> int:
    """``main(argv)`` printing into the files ``stdout`` and ``stderr`` (descriptors)."""
    # not pytest's capture, which the parent reads; open as long as the process
    sys.stdout = open(stdout, "w", closefd=False)  # noqa: SIM115
    sys.stderr = open(stderr, "w", closefd=False)  # noqa: SIM115
    return main(argv)


def _in_child(body) -> int:
    """``body()``'s return value as the exit code of a forked child."""
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        code = 3
        try:
            code = body()
        except BaseException:
            traceback.print_exc()
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(code)
    return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])


def test_clean_reports_what_it_may_not_read_and_cleans_the_rest(corpus):
    code, _out, err = run_unprivileged(corpus, ["clean", "corpus", "-o", "cleaned", "--quiet"])
    assert code == 1
    errors = err.splitlines()
    assert errors == [
        "cleaner: corpus/secret.txt: Permission denied",
        "cleaner: corpus/locked: cannot list folder (Permission denied)",
    ]
    assert (corpus / "cleaned" / "fine.txt").read_text() == STORY.splitlines()[1] + "\n"


@pytest.mark.parametrize("cache", [["--no-cache"], []], ids=["no-cache", "index"])
def test_check_reports_what_it_may_not_read_and_checks_the_rest(corpus, cache):
    for _ in range(2):  # the second run takes the unreadable file's error from the index
        code, out, err = run_unprivileged(corpus, ["check", "corpus", "--quiet", *cache])
        assert code == 1
        assert out.splitlines() == ["corpus/fine.txt:1:1: B001 [byline] byline"]
        assert err.splitlines() == [
            "error: corpus/locked: cannot list folder (Permission denied)",
            "error: corpus/secret.txt: Permission denied",
        ]
