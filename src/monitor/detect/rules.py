"""Lexicons of the detector, English and Spanish, as compiled patterns (data, no logic).

Each pattern names one cue the engine weighs: what an agreement is, the verbs of transfer
and eligibility, the lifecycle verbs of each action, and the cues that veto or weaken a
candidate (negation, speculation, critics, court arguments, MPP / Title 42 / deportation
contexts, trade or security deals). All are compiled once, case-insensitive, at import.
"""

from __future__ import annotations

import re

_I = re.IGNORECASE


def _rx(*parts: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in parts), _I)


# --- What an asylum transfer agreement is called ------------------------------------------------
NAMED_AGREEMENT = _rx(
    r"\basylum\s+cooperative\s+agreements?\b",
    r"(?-i:\bACAs?\b)", r"(?-i:\bSTCA\b)", r"\bsafe[\s-]+third[\s-]+countr(?:y|ies)\b",
    r"\basylum\s+(?:transfer\s+)?(?:agreements?|deals?|pacts?)\b",
    # A bare "transfer agreement" is also cargo, prisoners, football: only people seeking protection.
    r"\b(?:migrants?|migration|refugees?|asylum[\s-]+seekers?|protection)\s+transfer\s+agreements?\b",
    r"\bcooperation\s+regarding\s+the\s+examination\s+of\s+protection\s+claims\b",
    r"\bthird[\s-]+country\s+(?:asylum\s+)?agreements?\b",
    r"\bacuerdos?\s+de\s+cooperaci[oó]n\s+(?:en\s+materia\s+de\s+|de\s+|sobre\s+)?asilo\b",
    r"\bacuerdos?\s+(?:de|sobre)\s+asilo\b", r"\btercer(?:os)?\s+pa[ií]s(?:es)?\s+seguros?\b",
)
AGREEMENT_NOUN = _rx(
    r"\b(?:agreements?|deals?|pacts?|accords?|arrangements?|memorand(?:um|a)(?:\s+of\s+understanding)?)\b",
    r"\b(?:acuerdos?|convenios?|pactos?|memor[aá]ndums?|arreglos?)\b",
)
DEFINITE_AGREEMENT = _rx(r"\b(?:the|this|that)\s+(?:\w+\s+)?(?:agreement|deal|pact|accord)\b",
                         r"\b(?:el|este|dicho)\s+(?:\w+\s+)?(?:acuerdo|convenio|pacto)\b")
ASYLUM_WORD = _rx(r"\basylum\b", r"\basilo\b", r"\brefugee", r"\brefugiad", r"\bprotection\b", r"\bprotecci[oó]n\b")
# Agreements that are not asylum transfer agreements.
TRADE_SECURITY = _rx(
    r"\btrade\b", r"\btariffs?\b", r"\bfree[\s-]+trade\b", r"\bUSMCA\b", r"\bNAFTA\b", r"\bT-?MEC\b", r"\bTLCAN\b",
    r"\bsecurity\s+(?:agreements?|deals?|pacts?|cooperation|accords?)\b", r"\bcomerci(?:o|al(?:es)?)\b",
    r"\baranceles?\b", r"\bacuerdos?\s+de\s+seguridad\b", r"\bextradit", r"\bextradici",
)
INTERNATIONAL_LAW = _rx(
    r"\binternational\s+(?:agreements|treaties|conventions)\b", r"\btreat(?:y|ies)\b", r"\btratados?\b",
    r"\bhuman\s+rights\b", r"\bderechos\s+humanos\b", r"\bratif(?:ied|y)\b", r"\bratificad",
)

