"""Accent folding and English/Spanish stemming in Python: the search analysis every cluster can use.

The core-only Elasticsearch has no `asciifolding`, no stemmers and no language analyzers, so
"Mexico" would not find "México" nor "asilo" "asilos". The documents therefore carry *folded
twins* of `title` and `text` (`search_title_<l>`, `search_text_<l>`, `mappings.twin`), written
here and indexed with the `whitespace` analyzer: each word of the original is replaced by its
*term* — folded (`fold`: NFKD, combining marks dropped, case folded) and then stemmed in the
document's language (`term`: Snowball, PyStemmer; English for `en`, Spanish for `es`; any other
or unknown language is only folded, into the `other` twins, because a wrong language's stemmer
mangles words instead of conflating them). Folding comes first so that both spellings of a
query word ("deportacion", "deportación") reach the stemmer alike.

The twins are *offset-aligned*: each term is written at the character offset of the word it
replaces, padded with spaces, so a match in a twin has the offsets of the original word in
`text`, and the highlighter (`matched_fields`) marks the original words ("<mark>México</mark>"
for the query "Mexico"). A term longer than its word (rare: "ß" folds to "ss", "ﬁ" to "fi")
pushes the next ones right until a gap absorbs it; at worst that word's highlight is off.

`with_search_fields(body)` is the one function every write of a document body calls (the
documents store's `save` and `load`, and `monitor index migrate`); `form(words, lang)` gives
the terms query words have in documents of a language, for the query side
(`index/queries/text.py`).
"""

from __future__ import annotations

import functools
import re
import threading
import unicodedata
from typing import Any

import Stemmer

from monitor.index.mappings import STEMMED_LANGUAGES, TWINS, twin

#: Document language → Snowball stemmer; other languages are folded only.
STEMMERS = dict(zip(STEMMED_LANGUAGES, ("english", "spanish"), strict=True))
#: A word: letters and digits (with combining marks, for texts not in NFC), inner apostrophes.
WORD = re.compile(r"[\w\u0300-\u036f]+(?:['’][\w\u0300-\u036f]+)*")
#: The rest of a word after a prefix of it (how a highlight is widened to the whole word).
WORD_TAIL = re.compile(r"(?:[\w\u0300-\u036f]|['’](?=\w))*")

_local = threading.local()  # PyStemmer objects are not thread-safe: one per thread


def _stemmer(lang: str) -> Stemmer.Stemmer:
    stemmers = getattr(_local, "stemmers", None)
    if stemmers is None:
        stemmers = _local.stemmers = {}
    if lang not in stemmers:
        stemmers[lang] = Stemmer.Stemmer(STEMMERS[lang])
    return stemmers[lang]


@functools.lru_cache(maxsize=32768)
def fold(word: str) -> str:
    """Accents and case folded away: "México" → "mexico", "Straße" → "strasse", "’" → "'"."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("’", "'")


@functools.lru_cache(maxsize=32768)
def term(word: str, lang: str | None) -> str:
    """The indexed term of one word in a document of language `lang` (folded, then stemmed)."""
    folded = fold(word)
    return _stemmer(lang).stemWord(folded) if lang in STEMMERS else folded


def stems(text: str, lang: str | None) -> list[str]:
    """The terms of a text's words in language `lang` (folded and stemmed; see `term`)."""
    return [t for w in WORD.findall(text) for t in term(w, lang).split()]


def form(text: str, lang: str | None) -> str:
    """A query word's (or phrase's) terms in documents of language `lang`, space-separated."""
    return " ".join(stems(text, lang))


def aligned(text: str, lang: str | None) -> str:
    """`text` with each word replaced by its term at the word's offset, the rest blanked."""
    out: list[str] = []
    cursor = 0
    for match in WORD.finditer(text):
        found = term(match.group(), lang)
        if not found:
            continue
        start = match.start() if match.start() > cursor or not out else cursor + 1
        out.append(" " * (start - cursor))
        out.append(found)
        cursor = start + len(found)
    return "".join(out)


def search_fields(title: str | None, text: str | None, lang: str | None) -> dict[str, str]:
    """The folded twins of one document, for its language: e.g. `search_title_es`, `search_text_es`."""
    return {twin("title", lang): aligned(title or "", lang), twin("text", lang): aligned(text or "", lang)}


def with_search_fields(body: dict[str, Any]) -> dict[str, Any]:
    """A document (or version) body with its folded twins (re)computed from title, text and
    language (the twins of another language, from before a language change, dropped)."""
    kept = {k: v for k, v in body.items() if k not in TWINS}
    return {**kept, **search_fields(body.get("title"), body.get("text"), body.get("lang"))}
