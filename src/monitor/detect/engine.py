"""The detection engine: plain text in, a `Detection` (events, relevance, affected count) out.

Steps: (1) split the text into sentences, keeping exact offsets so evidence is quotable, and
date the document (given, or its dateline); (2) per sentence, find country and nationality
mentions and give each a role (roles.py) and decide whether the sentence is background;
(3) read the document once for its topic, its partner country and its dominant country;
(4) per sentence, propose `made_amenable` and lifecycle events (events.py), and let a
sentence that continues a reported transfer ("The group, made up of Cuban nationals, ...")
inherit its receiving country; (5) keep one event per (action, receiving, population),
preferring current over background and body over headline; (6) decide relevance and the
affected count. Pure: no I/O, no state between calls.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections import Counter
from dataclasses import replace

from monitor.detect import cues as C
from monitor.detect import rules as R
from monitor.detect.amenable import CONTEXT, amenable
from monitor.detect.claims import Claim
from monitor.detect.confidence import MIN_CONFIDENCE as MIN_EVENT_CONFIDENCE
from monitor.detect.confidence import confidence
from monitor.detect.events import (
    Doc,
    Sentence,
    lifecycle,
    make_sentence,
)
from monitor.detect.figures import affected_count
from monitor.detect.layout import structures
from monitor.detect.listings import structure_claims
from monitor.detect.parties import Parties, parties
from monitor.detect.relevance import head as head_of
from monitor.detect.relevance import relevant as is_relevant
from monitor.detect.roles import SENDING_STATE, receivers
from monitor.detect.settle import continuation, history_after_termination, settle
from monitor.detect.text import dateline, document_year, is_background, split_sentences
from monitor.extract.language import detect_language
from monitor.models import ACTIONS, Detection, Event, Withdrawal

__all__ = ["MIN_CONFIDENCE", "SENDING_STATE", "detect"]

logger = logging.getLogger(__name__)

MIN_CONFIDENCE = 0.45
BRIDGES = 2  # short sentences that may stand between a reported transfer and who was moved
_DIGIT = re.compile(r"\d")


def _background(sentence: str, day: dt.date | None, year: int | None = None) -> bool:
    """Background sentence, its dates read without the clauses that only describe the agreement's signing."""
    kept = R.PERSON_HISTORY.sub(" ", R.AGREEMENT_HISTORY.sub(" ", R.DESCRIPTOR.sub(" ", sentence)))
    return is_background(kept, day, year=year)


def _receiver(sentences: list[Sentence], sides: Parties) -> tuple[str | None, str]:
    """The receiving state the document points to most: destinations (3), partners of agreement
    sentences (2), the headline's countries (2), the dateline (2), governments named (1)."""
    weights: Counter[str] = Counter()
    first: dict[str, int] = {}
    for index, s in enumerate(sentences):
        agreement = bool(s.named or R.AGREEMENT_NOUN.search(s.text) or R.TRANSFER_VERB.search(s.text))
        for r in s.roles:
            if r.mention.code == s.sender or r.role in ("population", "border"):
                continue
            if r.mention.kind != "country" and r.role != "state":
                continue
            weight = {"destination": 3, "partner": 2 if agreement else 1, "state": 1,
                      "other": 1 if agreement and r.mention.kind == "country" else 0}.get(r.role, 0)
            weight += 2 if s.is_title else 0
            if weight:
                weights[r.mention.code] += weight
                first.setdefault(r.mention.code, index)
    if sides.dateline and sides.dateline != sides.sender:
        weights[sides.dateline] += 2
        first.setdefault(sides.dateline, len(sentences))
    if not weights:
        return None, ""
    best = max(weights, key=lambda code: (weights[code], -first[code]))
    return best, f"the receiving state the document points to most ({best}, weight {weights[best]})"