# --- made_amenable: who may now be sent where --------------------------------------------------
TRANSFER_VERB = _rx(
    r"\b(?:transferr?(?:ed|ing|s)?|transfers?)\b", r"\bsen(?:d|ds|ding|t)\b", r"\bflown\b", r"\bfly(?:ing)?\b",
    r"\bmov(?:ed|ing)\b", r"\brelocat(?:ed|ing)\b", r"\bremov(?:ed|ing)\b", r"\bshipp?(?:ed|ing)\b",
    r"\btraslad\w*", r"\benv(?:i|í)\w*", r"\btransfer(?:id|ir|encia)\w*", r"\bremitid\w*", r"\bderivad\w*",
    r"\breubicad\w*",
)
SPANISH_TRANSFER_VERB = re.compile(r"\b(?:traslad|env[ií]|transfer[ií]|remit|deriv|reubic)\w*", _I)
# The receiving country as subject: "Guatemala will take in Hondurans", "Honduras recibirá a ...".
RECEIVE_VERB = _rx(
    r"\b(?:receiv(?:e|es|ed|ing)|accept(?:s|ed|ing)?|take\s+in|takes\s+in|took\s+in|taking\s+in|host(?:s|ed)?)\b",
    r"\brecib(?:e|en|ió|ieron|irá|irán|ir|id[oa]s?)\b", r"\bacept(?:a|an|ó|aron|ará|arán|ar)\b", r"\bacoger\w*",
)
AMENABILITY = _rx(
    r"\bamenable\b", r"\beligible\b",
    r"\bsubject\s+to\s+(?:(?:the|a|an|its)\s+)?(?:[\w-]+\s+){0,4}?(?:agreements?|ACAs?|STCA|deals?|pacts?|accords?|"
    r"rule|transfers?|removal)\b",
    r"\binclud(?:e|es|ed|ing)\b", r"\bcover(?:s|ed|ing)?\b", r"\bappl(?:y|ies|ied)\s+to\b", r"\bextend(?:s|ed)?\s+to\b",
    r"\bexpand(?:s|ed)?\s+to\b",
    r"\badd(?:s|ed|ing)?\s+(?:\w+\s+){0,4}?to\s+(?:the\s+)?(?:list|populations?|agreement|nationalities)\b",
    r"\belegibles?\b", r"\bsujet[oa]s?\s+a\b", r"\binclu(?:id|y|ir|ye|yen|irá|irán|yó)\w*",
    r"\bse\s+aplicar[aá]n?\s+a\b",
    r"\bappl(?:y|ies|ied|ying)\s+(?:the\s+|its\s+)?(?:\w+\s+){0,3}?(?:agreement|ACA|STCA|deal|rule)\s+to\b",
    r"\baplic\w+\s+(?:el\s+|dicho\s+)?(?:acuerdo|convenio|ACA)\s+(?:\w+\s+){0,3}?a\b", r"\baplic(?:a|ará|arán)\s+(?:a|para)\b", r"\bampli(?:ó|a|ará|aron)\b",
    r"\bcubiert[oa]s\b",
)
STRONG_AMENABILITY = _rx(r"\bamenable\b", r"\beligible\b", r"\bsubject\s+to\b", r"\belegibles?\b",
                         r"\bsujet[oa]s?\s+a\b", r"\bpodr[aá]n\s+ser\s+(?:traslad|envi|transfer|remit)\w*")
# Words that take a population out ("Cubans are excluded", "quedan exentos").
EXCLUSION = _rx(r"\bexclu(?:de|des|ded|ding|sion)\b", r"\bexempt(?:s|ed|ion)?\b", r"\bexclu(?:ye|yen|id[oa]s?|ir)\b",
                r"\bexent[oa]s?\b", r"\bexceptuad[oa]s?\b")
CLAUSE_BREAK = re.compile(r"[,;:()]|\b(?:but|while|whereas|although|though|pero|mientras|aunque|sino)\b", _I)
POLICY_NOUN = _rx(r"\brule\b", r"\bpolicy\b", r"\bnotice\b", r"\bprogram\b", r"\bregla\b", r"\bpol[ií]tica\b",
                  r"\bmedida\b", r"\bdisposici[oó]n\b")

