"""The fetcher against a real loopback server that misbehaves: every fault ends in a typed
`FetchError` within bounded time and memory, and well-behaved answers still come through."""

from __future__ import annotations

import time
import tracemalloc

import pytest

from monitor.errors import BlockedURL, FetchError, FetchTimeout, HTTPStatusError, TooLarge
from monitor.fetch import Fetcher
from monitor.settings import Settings
from tests.fixtures.sources import faultserver as fs

pytestmark = pytest.mark.integration

CAP = 1_000_000


def settings(**overrides) -> Settings:
    base = dict(allow_loopback=True, host_delay=0, http_timeout=2.0, max_bytes=CAP,
                user_agent_contact="https://example.org/contact")
    return Settings(**{**base, **overrides})


@pytest.fixture
def server():
    with fs.FaultServer() as srv:
        srv.routes["/robots.txt"] = fs.page("User-agent: *\nDisallow: /private/\n", "text/plain")
        yield srv


@pytest.fixture
def fetcher():
    with Fetcher(settings(), deadline=4.0) as f:
        yield f


def test_user_agent_names_the_project_and_the_contact_url(server, fetcher):
    server.routes["/ok"] = fs.page("<p>fine</p>")
    assert fetcher.get(server.url("/ok")).body == b"<p>fine</p>"
    agent = server.requests[-1][1]["User-Agent"]
    assert agent.startswith("AsylumPolicyMonitor/") and "https://example.org/contact" in agent


@pytest.mark.parametrize("code", [404, 410])
def test_client_errors_are_not_retried(server, fetcher, code):
    server.routes["/gone"] = fs.status(code)
    with pytest.raises(HTTPStatusError, match=str(code)) as info:
        fetcher.get(server.url("/gone"))
    assert info.value.status == code and server.hits["/gone"] == 1


def test_server_errors_are_retried_with_backoff_then_reported(server):
    server.routes["/broken"] = fs.status(500)
    with Fetcher(settings(), deadline=10.0) as fetcher:
        started = time.monotonic()
        with pytest.raises(HTTPStatusError, match="500"):
            fetcher.get(server.url("/broken"))
    assert server.hits["/broken"] == 3  # three attempts in all
    assert time.monotonic() - started >= 0.5 + 1.0  # backoff 0.5 s, then 1 s


def test_a_transient_500_recovers(server, fetcher):
    server.routes["/flaky"] = fs.sequence(fs.status(503), fs.page("<p>back</p>"))
    assert fetcher.get(server.url("/flaky")).body == b"<p>back</p>"


def test_429_retry_after_is_honoured(server):
    server.routes["/busy"] = fs.sequence(fs.status(429, Retry_After="1"), fs.page("<p>now</p>"))
    with Fetcher(settings(), deadline=10.0) as fetcher:
        started = time.monotonic()
        assert fetcher.get(server.url("/busy")).body == b"<p>now</p>"
    assert time.monotonic() - started >= 1.0  # waited as asked, not the 0.5 s backoff


def test_a_retry_after_beyond_the_limits_gives_up_at_once(server, fetcher):
    server.routes["/later"] = fs.status(503, Retry_After="3600")
    started = time.monotonic()
    with pytest.raises(HTTPStatusError, match="Retry-After: 3600"):
        fetcher.get(server.url("/later"))
    assert time.monotonic() - started < 1.0 and server.hits["/later"] == 1


def test_a_redirect_loop_is_detected(server, fetcher):
    server.routes["/a"] = fs.redirect("/b")
    server.routes["/b"] = fs.redirect("/a")
    with pytest.raises(FetchError, match="redirect loop"):
        fetcher.get(server.url("/a"))
    assert server.hits["/a"] == 1 and server.hits["/b"] == 1


def test_a_redirect_chain_longer_than_the_limit_is_refused(server, fetcher):
    for n in range(10):
        server.routes[f"/r{n}"] = fs.redirect(f"/r{n + 1}")
    with pytest.raises(FetchError, match="more than 5 redirects"):
        fetcher.get(server.url("/r0"))


def test_redirects_to_private_or_metadata_addresses_are_refused(server, fetcher):
    server.routes["/jump"] = fs.redirect("http://169.254.169.254/latest/meta-data/")
    with pytest.raises(BlockedURL, match="169.254.169.254"):
        fetcher.get(server.url("/jump"))


def test_redirects_are_followed_and_the_final_url_reported(server, fetcher):
    server.routes["/old"] = fs.redirect("/new", 301)
    server.routes["/new"] = fs.page("<p>moved</p>")
    response = fetcher.get(server.url("/old"))
    assert response.url == server.url("/new") and response.body == b"<p>moved</p>"


def test_a_slow_trickle_hits_the_total_deadline(server):
    server.routes["/slow"] = fs.trickle(total=10_000, interval=0.05)
    with Fetcher(settings(http_timeout=1.0), deadline=1.5) as fetcher:
        started = time.monotonic()
        with pytest.raises(FetchTimeout, match="deadline"):
            fetcher.get(server.url("/slow"))
    assert time.monotonic() - started < 1.5 + 1.0  # deadline plus at most one read timeout


