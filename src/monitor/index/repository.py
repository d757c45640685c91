"""The facade over the monitor's indices for one prefix: the one object that owns the
Elasticsearch client, and one store per concern.

    repo.documents       stored articles, known-document and near-duplicate lookups (documents.py)
    repo.versions        superseded texts and their retention (versions.py)
    repo.findings        the knowledge records, i.e. findings (findings.py)
    repo.subscriptions   advocates' subscriptions (subscriptions.py)
    repo.ledger          the alert delivery ledger (ledger.py)
    repo.sources         each source's cursor and health (source_state.py)
    repo.search(...)     the advocates' document search (search.py)

Setup (templates, aliases, migrations) is `management.py`. Which cluster to talk to — the one
MONITOR_ES_URL names or the local launcher's — is decided at the edges (the CLI, the web app,
the Airflow tasks: `monitor.services.cluster`), never here. Client errors come out as
`monitor.errors.IndexError_` (`client.py`).
"""

from __future__ import annotations

from collections.abc import Iterable

from elasticsearch import ApiError, Elasticsearch, TransportError

from monitor.index import client as es
from monitor.index.breaker import ClusterBreaker
from monitor.index import drift, management, mappings, results
from monitor.index import search as _search
from monitor.index.documents import DocumentStore
from monitor.index.findings import FindingStore
from monitor.index.ledger import AlertLedger
from monitor.index.mappings import IndexNames
from monitor.index.queries.search import SearchParams
from monitor.index.source_state import SourceStateStore
from monitor.index.subscriptions import SubscriptionStore
from monitor.index.versions import VersionStore


class Repository:
    """Reads and writes the monitor's indices for one index prefix."""

    def __init__(self, url: str, *, prefix: str, client: Elasticsearch | None = None) -> None:
        self.url = url
        self.names = IndexNames(prefix)
        self.client = client or es.connect(url)
        self.documents = DocumentStore(self.client, self.names)
        self.versions = VersionStore(self.client, self.names)
        self.findings = FindingStore(self.client, self.names)
        self.subscriptions = SubscriptionStore(self.client, self.names)
        self.ledger = AlertLedger(self.client, self.names)
        self.sources = SourceStateStore(self.client, self.names)
        self.breaker = ClusterBreaker(self.client)

    def close(self) -> None:
        self.client.close()

    def ensure_indices(self) -> None:
        """Create every versioned index with its template and alias when missing (safe each run)."""
        management.ensure(self.client, self.names)

    def ping(self) -> bool:
        """Whether the cluster answers (cluster health: the core-only distribution has no `GET /`)."""
        try:
            return self.client.options(request_timeout=5).cluster.health()["status"] in ("green", "yellow")
        except (ApiError, TransportError):
            return False

    def search(self, params: SearchParams, *, cursor: str | None = None, deep: bool = False) -> results.SearchResult:
        """One page of documents (see `monitor.index.search.search`)."""
        return _search.search(self.client, self.names, params, cursor=cursor, deep=deep)

    def analyzers(self) -> mappings.Analyzers:
        """The language analyzers this cluster has (see `index.management.probe_analyzers`)."""
        return management.probe_analyzers(self.client)

    def migrate(self, indices: Iterable[str] | None = None) -> list[management.Migration]:
        """Move aliases to new index versions with the current mappings, one swap each."""
        return management.migrate(self.client, self.names, indices)

    def check_templates(self) -> drift.TemplateCheck:
        """Whether each live index still carries the mapping the code writes."""
        return drift.check_templates(self.client, self.names)
