from monitor.pipeline import canonical_url, document_id


def test_canonical_url_drops_fragments_tracking_and_case_of_host():
    assert canonical_url("HTTPS://News.Example/a/b?utm_source=x&id=3&fbclid=y#top") == "https://news.example/a/b?id=3"


def test_document_id_is_stable_across_tracking_variants():
    assert document_id("https://news.example/a?utm_medium=rss") == document_id("https://news.example/a")
    assert document_id("https://news.example/a") != document_id("https://news.example/b")
