"""Country and nationality gazetteer: finds mentions in a sentence and maps them to ISO 3166-1 alpha-2.

Country names come from `pycountry` (English names plus the Spanish translations shipped in
its offline gettext catalogues) with hand-written aliases ("the U.S.", "EE.UU.", "Burma");
nationalities come from the demonym table below, English and Spanish, in every gender and
number ("Mexican", "Mexicans", "mexicano", "mexicanas"). Names are matched case-sensitively
(they are proper nouns); demonyms case-insensitively (Spanish writes them in lower case).
Everything is built once at import into two compiled patterns; lookups are pure.
"""

from __future__ import annotations

import gettext
import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

import pycountry

__all__ = ["Mention", "code_for", "country_name", "demonym", "find_mentions"]

MentionKind = Literal["country", "demonym"]


@dataclass(frozen=True)
class Mention:
    """One country name or nationality word found in a sentence (character offsets into it)."""

    code: str
    start: int
    end: int
    text: str
    kind: MentionKind
    plural: bool = False  # demonym used as a plural noun ("Mexicans", "mexicanos")


# Hand-written aliases: common short forms, Spanish forms missing or awkward in pycountry.
_ALIASES: dict[str, tuple[str, ...]] = {
    "US": ("United States", "United States of America", "U.S.", "U.S.A.", "US", "USA",
           "EE.UU.", "EE. UU.", "EEUU", "EE UU", "EUA", "E.U.A.", "Estados Unidos",
           "Estados Unidos de América"),
    "GB": ("UK", "U.K.", "Britain", "Great Britain", "Gran Bretaña"),
    "RU": ("Russia", "Rusia"),
    "SY": ("Syria", "Siria"),
    "KR": ("South Korea", "Corea del Sur"),
    "KP": ("North Korea", "Corea del Norte"),
    "CD": ("DRC", "DR Congo", "Democratic Republic of Congo", "Democratic Republic of the Congo",
           "República Democrática del Congo", "RDC"),
    "CG": ("Republic of Congo", "Republic of the Congo", "República del Congo"),
    "TR": ("Turkey", "Turquía", "Türkiye"),
    "CI": ("Ivory Coast", "Cote d'Ivoire", "Costa de Marfil"),
    "VN": ("Vietnam", "Viet Nam"),
    "LA": ("Laos",),
    "MM": ("Burma", "Birmania", "Myanmar"),
    "CZ": ("Czech Republic", "República Checa"),
    "IR": ("Iran", "Irán"),
    "VE": ("Venezuela",),
    "XK": ("Kosovo", "Republic of Kosovo", "República de Kosovo"),  # user-assigned code, not in ISO 3166 tables
    "BO": ("Bolivia",),
    "TZ": ("Tanzania",),
    "MD": ("Moldova", "Moldavia"),
    "PS": ("Palestine", "Palestina"),
    "CV": ("Cape Verde", "Cabo Verde"),
    "SZ": ("Swaziland", "Suazilandia", "Eswatini", "Esuatini"),
    "MK": ("Macedonia", "North Macedonia"),
    "NL": ("Netherlands", "the Netherlands", "Holland", "Países Bajos", "Holanda"),
    "GM": ("Gambia", "The Gambia"),
    "TL": ("East Timor", "Timor Oriental", "Timor-Leste", "Timor Leste"),
    "BS": ("Bahamas", "The Bahamas"),
    "TW": ("Taiwan", "Taiwán"),
    "JO": ("Jordania",),
    "MX": ("Mexico", "México", "Méjico", "Estados Unidos Mexicanos", "United Mexican States"),
    "BR": ("Brazil", "Brasil"),
    "SV": ("El Salvador",),
    "DO": ("Dominican Republic", "República Dominicana"),
    "PG": ("PNG", "Papua New Guinea", "Papúa Nueva Guinea"),
    "GW": ("Guinea-Bissau", "Guinea-Bisáu", "Guinea Bissau"),
}

