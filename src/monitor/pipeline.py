"""One polling run end to end (DESIGN.md steps 2–9), called by the DAG tasks and `monitor ingest`.

Per source: conditional GET of the listing and parse by the source's kind (sources/listing.py)
→ for each new or changed entry fetch the article (or its API text URLs, or a PDF), extract,
detect → identity from the canonical URL, a new version (the old one to the versions index
with a diff summary) when a known document's text changed, a syndication cluster for a new
one → bulk-index by stable id → advance the source's cursor and health only when everything
it listed is durably indexed; an unchanged source writes nothing. Then reconcile events into the knowledge index,
plan alerts for new findings and deliver pending alerts.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from typing import Any

from monitor.alerts.delivery import DeliveryReport, deliver_pending, plan_alerts
from monitor.knowledge import reconcile
from monitor.detect import detect
from monitor.errors import FetchError, IndexError_, MonitorError, ParseError
from monitor.extract.fingerprint import dedup_keys
from monitor.extract.identity import choose_cluster, content_hash, superseded_version
from monitor.extract.language import detect_language
from monitor.extract.page import extract_page
from monitor.extract.urls import canonical_url, document_id
from monitor.fetch import Fetcher
from monitor.index.repository import Repository, utcnow
from monitor.models import Detection, Entry, Extracted, Source
from monitor.settings import Settings
from monitor.sources.health import HEARTBEAT
from monitor.sources.listing import Listing, fetch_listing

logger = logging.getLogger(__name__)

MAX_CLUSTER_CANDIDATES = 12

__all__ = ["RunSummary", "SourceResult", "canonical_url", "document_id", "ingest_source", "run"]


@dataclass
class SourceResult:
    """Small counts for one source (safe to pass through XCom)."""

    source_id: str
    ok: bool = True
    error: str = ""
    not_modified: bool = False
    entries: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    article_errors: int = 0


@dataclass
class RunSummary:
    sources: list[SourceResult] = field(default_factory=list)
    new_findings: list[str] = field(default_factory=list)
    alerts_planned: int = 0
    alerts_sent: int = 0
    alerts_failed: int = 0
    error: str = ""
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.error and all(r.ok for r in self.sources) and not self.alerts_failed

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "ok": self.ok}


def detection_fields(detection: Detection) -> dict[str, Any]:
    return {
        "relevant": detection.relevant,
        "events": [asdict(e) for e in detection.events],
        "affected_count": detection.affected_count,
    }


def fetch_article(entry: Entry, *, fetcher: Fetcher) -> Extracted:
    """The entry's text: from its text URLs (json_api) or its page (HTML, PDF, plain text);
    an API entry whose pages all fail falls back to its abstract."""
    error: MonitorError | None = None
    for url in (*entry.text_urls, entry.url):
        try:
            page = fetcher.get(url)
            extracted = extract_page(page.body, content_type=page.content_type, url=page.url, title=entry.title)
        except (FetchError, ParseError) as exc:
            error = exc
            continue
        if extracted.text.strip():
            return extracted
        error = ParseError(f"no text in {url}")
    if entry.text_urls and entry.summary:
        logger.info("using the abstract of %s: %s", entry.url, error)
        return Extracted(title=entry.title, text=entry.summary, published=entry.published)
    raise error or ParseError(f"no text for {entry.url}")


def analyse_page(page: Extracted, *, entry: Entry, source: Source) -> dict[str, Any]:
    """Detect one extracted article; returns the document body minus bookkeeping fields."""
    title = page.title or entry.title
    text = page.text
    published = page.published or entry.published
    detected = detect_language(f"{title}\n{text}")
    lang = detected if detected != "und" else (page.lang or source.language or "und")
    detection = detect(text, title=title, published=published, lang=lang)
    canonical = page.canonical_url if source.kind != "json_api" and page.canonical_url else canonical_url(entry.url)
    return {
        "url": entry.url, "canonical_url": canonical, "source_id": source.id, "source_kind": source.kind,
        "title": title, "text": text, "content_hash": content_hash(title, text),
        "published": published.isoformat() if published else None,
        "updated": page.updated.isoformat() if page.updated else None, "authors": list(page.authors),
        "lang": detection.lang or lang, "tags": list(source.tags), **detection_fields(detection),
    }


def _known_for(entry: Entry, known: list[dict[str, Any]]) -> dict[str, Any] | None:
    doc_id, canonical = document_id(entry.url), canonical_url(entry.url)
    for doc in known:
        if doc["id"] == doc_id or doc.get("url") == entry.url or doc.get("canonical_url") == canonical:
            return doc
    return None


@dataclass
class _Batch:
    """Documents and versions of one source's poll, written in one bulk request."""

    docs: dict[str, dict[str, Any]] = field(default_factory=dict)
    versions: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    unclustered: list[str] = field(default_factory=list)


