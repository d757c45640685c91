"""One poll of one source (steps 2–7 of docs/ARCHITECTURE.md): read its state, fetch and parse
its listing, turn every new or changed entry into a document, identify it, write the
documents, then save the source's state.

Nothing fetched is thrown away because a later stage failed: documents are written in
batches of `FLUSH_EVERY` as the poll goes (so a listing of thousands of entries, or a
failure late in one, keeps what was already read); a failed near-duplicate lookup leaves the
batch's new documents as clusters of their own instead of dropping them; an article that
cannot be fetched or extracted is counted and skipped, and a page that is not an article (a
block page, consent wall, soft 404…) is named in the source's problems, never indexed. Whenever anything failed the cursor
stays where it was, so the next poll lists the source again and retries exactly what is
missing (stored documents are recognised and skipped). A source never raises: its result
says what happened.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import urlsplit

from monitor.dates import parse_datetime, utcnow
from monitor.errors import FetchError, HTTPStatusError, IndexError_, NotAnArticle, ParseError
from monitor.fetch import Fetcher
from monitor.index import Repository
from monitor.ingest import state as states
from monitor.ingest.analyse import IN_THREAD, Analyser
from monitor.ingest.document import REFUSALS, read_entry, refusal_reason
from monitor.ingest.identify import (
    CANDIDATES_PER_LOOKUP,
    KnownDocuments,
    assign_clusters,
    document_id,
    entry_lookup_keys,
    superseded_version,
)
from monitor.models import Document, Entry, Source, SourceState
from monitor.sources.gnews import GoogleNewsLinks
from monitor.sources.listing import fetch_listing

logger = logging.getLogger(__name__)

#: Documents written per flush while a poll goes on, or fewer when their text reaches FLUSH_BYTES,
#: or when the documents not yet written by all the run's sources together reach the run's
#: `Budget` (a run polls up to MONITOR_MAX_PARALLEL_SOURCES sources at once: without it, a
#: hundred sources of a hundred new articles each held all ten thousand in memory at once).
FLUSH_EVERY = 500
FLUSH_BYTES = 8 * 1024 * 1024
RUN_BUFFER_BYTES = 24 * 1024 * 1024
#: How long a brief's article is looked for again, on every poll, after the brief was first stored.
BRIEF_RETRY_FOR = dt.timedelta(days=7)


class Budget:
    """Estimated bytes of documents read but not yet written, over all sources of a run."""

    def __init__(self, limit: int = RUN_BUFFER_BYTES) -> None:
        self.limit, self.used = limit, 0
        self._lock = threading.Lock()

    def take(self, size: int) -> None:
        with self._lock:
            self.used += size

    def give_back(self, size: int) -> None:
        with self._lock:
            self.used -= size

    @property
    def exhausted(self) -> bool:
        return self.used >= self.limit


def _estimate(doc: Document) -> int:
    """The memory a document's body takes while it waits (text twice: body and search twins)."""
    return 2 * (len(doc.text) + len(doc.title)) + 4096


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
    briefs: int = 0  # items indexed as briefs this poll (their article could not be read)
    blocked: str = ""  # why the source is blocked (this poll was refused, or was skipped: `skipped`)
    skipped: bool = False  # not polled: blocked, and its back-off has not passed


@dataclass
class _Batch:
    """Documents and versions written in one bulk request."""

    docs: dict[str, dict[str, Any]] = field(default_factory=dict)
    versions: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    unclustered: list[str] = field(default_factory=list)
    text_bytes: int = 0
    held: int = 0  # bytes taken from the run's budget


