"""Scale: how a cleaner run grows with the machine, one section per question.

Run from the repository (with the project installed, e.g. the development virtualenv)::

    python benchmarks/scale.py                          # every section
    python benchmarks/scale.py --section jobs --pages 2000 --repeat 2
    python benchmarks/scale.py --section jobs --profile

``--section NAME`` (repeatable) picks sections; each is a function in ``SECTIONS`` that takes
the parsed arguments and prints its own table. The figures depend on the machine and on what
else runs on it: compare the rows of one table, measured in the same run, not tables of
different runs.

Section ``jobs``: 1 job vs all jobs
    ``cleaner clean PAGES -o OUT --quiet`` on the HTML pages of the article-extraction
    benchmark (``../shared/data/aeb``, read from ``--data``; see its README.md), copied into a
    temporary folder as many times as it takes to have ``--pages`` pages (2,000 by default),
    once with ``--jobs 1`` and once with ``--jobs N`` (``--jobs``, by default one per core).
    Each run is the command line in a process of its own, timed from its start to its exit,
    Python's start and imports included; with ``--repeat R`` each is run R times and the
    fastest counts. The two runs' outputs are compared byte for byte. Without the data the
    section says so in one line and is skipped. Columns:

    - jobs, pages, seconds, pages per second, and the speed-up over one job;
    - main process CPU: its CPU time as a share of the run's time. The main process finds
      the files, sends them to the workers and writes what comes back: near 100% it would
      be what limits the run;
    - CPU, all processes: the CPU time of the run's every process, workers included
      (counted on Linux, where this script adopts the processes a run leaves behind: the
      fork server that reaped the workers);
    - speed-up, idle cores: what those CPU times allow on cores with nothing else to run,
      the work spread evenly over the jobs and the main process on a core of its own. An
      upper bound, and the figure to read on a busy machine, where the measured speed-up
      says as much about the other processes as about cleaner.

    ``--profile`` then cleans the same pages with N jobs in this process under cProfile and
    prints where the main process spends its time.

Section ``ray``: local vs Ray engine
    ``benchmarks/scale_ray.py``: ``cleaner.duplicates`` over ``--paragraphs`` synthetic paragraphs
    (100,000 by default) with the local engine and with the Ray engine (a local Ray instance,
    or ``--address``): seconds, Ray's start-up, the clusters found, and whether they are the
    local engine's exactly. Skipped, in one line, without the ``ray`` extra.

Section ``memory``: peak memory of ``clean --drop-duplicates``
    ``benchmarks/scale_memory.py``: a generated JSON Lines corpus of ``--size`` MB (3,000 by
    default), and one an eighth of that size as the baseline, cleaned with
    ``--drop-duplicates``; seconds, MB/s and the peak resident memory of the whole process
    tree, against a budget of 2,048 MB.
"""

from __future__ import annotations

import argparse
import cProfile
import ctypes
import os
import pstats
import resource
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from _common import AEB, absent, make_console, rich_table, run_cleaner_cli, timed, with_pythonpath, write_files
from rich.console import Console

import cleaner
from cleaner.engines import cores


@dataclass(frozen=True)
class Timing:
    seconds: float
    main_cpu: float  # CPU seconds of the main process
    all_cpu: float | None  # of every process of the run, workers included (None: unknown)


def copy_pages(data: Path, target: Path, pages: int) -> int:
    """Copy the benchmark's pages into ``target``, a folder a copy, until there are
    ``pages``; the number copied."""
    sources = sorted((data / "html").glob("*.html.gz"))
    copies = -(-pages // len(sources))
    files = ((f"copy{copy:03d}/{source.name}", source.read_bytes()) for copy in range(copies) for source in sources)
    return len(write_files(target, files))


def run_clean(pages: Path, output: Path, jobs: int, adopting: bool) -> Timing:
    """One ``cleaner clean`` in a process of its own: its time, and its CPU time (of all its
    processes when this one adopts orphans, see ``_adopt_orphans``)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    # exit code 1: some pages have no article text
    done = run_cleaner_cli("clean", str(pages), "-o", str(output), "--quiet", "--jobs", str(jobs), env=_same_cleaner())
    if not adopting:
        return Timing(done.seconds, done.cpu, None)
    _reap_orphans()  # the fork server, whose workers it reaped
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return Timing(done.seconds, done.cpu, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime))


def _adopt_orphans() -> bool:
    """Become the parent of the run's processes that outlive it (Linux: a child subreaper),
    so that their CPU time, and their children's, is counted when they are reaped."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(36, 1, 0, 0, 0) == 0  # PR_SET_CHILD_SUBREAPER
    except (OSError, AttributeError):
        return False


def _reap_orphans() -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            time.sleep(0.05)


def _same_cleaner() -> dict[str, str]:
    """The environment in which ``python -m cleaner`` imports the cleaner this script does."""
    return with_pythonpath(Path(cleaner.__file__).resolve().parents[1])


def same_files(one: Path, other: Path) -> bool:
    def files(folder: Path) -> dict[str, bytes]:
        return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}

    return files(one) == files(other)


