"""The document versions index (`<prefix>-document-versions`): superseded texts of documents
that changed, read for a document's history and pruned by the retention job.

Versions are written together with the new text (`DocumentStore.save`). The core-only
Elasticsearch has no `_delete_by_query`, so retention searches ids and bulk-deletes them.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from elasticsearch import Elasticsearch

from monitor.index import client as es
from monitor.index.mappings import IndexNames
from monitor.index.queries import records

logger = logging.getLogger(__name__)

_PAGE = 1000


class VersionStore:
    """Reads and retention of `<prefix>-document-versions`."""

    def __init__(self, client: Elasticsearch, names: IndexNames) -> None:
        self.client = client
        self.index = names.versions

    def of(self, doc_id: str) -> list[dict[str, Any]]:
        """Superseded versions of one document, oldest first."""
        with es.translated(f"read versions of {doc_id}"):
            result = self.client.search(index=self.index, body=records.versions_of(doc_id))
        return es.hits(result)

    def prune(self, *, older_than: dt.timedelta, now: dt.datetime) -> int:
        """Delete versions superseded before `now - older_than`; returns how many."""
        cutoff = (now - older_than).isoformat()
        deleted = 0
        while True:
            with es.translated(f"prune {self.index}"):
                result = self.client.search(index=self.index, size=_PAGE, source=False,
                                            query=records.superseded_before(cutoff))
            found = result["hits"]["hits"]
            if not found:
                break
            es.bulk(self.client, ({"_op_type": "delete", "_index": h["_index"], "_id": h["_id"]} for h in found),
                    what="delete superseded versions")
            deleted += len(found)
            if len(found) < _PAGE:
                break
        logger.info("pruned %d document versions superseded before %s", deleted, cutoff)
        return deleted
