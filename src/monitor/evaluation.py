"""Scores the detector against a labeled corpus (`monitor eval DIR`); tests/corpus/README.md has the labels.

Each `NAME.expected.json` in the directory (and, with `recursive=True`, in its subfolders)
labels the document named by its `file` field. The document goes through
`monitor.analysis.analyse_file`, exactly what `monitor detect` runs, and the record is
compared with the label:

- an event is the key `(action, receiving, population)`; confidence, evidence and the
  `background` flag are not scored;
- every event in `events` (required) that the detector does not report is a false negative;
- a reported event is a true positive if it is in `events`, neutral if it is in
  `background_events` (correct to report, not required), and a false positive otherwise;
- precision, recall and F1 are computed per action from those counts (None when undefined:
  no prediction for precision, nothing expected for recall), and over all actions;
- relevance, language and affected count are compared per document (`null` equals `null`).

Every disagreement becomes a `Miss` with the evidence the detector quoted, so a report can
list them all. Pure apart from reading the corpus files.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from monitor.analysis import analyse_file
from monitor.errors import ConfigError
from monitor.models import ACTIONS

__all__ = ["ActionScore", "DocumentResult", "EvalReport", "Label", "Miss", "evaluate", "format_report"]

LABEL_SUFFIX = ".expected.json"
MissKind = Literal["missed", "false_alarm", "relevance", "count", "language", "error"]


class LabeledEvent(BaseModel):
    """One event of a label file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    action: Literal["made_amenable", "agreement_signed", "agreement_in_force", "agreement_suspended",
                    "agreement_terminated"]
    receiving: str
    population: str | None = None

    @property
    def key(self) -> str:
        return f"{self.action} {self.receiving} {self.population or '-'}"


