"""The `json_api` adapter (pure): a Federal Register documents API answer → entries.

Expected format (https://www.federalregister.gov/developers/documentation/api/v1):
`GET /api/v1/documents.json?conditions[term]=...&fields[]=...&order=newest&per_page=N&page=P`
answers `{"count", "total_pages", "next_page_url", "results": [{"title", "html_url",
"pdf_url", "body_html_url", "raw_text_url", "publication_date", "abstract",
"document_number", "type", "agencies": [{"name"}...]}]}`. Each result is an entry whose
`url` is `html_url` (the public page: its identity) and whose text is read from
`body_html_url`, `raw_text_url` or `pdf_url` when the query asked for them, else from the
page, with the abstract as the last resort.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from monitor.dates import parse_date, parse_datetime
from monitor.errors import ParseError
from monitor.models import Entry, Source

logger = logging.getLogger(__name__)

TEXT_FIELDS = ("body_html_url", "raw_text_url", "pdf_url")


def _http(value: Any) -> str:
    return value if isinstance(value, str) and value.startswith(("http://", "https://")) else ""


def parse_documents_api(body: bytes, *, source: Source) -> tuple[list[Entry], str | None]:
    """Entries of one API page and the next page's URL (None on the last page)."""
    if not body.strip():
        raise ParseError(f"source {source.id}: empty API answer")
    try:
        data = json.loads(body)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ParseError(f"source {source.id}: API answer is not JSON: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("results", []), list):
        raise ParseError(f"source {source.id}: API answer has no 'results' list")
    if "results" not in data:
        if data.get("count") == 0:
            return [], None  # the API omits `results` when nothing matches
        raise ParseError(f"source {source.id}: API answer has no 'results' list")
    entries: list[Entry] = []
    for record in data["results"]:
        if not isinstance(record, dict) or not (url := _http(record.get("html_url"))):
            logger.warning("skipping API record without html_url", extra={"source": source.id})
            continue
        published = parse_datetime(str(record.get("publication_date") or ""))
        agencies = ", ".join(a.get("name", "") for a in record.get("agencies") or [] if isinstance(a, dict))
        abstract = " ".join(str(record.get("abstract") or "").split())
        summary = abstract or (f"{record.get('type', '')} by {agencies}".strip() if agencies else "")
        entries.append(Entry(
            source_id=source.id, url=url, title=" ".join(str(record.get("title") or "").split()),
            published=published,
            updated=f"{record.get('document_number', '')}@{record.get('publication_date', '')}",
            summary=summary, text_urls=tuple(u for f in TEXT_FIELDS if (u := _http(record.get(f)))),
            effective_on=parse_date(record.get("effective_on")), comments_close_on=parse_date(record.get("comments_close_on")),
        ))
    return entries, _http(data.get("next_page_url")) or None