class _Poll:
    """The documents side of one source's poll: what is known, what was seen, the batch."""

    def __init__(self, source: Source, repo: Repository, fetcher: Fetcher, result: SourceResult,
                 analyser: Analyser, budget: Budget) -> None:
        self.source, self.repo, self.fetcher, self.result = source, repo, fetcher, result
        self.analyser, self.budget = analyser, budget
        self.batch = _Batch()
        self.seen: set[str] = set()
        self.problems: list[str] = []
        self.links = GoogleNewsLinks(fetcher)

    def entry(self, entry: Entry, old: dict[str, Any] | None) -> None:
        """Fetch, analyse and identify one new or changed entry into the batch."""
        doc = read_entry(entry, source=self.source, fetcher=self.fetcher, links=self.links, analyser=self.analyser,
                         resolved=(old or {}).get("resolved_url") or "")
        if old is not None and old.get("brief") and old["id"] != doc.id:
            # A stored brief stays one document: its article, found at last (or a brief made
            # after its link resolved), is its next version.
            doc = replace(doc, id=old["id"])
        # The poll already looked up every entry's own id and URLs; ask again only when the
        # page names another canonical URL.
        if (old is None and doc.id != document_id(entry.url)) or (old is not None and old["id"] != doc.id):
            found = self.repo.documents.by_ids([doc.id]).get(doc.id)
            old = {"id": doc.id, **found} if found else None
        if doc.brief and old is not None and not old.get("brief"):
            # Never replace a stored article with a brief of it (its findings would be taken
            # back): the publisher's page failed this time, the article stands.
            self.result.unchanged += 1
            return
        if doc.brief:
            logger.info("indexing a brief: %s", doc.brief_reason, extra={"source": self.source.id, "url": entry.url})
            self.result.briefs += 1
        if doc.id in self.seen:
            self.result.unchanged += 1  # two entries of this poll are one document
            return
        self.seen.add(doc.id)
        now = utcnow()
        if old is not None and old.get("content_hash") == doc.content_hash:
            self.result.unchanged += 1
            # The same text, but a new update mark, or a link resolved since (kept, so it is never asked again).
            learned = {"resolved_url": doc.resolved_url} if doc.resolved_url and not old.get("resolved_url") else {}
            if old.get("entry_updated", "") != entry.updated or learned:
                self.batch.docs[doc.id] = {**{k: v for k, v in old.items() if k != "id"}, "entry_updated": entry.updated,
                                           **learned}
            return
        doc = replace(doc, fetched=now)
        if old is None:
            self.batch.unclustered.append(doc.id)
            self.result.new += 1
        else:
            # A brief's short text made a cluster of its own: its article is clustered afresh.
            cluster = None if old.get("brief") and not doc.brief else old.get("cluster_id")
            doc = replace(doc, version=int(old.get("version") or 1) + 1, cluster_id=cluster)
            self.batch.versions.append(superseded_version(doc.id, old, doc.body(), now=now))
            if not doc.cluster_id:
                self.batch.unclustered.append(doc.id)
            self.result.updated += 1
        self.batch.docs[doc.id] = doc.body()
        self.batch.text_bytes += len(doc.text) + len(doc.title)
        size = _estimate(doc)
        self.batch.held += size
        self.budget.take(size)

    @property
    def full(self) -> bool:
        batch = self.batch
        return bool(batch.docs) and (len(batch.docs) >= FLUSH_EVERY or batch.text_bytes >= FLUSH_BYTES
                                     or self.budget.exhausted)

    def flush(self) -> None:
        """Cluster and write the batch (IndexError_ when the write itself fails)."""
        batch, self.batch = self.batch, _Batch()
        try:
            self._write(batch)
        finally:
            self.budget.give_back(batch.held)

    def _write(self, batch: _Batch) -> None:
        if batch.unclustered:
            try:
                assign_clusters(batch.docs, batch.unclustered, self._candidates)
            except IndexError_ as exc:
                for doc_id in batch.unclustered:
                    batch.docs[doc_id].setdefault("cluster_id", doc_id)
                self.problems.append(f"near-duplicate lookup failed, {len(batch.unclustered)} document(s) "
                                     f"stored without syndication cluster: {exc}")
                logger.warning("near-duplicate lookup failed: %s", exc, extra={"source": self.source.id})
        self.repo.documents.save(list(batch.docs.items()), batch.versions)

    def _candidates(self, keys: list[str], exclude: list[str]) -> list[dict[str, Any]]:
        return self.repo.documents.near_duplicates(keys, exclude=exclude, size=CANDIDATES_PER_LOOKUP)


def ingest_source(source: Source, *, repo: Repository, fetcher: Fetcher,
                  analyser: Analyser = IN_THREAD, budget: Budget | None = None) -> SourceResult:
    """Fetch, extract, detect and index one source; failures are reported, never raised.
    `analyser` runs the CPU-bound analysis of each page (monitor/ingest/analyse.py); `budget`
    is shared by the sources of a run (memory of documents not yet written)."""
    result = SourceResult(source_id=source.id)
    try:
        _ingest(source, repo=repo, fetcher=fetcher, result=result, analyser=analyser, budget=budget or Budget())
    except IndexError_ as exc:
        result.ok, result.error = False, str(exc)
        logger.error("source not indexed: %s", exc, extra={"source": source.id})
    except Exception as exc:  # noqa: BLE001 - the source's boundary: record it, the other sources go on
        result.ok, result.error = False, f"internal error: {exc.__class__.__name__}: {exc}"
        logger.exception("source failed unexpectedly", extra={"source": source.id})
    return result


