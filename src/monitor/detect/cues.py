"""Cues that veto, weaken, attribute or date a candidate event, English and Spanish (data, no logic).

Negation and exclusion; speculation, modality and recommendations; critics, opinion and court
arguments; the neighbouring policies that are not asylum transfers (MPP / Remain in Mexico,
Title 42, deportation to the person's own country, removals to prisons); official attribution;
and the time cues that mark a sentence as background. Compiled once, at import.
"""

from __future__ import annotations

import re

from monitor import dates
from monitor.detect.prefilter import alternatives, prefilter_module

_I = re.IGNORECASE


def _rx(*parts: str) -> re.Pattern[str]:
    return alternatives(parts, _I)  # type: ignore[return-value]  # a Pattern, prefiltered (detect/prefilter.py)


# --- Negation -------------------------------------------------------------------------------------
_GAP = r"(?:[\w'’\"“”«»-]+\s+){0,3}?[\"“«]?"  # up to three words (quotes allowed) between cue and verb
# Cessation, in both the negation cues and CESSATION: "dejará de recibir", "ceases to apply".
_CEASE = r"dej(?:a|an|ó|aron|ará|arán|ar[ií]an?)\s+de|ceas(?:e|es|ed|ing)\s+to|ces(?:a|an|ará|arán)\s+de"
NEGATION_BEFORE = re.compile(
    r"(?:\b(?:not|never|neither|nor|no\s+longer|no|nunca|ya\s+no|tampoco|ni|yet\s+to|refus\w+|declin\w+|reject\w*|oppos\w+|"
    r"rechaz\w+|won't|cannot|block(?:s|ed|ing)?|barr(?:ed|ing)|prevent(?:s|ed|ing)?|prohibit\w*|bloque\w+|"
    r"imp(?:idió|ide|edir)|prohib\w+|sin(?!\s+embargo)|ninguna?|absten\w*\s+de|refrain\w*\s+from|"
    # cessation: "dejará de recibir", "dejan de estar comprendidos", "stopped sending", "ceases to apply"
    + _CEASE + r"|stop(?:s|ped|ping)?)"
    r"|n't)\s+" + _GAP + "$", _I)
# Transfers told in the past tense, or over the agreement's life: "were transferred", "fueron recibidas",
# "durante la vigencia del Acuerdo".
PAST_TRANSFER = re.compile(
    r"\b(?:were|was|have\s+been|had\s+been|fueron|fue|han\s+sido|hab[ií]an\s+sido)\s+(?:\w+\s+)?(?:transferr?ed|sent|"
    r"flown|relocated|received|trasladad[oa]s?|enviad[oa]s?|recibid[oa]s?|reubicad[oa]s?)\b|"
    r"\bdurante\s+(?:la\s+)?vigencia\b|\bduring\s+(?:the\s+)?(?:life|lifetime|term)\s+of\b|"
    # "All transferred individuals were nationals of Honduras", "those transferred", "las personas trasladadas"
    r"\b(?:transferred|relocated)\s+(?:individuals|persons|people|asylum\s+seekers|applicants)\b|\bthose\s+transferred\b|"
    r"\b(?:personas|solicitantes)\s+(?:trasladad|reubicad)[oa]s\b", re.IGNORECASE)
# A population taken out of coverage from now on: news of who is covered, not a denial.
CESSATION = re.compile(r"\b(?:" + _CEASE + r")\b|\bstop(?:s|ped|ping)?\b(?!\s+\w+\s+from\b)|\bya\s+no\b|\bno\s+longer\b",
                       re.IGNORECASE)
# A population denied after it is named: "Cuban nationals are not among them", "no forman parte".
POST_NEGATION = re.compile(  # used with .match(text, pos): no "^", which would only match at 0
    r"(?:(?!\b(?:who|which|that|whom|que|quien|quienes|cuy[oa]s?)\b)[^,;.]){0,30}?(?:\b(?:are|is|were|was|will\s+be|would\s+be)\s+not\b|\b(?:aren't|isn't|weren't|won't\s+be)|"
    r"\bno\s+(?:est[aá]n|estar[aá]n|son|ser[aá]n|forman|formar[aá]n|figuran|quedan|quedar[aá]n|entran|califican|"
    r"podr[aá]n))", _I)
# "but not Cubans", "excepto los cubanos": the population after it is taken out.
NEGATED_POPULATION_BEFORE = re.compile(
    r"\b(?:except(?:\s+for)?|excluding|exclud(?:e|es|ed)|exempt(?:s|ed|ing)?|but\s+not|not|other\s+than|"
    r"excepto|salvo|menos|excluyendo|exclu(?:ye|yen|ir|idos?|idas?)|con\s+excepci[oó]n\s+de|exent[oa]s?|ni|no)"
    r"\s+(?:\w+\s+){0,2}?(?:(?:the|a\s+los|a\s+las|los|las|de\s+los|de\s+las|de|a)\s+)?$"
    # "Ninguna persona de nacionalidad cubana ha sido trasladada", "No Cuban national has been sent"
    r"|\b(?:ningun[oa]?|ningún|no)\s+(?:(?:persona|ciudadan[oa]|nacional|migrante|solicitante|person|national|citizen|"
    r"migrant|asylum[\s-]+seeker|one)s?\s+(?:de\s+nacionalidad\s+|de\s+|of\s+|from\s+)?)?(?:the\s+)?$", _I)
