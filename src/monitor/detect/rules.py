"""Lexicons of what the detector looks for, English and Spanish, as compiled patterns (data, no logic).

What an asylum transfer agreement is called; the verbs that make a nationality transferable
(triggers); the cues that give a country mention its role in a sentence (destination,
partner, population, border); and the verbs of each lifecycle action. The cues that veto or
weaken a candidate live in `cues.py`. All patterns are compiled once, at import.
"""

from __future__ import annotations

import re

from monitor.detect.prefilter import alternatives, prefilter_module

_I = re.IGNORECASE


def _rx(*parts: str) -> re.Pattern[str]:
    return alternatives(parts, _I)  # type: ignore[return-value]  # a Pattern, prefiltered (detect/prefilter.py)


# --- What an asylum transfer agreement is called ------------------------------------------------
NAMED_AGREEMENT = _rx(
    r"\basylum\s+cooperative\s+agreements?\b",
    r"(?-i:\bACAs?\b)", r"(?-i:\bSTCA\b)", r"\bsafe[\s-]+third[\s-]+countr(?:y|ies)\b",
    r"\basylum\s+(?:transfer\s+)?(?:agreements?|deals?|pacts?)\b",
    # A bare "transfer agreement" is also cargo, prisoners, football: only people seeking protection.
    r"\b(?:migrants?|migration|refugees?|asylum[\s-]+seekers?|protection)\s+transfer\s+agreements?\b",
    r"\bcooperation\s+(?:regarding|in|on)\s+the\s+examination\s+of\s+protection\s+claims\b",
    r"\bthird[\s-]+country\s+(?:asylum\s+)?agreements?\b",
    r"\bacuerdos?\s+de\s+cooperaci[oó]n\s+(?:en\s+materia\s+de\s+|de\s+|sobre\s+|en\s+)?asilo\b",
    r"\bacuerdos?\s+(?:de|sobre)\s+asilo\b", r"\btercer(?:os)?\s+pa[ií]s(?:es)?\s+seguros?\b",
    r"\bexamen\s+de\s+(?:las\s+)?solicitudes\s+de\s+protecci[oó]n\b",
)
AGREEMENT_NOUN = _rx(
    # "the plan to send asylum seekers to Rwanda": a transfer policy named by what it does
    r"\b(?:plan|policy|programme|program|plan|pol[ií]tica|programa)\s+(?:to|para)\s+(?:send|transfer|relocate|fly|"
    r"deport|enviar|trasladar|reubicar)\s+(?:\w+\s+)?(?:asylum[\s-]+seekers|migrants|refugees|solicitantes|migrantes|"
    r"refugiad[oa]s)\b",
    r"\b(?:agreements?|deals?|pacts?|accords?|arrangements?|memorand(?:um|a)(?:\s+of\s+understanding)?|"
    r"partnerships?|mechanisms?|(?<!migrant\s)(?<!protection\s)protocols?|exchange\s+of\s+notes|schemes?)\b",
    r"\b(?:acuerdos?|convenios?|pactos?|memor[aá]ndums?|memorandos?|arreglos?|mecanismos?|protocolos?|"
    r"canjes?\s+de\s+notas|instrumentos?)\b",
)
DEFINITE_AGREEMENT = _rx(r"\b(?:the|this|that)\s+(?:\w+\s+){0,2}?(?:agreement|deal|pact|accord|arrangement|protocol|partnership|"
                         r"memorandum|framework|scheme|mechanism)\b",
                         r"\b(?:el|este|dicho)\s+(?:\w+\s+)?(?:acuerdo|convenio|pacto|instrumento)\b",
                         r"\b(?:both|the\s+two)\s+countries\b", r"\bambos\s+(?:pa[ií]ses|gobiernos)\b")
ASYLUM_WORD = _rx(r"\basylum\b", r"\basilo\b", r"\brefugee", r"\brefugiad", r"\brefugio\b", r"\bprotection\b",
                  r"\bprotecci[oó]n\b")
# What else says a transfer agreement is about protection: "regional processing", "assess their claims", "transferees".
CLAIMS_WORD = _rx(r"\bclaims?\b", r"\bprocessing\b", r"\btransferees?\b", r"\bprocesamiento\b",
                  r"\bsolicitudes\s+de\s+(?:refugio|protecci[oó]n)\b")
# Agreements that are not asylum transfer agreements.
TRADE_SECURITY = _rx(
    r"\btrade\b", r"\btariffs?\b", r"\bfree[\s-]+trade\b", r"\bUSMCA\b", r"\bNAFTA\b", r"\bT-?MEC\b", r"\bTLCAN\b",
    r"\bsecurity\s+(?:agreements?|deals?|pacts?|cooperation|accords?)\b", r"(?<!vuelo\s)(?<!vuelos\s)(?<!avión\s)(?<!aerolínea\s)\bcomerci(?:o|al(?:es)?)\b",
    r"\baranceles?\b", r"\bacuerdos?\s+de\s+seguridad\b", r"\bextradit", r"\bextradici",
    # Prisoner transfer treaties ("traslado de personas sentenciadas").
    r"\bsentenciad[oa]s\b", r"\bsentenced\s+(?:persons|prisoners)\b", r"\bprisoner\s+transfer",
)
# An agreement qualified as trade or security ("a trade agreement", "acuerdo comercial"): never an asylum one.
TRADE_AGREEMENT = _rx(
    r"\b(?:trade|commercial|free[\s-]+trade|security|tariff|customs|investment|beef|energy|power)\s+"
    r"(?:agreements?|deals?|pacts?|accords?|memorand(?:um|a))\b",
    r"\b(?:acuerdos?|convenios?|tratados?|memorandos?|memor[aá]ndum)\s+(?:\w+\s+)?(?:comercial(?:es)?|"
    r"de\s+(?:libre\s+)?comercio|de\s+seguridad|sobre\s+seguridad|arancelari\w+)\b",
    r"\b(?:memorand(?:um|a)|memorandos?|memor[aá]ndums?|acuerdos?|convenios?)\s+(?:de\s+entendimiento\s+|of\s+understanding\s+)?"
    r"(?:en\s+materia\s+de|sobre|on|for)\s+(?:border\s+|fronteriza\s+)?(?:seguridad|security|comercio|trade)\b",
    r"\bUSMCA\b", r"\bNAFTA\b", r"\bT-?MEC\b", r"\bTLCAN\b", r"\bextradit", r"\bextradici",
    r"\bsentenciad[oa]s\b", r"\bsentenced\s+(?:persons|prisoners)\b", r"\bprisoner\s+transfer",
    # "firman memorando de entendimiento para fortalecer la cooperación en seguridad", "a pact to fight organized crime"
    r"\b(?:memorand(?:um|a)|memorandos?|memor[aá]ndums?|acuerdos?|convenios?|agreements?|pacts?|deals?)\s+"
    r"(?:de\s+entendimiento\s+|of\s+understanding\s+)?(?:[\w,]+\s+){0,5}?(?:(?:cooperaci[oó]n|cooperation)\s+(?:en|on|in)\s+"
    r"(?:materia\s+de\s+)?(?:seguridad|security|defensa|defen[cs]e)|crimen\s+organizado|organi[sz]ed\s+crime|"
    r"narcotr[aá]fico|drug\s+trafficking)\b",
)
# "the Agreements", "los acuerdos": every partner the document names.
PLURAL_AGREEMENTS = _rx(r"\b(?:the|these|those|both|all|three|two)\s+(?:\w+\s+)?(?:agreements|deals|pacts|accords)\b",
                        r"\b(?:los|estos|ambos|dichos|tres|dos)\s+(?:\w+\s+)?(?:acuerdos|convenios|pactos)\b",
                        r"(?-i:\bACAs\b)")
