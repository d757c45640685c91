"""Candidate events of one sentence: `made_amenable` and the lifecycle actions, scored.

A sentence proposes `made_amenable` when a trigger (transfer verb, "amenable", "eligible",
"subject to", "podrán ser trasladados", a receive verb) governs a population, and a lifecycle
action when one of its verbs has the agreement (not a ruling, a tariff or a termination) for
subject or object. Candidates are dropped under negation, speculation, denials, critics,
court arguments, recommendations and neighbouring policies (MPP, Title 42, deportation,
prisons); modality is read in the trigger's own clause. The receiving country is the
sentence's destination or partner, else the document's partner, else its dominant country.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass

from monitor.detect import cues as C
from monitor.detect import rules as R
from monitor.detect.roles import SENDING_STATE, Role, before, receivers, sentence_roles

__all__ = ["Doc", "Sentence", "amenable", "has_veto", "lifecycle", "make_sentence", "score", "transfer_receiver"]

_EXPLICIT_ROLES = ("destination", "partner", "state")


@dataclass(frozen=True)
class Sentence:
    """One sentence with what every rule family asks of it, computed once."""

    text: str
    start: int
    is_title: bool
    roles: tuple[Role, ...]
    background: bool = False
    named: bool = False  # names an asylum transfer agreement
    veto: bool = False  # question, speculation, denial, critics, court arguments, MPP or Title 42
    neighbours: bool = False  # about MPP / Remain in Mexico or Title 42


def make_sentence(text: str, start: int, *, is_title: bool, background: bool) -> Sentence:
    return Sentence(text, start, is_title, sentence_roles(text), background, named=_names_agreement(text),
                    veto=has_veto(text), neighbours=_other_policy(text))


@dataclass(frozen=True)
class Doc:
    topic: bool  # the document names an asylum transfer agreement
    context: bool  # ... or at least speaks of an agreement and of asylum or transfers, not of MPP / Title 42
    partner: str | None  # the one partner country the document's agreement sentences name, if any
    dominant: str | None  # failing that, the one foreign country the document names most
    published: dt.date | None
    partners: tuple[str, ...] = ()  # every partner its agreement sentences name, for "the Agreements"
    trade: bool = False  # the headline or lead is about a trade or security agreement
    neighbour_subject: bool = False  # the headline or lead is about MPP / Remain in Mexico or Title 42


def _names_agreement(sentence: str) -> bool:
    return bool(R.NAMED_AGREEMENT.search(sentence))


def _other_policy(sentence: str) -> bool:
    return bool(C.MPP.search(sentence) or C.TITLE_42.search(sentence))


def has_veto(sentence: str) -> bool:
    """Questions, speculation, denial, critics, court arguments, MPP or Title 42: not an event."""
    if C.QUESTION.search(sentence):
        return True
    for match in C.SPECULATION.finditer(sentence):
        if match.group().lower() in ("if", "si") and C.CONDITION_OK.match(sentence, match.start()):
            continue
        return True
    return _other_policy(sentence) or any(rx.search(sentence) for rx in (C.DENIAL, C.CRITIC, C.COURT_ARGUMENT))


def _clause_before(text: str, position: int) -> str:
    """The trigger's clause up to the trigger: from the last clause edge or relative pronoun."""
    head = before(text, position)
    edges = list(R.RELATIVE_BREAK.finditer(head))
    return head[edges[-1].end() :] if edges else head


def _called_for(text: str, position: int) -> bool:
    """A recommendation or an imperative, not a fact: "should be terminated", "To X: withdraw from it"."""
    clause = _clause_before(text, position)
    return bool(C.RECOMMENDATION.search(clause) or C.IMPERATIVE_BEFORE.search(before(text, position)))


def _is_trade(text: str, doc: Doc) -> bool:
    """A trade or security deal: named so in the sentence, or the document's subject and the sentence's vocabulary."""
    return bool(R.TRADE_AGREEMENT.search(text) or (doc.trade and R.TRADE_SECURITY.search(text)))