# --- Roles of a country mention (patterns on the text just before / after it) --------------------
DESTINATION_EN = re.compile(r"\b(?:to|into|onto)\s+(?:the\s+)?$", _I)
DESTINATION_ES = re.compile(r"\b(?:a|hacia|al|rumbo\s+a|con\s+destino\s+a)\s+(?:la\s+|el\s+)?$", _I)
PROTECTION_IN = re.compile(
    r"\b(?:protection|asylum|refuge|asilo|protecci[oó]n|refugio)\s+(?:there\s+)?(?:in|en)\s+(?:the\s+)?$", _I)
PARTNER_BEFORE = re.compile(
    r"\b(?:agreements?|deals?|pacts?|accords?|(?-i:ACAs?|STCA)|acuerdos?|convenios?|pactos?|negotiat\w+|signed|firm\w+|"
    r"suscri\w+)\s+(?:(?:\w+\s+){0,6})?(?:with|con)\s+(?:the\s+|el\s+|la\s+)?$", _I)
PARTNER_AFTER = re.compile(
    r"^(?:'s)?\s*(?:[-–]\s*\w+\.?\w*\.?\s+)?(?:(?:asylum|cooperative|transfer|safe\s+third\s+country)\s+)*"
    r"(?:agreement|deal|pact|accord|ACA|STCA|safe\s+third\s+country|government|authorities|officials|president|congress|"
    r"governments|ministry|foreign\s+ministry|gobierno|autoridades)\b", _I)
BETWEEN = re.compile(r"\b(?:between|entre)\s+(?:the\s+|el\s+|la\s+)?$", _I)
BORDER_AFTER = re.compile(r"^\s*(?:[-–]\s*\S+\s+)?(?:border|frontera|line)\b", _I)
BORDER_BEFORE = re.compile(r"\b(?:border|frontera)\s+(?:with|con|between|entre)\s+(?:the\s+|el\s+)?$", _I)
LIST_GAP = re.compile(
    r"^\s*(?:,|;|\band\b|\bor\b|\by\b|\be\b|\bo\b|\bas\s+well\s+as\b|\bthe\b|\bel\b|\bla\b|\blos\b|\blas\b|\s)*\s*$", _I)

# --- Populations ----------------------------------------------------------------------------------
PEOPLE_AFTER = re.compile(
    r"^\s+(?:[\w-]+\s+)?(?:asylum[\s-]+seekers?|asylum\s+applicants?|applicants?|"
    r"nationals?|citizens?|migrants?|immigrants?|refugees?|people|persons|individuals|famil(?:y|ies)|children|minors|"
    r"men|women|man|woman|aliens?|noncitizens?|person|child|boy|girl|mother|father|adults|claimants|asylees|"
    r"travell?ers|arrivals|detainees|deportees)\b", _I)
PEOPLE_BEFORE = re.compile(
    r"\b(?:personas?|ciudadan[oa]s?|nacionales|migrantes|inmigrantes|solicitantes(?:\s+de\s+(?:asilo|protecci[oó]n))?|"
    r"refugiad[oa]s|familias|niñ[oa]s|menores|connacionales|peticionarios|demandantes\s+de\s+asilo|asilad[oa]s|"
    r"nacionalidad(?:es)?|hombres|mujeres|adultos)\s+(?:(?:[a-záéíóúñü]+)\s+){0,2}$", _I)
GOVERNMENT_BEFORE = re.compile(
    r"\b(?:gobiernos?|autoridades|funcionari[oa]s|diplomátic[oa]s|president[ea]s?|cancilleres|ministr[oa]s|"
    r"productos|bienes|estados|puertos|medios|militares|policías|agentes)\s+$", _I)
POPULATION_MARKER = re.compile(
    r"\b(?:(?:citizens|nationals)\s+(?:or|and|and/or)\s+(?:citizens|nationals)|nationals|citizens|natives|people|"
    r"persons|migrants|asylum[\s-]+seekers|applicants|families|individuals|"
    r"refugees|those|nacionales|ciudadan[oa]s|personas|migrantes|solicitantes(?:\s+de\s+asilo)?|originari[oa]s|"
    r"provenientes|procedentes|oriund[oa]s)\s+(?:from|of|de|del)\s+(?:the\s+|la\s+|el\s+)?$", _I)
