import datetime as dt

from monitor.index.queries import search_body


def test_user_text_goes_through_simple_query_string_only():
    body = search_body('"safe third country" -Canada')
    [clause] = body["query"]["bool"]["must"]
    assert clause["simple_query_string"]["query"] == '"safe third country" -Canada'
    assert "REGEXP" not in clause["simple_query_string"]["flags"]


def test_filters_and_highlight_encoding():
    body = search_body("asylum", receiving="gt", population="mx", since=dt.date(2020, 1, 1), size=1000)
    assert {"term": {"events.receiving": "GT"}} in body["query"]["bool"]["filter"]
    assert {"term": {"events.population": "MX"}} in body["query"]["bool"]["filter"]
    assert {"range": {"published": {"gte": "2020-01-01"}}} in body["query"]["bool"]["filter"]
    assert body["size"] == 100
    assert body["highlight"]["encoder"] == "html"


def test_empty_text_matches_all():
    assert search_body("  ")["query"]["bool"]["must"] == [{"match_all": {}}]
