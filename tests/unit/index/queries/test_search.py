import datetime as dt

import pytest

from monitor.index.queries.search import (
    MAX_WINDOW,
    SearchParams,
    decode_cursor,
    encode_cursor,
    operators,
    search_request,
)


def plain(text: str, **filters) -> dict:
    """A search without facets or collapsing, as the CLI's first search asked."""
    return search_request(SearchParams(text=text, collapse=False, facets=False, **filters))


def test_user_text_goes_through_simple_query_string_only():
    body = plain('"safe third country" -Canada')
    [clause] = body["query"]["bool"]["must"]
    assert clause["simple_query_string"]["query"] == '"safe third country" -Canada'
    assert "REGEXP" not in clause["simple_query_string"]["flags"]


def test_filters_and_highlight_encoding():
    body = plain("asylum", receiving=("gt",), population=("mx",), since=dt.date(2020, 1, 1), size=1000)
    assert {"term": {"events.receiving": "GT"}} in body["query"]["bool"]["filter"]
    assert {"term": {"events.population": "MX"}} in body["query"]["bool"]["filter"]
    assert {"range": {"published": {"gte": "2020-01-01||/d"}}} in body["query"]["bool"]["filter"]
    assert body["size"] == 100
    assert body["highlight"]["encoder"] == "html"


def test_empty_text_matches_all():
    assert plain("  ")["query"]["bool"]["must"] == [{"match_all": {}}]


def test_simple_query_string_allows_phrases_and_booleans_but_no_regexp_fuzzy_or_scripts():
    body = search_request(SearchParams(text="/.*/ asilo~2 | refugio"))
    sqs = body["query"]["bool"]["must"][0]["simple_query_string"]
    flags = set(sqs["flags"].split("|"))
    assert {"AND", "OR", "NOT", "PHRASE", "PRECEDENCE"} <= flags
    assert not flags & {"REGEXP", "FUZZY", "NEAR", "SLOP", "ALL"}
    assert sqs["default_operator"] == "and" and sqs["lenient"] is True
    assert "script" not in str(body)


def test_text_fields_include_language_subfields_and_a_language_filter_narrows_them():
    fields = search_request(SearchParams(text="asilo"))["query"]["bool"]["must"][0]["simple_query_string"]["fields"]
    assert {"title^3", "text", "title.en^3", "text.en", "title.es^3", "text.es", "events.evidence^2"} <= set(fields)
    spanish = search_request(SearchParams(text="asilo", lang=("es",)))
    fields = spanish["query"]["bool"]["must"][0]["simple_query_string"]["fields"]
    assert "text.es" in fields and "text.en" not in fields
    assert {"term": {"lang": "es"}} in spanish["query"]["bool"]["filter"]


def test_every_filter_becomes_a_non_scoring_clause():
    params = SearchParams(
        receiving=("gt", "hn"), population=("mx",), action=("made_amenable",), source=("dhs",),
        kind=("json_api",), lang=("en",), since=dt.date(2020, 1, 1), until=dt.date(2020, 12, 31),
        relevant=True,
    )
    filters = search_request(params)["query"]["bool"]["filter"]
    assert {"terms": {"events.receiving": ["GT", "HN"]}} in filters
    assert {"term": {"events.population": "MX"}} in filters
    assert {"term": {"events.action": "made_amenable"}} in filters
    assert {"term": {"source_id": "dhs"}} in filters
    assert {"term": {"source_kind": "json_api"}} in filters
    assert {"range": {"published": {"gte": "2020-01-01||/d", "lte": "2020-12-31||/d"}}} in filters
    assert {"term": {"relevant": True}} in filters


def test_facets_are_terms_aggregations_and_a_date_histogram():
    aggs = search_request(SearchParams(interval="year"))["aggs"]
    assert aggs["receiving"] == {"terms": {"field": "events.receiving", "size": 30}}
    assert aggs["kind"]["terms"]["field"] == "source_kind"
    assert aggs["published"]["date_histogram"]["calendar_interval"] == "year"
    assert "aggs" not in search_request(SearchParams(facets=False, collapse=False))
    assert SearchParams(interval="fortnight").interval == "auto"


