"""The alert ledger (`<prefix>-alerts`): one record per (subscription, finding, channel) or
daily digest, created exactly once (`op_type=create`) and moved through its delivery states
(pending → sending → sent | cancelled) by compare-and-set, so two workers never both send.
"""

from __future__ import annotations

from typing import Any

from elasticsearch import Elasticsearch

from monitor.dates import utcnow
from monitor.index import client as es
from monitor.index.mappings import IndexNames
from monitor.index.queries import records


class AlertLedger:
    """Reads and writes of `<prefix>-alerts`."""

    def __init__(self, client: Elasticsearch, names: IndexNames) -> None:
        self.client = client
        self.index = names.alerts

    def create(self, alert_id: str, body: dict[str, Any]) -> bool:
        """Create one ledger record: True only for the first caller."""
        return es.create_once(self.client, self.index, alert_id, body, what=f"alert {alert_id}")

    def get(self, alert_id: str) -> dict[str, Any] | None:
        """One record by id, or None."""
        return es.get_source(self.client, self.index, alert_id, what=f"alert {alert_id}")

    def for_finding(self, finding_id: str) -> list[dict[str, Any]]:
        """Every record of one finding (alerts and follow-ups), with what `transition` needs."""
        return es.search_all(self.client, self.index, {"term": {"finding_id": finding_id}}, sort=[{"created": "asc"}],
                             seq_no=True, what=f"list alerts of finding {finding_id}")

    def in_status(self, status: str) -> list[dict[str, Any]]:
        """Every record in one delivery status, oldest first, each with the `_seq_no` and
        `_primary_term` that `transition` needs."""
        return es.search_all(self.client, self.index, records.in_status(status), sort=[{"created": "asc"}],
                             seq_no=True, what=f"list {status} alerts")

    def count(self, status: str) -> int:
        with es.translated(f"count {status} alerts"):
            return int(self.client.count(index=self.index, query=records.in_status(status))["count"])

    def transition(self, alert: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any] | None:
        """Compare-and-set a record's fields; None when another worker changed it first."""
        return es.update_if_unchanged(self.client, self.index, alert, {**changes, "updated": utcnow().isoformat()},
                                      what=f"alert {alert['id']}")