# "Those deals", "esos acuerdos": the agreements the previous sentence named.
ANAPHORIC_AGREEMENTS = _rx(r"\b(?:these|those)\s+(?:\w+\s+)?(?:agreements|deals|pacts|accords)\b",
                           r"\b(?:estos|esos|aquellos|dichos)\s+(?:\w+\s+)?(?:acuerdos|convenios|pactos)\b")
# "will enter into force once both parties ...": a condition, not yet a fact.
CONDITION_AFTER = re.compile(r"[^.;]{0,60}?\b(?:once|as\s+soon\s+as|provided\s+that|upon|una\s+vez\s+que|en\s+cuanto|"
                             r"siempre\s+que|hasta\s+que|cuando|tras\s+(?:la|el|su)\s+(?:aprobaci|ratificaci)|en\s+la\s+fecha\s+en\s+que|"
                             r"on\s+the\s+date\s+(?:on\s+which|when)|after\s+both|when\s+both|"
                             r"(?:after|following)\s+(?:its\s+|the\s+)?(?:ratification|approval))", _I)
# "the first transfers are unlikely before 2028", "no ocurrirían antes de junio": the step denied after its noun.
NEGATED_AFTER_STEP = re.compile(r"\s+(?:[\w'’]+\s+){0,2}?(?:are|is|were|was|would\s+be|will\s+be)?\s*(?:not|no|never|unlikely|"
                                r"won't|aren't|isn't|nunca|improbable)\b", _I)
INTERNATIONAL_LAW = _rx(
    r"\binternational\s+(?:agreements|treaties|conventions)\b", r"\btreat(?:y|ies)\b", r"\btratados?\b",
    r"\bhuman\s+rights\b", r"\bderechos\s+humanos\b", r"\bratif(?:ied|y)\b", r"\bratificad",
)

# --- made_amenable: who may now be sent where --------------------------------------------------
TRANSFER_VERB = _rx(
    r"\b(?:transferr?(?:ed|ing|s)?|transfers?)\b", r"\bsen(?:d|ds|ding|t)\b", r"\bflown\b", r"\bfly(?:ing)?\b",
    r"\bmov(?:ed|ing)\b", r"\brelocat(?:e|es|ed|ing)\b", r"\bremov(?:ed|ing)\b", r"\bshipp?(?:ed|ing)\b",
    r"\bon\s+(?:flights?|planes?)\s+to\b", r"\b(?:put|placed|board(?:ed)?)\s+on\s+(?:\w+\s+){0,2}?(?:flights?|planes?)\b",
    r"\brelocations?\b",
    r"\btraslad\w*", r"\benv(?:i|í)\w*", r"\btransfer(?:id|ir|encia)\w*", r"\bremitid\w*", r"\bderivad\w*",
    r"\breubica\w*", r"\bcanaliz\w*", r"\breubicaci[oó]n\w*",
)
SPANISH_TRANSFER_VERB = re.compile(r"\b(?:traslad|env[ií]|transfer[ií]|remit|deriv|reubic|canaliz)\w*", _I)
# The receiving country as subject: "Guatemala will take in Hondurans", "Honduras recibirá a ...".
_NOT_PEOPLE_AFTER = (r"(?!\s+(?:asylum(?![\s-]+(?:seekers?|applicants?|claimants?))|protection|refuge|asilo|protecci[oó]n|"
                     r"refugio|apoyo|support|funds|fondos|ayuda|aid)\b)")
