"""The bookkeeping query bodies (pure): what each asks for, and that none truncates a list."""

from monitor.index.queries import records


def test_knowledge_filters_and_orders_by_report_date():
    body = records.knowledge(receiving=("gt",), action=("made_amenable",))
    assert {"terms": {"receiving": ["GT"]}} in body["query"]["bool"]["filter"]
    assert {"terms": {"action": ["made_amenable"]}} in body["query"]["bool"]["filter"]
    assert body["sort"][0] == {"published": {"order": "asc", "missing": "_last"}}


def test_known_documents_matches_ids_or_either_url_and_asks_for_every_match():
    assert records.known_documents([], []) is None
    body = records.known_documents(["a", "b"], ["https://x.test/1"])
    should = body["query"]["bool"]["should"]
    assert {"ids": {"values": ["a", "b"]}} in should
    assert {"terms": {"url": ["https://x.test/1"]}} in should
    assert {"terms": {"canonical_url": ["https://x.test/1"]}} in should
    assert body["size"] >= 3  # every id and URL may match its own document
    assert "search_text_en" in body["_source"]["excludes"]  # the twins are recomputed on write, not read


def test_near_duplicates_scores_by_shared_bands_and_excludes_the_batch():
    body = records.near_duplicates(["k1", "k2", "k3"], exclude=["self"], size=7)
    clauses = body["query"]["bool"]["should"]
    assert len(clauses) == 3 and all("constant_score" in c for c in clauses)  # score = bands shared
    assert body["query"]["bool"]["must_not"] == [{"ids": {"values": ["self"]}}]
    assert body["size"] == 7 and "text" in body["_source"]


def test_saved_query_searches_only_the_given_documents_without_query_syntax_surprises():
    body = records.saved_query("asilo -deportación", ["d1", "d2"])
    assert body["query"]["bool"]["filter"] == [{"ids": {"values": ["d1", "d2"]}}]
    clauses = body["query"]["bool"]["must"][0]["bool"]["should"]
    for clause in clauses:
        flags = clause["bool"]["must"][0]["simple_query_string"]["flags"]
        assert "REGEXP" not in flags and "FUZZY" not in flags
    # Matched as the search matches: folded and stemmed in each document's language.
    spanish = next(c for c in clauses if c["bool"]["filter"] == [{"term": {"lang": "es"}}])
    assert spanish["bool"]["must"][0]["simple_query_string"]["query"] == "asil -deport"
    assert body["size"] == 2


def test_records_of_filters_by_partner_and_action():
    assert records.records_of() == {"match_all": {}}
    assert records.records_of(receiving="gt", action="agreement_terminated") == {"bool": {"filter": [
        {"terms": {"receiving": ["GT"]}}, {"terms": {"action": ["agreement_terminated"]}}]}}
    # several partners, and populations: the same filters as one page of `knowledge`
    assert records.records_of(receiving=("gt", "hn"), population=["mx"]) == {"bool": {"filter": [
        {"terms": {"receiving": ["GT", "HN"]}}, {"terms": {"population": ["MX"]}}]}}
    assert records.knowledge(receiving=("gt",))["query"] == records.records_of(receiving="gt")
