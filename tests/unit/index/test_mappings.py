from monitor.index import mappings
from monitor.index.mappings import Analyzers, IndexNames, mappings_for, template_for

EXISTING_DOCUMENT_FIELDS = {
    "url", "source_id", "title", "text", "content_hash", "fetched", "published", "lang", "tags", "relevant",
    "events", "affected_count", "entry_updated", "reconciled", "canonical_url", "authors", "updated", "version",
    "simhash", "cluster_id", "source_kind",
}


def test_core_only_cluster_gets_the_standard_analyzer_only():
    docs = mappings_for(Analyzers())[mappings.DOCUMENTS]["properties"]
    assert docs["text"] == {"type": "text", "index_options": "offsets"}
    assert docs["title"]["fields"] == {"raw": {"type": "keyword", "ignore_above": 512}}
    assert "english" not in str(mappings_for(None)) and "spanish" not in str(mappings_for(None))
    assert mappings_for(None) == mappings.MAPPINGS


def test_folded_twins_use_the_whitespace_analyzer_and_keep_offsets_for_the_highlighter():
    for name in (mappings.DOCUMENTS, mappings.VERSIONS):
        props = mappings.MAPPINGS[name]["properties"]
        assert mappings.TWINS == ("search_title_en", "search_text_en", "search_title_es", "search_text_es",
                                  "search_title_other", "search_text_other")
        for field in mappings.TWINS:
            assert props[field] == {"type": "text", "analyzer": "whitespace", "index_options": "offsets"}
        assert props["title"]["index_options"] == props["text"]["index_options"] == "offsets"


def test_events_of_a_document_are_nested_so_filters_match_within_one_event():
    for name in (mappings.DOCUMENTS, mappings.VERSIONS):
        events = mappings.MAPPINGS[name]["properties"]["events"]
        assert events["type"] == "nested" and events["include_in_root"] is True  # facets count documents
        assert {"action", "receiving", "population", "evidence"} <= set(events["properties"])
    assert mappings.MAPPINGS[mappings.EVENTS]["properties"]["receiving"] == {"type": "keyword"}  # knowledge: flat


def test_language_analyzers_add_en_and_es_subfields_when_the_cluster_has_them():
    both = mappings_for(Analyzers(english=True, spanish=True))
    for name in (mappings.DOCUMENTS, mappings.VERSIONS):
        props = both[name]["properties"]
        assert props["text"]["type"] == "text" and "analyzer" not in props["text"]  # standard stays the main field
        assert props["text"]["fields"] == {"en": {"type": "text", "analyzer": "english"},
                                           "es": {"type": "text", "analyzer": "spanish"}}
        assert props["title"]["fields"]["raw"] == {"type": "keyword", "ignore_above": 512}
        assert props["title"]["fields"]["es"]["analyzer"] == "spanish"
    english_only = mappings_for(Analyzers(english=True))[mappings.DOCUMENTS]["properties"]
    assert set(english_only["text"]["fields"]) == {"en"}


def test_the_choice_never_changes_the_shared_standard_mapping():
    before = str(mappings.MAPPINGS)
    mappings_for(Analyzers(english=True, spanish=True))
    assert str(mappings.MAPPINGS) == before


def test_every_existing_field_is_kept_and_mappings_are_strict():
    for analyzers in (Analyzers(), Analyzers(english=True, spanish=True)):
        result = mappings_for(analyzers)
        assert EXISTING_DOCUMENT_FIELDS <= set(result[mappings.DOCUMENTS]["properties"])
        assert EXISTING_DOCUMENT_FIELDS | {"document_id", "superseded"} <= set(result[mappings.VERSIONS]["properties"])
        assert all(m["dynamic"] == "strict" for m in result.values())
        assert set(result) == {"documents", "document-versions", "events", "subscriptions", "alerts", "sources-state"}


def test_template_covers_every_version_of_one_index_only():
    names = IndexNames("monitor")
    template = template_for(names, mappings.DOCUMENTS, {"dynamic": "strict", "properties": {}})
    assert template["name"] == "monitor-documents"
    assert template["index_patterns"] == ["monitor-documents-v*"]
    assert template["template"]["settings"] == mappings.SETTINGS
    assert template["template"]["mappings"] == {"dynamic": "strict", "properties": {}}


def test_version_numbers_of_concrete_indices():
    names = IndexNames("p")
    assert names.version_of("documents", names.concrete("documents", 7)) == 7
    assert names.version_of("documents", "p-documents") is None
    assert names.version_of("documents", "p-document-versions-v1") is None
