"""The detection engine: plain text in, a `Detection` (events, relevance, affected count) out.

Steps: (1) split the text into sentences, keeping exact offsets so evidence is quotable;
(2) per sentence, find country and nationality mentions and give each a role (destination,
partner, population, border, ...); (3) read the document once for its topic and its usual
partner country; (4) per sentence, propose `made_amenable` and lifecycle events, drop those
vetoed by negation, speculation, critics, court arguments or MPP / Title 42 / deportation
contexts, and score the rest; (5) keep one event per (action, receiving, population),
preferring body sentences over the headline. Pure: no I/O, no state between calls.
"""

from __future__ import annotations

import bisect
import datetime as dt
import logging
from collections import Counter
from dataclasses import dataclass

from monitor.detect import rules as R
from monitor.detect.gazetteer import Mention, find_mentions
from monitor.detect.text import affected_count, is_background, split_sentences
from monitor.extract.language import detect_language
from monitor.models import ACTIONS, Detection, Event

__all__ = ["detect", "MIN_CONFIDENCE", "SENDING_STATE"]

logger = logging.getLogger(__name__)

SENDING_STATE = "US"  # the state whose agreements the monitor watches; never a receiving country
MIN_CONFIDENCE = 0.45
_EXPLICIT_ROLES = ("destination", "partner", "state")
_WINDOW = 160  # characters of context looked at on each side of a mention or trigger


@dataclass(frozen=True)
class _Role:
    mention: Mention
    role: str  # destination | partner | state | protection_in | population | border | other
    negated: bool = False
    anchor: int = 0  # end of the list the mention belongs to: its clause decides which verb governs it


@dataclass(frozen=True)
class _Sentence:
    text: str
    start: int
    is_title: bool
    roles: tuple[_Role, ...]


@dataclass(frozen=True)
class _Doc:
    topic: bool  # the document names an asylum transfer agreement
    context: bool  # ... or at least speaks of an agreement and of asylum or transfers, not of MPP / Title 42
    partner: str | None  # the one partner country the document is about, if any
    published: dt.date | None


@dataclass(frozen=True)
class _Candidate:
    event: Event
    is_title: bool
    position: int


def _before(text: str, position: int) -> str:
    """The text just before `position`: cues are local, and bounding them keeps long lines linear."""
    return text[max(0, position - _WINDOW) : position]


def _after(text: str, position: int) -> str:
    return text[position : position + _WINDOW]


def _mention_role(sentence: str, mention: Mention) -> str:
    before, after = _before(sentence, mention.start), _after(sentence, mention.end)
    if mention.kind == "demonym":
        if R.PARTNER_AFTER.match(after):
            return "state"
        if R.NATIONALITY_BEFORE.search(before) or R.PEOPLE_BEFORE.search(before):
            return "population"
        if mention.plural and not R.GOVERNMENT_BEFORE.search(before):
            return "population"
        return "other"
    if R.BORDER_AFTER.match(after) or R.BORDER_BEFORE.search(before):
        return "border"
    if R.POPULATION_MARKER.search(before):
        return "population"
    if R.PARTNER_AFTER.match(after) or R.PARTNER_BEFORE.search(before) or R.BETWEEN.search(before):
        return "partner"
    window = before[-120:]
    if (R.DESTINATION_EN.search(before) and R.TRANSFER_VERB.search(window)) or (
        R.DESTINATION_ES.search(before) and R.SPANISH_TRANSFER_VERB.search(window)
    ):
        return "destination"
    if R.PROTECTION_IN.search(before):
        return "protection_in"
    return "other"


def _chains(sentence: str, mentions: list[Mention]) -> list[list[Mention]]:
    """Group mentions joined only by list separators ("Hondurans, Salvadorans and Nicaraguans")."""
    chains: list[list[Mention]] = []
    for mention in mentions:
        previous = chains[-1][-1] if chains else None
        if previous and previous.kind == mention.kind and R.LIST_GAP.match(sentence[previous.end : mention.start]):
            chains[-1].append(mention)
        else:
            chains.append([mention])
    return chains


