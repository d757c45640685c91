"""Whether a document is news about an asylum transfer agreement (pure).

Current events make it relevant, and so do a court decision about an agreement and a
population taken out of coverage; failing those, a headline or lead that names the agreement
affirmatively — unless what the document says of populations is only denied, rumoured,
speculated or withdrawn, or the agreement ended before it. Opinion pieces never are.
"""

from __future__ import annotations

from monitor.detect import cues as C
from monitor.detect import rules as R
from monitor.detect.claims import NOT_A_SOURCE, Claim
from monitor.detect.events import Doc, Sentence, narrows_coverage
from monitor.models import Event

__all__ = ["HEAD_SENTENCES", "head", "relevant"]

HEAD_SENTENCES = 4  # the headline and lead: where a document states its topic


def head(sentences: list[Sentence]) -> list[Sentence]:
    distinct: list[Sentence] = []
    for s in sentences:
        if all(s.text != d.text for d in distinct):
            distinct.append(s)
        if len(distinct) == HEAD_SENTENCES:
            break
    return distinct


def _court_decision(sentences: list[Sentence], doc: Doc) -> bool:
    """A court's decision about an asylum transfer agreement is news, whatever it decides."""
    return any(C.COURT_DECISION.search(s.text) and not C.COURT_ARGUMENT.search(s.text) and not s.background
               and (s.named or (doc.topic and R.AGREEMENT_NOUN.search(s.text))) for s in sentences)


def relevant(events: tuple[Event, ...], claims: list[Claim], sentences: list[Sentence], doc: Doc, *,
              opinion: bool) -> bool:
    """Current events make a document relevant, and so does a court decision about an agreement;
    failing those, a headline or lead that names the agreement affirmatively — unless what the
    document says of populations is only denied, rumoured, speculated or withdrawn.

    Opinion pieces are never relevant.
    """
    if opinion:
        return False
    if any(not e.background for e in events):
        return True
    if _court_decision(sentences, doc) or any(narrows_coverage(s, doc) for s in sentences):
        return True
    if doc.trade:
        return False
    if any(e.action == "agreement_terminated" and e.background for e in events):
        return False  # the agreement ended before the document: what it says of it is history
    if any(_removal(c) for c in claims):
        return True  # "los cubanos dejan de estar comprendidos": who is covered changed
    if any(c.polarity != "affirmed" or c.attribution == "rumour" or c.modality != "decided" for c in claims
           if c.predicate == "asylum_transfer" and not c.background):
        return False  # a denial, a fact check, a proposal: about the agreement, but no news of it
    for s in head(sentences):
        if not s.named or s.veto or s.background:
            continue
        if R.TRADE_AGREEMENT.search(s.text) or s.neighbours:
            continue
        if C.ANY_NEGATION.search(s.text):
            continue
        if C.HEARING.search(s.text) and not C.COURT_DECISION.search(s.text):
            continue  # a hearing reported before any decision
        return True
    return False


def _removal(claim: Claim) -> bool:
    """A population an official decision takes out of an agreement from now on."""
    return (claim.polarity == "denied" and claim.predicate == "asylum_transfer" and claim.modality == "decided"
            and not claim.background and claim.attribution not in NOT_A_SOURCE
            and any(cue.field == "polarity" and C.CESSATION.search(cue.text) for cue in claim.cues))