def _hypothetical(text: str, position: int) -> bool:
    """ "The agreement would let Washington send ...": "would" in the trigger's clause, not reported speech."""
    clause = _clause_before(text, position)
    hypothesis = C.HYPOTHETICAL.search(clause)
    return bool(hypothesis) and not C.REPORTING.search(text[: position - len(clause) + hypothesis.start()])


def score(sentence: str, base: float, *, explicit: bool, fallback: bool, is_title: bool, soft: float = 0.1,
          modality_scope: str | None = None) -> float:
    """Confidence of an event: trigger strength, naming of the agreement, official attribution, modality.

    Soft modality ("would", "expected to") is read in `modality_scope` (the trigger's clause) when given.
    """
    value = base + (0.05 if explicit else 0.0) - (0.05 if fallback else 0.0)
    if _names_agreement(sentence):
        value += 0.15
    elif R.AGREEMENT_NOUN.search(sentence):
        value += 0.07
    value += 0.1 if C.OFFICIAL.search(sentence) else 0.0
    value += 0.05 if C.CONFIRM.search(sentence) else 0.0
    value += 0.03 if C.NOW.search(sentence) else 0.0
    scope = sentence if modality_scope is None else modality_scope
    softs = [m for m in C.SOFT_MODALITY.finditer(scope) if not C.MAY_DECISION.match(scope, m.start())]
    value -= soft * min(len(softs), 2)
    value -= 0.15 if C.DEPORTATION.search(sentence) else 0.0
    value -= 0.15 if C.COURT.search(sentence) else 0.0
    value -= 0.05 if is_title else 0.0
    return round(max(0.0, min(0.99, value)), 2)


def _population_negated(text: str, population: Role, triggers: dict[tuple[int, int], bool], breaks: list[int]) -> bool:
    """Whether a population is denied after it ("Cubans are not among them") or all verbs governing it are negated."""
    if C.POST_NEGATION.match(text, population.anchor):
        return True
    clause = bisect.bisect(breaks, population.anchor - 1)
    governing = [t for t in triggers if bisect.bisect(breaks, t[0]) == clause]
    if governing:
        return all(triggers[t] for t in governing)
    return triggers[min(triggers, key=lambda t: abs(t[0] - population.mention.start))]


def _document_receiver(doc: Doc) -> str | None:
    return doc.partner or doc.dominant


