"""A poll that lists thousands of new articles stores every one of them, and a stage that fails
half-way keeps what was already fetched (real loopback site, real Elasticsearch).

Regression: a feed of 1,506 new entries (1,500 similar council notes and 6 policy stories)
once stored nothing — the near-duplicate lookup of the whole poll went out as one query with
more clauses than the cluster allows ("too many nested clauses; maxClauseCount is set to
16384"), and the source failed with 0 of 1,506 documents indexed.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections.abc import Callable
from email.utils import format_datetime
from pathlib import Path

import pytest

from monitor.fetch import Fetcher
from monitor.ingest import ingest_source
from monitor.ingest.identify import document_id
from monitor.ingest.poll import FLUSH_EVERY
from monitor.knowledge import reconcile
from monitor.models import Source
from monitor.services.httpsite import Site, SiteServer
from monitor.settings import Settings

pytestmark = pytest.mark.integration

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
#: Six stories with a `made_amenable` event each (tests/corpus), served as the site's articles.
POLICY = ["seed-2020-01-mexicans-guatemala.txt", "aca-2019-11-dhs-guatemala-operational.html",
          "cr-2026-04-costa-rica-recibira-venezolanos.txt", "ug-2026-01-dhs-uganda-populations.html",
          "pa-2026-02-migracion-panama-traslados.html", "hn-2026-02-brazilians-added-honduras.txt"]


class HookedSite(Site):
    """A site that calls `on_article(n)` when the n-th article page is requested."""

    def __init__(self) -> None:
        super().__init__()
        self.on_article: Callable[[int], None] = lambda n: None
        self.articles = 0
        self._count = threading.Lock()

    def get(self, path: str):
        if path.startswith(("/notes/", "/policy/")):
            with self._count:
                self.articles += 1
                n = self.articles
            self.on_article(n)
        return super().get(path)


def note(i: int) -> str:
    return (f"<html><head><title>Council note {i}</title></head><body><article><h1>Council note {i}</h1>"
            f"<p>The parks and roads committee met on Tuesday evening and approved the minutes of session {i}.</p>"
            f"<p>Item {i % 17}: resurfacing of the northern footpath was deferred to the spring budget, and the "
            f"committee thanked residents of ward {i % 9} for their letters.</p></article></body></html>")


def build_site(site: Site, base: str, notes: int) -> list[str]:
    """Fill the site with `notes` council notes and the six policy stories; return the feed's URLs."""
    urls = []
    for i in range(notes):
        site.put(f"/notes/{i}.html", note(i))
        urls.append(f"{base}/notes/{i}.html")
    for name in POLICY:
        body = (CORPUS / name).read_text(encoding="utf-8")
        site.put(f"/policy/{name}", body, "text/html; charset=utf-8" if name.endswith(".html") else
                 "text/plain; charset=utf-8")
        urls.append(f"{base}/policy/{name}")
    published = dt.datetime(2026, 5, 1, tzinfo=dt.UTC)
    items = "".join(
        f"<item><title>{'Policy story' if '/policy/' in u else 'Council note'} {n}</title><link>{u}</link>"
        f"<guid>{u}</guid><pubDate>{format_datetime(published - dt.timedelta(minutes=n))}</pubDate></item>"
        for n, u in enumerate(urls))
    site.put("/feed.xml", f"<?xml version='1.0'?><rss version='2.0'><channel><title>Big</title>{items}</channel></rss>",
             "application/rss+xml")
    site.put("/robots.txt", "User-agent: *\nAllow: /\n", "text/plain")
    return urls


@pytest.fixture
def big_site():
    server = SiteServer(HookedSite())
    with server:
        yield server


@pytest.fixture
def settings(es_url, prefix, tmp_path) -> Settings:
    return Settings(es_url=es_url, index_prefix=prefix, state_dir=tmp_path / "state", allow_loopback=True,
                    host_delay=0)


def poll(settings: Settings, repo, base: str):
    source = Source(id="big", kind="feed", url=f"{base}/feed.xml")
    with Fetcher(settings) as fetcher:
        return ingest_source(source, repo=repo, fetcher=fetcher)


