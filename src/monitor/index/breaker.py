"""A circuit breaker over the cluster, for long runs (issue 14, "fail fast").

A poll writes its documents in batches, so between two writes it can fetch hundreds of
articles for a cluster that died meanwhile: a run whose cluster was SIGKILLed took 22 s to
fail with 1,000 articles and 143 s with 3,000, fetching for nothing. `ClusterBreaker.check()`
is called before each article: at most every `PROBE_EVERY` seconds (one probe per process,
whatever the number of source threads) it asks the cluster for its health with a short
timeout and no retries; when the cluster fails `FAILURES` probes in a row (a slow answer
under load is not a death), the breaker opens and every later
`check()` raises `IndexError_` at once, so every source stops fetching, its cursor is not
advanced (the poll raises before saving its state) and the run fails clearly. The next run
starts with a closed breaker.
"""

from __future__ import annotations

import logging
import threading
import time

from elasticsearch import ApiError, Elasticsearch, TransportError

from monitor.errors import IndexError_

logger = logging.getLogger(__name__)

__all__ = ["PROBE_EVERY", "ClusterBreaker"]

PROBE_EVERY = 2.0
PROBE_TIMEOUT = 5.0
FAILURES = 2


class ClusterBreaker:
    """Open once the cluster stops answering; checked before each unit of work."""

    def __init__(self, client: Elasticsearch, *, every: float = PROBE_EVERY, clock=time.monotonic) -> None:
        self._client = client
        self._every = every
        self._clock = clock
        self._lock = threading.Lock()
        self._last = clock()  # the run just reached the cluster (indices ensured): no probe yet
        self._open: str | None = None
        self._failures = 0

    @property
    def open(self) -> bool:
        return self._open is not None

    def trip(self, reason: str) -> None:
        with self._lock:
            if self._open is None:
                self._open = reason
                logger.error("Elasticsearch circuit open: %s; stopping this run", reason)

    def check(self) -> None:
        """Raise `IndexError_` when the cluster is known to be gone (probing it now and then)."""
        if self._open is None and self._clock() - self._last >= self._every and self._lock.acquire(blocking=False):
            try:
                self._last = self._clock()
                problem = self._probe()
            finally:
                self._lock.release()
            self._failures = self._failures + 1 if problem else 0
            if problem and self._failures >= FAILURES:
                self.trip(problem)
        if self._open is not None:
            raise IndexError_(f"Elasticsearch is unreachable ({self._open}); the run stopped fetching")

    def _probe(self) -> str | None:
        try:
            self._client.options(request_timeout=PROBE_TIMEOUT, max_retries=0).cluster.health()
        except (ApiError, TransportError) as exc:
            return f"health check failed: {exc.__class__.__name__}"
        return None
