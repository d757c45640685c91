"""Per-host politeness: a minimum delay between two request starts to one host and a maximum
number of requests in flight to it, shared by every thread of a run.

Settings read: host_delay (MONITOR_HOST_DELAY), passed in by the fetcher; robots.txt
`Crawl-delay` raises a host's delay through `slow_down()`.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator

from monitor.errors import FetchTimeout


class HostGate:
    """Admits requests to a host no faster than `delay` apart and at most `max_active` at once."""

    def __init__(self, *, delay: float, max_active: int = 2) -> None:
        self._delay = max(0.0, delay)
        self._max_active = max(1, max_active)
        self._lock = threading.Lock()
        self._next_slot: dict[str, float] = {}
        self._delays: dict[str, float] = {}
        self._slots: dict[str, threading.BoundedSemaphore] = {}

    def slow_down(self, host: str, delay: float) -> None:
        """Raise one host's delay (e.g. to its robots.txt Crawl-delay), never lower it."""
        with self._lock:
            self._delays[host] = max(self._delays.get(host, self._delay), delay)

    @contextlib.contextmanager
    def admit(self, host: str, *, timeout: float) -> Iterator[None]:
        """Hold a slot for `host` while the request runs; raise `FetchTimeout` after `timeout`."""
        with self._lock:
            slots = self._slots.setdefault(host, threading.BoundedSemaphore(self._max_active))
        if not slots.acquire(timeout=max(0.0, timeout)):
            raise FetchTimeout(f"no free connection slot for {host} within {timeout:.1f}s")
        try:
            with self._lock:
                now = time.monotonic()
                start = max(now, self._next_slot.get(host, 0.0))
                self._next_slot[host] = start + self._delays.get(host, self._delay)
            if start - now > timeout:
                raise FetchTimeout(f"politeness delay for {host} exceeds the request deadline")
            if start > now:
                time.sleep(start - now)
            yield
        finally:
            slots.release()