RECEIVE_VERB = _rx(
    r"\b(?:receiv(?:e|es|ed|ing)|accept(?:s|ed|ing)?|take\s+in|takes\s+in|took\s+in|taking\s+in|host(?:s|ed)?)\b"
    + _NOT_PEOPLE_AFTER,
    r"\brecib(?:e|en|ió|ieron|irá|irán|ir|id[oa]s?)\b" + _NOT_PEOPLE_AFTER,
    r"\bacept(?:a|an|ó|aron|ará|arán|ar)\b", r"\bacoger\w*",
    # "Belize will now take Venezuelan asylum seekers"
    r"\b(?:take|takes|took|taking)\b(?=\s+(?:(?:in|on)\s+)?(?:[\w,]+\s+){0,5}?(?:asylum[\s-]+seekers|migrants|refugees|"
    r"applicants|claimants|nationals|citizens|families))",
)
# "cuyo traslado no se haya realizado", "whose transfer has not taken place": the trigger negated after it.
NEGATED_AFTER_TRIGGER = _rx(
    r"^\s+no\s+se\s+(?:ha|han|haya|hayan|hab[ií]a|hab[ií]an|hubiera|hubieran)\s+(?:realizado|efectuado|concretado|"
    r"producido|ejecutado|materializado)",
    r"^\s+(?:has|have|had)\s+(?:not|yet\s+to|never)\s+(?:yet\s+)?(?:taken\s+place|happened|been\s+carried\s+out|occurred|take\s+place)",
)
AMENABILITY = _rx(
    r"\bamenable\b", r"\beligible\b",
    r"\bsubject\s+to\s+(?:(?:the|a|an|its)\s+)?(?:[\w.'’-]+\s+){0,4}?(?:agreements?|ACAs?|STCA|deals?|pacts?|accords?|"
    r"arrangements?|rule|transfers?|removal|relocation|mechanism|memorandum|protocol|scheme|partnership)\b",
    r"\bliable\s+to\s+(?:be\s+)?(?:relocat\w+|transferr?\w*|removal|removed|sent|flown|taken)\b",
    r"\beligible\s+for\s+(?:relocation|transfer|removal)\b",
    r"\binclud(?:e|es|ed|ing)\b", r"\bcover(?:s|ed|ing)?\b", r"\bextend(?:s|ed)?\s+to\b", r"\bexpand(?:s|ed)?\s+to\b",
    r"\bappl(?:y|ies|ied|ying)\s*(?:,[^;.]{1,60}?,\s*)?(?:(?:only|also|now|initially|solely|equally|for\s+now|"
    r"as\s+well)\s+)?to\b",
    r"\badd(?:s|ed|ing)?\s+(?:\w+\s+){0,4}?to\s+(?:the\s+)?(?:list|populations?|agreement|nationalities|groups?)\b",
    # "to apply the U.S.-Paraguay ACA, effective September 21, also to nationals of"
    r"\bappl(?:y|ies|ied|ying)\s+(?:the\s+|its\s+|this\s+)?(?:[\w.'’-]+\s+){0,4}?(?:agreement|ACA|arrangement|deal|"
    r"memorandum|mechanism|protocol)\b[^.;:]{0,60}?\bto\b",
    r"\bdesignat(?:e|es|ed|ing)\b", r"\bprocessed\s+for\s+transfer\b",
    r"\belegibles?\b", r"\bsujet[oa]s?\s+a\b", r"\binclu(?:id|y|ir|ye|yen|irá|irán|yó)\w*",
    # "Nacionalidades comprendidas en el ámbito del Memorando": covered by it
    r"\bcomprendid[oa]s\s+(?:en|por)\s+(?:el\s+)?(?:[aá]mbito\s+(?:de\s+aplicaci[oó]n\s+)?(?:de|del)\s+)?(?:la\s+|el\s+)?"
    r"(?:acuerdo|memorando|memor[aá]ndum|convenio|mecanismo|arreglo|protocolo|canje)\b",
    r"\bse\s+aplica(?:r[aá]n?|n)?\s*(?:,[^;.]{1,60}?,\s*)?(?:también\s+|solamente\s+|solo\s+|sólo\s+)?a\b",
    r"\baplicarse\s+(?:(?:el|desde(?:\s+el)?|a\s+partir\s+del?)\s+[^;.:]{1,60}?\s+)?a\s+(?:l[oa]s?|personas|nacionales|"
    r"ciudadan[oa]s|solicitantes)\b", r"\bincorpor(?:a|an|ó|aron|ará|arán|ar|ad[oa]s?)\b",
    r"\bcomprendid[oa]s\b", r"\bse\s+suma(?:n|r[aá]n)?\s+a\b", r"\bforma(?:n|r[aá]n)?\s+parte\b",
    r"\bappl(?:y|ies|ied|ying)\s+(?:the\s+|its\s+|this\s+)?(?:[\w-]+\s+){0,3}?(?:agreement|arrangement|ACA|STCA|deal|"
    r"rule|mechanism|memorandum|protocol|scheme|partnership)\s+(?:(?:only|also|now|initially|solely|equally)\s+)?to\b",
    r"\baplic\w+\s+(?:el\s+|dicho\s+|este\s+)?(?:acuerdo|convenio|ACA|mecanismo|memorando|protocolo|arreglo|"
    r"instrumento)\s+(?:\w+\s+){0,3}?a\b",
    r"\baplic(?:a|ará|arán)\s+(?:también\s+)?(?:a|para)\b", r"\bampli(?:ó|a|ará|aron)\b", r"\bcubiert[oa]s\b",
    # "are also in scope", "quedan dentro del ámbito del acuerdo"
    r"\b(?:in|within)\s+(?:the\s+)?scope\b", r"\bdentro\s+del\s+(?:[aá]mbito|alcance)\b",
    r"\balcanza(?:n|r[aá]n?)?\s+(?:también\s+)?a\b",
    # "el mecanismo será aplicable a partir del 15 de agosto a solicitantes nacionales de", "applicable from May 1 to"
    r"\baplicables?\b(?:\s+(?:a\s+partir\s+del?|desde(?:\s+el)?)\s+[^;.:]{1,40}?)?\s+a\b(?!\s+partir)",
    r"\bapplicable\s+(?:(?:from|as\s+of|starting)\s+[^;.:]{1,40}?\s+)?to\b",
    # "DHS will implement the Agreement with respect to the following populations", "se implementará respecto de"
    r"\bimplement(?:s|ed|ing)?\b[^.;:]{0,60}?\b(?:with\s+respect\s+to|in\s+respect\s+of|as\s+regards)\b",
    r"\b(?:implement|aplic)\w*\b[^.;:]{0,60}?\b(?:respecto\s+(?:de|a)|con\s+relaci[oó]n\s+a|en\s+relaci[oó]n\s+con)\b",
)
STRONG_AMENABILITY = _rx(
    r"\bamenable\b", r"\beligible\b", r"\bsubject\s+to\b", r"\belegibles?\b", r"\bsujet[oa]s?\s+a\b",
    r"\bpodr[aá]n\s+ser\s+(?:traslad|envi|transfer|remit|deriv|reubic)\w*", r"\bdesignat(?:e|es|ed)\b",
    r"\b(?:can|will)\s+(?:now\s+)?be\s+(?:sent|transferred|flown|relocated|removed)\b",
    r"\bcomprendid[oa]s\b", r"\bincorpor(?:a|an|ó|aron|ará|arán)\b", r"\bprocessed\s+for\s+transfer\b",
)
# Words that take a population out ("Cubans are excluded", "quedan exentos").
EXCLUSION = _rx(r"\bexclu(?:de|des|ded|ding|sion)\b", r"\bexempt(?:s|ed|ion)?\b", r"\bexclu(?:ye|yen|id[oa]s?|ir)\b",
                r"\bexent[oa]s?\b", r"\bexceptuad[oa]s?\b")
CLAUSE_BREAK = re.compile(r"[,;:()]|\b(?:but|while|whereas|although|though|pero|mientras|aunque|sino)\b", _I)
# Clause edges for modality: also relative pronouns ("nationals who may not get asylum").
RELATIVE_BREAK = re.compile(r"[,;:()—–]|\b(?:but|while|whereas|although|though|who|which|whom|whose|pero|mientras|"
                            r"aunque|sino|quien|quienes|cuy[oa]s?|adding|añadiendo|agregando)\b", _I)
# What ends the scope of a verb before a later noun: a clause edge or a relative clause.
SCOPE_BREAK = re.compile(r"[;:.]|\b(?:which|that|who|whom|under\s+which|que|quien|quienes|cuy[oa]s?|el\s+cual|la\s+cual|"
                         r"por\s+el\s+que|bajo\s+el\s+cual|while|mientras|but|pero|and\s+(?:has|had|have)|y\s+(?:ha|han|había))\b",
                         _I)