ANY_NEGATION = re.compile(r"\b(?:not|never|no|nunca|ni|tampoco|ningun[oa]?|ningún)\b|n't\b", _I)
DENIAL = _rx(r"\bden(?:y|ies|ied)\b", r"\bneg(?:ó|aron|aba)\b", r"\bnieg(?:a|an)\b", r"\bdesminti\w+", r"\bdesmient\w+",
             r"\b(?:it\s+is|that\s+is|is)\s+(?:false|untrue|not\s+true)\b", r"\bes\s+(?:falso|mentira)\b",
             r"\bno\s+(?:request|application|solicitud|petici[oó]n|pedido)\b", r"\b(?:has|have|had)\s+(?:not\s+)?"
             r"(?:received\s+no|not\s+received)\b", r"\bno\s+ha\s+recibido\b", r"\bfact[\s-]?check\w*",
             r"\bverificaci[oó]n\b", r"\b(?:not|no\s+est[aá]n?|no\s+son)\s+(?:being\s+)?(?:sent|trasladad\w+|enviad\w+)\b",
             r"\brul(?:ed|es)\s+out\b", r"\b(?:reject|dismiss|refut)\w*\s+(?:\w+\s+){0,2}?(?:reports?|claims?|rumou?rs?)\b",
             r"\b(?:rechaz|desmint|neg)\w*\s+(?:\w+\s+){0,2}?(?:versiones|informes|reportes|rumores)\b", r"\bdescart\w+", r"\bno\s+changes?\s+(?:to|in)\b", r"\bsin\s+cambios\b")

# --- Speculation, modality, recommendation ---------------------------------------------------------
SPECULATION = _rx(
    r"\bcould\b", r"\bmight\b", r"\bpodr[ií]a(?:n|mos)?\b", r"\bpudier(?:a|an)\b", r"\bwhether\b", r"\bsi\b", r"\bif\b",
    r"\bpropos(?:al|als|ed|es|ing)\b", r"\bpropuest[oa]s?\b", r"\bpropon\w+", r"\bpropus\w+", r"\bconsidering\b",
    r"\bconsider\s+(?:whether|sending|a|an|the)\b", r"\bdiscuss(?:ing|ion|ions|es)?\b", r"\bnegotiat\w+", r"\btalks\b",
    r"\bweigh(?:s|ing)\b", r"\bdebat(?:e|es|ed|ing)\b", r"\bdeliberat\w+", r"\bdebat(?:e|en|iendo)\b", r"\bmull\w+", r"\bexplor(?:e|es|ing)\b", r"\bpossib\w+", r"\bpotential(?:ly)?\b",
    r"\bposib\w+", r"\bnegoci\w+",
    # "analiza la posibilidad de incluir", "evalúa si": deliberation ("el informe analiza la aplicación" is not)
    r"\b(?:analiz|eval[uú])(?:a|an|ando|ará|arán|aba|aban|ó|aron)\s+(?:la\s+posibilidad|si|c[oó]mo|cu[aá]ndo|"
    r"incluir|ampliar|sumar|agregar|extender|añadir|incorporar|que)\b",
    r"\b(?:en|bajo)\s+(?:an[aá]lisis|evaluaci[oó]n)\b", r"\bestudi(?:a|an|ando)\b", r"\bplante\w+",
    r"\bhypothetic\w+", r"\bspeculat\w+", r"\brumou?r\w*", r"\bdraft\b", r"\bborrador\b", r"\bwould\s+(?:be\s+)?like\b",
    r"\bpretend\w+", r"\bbusca(?:n|ría|rían)?\s+(?:que|un|una|firmar|enviar)\b",
    r"\bbaraj\w+", r"\bsopes\w+", r"\bcontempla\w*", r"\bfloat(?:s|ed|ing)\b", r"\bnot\s+ruled\s+out\b",
    r"\bno\s+descart\w+", r"\bno\s+(?:hay|existe)\s+(?:ninguna\s+)?decisi[oó]n\b", r"\bno\s+decision\b",
    r"\bpre-?decisional\b", r"\bleak(?:ed|s)?\b", r"\bfiltrad[oa]\b", r"\bno\s+(?:current\s+)?plans?\b",
    r"\bproposed\s+rule\b", r"\bif\s+finali[sz]ed\b",
    # one person "being considered for transfer", "evaluada para traslado": no decision yet
    r"\b(?:being|is|are|was|were|been)\s+considered\s+for\b", r"\bunder\s+consideration\b",
    r"\b(?:en\s+)?evaluaci[oó]n\s+para\b", r"\bconsiderad[oa]s?\s+para\b",
    r"\bsuggest(?:ion|ions|ed|s|ing)?\b", r"\bsugeren\w+", r"\bsugiri\w+", r"\bsugier\w+",
    r"\bde\s+ser\s+(?:aprobad|ratificad|firmad|aceptad)\w*", r"\bif\s+(?:it\s+is\s+)?(?:approved|ratified|signed)\b",
    # "analiza pedido de EE. UU. para incluir a ecuatorianos", "a U.S. request to add Haitians": asked, not decided
    r"\b(?:analiz|eval[uú]|estudi|revis|examin|review|study|studies|studying|assess)\w*\s+(?:(?:un|una|el|la|a|the)\s+)?"
    r"(?:pedido|solicitud|petici[oó]n|propuesta|request|proposal|oferta|offer)\b",
    r"\b(?:pedido|solicitud|petici[oó]n|request)\s+(?:[\w.]+\s+){0,5}?(?:para|to)\s+(?:incluir|sumar|agregar|añadir|"
    r"ampliar|extender|include|add|extend|expand)\b",
    r"\bno\s+hay\s+nada\s+decidido\b", r"\bnada\s+(?:est[aá]\s+)?decidido\b",
    r"\bnothing\s+(?:has\s+been|is|was)\s+(?:yet\s+)?(?:decided|final)\b",
)
# Someone else's claim quoted to be checked or denied: a rumour, a viral post, a fake document.
RUMOUR = _rx(r"^\W*claim\s*:", r"\bclaim(?:ed|s)?\s+that\b", r"\brumou?r\w*", r"\bviral\b", r"\bsocial\s+media\b",
             r"\bredes\s+sociales\b", r"\b(?:some|other|several|these|those)\s+versions\b",
             r"\bversi[oó]n(?:es)?\s+(?:que\s+)?circula", r"\bcirculat\w+",
             r"\bfals[oa]s?\b", r"\bfake\b", r"\bbulos?\b", r"\bdesinformaci[oó]n\b", r"\baseguraba\b",
             r"\bpurported\w*", r"\bsupuest[oa]\b", r"\bmisinformation\b", r"\bhoax\b")
