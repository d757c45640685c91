"""Populations named only in a list or a table, claimed by the sentence that introduces them."""

import datetime as dt

from monitor.detect import detect


def current(text: str, **kwargs) -> set[str]:
    return {e.key for e in detect(text, **kwargs).events if not e.background}


def test_a_list_under_a_designation_gives_one_event_per_item():
    text = ("WASHINGTON – DHS announced the first phase of the agreement with Paraguay on protection claims.\n\n"
            "In its first phase, the agreement applies to nationals of the following countries:\n\n"
            "- Republic of Cuba\n\n- Republic of Nicaragua\n\n- Bolivarian Republic of Venezuela\n\n"
            "Unaccompanied children will not be transferred.")
    assert current(text) == {"made_amenable PY CU", "made_amenable PY NI", "made_amenable PY VE"}


def test_rows_that_exclude_or_predate_the_document_are_not_new():
    text = ("The agreement with Ecuador applies to the nationalities in the table below, amenable from the dates "
            "shown.\n\n| Nationality | Effective date | Notes |\n|---|---|---|\n| Cuba | 21/09/2026 | — |\n"
            "| Guinea | 02/11/2026 | New |\n| Colombia | — | Excluded |\n")
    found = detect(text, published=dt.date(2026, 10, 20))
    assert current(text, published=dt.date(2026, 10, 20)) == {"made_amenable EC GN"}
    assert "made_amenable EC CU" in {e.key for e in found.events if e.background}
    assert not any(e.population == "CO" for e in found.events)


def test_a_list_of_exceptions_gives_no_event():
    text = ("Officers must not apply the agreement with Ecuador to:\n\n- nationals of Colombia;\n- nationals of Peru.\n")
    assert current(text) == set()


def test_a_sentence_after_the_list_can_claim_it():
    text = ("Officers will screen individuals who are nationals of the countries listed below:\n\n"
            "1. Republic of Cuba\n2. Republic of Haiti\n\n"
            "An individual of one of these nationalities may be transferred to Ecuador under the Agreement.")
    assert current(text) == {"made_amenable EC CU", "made_amenable EC HT"}


def test_a_row_still_under_discussion_is_not_covered():
    detection = detect(
        "Chile y Perú acordaron las nacionalidades del mecanismo de asilo. Chile podrá enviar al Perú a las "
        "siguientes personas:\n"
        "- Ecuatorianos: incluidos desde el 1 de junio.\n"
        "- Cubanos: en discusión.\n",
        published=dt.date(2028, 5, 10),
    )
    assert "made_amenable PE CU" not in {e.key for e in detection.events}


def test_an_annex_of_nationalities_covered_by_the_memorandum():
    text = ("INSTRUCCIÓN SOBRE EL MEMORANDO DE ENTENDIMIENTO ENTRE EL REINO DE ESPAÑA Y LA REPÚBLICA ISLÁMICA DE "
            "MAURITANIA EN MATERIA DE PROTECCIÓN INTERNACIONAL\n\nLas personas que soliciten protección internacional "
            "en España podrán ser trasladadas a Mauritania según el Anexo I.\n\nANEXO I\n\n"
            "Nacionalidades comprendidas en el ámbito del Memorando\n\n"
            "  1.  República de Malí ...................... desde el 1.5.2027\n"
            "  2.  Burkina Faso ........................... desde el 1.7.2027\n")
    found = detect(text, published=dt.date(2027, 6, 14))
    assert {e.key for e in found.events if not e.background} == {"made_amenable MR BF"}
    assert "made_amenable MR ML" in {e.key for e in found.events if e.background}


def test_a_table_with_a_partner_column_sends_each_row_to_its_partner():
    # The nationalities are in the "Populations" column, not the "Partner country" one; a cell may list
    # several; the row's partner is the receiving state; "implement … with respect to" introduces it.
    text = ("DHS announces the next phase of its asylum cooperative agreements.\n\n"
            "Beginning today, DHS will implement the Agreements with respect to the following populations:\n\n"
            "| Partner country | Populations amenable to transfer | Effective |\n|---|---|---|\n"
            "| Belize | Nationals of Honduras Nationals of El Salvador | July 20, 2026 |\n"
            "| Paraguay | Nationals of Cuba | July 20, 2026 |\n")
    assert current(text, published=dt.date(2026, 7, 20)) == {
        "made_amenable BZ HN", "made_amenable BZ SV", "made_amenable PY CU"}


def test_an_ordinal_numbered_list_under_a_decree_article():
    text = ("Artículo 1. Ámbito de aplicación.\nA partir del 1 de junio de 2026, podrán ser trasladadas a la República "
            "Islámica de Mauritania, conforme al Protocolo, las personas solicitantes de protección internacional que "
            "ostenten alguna de las siguientes nacionalidades:\n   1.º La de la República de Malí.\n"
            "   2.º La de la República de Guinea.\n")
    assert current(text, published=dt.date(2026, 5, 20)) == {"made_amenable MR ML", "made_amenable MR GN"}


def test_an_annex_is_claimed_by_the_sentence_that_names_it():
    text = ("§ 1. An alien who has applied for asylum on or after 1 September 2026 may be transferred to Rwanda in "
            "accordance with the Framework Agreement between Denmark and Rwanda if the alien is a national of a State "
            "listed in Annex 1.\n\n§ 2. This Executive Order enters into force on 1 September 2026.\n\nAnnex 1\n\n"
            "States referred to in § 1:\n\n| No. | State |\n|---|---|\n| 1 | State of Eritrea |\n"
            "| 2 | Republic of the Sudan |\n")
    assert current(text, published=dt.date(2026, 8, 14)) == {"made_amenable RW ER", "made_amenable RW SD"}
