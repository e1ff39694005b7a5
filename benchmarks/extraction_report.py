"""The extraction benchmark's tables: the systems side by side on every data set, cleaner's
removals by rule, boilerplate-looking lines left, and the pages where cleaner loses most."""

from __future__ import annotations

from _common import rich_table
from extraction_results import SetResult
from extraction_systems import CLEANER, SYSTEMS, TRAFILATURA
from rich.console import Console

# a rule whose removals are article text more often than this needs a look
WRONG_SHARE = 0.02
MARGINS = (0.2, 0.02)  # page F1 below trafilatura's by more than these
CREDIT = {"wcxb-dev": "WCXB, Murrough Foley, 2026 (CC-BY-4.0)"}


def print_systems(console: Console, results: list[SetResult], how: str) -> None:
    # headers on several lines: the table has 7 to 9 columns per set
    columns = ["system"]
    for result in results:
        name, snippets = result.data_set.name, result.summary(TRAFILATURA).found is not None
        columns += [f"{name}\n{c}" for c in ("F1", "P", "R", *(("with", "without") if snippets else ()))]
        columns += [f"{name}\nworse\n>{m}" for m in MARGINS] + [f"{name}\ns/page", f"{name}\n×traf"]
    pages = ", ".join(f"{r.data_set.name} {r.pages} pages" for r in results)
    table = rich_table(f"Article extraction ({pages}; {how})", columns, left=("system",))
    for system in SYSTEMS:
        table.add_row(system, *(cell for result in results for cell in system_cells(result, system)))
    console.print(table)
    for result in results:
        if result.data_set.name in CREDIT:
            console.print(f"{result.data_set.name} data: {CREDIT[result.data_set.name]}", highlight=False)


def system_cells(result: SetResult, system: str) -> list[str]:
    summary = result.summary(system)
    scores = [summary.f1, summary.precision, summary.recall]
    if summary.found is not None and summary.leaked is not None:
        scores += [summary.found, summary.leaked]
    seconds, base = result.seconds_per_page(system), result.seconds_per_page(TRAFILATURA)
    return [
        *(f"{score:.3f}" for score in scores),
        *(str(result.worse(system, margin)) for margin in MARGINS),
        f"{seconds:.4f}",
        f"{seconds / base:.2f}" if base else "-",
    ]


def print_rules(console: Console, results: list[SetResult], names: dict[str, str]) -> None:
    """Lines each rule of the cleaner row removed, and how many of them are in the truth."""
    columns = ["rule", "name"]
    for result in results:
        columns += [f"{result.data_set.name} {c}" for c in ("removed", "in truth", "share")]
    table = rich_table("Lines removed by cleaner's rules (the cleaner row)", columns, left=("rule", "name"))
    flagged = []
    for code, name in sorted(names.items()):
        cells = [code, name]
        for result in results:
            tally, share = result.rules, result.rules.share(code)
            cells += [str(tally.removed[code]), str(tally.in_truth[code]), f"{share:.1%}" if share is not None else "-"]
            if share is not None and share > WRONG_SHARE:
                flagged.append(f"{code} ({result.data_set.name} {share:.1%})")
        table.add_row(*cells)
    console.print(table)
    console.print(
        f"rules with more than {WRONG_SHARE:.0%} of their removals in the truth: {', '.join(flagged) or 'none'}",
        highlight=False,
    )


def print_leftover(console: Console, results: list[SetResult]) -> None:
    """Boilerplate-looking output lines by the script's own shapes (see extraction_shapes)."""
    columns = ["system"]
    for result in results:
        columns += [f"{result.data_set.name} {c}" for c in ("boilerplate-looking lines", "pages with title line")]
    table = rich_table("Boilerplate-looking lines left (the script's own shapes)", columns, left=("system",))
    for system in SYSTEMS:
        cells = [system]
        for result in results:
            leftover = result.rows[system].leftover
            cells += [str(len(leftover.lines)), str(leftover.title_pages)]
        table.add_row(*cells)
    console.print(table)


def print_losses(console: Console, result: SetResult, count: int) -> None:
    """The pages where cleaner loses most F1 against trafilatura: ids and figures only."""
    columns = ("page", TRAFILATURA, "no rules", CLEANER, "change", "text", "why", "lines added", "linked lines")
    title = f"{result.data_set.name}: the {count} pages where cleaner loses most F1 against trafilatura"
    table = rich_table(title, columns, left=("page", "text", "why"))
    for loss in result.losses(count):
        extraction = loss.extraction
        table.add_row(
            loss.page,
            f"{loss.trafilatura:.3f}",
            f"{loss.no_rules:.3f}",
            f"{loss.cleaner:.3f}",
            f"{loss.cleaner - loss.trafilatura:+.3f}",
            str(extraction.get("text", "-")),
            str(extraction.get("why") or extraction.get("error", "-")),
            str(extraction.get("lines_added", "-")),
            str(len(extraction.get("linked_lines") or ())),
        )
    console.print(table)


def print_lines(console: Console, title: str, lines: list[tuple[str, str, str]]) -> None:
    """Lines of page text with their page id and label (``--details``, ``--leftover``)."""
    console.rule(f"{title} ({len(lines)})")
    for page, label, line in lines:
        console.print(f"{page}  [{label}]  {line}", markup=False, highlight=False)
