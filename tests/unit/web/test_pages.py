import datetime as dt
from urllib.parse import parse_qsl, urlsplit

from monitor.index.queries import SearchParams
from monitor.web.pages import Links, bucket_range
from monitor.web.params import query_pairs


def test_bucket_ranges_cover_whole_periods():
    assert bucket_range("2020-02-01", "month") == (dt.date(2020, 2, 1), dt.date(2020, 2, 29))
    assert bucket_range("2020-10-01", "quarter") == (dt.date(2020, 10, 1), dt.date(2020, 12, 31))
    assert bucket_range("2021-01-01", "year") == (dt.date(2021, 1, 1), dt.date(2021, 12, 31))
    assert bucket_range("2021-01-04", "week") == (dt.date(2021, 1, 4), dt.date(2021, 1, 10))
    assert bucket_range("2021-01-04", "day") == (dt.date(2021, 1, 4), dt.date(2021, 1, 4))


def test_links_toggle_filters_and_reset_the_page():
    params = SearchParams(text="asilo", receiving=("GT",), page=3, sort="date")
    links = Links("/monitor/", params)
    added = dict(parse_qsl(urlsplit(links.toggle("population", "MX")).query))
    assert added == {"q": "asilo", "receiving": "GT", "population": "MX", "sort": "date"}
    removed = parse_qsl(urlsplit(links.toggle("receiving", "GT")).query)
    assert ("receiving", "GT") not in removed
    assert links.page(4).endswith("page=4") and links.toggle("lang", "es").startswith("/monitor/?")
    cleared = dict(parse_qsl(urlsplit(links.clear()).query))
    assert cleared == {"q": "asilo", "sort": "date"}


def test_query_pairs_round_trip_every_parameter():
    params = SearchParams(text="a b", receiving=("GT", "HN"), since=dt.date(2020, 1, 1), relevant=True,
                          cluster="c", size=50, interval="year")
    pairs = query_pairs(params)
    assert ("receiving", "GT") in pairs and ("receiving", "HN") in pairs
    assert ("since", "2020-01-01") in pairs and ("relevant", "1") in pairs and ("cluster", "c") in pairs
    assert ("size", "50") in pairs and ("interval", "year") in pairs
    assert query_pairs(SearchParams()) == []
