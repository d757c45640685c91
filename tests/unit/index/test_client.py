"""The pure parts of the client helpers (src/monitor/index/client.py): lists of unbounded length
are cut into chunks before they reach a request, hits become plain dicts, and client errors
become `IndexError_` naming what failed. The calls against the cluster (create_once,
update_if_unchanged, search_all…) are covered by the integration tests (see tests/README.md)."""

from __future__ import annotations

import pytest
from elastic_transport import ApiResponseMeta, HttpHeaders, NodeConfig
from elasticsearch import BadRequestError
from elasticsearch import ConnectionError as ESConnectionError

from monitor.errors import IndexError_
from monitor.index import client
from monitor.index.client import MAX_CLAUSES, MAX_TERMS, chunks, hits, translated, unique


@pytest.mark.parametrize(("count", "size", "sizes"), [
    (0, 3, []), (1, 3, [1]), (3, 3, [3]), (7, 3, [3, 3, 1]), (2500, MAX_TERMS, [1000, 1000, 500]),
])
def test_chunks_cut_a_list_in_order_without_losing_or_repeating_anything(count, size, sizes):
    items = list(range(count))
    cut = list(chunks(items, size))
    assert [len(c) for c in cut] == sizes
    assert [x for c in cut for x in c] == items


def test_the_default_chunk_stays_within_what_one_request_may_hold():
    # The limits that made a 1,506-entry poll store nothing (issue 11): 16,384 clauses at the
    # smallest, 10,000 hits per page, 65,536 terms per clause.
    assert [len(c) for c in chunks(list(range(5006)))] == [MAX_TERMS] * 5 + [6]
    assert MAX_TERMS <= 10_000 and MAX_CLAUSES <= 16_384 // 4


def test_unique_keeps_first_seen_order_and_takes_any_iterable():
    assert unique(["b", "a", "b", "c", "a"]) == ["b", "a", "c"]
    assert unique(x % 3 for x in range(10)) == [0, 1, 2]
    assert unique([]) == []


def test_hits_are_the_id_plus_the_source_fields():
    response = {"hits": {"total": {"value": 2}, "hits": [
        {"_index": "i", "_id": "a", "_score": 1.0, "_source": {"title": "T", "lang": "en"}},
        {"_index": "i", "_id": "b", "_score": 0.5},  # `_source: false` or filtered to nothing
    ]}}
    assert hits(response) == [{"id": "a", "title": "T", "lang": "en"}, {"id": "b"}]
    assert hits({"hits": {"hits": []}}) == []


def test_client_errors_become_index_errors_naming_the_action():
    with pytest.raises(IndexError_, match="^Elasticsearch failed to save documents: Connection error") as caught:
        with translated("save documents"):
            raise ESConnectionError("connection refused")
    assert isinstance(caught.value.__cause__, ESConnectionError)  # the original is kept for the logs
    meta = ApiResponseMeta(status=400, http_version="1.1", headers=HttpHeaders(), duration=0.0,
                           node=NodeConfig("http", "127.0.0.1", 9200))
    with pytest.raises(IndexError_, match="failed to search documents: .*too many clauses"):
        with translated("search documents"):
            raise BadRequestError(message="search_phase_execution_exception", meta=meta,
                                  body={"error": "too many clauses"})


def test_other_errors_pass_through_untranslated():
    with pytest.raises(KeyError):
        with translated("read a document"):
            raise KeyError("_source")  # a bug of ours, not the cluster's: not dressed as an outage


def test_a_comma_separated_url_names_every_node_of_one_cluster():
    assert client.node_urls("http://a:9200") == ["http://a:9200"]
    assert client.node_urls(" http://a:9200, http://b:9201 ,") == ["http://a:9200", "http://b:9201"]
    es = client.connect("http://127.0.0.1:9200,http://127.0.0.1:9201")
    try:
        nodes = sorted(node.port for node in es.transport.node_pool.all())
    finally:
        es.close()
    assert nodes == [9200, 9201]
