"""The pool engine: a stage run in worker processes, with the results in input order.

- Units go to the workers in batches (about ``BATCH_COST`` bytes of input, at most
  ``BATCH_UNITS`` units), and at most ``WINDOW`` batches a job are out ahead of the first
  result not yet given back: memory stays bounded however large the input.
- Each worker sets the stage up once (the rules prepared from the settings), then runs
  batch after batch. Units go in and results come out as pickles; nothing else is shared.
  A worker has two batches at a time, one running and one waiting in its pipe, so that it
  does not wait while this process writes results.
- A worker that dies (a page that crashes the HTML parser, the out-of-memory killer) is
  replaced, and its batch runs again one unit at a time, so that the unit that kills a
  worker is found: its result is ``stage.crashed(unit, reason)``, and the run goes on.
- An exception that a stage raises (a bug) stops the run, as it would in this process.
- Workers come from a fork server (spawned where there is none), not from a fork of this
  process, which may be running threads (the progress display). The fork server imports
  cleaner once; a worker, a replacement too, is a fork of it. Like any spawned process, a
  worker imports the main module of the program first (``if __name__ == "__main__":``).
"""

from __future__ import annotations

import multiprocessing
import pickle
import signal
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import wait
from typing import Any

from cleaner.core.stage import Ready, Stage

BATCH_COST = 64 * 1024  # bytes of input: a few milliseconds of work, more than the overhead
BATCH_UNITS = 64
WINDOW = 4  # batches a job open at once, from the first not yet given back
PIPELINE = 2  # batches sent to a worker at once


HINT = (
    "; worker processes import the main module first: a script that cleans with more than"
    ' one job must do so under `if __name__ == "__main__":`'
)


class WorkerError(Exception):
    """A worker process that could not start, or the traceback, in a worker, of an exception
    a stage raised."""


@dataclass
class _Batch:
    slot: int  # the place in input order of the batch the units came in
    start: int  # the index of the first unit in that batch
    units: list