# A dateline opening a sentence: "KAMPALA, Uganda —", "CIUDAD DE PANAMÁ, 20 may (Agencia) -".
DATELINE_PREFIX = re.compile(r"\s*[A-ZÁÉÍÓÚÑ][A-ZÁÉÍÓÚÑ .'-]{2,40}?(?:,\s*[^\n(—–]{0,60}?)?\s*(?:\([^)\n]{0,60}\)\s*)?"
                             r"(?:[—–]|--?)(?=\s)")
# Edges of coordinated clauses with their own subject: "...; only X became operational, and all three were ...".
COORDINATED_CLAUSE = re.compile(
    r";|\s—\s|,\s+(?:and|but|while|whereas|y|e|pero|mientras|aunque)\s+(?=(?:all|only|the|it|they|its|both|none|each|has|"
    r"have|had|was|were|is|are|will|el|la|los|las|ambos|todos|ninguno|s[oó]lo|ha|han|fue|fueron|se)\b)", _I)
# "Vietnamese citizens are also covered": an addition to what the sentences before decided.
ADDITIVE = re.compile(r"\b(?:also|too|as\s+well|likewise|in\s+addition|tambi[eé]n|asimismo|igualmente|adem[aá]s)\b", _I)
# A country named as an item of the list of nationalities: "the list of eligible nationalities now includes
# Vietnam", "adds Nicaragua to the nationalities covered", "suma a Haití a la lista de países".
LIST_INCLUDES_BEFORE = re.compile(
    r"\b(?:nationalities|countries|list|populations|nacionalidades|pa[ií]ses|lista|poblaciones)\b[^.;]{0,80}?\b"
    r"(?:now\s+)?(?:includes?|including|incluye|incluyen|incluirá|comprende|abarca)\s+(?:a\s+)?"
    r"(?:(?-i:[A-ZÁÉÍÓÚÑ])[\w'’-]+(?:\s+(?-i:[A-ZÁÉÍÓÚÑ])[\w'’-]+)*\s*(?:,|\band\b|\by\b)\s*)*$", _I)
TO_THE_LIST_AFTER = re.compile(
    r"^(?:\s*(?:,|\band\b|\by\b)\s*(?-i:[A-ZÁÉÍÓÚÑ])[\w'’-]+(?:\s+(?-i:[A-ZÁÉÍÓÚÑ])[\w'’-]+)*)*\s+(?:to|a)\s+"
    r"(?:the|la|las|los)\s+(?:\w+\s+)?(?:list|nationalities|countries|populations|lista|nacionalidades|"
    r"pa[ií]ses|poblaciones)\b", _I)
POLICY_NOUN = _rx(r"\brule\b", r"\bpolicy\b", r"\bnotice\b", r"\bprogram\b", r"\bregla\b", r"\bpol[ií]tica\b",
                  r"\bmedida\b", r"\bdisposici[oó]n\b", r"\bdesignation\b", r"\bguidance\b")

# --- Roles of a country mention (patterns on the text just before / after it) --------------------
DESTINATION_EN = re.compile(r"\b(?:to|into|onto)\s+(?:the\s+)?(?:(?:territory|soil)\s+of\s+(?:the\s+)?)?$", _I)
DESTINATION_ES = re.compile(r"\b(?:a|hacia|al|rumbo\s+a|con\s+destino\s+a)\s+(?:la\s+|el\s+)?"
                            r"(?:(?:territorio|suelo)\s+(?:de|del)\s+(?:la\s+|el\s+)?)?$", _I)
# "landed in Paraguay", "llegaron a Honduras": an arrival names the destination when people are moved.
ARRIVAL_BEFORE = re.compile(
    r"\b(?:arriv(?:e|es|ed|ing)|land(?:s|ed|ing)?|touch(?:ed|es)?\s+down|lleg(?:a|an|ó|aron|ar[aá]n?|ad[oa]s?)|"
    r"arrib(?:a|an|ó|aron)|aterriz(?:a|an|ó|aron)|dock(?:s|ed|ing)?|disembark(?:s|ed|ing)?|atrac(?:a|an|ó|aron)|"
    r"desembarc(?:a|an|ó|aron))\s+(?:[\w,]+\s+){0,4}?(?:in|at|a|en|al)\s+(?:the\s+|la\s+|el\s+)?$",
    _I)
ARRIVAL_VERB = re.compile(
    r"\b(?:arriv(?:e|es|ed|ing)|land(?:s|ed|ing)?|touch(?:ed|es)?\s+down|lleg(?:a|an|ó|aron|ar[aá]n?)|"
    r"arrib(?:a|an|ó|aron)|aterriz(?:a|an|ó|aron)|dock(?:s|ed|ing)?|disembark(?:s|ed|ing)?|atrac(?:a|an|ó|aron)|"
    r"desembarc(?:a|an|ó|aron))\b", _I)
# People who can be moved, named anywhere in a sentence.
PEOPLE_WORD = re.compile(r"\b(?:asylum[\s-]+seekers?|applicants?|migrants?|refugees?|people|persons|passengers|men|women|"
                         r"man|woman|families|solicitantes|migrantes|refugiad[oa]s|personas|pasajer[oa]s|hombres?|mujer(?:es)?|"
                         r"familias)\b", _I)
# "escorted on a scheduled flight from Gran Canaria to Nouakchott", "un vuelo con destino a Kigali"
FLIGHT_TO_BEFORE = re.compile(r"\b(?:flights?|planes?|charters?|vuelos?|avi[oó]n|ch[aá]rter)\s+(?:[\w'’-]+\s+){0,5}?"
                              r"(?:to|a|hacia|con\s+destino\s+a)\s+(?:the\s+)?$", _I)
# "sent to the South American country": the destination named by a description of the partner.
DESTINATION_ANAPHOR = re.compile(
    r"\b(?:to|into|in|a|al|hacia|en)\s+(?:the|el|este|ese|dicho|this|that)?\s*(?:[\w-]+\s+){0,2}?"
    r"(?:country|nation|pa[ií]s|naci[oó]n)\b", _I)
# "can be flown here", "serán trasladados al país": the place the report is written from (its dateline).
HERE = re.compile(r"\b(?:here|aqu[ií]|ac[aá]|al\s+pa[ií]s|a\s+(?:este|nuestro)\s+pa[ií]s|nuestro\s+pa[ií]s|"
                  r"(?:to|in)\s+(?:this|our)\s+country|este\s+pa[ií]s|nuestro\s+territorio)\b", _I)
# "podrán ser enviadas a nuestro país", "su país empezará a recibir": the speaking official's state.
SPEAKER_COUNTRY = re.compile(r"\b(?:su|nuestro|our|his|her|their)\s+(?:propio\s+|own\s+)?(?:pa[ií]s|country|territorio|territory)\b",
                             _I)
