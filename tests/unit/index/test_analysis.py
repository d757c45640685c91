"""Folding and stemming in Python (index/analysis.py): the terms, their offsets, the fields."""

import threading

from monitor.index import analysis
from monitor.index.analysis import aligned, fold, form, search_fields, stems, term, with_search_fields


def test_fold_strips_accents_and_case_and_compatibility_forms():
    assert fold("México") == "mexico"
    assert fold("DEPORTACIÓN") == "deportacion"
    assert fold("Straße") == "strasse" and fold("ﬁnal") == "final"
    assert fold("Me\u0301xico") == "mexico"  # decomposed input too
    assert fold("seeker’s") == "seeker's"


def test_terms_are_stemmed_in_the_document_language_after_folding():
    assert term("asilos", "es") == term("asilo", "es") == "asil"
    assert term("deportación", "es") == term("deportacion", "es") == term("deportaciones", "es")
    assert term("seekers", "en") == term("seeker", "en") == "seeker"
    assert term("transferred", "en") == term("transfers", "en") == "transfer"
    # Any other language (or none): folded only, a wrong stemmer would mangle the words.
    assert term("asilos", "fr") == term("asilos", None) == "asilos"
    assert term("México", None) == "mexico"


def test_spanish_snowball_conflates_these_verb_forms_and_not_those():
    # What the stemmer does, measured — not what one might wish.
    assert term("trasladados", "es") == term("trasladar", "es") == term("trasladará", "es") == "traslad"
    assert term("traslado", "es") == "trasl" != term("trasladar", "es")


def test_stems_and_form_cut_words_like_the_index_does():
    assert stems("Asylum-seekers' transfers to México", "en") == ["asylum", "seeker", "transfer", "to", "mexico"]
    assert stems("U.S.", "en") == ["u", "s"]
    assert form('Solicitantes de asilo', "es") == "solicit de asil"
    assert form("!!!", "en") == ""


def test_aligned_terms_keep_the_offsets_of_their_words():
    text = "La visita a México de los asilos."
    folded = aligned(text, "es")
    assert len(folded) <= len(text)
    for word in ("México", "asilos"):
        start = text.index(word)
        assert folded[start:].split()[0] == term(word, "es")
        assert folded[start - 1] == " "
    assert folded.split() == stems(text, "es")


def test_a_term_longer_than_its_word_pushes_the_next_ones_but_never_merges_them():
    folded = aligned("Fuß x ﬁ y", None)
    assert folded.split() == ["fuss", "x", "fi", "y"]


def test_the_twins_of_the_documents_language_are_added_to_a_body_and_recomputed():
    body = {"title": "Asilos en México", "text": "Los solicitantes de asilo", "lang": "es",
            "search_title_es": "stale", "search_text_en": "from when it was English", "events": []}
    enriched = with_search_fields(body)
    assert enriched["search_title_es"].split() == ["asil", "en", "mexic"]
    assert enriched["search_text_es"].split() == ["los", "solicit", "de", "asil"]
    assert "search_text_en" not in enriched  # another language's twins are dropped
    assert enriched["events"] == [] and body["search_title_es"] == "stale"  # the input is not changed
    assert search_fields(None, None, "und") == {"search_title_other": "", "search_text_other": ""}


def test_each_thread_has_its_own_stemmers():  # PyStemmer objects are not thread-safe
    mine = analysis._stemmer("en")
    theirs = []
    thread = threading.Thread(target=lambda: theirs.append(analysis._stemmer("en")))
    thread.start()
    thread.join()
    assert analysis._stemmer("en") is mine and theirs[0] is not mine
