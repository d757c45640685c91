"""The cluster circuit breaker (pure part: a stand-in client and clock)."""

from __future__ import annotations

import pytest
from elasticsearch import ConnectionError as EsConnectionError

from monitor.errors import IndexError_
from monitor.index.breaker import ClusterBreaker


class Cluster:
    def __init__(self) -> None:
        self.up = True
        self.probes = 0

    def options(self, **_: object) -> Cluster:
        return self

    @property
    def cluster(self) -> Cluster:
        return self

    def health(self) -> dict:
        self.probes += 1
        if not self.up:
            raise EsConnectionError("connection refused")
        return {"status": "green"}


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_it_probes_at_most_every_interval_and_opens_after_two_failed_probes():
    cluster, clock = Cluster(), Clock()
    breaker = ClusterBreaker(cluster, every=2.0, clock=clock)
    for _ in range(100):
        breaker.check()  # no probe yet: the run just reached the cluster
    assert cluster.probes == 0
    clock.now = 2.0
    breaker.check()
    breaker.check()
    assert cluster.probes == 1 and not breaker.open
    cluster.up = False
    clock.now = 4.0
    breaker.check()  # one failure: maybe a slow moment
    assert not breaker.open
    clock.now = 6.0
    with pytest.raises(IndexError_, match="unreachable"):
        breaker.check()
    probes = cluster.probes
    with pytest.raises(IndexError_):
        breaker.check()  # open: no more probes, an immediate answer
    assert cluster.probes == probes


def test_a_recovered_probe_resets_the_count():
    cluster, clock = Cluster(), Clock()
    breaker = ClusterBreaker(cluster, every=1.0, clock=clock)
    for step, up in enumerate([False, True, False, True], start=1):
        cluster.up = up
        clock.now = float(step)
        breaker.check()
    assert not breaker.open