# Capitals (and main arrival airports' cities) stand for their country in transfer news: "flown to Quito".
# Left out: capitals that are also common elsewhere (San José, Santiago, La Paz, Panama City, Lima is kept).
_CAPITALS: dict[str, tuple[str, ...]] = {
    "EC": ("Quito",), "PY": ("Asunción", "Asuncion"), "UG": ("Kampala", "Entebbe"), "HN": ("Tegucigalpa",),
    "NI": ("Managua",), "SV": ("San Salvador",), "GT": ("Guatemala City", "Ciudad de Guatemala"),
    "PA": ("Ciudad de Panamá",), "CO": ("Bogotá", "Bogota"), "VE": ("Caracas",),
    "CU": ("Havana", "La Habana"), "HT": ("Port-au-Prince", "Puerto Príncipe"), "DO": ("Santo Domingo",),
    "RW": ("Kigali",), "KE": ("Nairobi",), "ET": ("Addis Ababa", "Adís Abeba"), "ER": ("Asmara",),
    "SO": ("Mogadishu", "Mogadiscio"), "CA": ("Ottawa",), "MX": ("Mexico City", "Ciudad de México"),
    "BR": ("Brasília", "Brasilia"), "AR": ("Buenos Aires",), "PE": ("Lima",), "UY": ("Montevideo",),
    "AF": ("Kabul",), "PK": ("Islamabad",), "BD": ("Dhaka",), "NP": ("Kathmandu", "Katmandú"),
    "CN": ("Beijing", "Pekín"), "RU": ("Moscow", "Moscú"), "UA": ("Kyiv", "Kiev"), "SY": ("Damascus", "Damasco"),
    "IQ": ("Baghdad", "Bagdad"), "IR": ("Tehran", "Teherán"), "EG": ("Cairo", "El Cairo"), "SN": ("Dakar",),
    "GH": ("Accra",), "NG": ("Abuja",), "GN": ("Conakry",), "ML": ("Bamako",), "MR": ("Nouakchott",),
    "AO": ("Luanda",), "PG": ("Port Moresby",), "PW": ("Koror", "Ngerulmud"), "BZ": ("Belmopan",),
    "SL": ("Freetown",), "LR": ("Monrovia",), "GW": ("Bissau",), "MA": ("Rabat",), "TN": ("Tunis",),
    "DZ": ("Algiers", "Argel"), "MW": ("Lilongwe",), "ME": ("Podgorica",), "AL": ("Tirana",), "GM": ("Banjul",),
    "BF": ("Ouagadougou", "Uagadugú"), "MG": ("Antananarivo",), "TD": ("N'Djamena", "Yamena"), "CM": ("Yaoundé", "Yaounde"), "CD": ("Kinshasa",), "SS": ("Juba",), "SD": ("Khartoum", "Jartum"),
}

# Names that usually mean something else in news text (US states, people, cities).
_AMBIGUOUS_NAMES = frozenset({
    "Georgia", "Jordan", "Chad", "Jersey", "Guernsey", "Congo", "Granada", "Korea", "Corea",
    "Virgin Islands", "Islas Vírgenes", "Saint Martin", "San Martín", "Niue", "Man", "Cocos",
})