def one_job_vs_all(args: argparse.Namespace, console: Console) -> None:
    """Section ``jobs``: the HTML pipeline with one job and with all of them."""
    if absent(args.data / "html", "jobs: "):
        return
    jobs = args.jobs or cores(0)
    with tempfile.TemporaryDirectory(prefix="cleaner-scale-") as temporary:
        folder = Path(temporary)
        pages = copy_pages(args.data, folder / "pages", args.pages)
        timings = {}
        for count in (1, jobs):
            runs = [
                run_clean(folder / "pages", folder / f"out{count}-{n}", count, args.adopting)
                for n in range(args.repeat)
            ]
            timings[count] = min(runs, key=lambda timing: timing.seconds)
        same = same_files(folder / "out1-0", folder / f"out{jobs}-0")
        print_jobs_table(console, pages, timings, same)
        if args.profile:
            profile_main_process(folder / "pages", folder / "profiled", jobs, console)


def print_jobs_table(console: Console, pages: int, timings: dict[int, Timing], same: bool) -> None:
    columns = (
        "jobs",
        "pages",
        "seconds",
        "pages/s",
        "speed-up",
        "main process CPU",
        "CPU, all processes",
        "speed-up, idle cores",
    )
    table = rich_table("1 job vs all jobs: cleaner clean on HTML pages", columns, title_justify="left")
    one = timings[1]
    for count, timing in timings.items():
        table.add_row(
            str(count),
            f"{pages:,}",
            f"{timing.seconds:.1f}",
            f"{pages / timing.seconds:.1f}",
            f"{one.seconds / timing.seconds:.2f}x",
            f"{timing.main_cpu / timing.seconds:.0%}",
            "?" if timing.all_cpu is None else f"{timing.all_cpu:.1f} s",
            _idle_speed_up(one, timing, count),
        )
    console.print(table)
    console.print(f"same output with 1 and {max(timings)} jobs: {'yes' if same else 'NO'}")


def _idle_speed_up(one: Timing, timing: Timing, jobs: int) -> str:
    """The speed-up the CPU times allow on ``jobs`` cores with nothing else to run: the
    work spread evenly, the main process on a core of its own (an upper bound)."""
    if one.all_cpu is None or timing.all_cpu is None:
        return "?"
    return f"{one.all_cpu / max(timing.all_cpu / jobs, timing.main_cpu):.2f}x"


def profile_main_process(pages: Path, output: Path, jobs: int, console: Console) -> None:
    """Where the main process spends its time when ``jobs`` workers clean."""
    from cleaner import clean_to
    from cleaner.core.settings import Settings

    profile = cProfile.Profile()
    seconds, _ = timed(profile.runcall, clean_to, [str(pages)], str(output), "text", Settings(jobs=jobs))
    console.print(f"main process, {jobs} jobs, profiled: {seconds:.1f} s")
    pstats.Stats(profile, stream=sys.stdout).sort_stats("tottime").print_stats(12)


def local_vs_ray(args: argparse.Namespace, console: Console) -> None:
    """Section ``ray``: ``benchmarks/scale_ray.py`` (dedup of ``--paragraphs`` paragraphs)."""
    import scale_ray

    try:
        import ray  # noqa: F401
    except ImportError:
        console.print("section ray: Ray is not installed (pip install '.[ray]'); skipped")
        return
    rows = scale_ray.run(argparse.Namespace(count=args.paragraphs, address=args.address))
    console.print(f"\nLocal vs Ray engine: dedup of {args.paragraphs:,} synthetic paragraphs")
    scale_ray.print_table(rows)


def drop_duplicates_memory(args: argparse.Namespace, console: Console) -> None:
    """Section ``memory``: ``benchmarks/scale_memory.py`` (``--size`` MB of JSON Lines)."""
    import scale_memory

    options = argparse.Namespace(size=args.size, shard=100, budget=2048, poll=0.2, no_small=False, keep=None)
    console.print(f"\nPeak memory of clean --drop-duplicates on {args.size:,.0f} MB of JSON Lines")
    rows = scale_memory.run(options)
    scale_memory.print_table(rows)
    scale_memory.verdict(rows)


SECTIONS = {"jobs": one_job_vs_all, "ray": local_vs_ray, "memory": drop_duplicates_memory}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--section", action="append", choices=sorted(SECTIONS), help="sections to run (default: all)")
    parser.add_argument("--data", type=Path, default=AEB, help="the article-extraction benchmark folder")
    parser.add_argument("--pages", type=int, default=2000, help="pages to clean (copies of the benchmark's)")
    parser.add_argument("--jobs", type=int, help="jobs of the second run (default: one per core)")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each case; the fastest counts")
    parser.add_argument("--profile", action="store_true", help="profile the main process with all jobs")
    parser.add_argument("--paragraphs", type=int, default=100_000, help="paragraphs of the ray section")
    parser.add_argument("--address", help="the ray section's cluster (default: a local one)")
    parser.add_argument("--size", type=float, default=3000, help="MB of JSON Lines for the memory section")
    args = parser.parse_args(argv)
    args.adopting = _adopt_orphans()
    console = make_console(120)
    for name in args.section or SECTIONS:
        SECTIONS[name](args, console)
    return 0


if __name__ == "__main__":
    sys.exit(main())
