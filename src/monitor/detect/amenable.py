"""`made_amenable` claims: who a statement makes transferable, where, how sure.

A statement is a sentence with a trigger — a transfer verb, "amenable", "eligible", "subject
to", "podrán ser trasladados", a receive verb — and what the sentence as a whole says of it
(`statement()`): whether its triggers are negated, called for or hypothetical; whether it is
a question, speculation, a denial, critics or court arguments; whether it is about an asylum
agreement at all or a deportation, a prison, a trade deal, MPP or Title 42; where people are
sent. Its populations are the nationalities the sentence names (`amenable()`), or the items
of the list or table it introduces (`listed()`): one `Claim` each, with the cues that set
every field.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field

from monitor.detect import cues as C
from monitor.detect import rules as R
from monitor.detect.claims import Claim, Cue
from monitor.detect.events import (
    Doc,
    Sentence,
    called_for,
    clause_before,
    hypothetical,
    is_trade,
    score,
)
from monitor.detect.gazetteer import find_mentions
from monitor.detect.layout import Item
from monitor.detect.roles import Role, before, receivers

__all__ = ["CONTEXT", "Statement", "amenable", "listed", "statement"]

CONTEXT = 2  # sentences before a statement that may name its receiving state


@dataclass(frozen=True)
class Statement:
    """What one sentence says as a whole, shared by every population it names."""

    sentence: Sentence
    fields: dict[str, tuple[str, str]]  # field → (value, cue) set for the whole sentence
    negated: dict[tuple[int, int], bool]  # trigger span → negated, called for or hypothetical
    receivers: list[Role]
    receiving_cue: str
    fallback: str | None  # the document's receiving state, when the sentence names none
    fallback_cue: str
    confidence: float
    breaks: list[int] = field(default_factory=list)
    signals: frozenset[str] = frozenset()


def _veto_fields(s: Sentence) -> dict[str, tuple[str, str]]:
    """field → (value, cue) for what a sentence-level veto says: a question, speculation, a
    denial, critics, court arguments, or a neighbouring program (MPP, Title 42)."""
    text = s.text
    found: dict[str, tuple[str, str]] = {}
    if match := C.QUESTION.search(text):
        found["modality"] = ("question", match.group() or "?")
    for match in C.SPECULATION.finditer(text):
        if match.group().lower() in ("if", "si") and C.CONDITION_OK.match(text, match.start()):
            continue
        found.setdefault("modality", ("speculated", match.group()))
        break
    for rx, name, value in ((C.CORRECTION, "polarity", "withdrawn"), (C.MPP, "predicate", "other_program"),
                            (C.TITLE_42, "predicate", "other_program"), (C.DENIAL, "polarity", "denied"),
                            (C.RUMOUR, "attribution", "rumour"), (C.CRITIC, "attribution", "critic"),
                            (C.COURT_ARGUMENT, "attribution", "court_argument"), (C.STANDING, "time", "recap")):
        if name not in found and (match := rx.search(text)):
            found[name] = (value, match.group())
    return found


def _trigger_state(text: str, start: int, end: int | None = None) -> tuple[str, str, str] | None:
    """(field, value, cue) when the trigger at `start` is not a plain statement: negated,
    called for, or hypothetical."""
    if match := C.NEGATION_BEFORE.search(before(text, start)):
        return "polarity", "denied", match.group().strip()
    if end is not None and (match := R.NEGATED_AFTER_TRIGGER.match(text[end : end + 80])):
        return "polarity", "denied", match.group().strip()
    clause = clause_before(text, start)
    if match := C.RECOMMENDATION.search(clause):
        return "modality", "recommended", match.group()
    if called_for(text, start):
        return "modality", "recommended", "an imperative"
    if hypothetical(text, start):
        found = C.HYPOTHETICAL.search(clause)
        return "modality", "hypothetical", found.group() if found else "would"
    return None


def _predicate(s: Sentence, doc: Doc, agreement: bool) -> tuple[str, str] | None:
    """What the sentence is about when it is not an asylum transfer, with its cue."""
    text = s.text
    if is_trade(text, doc):
        match = R.TRADE_AGREEMENT.search(text) or R.TRADE_SECURITY.search(text)
        return "trade", match.group() if match else "trade or security deal"
    for kind, rx in C.LOOKALIKE.items():
        if (match := rx.search(text)) and not s.named:
            return kind, match.group()
    if match := C.OWN_COUNTRY.search(text):
        return "deportation", match.group()
    if match := C.CRIMINAL.search(text):
        return "prison", match.group()
    if (match := C.DEPORTATION.search(text)) and not (s.named or R.ASYLUM_WORD.search(text)):
        return "deportation", match.group()
    if not (doc.context or agreement):
        return "no_agreement", "no asylum agreement in the sentence or the document"
    if doc.neighbour_subject and not s.named:
        return "other_program", "the document is about MPP or Title 42"
    return None


def _context_receivers(s: Sentence, previous: tuple[Sentence, ...]) -> tuple[list[Role], str]:
    """The receiving state of the sentences just before (the previous paragraph named it)."""
    populations = {r.mention.code for r in s.roles if r.role == "population"}
    for earlier in reversed(previous):
        if earlier.is_title:
            continue
        found = [r for r in receivers(earlier.roles, ("destination", "partner", "state"), sender=s.sender)
                 if r.mention.code not in populations]
        if found:
            return found[:1], "named just before"
    return [], ""


def statement(s: Sentence, doc: Doc, previous: tuple[Sentence, ...] = ()) -> Statement | None:
    """The sentence-level fields of a sentence with a trigger (None without one); `previous`
    are the sentences just before it, which may name the receiving state."""
    text = s.text
    triggers = sorted(
        [(m.start(), m.end()) for rx in (R.AMENABILITY, R.TRANSFER_VERB, R.RECEIVE_VERB) for m in rx.finditer(text)]
    )
    if not triggers:
        return None
    states = {t: _trigger_state(text, t[0], t[1]) for t in triggers}
    for m in R.EXCLUSION.finditer(text):
        states[(m.start(), m.end())] = ("polarity", "denied", m.group())
    negated = {t: state is not None for t, state in states.items()}
    fields: dict[str, tuple[str, str]] = {}
    if all(negated.values()):
        name, value, cue = next(state for state in states.values() if state is not None)
        fields[name] = (value, cue)
    for name, found in _veto_fields(s).items():
        fields.setdefault(name, found)
    agreement = bool(s.named or R.AGREEMENT_NOUN.search(text))
    if predicate := _predicate(s, doc, agreement):
        fields.setdefault("predicate", predicate)
    positive = [(a, b) for (a, b), neg in negated.items() if not neg]
    strong = any(R.STRONG_AMENABILITY.search(text, a, b + 40) for a, b in positive)
    transfer = any(R.TRANSFER_VERB.match(text, a) or R.RECEIVE_VERB.match(text, a) for a, _ in positive)
    # "Vietnamese citizens are also covered": the agreement or transfer of the sentences just before is in view.
    continued = bool(R.ADDITIVE.search(text)) and any(
        p.named or R.AGREEMENT_NOUN.search(p.text) or R.TRANSFER_VERB.search(p.text) for p in previous if not p.is_title)
    if "predicate" not in fields and not (strong or transfer or agreement or continued or R.POLICY_NOUN.search(text)):
        fields["predicate"] = ("unclear", "a bare 'include' with no agreement or rule in view")
    sender = s.sender
    found = receivers(s.roles, ("destination",), sender=sender)
    how = "destination or partner named in the sentence"
    if not found:
        # "Guatemala will take in Hondurans", "Uganda ya recibe a eritreos … en el marco de un arreglo con Estados
        # Unidos": the receiving country is the subject; a partner named after the verb is the other party.
        receive = [m.start() for m in R.RECEIVE_VERB.finditer(text) if not negated.get((m.start(), m.end()))]
        partners = receivers(s.roles, ("partner", "state"), sender=sender)
        subject = [r for r in receivers(s.roles, ("other",), sender=sender) if receive and r.mention.start < receive[0]]
        if subject and not any(r.mention.start < receive[0] for r in partners):
            found, how = subject[:1], "subject of a receive verb"
        else:
            found = partners
    if not found and R.THERE_ANAPHOR.search(text):  # "who transit through Guatemala ... sent there"
        populations = {p.mention.code for p in s.roles if p.role == "population"}
        found = [r for r in receivers(s.roles, ("other",), sender=sender) if r.mention.code not in populations][:1]
        how = "'there' after a country the sentence names"
    explicit = bool(found)
    if not found and (asked := receivers(s.roles, ("protection_in",), sender=sender)):
        found, how = asked, "where protection is sought"
    # "sent to the South American country": the document's partner, described rather than named.
    described = transfer and bool(R.DESTINATION_ANAPHOR.search(text)) and doc.partner is not None
    fallback, fallback_cue, deictic = None, "", False
    if not found and (strong or agreement or described or continued or (transfer and doc.context)
                      or R.POLICY_NOUN.search(text)):
        if doc.speaker and (deixis := R.SPEAKER_COUNTRY.search(text)):
            fallback, fallback_cue, deictic = doc.speaker, f"{deixis.group()!r}: the state of {doc.speaker_cue!r}", True
        elif doc.here and (deixis := R.HERE.search(text)):
            fallback, fallback_cue, deictic = doc.here, f"{deixis.group()!r} in a report from {doc.here_cue!r}", True
        elif context := _context_receivers(s, previous)[0]:
            found, how = context, "named just before"
        elif doc.partner:
            fallback, fallback_cue = doc.partner, "the document's agreement partner"
        elif doc.receiver:
            fallback, fallback_cue = doc.receiver, doc.receiver_cue
    base = 0.5 if strong else 0.45
    confidence = score(text, base, explicit=explicit or described, fallback=fallback is not None and not described,
                       is_title=s.is_title)
    breaks = [m.start() for m in R.CLAUSE_BREAK.finditer(text)]
    receiving_signal = ("receiving:sentence" if explicit or described else "receiving:context" if found
                        else "receiving:here" if deictic else "receiving:document" if fallback else "receiving:none")
    return Statement(s, fields, negated, found, how, fallback, fallback_cue, confidence, breaks,
                     _signals(text, s, strong=strong, transfer=transfer, agreement=agreement) | {receiving_signal})


def _signals(text: str, s: Sentence, *, strong: bool, transfer: bool, agreement: bool) -> frozenset[str]:
    """The evidence a statement offers, named (see detect/confidence.py)."""
    found = {"trigger:strong" if strong else "trigger:transfer" if transfer else "trigger:weak"}
    if s.named:
        found.add("agreement:named")
    elif agreement:
        found.add("agreement:noun")
    for name, rx in (("official", C.OFFICIAL), ("confirmed", C.CONFIRM), ("now", C.NOW),
                     ("deportation_word", C.DEPORTATION), ("court_word", C.COURT), ("future", C.FUTURE)):
        if rx.search(text):
            found.add(name)
    softs = [m for m in C.SOFT_MODALITY.finditer(text) if not C.MAY_DECISION.match(text, m.start())]
    if softs:
        found.add("soft_modality")
    if s.is_title:
        found.add("title")
    return frozenset(found)


_PARTICIPLE = re.compile(r"\w+(?:ad[oa]s?|id[oa]s?|ed)$|^(?:sent|flown)$", re.IGNORECASE)


def _modifier(text: str, trigger: tuple[int, int], anchor: int) -> bool:
    """A participle right after the population describes it ("cubanos enviados desde Estados Unidos"):
    the verb that governs the population is another one ("dejará de recibir")."""
    return 0 <= trigger[0] - anchor <= 2 and bool(_PARTICIPLE.search(text[trigger[0] : trigger[1]]))


def _population_negated(st: Statement, population: Role) -> bool:
    """Whether a population is denied after it ("Cubans are not among them") or all verbs governing it are negated."""
    text, triggers = st.sentence.text, st.negated
    if C.POST_NEGATION.match(text, population.anchor):
        return True
    clause = bisect.bisect(st.breaks, population.anchor - 1)
    governing = [t for t in triggers if bisect.bisect(st.breaks, t[0]) == clause
                 and not _modifier(text, t, population.anchor)]
    if governing:
        return all(triggers[t] for t in governing)
    return triggers[min(triggers, key=lambda t: abs(t[0] - population.mention.start))]


def _claim(st: Statement, code: str, surface: str, position: int, *, source: str,
           extra: dict[str, tuple[str, str]]) -> Claim:
    s = st.sentence
    if st.receivers:
        later = [r for r in st.receivers if r.mention.start > position]
        chosen = (later or st.receivers)[0]
        receiving, receiving_cue = chosen.mention.code, f"{chosen.mention.text}: {st.receiving_cue}"
    else:
        receiving, receiving_cue = st.fallback, st.fallback_cue
    claim = Claim(population=code, receiving=receiving, evidence=s.text, start=s.start, sending=s.sender,
                  source=source, confidence=st.confidence, cues=(Cue("population", code, surface),),
                  signals=st.signals | {f"source:{source}"})
    if receiving:
        claim = claim.with_(receiving_cue, receiving=receiving)
    if s.background:
        claim = claim.with_("dated before the document", time="recap")
    for name, (value, cue) in {**st.fields, **extra}.items():
        claim = claim.with_(cue, **{name: value})
    return claim


def amenable(s: Sentence, doc: Doc, previous: tuple[Sentence, ...] = ()) -> list[Claim]:
    """One claim per nationality the sentence names, with its fields set."""
    populations = [r for r in s.roles if r.role == "population" and not r.negated and r.mention.code != s.sender]
    if not populations:
        return []
    st = statement(s, doc, previous)
    if st is None:
        return []
    source = "title" if s.is_title else "sentence"
    claims = []
    for pop in populations:
        extra: dict[str, tuple[str, str]] = {}
        if "polarity" not in st.fields and _population_negated(st, pop):
            post = C.POST_NEGATION.match(s.text, pop.anchor)
            extra["polarity"] = ("denied", post.group().strip() if post else "the verbs governing it are negated")
        claims.append(_claim(st, pop.mention.code, pop.mention.text, pop.mention.start, source=source, extra=extra))
    return claims


def listed(st: Statement, items: list[tuple[str, str, Item]], *, kind: str, published: dt.date | None) -> list[Claim]:
    """One claim per item of the list or table `st` introduces: (code, surface, item). A row
    that excludes or suspends is denied; a row effective before the document is a recap."""
    claims = []
    for code, surface, item in items:
        extra: dict[str, tuple[str, str]] = {}
        if item.excluded:
            extra["polarity"] = ("denied", item.row)
        if item.date and published and item.date < published:
            extra["time"] = ("recap", f"effective {item.date.isoformat()}, before the document")
        claim = _claim(st, code, surface, len(st.sentence.text), source=kind, extra=extra)
        partner = next((m for m in find_mentions(item.receiving) if m.code != code), None) if item.receiving else None
        if partner is not None and partner.code != claim.receiving:
            claim = claim.with_(f"{partner.text}: the row's partner column", receiving=partner.code)
        claims.append(claim.with_(evidence=f"{st.sentence.text} … {item.row}"))
    return claims
