"""`monitor eval`: score the detector against a labeled corpus.

    labels.py   the `NAME.expected.json` label files
    scoring.py  run the detector over the corpus and count, per action and per document
    report.py   the text report
"""

from monitor.evaluation.labels import Label, LabeledEvent, label_files, load_label
from monitor.evaluation.report import format_report
from monitor.evaluation.scoring import ActionScore, DocumentResult, EvalReport, Miss, evaluate

__all__ = ["ActionScore", "DocumentResult", "EvalReport", "Label", "LabeledEvent", "Miss", "evaluate",
           "format_report", "label_files", "load_label"]
