"""Search parameters read from the query string, shared by the JSON API and the search page.

HTML forms send empty strings for untouched fields (`since=`, `receiving=`), so every filter
accepts "" as "not set"; anything else must match its pattern (FastAPI answers 422 to the
API and the page shows the error). The OpenAPI schema documents each parameter from here.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from fastapi import HTTPException, Query

from monitor.index.queries import MAX_SIZE, MAX_WINDOW, SearchParams

_CODE = r"^[A-Za-z0-9_.:-]{0,64}$"
_DATE = r"^(\d{4}-\d{2}-\d{2})?$"

Interval = Literal["auto", "year", "quarter", "month", "week", "day"]


def _codes(values: list[str], *, what: str) -> tuple[str, ...]:
    cleaned = tuple(dict.fromkeys(v.strip() for v in values if v.strip()))
    bad = [v for v in cleaned if not re.match(_CODE, v)]
    if bad:
        raise HTTPException(422, f"invalid {what}: {bad[0][:64]!r}")
    return cleaned


def _date(value: str, *, what: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise HTTPException(422, f"invalid {what} date: {value!r} (use YYYY-MM-DD)") from exc


async def search_params(  # async: pure parsing, so FastAPI needs no worker thread for it
    q: Annotated[str, Query(max_length=500, description="words, \"phrases\", AND/OR (|)/NOT (-), prefix*")] = "",
    receiving: Annotated[list[str], Query(description="receiving country, ISO code (repeatable)")] = [],  # noqa: B006
    population: Annotated[list[str], Query(description="nationality made amenable, ISO code")] = [],  # noqa: B006
    action: Annotated[list[str], Query(description="kind of finding, e.g. made_amenable")] = [],  # noqa: B006
    source: Annotated[list[str], Query(description="source id")] = [],  # noqa: B006
    kind: Annotated[list[str], Query(description="kind of source: feed, html_list, json_api")] = [],  # noqa: B006
    lang: Annotated[list[str], Query(description="document language: en, es")] = [],  # noqa: B006
    since: Annotated[str, Query(pattern=_DATE, description="published on or after, YYYY-MM-DD")] = "",
    until: Annotated[str, Query(pattern=_DATE, description="published on or before, YYYY-MM-DD")] = "",
    relevant: Annotated[bool, Query(description="only documents the detector found relevant")] = False,
    cluster: Annotated[str, Query(max_length=128, description="one syndication cluster, uncollapsed")] = "",
    sort: Annotated[Literal["relevance", "date"], Query()] = "relevance",
    size: Annotated[int, Query(ge=1, le=MAX_SIZE)] = 20,
    page: Annotated[int, Query(ge=1, le=MAX_WINDOW)] = 1,
    collapse: Annotated[bool, Query(description="one hit per syndication cluster (page mode)")] = True,
    interval: Annotated[Interval, Query(description="date histogram interval (auto: by the date range)")] = "auto",
) -> SearchParams:
    """The `SearchParams` of a request (FastAPI dependency)."""
    since_date, until_date = _date(since, what="since"), _date(until, what="until")
    if since_date and until_date and since_date > until_date:
        raise HTTPException(422, "since is after until")
    return SearchParams(
        text=q, receiving=_codes(receiving, what="receiving"), population=_codes(population, what="population"),
        action=_codes(action, what="action"), source=_codes(source, what="source"), kind=_codes(kind, what="kind"),
        lang=_codes(lang, what="lang"), since=since_date, until=until_date, relevant=relevant,
        cluster=cluster.strip() or None, sort=sort, size=size, page=page, collapse=collapse, interval=interval,
    )


def query_pairs(params: SearchParams) -> list[tuple[str, str]]:
    """The query string that reproduces `params` (for links on the page), defaults left out."""
    pairs: list[tuple[str, str]] = []
    if params.text:
        pairs.append(("q", params.text))
    for name, values in params.filters().items():
        pairs += [(name, v) for v in values]
    for name in ("since", "until"):
        value = getattr(params, name)
        if value:
            pairs.append((name, value.isoformat()))
    if params.relevant:
        pairs.append(("relevant", "1"))
    if params.cluster:
        pairs.append(("cluster", params.cluster))
    if params.sort != "relevance":
        pairs.append(("sort", params.sort))
    if params.size != 20:
        pairs.append(("size", str(params.size)))
    if params.interval != "auto":
        pairs.append(("interval", params.interval))
    if params.page != 1:
        pairs.append(("page", str(params.page)))
    return pairs
