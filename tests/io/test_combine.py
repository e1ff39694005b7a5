"""Two extractions of a page become one text: the precision run, checked by the balanced run."""

from __future__ import annotations

import pytest

from cleaner.io.combine import combine, contained, merge, prose_share

PROSE = [f"Paragraph {n} of the harbour story says what the council decided and why it matters here." for n in range(6)]
TEASERS = ["Ferry fares rise in spring", "Harbour wall repaired"]


def lines(text: str) -> list[str]:
    return text.splitlines()


def test_the_precision_run_is_used_when_the_balanced_run_only_adds_edges():
    balanced = "\n".join(["Harbour vote: what it means", *PROSE, *TEASERS])
    result = combine("\n".join(PROSE), balanced)
    assert (result.source, lines(result.text), result.added) == ("precision", PROSE, 0)


def test_lines_the_balanced_run_has_inside_the_article_are_put_back():
    heading = "What the council decided"
    balanced = "\n".join([*PROSE[:3], heading, *PROSE[3:], *TEASERS])
    result = combine("\n".join(PROSE), balanced)
    expected = [*PROSE[:3], heading, *PROSE[3:]]
    assert (result.source, lines(result.text), result.added) == ("merged", expected, 1)


def test_a_paragraph_the_precision_run_cut_short_comes_back_whole():
    shortened = PROSE[2].replace(" and why it matters", "")
    result = combine("\n".join([*PROSE[:2], shortened, *PROSE[3:]]), "\n".join(PROSE))
    assert lines(result.text) == PROSE


@pytest.mark.parametrize(
    ("precise", "balanced", "source"),
    [
        pytest.param("", "\n".join(PROSE), "balanced", id="precision-run-empty"),
        pytest.param("\n".join(PROSE), "", "precision", id="balanced-run-empty"),
        pytest.param(
            "The copy is for your personal use only, the notice at the top of the page said.",
            "\n".join(PROSE),
            "balanced",
            id="precision-run-elsewhere",
        ),
        pytest.param(PROSE[0], "\n".join(PROSE), "balanced", id="precision-run-lost-the-prose"),
        pytest.param(
            PROSE[0],
            "\n".join([*(f"Menu entry {n}" for n in range(60)), PROSE[0]]),
            "precision",
            id="balanced-run-is-a-menu",
        ),
    ],
)
def test_which_run_is_used(precise, balanced, source):
    result = combine(precise, balanced)
    assert result.source == source
    assert result.reason


def test_merge_keeps_the_precision_runs_own_lines_at_the_edges():
    precise = ["Harbour vote", *PROSE[:2]]
    balanced = ["Harbour vote: what it means", *PROSE[:2], "Ferry fares rise in spring"]
    assert merge(precise, balanced) == (precise, 0)


def test_contained_and_prose_share():
    assert contained(PROSE[0], "\n".join(PROSE)) == 1.0
    assert contained("Nothing in common with the other text at all here.", PROSE[0]) == 0.0
    share = len(PROSE[0]) / (8 + len(PROSE[0]))
    assert prose_share(["Home", "News", PROSE[0]]) == pytest.approx(share)
    assert prose_share([]) == 0.0
