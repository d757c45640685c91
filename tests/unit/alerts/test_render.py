"""Alert emails rendered (src/monitor/alerts/render.py): subject, quoted evidence, escaping."""

import datetime as dt

from monitor.alerts.render import render_alert
from monitor.models import Finding


def finding(**changes):
    base = dict(id="made_amenable:GT:MX", action="made_amenable", receiving="GT", population="MX",
                evidence='Certain Mexicans "may now be eligible" to be transferred to Guatemala',
                document_id="d", url="https://news.example/a?x=1&y=2", title="U.S. to send <b>some</b> Mexicans",
                published=dt.datetime(2020, 1, 6, tzinfo=dt.UTC), affected_count=900)
    base.update(changes)
    return Finding(**base)


def test_subject_names_the_finding():
    assert render_alert(finding()).subject == "Mexican nationals made amenable to transfer to Guatemala"


def test_bodies_quote_evidence_source_and_count():
    rendered = render_alert(finding())
    assert "may now be eligible" in rendered.text and "https://news.example/a?x=1&y=2" in rendered.text
    assert "900" in rendered.text and "2020-01-06" in rendered.text


def test_html_from_the_web_is_escaped():
    rendered = render_alert(finding(title="<script>alert(1)</script>", evidence="<img src=x onerror=alert(1)>"))
    assert "<script>" not in rendered.html and "&lt;script&gt;" in rendered.html
    assert "<img" not in rendered.html


def test_subject_for_a_nationality_without_a_demonym_uses_the_country_name():
    assert render_alert(finding(population="FJ", receiving="HN")).subject == (
        "Fiji nationals made amenable to transfer to Honduras"
    )


def test_a_brief_among_the_sources_is_labelled_and_its_evidence_says_where_it_is_quoted_from():
    from monitor.alerts.render import SourceLink

    sources = [SourceLink(title="Honduran asylum seekers can now be transferred", url="https://news.google.com/rss/articles/CBMi1",
                          id="d", publisher="Valley <Times>", brief=True),
               SourceLink(title="DHS statement", url="https://www.dhs.gov/news/x", id="e", publisher="DHS")]
    rendered = render_alert(finding(), sources=sources)
    assert "Evidence (quoted from a news feed's summary: the article itself could not be read):" in rendered.text
    assert rendered.text.count("[brief: the article could not be read") == 1
    assert "(Valley <Times>)" in rendered.text and "(Valley &lt;Times&gt;)" in rendered.html
    assert "<em>[brief: the article could not be read" in rendered.html
    spanish = render_alert(finding(), sources=sources, language="es")
    assert "no se pudo leer el artículo" in spanish.text
    # The finding's own document read in full: the evidence heading is the usual one.
    plain = render_alert(finding(document_id="e"), sources=sources)
    assert "Evidence (quoted from the source):" in plain.text


def test_evidence_from_a_brief_stays_labelled_in_alerts_and_digests_after_its_document_is_read():
    import datetime as dt

    from monitor.alerts.render import Links, SourceLink, render_digest

    quoted = finding(evidence_brief=True)  # the knowledge record says its evidence came from a brief
    read_since = [SourceLink(title="Read at last", url="https://news.example/a", id="d", brief=False)]
    assert "Evidence (quoted from a news feed's summary" in render_alert(quoted, sources=read_since).text
    digest = render_digest(language="en", day=dt.date(2020, 1, 7), findings=[quoted, finding(id="x", population="HN")],
                           documents=[SourceLink(title="Headline only", url="https://news.google.com/rss/articles/C",
                                                 publisher="Valley Times", brief=True)], links=Links())
    assert digest.text.count("[quoted from a news feed's summary: the article could not be read]") == 1
    assert "Headline only (Valley Times) [brief: the article could not be read" in digest.text
    assert "<em>[quoted from a news feed" in digest.html and "<em>[brief:" in digest.html
