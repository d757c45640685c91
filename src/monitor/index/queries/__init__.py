"""Query builders: pure functions that return Elasticsearch request bodies as dicts.

`search` builds the advocates' document search (filters, facets, highlights, collapse,
cursors) and `text` its full-text part (the user's words folded and stemmed, the syntax kept);
`records` the bookkeeping reads of the stores (known documents, near-duplicates, knowledge
records, the alert ledger, retention). Nothing here does I/O.
"""

from monitor.index.queries import records
from monitor.index.queries.search import (
    EVENT_FACETS,
    EVENTS_PATH,
    FACET_FIELDS,
    HIGHLIGHT_FIELDS,
    INTERVALS,
    MAX_SIZE,
    MAX_WINDOW,
    PIT_KEEP_ALIVE,
    SOURCE_FIELDS,
    UNCLUSTERED,
    SearchParams,
    decode_cursor,
    encode_cursor,
    facet_aggs,
    filter_clauses,
    highlight_spec,
    search_request,
    sort_spec,
)
from monitor.index.queries.text import (
    LANGUAGES,
    SIMPLE_QUERY_FLAGS,
    expand,
    full_text,
    operators,
    query_fields,
    text_query,
    twin_fields,
)

__all__ = [
    "EVENTS_PATH", "EVENT_FACETS", "FACET_FIELDS", "HIGHLIGHT_FIELDS", "INTERVALS", "LANGUAGES", "MAX_SIZE",
    "MAX_WINDOW", "PIT_KEEP_ALIVE", "SIMPLE_QUERY_FLAGS", "SOURCE_FIELDS", "UNCLUSTERED", "SearchParams",
    "decode_cursor", "encode_cursor", "expand", "facet_aggs", "filter_clauses", "full_text", "highlight_spec",
    "operators", "query_fields", "records", "search_request", "sort_spec", "text_query", "twin_fields",
]
