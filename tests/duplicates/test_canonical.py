"""One canonical order: the earliest known date, then input order, however it is computed."""

from __future__ import annotations

import random

import numpy as np
import pytest

from cleaner.duplicates.canonical import date_ranks, group_heads, heads, known_date

DATES = ["2020-02-01", "2020-01-05", "2020-01-05T08:00:00", "2019-12-31", "", None, "May 2", 20200101]


def expected_order(dates: list) -> list[int]:
    dated = sorted((d, i) for i, d in enumerate(dates) if known_date(d))
    return [i for _, i in dated] + [i for i, d in enumerate(dates) if not known_date(d)]


def test_known_dates_are_iso_strings():
    assert [bool(known_date(d)) for d in DATES] == [True, True, True, True, False, False, False, False]


@pytest.mark.parametrize("seed", range(5))
def test_ranks_put_known_dates_first_then_input_order(seed):
    dates = random.Random(seed).choices(DATES, k=40)
    ranks = date_ranks(dates)
    assert np.argsort(ranks).tolist() == expected_order(dates)


def test_no_dates():
    assert date_ranks([]).tolist() == []


def test_heads_prefer_the_earliest_date_then_the_first():
    labels = np.array([4, 4, 4, 8, 8])
    dates = np.array(["", "2020-02-01", "2020-01-05", "", ""])
    assert heads(labels, dates, np.array([4, 6, 9, 8, 10])).tolist() == [9, 9, 9, 8, 8]


@pytest.mark.parametrize("seed", range(5))
def test_every_way_of_finding_the_canonical_agrees(seed):
    rng = random.Random(seed)
    count = 60
    dates = [rng.choice(DATES[:5]) for _ in range(count)]
    labels = np.array([rng.randrange(6) for _ in range(count)])
    items = np.arange(count)
    by_label = heads(labels, np.array(dates, dtype=str), items)
    members = np.argsort(labels, kind="stable")
    starts = np.flatnonzero(np.concatenate(([True], labels[members][1:] != labels[members][:-1])))
    group_of = np.repeat(np.arange(len(starts)), np.diff(np.append(starts, count)))
    canonical = group_heads(members, group_of, starts, date_ranks(dates)[members])
    for label, head in zip(labels[members][starts].tolist(), canonical.tolist()):
        inside = [i for i in range(count) if labels[i] == label]
        assert head == inside[expected_order([dates[i] for i in inside])[0]]
        assert set(by_label[labels == label].tolist()) == {head}
