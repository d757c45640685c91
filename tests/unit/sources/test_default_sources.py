"""Every default source (src/monitor/sources/sources.yaml) read by its kind's adapter from a
fixture in the publisher's real format (tests/fixtures/sources/README.md): how many entries,
the first entry's exact title, absolute URL and aware publication time, and for paged kinds
the next page's URL. A change to an adapter that would misread a real publisher fails here."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pytest

from monitor.fetch import Response
from monitor.models import Source
from monitor.sources.listing import parse_page
from monitor.sources.registry import load_sources

FIXTURES_DIR = Path(__file__).resolve().parents[2] / "fixtures" / "sources"
# Placeholders some fixtures carry because the integration tests serve them from a loopback
# server (tests/integration/test_sources_ingest.py); here they are only parsed.
BASE = "https://example.org"
PLACEHOLDERS = {
    "{BASE}": BASE,
    "{PUBDATE}": "Mon, 06 Jan 2020 23:15:00 +0000",
    "{BUILD}": "Tue, 07 Jan 2020 00:00:00 +0000",
}
UTC = dt.UTC

# Default source id → fixture file in tests/fixtures/sources/ (the Google News searches too:
# feeds in their 2024+ form, whose item links are news.google.com/rss/articles/CBMi… ids).
FIXTURES: dict[str, str] = {
    "dhs-news": "dhs-news-releases.rss",
    "uscis-news": "uscis-news.html",
    "state-press": "state-press.rss",
    "federal-register-aca": "federalregister-page1.json",
    "sre-mx-prensa": "sre-prensa.html",
    "igm-gt-noticias": "igm-noticias.rss",  # the real feed is RSS 2.0; igm-noticias.atom is the Atom variant
    "sreci-hn-noticias": "sreci-noticias.html",
    "rree-sv-noticias": "rree-noticias.rss",
    "guardian-us-immigration": "guardian-immigration.rss",
    "nyt-americas": "nyt-americas.rss",
    "bbc-mundo": "bbc-mundo.rss",
    "elpais-america": "elpais-america.rss",
    "prensalibre-gt": "prensalibre.rss",
    "gnews-aca-en": "gnews-search-en.rss",
    "gnews-stc-en": "gnews-search-en.rss",
    "gnews-aca-es": "gnews-search-es.rss",
    "gnews-stc-es": "gnews-search-es.rss",
}
#: Where a fixture's `{BASE}` points when it is only parsed (the loopback tests serve it instead).
BASES = {"gnews-search-en.rss": "https://news.google.com", "gnews-search-es.rss": "https://news.google.com"}

# The Content-Type each publisher's server sends with the page (as far as known without
# internet access: WordPress and Drupal feeds send application/rss+xml with the charset).
CONTENT_TYPES: dict[str, str] = {
    "dhs-news": "application/rss+xml; charset=utf-8",
    "uscis-news": "text/html; charset=UTF-8",
    "state-press": "application/rss+xml; charset=UTF-8",
    "federal-register-aca": "application/json; charset=utf-8",
    "sre-mx-prensa": "text/html; charset=utf-8",
    "igm-gt-noticias": "application/rss+xml; charset=UTF-8",
    "sreci-hn-noticias": "text/html; charset=UTF-8",
    "rree-sv-noticias": "application/rss+xml; charset=UTF-8",
    "guardian-us-immigration": "text/xml; charset=UTF-8",
    "nyt-americas": "application/rss+xml",
    "bbc-mundo": "text/xml; charset=utf-8",
    "elpais-america": "application/rss+xml; charset=UTF-8",
    "prensalibre-gt": "application/rss+xml; charset=UTF-8",
    **{sid: "application/xml; charset=utf-8" for sid in ("gnews-aca-en", "gnews-stc-en", "gnews-aca-es", "gnews-stc-es")},
}


@dataclass(frozen=True)
class Expected:
    count: int
    title: str  # the first entry's, exactly
    url: str  # the first entry's, absolute
    published: dt.datetime  # the first entry's, aware
    next_url: str | None = None  # html_list / json_api: the next page, resolved
    about_aca: str = ""  # a title (or part of one) of an entry about an asylum transfer agreement


EXPECTED: dict[str, Expected] = {
    "dhs-news": Expected(
        2, "DHS Announces Implementation of Guatemala Asylum Cooperative Agreement",
        f"{BASE}/dhs/news/2020/01/06/dhs-guatemala-aca?utm_source=rss&utm_medium=feed",
        dt.datetime(2020, 1, 6, 23, 15, tzinfo=UTC), about_aca="Guatemala Asylum Cooperative Agreement"),
    "uscis-news": Expected(
        2, "USCIS Issues Guidance on Asylum Cooperative Agreements",
        "https://www.uscis.gov/uscis/newsroom/news-releases/aca-guidance",
        dt.datetime(2019, 11, 19, 12, tzinfo=UTC),
        next_url="https://www.uscis.gov/newsroom/news-releases?page=1",
        about_aca="Asylum Cooperative Agreements"),
    "state-press": Expected(
        4, "Signing of the U.S.-Honduras Asylum Cooperative Agreement",
        "https://www.state.gov/signing-of-the-u-s-honduras-asylum-cooperative-agreement/",
        dt.datetime(2019, 9, 25, 22, 41, 17, tzinfo=UTC), about_aca="Asylum Cooperative Agreement"),
    "federal-register-aca": Expected(
        2, "Implementing Bilateral and Multilateral Asylum Cooperative Agreements Under the Immigration and "
           "Nationality Act",
        f"{BASE}/fr/documents/2019/11/19/2019-25137/implementing-acas",
        dt.datetime(2019, 11, 19, tzinfo=UTC),
        next_url=f"{BASE}/fr/api/v1/documents.json?conditions%5Bterm%5D=%22asylum+cooperative+agreement%22"
                 "&page=2&per_page=2",
        about_aca="Asylum Cooperative Agreements"),
    "sre-mx-prensa": Expected(
        2, "México manifiesta su desacuerdo con el envío de solicitantes mexicanos a Guatemala",
        "https://www.gob.mx/sre/prensa/mexico-desacuerdo-guatemala?idiom=es",
        dt.datetime(2020, 1, 6, tzinfo=UTC),  # "06 de enero de 2020"
        next_url="https://www.gob.mx/sre/archivo/prensa?page=2",
        about_aca="envío de solicitantes mexicanos a Guatemala"),
    "igm-gt-noticias": Expected(
        3, "IGM recibe a primer solicitante trasladado bajo el Acuerdo de Cooperación en materia de Asilo",
        "https://igm.gob.gt/"
        "igm-recibe-a-primer-solicitante-trasladado-bajo-el-acuerdo-de-cooperacion-en-materia-de-asilo/",
        dt.datetime(2019, 11, 21, 16, 20, 11, tzinfo=UTC),
        about_aca="Acuerdo de Cooperación en materia de Asilo"),
    "sreci-hn-noticias": Expected(
        4, "Honduras y Estados Unidos firman Acuerdo de Cooperación en materia de Asilo",
        "https://sreci.gob.hn/noticias/honduras-y-estados-unidos-firman-acuerdo-de-cooperacion-en-materia-de-asilo",
        dt.datetime(2019, 9, 25, 12, tzinfo=UTC),  # time@datetime, not the visible Spanish date
        next_url="https://sreci.gob.hn/noticias?page=1",
        about_aca="Acuerdo de Cooperación en materia de Asilo"),
    "rree-sv-noticias": Expected(
        3, "Canciller Alexandra Hill participa en el 74 período de sesiones de la Asamblea General de la ONU",
        "https://rree.gob.sv/"
        "canciller-alexandra-hill-participa-en-el-74-periodo-de-sesiones-de-la-asamblea-general-de-la-onu/",
        dt.datetime(2019, 9, 23, 19, 44, 10, tzinfo=UTC),
        about_aca="Acuerdo de Cooperación en materia de Asilo"),
    "guardian-us-immigration": Expected(
        3, "US sends first asylum seeker to Guatemala under 'safe third country' deal",
        "https://www.theguardian.com/us-news/2019/nov/21/us-guatemala-asylum-seeker-safe-third-country-deal",
        dt.datetime(2019, 11, 21, 22, 8, 41, tzinfo=UTC), about_aca="'safe third country' deal"),
    "nyt-americas": Expected(
        3, "Chile’s Protests Enter Second Month as Talks on New Constitution Begin",
        "https://www.nytimes.com/2019/11/22/world/americas/chile-protests-constitution.html",
        dt.datetime(2019, 11, 22, 10, 0, 7, tzinfo=UTC),
        about_aca="First Asylum Seeker to Guatemala Under New Agreement"),
    "bbc-mundo": Expected(
        3, 'Qué es un "tercer país seguro" y qué implica para Guatemala el acuerdo migratorio firmado con '
           'Estados Unidos',
        "https://www.bbc.com/mundo/noticias-america-latina-49136612",
        dt.datetime(2019, 7, 27, 13, 41, 9, tzinfo=UTC), about_aca="tercer país seguro"),
    "elpais-america": Expected(
        3, "Guatemala recibe al primer solicitante de asilo enviado por Estados Unidos como “tercer país seguro”",
        "https://elpais.com/internacional/2019/11/22/america/1574383942_116584.html",
        dt.datetime(2019, 11, 22, 0, 52, 22, tzinfo=UTC),  # "Fri, 22 Nov 2019 01:52:22 +0100"
        about_aca="tercer país seguro"),
    "prensalibre-gt": Expected(
        3, "Frente frío provocará descenso de temperaturas durante el fin de semana, según el Insivumeh",
        "https://www.prensalibre.com/guatemala/comunitario/"
        "frente-frio-provocara-descenso-de-temperaturas-durante-el-fin-de-semana-segun-el-insivumeh/",
        dt.datetime(2019, 11, 21, 23, 30, tzinfo=UTC), about_aca="acuerdo de tercer país seguro"),
}
_GNEWS_EN = Expected(
    4, "U.S. says some Mexican asylum seekers may be sent to Guatemala",  # " - Reuters" taken off
    "https://news.google.com/rss/articles/CBMihgFBVV95cUxVOXNEeDhRTC1hVm5KenVXNEtCcFIyNmFlem5LNGtUV1c2Z0o2N3dDUTloVDJ3U"
    "Eh4QXY1cFdjbk81YmdvR2xIYnBwN09jcmlSTlpicUFucnZBSkQyRlBiQThmRUNfbWxaeWM3bHVDZ2FVZHVtbnM1eXVKRTFsdW9DZXU4QWtQWdIBAA"
    "?oc=5",
    dt.datetime(2020, 1, 6, 23, 40, tzinfo=UTC), about_aca="asylum seekers may be sent to Guatemala")
_GNEWS_ES = Expected(
    2, "Guatemala recibe al primer hondureño enviado por Estados Unidos",
    "https://news.google.com/rss/articles/CBMihgFBVV95cUxPX3EwOEtqNHBqc2NCRU1ZTWx2MzZOTkdKY05CNlFvcU9iUjJGZmNiRVQ0Ny1yVHd"
    "xUGltT3h3RVF4Z3lXX2ZvMDBZbHcwSHBDaW81dEhZVjl4c1JQanY2dFBDby1LWTdIQVJER0RKYjktalRSaVhEUWVrS0tqbTBkaFgzR3hFLdIBAA?oc=5",
    dt.datetime(2019, 11, 21, 18, tzinfo=UTC), about_aca="primer hondureño enviado")
EXPECTED.update({"gnews-aca-en": _GNEWS_EN, "gnews-stc-en": _GNEWS_EN, "gnews-aca-es": _GNEWS_ES,
                 "gnews-stc-es": _GNEWS_ES})

# Later pages of the paged sources, read from the URL the first page named as next.
LATER_PAGES: dict[str, tuple[str, Expected]] = {
    "uscis-news": ("uscis-news-page2.html", Expected(
        1, "Agreement Signed with Honduras", "https://www.uscis.gov/uscis/newsroom/news-releases/honduras-agreement",
        dt.datetime(2019, 9, 25, tzinfo=UTC), next_url="https://www.uscis.gov/newsroom/news-releases?page=2")),
    "federal-register-aca": ("federalregister-page2.json", Expected(
        1, "Safe Third Country Agreement With Canada: Additional Protocol",
        f"{BASE}/fr/documents/2023/03/24/2023-06081/stca-protocol", dt.datetime(2023, 3, 24, tzinfo=UTC))),
}

SOURCES: dict[str, Source] = {s.id: s for s in load_sources(enabled_only=False)}


def fixture_body(name: str) -> bytes:
    text = (FIXTURES_DIR / name).read_text(encoding="utf-8")
    for placeholder, value in {**PLACEHOLDERS, "{BASE}": BASES.get(name, BASE)}.items():
        text = text.replace(placeholder, value)
    return text.encode("utf-8")


def parse(source: Source, name: str, url: str | None = None):
    response = Response(url=url or str(source.url), status=200, body=fixture_body(name),
                        content_type=CONTENT_TYPES[source.id], etag=None, last_modified=None)
    return parse_page(source, response)


def check(source: Source, entries, next_url, expected: Expected) -> None:
    assert len(entries) == expected.count, [e.url for e in entries]
    first = entries[0]
    assert first.source_id == source.id
    assert first.title == expected.title
    assert first.url == expected.url
    assert first.published == expected.published and first.published.utcoffset() == dt.timedelta(0)
    assert next_url == expected.next_url
    for entry in entries:
        assert entry.url.startswith("https://") and entry.title, entry
        assert entry.published is not None and entry.published.tzinfo is not None, entry
    assert len({e.url for e in entries}) == len(entries), "duplicate entries"
    if expected.about_aca:
        assert any(expected.about_aca in e.title for e in entries), [e.title for e in entries]


def test_every_default_source_has_a_fixture():
    unmapped = [sid for sid in SOURCES if sid not in FIXTURES]
    assert not unmapped, f"default sources without a fixture: {unmapped}"
    assert set(FIXTURES) <= set(SOURCES), "FIXTURES names a source that is not a default any more"
    assert set(FIXTURES) == set(EXPECTED) == set(CONTENT_TYPES)
    for name in [*FIXTURES.values(), *(page for page, _ in LATER_PAGES.values())]:
        assert (FIXTURES_DIR / name).is_file(), name


@pytest.mark.parametrize("source_id", sorted(FIXTURES))
def test_default_source_reads_its_fixture(source_id):
    source = SOURCES[source_id]
    entries, next_url = parse(source, FIXTURES[source_id])
    check(source, entries, next_url, EXPECTED[source_id])
    if source_id.startswith("gnews-"):  # every item is a Google News link naming its publisher
        from monitor.sources.gnews import article_id

        assert all(article_id(e.url, str(source.url)) and e.origin_name for e in entries)


@pytest.mark.parametrize("source_id", sorted(LATER_PAGES))
def test_paged_default_source_reads_its_next_page(source_id):
    source = SOURCES[source_id]
    name, expected = LATER_PAGES[source_id]
    entries, next_url = parse(source, name, url=EXPECTED[source_id].next_url)
    check(source, entries, next_url, expected)