def amenable(s: Sentence, doc: Doc) -> list[tuple[str, str, float]]:
    """(receiving, population, confidence) for each nationality the sentence makes transferable."""
    text = s.text
    triggers = sorted(
        [(m.start(), m.end()) for rx in (R.AMENABILITY, R.TRANSFER_VERB, R.RECEIVE_VERB) for m in rx.finditer(text)]
    )
    if not triggers:
        return []
    negated = {t: bool(C.NEGATION_BEFORE.search(before(text, t[0]))) or _called_for(text, t[0])
               or _hypothetical(text, t[0]) for t in triggers}
    negated.update({(m.start(), m.end()): True for m in R.EXCLUSION.finditer(text)})
    if all(negated.values()) or s.veto or _is_trade(text, doc) or any(
        rx.search(text) for rx in (C.OWN_COUNTRY, C.CRIMINAL)
    ):
        return []
    if C.DEPORTATION.search(text) and not (s.named or R.ASYLUM_WORD.search(text)):
        return []  # "sent 80 Venezuelans to Honduras on a deportation flight": a removal, not an asylum transfer
    agreement = bool(s.named or R.AGREEMENT_NOUN.search(text))
    if not (doc.context or agreement):
        return []
    if doc.neighbour_subject and not s.named:
        return []  # in an MPP / Title 42 story, "eligible to be returned under the program" is that program
    positive = [(a, b) for (a, b), neg in negated.items() if not neg]
    strong = any(R.STRONG_AMENABILITY.search(text, a, b + 40) for a, b in positive)
    transfer = any(R.TRANSFER_VERB.match(text, a) or R.RECEIVE_VERB.match(text, a) for a, _ in positive)
    if not (strong or transfer or agreement or R.POLICY_NOUN.search(text)):
        return []  # "apprehensions included Hondurans": "include" alone needs an agreement or rule in view
    populations = [r for r in s.roles if r.role == "population" and not r.negated and r.mention.code != SENDING_STATE]
    if not populations:
        return []
    found_receivers = receivers(s.roles, ("destination",)) or receivers(s.roles, ("partner", "state"))
    if not found_receivers:  # "Guatemala will take in Hondurans": the receiving country is the subject
        receive = [m.start() for m in R.RECEIVE_VERB.finditer(text) if not negated.get((m.start(), m.end()))]
        found_receivers = [r for r in receivers(s.roles, ("other",)) if receive and r.mention.start < receive[0]]
    if not found_receivers and R.THERE_ANAPHOR.search(text):  # "who transit through Guatemala ... sent there"
        found_receivers = [r for r in receivers(s.roles, ("other",)) if r.mention.code not in
                           {p.mention.code for p in s.roles if p.role == "population"}][:1]
    explicit = bool(found_receivers)
    found_receivers = found_receivers or receivers(s.roles, ("protection_in",))
    # "sent to the South American country": the document's partner, described rather than named.
    described = transfer and bool(R.DESTINATION_ANAPHOR.search(text)) and doc.partner is not None
    document_receiver = doc.partner or (doc.dominant if strong and s.named else None)
    fallback = not found_receivers and document_receiver is not None and (strong or agreement or described)
    base = 0.5 if strong else 0.45
    confidence = score(text, base, explicit=explicit or described, fallback=fallback and not described,
                       is_title=s.is_title)
    breaks = [m.start() for m in R.CLAUSE_BREAK.finditer(text)]
    found = []
    for pop in populations:
        if _population_negated(text, pop, negated, breaks):
            continue
        if found_receivers:
            later = [r for r in found_receivers if r.mention.start > pop.mention.start]
            receiving = (later or found_receivers)[0].mention.code
        elif fallback and document_receiver:
            receiving = document_receiver
        else:
            continue
        if receiving != pop.mention.code:  # sending people to their own country is a deportation
            found.append((receiving, pop.mention.code, confidence))
    return found


def _lifecycle_actions(s: Sentence, doc: Doc, named: bool) -> list[tuple[str, bool, str]]:
    """(action, descriptive, clause) for each lifecycle verb of the sentence that has the agreement in view."""
    text = s.text
    actions = []
    for action, rx in R.LIFECYCLE.items():
        for match in rx.finditer(text):
            start = match.start()
            if C.NEGATION_BEFORE.search(before(text, start)) or _called_for(text, start):
                continue
            clause = _clause_before(text, start)
            if C.LIFECYCLE_MODALITY.search(clause):
                continue  # "may enter into force", "is expected to take effect", "how it would be implemented"
            if C.FUTURE.search(clause + match.group()) and R.CONDITION_AFTER.match(text, match.end()):
                continue  # "will enter into force once both parties ...": conditional
            if action == "agreement_signed" and C.FUTURE_SIGNING.search(text, max(0, start - 30), match.end()):
                continue  # "will sign next week", "firmarán": not yet concluded
            if C.NOMINAL_TRIGGER.search(match.group()) and (C.GENERIC_RULE.search(text) or C.FUTURE.search(text)):
                continue  # "Under its terms, termination takes effect after 90 days"; "the start date will be set"
            if C.WRONG_SUBJECT_BEFORE.search(before(text, start)) or C.WRONG_OBJECT_AFTER.match(text, match.end()):
                continue  # "the ruling on hold", "termination takes effect", "suspended her declaration"
            if R.BEGAN_TRANSFERS.match(text, start) and any(r.role == "population" for r in s.roles):
                continue  # "began sending Mexicans to Guatemala" widens who is sent: made_amenable
            window = text[max(0, start - 100) : match.end() + 100]
            near = R.AGREEMENT_NOUN.search(window) or (
                action in ("agreement_in_force", "agreement_suspended") and R.TRANSFERS_NOUN.search(window)
            )
            if named or (near and (doc.context or R.ASYLUM_WORD.search(text))):
                # "the agreement, signed in July, ...": a participle describing the agreement is background.
                descriptive = action == "agreement_signed" and _describes_agreement(text, start, match.group())
                actions.append((action, descriptive, clause + match.group()))
                break
    return actions