def _document(sentences: list[Sentence], published: dt.date | None, sides: Parties) -> Doc:
    topic = any(s.named for s in sentences)
    head = head_of(sentences)
    # MPP or Title 42 in the headline or lead makes them the subject; one mention further down does not.
    neighbour_subject = any(s.neighbours for s in head)
    context = topic or (
        not neighbour_subject
        and any(R.AGREEMENT_NOUN.search(s.text) for s in sentences)
        and any(R.ASYLUM_WORD.search(s.text) or R.CLAIMS_WORD.search(s.text)
                or any(r.role == "destination" for r in s.roles) for s in sentences)
    )
    partners: Counter[str] = Counter()
    mentions: Counter[str] = Counter()
    named: dict[str, None] = {}  # countries named in sentences that name an asylum agreement, in order
    for s in sentences:
        if R.AGREEMENT_NOUN.search(s.text) or s.named:
            partners.update(r.mention.code for r in receivers(s.roles, ("destination", "partner"), sender=s.sender))
        elif R.TRANSFER_VERB.search(s.text):
            partners.update(r.mention.code for r in receivers(s.roles, ("destination",), sender=s.sender))
        if s.named:
            named.update(dict.fromkeys(r.mention.code for r in receivers(s.roles, ("destination", "partner", "other"), sender=s.sender)))
        # "territorio salvadoreño", "the Honduran government" also name the country; plural demonyms are people.
        mentions.update(r.mention.code for r in s.roles if r.mention.code != s.sender and r.role != "population"
                        and (r.mention.kind == "country" or not r.mention.plural))
    # The first agreement the headline and lead speak of is the document's subject.
    first = next((s for s in head if R.AGREEMENT_NOUN.search(s.text) or s.named
                  or R.TRADE_AGREEMENT.search(s.text)), None)
    trade = first is not None and bool(R.TRADE_AGREEMENT.search(first.text)) and not first.named
    receiver, receiver_cue = _receiver(sentences, sides)
    here = sides.dateline if sides.dateline and sides.dateline != sides.sender else None
    return Doc(topic=topic, context=context, partner=_unique_top(partners), dominant=_unique_top(mentions),
               published=published, partners=tuple(partners) or tuple(named), trade=trade,
               neighbour_subject=neighbour_subject, receiver=receiver, receiver_cue=receiver_cue, here=here,
               here_cue=sides.dateline_cue, speaker=sides.speaker, speaker_cue=sides.speaker_cue)


def _bridge(s: Sentence) -> bool:
    """A sentence between a transfer and who was moved ("On board were 16 men.", "They were taken by bus to
    a reception centre."): short, or still about the people moved; it names no population and no country."""
    return not s.is_title and not s.roles and (bool(R.PASSENGERS.match(s.text) or R.ANAPHORIC_START.match(s.text))
                                               or len(s.text.split()) <= 8)


def _unique_top(counts: Counter[str]) -> str | None:
    ranked = counts.most_common(2)
    return ranked[0][0] if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]) else None


def _event(s: Sentence, action: str, receiving: str, population: str | None, confidence: float,
           *, evidence: str | None = None, background: bool = False) -> Event:
    return Event(action, receiving, population, evidence or s.text, confidence, background or s.background)


def _claim_event(claim: Claim) -> Event:
    return Event("made_amenable", claim.receiving or "", claim.population, claim.evidence, claim.confidence,
                 claim.background)


def _best(candidates: list[tuple[Event, bool, int]]) -> tuple[Event, ...]:
    """One event per key: current before background, body before headline, then confidence, then order."""
    chosen: dict[str, tuple[Event, bool, int]] = {}
    for event, is_title, position in candidates:
        current = chosen.get(event.key)
        rank = (not event.background, not is_title, event.confidence, -position)
        if current is None or rank > (not current[0].background, not current[1], current[0].confidence, -current[2]):
            chosen[event.key] = (event, is_title, position)
    ordered = sorted(chosen.values(), key=lambda c: (ACTIONS.index(c[0].action), c[1], c[2]))
    return tuple(c[0] for c in ordered)


# Stems any event or relevance signal needs at least one of (English and Spanish).
_TOPIC = re.compile(
    r"asyl|asil|refug|protec|transf|trasl|tercer|third|amenab|elegib|eligib|acuerdo|agreement|convenio|"
    r"arreglo|deal|pact|accord|\bACAs?\b|STCA|deport|expul|expel|remov|sent\b|send|envia|envió|enviad|acoger|recib|"
    r"relocat|reubic|arrangement|partnership|memorand|mecanism|mechanism|protocol|scope",
    re.IGNORECASE,
)


