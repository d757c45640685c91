"""The text report of an evaluation (`monitor eval DIR` without --json): the per-action table,
document-level accuracies, then every miss with the evidence the detector quoted."""

from __future__ import annotations

from monitor.evaluation.scoring import EvalReport


def _fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def _ratio(value: float | None, hits: int, total: int) -> str:
    return f"{_fmt(value)} ({hits}/{total})"


def format_report(report: EvalReport) -> str:
    """A readable text report: the per-action table, document-level accuracies, then every miss."""
    docs = report.documents
    lines = [f"Evaluation of {report.directory}: {len(docs)} documents, {report.errors} unreadable", ""]
    lines.append(f"{'action':<22}{'TP':>5}{'FP':>5}{'FN':>5}{'bg':>5}{'precision':>11}{'recall':>9}{'F1':>9}")
    for score in (*report.actions, report.total):
        if score.action == "all":
            lines.append("-" * 71)
        lines.append(f"{score.action:<22}{score.tp:>5}{score.fp:>5}{score.fn:>5}{score.neutral:>5}"
                     f"{_fmt(score.precision):>11}{_fmt(score.recall):>9}{_fmt(score.f1):>9}")
    lines.append("(bg: background events reported; neither rewarded nor penalized)")
    lines.append("")
    relevant_ok = sum(d.relevant == d.expected_relevant for d in docs)
    lang_ok = sum(d.lang == d.expected_lang for d in docs)
    count_ok = sum(d.count == d.expected_count for d in docs)
    stated = [d for d in docs if d.expected_count is not None]
    stated_ok = sum(d.count == d.expected_count for d in stated)
    exact = sum(d.exact for d in docs)
    lines.append(f"relevance accuracy       {_ratio(report.relevance_accuracy, relevant_ok, len(docs))}")
    lines.append(f"affected-count accuracy  {_ratio(report.count_accuracy, count_ok, len(docs))}"
                 f"; stated counts found {stated_ok}/{len(stated)}")
    lines.append(f"language accuracy        {_ratio(report.language_accuracy, lang_ok, len(docs))}")
    lines.append(f"documents exactly right  {exact}/{len(docs)} (no missed or false event, right relevance)")
    lines.append("")
    if not report.misses:
        lines.append("misses: none")
        return "\n".join(lines)
    lines.append(f"misses ({len(report.misses)}):")
    titles = {"missed": "MISSED", "false_alarm": "FALSE", "relevance": "RELEVANCE", "count": "COUNT",
              "language": "LANG", "error": "ERROR"}
    for miss in report.misses:
        lines.append(f"  {titles[miss.kind]:<9} {miss.file}")
        lines.append(f"            expected: {miss.expected}")
        lines.append(f"            got:      {miss.got}")
        if miss.evidence:
            lines.append(f"            evidence: {miss.evidence}")
    return "\n".join(lines)
