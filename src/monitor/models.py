"""Typed records that flow through the pipeline (docs/ARCHITECTURE.md, steps 1–9).

Records read from outside (YAML sources, subscriptions typed by operators) are pydantic
models validated at the boundary; records made inside the pipeline are frozen dataclasses.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, field_validator

Action = Literal[
    "made_amenable",
    "agreement_signed",
    "agreement_in_force",
    "agreement_suspended",
    "agreement_terminated",
]
ACTIONS: tuple[str, ...] = (
    "made_amenable",
    "agreement_signed",
    "agreement_in_force",
    "agreement_suspended",
    "agreement_terminated",
)
SourceKind = Literal["feed", "html_list", "json_api"]


class Source(BaseModel):
    """One entry of a sources YAML file (docs/CLI.md, "Sources file")."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_.-]{0,63}$")
    kind: SourceKind
    url: HttpUrl
    name: str = ""
    language: str | None = None
    tags: tuple[str, ...] = ()
    selectors: dict[str, str] = Field(default_factory=dict)
    enabled: bool = True
    # Sources issue (#3): pages followed per poll (html_list `next`, json_api `next_page_url`),
    # and how long the source may stay without a new item before `monitor sources` flags it.
    max_pages: int = Field(default=3, ge=1, le=20)
    expected_period_hours: float = Field(default=168.0, gt=0)
    # Alerts issue (#13): who speaks (monitor/provenance.py). `official` for governments and the
    # Federal Register; a finding only news or NGOs support is "reported", not "confirmed".
    authority: Literal["official", "news", "ngo", "court"] = "news"

    @property
    def publisher(self) -> str:
        """The publisher's name ("US Department of Homeland Security: news releases" → its part before the colon)."""
        head = self.name.split(":", 1)[0].strip()
        return head or self.id


class Subscription(BaseModel):
    """An advocate's standing request for alerts; empty filters match everything.

    `query` is an optional saved full-text query (simple_query_string syntax) that a finding's
    documents must match; `digest` subscribers get one email a day instead of one per finding.
    """

    model_config = ConfigDict(extra="ignore", frozen=True)

    id: str
    email: str
    receiving: tuple[str, ...] = ()
    population: tuple[str, ...] = ()
    actions: tuple[str, ...] = ("made_amenable",)
    query: str | None = None
    digest: bool = False
    language: Literal["en", "es"] = "en"
    confirmed: bool = True
    created: dt.datetime
    confirmed_at: dt.datetime | None = None
    apprise_urls: tuple[str, ...] = ()
    # `first_report`: alert on the first report (labelled unconfirmed), then a short follow-up
    # when a government confirms it; `confirmed`: alert only once a government source confirms it.
    when: Literal["first_report", "confirmed"] = "first_report"

    @field_validator("receiving", "population", mode="before")
    @classmethod
    def _upper_codes(cls, value: object) -> object:
        if isinstance(value, (list, tuple)):
            return tuple(str(code).upper() for code in value)
        return value

    @field_validator("actions", mode="before")
    @classmethod
    def _known_actions(cls, value: object) -> object:
        if isinstance(value, (list, tuple)):
            unknown = [a for a in value if a not in ACTIONS]
            if unknown:
                raise ValueError(f"unknown action(s): {', '.join(map(str, unknown))}")
            return tuple(value) or ("made_amenable",)
        return value


@dataclass(frozen=True)
class Entry:
    """One item of a source listing (feed item, listing link, API record)."""

    source_id: str
    url: str
    title: str = ""
    published: dt.datetime | None = None
    updated: str = ""
    summary: str = ""
    # Where the text is better read than `url` (json_api: body_html_url, raw_text_url, pdf_url).
    text_urls: tuple[str, ...] = ()
    # Dates the source states as data (the Federal Register's `effective_on`, `comments_close_on`).
    effective_on: dt.date | None = None
    comments_close_on: dt.date | None = None
    # An aggregator's item (Google News): the publisher it names (`<source url=…>name</source>`),
    # and the publisher's own URL once the item's link is resolved (monitor/sources/gnews.py).
    origin_name: str = ""
    origin_url: str = ""
    resolved_url: str = ""


@dataclass(frozen=True)
class Event:
    """One policy event found in a text (docs/DETECTION.md)."""

    action: str
    receiving: str
    population: str | None
    evidence: str
    confidence: float
    background: bool = False

    @property
    def key(self) -> str:
        return f"{self.action} {self.receiving} {self.population or '-'}"


@dataclass(frozen=True)
class Withdrawal:
    """A statement taking a transfer back: a denial ("Mexicans are not covered", `denied`) or a
    correction ("an earlier version incorrectly said …", `withdrawn`) of one (receiving,
    population) pair. Not an event; reconciliation uses it to retract findings (monitor/review.py)."""

    receiving: str
    population: str
    evidence: str
    kind: str  # denied | withdrawn


@dataclass(frozen=True)
class Detection:
    """Everything the detector says about one text."""

    relevant: bool
    lang: str
    events: tuple[Event, ...] = ()
    affected_count: int | None = None
    withdrawals: tuple[Withdrawal, ...] = ()
    # The detector's claims behind the events (monitor.detect.claims.Claim), for --explain; not stored.
    claims: tuple[Any, ...] = field(default=(), compare=False, repr=False)


