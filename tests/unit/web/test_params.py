"""Search parameters from the query string (src/monitor/web/params.py): what a request may ask
for, and what it is answered with 422 for — read through FastAPI itself (an in-process app that
depends on `search_params`, no server, no Elasticsearch) — and the query string that
reproduces a search (`query_pairs`), which must read back to the same search."""

import asyncio
import dataclasses
import datetime as dt
from urllib.parse import urlencode

import httpx
import pytest
from fastapi import Depends, FastAPI

from monitor.index.queries import SearchParams
from monitor.web.params import query_pairs, search_params

app = FastAPI()


@app.get("/search")
def echo(params: SearchParams = Depends(search_params)) -> dict:
    return dataclasses.asdict(params)


class Client:
    """Requests straight into the ASGI app (httpx's ASGI transport): FastAPI's own validation, no server."""

    def get(self, path: str) -> httpx.Response:
        async def request() -> httpx.Response:
            async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as http:
                return await http.get(path)

        return asyncio.run(request())


@pytest.fixture(scope="module")
def client():
    return Client()


def params_of(client, query: str) -> SearchParams:
    answer = client.get(f"/search?{query}")
    assert answer.status_code == 200, answer.text
    fields = answer.json()
    for name in ("receiving", "population", "action", "source", "kind", "lang"):
        fields[name] = tuple(fields[name])
    for name in ("since", "until"):
        fields[name] = dt.date.fromisoformat(fields[name]) if fields[name] else None
    return SearchParams(**fields)


def test_untouched_form_fields_mean_not_set(client):
    # An HTML form sends every field, empty ones as "".
    assert params_of(client, "q=&receiving=&population=+&since=&until=&cluster=++") == SearchParams()


def test_filters_are_stripped_deduplicated_and_country_codes_upper_cased(client):
    params = params_of(client, "q=asilo&receiving=gt&receiving=+HN+&receiving=HN&lang=es&since=2020-01-01&until=2020-12-31")
    assert (params.text, params.receiving, params.lang) == ("asilo", ("GT", "HN"), ("es",))
    assert (params.since, params.until) == (dt.date(2020, 1, 1), dt.date(2020, 12, 31))


@pytest.mark.parametrize(("query", "detail"), [
    ("receiving=G+T", "invalid receiving: 'G T'"),
    ("source=%3Cscript%3E", "invalid source: '<script>'"),
    ("population=" + "X" * 65, "invalid population"),
    ("since=2020-13-01", "invalid since date: '2020-13-01' (use YYYY-MM-DD)"),
    ("until=2020-02-30", "invalid until date"),
    ("since=2021-01-01&until=2020-01-01", "since is after until"),
])
def test_invalid_values_are_a_422_naming_the_parameter(client, query, detail):
    answer = client.get(f"/search?{query}")
    assert answer.status_code == 422 and detail in answer.json()["detail"]


@pytest.mark.parametrize(("query", "field"), [
    ("since=2020-1-1", "since"), ("size=0", "size"), ("size=101", "size"), ("page=0", "page"), ("page=10001", "page"),
    ("sort=newest", "sort"), ("interval=hour", "interval"), ("q=" + "a" * 501, "q"), ("cluster=" + "c" * 129, "cluster"),
])
def test_out_of_range_parameters_are_refused_by_their_declared_bounds(client, query, field):
    answer = client.get(f"/search?{query}")
    assert answer.status_code == 422
    assert [error["loc"] for error in answer.json()["detail"]] == [["query", field]]


def test_query_pairs_round_trip_every_parameter():
    params = SearchParams(text="a b", receiving=("GT", "HN"), since=dt.date(2020, 1, 1), relevant=True,
                          cluster="c", size=50, interval="year")
    pairs = query_pairs(params)
    assert ("receiving", "GT") in pairs and ("receiving", "HN") in pairs
    assert ("since", "2020-01-01") in pairs and ("relevant", "1") in pairs and ("cluster", "c") in pairs
    assert ("size", "50") in pairs and ("interval", "year") in pairs
    assert query_pairs(SearchParams()) == []


@pytest.mark.parametrize("params", [
    SearchParams(),
    SearchParams(text='"tercer país" -deportación', receiving=("GT", "HN"), population=("MX",),
                 action=("made_amenable",), source=("dhs",), kind=("feed", "json_api"), lang=("es",),
                 since=dt.date(2019, 7, 1), until=dt.date(2021, 5, 6), relevant=True, cluster="c-1", sort="date",
                 size=50, page=3, interval="quarter"),
])
def test_the_query_string_of_a_search_reads_back_to_the_same_search(client, params):
    assert params_of(client, urlencode(query_pairs(params))) == params