def _assign_clusters(repo: Repository, batch: _Batch) -> None:
    """Give each new document of the batch a syndication cluster: one near-duplicate search
    for the whole batch (not one per document), then the pure choice per document among the
    indexed candidates and the batch's earlier documents."""
    if not batch.unclustered:
        return
    all_keys = sorted({k for i in batch.unclustered for k in batch.docs[i]["dedup_bands"]})
    indexed = repo.near_duplicate_candidates(all_keys, exclude=batch.unclustered, size=200)
    pool = [(set(c.get("dedup_bands") or ()), c) for c in indexed]
    for doc_id in batch.unclustered:
        body = batch.docs[doc_id]
        keys = set(body["dedup_bands"])
        # Verify only the candidates sharing the most bands: text on one subject (or
        # boilerplate-heavy pages) can share a band with everything, and comparing all of
        # them would make a big poll quadratic.
        shared = sorted(((len(keys & bands), n) for n, (bands, _c) in enumerate(pool) if keys & bands), reverse=True)
        candidates = [pool[n][1] for _count, n in shared[:MAX_CLUSTER_CANDIDATES]]
        body["cluster_id"] = choose_cluster(body["text"], candidates) or doc_id
        pool.append((keys, {"id": doc_id, **body}))  # later documents of the poll may join it


def _ingest_entry(entry: Entry, old: dict[str, Any] | None, *, source: Source, repo: Repository,
                  fetcher: Fetcher, batch: _Batch, result: SourceResult) -> None:
    body = analyse_page(fetch_article(entry, fetcher=fetcher), entry=entry, source=source)
    doc_id = document_id(body["canonical_url"])
    # The poll already looked up every entry's own id and URLs; ask again only when the page
    # names another canonical URL.
    if (old is None and doc_id != document_id(entry.url)) or (old is not None and old["id"] != doc_id):
        old = repo.known_documents([doc_id]).get(doc_id)
        old = {"id": doc_id, **old} if old else None
    if doc_id in batch.docs:
        result.unchanged += 1  # two entries of this poll are one document
        return
    now = utcnow()
    if old is not None and old.get("content_hash") == body["content_hash"]:
        result.unchanged += 1
        if old.get("entry_updated", "") != entry.updated:
            batch.docs[doc_id] = {**{k: v for k, v in old.items() if k != "id"}, "entry_updated": entry.updated}
        return
    keys = dedup_keys(body["text"])
    # A document without events has nothing to reconcile: born reconciled, it costs the
    # reconcile step nothing.
    body.update(fetched=now.isoformat(), entry_updated=entry.updated, reconciled=not body["events"],
                dedup_bands=keys)
    if old is None:
        body.update(version=1)
        batch.unclustered.append(doc_id)
        result.new += 1
    else:
        batch.versions.append(superseded_version(doc_id, old, body, now=now))
        body.update(version=int(old.get("version") or 1) + 1)
        if old.get("cluster_id"):
            body["cluster_id"] = old["cluster_id"]
        else:
            batch.unclustered.append(doc_id)
        result.updated += 1
    batch.docs[doc_id] = body


def ingest_source(source: Source, *, repo: Repository, fetcher: Fetcher) -> SourceResult:
    """Fetch, extract, detect and index one source; failures are reported, never raised."""
    result = SourceResult(source_id=source.id)
    state: dict[str, Any] = {}
    try:
        state = repo.source_state(source.id)
        listing = fetch_listing(source, fetcher=fetcher, cursor=state)
        if listing.not_modified:
            result.not_modified = True
            _record_unchanged(repo, source.id, state)
            return result
        result.entries = len(listing.entries)
        known = repo.documents_for(ids=[document_id(e.url) for e in listing.entries],
                                   urls=[u for e in listing.entries for u in (e.url, canonical_url(e.url))])
        batch = _Batch()
        for entry in listing.entries:
            old = _known_for(entry, known)
            if old is not None and old.get("entry_updated", "") == entry.updated:
                result.unchanged += 1
                continue
            try:
                _ingest_entry(entry, old, source=source, repo=repo, fetcher=fetcher, batch=batch, result=result)
            except (FetchError, ParseError) as exc:
                logger.warning("article failed: %s", exc, extra={"source": source.id, "url": entry.url})
                result.article_errors += 1
        _assign_clusters(repo, batch)
        repo.save_documents(list(batch.docs.items()), batch.versions)
        _record_poll(repo, source.id, state, listing, result)
    except (FetchError, ParseError) as exc:
        result.ok, result.error = False, str(exc)
        logger.warning("source failed: %s", exc, extra={"source": source.id})
        _record_failure(repo, source.id, state, str(exc))
    except IndexError_ as exc:
        result.ok, result.error = False, str(exc)
        logger.error("source not indexed: %s", exc, extra={"source": source.id})
    return result


