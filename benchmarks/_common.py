"""What the benchmark scripts share: where their data sets are, writing generated corpora,
best-of-N timing and pinning to one CPU, peak memory, running a child process and reading
its result, and tables.

The scripts import it as they import ``synthetic`` or ``spinner``: run as
``python benchmarks/NAME.py``, the script's folder is first on ``sys.path``.

It imports nothing heavy at the top (no numpy, no rich): the scripts' child processes import
it too, and a child that measures its own peak memory must not count a library it never uses.
"""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

ROOT = Path(__file__).resolve().parent.parent
# the data sets live beside the project, read in place, never copied into it
DATA = ROOT.parent / "shared" / "data"
AEB = DATA / "aeb"
WCXB = DATA / "wcxb-dev"

T = TypeVar("T")


def absent(path: Path, where: str = "") -> bool:
    """Whether ``path`` is missing; if so, says in one line that the benchmark is skipped."""
    if path.exists():
        return False
    print(f"{where}benchmark data missing: no {path}; skipping.")
    return True


# -- generated corpora ----------------------------------------------------------------------


def write_jsonl(path: Path | str, records: Iterable[Any], limit: float = math.inf) -> tuple[int, int]:
    """Write ``records`` one a line, until they run out or ``limit`` bytes are written (the
    line that reaches it included); the bytes and the records written.

    Stopping at ``limit`` leaves an iterator where it was, so one stream can fill shard
    after shard.
    """
    written = count = 0
    with open(path, "w", encoding="utf-8") as out:
        for record in records:
            line = json.dumps(record, ensure_ascii=False) + "\n"
            out.write(line)
            written += len(line.encode("utf-8"))
            count += 1
            if written >= limit:
                break
    return written, count


def write_files(folder: Path | str, files: Iterable[tuple[str, str | bytes | Iterable[bytes]]]) -> list[Path]:
    """Write each ``(relative path, content)`` under ``folder``, sub-folders made as needed;
    the paths. Text is written as UTF-8; content in chunks is streamed, never joined."""
    paths = []
    for name, content in files:
        path = Path(folder) / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            with open(path, "wb") as out:
                out.writelines([content] if isinstance(content, bytes) else content)
        paths.append(path)
    return paths


# -- time -----------------------------------------------------------------------------------


def timed(run: Callable[..., T], *args: Any, **kwargs: Any) -> tuple[float, T]:
    """Seconds of wall clock of ``run(*args, **kwargs)``, and what it returned."""
    started = time.perf_counter()
    result = run(*args, **kwargs)
    return time.perf_counter() - started, result


def pin_to_one_cpu() -> str:
    """Pin this process to one CPU where the OS allows it; describe what was done."""
    if hasattr(os, "sched_setaffinity"):
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
        return f"pinned to CPU {cpu}"
    return "not pinned (no sched_setaffinity on this OS); one process, one thread"


def best_of(run: Callable[[], T], repeat: int, warm_up: bool = False) -> tuple[float, T]:
    """The fastest of ``repeat`` calls of ``run``, in seconds, and what that call returned;
    ``warm_up`` makes an untimed call first (caches, lazy imports)."""
    if warm_up:
        run()
    return min((timed(run) for _ in range(repeat)), key=lambda measured: measured[0])


# -- memory ---------------------------------------------------------------------------------


def peak_mb() -> float:
    """This process's peak resident set, MiB (VmHWM: unlike ru_maxrss, it starts afresh at
    exec, so the parent's size at fork does not count)."""
    with open("/proc/self/status") as handle:
        line = next(x for x in handle if x.startswith("VmHWM:"))
    return int(line.split()[1]) / 1024


