import datetime as dt

import pytest

from monitor.index.queries.search import (
    MAX_WINDOW,
    UNCLUSTERED,
    SearchParams,
    decode_cursor,
    encode_cursor,
    page_requests,
    search_request,
)


def plain(text: str, **filters) -> dict:
    """A search without facets or collapsing, as the CLI's first search asked."""
    return search_request(SearchParams(text=text, collapse=False, facets=False, **filters))


def sqs(body: dict, lang: str | None = "en") -> dict:
    """The simple_query_string that the user's text must match in documents of `lang`."""
    [clause] = body["query"]["bool"]["must"]
    [matched] = clause["bool"]["must"]
    per_language = matched["bool"].get("should", [matched])
    where = {"term": {"lang": lang}} if lang else {"bool": {"must_not": [{"terms": {"lang": ["en", "es"]}}]}}
    [chosen] = [c for c in per_language if c["bool"]["filter"] == [where]]
    return chosen["bool"]["must"][0]["simple_query_string"]


def events_filter(body: dict) -> list[dict]:
    """The clauses of the one nested query on events."""
    [nested] = [c["nested"] for c in body["query"]["bool"]["filter"] if "nested" in c]
    assert nested["path"] == "events"
    return nested["query"]["bool"]["filter"]


def test_user_text_goes_through_simple_query_string_only():
    body = plain('"safe third country" -Canada')
    assert sqs(body, "en")["query"] == '"safe third countri" -canada'
    assert sqs(body, "es")["query"] == '"saf third country" -can'
    assert sqs(body, None)["query"] == '"safe third country" -canada'
    assert "REGEXP" not in sqs(body)["flags"]


def test_filters_and_highlight_encoding():
    body = plain("asylum", receiving=("gt",), population=("mx",), since=dt.date(2020, 1, 1), size=1000)
    assert events_filter(body) == [{"term": {"events.receiving": "GT"}}, {"term": {"events.population": "MX"}}]
    assert {"range": {"published": {"gte": "2020-01-01||/d"}}} in body["query"]["bool"]["filter"]
    assert body["size"] == 100
    assert body["highlight"]["encoder"] == "html"


def test_empty_text_matches_all():
    assert plain("  ")["query"]["bool"]["must"] == [{"match_all": {}}]


def test_simple_query_string_allows_phrases_and_booleans_but_no_regexp_fuzzy_or_scripts():
    body = search_request(SearchParams(text="/.*/ asilo~2 | refugio"))
    flags = set(sqs(body)["flags"].split("|"))
    assert {"AND", "OR", "NOT", "PHRASE", "PRECEDENCE"} <= flags
    assert not flags & {"REGEXP", "FUZZY", "NEAR", "SLOP", "ALL"}
    assert sqs(body)["default_operator"] == "and" and sqs(body)["lenient"] is True
    assert "script" not in str(body)


def test_each_language_searches_its_twins_and_the_clusters_subfield_of_that_language():
    body = search_request(SearchParams(text="asilo"))
    assert sqs(body, "en")["fields"] == ["search_title_en^3", "search_text_en", "title.en^3", "text.en"]
    assert sqs(body, "es")["fields"] == ["search_title_es^3", "search_text_es", "title.es^3", "text.es"]
    assert sqs(body, None)["fields"] == ["search_title_other^3", "search_text_other"]
    spanish = search_request(SearchParams(text="asilo", lang=("es",)))
    assert sqs(spanish, "es")["query"] == "asil"
    assert "'en'" not in str(spanish["query"]["bool"]["must"]) and "must_not" not in str(spanish["query"])
    assert "text.en" not in str(spanish["query"])  # a language filter leaves the other clauses out
    assert {"term": {"lang": "es"}} in spanish["query"]["bool"]["filter"]


def test_evidence_is_nested_and_only_raises_the_score():
    [clause] = search_request(SearchParams(text="Mexico"))["query"]["bool"]["must"]
    [evidence] = clause["bool"]["should"]
    assert evidence["nested"]["path"] == "events"
    assert evidence["nested"]["query"]["simple_query_string"]["fields"] == ["events.evidence"]
    assert evidence["nested"]["query"]["simple_query_string"]["query"] == "Mexico"  # as written
    assert "events.evidence" not in str(clause["bool"]["must"])


