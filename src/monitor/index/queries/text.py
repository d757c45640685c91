"""The user's text as a query (pure): `simple_query_string` syntax kept, words folded and stemmed.

User text goes only through `simple_query_string` with a fixed set of flags (phrases, AND/OR/NOT
written `+ | -` or spelled out, prefix, precedence; no regexp, fuzzy or slop syntax, no
scripts). What a document must match is decided in its folded twins, in one clause per
language — English, Spanish, any other — each restricted to the documents of that language
and to its twins (`search_title_<l>`/`search_text_<l>`: English stems, Spanish stems, folded
words; `index/analysis.py`). For each clause `expand()` rewrites every word — never the syntax
around it — into its form in that language: `Mexico -asilos` → `mexic -asil` for Spanish
documents, `mexico -asilo` for English ones; a phrase is stemmed word by word, a prefix
`Méx*` is folded (`mex*`), never stemmed. The twins hold every word of the document, so a
negated word excludes a document whatever its spelling. Where the cluster has the
`english`/`spanish` analyzers (they are better), the English and Spanish clauses also search
that language's `.en`/`.es` subfields of title and text; elsewhere those fields are absent and
simply match nothing.

Keeping the languages apart matters: the Spanish stem of "Canada" is "can", which must not
find (nor, negated, exclude) every English document that says "can" — and, since the
highlighter marks every term of the query found in a field, must not be looked for in a field
an English document fills: each language's stems only meet that language's twins (and its
subfield, whose highlights are only shown for documents of that language, `results.py`).
"""

from __future__ import annotations

import re
from typing import Any

from monitor.index import analysis
from monitor.index.mappings import twin

LANGUAGES = ("en", "es")
SIMPLE_QUERY_FLAGS = "AND|OR|NOT|PHRASE|PRECEDENCE|PREFIX|WHITESPACE|ESCAPE"
#: A word in the title (or its twin, or its language subfield) counts three times one in the text.
TITLE_BOOST = 3
#: The evidence sentences of a document's events (nested: searched by a nested query).
EVIDENCE_FIELD = "events.evidence"
EVIDENCE_BOOST = 2.0

_OPERATORS = {"OR": "|", "AND": "+", "NOT": "-"}
_OPERATOR_WORD = re.compile(r'"[^"]*"?|(?<![\w-])(OR|AND)(?![\w-])|(?<![\w-])NOT\s+(?=\S)')
# The lexemes of simple_query_string as Lucene's SimpleQueryParser reads them: a term runs to
# whitespace or one of `" | + ( )` (a `-` inside a term is part of it, at its start it is NOT).
_LEXEME = re.compile(r'''
    (?P<space>\s+)
  | (?P<phrase>"(?:\\.|[^"\\])*")
  | (?P<unclosed>".*)
  | (?P<operator>[|+()-])
  | (?P<term>(?:\\.|[^\s"|+()\\])+)
  | (?P<other>.)
''', re.VERBOSE | re.DOTALL)
_ESCAPED = re.compile(r"\\(.)", re.DOTALL)
_SPECIAL = re.compile(r'([\\"|+\-()*~])')


def operators(text: str) -> str:
    """Spelled-out operators as `simple_query_string` syntax: `a OR b` → `a | b`, `NOT c` → `-c`.

    Only upper-case words outside quotes count, so Spanish "o"/"y" and quoted phrases stay words.
    """
    def swap(match: re.Match[str]) -> str:
        if match.group(0).startswith('"'):
            return match.group(0)
        return _OPERATORS[match.group(1) or "NOT"]

    return _OPERATOR_WORD.sub(swap, text)


def _phrase(form: str) -> str:
    return '"' + form.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _as_term(form: str) -> str:
    """A form as one query term: a phrase when it is several words ("U.S." is "u s")."""
    return _phrase(form) if " " in form else _SPECIAL.sub(r"\\\1", form)


def _expand_term(raw: str, lang: str | None) -> str:
    plain = _ESCAPED.sub(r"\1", raw)
    if raw.endswith("*") and not raw.endswith("\\*"):  # a prefix: folded, never stemmed
        stem = plain[:-1]
        return _as_term(analysis.fold(stem)) + "*" if analysis.WORD.fullmatch(stem) else ""
    # A term without a word ("/.*/", "&") has no term in a twin: dropped, as the standard
    # analyzer would drop it, rather than required.
    return _as_term(analysis.form(plain, lang))


