import datetime as dt
from importlib import resources

from monitor.extract import extract_html, looks_like_html


def demo_page() -> str:
    root = resources.files("monitor.services") / "demo_site" / "articles"
    return (root / "mexicans-guatemala.html").read_text()


def test_main_text_keeps_the_story_and_drops_boilerplate():
    page = extract_html(demo_page())
    assert page.title == "U.S. to send some Mexican asylum seekers to Guatemala"
    assert "may now be eligible to be transferred to Guatemala" in page.text
    for noise in ("IE 11 is not supported", "cookies", "Share on Facebook", "Border wall funding",
                  "All rights reserved", "Joe Raedle", "Politics"):
        assert noise not in page.text, noise
    assert page.published == dt.datetime(2020, 1, 6, 23, 15, tzinfo=dt.UTC)
    assert page.canonical_url == "{BASE}/articles/mexicans-guatemala.html"
    assert page.lang == "en"


def test_pages_without_article_fall_back_to_body_text():
    page = extract_html("<html><body><div>Plain words here.</div><script>var x=1</script></body></html>")
    assert page.text == "Plain words here."


def test_html_sniffing():
    assert looks_like_html("<!DOCTYPE html><html><body></body></html>")
    assert looks_like_html("<p>fragment</p>")
    assert not looks_like_html("U.S. to send some Mexican asylum seekers to Guatemala\n\nText.")
