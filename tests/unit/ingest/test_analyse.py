"""The analysis pool (monitor/ingest/analyse.py): the same documents as in-thread analysis,
errors of a page reach its caller, and a worker that dies costs that page, not the run."""

import os

import pytest

from monitor.errors import ParseError
from monitor.ingest.analyse import Analyser
from monitor.ingest.document import analyse_page
from monitor.models import Entry, Source

SOURCE = Source(id="news", kind="feed", url="https://news.example/feed.xml")
ENTRY = Entry(source_id="news", url="https://news.example/a", title="Guatemala")
PAGE = (b"<html lang='en'><head><title>Guatemala to receive Mexicans</title></head><body><article>"
        b"<p>DHS said on Tuesday that Mexican asylum seekers may be transferred to Guatemala under the "
        b"Asylum Cooperative Agreement, a change announced by the department.</p></article></body></html>")


@pytest.fixture(scope="module")
def pool():
    with Analyser(2) as analyser:
        yield analyser


def test_a_worker_gives_the_same_document_as_this_thread(pool):
    here = Analyser(0)(analyse_page, PAGE, "text/html", ENTRY.url, ENTRY, SOURCE)
    there = pool(analyse_page, PAGE, "text/html", ENTRY.url, ENTRY, SOURCE)
    assert there == here
    assert there.dedup_bands and [(e.receiving, e.population) for e in there.detection.events] == [("GT", "MX")]


def test_a_page_error_reaches_its_caller(pool):
    with pytest.raises(ParseError, match="empty body"):
        pool(analyse_page, b"  ", "text/html", ENTRY.url, ENTRY, SOURCE)


def test_a_dead_worker_costs_one_page_and_the_pool_recovers(pool):
    with pytest.raises(ParseError, match="worker died"):
        pool(os._exit, 3)  # the worker process exits, as if a parser crashed it
    assert pool(analyse_page, PAGE, "text/html", ENTRY.url, ENTRY, SOURCE) is not None


def test_a_new_analyser_has_no_process_and_a_closed_one_refuses_work():
    analyser = Analyser(2)
    assert analyser._pool is None  # started by the first page: a run of 304s starts nothing
    analyser.close()
    with pytest.raises(RuntimeError, match="closed"):
        analyser(len, "x")


def test_workers_end_when_the_process_that_started_them_is_killed(tmp_path):
    """A SIGKILLed `monitor ingest` leaves no analysis process behind."""
    import signal
    import subprocess
    import sys
    import time

    import psutil

    script = ("import sys, time\n"
              "from monitor.ingest.analyse import Analyser\n"
              "analyser = Analyser(2)\n"
              "print(analyser(len, 'warm'), flush=True)\n"
              "time.sleep(600)\n")
    parent = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        assert parent.stdout.readline().strip() == "4"
        family = psutil.Process(parent.pid).children(recursive=True)  # the fork server and its workers
        assert len(family) >= 3
    finally:
        parent.send_signal(signal.SIGKILL)
        parent.wait()
    deadline = time.monotonic() + 20
    while alive := [p.pid for p in family if p.is_running() and p.status() != psutil.STATUS_ZOMBIE]:
        assert time.monotonic() < deadline, f"analysis processes outlived their parent: {alive}"
        time.sleep(0.2)
