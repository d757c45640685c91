from monitor.index.queries import SearchParams
from monitor.index.results import clean_fragment, parse_search


def _response(hits, total=2, aggs=None, **extra):
    return {"took": 4, "hits": {"total": {"value": total, "relation": "eq"}, "hits": hits},
            "aggregations": aggs or {}, **extra}


def test_clean_fragment_keeps_only_mark_tags():
    raw = "&lt;script&gt;x&lt;/script&gt; <mark>asylum</mark> &amp; <b>bold</b> <mark>open"
    cleaned = clean_fragment(raw)
    assert cleaned == ("&lt;script&gt;x&lt;/script&gt; <mark>asylum</mark> &amp; &lt;b&gt;bold&lt;/b&gt; "
                       "<mark>open</mark>")
    assert clean_fragment(cleaned) == cleaned  # idempotent
    assert clean_fragment("</mark>a<mark><mark>b") == "a<mark>b</mark>"
    assert clean_fragment('"quoted" \'single\'') == "&quot;quoted&quot; &#x27;single&#x27;"


def test_parse_search_reads_hits_similar_counts_snippets_and_facets():
    hit = {
        "_id": "d1", "_score": 2.5,
        "_source": {"title": "<script>T</script>", "url": "https://x.test/a", "published": "2020-01-07T00:00:00Z",
                    "source_id": "dhs", "lang": "es", "cluster_id": "c1",
                    "events": [{"action": "made_amenable", "receiving": "GT", "population": "MX"},
                               {"action": "made_amenable", "receiving": "GT", "population": "MX"}]},
        "highlight": {"text": ["a <mark>b</mark>", "c"], "text.es": ["<mark>asilo</mark>"]},
        "inner_hits": {"similar": {"hits": {"total": {"value": 3, "relation": "eq"}, "hits": []}}},
    }
    aggs = {"receiving": {"buckets": [{"key": "GT", "doc_count": 2}]},
            "published": {"buckets": [{"key": 1577836800000, "key_as_string": "2020-01-01", "doc_count": 2}]}}
    result = parse_search(_response([hit], total=25, aggs=aggs), SearchParams(size=1))
    [h] = result.hits
    assert h.title == "<script>T</script>"  # data stays data; escaping is the renderer's job
    assert h.similar == 2 and h.cluster_id == "c1" and h.source == "dhs"
    assert h.snippet == "<mark>asilo</mark>"  # the document's language subfield's fragment is preferred
    english = parse_search(_response([{**hit, "_source": {**hit["_source"], "lang": "en"}}]), SearchParams())
    assert english.hits[0].snippet == "a <mark>b</mark> … c"  # never another language's subfield
    assert [(e.action, e.receiving, e.population) for e in h.events] == [("made_amenable", "GT", "MX")]
    assert result.facets["receiving"][0].value == "GT"
    assert result.facets["published"][0].value == "2020-01-01"
    assert result.total == 25 and result.took == 4 and result.next_page == 2 and result.next_cursor is None


def test_no_next_page_on_the_last_page_or_in_cursor_mode():
    hit = {"_id": "d", "_source": {}}
    assert parse_search(_response([hit], total=1), SearchParams(size=1)).next_page is None
    cursor = parse_search(_response([hit], total=9, pit_id="p"), SearchParams(size=1), next_cursor="tok")
    assert cursor.next_page is None and cursor.next_cursor == "tok"


def test_a_mark_ending_inside_a_word_is_widened_to_the_whole_word():
    # A match on a stem or a folded word ("Mexico" finds "México" through its folded twin).
    assert clean_fragment("La <mark>M&#233;xic</mark>o y los <mark>asil</mark>os.") == (
        "La <mark>México</mark> y los <mark>asilos</mark>.")
    assert clean_fragment("<mark>seeker</mark>'s <mark>a</mark><mark>b</mark>c") == (
        "<mark>seeker&#x27;s</mark> <mark>a</mark><mark>bc</mark>")
    assert clean_fragment("<mark>asylum</mark> seekers") == "<mark>asylum</mark> seekers"