def _roles(sentence: str) -> tuple[_Role, ...]:
    """Each mention's role; members of a list share the role its head or tail context gives."""
    roles: list[_Role] = []
    for chain in _chains(sentence, find_mentions(sentence)):
        first, last = chain[0], chain[-1]
        head_before, tail_after = _before(sentence, first.start), _after(sentence, last.end)
        own = [_mention_role(sentence, m) for m in chain]
        if first.kind == "demonym" and R.PARTNER_AFTER.match(tail_after):
            shared = "state"
        elif first.kind == "demonym" and R.PEOPLE_AFTER.match(tail_after):
            shared = "population"
        else:
            shared = next((role for role in own if role != "other"), "other")
        marker = R.POPULATION_MARKER.search(head_before) if first.kind == "country" else None
        scope = head_before[: marker.start()] if marker else head_before
        negated = bool(R.NEGATED_POPULATION_BEFORE.search(scope))
        for mention, role in zip(chain, own):
            final = shared if role == "other" else role
            roles.append(_Role(mention, final, negated and final == "population", last.end))
    return tuple(roles)


def _has_veto(sentence: str) -> bool:
    """Speculation, denial, critics, court arguments, MPP or Title 42: not an event."""
    for match in R.SPECULATION.finditer(sentence):
        if match.group().lower() in ("if", "si") and R.CONDITION_OK.match(sentence, match.start()):
            continue
        return True
    return any(rx.search(sentence) for rx in (R.DENIAL, R.CRITIC, R.COURT_ARGUMENT, R.MPP, R.TITLE_42))


def _has_veto_context(sentence: str) -> bool:
    return bool(R.MPP.search(sentence) or R.TITLE_42.search(sentence) or R.OWN_COUNTRY.search(sentence))


def _score(sentence: str, base: float, *, explicit: bool, fallback: bool, is_title: bool, soft: float = 0.1) -> float:
    score = base + (0.05 if explicit else 0.0) - (0.05 if fallback else 0.0)
    if R.NAMED_AGREEMENT.search(sentence):
        score += 0.15
    elif R.AGREEMENT_NOUN.search(sentence):
        score += 0.07
    score += 0.1 if R.OFFICIAL.search(sentence) else 0.0
    score += 0.05 if R.CONFIRM.search(sentence) else 0.0
    score += 0.03 if R.NOW.search(sentence) else 0.0
    softs = [m for m in R.SOFT_MODALITY.finditer(sentence) if not R.MAY_DECISION.match(sentence, m.start())]
    score -= soft * min(len(softs), 2)
    score -= 0.15 if R.DEPORTATION.search(sentence) else 0.0
    score -= 0.15 if R.COURT.search(sentence) else 0.0
    score -= 0.05 if is_title else 0.0
    return round(max(0.0, min(0.99, score)), 2)


def _receivers(roles: tuple[_Role, ...], kinds: tuple[str, ...]) -> list[_Role]:
    """Mentions that may name the receiving country: in one of `kinds` of role, not the sending state.

    A demonym names a state only through the role "state" ("the Guatemalan government").
    """
    return [
        r for r in roles
        if r.role in kinds and r.mention.code != SENDING_STATE and (r.mention.kind == "country" or r.role == "state")
    ]


def _is_negated(population: _Role, triggers: dict[tuple[int, int], bool], breaks: list[int]) -> bool:
    """Whether the verbs governing a population are all negated: those of its clause, else the nearest one."""
    clause = bisect.bisect(breaks, population.anchor - 1)
    governing = [t for t in triggers if bisect.bisect(breaks, t[0]) == clause]
    if governing:
        return all(triggers[t] for t in governing)
    return triggers[min(triggers, key=lambda t: abs(t[0] - population.mention.start))]


