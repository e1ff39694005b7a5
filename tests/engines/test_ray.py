"""The Ray engine finds exactly the clusters of the local engine, on a local Ray instance."""

from __future__ import annotations

import json
import sys

import numpy as np
import pytest
import ray

from cleaner import dedup
from cleaner.cli import main
from cleaner.core.settings import DedupSettings, Settings
from cleaner.engines.ray import RayEngine
from cleaner.report.duplicates import as_json

WORDS = [
    f"{a}{b}"
    for a in ("ka", "lo", "mi", "nu", "pe", "ra", "su", "ti", "vo", "ze")
    for b in ("bar", "cen", "dol", "fin", "gor", "hul", "jat", "kem", "lis", "mot", "nar", "pol", "rix", "sot", "tun")
]


@pytest.fixture(scope="module", autouse=True)
def local_ray():
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


def paragraph(rng: np.random.Generator) -> str:
    words = rng.choice(len(WORDS), int(rng.integers(8, 30)), p=_zipf())
    return " ".join(WORDS[w] for w in words).capitalize() + "."


def _zipf() -> np.ndarray:
    weights = 1.0 / np.arange(1, len(WORDS) + 1)
    return weights / weights.sum()


def edited(text: str, rng: np.random.Generator) -> str:
    """A near copy: one word in eight or so replaced, or the text as it is."""
    words = text.split()
    for _ in range(int(rng.integers(0, len(words) // 8 + 1))):
        words[int(rng.integers(len(words)))] = WORDS[int(rng.integers(len(WORDS)))]
    return " ".join(words)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """About 400 paragraphs in text files and a dated JSON Lines feed: exact copies, near
    copies, copies of copies, a whole article copied, and paragraphs copied within one file."""
    rng = np.random.default_rng(11)
    root = tmp_path_factory.mktemp("corpus")
    written: list[str] = []
    articles = []
    for number in range(40):
        lines = []
        for _ in range(int(rng.integers(5, 12))):
            lines.append(
                edited(written[int(rng.integers(len(written)))], rng)
                if written and rng.random() < 0.3
                else paragraph(rng)
            )
            written.append(lines[-1])
        articles.append(lines)
        (root / f"site{number % 3}").mkdir(exist_ok=True)
        (root / f"site{number % 3}" / f"{number:03d}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    feed = [
        {"id": f"w{k}", "text": "\n".join(lines), "date": f"2021-0{1 + k % 9}-1{k % 10}"}
        for k, lines in enumerate(articles[::7])
    ]
    feed.append({"id": "undated", "text": "\n".join(articles[3])})
    (root / "feed.jsonl").write_text("".join(json.dumps(r) + "\n" for r in feed), encoding="utf-8")
    return root


def dedup_json(capsys, *argv) -> dict:
    assert main(["dedup", *argv, "--output-format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_ray_finds_the_clusters_of_the_local_engine(corpus):
    # the commonest words leave the LSH keys from 20 passages on: the corpus-wide count runs too
    settings = Settings().merged(dedup=DedupSettings(common_min=20))
    local = as_json(dedup([str(corpus)], settings))
    distributed = as_json(dedup([str(corpus)], settings, engine=RayEngine.connect()))
    assert local["stats"]["paragraphs"] > 300 and local["stats"]["duplicate_paragraphs"] > 50
    assert any(len(c["members"]) > 2 for c in local["clusters"]) and local["documents"]
    assert_same(distributed, local)


def assert_same(distributed: dict, local: dict) -> None:
    """The same clusters and counts (the local engine compares fewer pairs: see RayEngine)."""
    assert distributed["clusters"] == local["clusters"]
    assert distributed["documents"] == local["documents"]
    same = {k: v for k, v in local["stats"].items() if k != "compared_pairs"}
    assert {k: distributed["stats"][k] for k in same} == same


def test_the_command_line_runs_dedup_on_ray(corpus, capsys, monkeypatch):
    monkeypatch.chdir(corpus)
    local = dedup_json(capsys, ".", "--threshold", "0.7")
    assert local["clusters"]
    assert_same(dedup_json(capsys, ".", "--engine", "ray", "--threshold", "0.7"), local)


def test_without_ray_the_engine_names_the_extra(corpus, capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "ray", None)  # import ray fails, as without the extra
    assert main(["dedup", str(corpus), "--engine", "ray"]) == 2
    assert "pip install 'news-cleaner[ray]'" in capsys.readouterr().err


def test_an_address_needs_the_ray_engine(corpus, capsys):
    assert main(["dedup", str(corpus), "--address", "auto"]) == 2
    assert "--address needs --engine ray" in capsys.readouterr().err


def test_clean_on_ray_writes_what_the_local_engine_writes(corpus, tmp_path, capsys):
    """Cleaned text, removals, edits and the duplicates marked and dropped: byte for byte."""
    for engine in ("local", "ray"):
        argv = ["clean", str(corpus), "--format", "jsonl", "--drop-duplicates", "-o", str(tmp_path / f"{engine}.jsonl")]
        assert main([*argv, "--engine", engine]) == 0
    local = (tmp_path / "local.jsonl").read_text(encoding="utf-8")
    assert '"duplicates"' in local and '"D002"' in local
    assert (tmp_path / "ray.jsonl").read_text(encoding="utf-8") == local
