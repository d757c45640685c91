"""Index names, settings and mappings — the only place they are written down.

Every index is versioned (`<prefix>-<name>-v<N>`) and reached through its alias
(`<prefix>-<name>`); reads and writes always go through the alias. The mappings use only
the `standard` analyzer, so they work on the core-only integ-test distribution.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

DOCUMENTS = "documents"
VERSIONS = "document-versions"
EVENTS = "events"
SUBSCRIPTIONS = "subscriptions"
ALERTS = "alerts"
SOURCES_STATE = "sources-state"

_KEYWORD = {"type": "keyword"}
_DATE = {"type": "date"}
_EVENT_PROPS = {
    "action": _KEYWORD,
    "receiving": _KEYWORD,
    "population": _KEYWORD,
    "evidence": {"type": "text"},
    "confidence": {"type": "float"},
    "background": {"type": "boolean"},
}
_DOCUMENT_PROPS: dict[str, Any] = {
    "url": _KEYWORD,
    "source_id": _KEYWORD,
    "title": {"type": "text", "fields": {"raw": {"type": "keyword", "ignore_above": 512}}},
    "text": {"type": "text"},
    "content_hash": _KEYWORD,
    "fetched": _DATE,
    "published": _DATE,
    "lang": _KEYWORD,
    "tags": _KEYWORD,
    "relevant": {"type": "boolean"},
    "events": {"type": "object", "properties": _EVENT_PROPS},
    "affected_count": {"type": "integer"},
    "entry_updated": {"type": "keyword", "index": False},
    "reconciled": {"type": "boolean"},
    # Identity and change (sources issue): canonical URL, authors, update date, version number,
    # near-duplicate fingerprint and syndication cluster, the kind of source it came from.
    "canonical_url": _KEYWORD,
    "authors": _KEYWORD,
    "updated": _DATE,
    "version": {"type": "integer"},
    "simhash": {"type": "keyword", "index": False},
    "cluster_id": _KEYWORD,
    "source_kind": _KEYWORD,
}

MAPPINGS: dict[str, dict[str, Any]] = {
    DOCUMENTS: {"dynamic": "strict", "properties": _DOCUMENT_PROPS},
    VERSIONS: {
        "dynamic": "strict",
        "properties": {**_DOCUMENT_PROPS, "document_id": _KEYWORD, "superseded": _DATE,
                       "diff_summary": {"type": "text", "index": False}},
    },
    EVENTS: {
        "dynamic": "strict",
        "properties": {
            **{k: v for k, v in _EVENT_PROPS.items() if k not in ("confidence", "background")},
            "first_seen": _DATE,
            "document_id": _KEYWORD,
            "url": _KEYWORD,
            "title": {"type": "text"},
            "published": _DATE,
            "affected_count": {"type": "integer"},
            "alerts_planned": {"type": "boolean"},
            "effective": _DATE,
            "epoch": _KEYWORD,
            "sources": {
                "type": "object",
                "properties": {
                    "document_id": _KEYWORD,
                    "url": _KEYWORD,
                    "evidence": {"type": "text"},
                    "seen": _DATE,
                    "published": _DATE,
                    "background": {"type": "boolean"},
                },
            },
        },
    },
    SUBSCRIPTIONS: {
        "dynamic": "strict",
        "properties": {
            "email": _KEYWORD,
            "receiving": _KEYWORD,
            "population": _KEYWORD,
            "actions": _KEYWORD,
            "query": {"type": "text", "index": False},
            "digest": {"type": "boolean"},
            "language": _KEYWORD,
            "confirmed": {"type": "boolean"},
            "created": _DATE,
            "confirmed_at": _DATE,
            "apprise_urls": {"type": "keyword", "index": False},
        },
    },
    ALERTS: {
        "dynamic": "strict",
        "properties": {
            "subscription_id": _KEYWORD,
            "email": _KEYWORD,
            "finding_id": _KEYWORD,
            "finding": {"type": "object", "enabled": False},
            "kind": _KEYWORD,
            "channel": _KEYWORD,
            "next_try": _DATE,
            "status": _KEYWORD,
            "attempts": {"type": "integer"},
            "created": _DATE,
            "updated": _DATE,
            "sent_at": _DATE,
            "message_id": _KEYWORD,
            "last_error": {"type": "text", "index": False},
        },
    },
    SOURCES_STATE: {
        "dynamic": "strict",
        "properties": {
            "etag": {"type": "keyword", "index": False},
            "last_modified": {"type": "keyword", "index": False},
            "body_hash": {"type": "keyword", "index": False},
            "last_ok": _DATE,
            "last_error": {"type": "text", "index": False},
            "last_error_at": _DATE,
            "failures": {"type": "integer"},
            "last_new_item": _DATE,
            "last_checked": _DATE,
            "items_seen": {"type": "integer"},
        },
    },
}

SETTINGS: dict[str, Any] = {"number_of_shards": 1, "number_of_replicas": 0}
VERSION = 1


@dataclass(frozen=True)
class IndexNames:
    """Alias names for one prefix; `concrete()` gives the versioned index behind an alias."""

    prefix: str

    def alias(self, name: str) -> str:
        return f"{self.prefix}-{name}"

    def concrete(self, name: str, version: int = VERSION) -> str:
        return f"{self.prefix}-{name}-v{version}"

    @property
    def documents(self) -> str:
        return self.alias(DOCUMENTS)

    @property
    def versions(self) -> str:
        return self.alias(VERSIONS)

    @property
    def events(self) -> str:
        return self.alias(EVENTS)

    @property
    def subscriptions(self) -> str:
        return self.alias(SUBSCRIPTIONS)

    @property
    def alerts(self) -> str:
        return self.alias(ALERTS)

    @property
    def sources_state(self) -> str:
        return self.alias(SOURCES_STATE)

    @property
    def all_pattern(self) -> str:
        return f"{self.prefix}-*"
