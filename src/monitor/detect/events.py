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

import datetime as dt
import re
from dataclasses import dataclass

from monitor.detect import cues as C
from monitor.detect import rules as R
from monitor.detect.roles import SENDING_STATE, Role, before, receivers, sentence_roles

__all__ = ["Doc", "Sentence", "called_for", "clause_before", "document_receiver", "has_veto", "hypothetical", "is_trade",
           "lifecycle", "make_sentence", "narrows_coverage", "score", "transfer_receiver"]

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
    sender: str = SENDING_STATE  # the document's sending state (detect/parties.py)
    active: bool = True  # names the agreement or a population, or has a trigger: the rules read it


# Any word a rule of this module or amenable.py starts from: a sentence without one (and without a
# population or an agreement's name) proposes nothing, so its vetoes and dates are never read.
_ACTIVE = (R.AMENABILITY, R.TRANSFER_VERB, R.RECEIVE_VERB, *R.LIFECYCLE.values(), C.COURT_DECISION)


def make_sentence(text: str, start: int, *, is_title: bool, background: bool, sender: str = SENDING_STATE) -> Sentence:
    roles = sentence_roles(text, sender)
    named = _names_agreement(text)
    active = named or any(r.role == "population" for r in roles) or any(rx.search(text) for rx in _ACTIVE)
    return Sentence(text, start, is_title, roles, background, named=named, veto=active and has_veto(text),
                    neighbours=_other_policy(text), sender=sender, active=active)


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
    receiver: str | None = None  # the receiving state the whole document points to most (detect/engine.py)
    receiver_cue: str = ""
    here: str | None = None  # where "here", "aquí", "al país" point: the dateline's country, if it receives
    here_cue: str = ""
    speaker: str | None = None  # where "our country", "su país" point: the state whose official speaks
    speaker_cue: str = ""


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


def clause_before(text: str, position: int) -> str:
    """The trigger's clause up to the trigger: from the last clause edge or relative pronoun."""
    head = before(text, position)
    edges = list(R.RELATIVE_BREAK.finditer(head))
    return head[edges[-1].end() :] if edges else head


def called_for(text: str, position: int) -> bool:
    """A recommendation or an imperative, not a fact: "should be terminated", "To X: withdraw from it"."""
    clause = clause_before(text, position)
    return bool(C.RECOMMENDATION.search(clause) or C.IMPERATIVE_BEFORE.search(before(text, position)))


def is_trade(text: str, doc: Doc) -> bool:
    """A trade or security deal: named so in the sentence, or the document's subject and the sentence's vocabulary."""
    return bool(R.TRADE_AGREEMENT.search(text) or (doc.trade and R.TRADE_SECURITY.search(text)))


def hypothetical(text: str, position: int) -> bool:
    """ "The agreement would let Washington send ...": "would" in the trigger's clause, not reported speech."""
    clause = clause_before(text, position)
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


def document_receiver(doc: Doc) -> str | None:
    """The document's receiving state: its agreement partner, else the foreign country it names most."""
    return doc.partner or doc.dominant


