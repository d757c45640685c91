"""One page per finding (`/findings/{id}`, linked from every alert email) and its JSON
(`/api/findings/{id}`): the status in words and its history, the evidence, the effective date,
and every supporting document across languages and kinds, grouped by story.

Held and rejected findings are not public: both answer 404 here (operators see them on
`/operator/review`). The claim explanation is for operators and is not computed here.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, Field

from monitor.alerts.render import headline
from monitor.alerts.delivery import finding_from_record
from monitor.provenance import is_public
from monitor.review import finding_view
from monitor.timeline import record_date
from monitor.web.api import Repo, SafeJSONResponse
from monitor.web.pages import render

MAX_ID = 200


class HistoryEntry(BaseModel):
    at: str
    by: str
    from_: str | None = Field(default=None, alias="from", serialization_alias="from")
    to: str
    reason: str = ""


class StoryDocument(BaseModel):
    id: str
    title: str = ""
    url: str = ""
    published: str | None = None
    source_id: str | None = None
    publisher: str | None = None
    authority: str = "news"
    lang: str | None = None
    source_kind: str | None = None
    supports: bool = False
    evidence: str | None = None
    quotes_official: bool = False
    background: bool = False
    brief: bool = False


class Story(BaseModel):
    cluster_id: str
    documents: list[StoryDocument]


class FindingDetail(BaseModel):
    """A finding as the API shows it."""

    id: str
    action: str
    receiving: str
    population: str | None = None
    headline: dict[str, str]
    status: str
    status_text: dict[str, str]
    confidence: float | None = None
    confirmed_by: dict[str, Any] | None = None
    evidence: str = ""
    date: str | None = Field(default=None, description="when it took effect, or when it was first reported")
    effective: str | None = None
    comments_close: str | None = None
    first_seen: str | None = None
    history: list[HistoryEntry] = Field(default_factory=list)
    stories: list[Story] = Field(default_factory=list)


def finding_detail(repo: Any, finding_id: str) -> FindingDetail:
    record = repo.findings.get(finding_id) if 0 < len(finding_id) <= MAX_ID else None
    if record is None or not is_public(record):
        raise HTTPException(404, "no such finding")
    view = finding_view(repo, record, explain=False)
    finding = finding_from_record(record)
    date = record_date(record)
    return FindingDetail(
        id=record["id"], action=record["action"], receiving=record["receiving"], population=record.get("population"),
        headline={"en": headline(finding, "en"), "es": headline(finding, "es")}, status=view["status"],
        status_text=view["status_text"], confidence=record.get("confidence"), confirmed_by=record.get("confirmed_by"),
        evidence=record.get("evidence") or "", date=date.isoformat() if date else None,
        effective=record.get("effective"), comments_close=record.get("comments_close"), first_seen=record.get("first_seen"),
        history=[HistoryEntry.model_validate(h) for h in record.get("history") or []],
        stories=[Story(cluster_id=s["cluster_id"], documents=[StoryDocument.model_validate(d) for d in s["documents"]])
                 for s in view["stories"]],
    )


api_router = APIRouter(prefix="/api", tags=["api"], default_response_class=SafeJSONResponse)


@api_router.get("/findings/{finding_id}", response_model=FindingDetail, summary="One finding, its status and sources")
def api_finding(repo: Repo, finding_id: str) -> FindingDetail:
    return finding_detail(repo, finding_id)


page_router = APIRouter(include_in_schema=False)


@page_router.get("/findings/{finding_id}", response_class=HTMLResponse, name="finding_page")
def finding_page(request: Request, repo: Repo, finding_id: str) -> HTMLResponse:
    try:
        detail = finding_detail(repo, finding_id)
    except HTTPException:
        return render(request, "error.html", status=404, title="Not found",
                      message="There is no published finding with this id.")
    return render(request, "finding.html", finding=detail)
