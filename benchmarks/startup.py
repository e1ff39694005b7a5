"""What each command costs before it does its work, and ``dedup`` on many short files.

For each command: the modules it imports, the seconds spent importing them (``python -X
importtime``, summed over the top-level imports), and the best wall-clock time of the whole
run, for this tree and, side by side, for a baseline: a bare ``python -c pass``, and with
``--baseline REV`` the same commands from that git revision (checked out into a temporary
worktree, run with its folder first on ``PYTHONPATH``).

    python benchmarks/startup.py [--baseline REV] [--files 2000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from _common import ROOT, best_of, print_header, print_row, write_files

ARTICLE = (
    "By Ana Lima\n"
    "The ferry to the island runs again from Monday, the harbour office said.\n"
    "Storm damage closed the pier for {n} days in March.\n"
    "Like this:\n"
)


def commands(folder: Path) -> dict[str, list[str]]:
    small = str(folder / "small" / "a.txt")
    many = str(folder / "many")
    return {
        "--version": ["--version"],
        "rule B001": ["rule", "B001"],
        "check 1 small file": ["check", small, "--no-cache"],
        "clean 1 small file": ["clean", small],
        f"dedup {len(os.listdir(many))} short files": ["dedup", many, "--output-format", "json"],
    }


def profile(tree: Path | None, argv: list[str], cwd: Path) -> tuple[int, float]:
    """The modules a run imports and the seconds spent importing them."""
    env = _env(tree)
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "cleaner", *argv], cwd=cwd, env=env, capture_output=True, text=True
    )
    rows = re.findall(r"^import time:\s+\d+ \|\s+(\d+) \|( *)(\S+)$", done.stderr, re.M)
    top = sum(int(total) for total, indent, _ in rows if len(indent) == 1)
    return len(rows), top / 1e6


def wall(tree: Path | None, argv: list[str], cwd: Path, repeat: int) -> float:
    env = _env(tree)
    command = [sys.executable, "-m", "cleaner", *argv] if argv else [sys.executable, "-c", "pass"]

    def run() -> None:
        subprocess.run(command, cwd=cwd, env=env, capture_output=True)

    return best_of(run, repeat, warm_up=True)[0]


def _env(tree: Path | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}  # as installed: bytecode cached
    if tree is not None:
        env["PYTHONPATH"] = str(tree)
    return env


def make_corpus(folder: Path, files: int) -> None:
    write_files(folder / "small", [("a.txt", ARTICLE.format(n=1))])
    write_files(folder / "many", [(f"{n:05d}.txt", ARTICLE.format(n=n % 40)) for n in range(files)])


def worktree(rev: str, folder: Path) -> Path:
    target = folder / "baseline"
    subprocess.run(["git", "worktree", "add", "--detach", str(target), rev], cwd=ROOT, check=True, capture_output=True)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", metavar="REV", help="a git revision to compare with")
    parser.add_argument("--files", type=int, default=2000, help="short files for the dedup run")
    parser.add_argument("--repeat", type=int, default=5, help="runs per command; the best is shown")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        make_corpus(folder, args.files)
        trees = {"this tree": ROOT}
        if args.baseline:
            trees[f"baseline {args.baseline}"] = worktree(args.baseline, folder)
        try:
            print(f"bare interpreter (python -c pass): {wall(None, [], folder, args.repeat):.3f} s\n")
            print_header(
                "command", *(f"{name}: {what}" for name in trees for what in ("modules", "import s", "wall s"))
            )
            for label, command in commands(folder).items():
                cells = []
                for tree in trees.values():
                    modules, seconds = profile(tree, command, folder)
                    cells += [str(modules), f"{seconds:.3f}", f"{wall(tree, command, folder, args.repeat):.3f}"]
                print_row(label, *cells)
        finally:
            if args.baseline:
                subprocess.run(["git", "worktree", "remove", "--force", str(trees.popitem()[1])], cwd=ROOT)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