def detect(
    text: str,
    *,
    title: str = "",
    published: dt.date | dt.datetime | None = None,
    lang: str | None = None,
    section: str | None = None,
) -> Detection:
    """Find asylum transfer agreement events in `text` (plain text) and its `title`; `section`
    is what the site says the page is ("Opinion", "Noticias"), when it says."""
    if not (_TOPIC.search(title) or _TOPIC.search(text)):
        # Fast path: without any word of the field no rule below can fire (most of a news
        # feed is about something else); checked on the whole corpus and the unit tests.
        return Detection(relevant=False, lang=lang or detect_language(f"{title}\n{text}"))
    day = published.date() if isinstance(published, dt.datetime) else published
    day = day or dateline(text)
    year = None if day else document_year(text)
    sides = parties(f"{title}\n{text}")
    spans = [(text[a:b], a, False) for a, b in split_sentences(text)]
    if title.strip():
        spans.insert(0, (title.strip(), -1, True))
    sentences = []
    for sentence, start, is_title in spans:
        s = make_sentence(sentence, start, is_title=is_title, background=False, sender=sides.sender)
        if s.active or _DIGIT.search(sentence):  # dates matter to rules and to the figures counted
            s = replace(s, background=_background(sentence, day, year))
        sentences.append(s)
    doc = _document(sentences, day, sides)
    candidates: list[tuple[Event, bool, int]] = []
    claims: list[Claim] = []
    moved_by: dict[int, int] = {}  # sentence naming who was moved → the sentence reporting the transfer
    for index, s in enumerate(sentences):
        if not s.active:
            continue  # no trigger, population or agreement name: nothing to propose
        own = amenable(s, doc, tuple(sentences[max(0, index - CONTEXT) : index]))
        claims += own
        candidates += [(_event(s, action, receiving, None, confidence, background=descriptive), s.is_title, s.start)
                       for action, receiving, confidence, descriptive in lifecycle(s, doc, sentences[index - 1] if index else None)
                       if confidence >= MIN_CONFIDENCE]
        if index and not any(c.is_event for c in own):
            following = continuation(text, sentences[index - 1], s, doc)
            back = index - 1
            while not following and back > 0 and index - back <= BRIDGES and _bridge(sentences[back]):
                # "The ship docked at Shengjin. On board were 16 men. Ten were from Bangladesh …"
                back -= 1
                following = continuation(text, sentences[back], s, doc)
            if not following and index - 1 in moved_by:
                # "Seven of the nine are Sri Lankan nationals. The other two are women from Iran."
                back = moved_by[index - 1]
                following = continuation(text, sentences[back], s, doc)
            if following:
                moved_by[index] = back
            claims += following
    claims = settle(claims + structure_claims(structures(text), sentences, doc, day))
    claims = history_after_termination(claims, candidates)
    opinion = bool(section and C.OPINION_SECTION.search(section)) or any(
        C.OPINION.match(s.text) for s in head_of(sentences))
    if opinion:
        claims = [c.with_(f"an opinion piece ({section or 'headline'})", attribution="opinion") for c in claims]
    claims = [replace(c, confidence=confidence(c)) for c in claims]
    candidates += [(_claim_event(c), c.source == "title", c.start) for c in claims
                   if c.is_event and c.confidence >= MIN_EVENT_CONFIDENCE]
    events = _best(candidates)
    relevant = is_relevant(events, claims, sentences, doc, opinion=opinion)
    body = [s for s in sentences if not (s.is_title or s.neighbours or C.OWN_COUNTRY.search(s.text))]
    count = None
    if relevant:
        evidence = {e.evidence for e in events if not e.background}
        count = affected_count([s.text for s in body], evidence, background={s.text for s in body if s.background})
    language = lang or detect_language(f"{title}\n{text}")
    logger.debug("detected %d events (%d candidates), lang=%s", len(events), len(candidates), language)
    return Detection(relevant=relevant, lang=language, events=events, affected_count=count, claims=tuple(claims),
                     withdrawals=withdrawals(claims))


def withdrawals(claims: list[Claim]) -> tuple[Withdrawal, ...]:
    """Claims that take a current transfer back: a decided denial ("Mexicans are not covered"),
    not a removal from now on, or a correction ("an earlier version incorrectly said …"), each sentence once, at most 10."""
    found: dict[tuple[str, str, str], Withdrawal] = {}
    for c in claims:
        if (c.predicate != "asylum_transfer" or c.receiving is None or c.population is None
                or c.receiving == c.population or c.time == "recap"):
            continue
        # A population taken out of coverage from now on ("los cubanos dejarán de ser trasladados",
        # "will no longer be sent") is a change of policy, not a denial that the report was true.
        denial = c.polarity == "denied" and c.modality == "decided" and not C.CESSATION.search(c.evidence)
        if c.polarity == "withdrawn" or denial:
            found.setdefault((c.receiving, c.population, c.evidence),
                             Withdrawal(c.receiving, c.population, c.evidence, "withdrawn" if c.polarity == "withdrawn"
                                        else "denied"))
    return tuple(found.values())[:10]

