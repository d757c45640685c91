"""Query builders: pure functions that return Elasticsearch request bodies as dicts.

`search` builds the advocates' document search (filters, facets, highlights, collapse,
cursors); `records` the bookkeeping reads of the stores (known documents, near-duplicates,
knowledge records, the alert ledger, retention). Nothing here does I/O.
"""

from monitor.index.queries import records
from monitor.index.queries.search import (
    FACET_FIELDS,
    HIGHLIGHT_FIELDS,
    INTERVALS,
    LANGUAGES,
    MAX_SIZE,
    MAX_WINDOW,
    PIT_KEEP_ALIVE,
    SIMPLE_QUERY_FLAGS,
    SOURCE_FIELDS,
    UNCLUSTERED,
    SearchParams,
    decode_cursor,
    encode_cursor,
    facet_aggs,
    filter_clauses,
    highlight_spec,
    operators,
    query_fields,
    search_request,
    sort_spec,
    text_query,
)

__all__ = [
    "FACET_FIELDS", "HIGHLIGHT_FIELDS", "INTERVALS", "LANGUAGES", "MAX_SIZE", "MAX_WINDOW", "PIT_KEEP_ALIVE",
    "SIMPLE_QUERY_FLAGS", "SOURCE_FIELDS", "UNCLUSTERED", "SearchParams", "decode_cursor", "encode_cursor",
    "facet_aggs", "filter_clauses", "highlight_spec", "operators", "query_fields", "records", "search_request",
    "sort_spec", "text_query",
]
