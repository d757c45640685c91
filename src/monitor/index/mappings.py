"""Index names, settings and mappings — the only place they are written down.

Every index is versioned (`<prefix>-<name>-v<N>`) and reached through its alias
(`<prefix>-<name>`); reads and writes always go through the alias. Text is indexed with the
`standard` analyzer, which every cluster has (the core-only integ-test distribution has
nothing else); when the cluster also has the `english` / `spanish` analyzers (the
analysis-common module), `title` and `text` gain `.en` / `.es` subfields analysed with them.
On every cluster, the folded twins `search_title_<l>` / `search_text_<l>` hold the words of
`title` / `text` folded and stemmed in Python (`index/analysis.py`), offset-aligned with them
and indexed with the `whitespace` analyzer: `<l>` is the document's language (`en`, `es`:
stemmed) or `other` (folded only), and only that pair is filled. A pair per language keeps one
language's stems from matching, or being highlighted in, another's documents. Originals and
twins keep offsets in their postings, which lets the highlighter mark the original word for a
twin's match. A document's `events` are `nested`, so a search for one event's receiving
country and population matches within one event (their fields are also copied flat onto the
document, `include_in_root`, for the facets).
`mappings_for(analyzers)` gives the mapping for a cluster, `template_for(...)` the index
template that carries it; `MAPPINGS` is the standard-only mapping.
"""

from __future__ import annotations

import copy
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
# Offsets in the postings: the highlighter reads matches of a folded twin onto the original.
_OFFSETS = "offsets"
_FOLDED = {"type": "text", "analyzer": "whitespace", "index_options": _OFFSETS}
#: Languages with a stemmer for the folded twins; any other language's twins are `other`.
STEMMED_LANGUAGES = ("en", "es")
TWIN_FIELDS = ("title", "text")


def twin(field: str, lang: str | None) -> str:
    """The folded twin of `title` or `text` in documents of language `lang`: `search_text_es`."""
    return f"search_{field}_{lang if lang in STEMMED_LANGUAGES else 'other'}"


#: Every folded twin field.
TWINS = tuple(twin(field, lang) for lang in (*STEMMED_LANGUAGES, None) for field in TWIN_FIELDS)
_DOCUMENT_PROPS: dict[str, Any] = {
    "url": _KEYWORD,
    "source_id": _KEYWORD,
    "title": {"type": "text", "index_options": _OFFSETS,
              "fields": {"raw": {"type": "keyword", "ignore_above": 512}}},
    "text": {"type": "text", "index_options": _OFFSETS},
    **{name: _FOLDED for name in TWINS},
    "content_hash": _KEYWORD,
    "fetched": _DATE,
    "published": _DATE,
    "lang": _KEYWORD,
    "tags": _KEYWORD,
    "relevant": {"type": "boolean"},
    # Nested, so a query matches within one event; `include_in_root` also indexes each event's
    # fields flat on the document, where plain terms aggregations count documents (the facets).
    "events": {"type": "nested", "include_in_root": True, "properties": _EVENT_PROPS},
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
    "dedup_bands": _KEYWORD,  # MinHash LSH band keys (extract/fingerprint.py): near-duplicate candidates
    # Provenance (issue 13): the source's declared authority and its publisher's name.
    "authority": _KEYWORD,
    "publisher": _KEYWORD,
    # Dates the source states as data (Federal Register): when it takes effect, when comments close.
    "effective_on": _DATE,
    "comments_close_on": _DATE,
    # Issue 15: a brief (a feed item indexed without its article, and why), and the publisher's
    # URL an aggregator's link resolved to (so a known item is never resolved twice).
    "brief": {"type": "boolean"},
    "brief_reason": {"type": "keyword", "index": False},
    "resolved_url": _KEYWORD,
    # Denials and corrections of a transfer (models.Withdrawal): they retract findings.
    "withdrawals": {"type": "object", "properties": {
        "receiving": _KEYWORD, "population": _KEYWORD, "evidence": {"type": "text", "index": False}, "kind": _KEYWORD}},
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
            "comments_close": _DATE,
            "epoch": _KEYWORD,
            # The finding's life (monitor/review.py, monitor/provenance.py): its status, how it
            # is known, its confidence, what confirmed it, and every transition.
            "status": _KEYWORD,
            "provenance": _KEYWORD,
            "review": _KEYWORD,
            "confidence": {"type": "float"},
            "confirmed_by": {"type": "object", "properties": {
                "publisher": _KEYWORD, "date": _DATE, "document_id": _KEYWORD, "how": _KEYWORD}},
            "retraction": {"type": "object", "properties": {
                "at": _DATE, "reason": {"type": "text", "index": False}, "evidence": {"type": "text", "index": False},
                "document_id": _KEYWORD, "publisher": _KEYWORD}},
            "history": {"type": "object", "properties": {
                "at": _DATE, "by": _KEYWORD, "from": _KEYWORD, "to": _KEYWORD,
                "reason": {"type": "text", "index": False}}},
            "sources": {
                "type": "object",
                "properties": {
                    "document_id": _KEYWORD,
                    "url": _KEYWORD,
                    "evidence": {"type": "text"},
                    "seen": _DATE,
                    "published": _DATE,
                    "background": {"type": "boolean"},
                    "source_id": _KEYWORD,
                    "publisher": _KEYWORD,
                    "authority": _KEYWORD,
                    "quotes_official": {"type": "boolean"},
                    "confidence": {"type": "float"},
                    "cluster_id": _KEYWORD,
                    "title": {"type": "text", "index": False},
                    "lang": _KEYWORD,
                    "withdrawn": {"type": "boolean"},
                    "effective": _DATE,
                    "withdrawn_evidence": {"type": "text", "index": False},
                    "brief": {"type": "boolean"},
                },
            },
            "brief": {"type": "boolean"},
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
            "when": _KEYWORD,
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
            "replies_to": _KEYWORD,
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
            # Blocked sources (issue 15): since when, why, polls in a row, the next poll's earliest time.
            "blocked_since": _DATE,
            "blocked_reason": {"type": "text", "index": False},
            "blocked_polls": {"type": "integer"},
            "next_poll_after": _DATE,
        },
    },
}