# An earlier claim withdrawn: "An earlier version of this article said …", "Fe de erratas", "Corrección:".
CORRECTION = _rx(r"\bcorrection\b", r"\bcorrecci[oó]n\b", r"\bcorrigi\w+", r"\brectific\w+", r"\bcorrected\b",
                 r"\bfe\s+de\s+erratas\b", r"\b(?:an|una)\s+"
                 r"(?:earlier|previous|anterior)\s+(?:version|versi[oó]n)\b", r"\bversi[oó]n\s+anterior\b",
                 r"\bincorrectly\s+(?:said|stated|reported)\b", r"\berr[oó]neamente\b")
# A state of affairs, not a change: "already applies", "can currently be sent", "por ahora solo permite".
STANDING = _rx(r"\b(?:in|during|over)\s+(?:that|this|the\s+same)\s+period\b", r"\b(?:en|durante)\s+(?:ese|aquel|dicho)\s+"
               r"per[ií]odo\b", r"\b(?:have|has)\s+been\s+(?:subject|eligible|covered|sent|transferred|included|"
               r"applied|amenable)\b", r"\bhan\s+sido\s+(?:trasladad|enviad|incluid|elegibles)\w*",
               r"\bsince\s+(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?\s+\d", r"\balready\b", r"\bcurrently\b", r"\bat\s+present\b", r"\bso\s+far\b", r"\buntil\s+now\b",
               r"\bto\s+date\b", r"\bcontinu(?:e|es|ed)\s+to\b", r"(?<!which\s)(?<!that\s)\bremains?\b", r"\bya\s+(?!est[aá]n?\s+(?:vigente|en\s+vigor))(?:son|est[aá]n?|se\s+"
               r"aplica|pueden|eran|era|hab[ií]a)\b",
               # "Honduras y Panamá ya aceptan a ecuatorianos": a standing practice, not news
               r"\bya\s+(?:acept|recib|acog|traslad|envi|enví)(?:a|an|e|en)\b", r"\bactualmente\b", r"\bpor\s+(?:ahora|el\s+momento)\b",
               r"\bhasta\s+(?:ahora|el\s+momento|la\s+fecha)\b", r"\ben\s+la\s+actualidad\b", r"\bsigue(?:n)?\s+siendo\b",
               # "designated when the agreement took effect; Cubans were added a month later": history
               r"\bwhen\s+the\s+(?:[\w-]+\s+){0,2}?(?:agreement|deal|arrangement|pact)\s+(?:took\s+effect|entered\s+into\s+force|"
               r"came\s+into\s+force|began)\b", r"\bcuando\s+(?:el|la)\s+(?:\w+\s+){0,2}?(?:acuerdo|convenio|mecanismo|arreglo)\s+"
               r"entr[oó]\s+en\s+vigor\b", r"\b(?:a|one|two|three|several|some)\s+(?:weeks?|months?|years?)\s+later\b",
               r"\b(?:un|una|dos|tres|varios|varias)\s+(?:semanas?|mes(?:es)?|años?)\s+(?:despu[eé]s|m[aá]s\s+tarde)\b",
               # "el acuerdo firmado en enero, que permite a Estados Unidos enviar ...": what it already allows
               r"\b(?:acuerdo|convenio|agreement|deal|pact|arrangement|mecanismo|mechanism)\b[^.;]{0,80}?,\s*(?:que|which|el\s+cual|"
               r"la\s+cual)\s+(?:ya\s+)?(?:permite|permit[ií]a|autoriza|allows|permits|lets|enables|prev[eé])\b")