# "personas de nacionalidad mexicana"; Spanish article + demonym is a noun ("un hondureño", "la cubana").
NATIONALITY_BEFORE = re.compile(r"(?:\bnacionalidad(?:es)?|\b(?:un|una|el|la|otro|otra))\s+$", _I)
NEGATED_POPULATION_BEFORE = re.compile(
    r"\b(?:except(?:\s+for)?|excluding|exclud(?:e|es|ed)|exempt(?:s|ed|ing)?|but\s+not|not|other\s+than|"
    r"excepto|salvo|menos|excluyendo|exclu(?:ye|yen|ir|idos?|idas?)|con\s+excepci[oó]n\s+de|exent[oa]s?|ni|no)"
    r"\s+(?:\w+\s+){0,2}?(?:(?:the|a\s+los|a\s+las|los|las|de\s+los|de\s+las|de|a)\s+)?$", _I)

# --- Lifecycle actions ------------------------------------------------------------------------------
# "began sending ...": the agreement is in force, unless a nationality is named (then it is made_amenable).
BEGAN_TRANSFERS = _rx(
    r"\b(?:began|begun|begin|begins|started|starts|start|commenced)\s+(?:\w+\s+)?(?:sending|transferring|implementing|"
    r"receiving|accepting|operations?|transfers|flights|to\s+(?:send|transfer|implement|receive|accept))\b",
    r"\b(?:comenz|empez|inici)(?:ó|aron|a|an|ará)\s+(?:a\s+)?(?:la\s+)?(?:aplic|implement|operar|enviar|trasladar|"
    r"recibir|traslados|vuelos|funcionar)\w*",
)
LIFECYCLE: dict[str, re.Pattern[str]] = {
    "agreement_signed": _rx(
        r"\bsign(?:ed|s|ing)?\b(?!\s+up\b)(?!\s+in\s+to\b)", r"\binked\b", r"\b(?:was|were|been)\s+announced\b",
        r"\bbroker(?:ed|s)?\b", r"\bconclud(?:ed|es)\b",
        r"\b(?:reached|struck|made|cut|sealed|finali[sz]ed|clinched|announced)\s+(?:\w+\s+){0,4}?"
        r"(?:deals?|agreements?|pacts?)\b",
        r"\bagreed\s+(?:to|on|upon)\s+(?:a|an|the|become|serve)\b",
        r"\bfirm(?:ó|aron|an|a|ado|ada|ar[aá]n?)\b", r"\bsuscri(?:bió|bieron|be|ben|to|ta|bir)\b", r"\bla\s+firma\b",
        r"\b(?:alcanz|cerr|sell|concret|anunci)(?:ó|aron)\s+(?:\w+\s+){0,3}?(?:acuerdos?|pactos?|convenios?)\b",
        r"\bpact(?:ó|aron)\b", r"\bacord(?:ó|aron)\b",
    ),
    "agreement_in_force": _rx(
        r"\b(?:enter(?:s|ed|ing)?|came|comes|come|went|goes|go)\s+into\s+(?:force|effect)\b",
        r"\bentry\s+into\s+force\b", r"\b(?:is|are)\s+now\s+in\s+(?:effect|force)\b",
        r"\bya\s+(?:est[aá]n?|se\s+encuentra)\s+en\s+vigor\b", r"\b(?:took|takes|take|taking)\s+effect\b", r"\bbecame\s+operational\b",
        BEGAN_TRANSFERS.pattern,
        r"\bimplementation\s+(?:\w+\s+){0,4}?(?:began|begins|started|has\s+begun|is\s+under\s?way|got\s+under\s?way)\b",
        r"\bfirst\s+(?:group\s+of\s+|batch\s+of\s+)?(?:\w+\s+)?(?:asylum[\s-]+seekers?|migrants?|transfers?|flights?|"
        r"people|families|applicants|person|deportees)\b",
        r"\b(?:entr(?:ó|a|ará|aron|an)|entrada)\s+en\s+vigor\b", r"\ben\s+vigor\s+(?:desde|a\s+partir)",
        r"\bprimer(?:os|as|a|o)?\s+(?:\w+\s+)?(?:traslados?|vuelos?|grupos?|solicitantes?|migrantes?|trasladad[oa]s?)\b",
    ),
    "agreement_suspended": _rx(
        r"\bsuspen(?:d|ds|ded|ding|sion)\b", r"\bpaus(?:e|es|ed|ing)\b", r"\bhalt(?:s|ed|ing)?\b",
        r"\bput\s+on\s+hold\b", r"\bon\s+hold\b", r"\bfr(?:eez(?:e|es|ing)|oze|ozen)\b",
        r"\bstopp?(?:ed|s|ing)?\s+(?:sending|transferring|transfers)\b",
        r"\bsuspend(?:ió|ieron|e|en|er[aá]n?|id[oa]s?)\b", r"\bsuspensi[oó]n\b", r"\bpaus(?:ó|aron|a|ado|ada)\b",
        r"\bcongel(?:ó|aron|a|ado|ada)\b", r"\bdetuvo\s+(?:los\s+)?(?:traslados|envíos|vuelos)\b", r"\bparaliz\w+",
    ),
    "agreement_terminated": _rx(
        r"\bterminat(?:e|es|ed|ing|ion)\b", r"\bterminaci[oó]n\b",
        r"\b(?:ends|ended|ending|to\s+end|will\s+end|scrap(?:s|ped)?|cancel(?:s|led|ed|ing)?|"
        r"rescind(?:s|ed)?|revok(?:e|es|ed)|withdr(?:ew|aw|awn|aws)\s+from|pull(?:ed|s)?\s+out\s+of|exit(?:ed|s)?)\b",
        r"\b(?:dio|da|dar[aá]n?|dieron)\s+por\s+(?:terminad|finalizad|concluid)\w*",
        r"\b(?:puso|pone|poner|pusieron|pondr[aá])\s+fin\b",
        r"\btermin(?:ó|aron|ar)\s+(?:con\s+)?(?:el|los)\s+acuerdo", r"\bcancel(?:ó|aron|ar|a)\b", r"\brescind\w+",
        r"\brevoc\w+", r"\bderog\w+", r"\banul(?:ó|aron|ar)\b", r"\bretir(?:ó|aron|a|arse)\s+del\s+acuerdo\b",
    ),
}
TRANSFERS_NOUN = _rx(r"\btransfers?\b", r"\btransferring\b", r"\btraslados?\b", r"\bflights?\b", r"\bvuelos?\b",
                     r"\barrivals?\b", r"\brecepci[oó]n\b", r"\bllegadas?\b")