# "eligible to be sent there": the destination is the country the sentence already named.
THERE_ANAPHOR = re.compile(r"\b(?:sent|transferred|flown|relocated|moved|removed|traslad\w+|enviad\w+|remitid\w+)\s+"
                           r"(?:back\s+)?(?:there|thither|all[ií]|all[aá]|ah[ií])\b", _I)
# "la República de Panamá", "the Republic of Honduras": read the role before the title.
# Titles may carry capitalised qualifiers on either side: "the Bolivarian Republic of", "the Federal
# Democratic Republic of", "la República Bolivariana de", "la República Democrática del", "el Reino Hachemita de".
_QUALIFIER = r"(?-i:[A-ZÁÉÍÓÚÑ][\w'’-]+)"
STATE_TITLE_BEFORE = re.compile(
    r"(?:\b(?:the|la|el)\s+)?\b(?:" + _QUALIFIER + r"\s+){0,3}(?:Republic|Rep[uú]blica|Kingdom|Reino|State|Estado|"
    r"Commonwealth|Federation|Federaci[oó]n|Sultanate|Sultanato|Emirate|Emirato|Principality|Principado)"
    r"(?:\s+" + _QUALIFIER + r"){0,3}\s+(?:of|de|del)\s+(?:the\s+)?$", _I)
PROTECTION_IN = re.compile(
    r"\b(?:protection|asylum|refuge|asilo|protecci[oó]n|refugio)\s+(?:there\s+)?(?:in|en)\s+(?:the\s+)?$", _I)
PARTNER_BEFORE = re.compile(
    r"\b(?:agreements?|deals?|pacts?|accords?|(?-i:ACAs?|STCA)|acuerdos?|convenios?|pactos?|negotiat\w+|signed|firm\w+|"
    r"protocols?|arrangements?|memorand(?:um|a)|partnerships?|frameworks?|mechanisms?|schemes?|protocolos?|memorandos?|"
    r"mecanismos?|arreglos?|"
    r"suscri\w+)\s+(?:(?:\w+\s+){0,6})?(?:with|con)\s+(?:the\s+|el\s+|la\s+|los\s+)?"
    r"(?:(?:governments?|gobiernos?)\s+(?:of\s+|de\s+)?(?:the\s+)?)?$", _I)
PARTNER_AFTER = re.compile(
    r"^(?:'s)?\s*(?:[-–]\s*\w+\.?\w*\.?\s+)?(?:(?:asylum|cooperative|transfer|safe\s+third\s+country)\s+)*"
    r"(?:agreement|deal|pact|accord|arrangement|ACA|STCA|safe\s+third\s+country|government|authorities|officials|"
    r"president|congress|governments|ministry|foreign\s+ministry|gobierno|autoridades)\b", _I)
# "Venezuela's government", "the Honduran authorities": the state itself, not (yet) an agreement's partner.
GOVERNMENT_AFTER = re.compile(
    r"^(?:'s)?\s*(?:government|authorities|officials|president|congress|governments|ministry|foreign\s+ministry|"
    r"embassy|consulate|gobierno|autoridades)\b", _I)
# "the government of Panama said", "la Cancillería de Honduras": a country named through its government.
GOVERNMENT_OF_BEFORE = re.compile(
    r"\b(?:government|gobierno|foreign\s+ministry|ministry\s+of\s+foreign\s+affairs|canciller[ií]a|"
    r"authorities|autoridades|president|presidente|presidenta)\s+(?:of|de|del)\s+(?:the\s+|la\s+)?$", _I)
BETWEEN = re.compile(r"\b(?:between|entre)\s+(?:the\s+|el\s+|la\s+|los\s+)?$", _I)
BORDER_AFTER = re.compile(r"^\s*(?:[-–]\s*\S+\s+)?(?:border|frontera|line)\b", _I)
BORDER_BEFORE = re.compile(r"\b(?:border|frontera)\s+(?:with|con|between|entre)\s+(?:the\s+|el\s+)?$", _I)
LIST_GAP = re.compile(  # "Haiti and of the Dominican Republic", "de Cuba y de Venezuela": "of"/"de" may repeat
    r"^\s*(?:,|;|\band\b|\bor\b|\by\b|\be\b|\bo\b|\bas\s+well\s+as\b|\bthe\b|\bel\b|\bla\b|\blos\b|\blas\b|"
    r"\bof\b|\bde\b|\bdel\b|\bRep[uú]blica\b|\bRepublic\b|\bEstado\b|\bState\b|\bKingdom\b|\bReino\b|\s)*\s*$", _I)
# Two countries joined by "and"/"y"/"-": in an agreement sentence, the sending state's partner.
COORDINATION = re.compile(r"^\s*(?:and|y|e|&|[-–/])\s*(?:the\s+|los\s+)?$", _I)

# --- Populations ----------------------------------------------------------------------------------
PEOPLE_AFTER = re.compile(
    r"^\s+(?:[\w-]+\s+)?(?:asylum[\s-]+seekers?|asylum\s+applicants?|applicants?|"
    r"nationals?|citizens?|migrants?|immigrants?|refugees?|people|persons|individuals|famil(?:y|ies)|children|minors|"
    r"men|women|man|woman|aliens?|noncitizens?|person|child|boy|girl|mother|father|adults|claimants|asylees|"
    r"travell?ers|arrivals|detainees|deportees|nationality|nationalities|origin|descent)\b", _I)
PEOPLE_BEFORE = re.compile(
    r"\b(?:personas?|ciudadan[oa]s?|nacionales|migrantes|inmigrantes|solicitantes(?:\s+de\s+(?:asilo|protecci[oó]n))?|"
    r"refugiad[oa]s|familias|niñ[oa]s|menores|connacionales|peticionarios|demandantes\s+de\s+asilo|asilad[oa]s|"
    r"nacionalidad(?:es)?|hombres|mujeres|adultos|hombre|mujer|joven|jóvenes|niñ[oa]|madre|padre|familia|"
    r"migrante|solicitante|pareja|matrimonio)\s+(?:(?:[a-záéíóúñü]+)\s+){0,2}$", _I)
_COUNT_WORD = (r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|most|all|half|the\s+rest|"
               r"others|un[oa]?|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|la\s+mayor[ií]a|tod[oa]s|"
               r"la\s+mitad|el\s+resto|otr[oa]s)")
# "All of them are Eritrean", "todos eran venezolanos": a nationality said of the people just moved.
PREDICATE_NATIONALITY_BEFORE = re.compile(
    r"\b(?:they|all(?:\s+of\s+them)?|all\s+" + _COUNT_WORD + r"|both(?:\s+of\s+them)?|most(?:\s+of\s+them)?|the\s+rest|"
    r"the\s+others|" + _COUNT_WORD + r"(?:\s+of\s+them|\s+de\s+ell[oa]s)?|"
    r"the\s+(?:group|men|women|people|passengers|families|adults)|ell[oa]s|tod[oa]s|ambos|ambas|la\s+mayor[ií]a|"
    r"el\s+resto|los\s+dem[aá]s)\s+(?:(?:are|were|is|was|son|eran|es|era)\s+)(?:all\s+|also\s+|tambi[eé]n\s+|"
    r"de\s+nacionalidad\s+)?$", _I)