# "if they passed through Guatemala" states the agreement's condition; it is not speculation.
CONDITION_OK = re.compile(
    r"\b(?:if|si)\s+(?:(?:they|he|she|the\s+\w+|migrants|ell[oa]s|los\s+\w+)\s+)?(?:have\s+|had\s+|han\s+|hab[ií]an\s+)?"
    r"(?:pass|passed|transit\w*|travel\w*|cross\w*|pasaron|pasan|transitaron|cruzaron)\b"
    # An eligibility condition on the person ("… for transfer to Honduras if they:", "if the applicant entered …").
    r"|\b(?:if|si)\s+(?:they|he|she|the\s+(?:person|individual|applicant|claimant|noncitizen|migrant|alien|foreigner|"
    r"national)s?|el\s+extranjer[oa]|la\s+extranjera|"
    r"la\s+persona|el\s+solicitante|los\s+solicitantes|ell[oa]s)\s*(?::|\b(?:meet|meets|satisfy|satisfies|"
    r"entered|enter|arrived|arrive|are|is|were|was|lack|have|has|do|does|cumple\w*|ingres\w+|lleg\w+|son|es|tien\w+))",
    _I)
SOFT_MODALITY = _rx(
    r"\bwould\b", r"(?<!in\s)(?<!on\s)(?<!since\s)\bmay\b(?!\s+now)(?!\s+\d)", r"\bexpected\s+to\b", r"\breportedly\b",
    r"\bplan(?:s|ned)?\s+to\b(?!\s+(?:send|transfer|relocate|fly|deport)\s+(?:\w+\s+)?(?:asylum|migrants|refugees))", r"\bintend(?:s|ed)?\s+to\b", r"\bprevé\b", r"\bplanea\w*", r"\bseg[uú]n\s+fuentes\b(?!\s+(?:del|de\s+la|oficiales|gubernamentales|ministeriales))",
)
# "would" after a reporting verb is reported speech ("the emails said Mexicans would be included");
# without one it is a hypothesis ("the agreement would let Washington send Cubans").
HYPOTHETICAL = re.compile(r"\bwould\b|\bpodr[ií]a(?:n)?\b|\bser[ií]a(?:n)?\b|\bestar[ií]a(?:n)?\b", _I)
REPORTING = _rx(r"\b(?:said|says|told|announced|confirmed|stated|wrote|informed|notified|explained|added)\b",
                r"\b(?:dijo|dice|afirm[óa]|anunci[óa]|confirm[óa]|inform[óa]|explic[óa]|declar[óa]|señal[óa]|"
                r"precis[óa]|indic[óa]|agreg[óa]|añadi[óo]|notific[óa])\b", r"\bemails?\b", r"\bguidance\b")
# Lifecycle facts are not yet facts under these ("may enter into force", "is expected to take effect");
# they are read in the trigger's own clause, so "nationals who may not get asylum" does not count.
LIFECYCLE_MODALITY = _rx(r"(?<!in\s)(?<!on\s)\bmay\b(?!\s+\d)", r"\bexpected\s+to\b", r"\bplan(?:s|ned)?\s+to\b(?!\s+(?:send|transfer|relocate|fly|deport)\s+(?:\w+\s+)?(?:asylum|migrants|refugees))",
                         r"\bintend(?:s|ed)?\s+to\b", r"\bse\s+espera\b", r"\bplanea\w*", r"\bprev[eé]\b",
                         r"\bpretende\b", r"\bwould\b", r"\bcould\b", r"\bmight\b", r"\bpodr[ií]an?\b",
                         r"\bwhether\b", r"\bhow\b", r"\bcómo\b",
                         r"\bcomo\b(?=\s+(?:se|ser[ií]an?|funcionar|funcionar[ií]a|operar|aplicar[ií]a|quedar[ií]a))", r"\bwhen\b(?=[^,.]*\?)", r"\bcan\b",
                         r"\bpuede(?:n)?\b", r"\ballow(?:s|ing)?\b", r"\bpermit(?:s|e|en)?\b",
                         r"\beither\s+(?:party|country|side|government)\b", r"\bcualquiera\s+de\s+las\s+partes\b")