def test_the_histogram_interval_follows_the_date_range_unless_chosen():
    assert SearchParams().histogram_interval == "year"
    assert SearchParams(since=dt.date(2020, 1, 1), until=dt.date(2020, 1, 31)).histogram_interval == "day"
    assert SearchParams(since=dt.date(2020, 1, 1), until=dt.date(2021, 6, 30)).histogram_interval == "month"
    assert SearchParams(since=dt.date(2015, 1, 1), until=dt.date(2021, 6, 30)).histogram_interval == "year"
    assert SearchParams(interval="week").histogram_interval == "week"
    body = search_request(SearchParams(since=dt.date(2020, 1, 1), until=dt.date(2020, 12, 31)))
    assert body["aggs"]["published"]["date_histogram"]["calendar_interval"] == "month"


def test_highlights_use_the_html_encoder_and_mark_tags():
    highlight = search_request(SearchParams(text="asylum"))["highlight"]
    assert highlight["encoder"] == "html"
    assert highlight["pre_tags"] == ["<mark>"] and highlight["post_tags"] == ["</mark>"]
    assert highlight["fields"]["text"]["no_match_size"] > 0


def test_sort_by_relevance_or_date():
    assert search_request(SearchParams(sort="relevance"))["sort"][0] == "_score"
    by_date = search_request(SearchParams(sort="date"))["sort"]
    assert by_date[0] == {"published": {"order": "desc", "missing": "_last", "unmapped_type": "date"}}


def test_page_mode_collapses_syndicated_copies_and_counts_them():
    body = search_request(SearchParams(text="x", page=3, size=10))
    assert body["from"] == 20 and body["size"] == 10
    assert body["collapse"] == {"field": "cluster_id", "inner_hits": {"name": "similar", "size": 0}}
    assert "collapse" not in search_request(SearchParams(collapse=False))
    cluster = search_request(SearchParams(cluster="c1"))
    assert "collapse" not in cluster and {"term": {"cluster_id": "c1"}} in cluster["query"]["bool"]["filter"]


def test_page_is_capped_by_the_result_window():
    params = SearchParams(size=100, page=10_000)
    assert params.page * params.size <= MAX_WINDOW
    body = search_request(params)
    assert body["from"] + body["size"] <= MAX_WINDOW


def test_cursor_mode_uses_the_point_in_time_and_search_after_without_collapse_or_index():
    body = search_request(SearchParams(text="x"), pit="PIT", search_after=[1.5, "2020", 7])
    assert body["pit"] == {"id": "PIT", "keep_alive": "2m"}
    assert body["search_after"] == [1.5, "2020", 7]
    assert "collapse" not in body and "from" not in body and "aggs" not in body
    first = search_request(SearchParams(text="x"), pit="PIT")
    assert "search_after" not in first and "aggs" in first


def test_cursor_round_trip_and_rejection_of_anything_else():
    token = encode_cursor("pit-id==", [1.25, "a", None, 3])
    assert decode_cursor(token) == ("pit-id==", [1.25, "a", None, 3])
    for bad in ("", "not base64!!", encode_cursor("x", [{"script": 1}]), "eyJwaXQiOiAxfQ"):
        with pytest.raises(ValueError):
            decode_cursor(bad)


def test_spelled_out_operators_outside_quotes_become_query_syntax():
    body = search_request(SearchParams(text='asilo OR refugio NOT "this OR that" AND x'))
    query = body["query"]["bool"]["must"][0]["simple_query_string"]["query"]
    assert query == 'asilo | refugio -"this OR that" + x'
    assert operators("Oregon o ANDes y NOTE") == "Oregon o ANDes y NOTE"


def test_collapsed_searches_count_documents_without_a_cluster_id():
    assert search_request(SearchParams(facets=False))["aggs"] == {
        "unclustered": {"filter": {"bool": {"must_not": [{"exists": {"field": "cluster_id"}}]}}}}
    assert "unclustered" not in search_request(SearchParams(collapse=False)).get("aggs", {})