def _record_poll(repo: Repository, source_id: str, state: dict[str, Any], listing: Listing,
                 result: SourceResult) -> None:
    """Save cursor and health after a changed listing was processed.

    The cursor advances only when every entry and page was read; otherwise the old cursor
    stays, so the next run lists the source again and retries what failed."""
    now = utcnow().isoformat()
    health = {"last_checked": now, "items_seen": len(listing.entries)}
    if result.new or result.updated:
        health["last_new_item"] = now
    problems = ([f"{result.article_errors} article(s) could not be fetched"] if result.article_errors else [])
    problems += listing.errors
    if problems:
        result.ok, result.error = False, "; ".join(problems)
        repo.save_source_state(source_id, {
            **state, **health, "failures": int(state.get("failures") or 0) + 1,
            "last_error": result.error, "last_error_at": now,
        })
        return
    repo.save_source_state(source_id, {
        **state, **health, "etag": listing.etag, "last_modified": listing.last_modified,
        "body_hash": listing.body_hash, "last_ok": now, "failures": 0,
    })


def _record_unchanged(repo: Repository, source_id: str, state: dict[str, Any]) -> None:
    """An unchanged poll writes nothing, unless the source recovers from failures or its
    last heartbeat is older than HEARTBEAT (see sources/health.py)."""
    last = state.get("last_checked")
    stale = not last or dt.datetime.now(dt.UTC) - dt.datetime.fromisoformat(last) > HEARTBEAT
    if int(state.get("failures") or 0) == 0 and not stale:
        return
    now = utcnow().isoformat()
    repo.save_source_state(source_id, {**state, "failures": 0, "last_ok": now, "last_checked": now})


def _record_failure(repo: Repository, source_id: str, state: dict[str, Any], error: str) -> None:
    now = utcnow().isoformat()
    try:
        repo.save_source_state(source_id, {
            **state, "failures": int(state.get("failures") or 0) + 1, "last_error": error,
            "last_error_at": now, "last_checked": now,
        })
    except IndexError_ as exc:
        logger.error("cannot record failure: %s", exc, extra={"source": source_id})


def run(settings: Settings, sources: list[Source], *, repo: Repository | None = None) -> RunSummary:
    """One polling run over `sources`; returns a summary (never raises for a single bad source)."""
    own_repo = repo is None
    repo = repo or Repository.from_settings(settings)
    summary = RunSummary()
    started = time.perf_counter()
    try:
        repo.ensure_indices()
        # Sources wait mostly on the network; the Fetcher's per-host limits keep many sources
        # on one host polite, so the pool can be wide.
        workers = max(1, min(settings.max_parallel_sources, len(sources)))
        with Fetcher(settings) as fetcher, ThreadPoolExecutor(max_workers=workers) as pool:
            summary.sources = list(pool.map(lambda s: ingest_source(s, repo=repo, fetcher=fetcher), sources))
        summary.new_findings = reconcile(repo)
        summary.alerts_planned = plan_alerts(repo)
        report: DeliveryReport = deliver_pending(repo, settings)
        summary.alerts_sent, summary.alerts_failed = report.sent, report.failed
    except MonitorError as exc:
        summary.error = str(exc)
        logger.error("run failed: %s", exc)
    finally:
        summary.seconds = round(time.perf_counter() - started, 3)
        if own_repo:
            repo.close()
    return summary





# -- entry points for the Airflow tasks (small JSON in, small JSON out) --------------------------
def load_source_records(settings: Settings) -> list[dict[str, Any]]:
    """The enabled sources as JSON-able dicts, one mapped task each."""
    from monitor.sources import load_sources

    return [s.model_dump(mode="json") for s in load_sources(settings.sources)]


def ingest_source_record(settings: Settings, record: dict[str, Any]) -> dict[str, Any]:
    """Ingest one source given as a dict; returns its counts."""
    source = Source.model_validate(record)
    repo = Repository.from_settings(settings)
    try:
        repo.ensure_indices()
        with Fetcher(settings) as fetcher:
            return asdict(ingest_source(source, repo=repo, fetcher=fetcher))
    finally:
        repo.close()