# "may now be eligible" is an eligibility decision, not a guess.
MAY_DECISION = re.compile(r"\bmay\s+(?:now\s+)?(?:be\s+(?:eligible|subject|amenable|transferred|included|sent|relocated|"
                          r"processed)|process|transfer|send|relocate|apply)\b", _I)
# Calls for action are not actions: "the agreement should be terminated", "To Guatemala: withdraw from it".
RECOMMENDATION = _rx(
    r"\bshould\b", r"\bmust\b", r"\bought\s+to\b", r"\burg(?:e|es|ed|ing)\b", r"\bcall(?:s|ed|ing)?\s+(?:on|for)\b",
    r"\b(?:press(?:es|ed|ing)?|push(?:es|ed|ing)?|lobb(?:y|ies|ied|ying))\s+(?:\w+\s+){0,4}?(?:to|for)\b",
    r"\bpresion(?:a|an|ó|aron)\s+(?:\w+\s+){0,4}?para\b",
    r"\brecommend\w*", r"\bdemand(?:s|ed|ing)?\b", r"\bdeber[ií]a(?:n)?\b", r"\bdebe(?:n)?\b", r"\bexig\w+",
    r"\binst(?:ó|aron|a|an)\b", r"\bpid(?:ió|ieron|e|en)\b(?!\s+(?:(?:su|el|la)\s+)?(?:protecci[oó]n|asilo|refugio|ayuda))", r"\brecomend\w+",
    r"\b(?:ask(?:s|ed|ing)?|request(?:s|ed|ing)?|petition(?:s|ed|ing)?|sought|seek(?:s|ing)?)\s+(?:\w+\s+){0,4}?to\b", r"\bsolicit(?:ó|aron|a|an)\s+(?:\w+\s+){0,4}?que\b",
)
# A signing still to come ("will sign next week", "firmarán"): not yet an agreement.
FUTURE_SIGNING = re.compile(r"\b(?:will|shall|would|going\s+to|set\s+to|due\s+to|scheduled\s+to|expected\s+to|"
                            r"to|va(?:n)?\s+a)\s+(?:\w+\s+)?sign\b|\b(?:firmar|suscribir)[aá]n?\b|"
                            r"\b(?:will|shall|would)\s+(?:\w+\s+)?be\s+signed\b", _I)
FUTURE_NEXT = re.compile(r"\bnext\b|\bpr[oó]xim[oa]s?\b", _I)
QUESTION = re.compile(r"^\W*¿|\?\W*$")
# "Under the agreement's terms, termination takes effect 90 days after notice": a rule, not a fact.
GENERIC_RULE = re.compile(
    r"^\W*(?:under|according\s+to|in\s+accordance\s+with|seg[uú]n|conforme\s+a|de\s+conformidad\s+con)\s+"
    r"(?:\w+\s+){0,5}?(?:agreements?|agreements?'s?|terms|text|texto|acuerdos?|instrumento|convenio)\b", _I)
NOMINAL_TRIGGER = re.compile(r"(?:termination|suspension|terminaci[oó]n|suspensi[oó]n|entry\s+into\s+force|"
                             r"entrada\s+en\s+vigor|denuncia|^inicio\s+de\s+.*|^start\s+of\s+.*)$", _I)
IMPERATIVE_BEFORE = re.compile(r"(?:^|[:;]\s*)\W*(?:please\s+|do\s+not\s+|don't\s+)?$", _I)

# --- Who says it --------------------------------------------------------------------------------------
CRITIC = _rx(
    r"\bcritics?\b", r"\bopponents?\b", r"\badvocates?\b", r"\bactivists?\b", r"\b(?:human\s+)?rights\s+groups?\b",
    r"\bwarn(?:s|ed|ing)?\b", r"\bfear(?:s|ed)?\s+that\b", r"\bworr(?:y|ies|ied)\b", r"\bcondemn\w*", r"\bdenounc\w+",
    r"\bslam\w*", r"\bcr[ií]tic(?:os|as|aron|an|ó)\b", r"\bopositores\b", r"\bactivistas\b", r"\bdefensores\b",
    r"\badvirt\w+", r"\badvierte\w*", r"\btem(?:en|e|ían)\b", r"\blament\w+", r"\bquestion(?:ed|s)\b",
    r"\bcuestion(?:ó|aron|an|a)\b",
    # "denunciar un acuerdo" ends it (rules.LIFECYCLE); any other "denunciar" is criticism.
    r"\bdenunci\w+\b(?!\s+(?:formalmente\s+)?(?:el|los|la|al)\s+(?:\w+\s+)?(?:acuerdo|convenio|tratado|pacto))",
)
# Opinion pieces: not relevant news, whatever they mention.
OPINION = re.compile(r"^\s*(?:opinion|op-ed|editorial|column|analysis|opini[oó]n|columna|an[aá]lisis)\b\s*[:|\-–—]", _I)
# A hearing is procedure, not a decision: "Supreme Court hears challenge to the agreement".
HEARING = _rx(r"\bhear(?:s|ing|ings)\b", r"\baudiencias?\b", r"\boral\s+arguments?\b", r"\bvista\s+p[uú]blica\b")
COURT_ARGUMENT = _rx(r"\bargu(?:e|es|ed|ing|ment|ments)\b", r"\blawsuits?\b", r"\bplaintiffs?\b", r"\bbriefs?\b",
                     r"\baccionantes?\b", r"\bparte\s+actora\b", r"\bpetitioners?\b", r"\brecurrentes\b",
                     r"\balleg\w+", r"\bdemandantes?\b", r"\balega\w*", r"\bargument\w*", r"\bcontend\w*", r"\bsued\b")