def _lifecycle_actions(s: Sentence, doc: Doc, named: bool) -> list[tuple[str, bool, str, int]]:
    """(action, descriptive, clause, position) for each lifecycle verb of the sentence that has the agreement in view."""
    text = s.text
    actions = []
    for action, rx in R.LIFECYCLE.items():
        for match in rx.finditer(text):
            start = match.start()
            if C.NEGATION_BEFORE.search(before(text, start)) or called_for(text, start):
                continue
            clause = clause_before(text, start)
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
            if R.FIRST_TRANSFER.match(text, start) and (R.NOT_YET_BEFORE.search(before(text, start))
                                                         or R.NEGATED_AFTER_STEP.match(text, match.end())
                                                         or (_STILL_TO_COME.match(text, match.end())
                                                             and not R.ARRIVAL_VERB.search(text))):
                continue  # "funded before the first flight", "hasta el primer traslado": not yet
            if R.BEGAN_TRANSFERS.match(text, start) and any(
                    r.role == "population" and 0 <= r.mention.start - match.end() <= 60 for r in s.roles):
                continue  # "began sending Mexicans to Guatemala" widens who is sent: made_amenable
            if action in ("agreement_suspended", "agreement_terminated") and _one_population(s, match.end()):
                continue  # "se suspende la aplicación ... a las personas de nacionalidad venezolana": coverage
            window = text[max(0, start - 100) : match.end() + 100]
            near = R.AGREEMENT_NOUN.search(window) or (
                action in ("agreement_in_force", "agreement_suspended") and R.TRANSFERS_NOUN.search(window)
            )
            if named or (near and (doc.context or R.ASYLUM_WORD.search(text))):
                actions.append((action, _descriptive(action, text, match, clause), clause + match.group(), start))
                break
    return actions


def _descriptive(action: str, text: str, match: re.Match[str], clause: str) -> bool:
    """Whether a lifecycle verb only describes the agreement, so its step is background: "the agreement,
    signed in July", "in force since December", "designated when the agreement took effect"."""
    if R.SUBORDINATE_BEFORE.search(clause):
        return True
    if action == "agreement_signed":
        return _describes_agreement(text, match.start(), match.group())
    return action == "agreement_in_force" and bool(R.IN_FORCE_SINCE.match(match.group()))


def narrows_coverage(s: Sentence, doc: Doc) -> bool:
    """A suspension or termination limited to one population of an agreement in view: news of who is
    covered (the document is relevant), though neither the agreement's suspension nor `made_amenable`."""
    if s.veto or s.background or not (s.named or doc.context):
        return False
    for action in ("agreement_suspended", "agreement_terminated"):
        for match in R.LIFECYCLE[action].finditer(s.text):
            if C.NEGATION_BEFORE.search(before(s.text, match.start())):
                continue
            if _one_population(s, match.end()) and (s.named or R.AGREEMENT_NOUN.search(s.text)):
                return True
    return False


def _one_population(s: Sentence, end: int) -> bool:
    """Whether the suspension or termination ending at `end` is limited to a population named in its own
    clause ("suspends application to Venezuelan nationals"): a change of who is covered, not of the agreement."""
    for r in s.roles:
        if r.role != "population" or r.negated or r.mention.start < end or r.mention.start - end > 180:
            continue
        between = s.text[end : r.mention.start]
        if not R.SCOPE_BREAK.search(between):
            return True
    return False


def _describes_agreement(text: str, start: int, verb: str) -> bool:
    """Whether a signing verb only describes the agreement: "the deal, signed in July", "which was brokered"."""
    head = before(text, start)
    if R.RELATIVE_ABOUT_AGREEMENT.search(head) or R.OBJECT_RELATIVE_ABOUT_AGREEMENT.search(head):
        return True
    participle = verb.lower().endswith(("ed", "ado", "ada", "ito", "ita", "to"))
    if participle and _AFTER_TITLE.search(head):
        return True  # «Acuerdo … de protección», firmado en septiembre: a quoted title of any length, described
    return participle and bool(R.AGREEMENT_BEFORE_PARTICIPLE.search(head)) and not R.AUXILIARY_BEFORE.search(head)


# "the first group of people to be covered by the memorandum": chosen, not yet moved
_STILL_TO_COME = re.compile(r"\s+(?:[\w'’]+\s+){0,3}?(?:to\s+be|que\s+ser[aá]n?|por\s+ser)\s+(?:covered|transferred|sent|"
                            r"flown|relocated|moved|trasladad|enviad|reubicad)", re.IGNORECASE)
_FROM_BEFORE = re.compile(r"\b(?:from|desde|procedente\s+de|proveniente\s+de)\s+(?:the\s+|el\s+|la\s+)?$", re.IGNORECASE)
_AFTER_TITLE = re.compile(r"[\"”»]\s*,\s*$")