#: One primary shard per index; one replica once the cluster has a second node, none on a
#: single node (which stays green). A three-node cluster keeps every document and finding on
#: two nodes, so losing one node loses nothing (the topology test kills one mid-run).
SETTINGS: dict[str, Any] = {"number_of_shards": 1, "auto_expand_replicas": "0-1"}
VERSION = 1
#: The indices holding document bodies: language subfields, folded search fields.
TEXT_INDICES = (DOCUMENTS, VERSIONS)
#: Text fields of documents (and versions) that gain language subfields when the cluster can.
LANGUAGE_FIELDS = ("title", "text")
#: Subfield suffix → the cluster's built-in analyzer for that language.
LANGUAGE_ANALYZERS = {"en": "english", "es": "spanish"}


@dataclass(frozen=True)
class Analyzers:
    """Which language analyzers the cluster has (probed at setup by `index.management`)."""

    english: bool = False
    spanish: bool = False

    @property
    def subfields(self) -> dict[str, str]:
        """Language subfields to add: suffix → analyzer, e.g. `{"en": "english"}`."""
        have = {"english": self.english, "spanish": self.spanish}
        return {suffix: name for suffix, name in LANGUAGE_ANALYZERS.items() if have[name]}


def _with_languages(props: dict[str, Any], analyzers: Analyzers) -> dict[str, Any]:
    props = copy.deepcopy(props)
    for field in LANGUAGE_FIELDS:
        extra = {suffix: {"type": "text", "analyzer": name} for suffix, name in analyzers.subfields.items()}
        if extra:
            props[field].setdefault("fields", {}).update(extra)
    return props


def mappings_for(analyzers: Analyzers | None = None) -> dict[str, dict[str, Any]]:
    """Every index's mapping for a cluster with these analyzers (None: standard only)."""
    result = copy.deepcopy(MAPPINGS)
    if analyzers is None or not analyzers.subfields:
        return result
    for name in TEXT_INDICES:
        result[name]["properties"] = _with_languages(result[name]["properties"], analyzers)
    return result


def template_for(names: IndexNames, name: str, mapping: dict[str, Any]) -> dict[str, Any]:
    """The index template that gives every version of one index (`<alias>-v*`) its mapping."""
    return {
        "name": names.alias(name),
        "index_patterns": [f"{names.alias(name)}-v*"],
        "template": {"settings": SETTINGS, "mappings": mapping},
        "priority": 200,
        "meta": {"managed_by": "asylum-policy-monitor"},
    }


@dataclass(frozen=True)
class IndexNames:
    """Alias names for one prefix; `concrete()` gives the versioned index behind an alias."""

    prefix: str

    def alias(self, name: str) -> str:
        return f"{self.prefix}-{name}"

    def concrete(self, name: str, version: int = VERSION) -> str:
        return f"{self.prefix}-{name}-v{version}"

    def version_of(self, name: str, index: str) -> int | None:
        """The version number of a concrete index of `name`, or None if it is not one."""
        stem = f"{self.alias(name)}-v"
        tail = index[len(stem):] if index.startswith(stem) else ""
        return int(tail) if tail.isdigit() else None

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
