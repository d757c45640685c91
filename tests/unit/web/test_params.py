"""Search parameters from the query string (src/monitor/web/params.py)."""

import datetime as dt

from monitor.index.queries import SearchParams
from monitor.web.params import query_pairs


def test_query_pairs_round_trip_every_parameter():
    params = SearchParams(text="a b", receiving=("GT", "HN"), since=dt.date(2020, 1, 1), relevant=True,
                          cluster="c", size=50, interval="year")
    pairs = query_pairs(params)
    assert ("receiving", "GT") in pairs and ("receiving", "HN") in pairs
    assert ("since", "2020-01-01") in pairs and ("relevant", "1") in pairs and ("cluster", "c") in pairs
    assert ("size", "50") in pairs and ("interval", "year") in pairs
    assert query_pairs(SearchParams()) == []
