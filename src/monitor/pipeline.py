"""One polling run end to end (DESIGN.md steps 2–9), called by the DAG tasks and `monitor ingest`.

Per source: conditional GET of the listing → parse → for each new or changed entry fetch the
article, extract, detect → bulk-index by stable id → advance the source's cursor only when
everything it listed is durably indexed. Then reconcile events into the knowledge index,
plan alerts for new findings and deliver pending alerts.
"""

from __future__ import annotations

import hashlib
import logging
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from monitor.alerts.delivery import DeliveryReport, deliver_pending, plan_alerts
from monitor.knowledge import reconcile
from monitor.detect import detect
from monitor.errors import FetchError, IndexError_, MonitorError, ParseError
from monitor.extract import extract_html, looks_like_html
from monitor.extract.language import detect_language
from monitor.fetch import Fetcher
from monitor.index.repository import Repository, utcnow
from monitor.models import Detection, Entry, Source
from monitor.settings import Settings
from monitor.sources import parse_feed

logger = logging.getLogger(__name__)

_TRACKING = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid", "ocid", "cmpid")


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

    @property
    def ok(self) -> bool:
        return not self.error and all(r.ok for r in self.sources) and not self.alerts_failed

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "ok": self.ok}


def canonical_url(url: str) -> str:
    """Normalise a URL for identity: lower-case host, no fragment, no tracking parameters."""
    parts = urlsplit(url.strip())
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not k.lower().startswith(_TRACKING)]
    path = parts.path or "/"
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, urlencode(query), ""))


def document_id(url: str) -> str:
    """Stable document id: the hash of the canonical URL."""
    return hashlib.sha256(canonical_url(url).encode()).hexdigest()[:32]


def detection_fields(detection: Detection) -> dict[str, Any]:
    return {
        "relevant": detection.relevant,
        "events": [asdict(e) for e in detection.events],
        "affected_count": detection.affected_count,
    }


def analyse_page(body: bytes, *, entry: Entry, source: Source) -> dict[str, Any]:
    """Extract and detect one article; returns the document body minus bookkeeping fields."""
    raw = body.decode("utf-8", "replace")
    if looks_like_html(raw):
        page = extract_html(body)
        title, text, published, lang = page.title or entry.title, page.text, page.published, page.lang
    else:
        title, text, published, lang = entry.title, raw, None, None
    published = published or entry.published
    lang = lang or source.language or detect_language(text)
    detection = detect(text, title=title, published=published, lang=lang)
    return {
        "url": entry.url, "source_id": source.id, "title": title, "text": text,
        "content_hash": hashlib.sha256(f"{title}\n{text}".encode()).hexdigest(),
        "published": published.isoformat() if published else None,
        "lang": detection.lang or lang, "tags": list(source.tags), **detection_fields(detection),
    }


def ingest_source(source: Source, *, repo: Repository, fetcher: Fetcher) -> SourceResult:
    """Fetch, extract, detect and index one source; failures are reported, never raised."""
    result = SourceResult(source_id=source.id)
    state: dict[str, Any] = {}
    try:
        state = repo.source_state(source.id)
        listing = fetcher.get(str(source.url), etag=state.get("etag"), last_modified=state.get("last_modified"))
        if listing.not_modified:
            result.not_modified = True
            return result
        body_hash = hashlib.sha256(listing.body).hexdigest()
        if body_hash == state.get("body_hash"):
            result.not_modified = True
            return result
        if source.kind != "feed":
            raise ParseError(f"source {source.id}: kind {source.kind!r} is not supported yet")
        entries = parse_feed(listing.body, source=source, base_url=listing.url)
        result.entries = len(entries)
        known = repo.known_documents(document_id(e.url) for e in entries)
        docs: list[tuple[str, dict[str, Any]]] = []
        for entry in entries:
            doc_id = document_id(entry.url)
            old = known.get(doc_id)
            if old is not None and old.get("entry_updated", "") == entry.updated:
                result.unchanged += 1
                continue
            try:
                page = fetcher.get(entry.url)
                body = analyse_page(page.body, entry=entry, source=source)
            except (FetchError, ParseError) as exc:
                logger.warning("article failed: %s", exc, extra={"source": source.id, "url": entry.url})
                result.article_errors += 1
                continue
            if old is not None and old.get("content_hash") == body["content_hash"]:
                result.unchanged += 1
                body = {**old, "entry_updated": entry.updated}
                docs.append((doc_id, body))
                known.pop(doc_id)  # same text: nothing to keep in versions
                continue
            body.update(fetched=utcnow().isoformat(), entry_updated=entry.updated, reconciled=False)
            docs.append((doc_id, body))
            if old is None:
                result.new += 1
            else:
                result.updated += 1
        repo.index_documents(docs, previous={i: known[i] for i, _ in docs if i in known})
        if result.article_errors:
            # Keep the old cursor so the next run lists the feed again and retries them.
            result.ok = False
            result.error = f"{result.article_errors} article(s) could not be fetched"
            return result
        new_state = {
            "etag": listing.etag, "last_modified": listing.last_modified, "body_hash": body_hash,
            "last_ok": utcnow().isoformat(), "failures": 0, "last_error": None,
        }
        repo.save_source_state(source.id, new_state)
    except (FetchError, ParseError) as exc:
        result.ok, result.error = False, str(exc)
        logger.warning("source failed: %s", exc, extra={"source": source.id})
        _record_failure(repo, source.id, state, str(exc))
    except IndexError_ as exc:
        result.ok, result.error = False, str(exc)
        logger.error("source not indexed: %s", exc, extra={"source": source.id})
    return result