# --- Cues that veto or weaken -------------------------------------------------------------------------
NEGATION_BEFORE = re.compile(
    r"(?:\b(?:not|never|no\s+longer|no|nunca|ya\s+no|tampoco|ni|yet\s+to|refus\w+|declin\w+|reject\w*|oppos\w+|"
    r"rechaz\w+|won't|cannot|block(?:s|ed|ing)?|barr(?:ed|ing)|prevent(?:s|ed|ing)?|prohibit\w*|bloque\w+|"
    r"imp(?:idió|ide|edir)|prohib\w+|sin(?!\s+embargo))"
    r"|n't)\s+(?:\w+\s+){0,3}?$", _I)
DENIAL = _rx(r"\bden(?:y|ies|ied)\b", r"\bneg(?:ó|aron|aba)\b", r"\bdesminti\w+", r"\brul(?:ed|es)\s+out\b",
             r"\bdescart\w+")
SPECULATION = _rx(
    r"\bcould\b", r"\bmight\b", r"\bpodr[ií]a(?:n|mos)?\b", r"\bpudier(?:a|an)\b", r"\bwhether\b", r"\bsi\b", r"\bif\b",
    r"\bpropos(?:al|als|ed|es|ing)\b", r"\bpropuest[oa]s?\b", r"\bpropon\w+", r"\bpropus\w+", r"\bconsidering\b",
    r"\bconsider\s+(?:whether|sending|a|an|the)\b", r"\bdiscuss(?:ing|ion|ions|es)?\b", r"\bnegotiat\w+", r"\btalks\b",
    r"\bweigh(?:s|ing)\b", r"\bmull\w+", r"\bexplor(?:e|es|ing)\b", r"\bpossib\w+", r"\bpotential(?:ly)?\b",
    r"\bposib\w+", r"\bnegoci\w+", r"\banaliz\w+", r"\beval[uú]\w+", r"\bestudi(?:a|an|ando)\b", r"\bplante\w+",
    r"\bhypothetic\w+", r"\bspeculat\w+", r"\brumou?r\w*", r"\bdraft\b", r"\bborrador\b", r"\bwould\s+(?:be\s+)?like\b",
    r"\bpretend\w+", r"\bbusca(?:n|ría|rían)?\s+(?:que|un|una|firmar|enviar)\b",
)
# "if they passed through Guatemala" states the agreement's condition; it is not speculation.
CONDITION_OK = re.compile(
    r"\b(?:if|si)\s+(?:(?:they|he|she|the\s+\w+|migrants|ell[oa]s|los\s+\w+)\s+)?(?:have\s+|had\s+|han\s+|hab[ií]an\s+)?"
    r"(?:pass|passed|transit\w*|travel\w*|cross\w*|pasaron|pasan|transitaron|cruzaron)\b", _I)