def current_mb() -> float:
    """This process's resident set now, MiB."""
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def tree_rss_kb(root: int) -> int:
    """The summed VmRSS of ``root`` and every descendant (0 for those gone meanwhile)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as handle:
                    parent = int(handle.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry))
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        todo.extend(children.get(pid, []))
        try:
            with open(f"/proc/{pid}/status") as handle:
                total += next((int(line.split()[1]) for line in handle if line.startswith("VmRSS:")), 0)
        except OSError:
            continue
    return total


# -- child processes ------------------------------------------------------------------------


@dataclass(frozen=True)
class Finished:
    """A child process run to its end. Its CPU time and peak count the descendants it
    waited for as well (``wait4``): cleaner's worker processes are its own children."""

    seconds: float  # wall clock, the child's start and imports included
    code: int
    stderr: str
    cpu: float  # user + system seconds
    peak_kb: int  # the largest single process's peak resident set (ru_maxrss)
    tree_kb: int  # the largest polled sum over the whole process tree (0: not polled)


def run_cleaner_cli(
    *args: str, accept: Sequence[int] | None = (0, 1), poll: float | None = None, **popen: Any
) -> Finished:
    """``python -m cleaner ARGS`` in a process of its own, its output to /dev/null.

    An exit code outside ``accept`` stops the benchmark (1 is cleaner's "found something",
    not a failure); ``accept=None`` leaves the code to the caller. ``poll`` samples the
    resident size of the process tree every so many seconds.
    """
    command = [sys.executable, "-m", "cleaner", *args]
    # a file, not a pipe: a child that writes much to stderr while polled must not block
    with tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors, **popen)
        status, usage, tree = _wait(child.pid, poll)
        seconds = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)
        errors.seek(0)
        stderr = errors.read().decode("utf-8", "replace")
    if accept is not None and child.returncode not in accept:
        raise SystemExit(f"cleaner {args[0]} failed ({child.returncode}): {stderr.strip()}")
    return Finished(seconds, child.returncode, stderr, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, tree)


def _wait(pid: int, poll: float | None) -> tuple[int, Any, int]:
    """Wait for child ``pid`` to end: its status, its resource usage (``wait4``'s, which
    Popen does not keep), and the largest tree RSS sampled every ``poll`` seconds meanwhile."""
    tree = 0
    while True:
        done, status, usage = os.wait4(pid, os.WNOHANG if poll else 0)
        if done:
            return status, usage, tree
        tree = max(tree, tree_rss_kb(pid))
        time.sleep(poll)


def with_pythonpath(folder: Path) -> dict[str, str]:
    """This process's environment with ``folder`` first on ``PYTHONPATH``: a child's
    ``python -m cleaner`` then imports the cleaner in ``folder``."""
    return {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, (str(folder), os.environ.get("PYTHONPATH"))))}


def child_result(script: str, *args: str) -> dict | None:
    """Run ``python SCRIPT ARGS`` and read the JSON object on its last line of output;
    None, after printing the child's last error line, when it failed."""
    result = subprocess.run([sys.executable, script, *args], capture_output=True, text=True, check=False)
    if result.returncode != 0:
        print(result.stderr.strip().splitlines()[-1] if result.stderr.strip() else "failed", file=sys.stderr)
        return None
    return json.loads(result.stdout.strip().splitlines()[-1])


# -- tables ---------------------------------------------------------------------------------


def print_header(*columns: str) -> None:
    """The head of a table in Markdown's pipe syntax: readable as it is, pasted as a table."""
    print(" | ".join(columns))
    print(" | ".join("---" for _ in columns))


def print_row(*cells: str) -> None:
    print(" | ".join(cells))


def make_console(width: int):
    """A rich console; ``width`` columns when the output is a file or a pipe, where rich
    would otherwise cut a wide table to 80."""
    from rich.console import Console

    return Console(width=None if sys.stdout.isatty() else width, soft_wrap=True)


def rich_table(title: str, columns: Iterable[str], left: Iterable[str] = (), **options: Any):
    """A rich table with ``columns``, numbers right-aligned, those in ``left`` left-aligned."""
    from rich.table import Table

    table = Table(title=title, **options)
    left = set(left)
    for column in columns:
        table.add_column(column, justify="left" if column in left else "right")
    return table
