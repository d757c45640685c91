"""Roles of the country and nationality mentions of one sentence.

Each mention gets one role from the words around it: `destination` ("sent to Guatemala",
"landed in Paraguay"), `partner` ("the agreement with Honduras", "Canada and the United
States agreed"), `state` (a demonym naming a government: "the Guatemalan government"),
`protection_in` ("seek protection in Mexico"), `population` ("Mexicans", "nationals of
Cuba", "personas de nacionalidad mexicana"), `border`, or `other`. Members of a list
("Salvadorans, Hondurans and Nicaraguans") share the role its head or tail gives, and a
population is marked negated when an exclusion governs it ("but not Cubans").
"""

from __future__ import annotations

from dataclasses import dataclass

from monitor.detect import cues as C
from monitor.detect import rules as R
from monitor.detect.gazetteer import Mention, find_mentions
from monitor.detect.parties import HOSTS

__all__ = ["SENDING_STATE", "Role", "receivers", "sentence_roles"]

SENDING_STATE = "US"  # the sending state when a document names no other (detect/parties.py)
WINDOW = 160  # characters of context looked at on each side of a mention or trigger


@dataclass(frozen=True)
class Role:
    mention: Mention
    role: str  # destination | partner | state | protection_in | population | border | other
    negated: bool = False
    anchor: int = 0  # end of the list the mention belongs to: its clause decides which verb governs it


def before(text: str, position: int) -> str:
    """The text just before `position`: cues are local, and bounding them keeps long lines linear."""
    return text[max(0, position - WINDOW) : position]


def after(text: str, position: int) -> str:
    return text[position : position + WINDOW]


def _country_before(sentence: str, mention: Mention) -> str:
    """Text before a country name, without a state title ("la República de Panamá" reads as "la Panamá")."""
    text = before(sentence, mention.start)
    title = R.STATE_TITLE_BEFORE.search(text)
    return text[: title.start()] if title else text


def _mention_role(sentence: str, mention: Mention) -> str:
    following = after(sentence, mention.end)
    if mention.kind == "demonym":
        preceding = before(sentence, mention.start)
        if R.PARTNER_AFTER.match(following):
            return "state"
        if (R.NATIONALITY_BEFORE.search(preceding) or R.PEOPLE_BEFORE.search(preceding)
                or R.PREDICATE_NATIONALITY_BEFORE.search(preceding)):
            return "population"
        if mention.plural and not R.GOVERNMENT_BEFORE.search(preceding):
            return "population"
        return "other"
    preceding = _country_before(sentence, mention)
    if R.BORDER_AFTER.match(following) or R.BORDER_BEFORE.search(preceding):
        return "border"
    if marker := R.POPULATION_MARKER.search(preceding):
        if mention.code in HOSTS and R.FROM_MARKER.search(marker.group()):
            return "origin"  # "asylum seekers from the United Kingdom": where they asked, not who they are
        return "population"
    if R.LIST_INCLUDES_BEFORE.search(preceding) or R.TO_THE_LIST_AFTER.match(following):
        return "population"  # "the list of eligible nationalities now includes Vietnam and Eritrea"
    if R.GOVERNMENT_AFTER.match(following):
        return "state"
    if R.PARTNER_AFTER.match(following) or R.PARTNER_BEFORE.search(preceding) or R.BETWEEN.search(preceding):
        return "partner"
    if R.GOVERNMENT_OF_BEFORE.search(preceding):
        return "state"
    window = preceding[-120:]
    if (R.DESTINATION_EN.search(preceding) and R.TRANSFER_VERB.search(window)) or (
        R.DESTINATION_ES.search(preceding) and R.SPANISH_TRANSFER_VERB.search(window)
    ):
        return "destination"
    if R.ARRIVAL_BEFORE.search(preceding) and R.TRANSFER_VERB.search(sentence):
        return "destination"  # "asylum seekers transferred by the U.S. landed in Paraguay"
    if R.FLIGHT_TO_BEFORE.search(preceding) and (R.TRANSFER_VERB.search(sentence) or R.PEOPLE_WORD.search(sentence)):
        return "destination"  # "a Malian man was escorted on a scheduled flight from Gran Canaria to Nouakchott"
    if R.PROTECTION_IN.search(preceding):
        return "protection_in"
    return "other"


