"""The server-rendered pages: search (`/`), one document (`/documents/{id}`), timelines
(`/timeline`). Plain HTML forms and links, no JavaScript; every link is built here from the
current `SearchParams` so facets, paging and filters work with any browser.
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse
from starlette.routing import NoMatchFound

from monitor.index.queries import SearchParams
from monitor.timeline import agreements
from monitor.web.api import Repo, document_detail
from monitor.web.params import query_pairs, search_params
from monitor.web import i18n
from monitor.web.templating import environment

#: Pages load nothing but their own stylesheet; no script may run.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
                               "base-uri 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}


def bucket_range(start: str, interval: str) -> tuple[dt.date, dt.date]:
    """The first and last day of a date histogram bucket starting at `start` (YYYY-MM-DD)."""
    first = dt.date.fromisoformat(start[:10])
    if interval == "day":
        return first, first
    if interval == "week":
        return first, first + dt.timedelta(days=6)
    months = {"month": 1, "quarter": 3, "year": 12}.get(interval, 1)
    month_index = first.month - 1 + months - 1
    year, month = first.year + month_index // 12, month_index % 12 + 1
    return first, dt.date(year, month, calendar.monthrange(year, month)[1])


class Links:
    """Links of the search page, each a search with one thing changed."""

    def __init__(self, base: str, params: SearchParams) -> None:
        self.base = base
        self.params = params

    def url(self, **changes: Any) -> str:
        params = self.params.with_(**{"page": 1, **changes})
        query = urlencode(query_pairs(params))
        return f"{self.base}?{query}" if query else self.base

    def active(self, name: str, value: str) -> bool:
        return value in getattr(self.params, name, ())

    def toggle(self, name: str, value: str) -> str:
        current: tuple[str, ...] = getattr(self.params, name)
        values = tuple(v for v in current if v != value) if value in current else (*current, value)
        return self.url(**{name: values})

    def bucket(self, start: str) -> str:
        since, until = bucket_range(start, self.params.histogram_interval)
        return self.url(since=since, until=until)

    def page(self, number: int) -> str:
        return self.url(page=number)

    def cluster(self, cluster_id: str) -> str:
        return self.url(cluster=cluster_id, collapse=False)

    def clear(self) -> str:
        return self.url(**{name: () for name in self.params.filters()}, since=None, until=None, relevant=False,
                        cluster=None)


def render(request: Request, template: str, *, status: int = 200, **context: Any) -> HTMLResponse:
    """A page from `templates/` in the request's language (web/i18n.py), with the app's paths,
    the language switch and the security headers."""
    def path_for(name: str, **params: Any) -> str:
        return request.url_for(name, **params).path

    switch_base = context.pop("switch_base", None)

    def switch_to(language: str) -> str:
        """This page in another language (the same query, `hl` changed); a page answering a
        form (a POST) switches to `switch_base`, the page that shows the form."""
        pairs = [(k, v) for k, v in request.query_params.multi_items() if k != "hl"] + [("hl", language)]
        return f"{switch_base or request.url.path}?{urlencode(pairs)}"

    def optional_path(name: str) -> str | None:
        """The path of a route other modules may add (e.g. the subscription pages), or None."""
        try:
            return path_for(name)
        except NoMatchFound:
            return None

    language = i18n.choose(request)
    token = i18n.use(language)
    try:
        html = environment().get_template(template).render(request=request, path_for=path_for, switch_to=switch_to,
                                                           optional_path=optional_path, ui_lang=language, **context)
    finally:
        i18n.reset(token)
    response = HTMLResponse(html, status_code=status, headers={**SECURITY_HEADERS, "Content-Language": language,
                                                               "Vary": "Accept-Language, Cookie"})
    if request.query_params.get("hl") in i18n.LANGUAGES:  # the switch was used: remember it
        response.set_cookie(i18n.COOKIE, language, max_age=365 * 24 * 3600, samesite="lax", path="/")
    return response


router = APIRouter(include_in_schema=False)


@router.get("/", response_class=HTMLResponse, name="search_page")
def search_page(request: Request, repo: Repo, params: Annotated[SearchParams, Depends(search_params)]) -> HTMLResponse:
    result = repo.search(params)
    timelines = (agreements(repo.findings.records(receiving=params.receiving, reported_order=True))
                 if params.receiving else [])
    links = Links(request.url_for("search_page").path, params)
    return render(request, "search.html", params=params, result=result, links=links, timelines=timelines)


@router.get("/documents/{doc_id}", response_class=HTMLResponse, name="document_page")
def document_page(request: Request, repo: Repo, doc_id: str) -> HTMLResponse:
    doc = repo.documents.get(doc_id) if len(doc_id) <= 128 else None
    if doc is None:
        return render(request, "error.html", status=404, title="Not found",
                      message="There is no document with this id.")
    detail = document_detail(doc)
    paragraphs = [p.strip() for p in detail.text.split("\n") if p.strip()]
    links = Links(request.url_for("search_page").path, SearchParams())
    return render(request, "document.html", doc=detail, paragraphs=paragraphs, links=links)


@router.get("/timeline", response_class=HTMLResponse, name="timeline_page")
def timeline_page(
    request: Request, repo: Repo, receiving: Annotated[list[str], Query()] = [],  # noqa: B006
) -> HTMLResponse:
    codes = tuple(c.strip().upper() for c in receiving if c.strip())
    links = Links(request.url_for("search_page").path, SearchParams())
    return render(request, "timeline.html",
                  agreements=agreements(repo.findings.records(receiving=codes, reported_order=True)),
                  links=links, receiving=codes)