# A court's decision (not its hearing or the parties' arguments): relevant news about an agreement.
COURT_DECISION = _rx(
    r"\b(?:court|judge|justices?|tribunal|juez\w*|jueza|corte|magistrad\w+|sala)\b[^.;]{0,120}?\b(?:ruled|rules|held|"
    r"upheld|uphold[s]?|struck\s+down|strikes\s+down|vacated|vacates|set\s+aside|blocked|blocks|enjoined|declined\s+to|"
    r"refused\s+to|dismissed|rejected|ordered|found\s+that|declared|falló|resolvió|anuló|declaró|ordenó|suspendió|"
    r"rechazó|desestimó|confirmó|avaló|dej[oó]\s+sin\s+efecto|amparó|neg[oó])\b",
    r"\b(?:ruling|decision|judgment|judgement|opinion|order|fallo|sentencia|resoluci[oó]n|dictamen)\b[^.;]{0,60}?\b"
    r"(?:issued|handed\s+down|published|released|emitid[oa]|dictad[oa]|publicad[oa])\b")
OPINION_SECTION = re.compile(r"\b(?:opinion|op-ed|editorial|column|commentary|viewpoint|opini[oó]n|columna|tribuna|"
                             r"punto\s+de\s+vista|carta)\b", _I)
COURT = _rx(r"\bjudges?\b", r"\bcourts?\b", r"\bruling\b", r"\btribunal\w*", r"\bjuez\w*", r"\bjueza\b", r"\bcorte\b")
# A lifecycle verb whose subject or object is not the agreement: "ruling on hold", "termination takes effect".
_NOT_AGREEMENT = (r"(?:ruling|decision|declaration|order|judgment|judgement|injunction|verdict|fallo|resoluci[oó]n|"
                  r"sentencia|medida\s+cautelar|orden|dictamen|declaratoria|termination|terminaci[oó]n|suspension|"
                  r"suspensi[oó]n|withdrawal|denuncia|rule|regla|reglamento|tariffs?|aranceles?|deportations?|"
                  r"deportaciones|expulsions?|expulsiones|pause|pausa|freeze|congelamiento|appeals?|recursos?|apelaci[oó]n(?:es)?|amparos?|petitions?|complaints?|"
                  r"lawsuits?|demandas?|designations?|designaci[oó]n(?:es)?|decrees?|decretos?|instructions?|instrucci[oó]n(?:es)?|"
                  r"directives?|directivas?|circulars?|circular(?:es)?)")
WRONG_SUBJECT_BEFORE = re.compile(
    r"\b" + _NOT_AGREEMENT + r"(?:\s+of\s+\w+)?\s+(?:(?:was|is|were|are|has\s+been|had\s+been|remains|remained|stays|"
    r"put|placed|kept|will|would|fue|será|queda|quedó)\s+)?$", _I)
WRONG_OBJECT_AFTER = re.compile(r"\s+(?:her|his|its|their|the|a|la|el|su|sus)\s+(?:\w+\s+)?" + _NOT_AGREEMENT + r"\b",
                                _I)

# --- Neighbouring policies that are not asylum transfers ---------------------------------------------
MPP = _rx(r"\bremain\s+in\s+mexico\b", r"\bmigrant\s+protection\s+protocols?\b", r"\bMPP\b",
          r"\bqu[eé]date\s+en\s+m[eé]xico\b", r"\bpermanecer\s+en\s+m[eé]xico\b",
          r"\bprotocolos?\s+de\s+protecci[oó]n\s+(?:a|de)\s+migrantes\b")