SOFT_MODALITY = _rx(
    r"\bwould\b", r"(?<!in\s)(?<!on\s)(?<!since\s)\bmay\b(?!\s+now)(?!\s+\d)", r"\bexpected\s+to\b", r"\breportedly\b",
    r"\bplan(?:s|ned)?\s+to\b", r"\bintend(?:s|ed)?\s+to\b", r"\bprevé\b", r"\bplanea\w*", r"\bseg[uú]n\s+fuentes\b",
)
# Lifecycle facts are not yet facts under these ("may enter into force", "is expected to take effect").
LIFECYCLE_MODALITY = _rx(r"(?<!in\s)(?<!on\s)\bmay\b(?!\s+\d)", r"\bexpected\s+to\b", r"\bplan(?:s|ned)?\s+to\b",
                         r"\bintend(?:s|ed)?\s+to\b", r"\bse\s+espera\b", r"\bplanea\w*", r"\bprev[eé]\b", r"\bpretende\b")
# "may now be eligible" is an eligibility decision, not a guess.
MAY_DECISION = re.compile(r"\bmay\s+(?:now\s+)?be\s+(?:eligible|subject|amenable|transferred|included|sent)\b", _I)
CRITIC = _rx(
    r"\bcritics?\b", r"\bopponents?\b", r"\badvocates?\b", r"\bactivists?\b", r"\b(?:human\s+)?rights\s+groups?\b",
    r"\bwarn(?:s|ed|ing)?\b", r"\bfear(?:s|ed)?\s+that\b", r"\bworr(?:y|ies|ied)\b", r"\bcondemn\w*", r"\bdenounc\w+",
    r"\bslam\w*", r"\bcr[ií]tic(?:os|as|aron|an|ó)\b", r"\bopositores\b", r"\bactivistas\b", r"\bdefensores\b",
    r"\badvirt\w+", r"\badvierte\w*", r"\btem(?:en|e|ían)\b", r"\bdenunci\w+", r"\blament\w+",
)
# Opinion pieces: relevant only if they also report an event.
OPINION = re.compile(r"^\s*(?:opinion|op-ed|editorial|column|analysis|opini[oó]n|columna|an[aá]lisis)\b\s*[:|\-–—]", _I)
COURT_ARGUMENT = _rx(r"\bargu(?:e|es|ed|ing|ment|ments)\b", r"\blawsuits?\b", r"\bplaintiffs?\b", r"\bbriefs?\b",
                     r"\balleg\w+", r"\bdemandantes?\b", r"\balega\w*", r"\bargument\w*", r"\bcontend\w*", r"\bsued\b")
