"""Scores the detector against a labeled corpus (`monitor eval DIR`).

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

from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

from monitor.analysis import analyse_file
from monitor.errors import ConfigError
from monitor.evaluation.labels import LABEL_SUFFIX, Label, label_files, load_label
from monitor.models import ACTIONS

MissKind = Literal["missed", "false_alarm", "relevance", "count", "language", "error"]


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
