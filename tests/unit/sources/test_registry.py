"""Sources files (src/monitor/sources/registry.py): validation errors name the source and the field."""

import pytest

from monitor.errors import SourceConfigError
from monitor.sources import load_sources, parse_sources


def test_packaged_default_sources_are_valid_and_point_at_the_real_web():
    sources = load_sources()
    assert len(sources) >= 3
    assert all(str(s.url).startswith("https://") for s in sources)
    assert len({s.id for s in sources}) == len(sources)


def test_a_minimal_source_parses_with_defaults():
    [source] = parse_sources("sources:\n  - {id: dhs, kind: feed, url: 'https://www.dhs.gov/rss.xml'}\n")
    assert source.enabled and source.tags == () and source.kind == "feed"


@pytest.mark.parametrize(
    ("yaml_text", "expected"),
    [
        ("sources:\n  - {id: dhs, kind: rss, url: 'https://x.org/'}\n", "source dhs: field 'kind'"),
        ("sources:\n  - {id: dhs, kind: feed, url: 'not a url'}\n", "source dhs: field 'url'"),
        ("sources:\n  - {id: dhs, kind: feed}\n", "source dhs: field 'url'"),
        ("sources:\n  - {id: dhs, kind: feed, url: 'https://x.org/', colour: red}\n", "field 'colour'"),
        ("sources:\n  - {kind: feed, url: 'https://x.org/'}\n", "source #1: field 'id'"),
        ("sources: {}\n", "list under 'sources:'"),
        ("sources: [\n", "not valid YAML"),
    ],
)
def test_validation_errors_name_the_source_and_the_field(yaml_text, expected):
    with pytest.raises(SourceConfigError, match=expected.replace("'", ".").replace("#", ".")):
        parse_sources(yaml_text)


def test_duplicate_ids_are_refused():
    text = "sources:\n  - {id: a, kind: feed, url: 'https://x.org/1'}\n  - {id: a, kind: feed, url: 'https://x.org/2'}\n"
    with pytest.raises(SourceConfigError, match="duplicate"):
        parse_sources(text)


def test_disabled_sources_are_skipped(tmp_path):
    path = tmp_path / "s.yaml"
    path.write_text("sources:\n  - {id: a, kind: feed, url: 'https://x.org/1', enabled: false}\n"
                    "  - {id: b, kind: feed, url: 'https://x.org/2'}\n")
    assert [s.id for s in load_sources(path)] == ["b"]
    assert [s.id for s in load_sources(path, enabled_only=False)] == ["a", "b"]


@pytest.mark.parametrize(("yaml_text", "expected"), [
    ("- {id: u, kind: html_list, url: 'https://x.org/'}", "source u: field 'selectors.item'"),
    ("- {id: u, kind: html_list, url: 'https://x.org/', selectors: {item: 'div[', link: a}}", "selectors.item': invalid"),
    ("- {id: u, kind: html_list, url: 'https://x.org/', selectors: {item: li, colour: red}}", "selectors.colour"),
    ("- {id: f, kind: feed, url: 'https://x.org/', selectors: {item: li}}", "source f: field 'selectors'"),
    ("- {id: j, kind: json_api, url: 'https://x.org/', max_pages: 0}", "source j: field 'max_pages'"),
])
def test_kind_specific_validation_names_source_and_field(yaml_text, expected):
    with pytest.raises(SourceConfigError, match=expected.replace("'", ".").replace("[", ".")):
        parse_sources("sources:\n  " + yaml_text + "\n")