def _ingest(source: Source, *, repo: Repository, fetcher: Fetcher, result: SourceResult, analyser: Analyser,
            budget: Budget) -> None:
    state = repo.sources.get(source.id)
    if state.next_poll_after is not None and utcnow() < state.next_poll_after:
        result.skipped, result.blocked = True, state.blocked_reason or "blocked"
        logger.info("source blocked (%s): not polled before %s", result.blocked, state.next_poll_after.isoformat(),
                    extra={"source": source.id})
        return
    try:
        listing = fetch_listing(source, fetcher=fetcher, cursor=state)
    except (FetchError, ParseError) as exc:
        if isinstance(exc, HTTPStatusError) and (reason := refusal_reason(exc)):
            _blocked(repo, source, state, result, reason)
            return
        result.ok, result.error = False, str(exc)
        logger.warning("source failed: %s", exc, extra={"source": source.id})
        _save_failure(repo, source.id, state, str(exc))
        return
    if listing.not_modified:
        result.not_modified = True
        if (changed := states.after_unchanged(state, now=utcnow())) is not None:
            repo.sources.save(source.id, changed)
        return
    result.entries = len(listing.entries)
    ids, urls = entry_lookup_keys(listing.entries)
    known = KnownDocuments(repo.documents.known(ids=ids, urls=urls))
    poll = _Poll(source, repo, fetcher, result, analyser, budget)
    not_articles: dict[str, int] = {}  # kind of non-article page → how many (never indexed)
    refusing_hosts: set[str] = set()
    for entry in listing.entries:
        repo.breaker.check()  # a dead cluster stops the fetching at once, not at the next write
        old = known.find(entry)
        if old is not None and old.get("entry_updated", "") == entry.updated and not _retry_brief(old):
            result.unchanged += 1
            continue
        try:
            poll.entry(entry, old)
        except (FetchError, ParseError) as exc:
            logger.warning("article failed: %s", exc, extra={"source": source.id, "url": entry.url})
            result.article_errors += 1
            if isinstance(exc, NotAnArticle):
                not_articles[exc.reason] = not_articles.get(exc.reason, 0) + 1
                if exc.reason in REFUSALS:
                    refusing_hosts.add(urlsplit(exc.url).hostname or "")
        except IndexError_:
            raise
        except Exception:  # noqa: BLE001 - one page that breaks extraction must not cost the others
            logger.exception("article failed unexpectedly", extra={"source": source.id, "url": entry.url})
            result.article_errors += 1
        if poll.full:
            poll.flush()
    poll.flush()
    refused = {kind: count for kind, count in not_articles.items() if kind in REFUSALS}
    own_site = urlsplit(str(source.url)).hostname in refusing_hosts
    if (refused and sum(refused.values()) == result.article_errors and not (result.new or result.updated)
            and (own_site or sum(refused.values()) >= 2)):
        # Every article it tried refused the monitor, none was read: the site blocks it. (One
        # refusal from another site, say a paywalled link in a feed, does not block the feed.)
        kinds = ", ".join(f"{count} {kind}" for kind, count in sorted(refused.items()))
        _blocked(repo, source, state, result, f"every article answered with a refusal ({kinds})")
        return
    unfetched = result.article_errors - sum(not_articles.values())
    problems = [f"{unfetched} article(s) could not be fetched"] if unfetched else []
    if not_articles:
        problems.append("not an article: " + ", ".join(f"{count} {kind}" for kind, count in sorted(not_articles.items())))
    problems += listing.errors + poll.problems
    if problems:
        result.ok, result.error = False, "; ".join(problems)
    repo.sources.save(source.id, states.after_poll(state, listing, changed=bool(result.new or result.updated),
                                                   problems=problems, now=utcnow(), pending=bool(result.briefs)))


def _blocked(repo: Repository, source: Source, state: SourceState, result: SourceResult, reason: str) -> None:
    """Record a refused poll: the source is `blocked` and waits hours before its next poll."""
    result.ok, result.blocked, result.error = False, reason, f"blocked: {reason}"
    changed = states.after_blocked(state, reason, now=utcnow())
    logger.warning("source blocked: %s; next poll after %s", reason, changed.next_poll_after,
                   extra={"source": source.id})
    try:
        repo.sources.save(source.id, changed)
    except IndexError_ as exc:
        logger.error("cannot record the block: %s", exc, extra={"source": source.id})


def _retry_brief(old: dict[str, Any]) -> bool:
    """Whether a stored brief's article is looked for again (for BRIEF_RETRY_FOR after it was stored)."""
    if not old.get("brief"):
        return False
    fetched = parse_datetime(old.get("fetched"))
    return fetched is None or utcnow() - fetched < BRIEF_RETRY_FOR


def _save_failure(repo: Repository, source_id: str, state: SourceState, error: str) -> None:
    try:
        repo.sources.save(source_id, states.after_failure(state, error, now=utcnow()))
    except IndexError_ as exc:
        logger.error("cannot record failure: %s", exc, extra={"source": source_id})