def _chains(sentence: str, mentions: list[Mention]) -> list[list[Mention]]:
    """Group mentions joined only by list separators ("Hondurans, Salvadorans and Nicaraguans")."""
    chains: list[list[Mention]] = []
    for mention in mentions:
        previous = chains[-1][-1] if chains else None
        gap = R.STATE_TITLE_BEFORE.sub("", sentence[previous.end : mention.start]) if previous else ""
        if previous and previous.kind == mention.kind and R.LIST_GAP.match(gap):
            chains[-1].append(mention)
        else:
            chains.append([mention])
    # Two mentions split by a semicolon are two clauses ("ecuatorianos; bolivianos quedan excluidos"),
    # a longer run of them is a list ("Cuba; Nicaragua; Venezuela").
    split: list[list[Mention]] = []
    for chain in chains:
        if len(chain) == 2 and ";" in sentence[chain[0].end : chain[1].start]:
            split += [[chain[0]], [chain[1]]]
        else:
            split.append(chain)
    return split


def _coordinated_with_sender(sentence: str, mentions: list[Mention], sender: str) -> set[int]:
    """Starts of countries coordinated with the sending state ("Canada and the U.S.", "U.S.-Uganda")."""
    if not (R.AGREEMENT_NOUN.search(sentence) or R.NAMED_AGREEMENT.search(sentence)):
        return set()
    found = set()
    for left, right in zip(mentions, mentions[1:]):
        if left.kind != "country" or right.kind != "country" or sender not in (left.code, right.code):
            continue
        between = R.STATE_TITLE_BEFORE.sub("", sentence[left.end : right.start])
        if R.COORDINATION.match(between):
            found.add((right if left.code == sender else left).start)
    return found


def sentence_roles(sentence: str, sender: str = SENDING_STATE) -> tuple[Role, ...]:
    """Each mention's role; members of a list share the role its head or tail context gives."""
    roles: list[Role] = []
    dateline = R.DATELINE_PREFIX.match(sentence)
    # "CIUDAD DE PANAMÁ, 20 may (SIR) -": where the report is written, not a party (parties.py reads it)
    mentions = [m for m in find_mentions(sentence) if not (dateline and m.end <= dateline.end())]
    coordinated = _coordinated_with_sender(sentence, mentions, sender)
    for chain in _chains(sentence, mentions):
        first, last = chain[0], chain[-1]
        head_before, tail_after = before(sentence, first.start), after(sentence, last.end)
        own = [_mention_role(sentence, m) for m in chain]
        if first.kind == "demonym" and R.PARTNER_AFTER.match(tail_after):
            shared = "state"
        elif first.kind == "demonym" and R.PEOPLE_AFTER.match(tail_after):
            shared = "population"
        else:
            shared = next((role for role in own if role != "other"), "other")
        if shared == "other":  # "Canada and the United States agreed": the sender's partner
            own = ["partner" if m.start in coordinated else role for m, role in zip(chain, own)]
        marker = R.POPULATION_MARKER.search(head_before) if first.kind == "country" else None
        scope = head_before[: marker.start()] if marker else head_before
        negated = bool(C.NEGATED_POPULATION_BEFORE.search(scope))
        if shared == "origin":  # "from the United States and Cuba": a list of populations, the host is none
            shared = "population"
        for mention, role in zip(chain, own):
            final = "other" if role == "origin" else shared if role == "other" else role
            roles.append(Role(mention, final, negated and final == "population", last.end))
    return tuple(roles)


def receivers(roles: tuple[Role, ...], kinds: tuple[str, ...], *, sender: str = SENDING_STATE) -> list[Role]:
    """Mentions that may name the receiving country: in one of `kinds` of role, not the sending state.

    A demonym names a state only through the role "state" ("the Guatemalan government").
    """
    return [
        r for r in roles
        if r.role in kinds and r.mention.code != sender and (r.mention.kind == "country" or r.role == "state")
    ]