COURT = _rx(r"\bjudges?\b", r"\bcourts?\b", r"\bruling\b", r"\btribunal\w*", r"\bjuez\w*", r"\bjueza\b", r"\bcorte\b")
MPP = _rx(r"\bremain\s+in\s+mexico\b", r"\bmigrant\s+protection\s+protocols?\b", r"\bMPP\b",
          r"\bqu[eé]date\s+en\s+m[eé]xico\b", r"\bpermanecer\s+en\s+m[eé]xico\b",
          r"\bprotocolos?\s+de\s+protecci[oó]n\s+(?:a|de)\s+migrantes\b")
TITLE_42 = _rx(r"\btitle\s+42\b", r"\bt[ií]tulo\s+42\b", r"\bexpel\w*", r"\bexpuls\w+")
OWN_COUNTRY = _rx(r"\bhome\s+countr(?:y|ies)\b", r"\bcountr(?:y|ies)\s+of\s+origin\b", r"\bown\s+countr(?:y|ies)\b",
                  r"\bpa[ií]s(?:es)?\s+de\s+origen\b", r"\bsus\s+pa[ií]ses\b", r"\brepatri\w+")
# Removals of alleged criminals (prisons, gangs, the Alien Enemies Act) are not asylum transfers.
CRIMINAL = _rx(r"\bprisons?\b", r"\bjail(?:s|ed)?\b", r"\bCECOT\b", r"\bgangs?\b", r"\bAlien\s+Enemies\b",
               r"\bTren\s+de\s+Aragua\b", r"\bMS-13\b", r"\bc[aá]rcel\w*", r"\bpandill\w+", r"\bprisi[oó]n\b",
               r"\bcriminal\s+records?\b", r"\bantecedentes\s+penales\b")
DEPORTATION = _rx(r"\bdeport\w*", r"\bremoval\s+flights?\b", r"\bvuelos?\s+de\s+deportaci[oó]n\b")

# --- Attribution -------------------------------------------------------------------------------------
OFFICIAL = _rx(
    r"\bDepartment\s+of\s+(?:Homeland\s+Security|State|Justice)\b", r"\bDHS\b", r"\bHomeland\s+Security\b",
    r"\bState\s+Department\b", r"\bUSCIS\b", r"\bCitizenship\s+and\s+Immigration\s+Services\b",
    r"\bFederal\s+Register\b", r"\b(?:interim\s+)?final\s+rule\b", r"\brule\b", r"\bregulation\b", r"\bministry\b",
    r"\bminist(?:er|ro|ra|erio)\b", r"\bsecretar(?:y|[ií]a|io)\b", r"\bcanciller(?:[ií]a)?\b",
    r"\bspokes(?:person|man|woman)\b", r"\bportavoz\b", r"\bvocer[oa]\b", r"\bembass(?:y|ies)\b", r"\bembajada\b",
    r"\bWhite\s+House\b", r"\bCasa\s+Blanca\b", r"\bDepartamento\s+de\s+(?:Seguridad\s+Nacional|Estado)\b",
    r"\bgovernment\b", r"\bgobierno\b", r"\badministration\b", r"\bofficials\b", r"\bfuncionarios\b", r"\bagency\b",
    r"\bInstituto\s+\w+\s+de\s+Migraci[oó]n\b", r"\bacuerdo\s+gubernativo\b", r"\bDiario\s+Oficial\b",
)
CONFIRM = _rx(r"\bconfirm\w*", r"\bannounc\w+", r"\bsaid\s+in\s+a\s+statement\b", r"\bstatement\b", r"\bpublish\w*",
              r"\bnotice\b", r"\bconfirm[óo]\b", r"\banunci[óo]\b", r"\binform[óo]\b", r"\bpublic[óo]\b",
              r"\bcomunicado\b", r"\bdio\s+a\s+conocer\b")
