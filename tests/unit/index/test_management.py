"""The pure part of index management: which fields an older mapping lacks."""

from __future__ import annotations

from monitor.index.management import missing_fields


def test_new_top_level_fields_and_new_subfields_of_existing_objects():
    wanted = {"url": {"type": "keyword"}, "status": {"type": "keyword"},
              "sources": {"type": "object", "properties": {"url": {"type": "keyword"},
                                                           "authority": {"type": "keyword"}}},
              "events": {"type": "nested", "properties": {"action": {"type": "keyword"}}}}
    live = {"url": {"type": "keyword"}, "sources": {"properties": {"url": {"type": "keyword"}}},
            "events": {"type": "nested", "properties": {"action": {"type": "keyword"}}}}
    assert missing_fields(wanted, live) == {
        "status": {"type": "keyword"},
        "sources": {"type": "object", "properties": {"authority": {"type": "keyword"}}},
    }
    assert missing_fields(wanted, wanted) == {}