def _amenable(s: _Sentence, doc: _Doc) -> list[tuple[str, str, float]]:
    """(receiving, population, confidence) for each nationality the sentence makes transferable."""
    text = s.text
    triggers = sorted(
        [(m.start(), m.end()) for rx in (R.AMENABILITY, R.TRANSFER_VERB, R.RECEIVE_VERB) for m in rx.finditer(text)]
    )
    if not triggers:
        return []
    negated = {t: bool(R.NEGATION_BEFORE.search(_before(text, t[0]))) for t in triggers}
    negated.update({(m.start(), m.end()): True for m in R.EXCLUSION.finditer(text)})
    if all(negated.values()) or _has_veto(text) or any(
        rx.search(text) for rx in (R.OWN_COUNTRY, R.TRADE_SECURITY, R.CRIMINAL)
    ):
        return []
    agreement = bool(R.AGREEMENT_NOUN.search(text) or R.NAMED_AGREEMENT.search(text))
    if not (doc.context or agreement):
        return []
    positive = [(a, b) for (a, b), neg in negated.items() if not neg]
    strong = any(R.STRONG_AMENABILITY.search(text, a, b + 40) for a, b in positive)
    transfer = any(R.TRANSFER_VERB.match(text, a) or R.RECEIVE_VERB.match(text, a) for a, _ in positive)
    if not (strong or transfer or agreement or R.POLICY_NOUN.search(text)):
        return []  # "apprehensions included Hondurans": "include" alone needs an agreement or rule in view
    populations = [r for r in s.roles if r.role == "population" and not r.negated and r.mention.code != SENDING_STATE]
    if not populations:
        return []
    receivers = _receivers(s.roles, ("destination",)) or _receivers(s.roles, ("partner", "state"))
    if not receivers:  # "Guatemala will take in Hondurans": the receiving country is the subject
        receive = [m.start() for m in R.RECEIVE_VERB.finditer(text) if not negated.get((m.start(), m.end()))]
        receivers = [r for r in _receivers(s.roles, ("other",)) if receive and r.mention.start < receive[0]]
    explicit = bool(receivers)
    receivers = receivers or _receivers(s.roles, ("protection_in",))
    fallback = not receivers and doc.partner is not None and (strong or agreement)
    base = 0.5 if strong else 0.45
    confidence = _score(text, base, explicit=explicit, fallback=fallback, is_title=s.is_title)
    breaks = [m.start() for m in R.CLAUSE_BREAK.finditer(text)]
    found = []
    for pop in populations:
        if _is_negated(pop, negated, breaks):
            continue
        if receivers:
            after = [r for r in receivers if r.mention.start > pop.mention.start]
            receiving = (after or receivers)[0].mention.code
        elif fallback and doc.partner:
            receiving = doc.partner
        else:
            continue
        if receiving != pop.mention.code:  # sending people to their own country is a deportation
            found.append((receiving, pop.mention.code, confidence))
    return found


def _lifecycle(s: _Sentence, doc: _Doc) -> list[tuple[str, str, float]]:
    """(action, receiving, confidence) for each agreement lifecycle step the sentence reports."""
    text = s.text
    named = bool(R.NAMED_AGREEMENT.search(text))
    if not named and (R.INTERNATIONAL_LAW.search(text) or R.TRADE_SECURITY.search(text)):
        return []
    actions = []
    for action, rx in R.LIFECYCLE.items():
        for match in rx.finditer(text):
            if R.NEGATION_BEFORE.search(_before(text, match.start())):
                continue
            if R.BEGAN_TRANSFERS.match(text, match.start()) and any(r.role == "population" for r in s.roles):
                continue  # "began sending Mexicans to Guatemala" widens who is sent: made_amenable
            window = text[max(0, match.start() - 100) : match.end() + 100]
            near = R.AGREEMENT_NOUN.search(window) or (
                action in ("agreement_in_force", "agreement_suspended") and R.TRANSFERS_NOUN.search(window)
            )
            if named or (near and (doc.context or R.ASYLUM_WORD.search(text))):
                actions.append(action)
                break
    if not actions or _has_veto(text) or R.LIFECYCLE_MODALITY.search(text) or R.CRIMINAL.search(text):
        return []
    receivers = _receivers(s.roles, _EXPLICIT_ROLES)
    explicit = bool(receivers)
    receivers = receivers or _receivers(s.roles, ("other", "protection_in"))
    codes = list(dict.fromkeys(r.mention.code for r in receivers))
    fallback = not codes and doc.partner is not None and bool(named or R.DEFINITE_AGREEMENT.search(text))
    if fallback:
        codes = [doc.partner]
    found = []
    for action in actions:
        # "may enter into force", "is expected to take effect": not yet a fact, so weigh modality harder.
        confidence = _score(text, 0.5, explicit=explicit, fallback=fallback, is_title=s.is_title, soft=0.2)
        found.extend((action, code, confidence) for code in codes)
    return found