class Label(BaseModel):
    """The contents of a `NAME.expected.json` file (read from outside, so validated)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    file: str
    lang: str
    published: str | None = None
    source_kind: Literal["news", "government", "court", "ngo"]
    relevant: bool
    events: tuple[LabeledEvent, ...] = ()
    background_events: tuple[LabeledEvent, ...] = ()
    affected_count: int | None = None
    notes: str = ""


@dataclass(frozen=True)
class Miss:
    """One disagreement between the detector and a label."""

    file: str
    kind: MissKind
    expected: str
    got: str
    evidence: str = ""


@dataclass(frozen=True)
class ActionScore:
    """True / false positives, false negatives and neutral (background) reports for one action."""

    action: str
    tp: int = 0
    fp: int = 0
    fn: int = 0
    neutral: int = 0

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "precision": self.precision, "recall": self.recall, "f1": self.f1}


@dataclass(frozen=True)
class DocumentResult:
    """How the detector did on one labeled document."""

    file: str
    expected_relevant: bool
    relevant: bool
    expected_lang: str
    lang: str
    expected_count: int | None
    count: int | None
    true_positives: tuple[str, ...] = ()
    false_positives: tuple[str, ...] = ()
    false_negatives: tuple[str, ...] = ()
    neutral: tuple[str, ...] = ()
    error: str | None = None

    @property
    def exact(self) -> bool:
        """No missed or false event and the right relevance."""
        return not (self.false_positives or self.false_negatives or self.error) and (
            self.relevant == self.expected_relevant
        )


@dataclass(frozen=True)
class EvalReport:
    """Scores of one evaluation run, per action and per document, with every miss."""

    directory: str
    documents: tuple[DocumentResult, ...]
    actions: tuple[ActionScore, ...]
    misses: tuple[Miss, ...] = field(default_factory=tuple)

    @property
    def total(self) -> ActionScore:
        return ActionScore(
            "all",
            tp=sum(a.tp for a in self.actions), fp=sum(a.fp for a in self.actions),
            fn=sum(a.fn for a in self.actions), neutral=sum(a.neutral for a in self.actions),
        )

    def action(self, name: str) -> ActionScore:
        return next(a for a in self.actions if a.action == name)

    @property
    def relevance_accuracy(self) -> float | None:
        return _share(d.relevant == d.expected_relevant for d in self.documents)

    @property
    def language_accuracy(self) -> float | None:
        return _share(d.lang == d.expected_lang for d in self.documents)

    @property
    def count_accuracy(self) -> float | None:
        """Share of documents whose affected count equals the label (both null counts as equal)."""
        return _share(d.count == d.expected_count for d in self.documents)

    @property
    def stated_count_recall(self) -> float | None:
        """Share of documents with a labeled count for which exactly that count was extracted."""
        return _share(d.count == d.expected_count for d in self.documents if d.expected_count is not None)

    @property
    def errors(self) -> int:
        return sum(1 for d in self.documents if d.error)

    def as_dict(self) -> dict[str, Any]:
        return {
            "directory": self.directory,
            "documents": len(self.documents),
            "errors": self.errors,
            "actions": {a.action: a.as_dict() for a in self.actions},
            "all": self.total.as_dict(),
            "relevance_accuracy": self.relevance_accuracy,
            "language_accuracy": self.language_accuracy,
            "affected_count_accuracy": self.count_accuracy,
            "stated_count_recall": self.stated_count_recall,
            "exact_documents": sum(1 for d in self.documents if d.exact),
            "misses": [asdict(m) for m in self.misses],
            "per_document": [asdict(d) for d in self.documents],
        }


def _share(values: Any) -> float | None:
    flags = list(values)
    return sum(flags) / len(flags) if flags else None


def load_label(path: Path) -> Label:
    """Read and validate one label file; a bad label is a configuration error naming the file."""
    try:
        return Label.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, json.JSONDecodeError, ValidationError) as exc:
        raise ConfigError(f"bad label file {path}: {exc}") from exc


def label_files(directory: Path, *, recursive: bool = False) -> list[Path]:
    """The label files of a corpus directory, in a stable order."""
    pattern = f"*{LABEL_SUFFIX}"
    found = directory.rglob(pattern) if recursive else directory.glob(pattern)
    return sorted(found)


def _evidence(record: dict[str, Any], key: str) -> str:
    for event in record.get("events", []):
        if _key(event) == key:
            return str(event.get("evidence", ""))
    return ""


def _key(event: dict[str, Any]) -> str:
    return f"{event['action']} {event['receiving']} {event.get('population') or '-'}"


def _score_document(name: str, label: Label, record: dict[str, Any]) -> tuple[DocumentResult, list[Miss]]:
    if "error" in record:
        result = DocumentResult(name, label.relevant, False, label.lang, "", label.affected_count, None,
                                false_negatives=tuple(e.key for e in label.events), error=str(record["error"]))
        return result, [Miss(name, "error", "a detection record", str(record["error"]))]
    required = {e.key for e in label.events}
    acceptable = {e.key for e in label.background_events}
    got = list(dict.fromkeys(_key(e) for e in record["events"]))
    tp = [k for k in got if k in required]
    neutral = [k for k in got if k not in required and k in acceptable]
    fp = [k for k in got if k not in required and k not in acceptable]
    fn = [e.key for e in label.events if e.key not in got]
    result = DocumentResult(
        name, label.relevant, bool(record["relevant"]), label.lang, str(record["lang"]),
        label.affected_count, record.get("affected_count"), tuple(tp), tuple(fp), tuple(fn), tuple(neutral),
    )
    misses = []
    for key in fn:
        action = key.split()[0]
        same_action = [k for k in got if k.startswith(action + " ")]
        near = next((k for k in same_action if k.split()[1] == key.split()[1]), same_action[0] if same_action else "")
        misses.append(Miss(name, "missed", key, ", ".join(same_action) or "nothing", _evidence(record, near)))
    for key in fp:
        action = key.split()[0]
        expected = [e.key for e in label.events if e.action == action]
        confidence = next((e["confidence"] for e in record["events"] if _key(e) == key), None)
        misses.append(Miss(name, "false_alarm", ", ".join(expected) or "nothing",
                           f"{key} [{confidence}]", _evidence(record, key)))
    if result.relevant != label.relevant:
        first = record["events"][0]["evidence"] if record["events"] else ""
        misses.append(Miss(name, "relevance", f"relevant={label.relevant}", f"relevant={result.relevant}", first))
    if result.count != label.affected_count:
        misses.append(Miss(name, "count", str(label.affected_count), str(result.count)))
    if result.lang != label.lang:
        misses.append(Miss(name, "language", label.lang, result.lang))
    return result, misses


def evaluate(directory: Path, *, recursive: bool = False) -> EvalReport:
    """Run the detector over every labeled document of `directory` and score it (see module docstring)."""
    directory = Path(directory)
    labels = label_files(directory, recursive=recursive)
    if not labels:
        raise ConfigError(f"no *{LABEL_SUFFIX} label files in {directory}")
    documents: list[DocumentResult] = []
    misses: list[Miss] = []
    counts = {action: {"tp": 0, "fp": 0, "fn": 0, "neutral": 0} for action in ACTIONS}
    for path in labels:
        label = load_label(path)
        document = path.parent / label.file
        name = document.relative_to(directory).as_posix()
        result, found = _score_document(name, label, analyse_file(document, label=name))
        documents.append(result)
        misses.extend(found)
        for field_name, keys in (("tp", result.true_positives), ("fp", result.false_positives),
                                 ("fn", result.false_negatives), ("neutral", result.neutral)):
            for key in keys:
                counts[key.split()[0]][field_name] += 1
    actions = tuple(ActionScore(action, **counts[action]) for action in ACTIONS)
    return EvalReport(str(directory), tuple(documents), actions, tuple(misses))


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
