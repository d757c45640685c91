"""A hostile mix of sources through the real `run()` (all sources in parallel, one shared
fetcher) against real loopback servers and Elasticsearch: every broken source is reported
and skipped, the others complete, in bounded time and memory; the second run gets 304s."""

from __future__ import annotations

import time
import tracemalloc

import pytest

from monitor.ingest import run
from monitor.settings import Settings
from monitor.sources import parse_sources
from tests.fixtures.sources import faultserver as fs

pytestmark = pytest.mark.integration

CAP = 1_000_000

RSS = """<?xml version="1.0" encoding="{enc}"?><rss version="2.0"><channel><title>T</title>
<item><title>{title}</title><link>{base}{path}</link><pubDate>Mon, 06 Jan 2020 23:15:00 GMT</pubDate></item>
</channel></rss>"""

ARTICLE = """<html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title></head><body>
<nav>Home · World · Politics</nav><article><h1>{title}</h1><p>{text}</p></article>
<footer>All rights reserved</footer></body></html>"""

SPANISH = ("El Instituto Guatemalteco de Migración informó que recibió al primer ciudadano hondureño "
           "trasladado desde Estados Unidos en aplicación del acuerdo de cooperación en materia de asilo. "
           "Según las autoridades, el migrante podrá solicitar protección en Guatemala.")
ENGLISH = ("The department said that certain asylum seekers may now be transferred under the agreement, "
           "a spokesperson said on Monday in a written statement to reporters.")


def feed(base: str, path: str, title: str, enc: str = "utf-8") -> str:
    return RSS.format(enc=enc, title=title, base=base, path=path)


@pytest.fixture
def hostile():
    with fs.FaultServer() as srv:
        base = srv.base_url
        srv.routes["/robots.txt"] = fs.page("User-agent: *\nAllow: /\n", "text/plain")
        # well-behaved
        srv.routes["/good.xml"] = fs.conditional(feed(base, "/a/good", "Asylum agreement"), "application/rss+xml")
        srv.routes["/a/good"] = fs.page(ARTICLE.format(lang="en", title="Asylum agreement", text=ENGLISH))
        # wrong charsets that must still be read correctly
        latin = feed(base, "/a/latin", "Migración: acuerdo de asilo en vigor").encode("iso-8859-1")
        srv.routes["/latin1.xml"] = fs.conditional(latin.replace(b'encoding="utf-8"', b'encoding="utf-8"'),
                                                   "application/rss+xml; charset=utf-8")
        cp1252 = ARTICLE.format(lang="es", title="Acuerdo “tercer país seguro”", text=SPANISH).encode("cp1252")
        srv.routes["/a/latin"] = fs.page(cp1252, "text/html; charset=utf-8")  # declared UTF-8, really Windows-1252
        # recovers after a 429 with Retry-After
        srv.routes["/busy.xml"] = fs.sequence(fs.status(429, Retry_After="1"),
                                              fs.conditional(feed(base, "/a/busy", "Busy"), "application/rss+xml"))
        srv.routes["/a/busy"] = fs.page(ARTICLE.format(lang="en", title="Busy", text=ENGLISH + " Busy."))
        # broken
        srv.routes["/malformed.xml"] = fs.page(b"<?xml version='1.0'?><rss><channel><item><title>x</ti", "application/rss+xml")
        srv.routes["/empty.xml"] = fs.page(b"", "application/rss+xml")
        srv.routes["/html.xml"] = fs.page("<!doctype html><html><body><h1>Our news</h1><p>Not a feed</p></body></html>",
                                          "application/rss+xml")
        srv.routes["/e404.xml"] = fs.status(404)
        srv.routes["/e410.xml"] = fs.status(410)
        srv.routes["/e500.xml"] = fs.status(500)
        srv.routes["/loop1.xml"] = fs.redirect("/loop2.xml")
        srv.routes["/loop2.xml"] = fs.redirect("/loop1.xml")
        srv.routes["/slow.xml"] = fs.trickle(total=100_000, interval=0.05, limit=15)
        srv.routes["/big.xml"] = fs.oversized(20 * CAP, declare=False)
        srv.routes["/bomb.xml"] = fs.gzip_bomb(256, "application/rss+xml")
        srv.routes["/article-fails.xml"] = fs.page(feed(base, "/a/missing", "Gone"), "application/rss+xml")
        yield srv


