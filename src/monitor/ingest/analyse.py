"""Where the CPU-bound stages of a document run (extract, language, detect, fingerprint):
in the calling thread, or in a pool of worker processes fed by the fetch threads.

A poll's threads wait mostly on the network; the analysis of what they fetch is pure Python
CPU (≈ 5 ms off topic, ≈ 13 ms on topic per document here), which threads of one interpreter
cannot run in parallel. `Analyser(workers=N)` runs it in N processes instead. Back-pressure is
the calling threads themselves: each waits for its own result before it fetches the next
page, so at most one page per polling thread is ever queued (memory stays bounded by
`MONITOR_MAX_PARALLEL_SOURCES` × page size, whatever the backlog).

The pool is started on the first page (a run whose sources answer 304 starts no process) from
a fork server that imported the analysis code and loaded the language model once: workers are
forked from it already warm, and share those pages. The fork server is a fresh interpreter,
not a fork of this multi-threaded process (forking a process with running threads can
deadlock). A worker that dies (a parser crash, the OOM killer) breaks the pool: the pool is
replaced and the page is tried once more; a page that breaks it again is a `ParseError` for
that article only. Workers end with the process that started them, however it ends: a worker
blocked on its queue would never learn that a SIGKILLed parent is gone (it holds both ends of
the queue's pipe), so each watches its parent's pid and start time (`_outlive_no_one`).
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

from monitor.errors import ParseError

logger = logging.getLogger(__name__)

T = TypeVar("T")

#: Imported by the fork server before it forks workers: everything a page's analysis needs.
PRELOAD = "monitor.ingest.warm"


class Analyser:
    """Runs a pure function of a fetched page in this thread (`workers=0`) or in a worker process."""

    def __init__(self, workers: int = 0) -> None:
        self.workers = workers
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()
        self._closed = False

    def __call__(self, fn: Callable[..., T], *args: Any) -> T:
        if not self.workers:
            return fn(*args)
        for attempt in (1, 2):
            pool = self._get_pool()
            try:
                return pool.submit(fn, *args).result()
            except BrokenProcessPool:
                self._replace(pool)
                if attempt == 2:
                    raise ParseError("the analysis worker died on this page (twice)") from None
                logger.warning("an analysis worker died; pool replaced, page tried again")
        raise AssertionError("unreachable")

    def _get_pool(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._closed:
                raise RuntimeError("analyser closed")
            if self._pool is None:
                context = multiprocessing.get_context("forkserver")
                context.set_forkserver_preload([PRELOAD])
                self._pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=context,
                                                 initializer=_outlive_no_one, initargs=_identity(os.getpid()))
                logger.info("analysis pool started: %d worker processes", self.workers)
            return self._pool

    def _replace(self, broken: ProcessPoolExecutor) -> None:
        with self._lock:
            if self._pool is broken:
                self._pool = None
        broken.shutdown(wait=False, cancel_futures=True)

    def close(self) -> None:
        with self._lock:
            self._closed = True
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> Analyser:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _identity(pid: int) -> tuple[int, str | None]:
    """A process's pid and start time (Linux: /proc; elsewhere the pid alone)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            fields = stat.read().rsplit(b")", 1)[1].split()
        return pid, None if fields[0] == b"Z" else fields[19].decode()  # state, starttime
    except OSError:
        return pid, None


def _alive(pid: int, started: str | None) -> bool:
    if started is not None:
        return _identity(pid) == (pid, started)  # a zombie, or the pid reused by another: gone
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _outlive_no_one(pid: int, started: str | None, every: float = 1.0) -> None:
    """In each worker: exit when the process that started the pool is gone."""
    def watch() -> None:
        while _alive(pid, started):
            time.sleep(every)
        os._exit(0)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


#: In-thread analysis (Airflow's mapped tasks: one source per task, parallel across workers).
IN_THREAD = Analyser(0)