NOW = _rx(r"\bnow\b", r"\bahora\b", r"\ba\s+partir\s+de\b", r"\bstarting\b", r"\beffective\b")

# --- Time ---------------------------------------------------------------------------------------------
BACKGROUND = _rx(
    r"\blast\s+(?:year|month|summer|fall|autumn|winter|spring)\b", r"\bprevious\s+(?:year|administration)\b",
    r"\b(?:a|one|two|three|several)\s+years?\s+ago\b", r"\bpreviously\b",
    r"\bhad\s+(?!to\b)(?:already\s+|previously\s+)?(?:been\s+)?[a-z]+(?:ed|en|de|ght|nt|ck|ne|un)\b",
    r"\bel\s+año\s+pasado\b", r"\bel\s+mes\s+pasado\b", r"\bhace\s+(?:un|dos|tres|varios)\s+(?:años?|meses)\b",
    r"\banteriormente\b", r"\bpreviamente\b", r"\bhab[ií]a(?:n)?\s+\w+(?:ado|ido|to|cho)\b",
)
FUTURE = _rx(r"\bwill\b", r"\bshall\b", r"\bnext\b", r"\bupcoming\b", r"\bas\s+of\b", r"\bstarting\b",
             r"\b\w+(?:ará|erá|irá|arán|erán|irán)\b", r"\bpr[oó]xim[oa]\b", r"\ba\s+partir\s+de\b")
MONTHS = {
    **{m: i for i, m in enumerate(("january", "february", "march", "april", "may", "june", "july", "august",
                                   "september", "october", "november", "december"), 1)},
    **{m: i for i, m in enumerate(("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
                                   "septiembre", "octubre", "noviembre", "diciembre"), 1)},
    "setiembre": 9, "jan": 1, "feb": 2, "aug": 8, "sept": 9, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
# "in July", "en julio", "July 26, 2019"; a bare "May" is not a month (it is also a modal).
MONTH_REF = re.compile(
    r"\b(?:(?:in|since|on|en|desde|de|el)\s+(?:\d{1,2}\s+de\s+)?(?P<m1>" + "|".join(sorted(MONTHS, key=len, reverse=True))
    + r")|(?P<m2>January|February|March|April|June|July|August|September|October|November|December)\s+\d{1,2})\b", _I)
YEAR = re.compile(r"\b(?:in|since|of|en|de|desde|del)\s+(?P<y>(?:19|20)\d\d)\b|\b(?P<y2>(?:19|20)\d\d)\b", _I)

# --- Figures -------------------------------------------------------------------------------------------
COUNT = re.compile(
    r"(?P<num>\d{1,3}(?:[,.]\d{3})+|\d+(?:[.,]\d+)?)\s*(?P<mult>million|millones|mil|thousand|k\b)?\s+"
    r"(?:(?:\w+|asylum[\s-]+seekers?)\s+){0,2}?(?P<noun>asylum[\s-]+(?:seekers?|applicants?)|applicants?|people|persons|"
    r"individuals|migrants|nationals|citizens|refugees|families|claimants|cases|"
    r"solicitantes|personas|migrantes|nacionales|ciudadanos|refugiados|familias|casos|"
    r"[A-Z][a-z]+ans|[a-zñ]+(?:anos|eños|enses|ecos))\b")
COUNT_CONTEXT = _rx(r"\baffect\w*", r"\bimpact\w*", r"\bafect\w+", r"\beligible\b", r"\bamenable\b", r"\bsubject\s+to\b",
                    r"\btransferr?ed\b", r"\bsent\b", r"\btraslad\w+", r"\benviad\w+", r"\bcovered\b", r"\bincluid\w+",
                    r"\belegibles?\b", r"\bunder\s+the\s+(?:agreement|ACA|deal)\b",
                    r"\breceived\b", r"\brecib\w+")