def expand(query: str, lang: str | None) -> str:
    """A `simple_query_string` with every word and phrase replaced by its form in the twins of
    documents of language `lang` (None: any language without a stemmer)."""
    out: list[str] = []
    for lexeme in _LEXEME.finditer(query):
        kind, value = lexeme.lastgroup, lexeme.group()
        if kind == "term":
            out.append(_expand_term(value, lang))
        elif kind in ("phrase", "unclosed"):  # an unclosed phrase runs to the end of the text
            inside = value[1:-1] if kind == "phrase" else value[1:]
            form = analysis.form(_ESCAPED.sub(r"\1", inside), lang)
            out.append(_phrase(form) if form else "")
        elif kind != "other":  # whitespace and operators; `other` is a lone trailing backslash
            out.append(value)
    return "".join(out)


def twin_fields(lang: str | None) -> list[str]:
    """The fields searched in documents of language `lang`: its folded twins, and for English
    and Spanish the cluster's subfields of that language."""
    fields = [f"{twin('title', lang)}^{TITLE_BOOST}", twin("text", lang)]
    return fields + ([f"title.{lang}^{TITLE_BOOST}", f"text.{lang}"] if lang in LANGUAGES else [])


def query_fields(lang: tuple[str, ...] = ()) -> list[str]:
    """The fields of the words as written, searched on an index from before the twins: title
    and text, and the cluster's language subfields (narrowed by a language filter)."""
    codes = [code for code in LANGUAGES if not lang or code in lang]
    return [f"title^{TITLE_BOOST}", "text", *(f for c in codes for f in (f"title.{c}^{TITLE_BOOST}", f"text.{c}"))]


def _simple(query: str, fields: list[str]) -> dict[str, Any]:
    return {
        "simple_query_string": {
            "query": query,
            "fields": fields,
            "default_operator": "and",
            "flags": SIMPLE_QUERY_FLAGS,
            "lenient": True,
            "analyze_wildcard": False,
        }
    }


def full_text(text: str, *, lang: tuple[str, ...] = ()) -> dict[str, Any]:
    """What a document must match: the text in the twins of its own language (see the module
    doc); `lang` (the search's language filter) leaves out the clauses no result can match."""
    query = operators(text)
    codes: list[str | None] = [code for code in LANGUAGES if not lang or code in lang]
    if not lang or not set(lang) <= set(LANGUAGES):
        codes.append(None)
    clauses = []
    for code in codes:
        where = {"term": {"lang": code}} if code else {"bool": {"must_not": [{"terms": {"lang": list(LANGUAGES)}}]}}
        clauses.append({"bool": {"filter": [where], "must": [_simple(expand(query, code), twin_fields(code))]}})
    return clauses[0] if len(clauses) == 1 else {"bool": {"should": clauses, "minimum_should_match": 1}}


def text_query(text: str, *, lang: tuple[str, ...] = (), nested_events: bool = True) -> dict[str, Any]:
    """User text as a query (never raises on bad syntax, no regexp/fuzzy): `full_text` decides
    the match; the words as written in the evidence sentences of the document's events raise
    the score.

    The evidence is a sentence of the document, so it is never the only match. It is nested (a
    field of each event, not of the document): a nested query. On an index from before events
    were nested, whose documents may have no twins yet, the words as written in title and text
    (`query_fields`) match too.
    """
    evidence = _simple(operators(text), [EVIDENCE_FIELD])
    if not nested_events:  # until `monitor index migrate documents`
        evidence["simple_query_string"]["boost"] = EVIDENCE_BOOST
        exact = _simple(operators(text), query_fields(lang))
        either = {"bool": {"should": [full_text(text, lang=lang), exact], "minimum_should_match": 1}}
        return {"bool": {"must": [either], "should": [evidence]}}
    nested = {"nested": {"path": "events", "score_mode": "max", "query": evidence, "boost": EVIDENCE_BOOST}}
    return {"bool": {"must": [full_text(text, lang=lang)], "should": [nested]}}
