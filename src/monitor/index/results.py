"""Search results as typed models, read from Elasticsearch answers (pure, no I/O).

`parse_search()` turns a search response into a `SearchResult` (the JSON of `/api/search`,
`monitor search --json` and the page's data). Highlight fragments come from Elasticsearch's
`html` encoder; `clean_fragment()` re-escapes them so the only markup they can ever carry is
`<mark>`…`</mark>`, whatever the document contained, and widens a mark that ends inside a word
to the whole word (a match on a stem, "<mark>asil</mark>os", shows as "<mark>asilos</mark>").
"""

from __future__ import annotations

import html
import re
from typing import Any, Literal

from pydantic import BaseModel, Field

from monitor.index.analysis import WORD_TAIL
from monitor.index.queries import FACET_FIELDS, HIGHLIGHT_FIELDS, MAX_WINDOW, SearchParams

_MARK = re.compile(r"(</?mark>)")


def clean_fragment(fragment: str) -> str:
    """An HTML-encoded highlight fragment whose only tags are `<mark>` and `</mark>`, each mark
    ending at the end of a word."""
    out: list[str] = []
    depth = 0
    closing = False  # a </mark> is due, after the rest of the word it ends in
    for piece in _MARK.split(fragment):
        if piece == "<mark>" and depth == 0:
            if closing:
                out.append("</mark>")
                closing = False
            out.append(piece)
            depth = 1
        elif piece == "</mark>" and depth == 1:
            closing = True
            depth = 0
        elif piece not in ("<mark>", "</mark>"):
            text = html.unescape(piece)
            if closing:
                tail = WORD_TAIL.match(text).group()
                out += [html.escape(tail, quote=True), "</mark>"]
                text = text[len(tail):]
                closing = False
            out.append(html.escape(text, quote=True))
    if depth or closing:
        out.append("</mark>")
    return "".join(out)


class EventRef(BaseModel):
    """One policy event of a document, without its evidence."""

    action: str
    receiving: str
    population: str | None = None


class Hit(BaseModel):
    """One document (or syndication cluster) in a result list."""

    id: str
    title: str = ""
    url: str = ""
    published: str | None = None
    source: str | None = Field(default=None, description="source id")
    source_kind: str | None = None
    lang: str | None = None
    relevant: bool | None = None
    brief: bool = Field(default=False, description="a feed item's own summary: its article could not be read")
    events: list[EventRef] = Field(default_factory=list)
    cluster_id: str | None = None
    similar: int = Field(default=0, description="other documents of the same syndication cluster")
    score: float | None = None
    title_html: str = Field(default="", description="HTML: the title with <mark> around hits, when it has any")
    snippet: str = Field(default="", description="HTML: escaped text, <mark> around hits")
    highlights: list[str] = Field(default_factory=list, description="HTML fragments like snippet")


class Bucket(BaseModel):
    value: str
    count: int


class SearchResult(BaseModel):
    """One page of a document search (docs/CLI.md: total, hits, facets)."""

    total: int
    total_relation: Literal["eq", "gte"] = "eq"
    took: int = Field(description="milliseconds Elasticsearch spent on the search")
    hits: list[Hit]
    facets: dict[str, list[Bucket]] = Field(default_factory=dict)
    page: int = 1
    size: int = 20
    next_page: int | None = None
    next_cursor: str | None = Field(default=None, description="pass as `cursor` for the next page")


def _highlights(raw: dict[str, list[str]], lang: str | None) -> list[str]:
    # The document's language subfield first (the cluster's stemmer, where it has one), then the
    # text with its folded twin's matches; never another language's subfield, where the
    # highlighter would mark that language's stems ("can", the Spanish stem of "Canada").
    for field in (f"text.{lang}", "text"):
        if field in HIGHLIGHT_FIELDS and raw.get(field):
            return [clean_fragment(f) for f in raw[field]]
    return []


def _events(raw: Any) -> list[EventRef]:
    items = raw if isinstance(raw, list) else [raw] if isinstance(raw, dict) else []
    seen: dict[tuple[str, str, str | None], EventRef] = {}
    for item in items:
        if item.get("action") and item.get("receiving"):
            ref = EventRef(action=item["action"], receiving=item["receiving"], population=item.get("population"))
            seen.setdefault((ref.action, ref.receiving, ref.population), ref)
    return list(seen.values())


def parse_hit(raw: dict[str, Any]) -> Hit:
    src = raw.get("_source", {})
    highlights = _highlights(raw.get("highlight", {}), src.get("lang"))
    similar = raw.get("inner_hits", {}).get("similar", {}).get("hits", {}).get("total", {}).get("value", 1)
    return Hit(
        id=raw["_id"], title=src.get("title") or "", url=src.get("url") or "", published=src.get("published"),
        source=src.get("source_id"), source_kind=src.get("source_kind"), lang=src.get("lang"),
        relevant=src.get("relevant"), brief=bool(src.get("brief")), events=_events(src.get("events")), cluster_id=src.get("cluster_id"),
        similar=max(0, similar - 1), score=raw.get("_score"),
        snippet=" … ".join(highlights), highlights=highlights,
        title_html=clean_fragment(raw.get("highlight", {}).get("title", [""])[0]),
    )


def _facets(aggs: dict[str, Any]) -> dict[str, list[Bucket]]:
    facets: dict[str, list[Bucket]] = {}
    for name in [*FACET_FIELDS, "published"]:
        if name in aggs:
            facets[name] = [
                Bucket(value=str(b.get("key_as_string", b["key"])), count=b["doc_count"])
                for b in aggs[name]["buckets"]
            ]
    return facets


def parse_search(response: dict[str, Any], params: SearchParams, *, next_cursor: str | None = None) -> SearchResult:
    """A search answer as a `SearchResult`; `next_page` is set in page mode when more exist."""
    total = response["hits"]["total"]
    hits = [parse_hit(h) for h in response["hits"]["hits"]]
    shown = params.page * params.size
    more = next_cursor is None and "pit_id" not in response and total["value"] > shown and len(hits) == params.size
    return SearchResult(
        total=total["value"], total_relation=total.get("relation", "eq"), took=response.get("took", 0),
        hits=hits, facets=_facets(response.get("aggregations", {})), page=params.page, size=params.size,
        next_page=params.page + 1 if more and shown + params.size <= MAX_WINDOW else None,
        next_cursor=next_cursor,
    )
