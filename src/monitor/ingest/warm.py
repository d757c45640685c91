"""Imported by the analysis pool's fork server (monitor/ingest/analyse.py): loads the analysis
code and the language model once, so every worker forked from it starts warm."""

import gc

from monitor.detect import detect
from monitor.extract.language import detect_language
from monitor.ingest import document  # noqa: F401 - the functions the workers run

detect_language("The Asylum Cooperative Agreement with Guatemala.")
detect("Guatemala will receive Hondurans under the Asylum Cooperative Agreement.", title="warm-up")

# Everything loaded so far lives as long as the fork server: keep the collector from writing to
# those objects' headers in every worker, which would copy the pages they share with it.
gc.freeze()