def _document(sentences: list[_Sentence], published: dt.date | None) -> _Doc:
    topic = any(R.NAMED_AGREEMENT.search(s.text) for s in sentences)
    other_policy = any(R.MPP.search(s.text) or R.TITLE_42.search(s.text) for s in sentences)
    context = topic or (
        not other_policy
        and any(R.AGREEMENT_NOUN.search(s.text) for s in sentences)
        and any(R.ASYLUM_WORD.search(s.text) or any(r.role == "destination" for r in s.roles) for s in sentences)
    )
    partners: Counter[str] = Counter()
    for s in sentences:
        if R.AGREEMENT_NOUN.search(s.text) or R.NAMED_AGREEMENT.search(s.text) or R.TRANSFER_VERB.search(s.text):
            partners.update(r.mention.code for r in _receivers(s.roles, ("destination", "partner")))
    ranked = partners.most_common(2)
    partner = ranked[0][0] if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]) else None
    return _Doc(topic=topic, context=context, partner=partner, published=published)


def _candidates(s: _Sentence, doc: _Doc) -> list[_Candidate]:
    background = is_background(s.text, doc.published)
    out = []
    for receiving, population, confidence in _amenable(s, doc):
        out.append(("made_amenable", receiving, population, confidence))
    for action, receiving, confidence in _lifecycle(s, doc):
        out.append((action, receiving, None, confidence))
    return [
        _Candidate(Event(action, receiving, population, s.text, confidence, background), s.is_title, s.start)
        for action, receiving, population, confidence in out
        if confidence >= MIN_CONFIDENCE
    ]


def _best(candidates: list[_Candidate]) -> tuple[Event, ...]:
    chosen: dict[str, _Candidate] = {}
    for c in candidates:
        current = chosen.get(c.event.key)
        rank = (not c.is_title, c.event.confidence, not c.event.background, -c.position)
        if current is None or rank > (
            not current.is_title, current.event.confidence, not current.event.background, -current.position
        ):
            chosen[c.event.key] = c
    ordered = sorted(chosen.values(), key=lambda c: (ACTIONS.index(c.event.action), c.is_title, c.position))
    return tuple(c.event for c in ordered)


def _relevant(events: tuple[Event, ...], sentences: list[_Sentence]) -> bool:
    """Events make a document relevant; failing those, an affirmative sentence naming the agreement."""
    if events:
        return True
    if sentences and R.OPINION.match(sentences[0].text):
        return False
    for s in sentences:
        match = R.NAMED_AGREEMENT.search(s.text)
        if match and not _has_veto(s.text) and not R.NEGATION_BEFORE.search(_before(s.text, match.start())):
            return True
    return False


def detect(
    text: str,
    *,
    title: str = "",
    published: dt.date | dt.datetime | None = None,
    lang: str | None = None,
) -> Detection:
    """Find asylum transfer agreement events in `text` (plain text) and its `title`."""
    day = published.date() if isinstance(published, dt.datetime) else published
    sentences = [_Sentence(text[a:b], a, False, _roles(text[a:b])) for a, b in split_sentences(text)]
    if title.strip():
        sentences.insert(0, _Sentence(title.strip(), -1, True, _roles(title.strip())))
    doc = _document(sentences, day)
    candidates = [c for s in sentences for c in _candidates(s, doc)]
    events = _best(candidates)
    body = [s.text for s in sentences if not s.is_title]
    evidence = {e.evidence for e in events}
    relevant = _relevant(events, sentences)
    count = affected_count([b for b in body if not _has_veto_context(b)], evidence) if relevant else None
    language = lang or detect_language(f"{title}\n{text}")
    logger.debug("detected %d events (%d candidates), lang=%s", len(events), len(candidates), language)
    return Detection(relevant=relevant, lang=language, events=events, affected_count=count)