def test_a_declared_oversized_body_is_refused_before_reading(server, fetcher):
    server.routes["/big"] = fs.oversized(3 * CAP)
    with pytest.raises(TooLarge, match="declares"):
        fetcher.get(server.url("/big"))


def test_an_undeclared_oversized_body_is_cut_at_the_cap(server, fetcher):
    server.routes["/big"] = fs.oversized(20 * CAP, declare=False)
    with pytest.raises(TooLarge, match="larger than the cap"):
        fetcher.get(server.url("/big"))


def test_a_gzip_bomb_is_stopped_at_the_decoded_cap_without_inflating_it(server, fetcher):
    bomb = fs.gzip_bomb_bytes(256)
    assert len(bomb) < CAP  # the compressed size passes the cap; only the decoded size can stop it
    server.routes["/bomb"] = fs.gzip_bomb(256)
    tracemalloc.start()
    try:
        with pytest.raises(TooLarge):
            fetcher.get(server.url("/bomb"))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 8 * CAP, f"peak {peak} bytes while refusing a 256 MiB bomb"


def test_gzip_bodies_under_the_cap_are_decoded(server, fetcher):
    import gzip
    server.routes["/z"] = lambda h: fs.send(h, 200, gzip.compress(b"<p>zipped</p>"), "text/html",
                                             {"Content-Encoding": "gzip"})
    assert fetcher.get(server.url("/z")).body == b"<p>zipped</p>"


def test_conditional_get_gets_a_304_on_the_second_poll(server, fetcher):
    server.routes["/feed"] = fs.conditional("<rss/>", "application/rss+xml")
    first = fetcher.get(server.url("/feed"))
    second = fetcher.get(server.url("/feed"), etag=first.etag, last_modified=first.last_modified)
    assert first.status == 200 and first.etag == '"v1"' and first.last_modified
    assert second.not_modified and second.body == b""
    assert server.requests[-1][1]["If-None-Match"] == '"v1"'


def test_robots_txt_is_respected_and_fetched_once(server, fetcher):
    server.routes["/private/x"] = fs.page("<p>secret</p>")
    server.routes["/public"] = fs.page("<p>ok</p>")
    with pytest.raises(FetchError, match="robots.txt disallows"):
        fetcher.get(server.url("/private/x"))
    fetcher.get(server.url("/public"))
    fetcher.get(server.url("/public"))
    assert server.hits.get("/private/x", 0) == 0 and server.hits["/robots.txt"] == 1


def test_an_unavailable_robots_txt_means_no_crawling(server, fetcher):
    server.routes["/robots.txt"] = fs.status(503, Retry_After="3600")
    server.routes["/page"] = fs.page("<p>x</p>")
    with pytest.raises(FetchError, match="robots.txt .* answered HTTP 503"):
        fetcher.get(server.url("/page"))
    assert server.hits.get("/page", 0) == 0


def test_a_missing_robots_txt_allows_everything(server, fetcher):
    del server.routes["/robots.txt"]
    server.routes["/page"] = fs.page("<p>x</p>")
    assert fetcher.get(server.url("/page")).body == b"<p>x</p>"


def test_per_host_delay_spaces_requests(server):
    server.routes["/p"] = fs.page("<p>x</p>")
    with Fetcher(settings(host_delay=0.3), deadline=5.0) as fetcher:
        fetcher.get(server.url("/p"))  # also loads robots.txt
        started = time.monotonic()
        fetcher.get(server.url("/p"))
        fetcher.get(server.url("/p"))
    assert time.monotonic() - started >= 0.55


def test_per_host_concurrency_is_capped(server):
    import threading
    from concurrent.futures import ThreadPoolExecutor

    active, peak, lock = [0], [0], threading.Lock()

    def slow(h):
        with lock:
            active[0] += 1
            peak[0] = max(peak[0], active[0])
        time.sleep(0.2)
        with lock:
            active[0] -= 1
        fs.send(h, 200, b"<p>x</p>")

    server.routes["/slow"] = slow
    with Fetcher(settings(), deadline=10.0, max_per_host=2) as fetcher, ThreadPoolExecutor(6) as pool:
        list(pool.map(lambda _: fetcher.get(server.url("/slow")), range(6)))
    assert peak[0] == 2


def test_connection_refused_is_a_fetch_error(fetcher):
    from tests.support import free_port
    with pytest.raises(FetchError, match="cannot fetch"):
        fetcher.get(f"http://127.0.0.1:{free_port()}/feed")


def test_the_connected_address_is_checked_even_when_dns_said_public(server):
    """DNS rebinding: the look-up says public, the connection lands on loopback — refused."""
    server.routes["/feed"] = fs.page("<rss/>")

    def lying_resolver(host, port):
        return ["93.184.216.34"]

    with Fetcher(settings(allow_loopback=False), resolver=lying_resolver, deadline=4.0) as fetcher:
        with pytest.raises(BlockedURL, match="connected to refused address 127.0.0.1"):
            fetcher.get(server.url("/feed"), check_robots=False)
    assert server.hits.get("/feed", 0) == 0
