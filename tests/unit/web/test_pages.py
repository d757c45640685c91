"""Search page helpers (src/monitor/web/pages.py): histogram bucket ranges and filter links."""

import datetime as dt
from urllib.parse import parse_qsl, urlsplit

from monitor.index.queries import SearchParams
from monitor.web.pages import Links, bucket_range


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