TITLE_42 = _rx(r"\btitle\s+42\b", r"\bt[ií]tulo\s+42\b", r"\bexpel\w*", r"\bexpuls\w+")
# Transfers that are not of asylum seekers under an agreement: patients, money, footballers, prisoners.
LOOKALIKE = {
    "medical": _rx(r"\bhospital\w*", r"\bpatients?\b", r"\bpacientes?\b", r"\bambulanc\w+", r"\bhelic[oó]pter\w*",
                   r"\bmedevac\b", r"\bm[eé]dic[oa]s?\b", r"\bcl[ií]nic\w+"),
    "money": _rx(r"\bremittances?\b", r"\bremesas?\b", r"\bmoney\s+transfers?\b", r"\bwire(?:d|s)?\b",
                 r"\bbank\s+transfers?\b", r"\btransferencias?\s+(?:bancarias?|de\s+dinero|electr[oó]nicas?)\b",
                 r"\benv[ií]os?\s+de\s+dinero\b", r"\bd[oó]lares\b", r"\$\s?\d"),
    "sport": _rx(r"\bclub\b", r"\bfichaj\w+", r"\bfutbolista\w*", r"\bfootball\w*", r"\bsoccer\b", r"\bstriker\b",
                 r"\bdelantero\b", r"\btransfer\s+(?:fee|window)\b", r"\bmercado\s+de\s+pases\b", r"\bplayer\b"),
    "prisoner": _rx(r"\bsentenced\s+(?:persons|prisoners)\b", r"\bprisoners?\b", r"\binmates?\b", r"\bpres[oa]s\b",
                    r"\breos?\b", r"\bcondenad[oa]s\b", r"\bsentenciad[oa]s\b", r"\bextradit\w+", r"\bextradici\w+"),
}
OWN_COUNTRY = _rx(r"\bhome\s+countr(?:y|ies)\b", r"\bcountr(?:y|ies)\s+of\s+origin\b", r"\bown\s+countr(?:y|ies)\b",
                  r"\bpa[ií]s(?:es)?\s+de\s+origen\b", r"\bsus\s+pa[ií]ses\b", r"\brepatri\w+",
                  r"\bretornad[oa]s\b", r"\breturned\s+home\b", r"\bits\s+(?:own\s+)?citizens\b",
                  r"\bsus\s+(?:propios\s+)?(?:ciudadanos|connacionales|nacionales)\b")
# Removals of alleged criminals (prisons, gangs, the Alien Enemies Act) are not asylum transfers.
CRIMINAL = _rx(r"\bprisons?\b", r"\bjail(?:s|ed)?\b", r"\bCECOT\b", r"\bgangs?\b", r"\bAlien\s+Enemies\b",
               r"\bTren\s+de\s+Aragua\b", r"\bMS-13\b", r"\bc[aá]rcel\w*", r"\bpandill\w+", r"\bprisi[oó]n\b",
               r"\bcriminal\s+records?\b", r"\bantecedentes\s+penales\b", r"\bconfinement\b")
DEPORTATION = _rx(r"\bdeport\w*", r"\bremoval\s+flights?\b", r"\bvuelos?\s+de\s+(?:deportaci[oó]n|retorno)\b")

# --- Attribution ---------------------------------------------------------------------------------------
OFFICIAL = _rx(
    r"\bDepartment\s+of\s+(?:Homeland\s+Security|State|Justice)\b", r"\bDHS\b", r"\bHomeland\s+Security\b",
    r"\bState\s+Department\b", r"\bUSCIS\b", r"\bCitizenship\s+and\s+Immigration\s+Services\b",
    r"\bFederal\s+Register\b", r"\b(?:interim\s+)?final\s+rule\b", r"\brule\b", r"\bregulation\b", r"\bministry\b",
    r"\bminist(?:er|ro|ra|erio)\b", r"\bsecretar(?:y|[ií]a|io)\b", r"\bcanciller(?:[ií]a)?\b",
    r"\bspokes(?:person|man|woman)\b", r"\bportavoz\b", r"\bvocer[oa]\b", r"\bembass(?:y|ies)\b", r"\bembajada\b",
    r"\bWhite\s+House\b", r"\bCasa\s+Blanca\b", r"\bDepartamento\s+de\s+(?:Seguridad\s+Nacional|Estado)\b",
    r"\bgovernment\b", r"\bgobierno\b", r"\badministration\b", r"\bofficials?\b", r"\bfuncionari[oa]s?\b",
    r"\bagency\b", r"\bInstituto\s+\w+\s+de\s+Migraci[oó]n\b", r"\bacuerdo\s+gubernativo\b", r"\bDiario\s+Oficial\b",
    r"\bnotice\b", r"\bdesignation\b", r"\bdiplomatic\s+notes?\b", r"\bnotas?\s+diplom[aá]tica",
)
CONFIRM = _rx(r"\bconfirm\w*", r"\bannounc\w+", r"\bsaid\s+in\s+a\s+statement\b", r"\bstatement\b", r"\bpublish\w*",
              r"\bnotice\b", r"\bconfirm[óo]\b", r"\banunci[óo]\b", r"\binform[óoa]\b", r"\bpublic[óo]\b",
              r"\bcomunicado\b", r"\bdio\s+a\s+conocer\b", r"\bnotifi\w+")
NOW = _rx(r"\bnow\b", r"\bahora\b", r"\ba\s+partir\s+de\b", r"\bstarting\b", r"\beffective\b", r"\btoday\b", r"\bhoy\b")

