"""The user's text as a query (index/queries/text.py): words folded and stemmed, syntax kept."""

from monitor.index.queries.text import expand, full_text, operators, query_fields, text_query, twin_fields


def test_words_become_their_form_in_the_documents_language():
    assert expand("Mexico -asilos", "es") == "mexic -asil"
    assert expand("Mexico -asilos", "en") == "mexico -asilo"
    assert expand("México -asilos", None) == "mexico -asilos"  # other languages: folded only


def test_the_syntax_around_the_words_is_kept():
    query = 'Asylum | (seekers +"safe third countries") -cargo'
    assert expand(query, "en") == 'asylum | (seeker +"safe third countri") -cargo'
    assert expand("a-b", "en") == '"a b"'  # a `-` inside a word is no NOT; its parts must follow each other
    assert expand("U.S. border", "en") == '"u s" border'


def test_phrases_are_stemmed_word_by_word_and_prefixes_only_folded():
    assert expand('"solicitantes de asilo"', "es") == '"solicit de asil"'
    assert expand("Méx*", "es") == "mex*"
    assert expand("deportations*", "en") == "deportations*"  # a prefix is never stemmed
    assert expand("foo\\*", "en") == "foo"  # an escaped star is no prefix


def test_terms_without_a_word_are_dropped_and_broken_syntax_stays_harmless():
    assert expand("a~2 /.*/ &", "en") == '"a 2"  '
    assert expand('"unclosed (((', "en") == '"unclos"'  # the phrase runs to the end
    for broken in ("*", "\\", '""'):
        assert expand(broken, "es") == ""
    assert expand("( ) | -", "es") == "( ) | -"
    assert expand("⑴", None) == "\\(1\\)"  # a form that looks like syntax is escaped


def test_spelled_out_operators_outside_quotes_become_query_syntax():
    assert operators('asilo OR refugio NOT "this OR that" AND x') == 'asilo | refugio -"this OR that" + x'
    assert operators("Oregon o ANDes y NOTE") == "Oregon o ANDes y NOTE"


def by_language(query: dict) -> dict[str, dict]:
    """The clauses of `full_text`, by the language filter each carries."""
    clauses = query["bool"].get("should", [query])
    names = {str([{"term": {"lang": "en"}}]): "en", str([{"term": {"lang": "es"}}]): "es",
             str([{"bool": {"must_not": [{"terms": {"lang": ["en", "es"]}}]}}]): "other"}
    return {names[str(c["bool"]["filter"])]: c["bool"]["must"][0]["simple_query_string"] for c in clauses}


def test_one_clause_per_document_language_keeps_stems_of_one_language_from_another():
    clauses = by_language(full_text("Canada"))
    assert clauses["en"]["query"] == "canada" and clauses["en"]["fields"][:2] == ["search_title_en^3", "search_text_en"]
    # The Spanish stem of "Canada" is "can": it is looked for in Spanish twins (and subfields) only.
    assert clauses["es"]["query"] == "can" and clauses["es"]["fields"][:2] == ["search_title_es^3", "search_text_es"]
    assert clauses["other"]["query"] == "canada"
    assert full_text("x")["bool"]["minimum_should_match"] == 1
    for clause in clauses.values():
        assert clause["default_operator"] == "and" and "REGEXP" not in clause["flags"]


def test_a_language_filter_keeps_only_the_clauses_that_can_match():
    assert set(by_language(full_text("asilos", lang=("es",)))) == {"es"}
    assert set(by_language(full_text("asilos", lang=("fr", "es")))) == {"es", "other"}


def test_the_evidence_only_raises_the_score():
    query = text_query("Mexico OR Canada")
    [matched] = query["bool"]["must"]
    assert set(by_language(matched)) == {"en", "es", "other"}
    [evidence] = query["bool"]["should"]
    assert evidence["nested"]["path"] == "events" and evidence["nested"]["boost"] > 1
    assert evidence["nested"]["query"]["simple_query_string"]["fields"] == ["events.evidence"]
    assert evidence["nested"]["query"]["simple_query_string"]["query"] == "Mexico | Canada"  # as written


def test_an_index_from_before_the_migration_also_matches_the_words_as_written():
    query = text_query("Mexico", nested_events=False)
    [either] = query["bool"]["must"]
    twins, exact = either["bool"]["should"]
    assert set(by_language(twins)) == {"en", "es", "other"} and exact["simple_query_string"]["query"] == "Mexico"
    assert exact["simple_query_string"]["fields"] == query_fields()
    [evidence] = query["bool"]["should"]
    assert evidence["simple_query_string"]["fields"] == ["events.evidence"] and "nested" not in str(query)


def test_fields_of_the_words_as_written_and_of_the_twins():
    assert query_fields() == ["title^3", "text", "title.en^3", "text.en", "title.es^3", "text.es"]
    assert query_fields(("es",)) == ["title^3", "text", "title.es^3", "text.es"]
    assert twin_fields("en") == ["search_title_en^3", "search_text_en", "title.en^3", "text.en"]
    assert twin_fields(None) == ["search_title_other^3", "search_text_other"]
