"""Per-host politeness (src/monitor/fetch/politeness.py): request starts to one host are spaced
by its delay, at most `max_active` requests to it are in flight, other hosts are not held up,
and a wait that would pass the request's deadline is a FetchTimeout. Real threads, short delays."""

from __future__ import annotations

import threading
import time

import pytest

from monitor.errors import FetchTimeout
from monitor.fetch.politeness import HostGate

DELAY = 0.25


def starts(gate: HostGate, hosts: list[str], *, timeout: float = 5.0) -> list[tuple[str, float]]:
    """Admit one request per host name, one after the other; when each started."""
    started = []
    for host in hosts:
        with gate.admit(host, timeout=timeout):
            started.append((host, time.monotonic()))
    return started


def test_requests_to_one_host_start_at_least_the_delay_apart():
    times = [t for _, t in starts(HostGate(delay=DELAY), ["a.example"] * 3)]
    gaps = [b - a for a, b in zip(times, times[1:])]
    assert all(gap >= DELAY - 0.01 for gap in gaps), gaps


def test_other_hosts_are_not_held_up():
    started = time.monotonic()
    starts(HostGate(delay=5.0), ["a.example", "b.example", "c.example"])
    assert time.monotonic() - started < 1.0


def test_threads_share_the_spacing():
    gate, times, lock = HostGate(delay=DELAY, max_active=4), [], threading.Lock()

    def request():
        with gate.admit("a.example", timeout=5):
            with lock:
                times.append(time.monotonic())

    threads = [threading.Thread(target=request) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    times.sort()
    assert all(b - a >= DELAY - 0.01 for a, b in zip(times, times[1:])), times


def test_at_most_max_active_requests_to_a_host_are_in_flight():
    gate = HostGate(delay=0.0, max_active=2)
    active = peak = 0
    lock = threading.Lock()

    def request():
        nonlocal active, peak
        with gate.admit("a.example", timeout=5):
            with lock:
                active += 1
                peak = max(peak, active)
            time.sleep(0.1)
            with lock:
                active -= 1

    threads = [threading.Thread(target=request) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert peak == 2


def test_no_free_slot_within_the_timeout_is_a_fetch_timeout():
    gate = HostGate(delay=0.0, max_active=1)
    holding, release = threading.Event(), threading.Event()

    def hold():
        with gate.admit("a.example", timeout=5):
            holding.set()
            release.wait(5)

    holder = threading.Thread(target=hold)
    holder.start()
    holding.wait(5)
    try:
        with pytest.raises(FetchTimeout, match="no free connection slot for a.example"):
            with gate.admit("a.example", timeout=0.1):
                pass
    finally:
        release.set()
        holder.join()
    with gate.admit("a.example", timeout=1):  # the slot is free again
        pass


def test_a_delay_past_the_deadline_fails_at_once_instead_of_sleeping():
    gate = HostGate(delay=30.0)
    with gate.admit("a.example", timeout=1):
        pass
    started = time.monotonic()
    with pytest.raises(FetchTimeout, match="politeness delay for a.example exceeds the request deadline"):
        with gate.admit("a.example", timeout=1):
            pass
    assert time.monotonic() - started < 0.5


def test_a_slot_is_released_when_the_request_fails():
    gate = HostGate(delay=0.0, max_active=1)
    with pytest.raises(RuntimeError):
        with gate.admit("a.example", timeout=1):
            raise RuntimeError("connection reset")
    with gate.admit("a.example", timeout=0.1):
        pass


def test_crawl_delay_raises_a_hosts_delay_but_never_lowers_it():
    gate = HostGate(delay=0.0)
    gate.slow_down("a.example", DELAY)
    gate.slow_down("a.example", 0.01)  # a smaller Crawl-delay later does not undo it
    times = [t for _, t in starts(gate, ["a.example"] * 2)]
    assert times[1] - times[0] >= DELAY - 0.01
    quick = [t for _, t in starts(gate, ["b.example"] * 2)]  # other hosts keep the base delay
    assert quick[1] - quick[0] < DELAY / 2


def test_nonsense_limits_are_clamped():
    gate = HostGate(delay=-1.0, max_active=0)
    started = time.monotonic()
    starts(gate, ["a.example"] * 3)  # no negative sleep, and one request may still run
    assert time.monotonic() - started < 0.5