GOVERNMENT_BEFORE = re.compile(
    r"\b(?:gobiernos?|autoridades|funcionari[oa]s|diplomátic[oa]s|president[ea]s?|cancilleres|ministr[oa]s|"
    r"productos|bienes|estados|puertos|medios|militares|policías|agentes)\s+$", _I)
POPULATION_MARKER = re.compile(
    r"\b(?:(?:citizens?|nationals?)\s+(?:or|and|and/or)\s+(?:citizens?|nationals?)|nationals|citizens|natives|people|"
    r"(?:an?|one|each|every|any)\s+(?:\w+\s+)?(?:citizen|national|native)|(?:un|una)\s+(?:ciudadan[oa]|nacional)|"
    r"persons|migrants|asylum[\s-]+seekers|applicants|families|individuals|men|women|boys|girls|children|"
    r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|others|rest)|hombres|mujeres|"
    r"refugees|those|nacionales|ciudadan[oa]s|personas|migrantes|solicitantes(?:\s+de\s+asilo)?|originari[oa]s|"
    r"provenientes|procedentes|oriund[oa]s|"
    # "He is from Honduras", "Ten were from Bangladesh", "eran de Mali": who was moved, said of them
    r"(?:he|she|they|él|ella|ell[oa]s|the\s+(?:man|woman|men|women|person|family|migrant)|"
    + _COUNT_WORD + r"(?:\s+of\s+them|\s+de\s+ell[oa]s)?)\s+(?:is|was|were|are|es|era|eran|son)(?:\s+originally)?)"
    r"\s+(?:from|of|de|del)\s+(?:the\s+|la\s+|el\s+|los\s+|las\s+)?$", _I)
FROM_MARKER = re.compile(r"\b(?:from|procedentes|provenientes)\b", _I)
# "personas de nacionalidad mexicana"; Spanish article + demonym is a noun ("un hondureño", "la cubana").
NATIONALITY_BEFORE = re.compile(r"(?:\bnacionalidad(?:es)?|\b(?:un|una|el|la|otro|otra))\s+$", _I)
# A sentence that continues the previous one's transfer: "The group, made up of Cuban ... nationals".
ANAPHORIC_START = re.compile(
    r"^\W*(?:(?:the|this|that|these|those)\s+(?:\w+\s+){0,2}?(?:group|people|persons|individuals|migrants|"
    r"asylum[\s-]+seekers|applicants|passengers|travell?ers)|they|he|she|the\s+(?:man|woman)|all\s+of\s+them|among\s+them|"
    r"él|ella|(?:el|un)\s+hombre|(?:la|una)\s+mujer|junto\s+(?:a|con)\s+ell[oa]s|(?:along|together)\s+with\s+them|"
    r"(?:el|este|ese|dicho)\s+grupo|(?:las|los|estas|estos)\s+(?:\w+\s+)?(?:personas|migrantes|solicitantes|"
    r"pasajeros|trasladad[oa]s)|ell[oa]s|entre\s+ell[oa]s|se\s+trata\s+de)\b", _I)
# "A spokesperson said on Tuesday the group were nationals of …": the anaphor after a reporting clause.
REPORTED_ANAPHOR = re.compile(
    r"^[^.;]{0,140}?\b(?:said|says|told|confirmed|added|dijo|informó|confirmó|añadió|señaló)\b(?:\s+\w+){0,3}?\s+"
    r"(?:that\s+|que\s+)?(?:the\s+(?:group|men|women|people|passengers|asylum[\s-]+seekers)|they|el\s+grupo|"
    r"(?:los|las)\s+(?:personas|migrantes|solicitantes|pasajeros|hombres|mujeres))\b", _I)
# Who was on the flight or ship just reported: "On board were 16 men.", "Entre los pasajeros había 12 cubanas",
# "Ten were from Bangladesh and six from Egypt".
PASSENGERS = re.compile(
    r"^\W*(?:on\s+board\s+(?:were|was)|aboard\s+(?:were|was)|a\s+bordo\s+(?:iban|viajaban|hab[ií]a|ven[ií]an|llegaron)|"
    r"entre\s+(?:los|las)\s+(?:\w+\s+)?(?:pasajer[oa]s|viajer[oa]s|llegad[oa]s|trasladad[oa]s|personas)|"
    r"among\s+(?:the\s+)?(?:passengers|arrivals|new\s+arrivals|those\s+(?:transferred|on\s+board|flown|sent))|"
    + _COUNT_WORD + r"\s+(?:of\s+them\s+|de\s+ell[oa]s\s+)?(?:were|are|eran|son|ven[ií]an|proced[ií]an)\s+(?:from|de|"
    r"nationals|citizens|ciudadan|nacionales|originari|procedentes))\b", _I)
# "según Migración, 32 son cubanos": a count of the people just moved, anywhere in the sentence.
COUNT_IS = re.compile(r"\b" + _COUNT_WORD + r"\s+(?:of\s+them\s+|de\s+ell[oa]s\s+)?(?:were|are|eran|son)\b", _I)
COMPOSITION = re.compile(r"\b(?:made\s+up\s+of|composed\s+of|consisting\s+of|compuest[oa]\s+por|integrad[oa]\s+por|"
                         r"conformad[oa]\s+por|se\s+trata\s+de)\b", _I)

# --- Lifecycle actions ------------------------------------------------------------------------------
# "began sending ...": the agreement is in force, unless a nationality is named (then it is made_amenable).
BEGAN_TRANSFERS = _rx(
    r"\b(?:began|begun|begin|begins|started|starts|start|commenced)\s+(?:\w+\s+)?(?:sending|transferring|implementing|"
    r"receiving|accepting|taking\s+in|operations?|operating|transfers|flights|to\s+(?:send|transfer|implement|receive|"
    r"accept|take\s+in))\b",
    r"\b(?:comenz|empez|inici)(?:ó|aron|a|an|ará)\s+(?:a\s+)?(?:la\s+)?(?:aplic|implement|operar|enviar|trasladar|"
    r"recibir|traslados|vuelos|funcionar)\w*",
    r"\b(?:dio|dieron|da|dan|dar[aá]n?)\s+inicio\s+(?:a\s+)?(?:la\s+|los\s+)?(?:implementaci|aplicaci|traslados?|"
    r"operaci|vuelos?)\w*",
    r"\binicio\s+de\s+(?:la\s+|los\s+)?(?:implementaci[oó]n|aplicaci[oó]n|traslados|operaciones|vuelos)\b",
)
# "the first person flown to Guatemala", "the first to be sent", "el primer grupo ... trasladado".
NOT_YET_BEFORE = re.compile(r"\b(?:before|until|till|ahead\s+of|prior\s+to|pending|antes\s+de(?:l)?|hasta(?:\s+el)?|"
                            r"previo\s+al?)\s+(?:the\s+|el\s+|la\s+|los\s+|las\s+|its\s+|any\s+)?$", _I)
