"""What the whole document says of its claims, after each sentence has spoken (pure).

A pair the document denies or a correction withdraws is no event anywhere in it (`settle`);
a receiving state guessed from the whole document yields to one another sentence names for
the same population; in a document that reports an agreement terminated, transfers told in
the past tense are its history; and the sentence right after a reported transfer may name who
was moved ("The group, made up of Cuban nationals, …": `continuation`).
"""

from __future__ import annotations

import re

from monitor.detect import cues as C
from monitor.detect import rules as R
from monitor.detect.claims import Claim, Cue
from monitor.detect.events import Doc, Sentence, has_veto, score, transfer_receiver
from monitor.models import Event

__all__ = ["continuation", "history_after_termination", "settle"]

# The end of a clause: a semicolon, or a comma before a coordinated verb phrase (", and was told", ", pero").
_CLAUSE_END = re.compile(r";|,\s+(?:and|but|y|pero|aunque|while|mientras)\b")


def continuation(text: str, previous: Sentence, s: Sentence, doc: Doc) -> list[Claim]:
    """Populations named right after a reported transfer ("Se trata de personas de nacionalidad cubana")."""
    if s.is_title or previous.is_title or not (R.ANAPHORIC_START.match(s.text) or R.COMPOSITION.search(s.text)
                                                or R.REPORTED_ANAPHOR.match(s.text) or R.PASSENGERS.match(s.text)
                                                or R.COUNT_IS.search(s.text)):
        return []
    populations = [r for r in s.roles if r.role == "population" and not r.negated and r.mention.code != s.sender
                   and not C.POST_NEGATION.match(s.text, r.anchor)]
    # Read up to the end of the clause that names them: "He is from Honduras, …, and was told he could apply
    # for asylum in Guatemala" says who he is; the options he was given are another clause.
    own = s.text
    if populations:
        edge = _CLAUSE_END.search(s.text, max(r.anchor for r in populations))
        own = s.text[: edge.start()] if edge else s.text
    if (has_veto(own) if own != s.text else s.veto) or any(
            rx.search(own) for rx in (C.OWN_COUNTRY, C.CRIMINAL, C.DEPORTATION, C.SOFT_MODALITY, C.HYPOTHETICAL,
                                      C.FUTURE_NEXT)):
        return []  # "They said Venezuelans would be next": a guess about the next group, not this one
    receiving = transfer_receiver(previous, doc) if populations else None
    if receiving is None:
        return []
    evidence = text[previous.start : s.start + len(s.text)]
    base = score(evidence, 0.45, explicit=False, fallback=False, is_title=False)
    found = []
    for r in populations:
        claim = Claim(population=r.mention.code, receiving=receiving, evidence=evidence, start=s.start,
                      sending=s.sender, source="continuation", confidence=base,
                      cues=(Cue("population", r.mention.code, r.mention.text),
                            Cue("receiving", receiving, "the transfer reported just before")),
                      signals=frozenset({"source:continuation", "receiving:context", "trigger:transfer"}))
        if previous.background and s.background:
            claim = claim.with_("dated before the document", time="recap")
        found.append(claim)
    return found


def history_after_termination(claims: list[Claim], candidates: list[tuple[Event, bool, int]]) -> list[Claim]:
    """In a document that reports an agreement terminated, what was done under it in the past tense
    ("945 personas fueron trasladadas a Guatemala bajo el ACA", "durante la vigencia del Acuerdo
    fueron recibidas …") is the agreement's history: a recap, however current the sentence reads."""
    ended = {event.receiving for event, _title, _start in candidates if event.action == "agreement_terminated"}
    if not ended:
        return claims
    return [c.with_(match.group(), time="recap")
            if c.receiving in ended and c.time != "recap" and (match := C.PAST_TRANSFER.search(c.evidence)) else c
            for c in claims]


def settle(claims: list[Claim]) -> list[Claim]:
    """What the whole document says of each pair: a pair it denies, or a population a correction
    withdraws, is no event anywhere in it (the rumour it quotes, the headline it corrects)."""
    denied = {(c.receiving, c.population): c.evidence for c in claims
              if c.polarity in ("denied", "withdrawn") and c.predicate == "asylum_transfer" and not c.background
              and c.receiving and c.modality not in ("recommended", "hypothetical")}
    withdrawn = {c.population: c.evidence for c in claims if c.polarity == "withdrawn"}
    settled = []
    for claim in claims:
        if claim.is_event and (claim.receiving, claim.population) in denied:
            claim = claim.with_(f"denied in the same document: {denied[claim.receiving, claim.population][:120]}",
                                polarity="contradicted")
        elif claim.is_event and claim.population in withdrawn:
            claim = claim.with_(f"withdrawn by a correction: {withdrawn[claim.population][:120]}", polarity="withdrawn")
        settled.append(claim)
    return _headline_receivers(settled)


def _headline_receivers(claims: list[Claim]) -> list[Claim]:
    """A receiving state guessed from the whole document (a headline, a sentence naming none) yields
    to the one other claims about the same population name, or point to ("nuestro país")."""
    named: dict[str, str] = {}
    for c in claims:
        if c.is_event and c.receiving and c.signals & {"receiving:sentence", "receiving:context", "receiving:here"}:
            named.setdefault(c.population, c.receiving)
    settled = []
    for c in claims:
        there = named.get(c.population)
        if there and c.receiving != there and "receiving:document" in c.signals:
            c = c.with_("another sentence names where this population goes", receiving=there)
        settled.append(c)
    return settled