class _Worker:
    """One worker process, its end of the pipe, and the batches sent to it, in order."""

    def __init__(self, context: Any, stage: Stage):
        self.connection, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child, stage.setup, stage.args, stage.run), daemon=True)
        self.process.start()
        child.close()
        self.batches: deque[_Batch] = deque()  # sent, results not back yet
        self.ready = False  # the stage's setup has run

    def send(self, batch: _Batch) -> None:
        self.batches.append(batch)
        self.connection.send_bytes(_dumps(batch.units))

    def receive(self) -> tuple[_Batch, list] | str | None:
        """The first batch sent and its results; or why the worker died, the first batch
        being the one it was running; None for the message that the worker is ready."""
        try:
            kind, value = pickle.loads(self.connection.recv_bytes())
        except (EOFError, OSError):
            self.process.join()
            if not self.ready:
                raise WorkerError(f"a worker process could not start ({_death(self.process.exitcode)}){HINT}") from None
            return _death(self.process.exitcode)
        if kind == "ready":
            self.ready = True
            return None
        if kind == "raised":
            error, text = value
            raise error from WorkerError(text)
        return self.batches.popleft(), value

    def stop(self) -> None:
        if self.batches:  # busy: its work is not wanted any more
            self.process.terminate()
        self.connection.close()  # an idle worker reads the end of its input and returns
        self.process.join(5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()


def imap(stage: Stage, units: Iterable[Any], jobs: int) -> Iterator[Any]:
    """The result of ``stage`` for each unit (or a :class:`Ready` unit's value), in order,
    computed by ``jobs`` worker processes."""
    run = _Run(stage, _batches(iter(units), stage.cost), jobs)
    try:
        while True:
            run.open()
            run.dispatch()
            yield from run.finished()
            if not run.collect():
                return
    finally:
        for worker in run.workers:
            worker.stop()


class _Run:
    """The batches of one run: those open, those waiting for a worker, the results so far."""

    def __init__(self, stage: Stage, batches: Iterator[list | Ready], jobs: int):
        self.stage, self.batches, self.jobs = stage, batches, jobs
        self.context = _context()
        self.workers = [_Worker(self.context, stage) for _ in range(jobs)]
        self.results: dict[int, list] = {}  # of each open batch, None where not known yet
        self.missing: dict[int, int] = {}  # how many results each open batch still waits for
        self.queue: deque[_Batch] = deque()
        self.given = self.opened = 0  # batches given back, batches opened
        self.exhausted = False

    def open(self) -> None:
        """Take batches from the input while the window has room."""
        while not self.exhausted and self.opened - self.given < WINDOW * self.jobs:
            batch = next(self.batches, None)
            if batch is None:
                self.exhausted = True
                return
            if isinstance(batch, Ready):
                self.results[self.opened], self.missing[self.opened] = [batch.value], 0
            else:
                self.results[self.opened], self.missing[self.opened] = [None] * len(batch), len(batch)
                self.queue.append(_Batch(self.opened, 0, batch))
            self.opened += 1

    def dispatch(self) -> None:
        """Keep PIPELINE batches in every worker's pipe: one it runs, the next waiting, so
        that it never waits for this process."""
        for index, worker in enumerate(self.workers):
            while len(worker.batches) < PIPELINE and self.queue:
                batch = self.queue.popleft()
                try:
                    worker.send(batch)
                except OSError:  # it died idle: its batches go back to the queue
                    self.queue.extendleft(reversed(worker.batches))
                    self.workers[index] = worker = self._replace(worker)

    def _replace(self, worker: _Worker) -> _Worker:
        worker.batches.clear()
        worker.stop()
        return _Worker(self.context, self.stage)

    def finished(self) -> Iterator[Any]:
        """The results of the first open batches that have them all, in order."""
        while self.given < self.opened and self.missing[self.given] == 0:
            del self.missing[self.given]
            yield from self.results.pop(self.given)
            self.given += 1

    def collect(self) -> bool:
        """Wait for workers to finish batches and take their results; False when the run
        has nothing left to wait for."""
        busy = [worker for worker in self.workers if worker.batches]
        if not busy:
            return not (self.exhausted and self.given == self.opened)
        ready = wait([w.connection for w in busy] + [w.process.sentinel for w in busy])
        for worker in busy:
            if worker.connection in ready or worker.process.sentinel in ready:
                outcome = worker.receive()
                if isinstance(outcome, str):
                    crashed, *waiting = worker.batches
                    self.queue.extendleft(reversed(waiting))
                    self.workers[self.workers.index(worker)] = self._replace(worker)
                    self._crashed(crashed, outcome)
                elif outcome is not None:
                    self._done(*outcome)
        return True

    def _done(self, batch: _Batch, results: list) -> None:
        self.results[batch.slot][batch.start : batch.start + len(results)] = results
        self.missing[batch.slot] -= len(results)

    def _crashed(self, batch: _Batch, reason: str) -> None:
        """A unit alone gets the stage's crash result; the units of a larger batch run
        again, each alone, before anything else."""
        if len(batch.units) == 1:
            self._done(batch, [self.stage.crashed(batch.units[0], reason)])
            return
        singles = [_Batch(batch.slot, batch.start + i, [u]) for i, u in enumerate(batch.units)]
        self.queue.extendleft(reversed(singles))


def _batches(units: Iterator[Any], cost: Callable[[Any], int]) -> Iterator[list | Ready]:
    """The units in batches of about BATCH_COST, each Ready unit alone."""
    batch: list = []
    total = 0
    for unit in units:
        if isinstance(unit, Ready):
            if batch:
                yield batch
                batch, total = [], 0
            yield unit
            continue
        batch.append(unit)
        total += cost(unit)
        if total >= BATCH_COST or len(batch) >= BATCH_UNITS:
            yield batch
            batch, total = [], 0
    if batch:
        yield batch


def _serve(connection: Any, setup: Callable, args: tuple, run: Callable) -> None:
    """A worker: set the stage up, then run each batch that comes until the input ends."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    try:
        state = setup(*args)
        message: tuple[str, list | None] = ("ready", None)
        while _send(connection, message):
            try:
                units = pickle.loads(connection.recv_bytes())
            except (EOFError, OSError):  # the parent has closed its end: no more work
                return
            message = ("done", [run(state, unit) for unit in units])
    except Exception as error:
        _send(connection, ("raised", (error, traceback.format_exc())))


def _send(connection: Any, message: tuple) -> bool:
    """Send ``message`` to the parent; False if it has gone."""
    try:
        data = _dumps(message)
    except Exception as error:  # what cannot be pickled goes back as a traceback
        text = message[1][1] if message[0] == "raised" else traceback.format_exc()
        data = _dumps(("raised", (RuntimeError(f"cannot send it back: {error}"), text)))
    try:
        connection.send_bytes(data)
    except OSError:
        return False
    return True


def _death(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        try:
            return f"worker process killed by {signal.Signals(-exitcode).name}"
        except ValueError:
            pass
        return f"worker process killed by signal {-exitcode}"
    return f"worker process exited with code {exitcode}"


def _context() -> Any:
    """A fork server with cleaner imported where there is one, else spawn."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([__name__])
    return context


def _dumps(value: Any) -> bytes:
    return pickle.dumps(value, pickle.HIGHEST_PROTOCOL)  # documents' read-only views: see cleaner.core.model