# code, English singular forms ("*" = invariant, no plural in -s), Spanish masculine singular forms.
_DEMONYM_TABLE = """
MX Mexican | mexicano
XK Kosovar | kosovar
GT Guatemalan | guatemalteco
SV Salvadoran, Salvadorean, Salvadorian | salvadoreño
HN Honduran | hondureño
NI Nicaraguan | nicaragüense
CR Costa Rican | costarricense, costarriqueño
PA Panamanian | panameño
BZ Belizean | beliceño
CU Cuban | cubano
HT Haitian | haitiano
DO Dominican | dominicano
JM Jamaican | jamaiquino
VE Venezuelan | venezolano
CO Colombian | colombiano
EC Ecuadorian, Ecuadorean | ecuatoriano
PE Peruvian | peruano
BO Bolivian | boliviano
CL Chilean | chileno
AR Argentine, Argentinian | argentino
UY Uruguayan | uruguayo
PY Paraguayan | paraguayo
BR Brazilian | brasileño, brasilero
GY Guyanese* | guyanés
SR Surinamese* | surinamés
CA Canadian | canadiense
US | estadounidense, norteamericano
AF Afghan | afgano
IN Indian | indio
PK Pakistani | pakistaní, paquistaní
BD Bangladeshi | bangladesí, bangladeshí
NP Nepali, Nepalese* | nepalí, nepalés
LK Sri Lankan | esrilanqués, ceilandés
CN Chinese* | chino
VN Vietnamese* | vietnamita
RU Russian | ruso
UA Ukrainian | ucraniano
TR Turkish*, Turk | turco
UZ Uzbek | uzbeko
KZ Kazakh | kazajo
TJ Tajik | tayiko
KG Kyrgyz* | kirguís
SY Syrian | sirio
IQ Iraqi | iraquí
IR Iranian | iraní
YE Yemeni | yemení
PS Palestinian | palestino
LB Lebanese* | libanés
EG Egyptian | egipcio
MA Moroccan | marroquí
DZ Algerian | argelino
TN Tunisian | tunecino
LY Libyan | libio
SD Sudanese* | sudanés
SS South Sudanese* | sursudanés
ER Eritrean | eritreo
ET Ethiopian | etíope
SO Somali | somalí
KE Kenyan | keniano, keniata
UG Ugandan | ugandés
RW Rwandan | ruandés
CD Congolese* | congoleño
CM Cameroonian | camerunés
NG Nigerian | nigeriano
GH Ghanaian | ghanés
SN Senegalese* | senegalés
GN Guinean | guineano
ML Malian | maliense
MR Mauritanian | mauritano
AO Angolan | angoleño
CI Ivorian | marfileño
SL Sierra Leonean | sierraleonés
LR Liberian | liberiano
MM Burmese* | birmano
KH Cambodian | camboyano
PH Filipino | filipino
ID Indonesian | indonesio
KR South Korean | surcoreano
KP North Korean | norcoreano
JP Japanese* | japonés
SZ Swazi | suazi
AL Albanian | albanés
RS Serbian | serbio
BY Belarusian | bielorruso
AM Armenian | armenio
AZ Azerbaijani | azerbaiyano
GB British* | británico
BF Burkinabè*, Burkinabe* | burkinés, burkinabé
MG Malagasy*, Madagascan | malgache
LA Laotian, Lao* | laosiano
TD Chadian | chadiano
GW Bissau-Guinean | bisauguineano
GM Gambian | gambiano
BI Burundian | burundés
TZ Tanzanian | tanzano
MW Malawian | malauí, malawiano
ZW Zimbabwean | zimbabuense
ZM Zambian | zambiano
MZ Mozambican | mozambiqueño
NE Nigerien | nigerino
BJ Beninese* | beninés
TG Togolese* | togolés
GA Gabonese* | gabonés
DJ Djiboutian | yibutiano
CV Cape Verdean | caboverdiano
GE Georgian | georgiano
MD Moldovan | moldavo
TM Turkmen* | turcomano
MN Mongolian | mongol
TH Thai* | tailandés
MY Malaysian | malasio
BT Bhutanese* | butanés
PG Papua New Guinean | papú
TT Trinidadian | trinitense
JO Jordanian | jordano
SA Saudi | saudí, saudita
IL Israeli | israelí
DE German | alemán
IT Italian | italiano
NL Dutch* | neerlandés, holandés
DK Danish*, Dane | danés
SE Swedish*, Swede | sueco
NO Norwegian | noruego
PL Polish*, Pole | polaco
RO Romanian | rumano
GR Greek | griego
BA Bosnian | bosnio
ME Montenegrin | montenegrino
AU Australian | australiano
ZA South African | sudafricano
"""


def _strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


def _spanish_forms(singular: str) -> tuple[list[str], list[str]]:
    """Singular and plural forms of a Spanish demonym given its masculine singular."""
    s = singular
    if s.endswith("o"):
        return [s, s[:-1] + "a"], [s + "s", s[:-1] + "as"]
    if s.endswith("és"):
        stem = s[:-2] + "es"
        return [s, stem + "a"], [stem + "es", stem + "as"]
    if s.endswith("án"):
        stem = s[:-2] + "an"
        return [s, stem + "a"], [stem + "es", stem + "as"]
    if s.endswith("í"):
        return [s], [s + "es", s + "s"]
    if s.endswith("ís"):
        return [s], [s[:-2] + "ises"]
    if s.endswith("a") or s.endswith("e") or s.endswith("i"):
        return [s], [s + "s"]
    return [s], [s + "es"]


def _build_demonyms() -> dict[str, tuple[str, bool]]:
    forms: dict[str, tuple[str, bool]] = {}

    def add(form: str, code: str, plural: bool) -> None:
        for variant in {form, _strip_accents(form)}:
            forms.setdefault(variant.lower(), (code, plural))

    for line in _DEMONYM_TABLE.strip().splitlines():
        head, _, spanish = line.partition("|")
        code, _, english = head.strip().partition(" ")
        for word in filter(None, (w.strip() for w in english.split(","))):
            invariant = word.endswith("*")
            word = word.rstrip("*")
            add(word, code, False)
            if not invariant:
                add(word + "s", code, True)
        for word in filter(None, (w.strip() for w in spanish.split(","))):
            singulars, plurals = _spanish_forms(word)
            for form in singulars:
                add(form, code, False)
            for form in plurals:
                add(form, code, True)
    return forms


def _pycountry_names() -> dict[str, str]:
    """Surface form -> code, from pycountry (English and Spanish), ambiguous forms dropped."""
    spanish = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["es"], fallback=True)
    seen: dict[str, set[str]] = {}
    for country in pycountry.countries:
        raw = [country.name, getattr(country, "common_name", ""), getattr(country, "official_name", "")]
        raw.append(spanish.gettext(country.name))
        for name in filter(None, raw):
            name = name.removeprefix("the ")
            for candidate in (name, re.split(r"\s*[,(]", name)[0]):
                if candidate and "," not in candidate and "(" not in candidate:
                    for variant in {candidate, _strip_accents(candidate)}:
                        seen.setdefault(variant, set()).add(country.alpha_2)
    return {name: codes.pop() for name, codes in seen.items()
            if len(codes) == 1 and name not in _AMBIGUOUS_NAMES and len(name) > 2}