def test_every_filter_becomes_a_non_scoring_clause():
    params = SearchParams(
        receiving=("gt", "hn"), population=("mx",), action=("made_amenable",), source=("dhs",),
        kind=("json_api",), lang=("en",), since=dt.date(2020, 1, 1), until=dt.date(2020, 12, 31),
        relevant=True,
    )
    body = search_request(params)
    filters = body["query"]["bool"]["filter"]
    assert events_filter(body) == [{"terms": {"events.receiving": ["GT", "HN"]}}, {"term": {"events.population": "MX"}},
                                   {"term": {"events.action": "made_amenable"}}]
    assert not any(k.startswith("events.") for c in filters if "term" in c or "terms" in c for k in
                   (c.get("term") or c.get("terms")))
    assert {"term": {"source_id": "dhs"}} in filters
    assert {"term": {"source_kind": "json_api"}} in filters
    assert {"range": {"published": {"gte": "2020-01-01||/d", "lte": "2020-12-31||/d"}}} in filters
    assert {"term": {"relevant": True}} in filters


def test_facets_are_terms_aggregations_and_a_date_histogram():
    aggs = search_request(SearchParams(interval="year"))["aggs"]
    # Not nested: the event fields are also on the document (include_in_root), so buckets count documents.
    assert aggs["receiving"] == {"terms": {"field": "events.receiving", "size": 30}}
    assert aggs["kind"] == {"terms": {"field": "source_kind", "size": 30}}
    assert aggs["published"]["date_histogram"]["calendar_interval"] == "year"
    assert "aggs" not in search_request(SearchParams(facets=False, collapse=False))
    assert SearchParams(interval="fortnight").interval == "auto"


def test_a_page_is_sent_as_the_hits_and_the_counts_over_the_same_query():
    params = SearchParams(text="asylum", receiving=("GT",), page=2)
    whole = search_request(params)
    page, counts = page_requests(params)
    # The page: everything but the aggregations, without an exact total (so ES may skip documents).
    assert "aggs" not in page and page["track_total_hits"] is False
    assert {k: v for k, v in page.items() if k != "track_total_hits"} == \
        {k: v for k, v in whole.items() if k not in ("aggs", "track_total_hits")}
    # The counts: the same query, the exact total, every facet and the unclustered check, no hits.
    assert counts == {"size": 0, "query": whole["query"], "track_total_hits": True, "aggs": whole["aggs"]}
    assert UNCLUSTERED in counts["aggs"]
    bare_page, bare_counts = page_requests(SearchParams(text="x", facets=False, collapse=False))
    assert "aggs" not in bare_counts and bare_counts["track_total_hits"] is True and "collapse" not in bare_page


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
    # Matches in the folded twins are shown on the original words.
    assert highlight["fields"]["text"]["matched_fields"] == ["text", "search_text_en", "search_text_es",
                                                            "search_text_other"]
    assert highlight["fields"]["title"]["matched_fields"] == ["title", "search_title_en", "search_title_es",
                                                             "search_title_other"]


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
    assert sqs(body, "es")["query"] == 'asil | refugi -"this or that" + x'


def test_an_index_from_before_nested_events_gets_the_old_search():
    body = search_request(SearchParams(text="asylum", receiving=("GT",), population=("MX",)), nested_events=False)
    filters = body["query"]["bool"]["filter"]
    assert {"term": {"events.receiving": "GT"}} in filters and {"term": {"events.population": "MX"}} in filters
    assert "nested" not in str(body)
    [clause] = body["query"]["bool"]["must"]
    assert clause["bool"]["should"][0]["simple_query_string"]["fields"] == ["events.evidence"]
    assert body["aggs"]["receiving"] == {"terms": {"field": "events.receiving", "size": 30}}


def test_collapsed_searches_count_documents_without_a_cluster_id():
    assert search_request(SearchParams(facets=False))["aggs"] == {
        "unclustered": {"filter": {"bool": {"must_not": [{"exists": {"field": "cluster_id"}}]}}}}
    assert "unclustered" not in search_request(SearchParams(collapse=False)).get("aggs", {})
