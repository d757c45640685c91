"""The pure parts of the task bodies: which findings triggered an alerts run, which day a
digest run covers, and the house defaults every DAG uses."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from monitor.airflow.orchestration import FINDINGS, default_args, digest_day, triggering_finding_ids


class Events(dict):
    """Stands in for Airflow's TriggeringAssetEventsAccessor (a Mapping keyed by asset)."""

    def __getitem__(self, asset):
        return super().__getitem__(asset.uri)


def test_triggering_finding_ids_merges_events_without_duplicates():
    events = Events({FINDINGS.uri: [SimpleNamespace(extra={"finding_ids": ["a", "b"]}),
                                    SimpleNamespace(extra={"finding_ids": ["b", "c"]}), SimpleNamespace(extra={})]})
    assert triggering_finding_ids({"triggering_asset_events": events}) == ["a", "b", "c"]
    assert triggering_finding_ids({"triggering_asset_events": Events()}) == []
    assert triggering_finding_ids({}) == []  # a run started by the clock


def test_digest_day_prefers_the_param_then_the_data_interval_then_the_day_before():
    start = dt.datetime(2026, 3, 1, tzinfo=dt.UTC)
    assert digest_day({"params": {"day": "2026-02-14"}, "data_interval_start": start}) == dt.date(2026, 2, 14)
    assert digest_day({"params": {"day": None}, "data_interval_start": start}) == dt.date(2026, 3, 1)
    run = SimpleNamespace(run_after=dt.datetime(2026, 3, 2, 0, 5, tzinfo=dt.UTC))
    assert digest_day({"params": {}, "data_interval_start": None, "dag_run": run}) == dt.date(2026, 3, 1)


def test_default_args_follow_the_house_rules():
    args = default_args(retries=3)
    assert args["owner"] == "asylum-monitor" and args["retries"] == 3
    assert default_args()["retries"] >= 2