def _build_names() -> dict[str, str]:
    names = _pycountry_names()
    for code, aliases in (*_ALIASES.items(), *_CAPITALS.items()):
        for alias in aliases:
            for variant in {alias, _strip_accents(alias)}:
                names[variant] = code
    # Headings and legal titles in capitals ("ENTRE EL REINO DE ESPAÑA Y LA REPÚBLICA DE MAURITANIA");
    # short names stay out ("CHAD", "OMAN" are also words and acronyms in capitals).
    for name, code in list(names.items()):
        if len(name) >= 5 and name.upper() not in names:
            names[name.upper()] = code
    return names


def _alternation(forms: list[str]) -> str:
    """A regex matching any of `forms`, longest first, factored as a trie (much faster than a flat list)."""
    trie: dict[str, dict] = {}
    for form in forms:
        node = trie
        for char in form:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:
        branches = [re.escape(char) + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


_NAMES: dict[str, str] = _build_names()
_DEMONYMS: dict[str, tuple[str, bool]] = _build_demonyms()
_NAME_RE = re.compile(r"(?<![\w])(?:" + _alternation(list(_NAMES)) + r")(?![\w])")
_DEMONYM_RE = re.compile(r"(?<![\w])(?:" + _alternation(list(_DEMONYMS)) + r")(?![\w])", re.IGNORECASE)
# "New Mexico" is a US state; "Central American" and the like are regions, not nationalities.
_NOT_A_COUNTRY_BEFORE = re.compile(r"\b(?:New|Nuevo)\s+$")
_NOT_A_DEMONYM_BEFORE = re.compile(r"\b(?:Central|Latin|South|North|Sud|Centro|non)[\s-]*$", re.IGNORECASE)


_ARTICLE = re.compile(r"^(?:the|el|la|los)\s+", re.IGNORECASE)


def code_for(name: str) -> str | None:
    """ISO alpha-2 code for an exact country name, alias or demonym; None if unknown."""
    if name not in _NAMES:
        name = _ARTICLE.sub("", name.strip())
    if name in _NAMES:
        return _NAMES[name]
    found = _DEMONYMS.get(name.lower())
    return found[0] if found else None


def find_mentions(sentence: str) -> list[Mention]:
    """All country names and demonyms in `sentence`, left to right, longest match winning."""
    candidates: list[Mention] = []
    for match in _NAME_RE.finditer(sentence):
        if _NOT_A_COUNTRY_BEFORE.search(sentence[max(0, match.start() - 12) : match.start()]):
            continue
        candidates.append(Mention(_NAMES[match.group()], match.start(), match.end(), match.group(), "country"))
    for match in _DEMONYM_RE.finditer(sentence):
        if _NOT_A_DEMONYM_BEFORE.search(sentence[max(0, match.start() - 12) : match.start()]):
            continue
        code, plural = _DEMONYMS[match.group().lower()]
        candidates.append(Mention(code, match.start(), match.end(), match.group(), "demonym", plural))
    # Longest first at each position; country names win ties ("China" the country, not "china").
    candidates.sort(key=lambda m: (m.start, -(m.end - m.start), m.kind != "country"))
    chosen: list[Mention] = []
    for mention in candidates:
        if not chosen or mention.start >= chosen[-1].end:
            chosen.append(mention)
    return chosen


def _english_demonyms() -> dict[str, str]:
    out: dict[str, str] = {}
    for line in _DEMONYM_TABLE.strip().splitlines():
        head = line.partition("|")[0].strip()
        code, _, english = head.partition(" ")
        first = english.split(",")[0].strip().rstrip("*")
        if first:
            out[code] = first
    return out


_ENGLISH_DEMONYMS = _english_demonyms()


def country_name(code: str) -> str:
    """The everyday English name of a country ("GT" → "Guatemala"); the code if unknown."""
    country = pycountry.countries.get(alpha_2=code.upper())
    if country is None:
        return USER_ASSIGNED.get(code.upper(), code)
    return getattr(country, "common_name", None) or country.name


#: Codes in common use that ISO 3166 leaves to its users ("XK": Kosovo, as the EU and the US write it).
USER_ASSIGNED = {"XK": "Kosovo"}


def demonym(code: str) -> str | None:
    """The English nationality adjective ("MX" → "Mexican"), or None when the table lacks it."""
    return _ENGLISH_DEMONYMS.get(code.upper())
