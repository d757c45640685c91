"""Mapping drift (index/drift.py): what only a migration can repair is named, field by field."""

from monitor.index import mappings
from monitor.index.drift import mapping_drift


def _documents_with(**changes):
    props = {**mappings.MAPPINGS[mappings.DOCUMENTS]["properties"], **changes}
    return {"properties": props}


def test_the_code_mapping_has_no_drift_from_itself():
    for mapping in mappings.MAPPINGS.values():
        assert mapping_drift(mapping, mapping) == []


def test_object_events_where_nested_ones_are_expected_are_reported():
    old_events = {"type": "object", "properties": mappings.MAPPINGS["documents"]["properties"]["events"]["properties"]}
    live = _documents_with(events={"properties": old_events["properties"]})  # how Elasticsearch shows an object
    assert mapping_drift(mappings.MAPPINGS["documents"], live) == ["field events is object, expected nested"]


def test_index_options_and_analyzers_are_compared_where_the_code_sets_them():
    live = _documents_with(text={"type": "text"}, search_text_es={"type": "text", "index_options": "offsets"})
    assert mapping_drift(mappings.MAPPINGS["documents"], live) == [
        "field text has index_options positions, expected offsets",
        "field search_text_es has analyzer default, expected whitespace",
    ]


def test_nested_events_must_also_be_copied_onto_the_document_for_the_facets():
    events = {**mappings.MAPPINGS["documents"]["properties"]["events"]}
    del events["include_in_root"]
    live = _documents_with(events=events)
    assert mapping_drift(mappings.MAPPINGS["documents"], live) == [
        "field events has include_in_root False, expected True"]


def test_language_subfields_are_not_compared_and_missing_fields_are():
    live = _documents_with(title={"type": "text", "index_options": "offsets",
                                  "fields": {"en": {"type": "text", "analyzer": "english"}}})
    assert mapping_drift(mappings.MAPPINGS["documents"], live) == []
    del live["properties"]["search_title_other"]
    assert mapping_drift(mappings.MAPPINGS["documents"], live) == ["field search_title_other is missing"]