FIRST_TRANSFER = _rx(
    r"\bfirst\s+(?:group\s+of\s+|batch\s+of\s+)?(?:\w+\s+)?(?:asylum[\s-]+seekers?|migrants?|transfers?|flights?|"
    r"people|families|applicants|person|deportees)\b",
    r"\bfirst\s+(?:\w+\s+){0,2}?(?:to\s+be\s+)?(?:sent|transferred|flown|relocated|moved)\b",
    r"\bprimer(?:os|as|a|o)?\s+(?:\w+\s+)?(?:traslados?|vuelos?|grupos?|solicitantes?|migrantes?|trasladad[oa]s?)\b",
)
# "when the agreement took effect", "desde que el acuerdo entró en vigor": a step named to date something else.
SUBORDINATE_BEFORE = re.compile(r"\b(?:when|since|after|before|until|cuando|desde\s+que|despu[eé]s\s+de\s+que|"
                                r"antes\s+de\s+que|hasta\s+que)\s+(?:the\s+|el\s+|la\s+|its\s+|su\s+)?(?:[\w'’-]+\s+){0,4}?$", _I)
# "in force since December", "en vigor desde marzo": a standing state, its start already past.
IN_FORCE_SINCE = re.compile(r"in\s+(?:force|effect)\s+since|en\s+vigor\s+desde", _I)
LIFECYCLE: dict[str, re.Pattern[str]] = {
    "agreement_signed": _rx(
        r"\bsign(?:ed|s|ing)?\b(?!\s+up\b)(?!\s+in\s+to\b)", r"\binked\b", r"\b(?:was|were|been)\s+announced\b",
        r"\bbroker(?:ed|s)?\b", r"\bconclud(?:ed|es)\b",
        r"\b(?:reached|struck|made|cut|sealed|finali[sz]ed|clinched|announced)\s+(?:\w+\s+){0,4}?"
        r"(?:deals?|agreements?|pacts?)\b",
        r"\bagreed\s+(?:to|on|upon)\s+(?:a|an|the|become|serve)\b",
        r"\bfirm(?:ó|aron|an|a|ado|ada|ar[aá]n?)\b", r"\bsuscri(?:bió|bieron|be|ben|to|ta|bir)\b", r"\bla\s+firma\b",
        r"\b(?:alcanz|cerr|sell|concret|anunci)(?:ó|aron)\s+(?:\w+\s+){0,3}?(?:acuerdos?|pactos?|convenios?)\b",
        r"\bpact(?:ó|aron)\b", r"\bacord(?:ó|aron)\b(?!\s+que\b)",
    ),
    "agreement_in_force": _rx(
        r"\b(?:enter(?:s|ed|ing)?|came|comes|come|went|goes|go)\s+(?:\w+\s+){0,2}?into\s+(?:force|effect)\b",
        r"\bentry\s+into\s+force\b", r"\b(?:is|are)\s+now\s+(?:in\s+(?:effect|force)|operational)\b",
        r"\bin\s+(?:force|effect)\s+since\b",
        r"\bya\s+(?:est[aá]n?|se\s+encuentra)\s+en\s+vigor\b", r"\b(?:took|takes|take|taking)\s+effect\b",
        r"\bbecame\s+operational\b", r"\b(?:has|have)\s+become\s+operational\b",
        BEGAN_TRANSFERS.pattern, FIRST_TRANSFER.pattern,
        r"\bimplementation\s+(?:\w+\s+){0,4}?(?:began|begins|started|has\s+begun|is\s+under\s?way|got\s+under\s?way)\b",
        r"\b(?:entr(?:ó|a|ará|aron|an)|entrada)\s+(?:\w+\s+){0,3}?en\s+(?:vigor|vigencia)\b",
        r"\ben\s+vigor\s+(?:desde|a\s+partir)",
        r"\b(?:comenz[oó]|empez[oó]|comienza|empieza)\s+a\s+regir\b", r"\brige\s+desde\b",
        r"\ben\s+plena\s+(?:ejecuci[oó]n|vigencia|aplicaci[oó]n)\b", r"\bin\s+full\s+(?:effect|force|operation)\b",
        # transfers resumed after a suspension: the agreement operates again
        r"\bresum(?:e|es|ed|ing|ption)\b", r"\breanud(?:ó|aron|a|an|ará|arán|ación)\b", r"\brestart(?:s|ed)?\b",
        r"\blift(?:s|ed)?\s+(?:the\s+|its\s+)?(?:suspension|pause|freeze)\b",
        r"\blevant(?:ó|aron|a|an)\s+(?:la\s+)?(?:suspensi[oó]n|pausa|congelaci[oó]n)\b",
    ),
    "agreement_suspended": _rx(
        r"\bsuspen(?:d|ds|ded|ding|sion)\b", r"\bpaus(?:e|es|ed|ing)\b", r"\bhalt(?:s|ed|ing)?\b",
        r"\bput\s+on\s+hold\b", r"\bon\s+hold\b", r"\bfr(?:eez(?:e|es|ing)|oze|ozen)\b",
        r"\bstopp?(?:ed|s|ing)?\s+(?:sending|transferring|transfers)\b",
        r"\bstopp?(?:ed|s|ing)?\s+(?:accepting|receiving|taking\s+in)\b",
        r"\bdej(?:ó|aron|a|an|ará|arán)\s+de\s+(?:recibir|aceptar|acoger|enviar|trasladar)\b",
        r"\bsuspend(?:ió|ieron|e|en|er|er[aá]n?|id[oa]s?)\b", r"\bsuspensi[oó]n\b", r"\bpaus(?:ó|aron|a|ado|ada)\b",
        r"\bcongel(?:ó|aron|a|ado|ada)\b", r"\bdetuvo\s+(?:los\s+)?(?:traslados|envíos|vuelos)\b", r"\bparaliz\w+",
    ),
    "agreement_terminated": _rx(
        r"\bterminat(?:e|es|ed|ing|ion)\b", r"\bterminaci[oó]n\b",
        r"\b(?:ends|ended|ending|to\s+end|will\s+end|scrap(?:s|ped)?|cancel(?:s|led|ed|ing)?|"
        r"rescind(?:s|ed)?|revok(?:e|es|ed)|withdr(?:ew|aw|awn|aws)\s+from|pull(?:ed|s)?\s+out\s+of|abandon(?:s|ed)?)\b",
        # "the government will not proceed with the Rwanda scheme"
        r"\b(?:will|would|shall)\s+not\s+(?:proceed|go\s+ahead)\s+with\b", r"\bno\s+(?:seguir[aá]|continuar[aá])\s+con\b",
        # "exited the agreement" (not "the case exits ACA processing").
        r"\bexit(?:ed|s|ing)?\s+(?:from\s+)?(?:the|its|this|that)\s+(?:\w+\s+){0,3}?(?:agreements?|deals?|pacts?|accords?|arrangements?)\b",
        r"\b(?:dio|da|dar[aá]n?|dar|dieron)\s+por\s+(?:terminad|finalizad|concluid)\w*",
        r"\b(?:puso|pone|poner|pusieron|pondr[aá])\s+fin\b",
        r"\btermin(?:ó|aron|ar)\s+(?:con\s+)?(?:el|los)\s+acuerdo", r"\bcancel(?:ó|aron|ar|a)\b", r"\brescind\w+",
        r"\brevoc\w+", r"\bderog\w+", r"\banul(?:ó|aron|ar)\b", r"\bretir(?:ó|aron|a|arse)\s+del\s+acuerdo\b",
        # Spanish "denunciar un tratado" is the formal way to end it (not criticism).
        r"\bdenunci(?:ó|aron|a|an|ar|ará|arán)\s+(?:formalmente\s+)?(?:el|los|la|al)\s+(?:\w+\s+)?"
        r"(?:acuerdo|convenio|tratado|pacto)s?\b",
    ),
}
TRANSFERS_NOUN = _rx(r"\btransfers?\b", r"\btransferring\b", r"\btransferred\b", r"\btraslad\w+", r"\bflights?\b",
                     r"\bvuelos?\b", r"\barrivals?\b", r"\brecepci[oó]n\b", r"\bllegadas?\b")
