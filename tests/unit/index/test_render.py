from rich.console import Console

from monitor.index.render import search_table, snippet_text
from monitor.index.results import EventRef, Hit, SearchResult


def _render(table) -> str:
    console = Console(width=160, record=True, color_system=None)
    console.print(table)
    return console.export_text()


def test_table_shows_titles_literally_and_snippets_without_tags():
    result = SearchResult(total=1, took=3, hits=[Hit(
        id="d", title="[bold]<script>x</script>", url="https://x.test/a", published="2020-01-07T00:00:00Z",
        source="dhs", lang="en", similar=2, snippet="&lt;b&gt; <mark>asylum</mark> &amp; more",
        events=[EventRef(action="made_amenable", receiving="GT", population="MX")],
    )])
    text = _render(search_table(result))
    assert "[bold]<script>x</script>" in text
    assert "<b> asylum & more" in text and "<mark>" not in text
    assert "+2 similar" in text and "made_amenable GT MX" in text and "2020-01-07" in text
    assert "1 document(s)" in text


def test_marked_words_are_styled():
    text = snippet_text("a <mark>b</mark> c")
    assert text.plain == "a b c"
    assert any(span.style == "reverse" for span in text.spans)