EXPECTED_ERRORS = {
    "malformed": "not a readable feed", "empty": "empty", "html-as-feed": "not RSS or Atom",
    "e404": "HTTP 404", "e410": "HTTP 410", "e500": "HTTP 500", "loop": "redirect loop",
    "slow": "deadline", "big": "larger than the cap", "bomb": "larger than the cap",
    "article-fails": "1 article(s) could not be fetched",
}


def sources(base: str):
    paths = {"good": "good", "latin1": "latin1", "busy": "busy", "malformed": "malformed", "empty": "empty",
             "html-as-feed": "html", "e404": "e404", "e410": "e410", "e500": "e500", "loop": "loop1",
             "slow": "slow", "big": "big", "bomb": "bomb", "article-fails": "article-fails"}
    lines = "".join(f"  - {{id: {i}, kind: feed, url: '{base}/{p}.xml'}}\n" for i, p in paths.items())
    return parse_sources("sources:\n" + lines)


def test_a_hostile_mix_is_reported_source_by_source_in_bounded_time_and_memory(hostile, repo):
    settings = Settings(allow_loopback=True, host_delay=0, http_timeout=1.0, max_bytes=CAP,
                        index_prefix=repo.names.prefix)
    srcs = sources(hostile.base_url)
    # Load once-per-process models first (language identifier, gazetteer, extractors: about
    # 100 MB that stay loaded), so the peak below measures what the hostile input costs.
    from monitor.detect import detect
    from monitor.extract.language import detect_language
    from monitor.extract.page import extract_page
    text = extract_page(ARTICLE.format(lang="es", title="x", text=SPANISH).encode()).text
    detect(text, title="x", lang=detect_language(text))
    tracemalloc.start()
    started = time.monotonic()
    try:
        summary = run(settings, srcs, repo=repo)
        elapsed = time.monotonic() - started
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    by_id = {r.source_id: r for r in summary.sources}
    assert elapsed < 30, f"took {elapsed:.1f}s"
    assert peak < 64_000_000, f"peak {peak / 1e6:.0f} MB"
    for source_id, fragment in EXPECTED_ERRORS.items():
        assert not by_id[source_id].ok and fragment in by_id[source_id].error, (source_id, by_id[source_id].error)
    for source_id in ("good", "latin1", "busy"):
        assert by_id[source_id].ok and by_id[source_id].new == 1, (source_id, by_id[source_id])
    assert not summary.ok  # partial failure: exit code 1 in the CLI

    docs = {h["_source"]["source_id"]: h["_source"]
            for h in repo.client.search(index=repo.names.documents, size=50, query={"match_all": {}})["hits"]["hits"]}
    assert set(docs) == {"good", "latin1", "busy"}
    latin = docs["latin1"]
    assert latin["title"] == "Acuerdo “tercer país seguro”"  # Windows-1252 declared as UTF-8, read right
    assert "Instituto Guatemalteco de Migración" in latin["text"] and latin["lang"] == "es"
    states = repo.sources.many(by_id)
    assert states["e500"].failures == 1 and "HTTP 500" in states["e500"].last_error
    assert states["good"].failures == 0 and states["good"].last_ok

    again = {r.source_id: r for r in run(settings, srcs, repo=repo).sources}
    assert all(again[i].ok and again[i].not_modified for i in ("good", "latin1", "busy"))
    assert sum(1 for path, _ in hostile.requests if path == "/latin1.xml") == 2
    assert [h.get("If-None-Match") for p, h in hostile.requests if p == "/good.xml"][-1]  # 304 on the second poll