# A signing participle or relative clause about the agreement ("the agreement, signed in July, ...",
# "the deal, which was brokered in July, ...") describes it: the signing is background, and its date
# says nothing about the rest of the sentence.
_AGREEMENT_WORD = (r"(?:agreements?|deals?|pacts?|accords?|arrangements?|ACAs?|acuerdos?|convenios?|pactos?|"
                   r"instrumentos?|tratados?|asilo|seguros?|Agreement\W*\)|mecanismos?|mechanisms?|memorand(?:um|a|os?)|"
                   r"memor[aá]ndums?|arreglos?|protocol(?:s|os?)?|compartida|exchange\s+of\s+notes|canjes?\s+de\s+notas)")
_COMPLEMENT = r"(?:\s+(?:with|between|between\s+the|con|entre)\s+[^,;.]{1,50}?)?"  # "... with Ecuador"
AGREEMENT_BEFORE_PARTICIPLE = re.compile(r"\b" + _AGREEMENT_WORD + r"[^.;]{0,50}?[\s,]$", _I)
RELATIVE_ABOUT_AGREEMENT = re.compile(
    r"\b" + _AGREEMENT_WORD + _COMPLEMENT + r"\W{0,3}(?:which|that|que|el\s+cual|la\s+cual)\s+(?:[\w'’]+\s+){0,5}?$", _I)
# "the arrangements the Department has concluded": an object relative without "that" describes them.
OBJECT_RELATIVE_ABOUT_AGREEMENT = re.compile(r"\b(?:agreements?|arrangements?|deals?|pacts?|accords?)\s+(?:the|this|our|its)\s+"
                                             r"(?:\w+\s+){0,2}?(?:has|have|had)\s+$", _I)
AUXILIARY_BEFORE = re.compile(r"\b(?:was|were|is|are|has|have|had|been|be|fue|fueron|ha|han|hab[ií]a|ser[aá]n?|sea)\s+"
                              r"(?:\w+\s+)?$", _I)
# "a 2019 cooperative agreement that Washington revived last year": the agreement's own history.
_RELATIVE_TAIL = r"(?:\W{0,3}(?:that|which|que|el\s+cual|la\s+cual)\s+[^,;.]*)"
AGREEMENT_HISTORY = re.compile(
    # "the 2019 asylum agreement" (a year that names the agreement; not "in 2020 under the ACA")
    r"\b(?:(?:a|an|the|its|el|la|un|una|del?)\s+)?(?:19|20)\d\d\s+"
    r"(?:(?!(?:under|in|with|by|through|via|bajo|en|con|por|mediante|the|el|la|los|las)\b)[\w-]+\s+){0,3}?" + _AGREEMENT_WORD + r"\b"
    + _RELATIVE_TAIL + r"?"
    r"|\b" + _AGREEMENT_WORD + r"\s+(?:de|of)\s+(?:19|20)\d\d\b" + _RELATIVE_TAIL + r"?"
    r"|\b" + _AGREEMENT_WORD + _RELATIVE_TAIL, _I)
# "a woman who asked for asylum in Texas in October": a person's own history, not the news's date.
PERSON_HISTORY = re.compile(
    r"\b(?:who|que|quien(?:es)?)\s+(?:had\s+|has\s+|have\s+|hab[ií]an?\s+)?(?:asked|applied|sought|claimed|crossed|"
    r"entered|arrived|fled|was\s+detained|were\s+detained|pidi(?:ó|eron)|solicit(?:ó|aron)|cruz(?:ó|aron)|"
    r"ingres(?:ó|aron)|huy(?:ó|eron)|lleg(?:ó|aron)|fue\s+detenid[oa]|fueron\s+detenid[oa]s)\b[^,;.—]*", _I)
DESCRIPTOR = re.compile(
    r"\b" + _AGREEMENT_WORD + _COMPLEMENT + r"[\s,\"”)]{1,4}(?:(?:which|that|que|el\s+cual|la\s+cual)\s+(?:[\w'’]+\s+){0,5}?|"
    r"(?:the\s+two|both|ambos|los\s+dos)\s+(?:countries|governments|sides|pa[ií]ses|gobiernos)\s+)?"
    r"(?:signed|concluded|brokered|inked|reached|suscrit[oa]s?|firmad[oa]s?|rubricad[oa]s?|alcanzad[oa]s?)\b"
    r"[^,;.]*"
    # a quoted title of any length, then its participle: "… «Acuerdo … de protección», firmado en septiembre de 2025 y …"
    r"|[\"”»]\s*,\s*(?:signed|concluded|suscrit[oa]s?|firmad[oa]s?|rubricad[oa]s?)\b[^;.]*", _I)


# Literal prefilters (detect/prefilter.py): the same answers, most patterns never run.
prefilter_module(globals())
