"""The dedup command's outputs: a rich table of clusters, or one JSON object."""

from __future__ import annotations

import json
from typing import Any, TextIO

from rich.console import Console
from rich.table import Table

from cleaner.duplicates import Cluster, Passage


def location(passage: Passage) -> dict[str, Any]:
    """Where a passage is: its path, its line (paragraphs) and its record (JSON Lines)."""
    where: dict[str, Any] = {"path": passage.path}
    if passage.record is not None:
        where["record"] = passage.record
    if passage.line is not None:
        where["line"] = passage.line
    return where


def as_json(result) -> dict[str, Any]:
    def cluster(c: Cluster) -> dict[str, Any]:
        members = [{**location(m.passage), "similarity": round(m.similarity, 4)} for m in c.members]
        return {"id": c.id, "canonical": location(c.canonical), "members": members}

    return {
        "clusters": [cluster(c) for c in result.clusters],
        "documents": [cluster(c) for c in result.documents],
        "stats": result.stats,
    }


def write_json(result, stream: TextIO) -> None:
    json.dump(as_json(result), stream, ensure_ascii=False)
    stream.write("\n")


def _label(passage: Passage) -> str:
    where = passage.path + (f"#{passage.record}" if passage.record is not None else "")
    return where + (f":{passage.line}" if passage.line is not None else "")


def _table(title: str, clusters: list[Cluster]) -> Table:
    table = Table(title=title, title_justify="left")
    for name in ("cluster", "canonical", "copy", "similarity"):
        table.add_column(name, justify="right" if name in ("cluster", "similarity") else "left", overflow="fold")
    for c in clusters:
        for number, member in enumerate(c.members):
            first = number == 0
            table.add_row(
                str(c.id) if first else "",
                _label(c.canonical) if first else "",
                _label(member.passage),
                f"{member.similarity:.2f}",
            )
    return table


def print_tables(result, console: Console) -> None:
    console.print(_table(f"Duplicate paragraphs: {len(result.clusters)} clusters", result.clusters))
    console.print(_table(f"Duplicate articles: {len(result.documents)} clusters", result.documents))