def _record_failure(repo: Repository, source_id: str, state: dict[str, Any], error: str) -> None:
    try:
        repo.save_source_state(
            source_id, {**state, "failures": int(state.get("failures") or 0) + 1, "last_error": error}
        )
    except IndexError_ as exc:
        logger.error("cannot record failure: %s", exc, extra={"source": source_id})


def run(settings: Settings, sources: list[Source], *, repo: Repository | None = None) -> RunSummary:
    """One polling run over `sources`; returns a summary (never raises for a single bad source)."""
    own_repo = repo is None
    repo = repo or Repository(es_url(settings), prefix=settings.index_prefix)
    summary = RunSummary()
    try:
        repo.ensure_indices()
        with Fetcher(settings) as fetcher, ThreadPoolExecutor(max_workers=8) as pool:
            summary.sources = list(pool.map(lambda s: ingest_source(s, repo=repo, fetcher=fetcher), sources))
        summary.new_findings = reconcile(repo)
        summary.alerts_planned = plan_alerts(repo)
        report: DeliveryReport = deliver_pending(repo, settings)
        summary.alerts_sent, summary.alerts_failed = report.sent, report.failed
    except MonitorError as exc:
        summary.error = str(exc)
        logger.error("run failed: %s", exc)
    finally:
        if own_repo:
            repo.close()
    return summary


def es_url(settings: Settings) -> str:
    """The cluster to use: MONITOR_ES_URL, else the local launcher's cluster."""
    if settings.es_url:
        return settings.es_url
    from monitor.services.elasticsearch import LocalElasticsearch

    return LocalElasticsearch(settings).url



# -- entry points for the Airflow tasks (small JSON in, small JSON out) --------------------------
def load_source_records(settings: Settings) -> list[dict[str, Any]]:
    """The enabled sources as JSON-able dicts, one mapped task each."""
    from monitor.sources import load_sources

    return [s.model_dump(mode="json") for s in load_sources(settings.sources)]


def ingest_source_record(settings: Settings, record: dict[str, Any]) -> dict[str, Any]:
    """Ingest one source given as a dict; returns its counts."""
    source = Source.model_validate(record)
    repo = Repository(es_url(settings), prefix=settings.index_prefix)
    try:
        repo.ensure_indices()
        with Fetcher(settings) as fetcher:
            return asdict(ingest_source(source, repo=repo, fetcher=fetcher))
    finally:
        repo.close()


def reconcile_and_alert(settings: Settings) -> dict[str, Any]:
    """Reconcile findings, plan and deliver alerts; returns counts and the new finding ids."""
    repo = Repository(es_url(settings), prefix=settings.index_prefix)
    try:
        repo.ensure_indices()
        new = reconcile(repo)
        planned = plan_alerts(repo)
        report = deliver_pending(repo, settings)
    finally:
        repo.close()
    return {"new_findings": new, "alerts_planned": planned, "alerts_sent": report.sent, "alerts_failed": report.failed}