# --- Time ---------------------------------------------------------------------------------------------
BACKGROUND = _rx(
    r"\blast\s+(?:year|month|summer|fall|autumn|winter|spring)\b", r"\bprevious\s+(?:year|administration)\b",
    r"\b(?:previous|last|past)\s+decade\b",
    # a habitual past ("el acuerdo que enviaba hondureños a Guatemala", "the deal that used to send"), a look back
    r"\b(?:enviaba|enviaban|trasladaba|trasladaban|recib[ií]a|recib[ií]an|acog[ií]a|acog[ií]an)\b",
    r"\bused\s+to\s+(?:send|transfer|receive|take)\b", r"\b(?:years|a[nñ]os|decades|d[eé]cadas)\s+(?:later|despu[eé]s)\b", r"\bin\s+the\s+(?:19|20)\d0s\b", r"\bla\s+d[eé]cada\s+(?:pasada|anterior)\b",
    r"\ben\s+los\s+(?:años\s+)?(?:19|20)\d0\b",
    r"\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|many|few|\d+)\s+"
    r"(?:years?|months?|decades?)\s+ago\b", r"\bpreviously\b", r"\bsince\s+(?:it|the\s+\w+)\s+took\s+effect\b",
    # The pluperfect dates the sentence, unless it is the backstory of a person in a relative
    # clause ("a woman who had asked for asylum in Texas arrived on Tuesday").
    r"(?<!\bwho\s)(?<!\bwhich\s)(?<!\bthat\s)\bhad\s+(?!to\b)(?:already\s+|previously\s+)?(?:been\s+)?"
    r"[a-z]+(?:ed|en|de|ght|nt|ck|ne|un)\b",
    r"\bd?el\s+año\s+pasado\b", r"\bel\s+mes\s+pasado\b", r"\bhace\s+(?:un|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|varios|muchos|\d+)\s+(?:años?|meses|décadas?)\b",
    r"\banteriormente\b", r"\bpreviamente\b", r"(?<!\bque\s)(?<!\bquien\s)(?<!\bquienes\s)\bhab[ií]a(?:n)?\s+\w+(?:ado|ido|to|cho)\b",
    r"\b(?:original|former|earlier|previous|old|prior|first)\s+(?:\w+\s+)?(?:agreement|deal|pact|accord|program)\b",
    r"\b(?:acuerdo|convenio|pacto|programa)\s+(?:original|anterior|previo)\b",
    r"\bsince\s+(?:last\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|(?:19|20)\d\d)\b", r"\bdesde\s+(?:el\s+)?(?:pasado\s+)?(?:enero|febrero|marzo|abril|mayo|junio|"
    r"julio|agosto|septiembre|octubre|noviembre|diciembre|(?:19|20)\d\d)\b",
    r"\b(?:el\s+)?pasado\s+(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|"
    r"noviembre|diciembre)\b", r"\b(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|"
    r"noviembre|diciembre)\s+pasado\b",
)
FUTURE = _rx(r"\bwill\b", r"\bshall\b", r"\bnext\b", r"\bupcoming\b", r"\bas\s+of\b", r"\bstarting\b",
             r"\bpodr[aá]n?\b", r"\bhabr[aá]n?\b", r"\bser[aá]n?\b",
             r"\b\w+(?:ará|erá|irá|arán|erán|irán)\b", r"\bpr[oó]xim[oa]\b", r"\ba\s+partir\s+de\b")
MONTHS = dates.MONTHS
_MONTH_NAMES = "|".join(sorted((m for m in MONTHS if len(m) > 3), key=len, reverse=True))
# "in July", "en julio", "July 26, 2019"; a bare "May" is not a month (it is also a modal).
MONTH_REF = re.compile(
    r"\b(?:(?:in|since|on|en|desde|de|el)\s+(?:\d{1,2}\s+de\s+|(?:mid|early|late)[\s-]+|(?:mediados|principios|"
    r"finales|fines)\s+de\s+)?(?P<m1>" + _MONTH_NAMES
    + r")|(?P<m2>January|February|March|April|June|July|August|September|October|November|December)\s+\d{1,2})\b", _I)
YEAR = re.compile(r"\b(?:in|since|of|en|de|desde|del)\s+(?P<y>(?:19|20)\d\d)\b|\b(?P<y2>(?:19|20)\d\d)\b", _I)
# A full date near the top of a plain-text document is its dateline: "Nov. 14, 2025", "8 de febrero de 2021".
_ANY_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
DATELINE = re.compile(
    r"\b(?P<m1>" + _ANY_MONTH + r")\.?\s+(?P<d1>\d{1,2}),?\s+(?P<y1>(?:19|20)\d\d)\b"
    r"|\b(?P<d2>\d{1,2})\s+(?:de\s+)?(?P<m2>" + _ANY_MONTH + r")\.?\s+(?:de\s+|del\s+)?(?P<y2>(?:19|20)\d\d)\b"
    r"|\b(?P<y3>(?:19|20)\d\d)-(?P<m3>\d\d)-(?P<d3>\d\d)\b", _I)


# Literal prefilters (detect/prefilter.py): the same answers, most patterns never run.
prefilter_module(globals())
