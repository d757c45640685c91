"""Claims: who claims what, how sure, about whom — the detector's model of a statement.

Every sentence (or list, or table) that could make a nationality transferable becomes one
`Claim` per population, with its fields set by cues in the text:

| field | values |
| --- | --- |
| population | the nationality (ISO code), from a demonym, "nationals of <country>", a formal name, a list item or a table row |
| receiving | the state people are sent to — this sentence, the one before, the document's agreement, its dateline, the speaker's own government |
| sending | the state that sends (the agreement's other party; the US unless the text says otherwise) |
| predicate | `asylum_transfer` (eligibility for transfer under an asylum agreement), or what it really is: `deportation`, `prison`, `trade` (trade, security deals), `prisoner`, `medical`, `money`, `sport`, `other_program` (MPP, Title 42), `unclear` (a bare "include" with no agreement in view), `no_agreement` |
| polarity | `affirmed`, `denied` (negation, exclusion, "not covered", a denial of rumours), `withdrawn` (a correction), `contradicted` (the same document denies it) |
| modality | `decided`, or `proposed`, `speculated`, `recommended`, `hypothetical`, `question` |
| attribution | `official` or `news` (reported), or `critic`, `court_argument`, `rumour` (a claim quoted to be checked or denied) |
| time | `current`, or `recap` (background: an older fact, or a state of affairs: "already", "currently", "por ahora") |

An event is a claim that is affirmed, decided, about asylum-transfer eligibility, with a
receiving state: `is_event`. Each field remembers the cue that set it (`Cue`), so
`monitor detect --explain` can say why a claim did or did not become an event. Pure.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from typing import Any

__all__ = ["Claim", "Cue", "claim_record", "explain", "explain_record"]

#: Modalities under which a claim is a decision (now, or dated: "from June 1 … will be").
DECIDED = ("decided",)
#: Attributions that report what someone else wants or argues, not what was decided.
NOT_A_SOURCE = ("critic", "court_argument", "rumour", "opinion")


@dataclass(frozen=True)
class Cue:
    """The words that set one field of a claim."""

    field: str
    value: str
    text: str

    def __str__(self) -> str:
        return f"{self.field}={self.value} ← {self.text!r}"


@dataclass(frozen=True)
class Claim:
    """What one statement says about one population (see the module docstring)."""

    population: str
    receiving: str | None
    evidence: str
    start: int
    sending: str | None = None
    predicate: str = "asylum_transfer"
    polarity: str = "affirmed"
    modality: str = "decided"
    attribution: str = "news"
    time: str = "current"
    source: str = "sentence"  # sentence | list | table | continuation | title
    confidence: float = 0.0
    cues: tuple[Cue, ...] = field(default_factory=tuple)
    # What the text offers as evidence, for the confidence model (detect/confidence.py): the
    # trigger's strength, how the receiving state was found, who speaks, modality cues.
    signals: frozenset[str] = frozenset()

    @property
    def is_event(self) -> bool:
        return (self.predicate == "asylum_transfer" and self.polarity == "affirmed" and self.modality in DECIDED
                and self.attribution not in NOT_A_SOURCE and self.receiving is not None
                and self.receiving != self.population)

    @property
    def background(self) -> bool:
        return self.time == "recap"

    def why_not(self) -> str:
        """The first field that keeps this claim from being an event ("" for an event)."""
        if self.receiving is None:
            return "no receiving state"
        if self.receiving == self.population:
            return "sent to its own country"
        for name, good in (("predicate", ("asylum_transfer",)), ("polarity", ("affirmed",)),
                           ("modality", DECIDED)):
            if getattr(self, name) not in good:
                return f"{name} is {getattr(self, name)}"
        if self.attribution in NOT_A_SOURCE:
            return f"attribution is {self.attribution}"
        return ""

    def with_(self, cue_text: str = "", **changes: str | float | None) -> Claim:
        """A copy with `changes`, each recorded as set by `cue_text`."""
        cues = self.cues + tuple(Cue(name, str(value), cue_text) for name, value in changes.items()
                                 if cue_text and name not in ("confidence", "evidence", "start"))
        return replace(self, cues=cues, **changes)


def claim_record(claim: Claim) -> dict[str, Any]:
    """A claim as JSON: its fields, the verdict, and each cue as field, value and the words."""
    fields = {k: v for k, v in asdict(claim).items() if k not in ("cues", "signals")}
    return {**fields, "signals": sorted(claim.signals), "event": claim.is_event, "why_not": claim.why_not(),
            "cues": [{"field": c.field, "value": c.value, "text": c.text} for c in claim.cues]}


def explain(claim: Claim) -> str:
    """One claim for people: its fields, the verdict and the cues behind them."""
    return explain_record(claim_record(claim))


def explain_record(claim: dict[str, Any]) -> str:
    """A claim as `monitor detect --explain` prints it, from its JSON record."""
    verdict = ("EVENT" + (" (background)" if claim["time"] == "recap" else "")) if claim["event"] \
        else f"not an event: {claim['why_not']}"
    head = (f"{claim['population']} → {claim['receiving'] or '?'} (from {claim['sending'] or '?'}) "
            f"[{claim['confidence']:.2f}] {verdict}")
    fields = " ".join(f"{name}={claim[name]}" for name in ("predicate", "polarity", "modality", "attribution",
                                                             "time", "source"))
    lines = [head, f"    {fields}", f"    evidence: {claim['evidence']}"]
    if claim.get("signals"):
        lines.append(f"    signals: {', '.join(claim['signals'])}")
    lines += [f"    {c['field']}={c['value']} ← {c['text']!r}" for c in claim["cues"]]
    return "\n".join(lines)
