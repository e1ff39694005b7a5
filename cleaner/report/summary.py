"""The rich summary of a `cleaner clean` run, printed on stderr."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from cleaner.commands.clean import Summary


def print_summary(summary: Summary, console: Console) -> None:
    """Documents read, lines removed and edited per rule, and every input error."""
    for error in summary.errors:
        console.print(f"[red]error[/red]: {error}", highlight=False, soft_wrap=True)
    table = Table(title="cleaner clean", title_justify="left", show_edge=False)
    table.add_column("rule")
    table.add_column("name")
    table.add_column("removed", justify="right")
    table.add_column("edited", justify="right")
    for code, name in sorted(set(summary.removed) | set(summary.edited)):
        table.add_row(code, name, str(summary.removed[(code, name)]), str(summary.edited[(code, name)]))
    if table.row_count:
        console.print(table)
    removed = summary.lines_in - summary.lines_out
    console.print(
        f"{summary.documents} document(s) from {summary.files} file(s): "
        f"{summary.lines_in} paragraphs in, {removed} removed, {sum(summary.edited.values())} "
        f"edited; {len(summary.errors)} error(s)",
        highlight=False,
    )