def _describes_agreement(text: str, start: int, verb: str) -> bool:
    """Whether a signing verb only describes the agreement: "the deal, signed in July", "which was brokered"."""
    head = before(text, start)
    if R.RELATIVE_ABOUT_AGREEMENT.search(head):
        return True
    participle = verb.lower().endswith(("ed", "ado", "ada", "ito", "ita", "to"))
    return participle and bool(R.AGREEMENT_BEFORE_PARTICIPLE.search(head)) and not R.AUXILIARY_BEFORE.search(head)


def lifecycle(s: Sentence, doc: Doc) -> list[tuple[str, str, float, bool]]:
    """(action, receiving, confidence, descriptive) for each agreement lifecycle step the sentence reports."""
    text = s.text
    named = s.named
    if not named and (R.INTERNATIONAL_LAW.search(text) or R.TRADE_SECURITY.search(text) or doc.trade):
        return []
    if R.TRADE_AGREEMENT.search(text):
        return []
    if s.veto or C.CRIMINAL.search(text):
        return []
    actions = _lifecycle_actions(s, doc, named)
    if not actions:
        return []
    found_receivers = receivers(s.roles, _EXPLICIT_ROLES)
    explicit = bool(found_receivers)
    found_receivers = found_receivers or receivers(s.roles, ("other", "protection_in"))
    codes = list(dict.fromkeys(r.mention.code for r in found_receivers))
    fallback = not codes and bool(named or R.DEFINITE_AGREEMENT.search(text) or R.TRANSFERS_NOUN.search(text)
                                  or R.PLURAL_AGREEMENTS.search(text))
    if fallback and R.PLURAL_AGREEMENTS.search(text) and len(doc.partners) > 1:
        codes = list(doc.partners)  # "suspended the Agreements": all of them
    elif fallback and _document_receiver(doc):
        codes = [_document_receiver(doc)]  # type: ignore[list-item]
    found = []
    for action, descriptive, clause in actions:
        # "is expected to take effect": not yet a fact, so modality in the trigger's clause weighs harder.
        confidence = score(text, 0.5, explicit=explicit, fallback=fallback, is_title=s.is_title, soft=0.2,
                           modality_scope=clause)
        found.extend((action, code, confidence, descriptive) for code in codes)
    return found


def transfer_receiver(s: Sentence, doc: Doc) -> str | None:
    """The country people were moved to in a sentence that reports a transfer, for the sentence after it."""
    text = s.text
    moved = any(rx.search(text) for rx in (R.TRANSFER_VERB, R.RECEIVE_VERB, R.ARRIVAL_VERB, R.FIRST_TRANSFER))
    if not moved or s.veto or any(
        rx.search(text) for rx in (C.OWN_COUNTRY, C.CRIMINAL, C.DEPORTATION, R.TRADE_SECURITY)
    ):
        return None
    if not (doc.topic or s.named):
        return None
    found = receivers(s.roles, ("destination",)) or receivers(s.roles, ("partner", "state", "other"))
    populations = {r.mention.code for r in s.roles if r.role == "population"}
    found = [r for r in found if r.mention.code not in populations]
    if found:
        return found[0].mention.code
    return _document_receiver(doc)