def stored_ids(repo) -> set[str]:
    repo.documents.refresh()
    found, after = set(), None
    while True:
        page = repo.client.search(index=repo.names.documents, size=5000, source=False, sort=[{"_doc": "asc"}],
                                  query={"match_all": {}}, search_after=after)["hits"]["hits"]
        found.update(h["_id"] for h in page)
        if len(page) < 5000:
            return found
        after = page[-1]["sort"]


def test_a_poll_of_five_thousand_new_entries_stores_every_one(settings, repo, big_site):
    urls = build_site(big_site.site, big_site.base_url, 5000)
    result = poll(settings, repo, big_site.base_url)
    assert result.ok, result.error
    assert (result.entries, result.new, result.article_errors) == (5006, 5006, 0)
    assert stored_ids(repo) == {document_id(u) for u in urls}
    policy = repo.documents.by_ids(document_id(u) for u in urls[-6:])
    assert all(doc["relevant"] and doc["cluster_id"] for doc in policy.values()), json.dumps(
        {k: (v["title"], v["relevant"]) for k, v in policy.items()})
    notes = repo.documents.by_ids(document_id(u) for u in urls[:50])
    assert all(doc["cluster_id"] for doc in notes.values())
    assert "made_amenable:GT:MX" in reconcile(repo)
    state = repo.sources.get("big")
    assert state.failures == 0 and state.body_hash and state.items_seen == 5006
    # The next poll finds the listing unchanged: nothing fetched again.
    before = big_site.site.articles
    again = poll(settings, repo, big_site.base_url)
    assert again.ok and again.not_modified and big_site.site.articles == before


def test_a_write_failure_half_way_keeps_what_was_stored_and_the_next_poll_fetches_only_the_rest(
        settings, repo, big_site):
    urls = build_site(big_site.site, big_site.base_url, 2 * FLUSH_EVERY + 300)
    documents_index = next(iter(repo.client.indices.get_alias(name=repo.names.documents)))

    def block_writes(n: int) -> None:  # Elasticsearch refuses writes from the third batch on
        if n == 2 * FLUSH_EVERY + 50:
            repo.client.indices.put_settings(index=documents_index, settings={"index.blocks.write": True})

    big_site.site.on_article = block_writes
    first = poll(settings, repo, big_site.base_url)
    assert not first.ok and "index documents" in first.error
    repo.client.indices.put_settings(index=documents_index, settings={"index.blocks.write": False})
    kept = stored_ids(repo)
    assert len(kept) == 2 * FLUSH_EVERY  # the two batches written before the failure
    state = repo.sources.get("big")
    assert state.body_hash is None  # the cursor did not advance: the next poll lists the source again

    big_site.site.on_article = lambda n: None
    fetched_before = big_site.site.articles
    second = poll(settings, repo, big_site.base_url)
    assert second.ok, second.error
    assert second.unchanged == len(kept) and second.new == len(urls) - len(kept)
    assert big_site.site.articles - fetched_before == len(urls) - len(kept)  # only what was missing
    assert stored_ids(repo) == {document_id(u) for u in urls}
    assert repo.sources.get("big").body_hash


def test_a_failed_near_duplicate_lookup_stores_the_documents_without_a_cluster_and_says_so(
        settings, repo, big_site):
    urls = build_site(big_site.site, big_site.base_url, 40)
    documents_index = next(iter(repo.client.indices.get_alias(name=repo.names.documents)))

    def block_reads(n: int) -> None:  # searches fail from now on; writes still work
        if n == 1:
            repo.client.indices.put_settings(index=documents_index, settings={"index.blocks.read": True})

    big_site.site.on_article = block_reads
    try:
        result = poll(settings, repo, big_site.base_url)
    finally:
        repo.client.indices.put_settings(index=documents_index, settings={"index.blocks.read": False})
    assert not result.ok and "near-duplicate lookup failed" in result.error
    stored = repo.documents.by_ids(document_id(u) for u in urls)
    assert len(stored) == len(urls)
    assert all(doc["cluster_id"] == doc_id for doc_id, doc in stored.items())  # each its own story, none lost
    assert repo.sources.get("big").body_hash is None  # retried on the next poll