def lifecycle(s: Sentence, doc: Doc, previous: Sentence | None = None) -> list[tuple[str, str, float, bool]]:
    """(action, receiving, confidence, descriptive) for each agreement lifecycle step the sentence reports.

    "Those deals" / "estos acuerdos" point back at the agreements the previous sentence names."""
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
    found_receivers = receivers(s.roles, _EXPLICIT_ROLES, sender=s.sender)
    explicit = bool(found_receivers)
    found_receivers = found_receivers or [r for r in receivers(s.roles, ("other", "protection_in"), sender=s.sender)
                                          if not _FROM_BEFORE.search(before(text, r.mention.start))]
    codes = list(dict.fromkeys(r.mention.code for r in found_receivers))
    definite = bool(named or R.DEFINITE_AGREEMENT.search(text) or R.TRANSFERS_NOUN.search(text))
    plural = not codes and not definite and bool(R.PLURAL_AGREEMENTS.search(text))  # "the Agreements" alone
    fallback = (not codes and definite) or plural
    if plural and previous is not None and R.ANAPHORIC_AGREEMENTS.search(text):
        codes = list(dict.fromkeys(r.mention.code for r in receivers(previous.roles, _EXPLICIT_ROLES, sender=s.sender)))
    elif plural and len(doc.partners) > 1:
        codes = list(doc.partners)  # "suspended the Agreements": all of them
    elif plural:
        codes = []  # "Those deals were terminated": other agreements than the document's one
    elif fallback and document_receiver(doc):
        codes = [document_receiver(doc)]  # type: ignore[list-item]
    found = []
    for action, descriptive, clause, position in actions:
        # "is expected to take effect": not yet a fact, so modality in the trigger's clause weighs harder.
        confidence = score(text, 0.5, explicit=explicit, fallback=fallback, is_title=s.is_title, soft=0.2,
                           modality_scope=clause)
        own = _clause_codes(text, position, found_receivers) if explicit else []
        found.extend((action, code, confidence, descriptive) for code in (own or codes))
    return found


def _clause_codes(text: str, position: int, found: list[Role]) -> list[str]:
    """The receivers named in the trigger's own coordinated clause, when it names any: in "only the
    Guatemala agreement became operational, and all three were terminated", operational is Guatemala's."""
    edges = [m.end() for m in R.COORDINATED_CLAUSE.finditer(text) if m.end() <= position]
    start = edges[-1] if edges else 0
    following = R.COORDINATED_CLAUSE.search(text, position)
    end = following.start() if following else len(text)
    return list(dict.fromkeys(r.mention.code for r in found if start <= r.mention.start < end))


def transfer_receiver(s: Sentence, doc: Doc) -> str | None:
    """The country people were moved to in a sentence that reports a transfer, for the sentence after it."""
    text = s.text
    moved = any(rx.search(text) for rx in (R.TRANSFER_VERB, R.RECEIVE_VERB, R.ARRIVAL_VERB, R.FIRST_TRANSFER))
    if not moved or s.veto or any(
        rx.search(text) for rx in (C.OWN_COUNTRY, C.CRIMINAL, C.DEPORTATION, R.TRADE_SECURITY)
    ):
        return None
    if not (s.named or doc.context):  # doc.context includes doc.topic
        return None
    found = receivers(s.roles, ("destination",), sender=s.sender) or receivers(s.roles, ("partner", "state", "other"), sender=s.sender)
    populations = {r.mention.code for r in s.roles if r.role == "population"}
    # "a plane from Christmas Island": where it came from is not where people were taken
    found = [r for r in found if r.mention.code not in populations and not _FROM_BEFORE.search(before(text, r.mention.start))]
    if found:
        return found[0].mention.code
    return doc.partner or doc.here or doc.dominant  # people moved: the dateline names where they landed
