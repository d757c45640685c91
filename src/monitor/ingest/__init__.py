"""Ingest: one poll of each source, from its listing to stored documents.

    run.py       a whole run without Airflow: sources in parallel, then reconcile and alert
    poll.py      one source: state → listing → entries → documents → write → state
    document.py  one entry: fetch the article, extract, detect → `models.Document`
    identify.py  identity, change and syndication cluster of a document (pure)
    state.py     a source's cursor and health after a poll (pure)
"""

from monitor.ingest.poll import SourceResult, ingest_source
from monitor.ingest.run import RunSummary, poll_sources, run

__all__ = ["RunSummary", "SourceResult", "ingest_source", "poll_sources", "run"]
