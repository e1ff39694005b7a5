"""The pool engine: results in input order, bounded look-ahead, and workers that die.

The stage functions are defined here, at module level, so that worker processes can import
them; a worker runs them in a process of its own, so they misbehave on purpose only there.
"""

from __future__ import annotations

import os
import signal

import pytest

from cleaner import engines
from cleaner.engines import Ready, Stage, local, pool


def remember_parent(parent: int) -> int:
    return parent


def square(parent: int, unit: int) -> int:
    return unit * unit


def crash_on_13(parent: int, unit: int) -> int:
    if unit == 13 and os.getpid() != parent:
        os._exit(3)
    if unit == 14 and os.getpid() != parent:
        os.kill(os.getpid(), signal.SIGSEGV)
    return unit * unit


def fail_on_5(parent: int, unit: int) -> int:
    if unit == 5:
        raise ValueError("no fives")
    return unit


def fail_to_start(parent: int) -> int:
    if os.getpid() != parent:
        os._exit(1)
    return parent


def crashed(unit: int, reason: str) -> str:
    return f"{unit}: {reason}"


def cost(unit: int) -> int:
    return 1000


def stage(run, setup=remember_parent) -> Stage:
    return Stage(setup, (os.getpid(),), run, crashed, cost)


def test_results_come_in_input_order_with_ready_values_in_place():
    units = [*range(300), Ready("listed"), *range(300, 400)]
    expected = [*(u * u for u in range(300)), "listed", *(u * u for u in range(300, 400))]
    assert list(pool.imap(stage(square), units, jobs=2)) == expected
    assert list(local.imap(stage(square), units, os.getpid())) == expected


def test_a_worker_that_dies_costs_its_unit_alone_and_the_run_goes_on():
    results = list(pool.imap(stage(crash_on_13), range(40), jobs=2))
    assert results[13] == "13: worker process exited with code 3"
    assert results[14] == "14: worker process killed by SIGSEGV"
    assert results[:13] + results[15:] == [u * u for u in [*range(13), *range(15, 40)]]


def test_an_exception_in_a_stage_stops_the_run_with_the_workers_traceback():
    with pytest.raises(ValueError, match="no fives") as raised:
        list(pool.imap(stage(fail_on_5), range(10), jobs=2))
    assert isinstance(raised.value.__cause__, pool.WorkerError)
    assert "fail_on_5" in str(raised.value.__cause__)


def test_workers_that_cannot_start_stop_the_run_with_a_hint():
    with pytest.raises(pool.WorkerError, match=r"could not start .*__main__"):
        list(pool.imap(stage(square, setup=fail_to_start), range(10), jobs=2))


def test_the_input_is_read_only_a_window_ahead_of_the_results():
    taken = []

    def units():
        for unit in range(100_000):
            taken.append(unit)
            yield unit

    results = pool.imap(stage(square), units(), jobs=2)
    assert next(results) == 0
    ahead = (pool.WINDOW * 2 + 1) * max(pool.BATCH_UNITS, pool.BATCH_COST // cost(0))
    assert len(taken) <= ahead
    results.close()


def test_run_falls_back_to_this_process_for_a_small_input_or_a_single_unit(monkeypatch):
    def refuse(*args):
        raise AssertionError("the pool should not start for so little")

    monkeypatch.setattr(pool, "imap", refuse)
    assert list(engines.run(stage(square), range(10), jobs=2)) == [u * u for u in range(10)]
    monkeypatch.setattr(engines, "POOL_MIN_COST", 0)  # however large, one unit is not shared
    assert list(engines.run(stage(square), [Ready(1), 7, Ready(2)], jobs=2)) == [1, 49, 2]


def test_run_sets_the_stage_up_here_first_so_bad_settings_raise_at_once():
    def broken(parent):
        raise RuntimeError("bad gazetteer")

    with pytest.raises(RuntimeError, match="bad gazetteer"):
        engines.run(stage(square, setup=broken), iter(()), jobs=2)


def test_jobs_zero_means_one_per_core():
    assert engines.cores(0) >= 1 and engines.cores(3) == 3