@dataclass(frozen=True)
class Extracted:
    """An HTML page reduced to its main text and metadata."""

    title: str
    text: str
    published: dt.datetime | None = None
    canonical_url: str | None = None
    lang: str | None = None
    updated: dt.datetime | None = None
    authors: tuple[str, ...] = ()
    section: str | None = None  # the kind of page the site says it is ("Opinion", "Editorial", "Noticias")


@dataclass(frozen=True)
class Document:
    """A fetched, extracted and analysed article as the documents index stores it.

    Built by `monitor.ingest.document`; `version`, `cluster_id` and the bookkeeping fields are
    set when the poll decides the document's identity (monitor.ingest.identify).
    """

    id: str
    url: str
    canonical_url: str
    source_id: str
    source_kind: str
    title: str
    text: str
    content_hash: str
    lang: str
    detection: Detection
    published: dt.datetime | None = None
    updated: dt.datetime | None = None
    authors: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    fetched: dt.datetime | None = None
    entry_updated: str = ""
    version: int = 1
    cluster_id: str | None = None
    dedup_bands: tuple[str, ...] = ()
    authority: str = "news"
    publisher: str = ""
    effective_on: dt.date | None = None
    comments_close_on: dt.date | None = None
    # A brief (issue 15): the feed item's own title, description, publisher and date, indexed
    # because its article could not be read (`brief_reason` says why); retried on later polls.
    brief: bool = False
    brief_reason: str = ""
    resolved_url: str = ""  # the publisher's URL an aggregator's link resolved to

    def body(self) -> dict[str, Any]:
        """The document's source in the documents index (mappings.py); a first version without
        events or withdrawals is born reconciled: it has nothing to merge into the knowledge index."""
        body: dict[str, Any] = {
            "url": self.url, "canonical_url": self.canonical_url, "source_id": self.source_id,
            "source_kind": self.source_kind, "title": self.title, "text": self.text,
            "content_hash": self.content_hash,
            "published": self.published.isoformat() if self.published else None,
            "updated": self.updated.isoformat() if self.updated else None,
            "authors": list(self.authors), "lang": self.lang, "tags": list(self.tags),
            "relevant": self.detection.relevant,
            "events": [asdict(e) for e in self.detection.events],
            "affected_count": self.detection.affected_count,
            "fetched": self.fetched.isoformat() if self.fetched else None,
            "entry_updated": self.entry_updated,
            # A new version is always reconciled again: it may no longer state what it did.
            "reconciled": not (self.detection.events or self.detection.withdrawals) and self.version == 1,
            "withdrawals": [asdict(w) for w in self.detection.withdrawals],
            "dedup_bands": list(self.dedup_bands), "version": self.version,
            "authority": self.authority, "publisher": self.publisher,
            "effective_on": self.effective_on.isoformat() if self.effective_on else None,
            "comments_close_on": self.comments_close_on.isoformat() if self.comments_close_on else None,
            "brief": self.brief,
        }
        if self.brief_reason:
            body["brief_reason"] = self.brief_reason
        if self.resolved_url:
            body["resolved_url"] = self.resolved_url
        if self.cluster_id:
            body["cluster_id"] = self.cluster_id
        return body


@dataclass(frozen=True)
class Finding:
    """A (action, receiving, population) fact the knowledge index learned for the first time."""

    id: str
    action: str
    receiving: str
    population: str | None
    evidence: str
    document_id: str
    url: str
    title: str
    published: dt.datetime | None
    affected_count: int | None = None
    evidence_brief: bool = False  # the evidence is quoted from a feed item's summary (a brief)

    @property
    def header(self) -> str:
        """The value of the `X-Monitor-Finding` header (docs/CLI.md)."""
        return f"{self.action} {self.receiving} {self.population or '-'}"


class SourceState(BaseModel):
    """One source's saved state: its incremental cursor and its health, one record per source
    (`<prefix>-sources-state`), read before a poll and saved right after the poll's documents.

    Cursor: `etag` / `last_modified` for a conditional GET, `body_hash` of the parsed entries.
    Health: when the source was last polled, last succeeded, last gave a new item, its
    consecutive failures and the last error (see monitor/sources/health.py).
    """

    model_config = ConfigDict(extra="ignore", frozen=True)

    etag: str | None = None
    last_modified: str | None = None
    body_hash: str | None = None
    last_checked: dt.datetime | None = None
    last_ok: dt.datetime | None = None
    last_new_item: dt.datetime | None = None
    last_error: str | None = None
    last_error_at: dt.datetime | None = None
    failures: int = 0
    items_seen: int | None = None
    # Blocked (issue 15): the source answers with block pages, challenges or login walls. Since
    # when, why, how many polls in a row, and the next poll's earliest time (a back-off of hours).
    blocked_since: dt.datetime | None = None
    blocked_reason: str | None = None
    blocked_polls: int = 0
    next_poll_after: dt.datetime | None = None

    @property
    def never_run(self) -> bool:
        return self.last_checked is None and self.last_ok is None and self.last_error_at is None

    def document(self) -> dict[str, object]:
        """The body stored in Elasticsearch (ISO dates, no nulls, no block unless blocked)."""
        body = self.model_dump(mode="json", exclude_none=True)
        if not self.blocked_polls:
            body.pop("blocked_polls")
        return body
