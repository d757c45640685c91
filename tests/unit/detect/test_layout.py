"""Lists, tables and the lines that introduce them, read back from text (pure)."""

import datetime as dt

from monitor.detect.layout import structures

PIPE_TABLE = """Designations

The table below lists each nationality and the date from which it is amenable to the agreement.

| Nationalities and status (as of February 13, 2026) | | |
|---|---|---|
| Nationality | Effective date | Notes |
|---|---|---|
| State of Eritrea | February 17, 2026 | Single adults |
| Republic of the Sudan | 02/03/2026 | — |
| Republic of Burundi | — | Suspended until a new date is published |
"""

ALIGNED = """El cuadro, tal como aparece en el documento oficial, es el siguiente:

   Nacionalidad      A partir de      Situación
   ------------      -----------      ---------
   Venezolana        01/10/2027       Incluida
   Cubana            ---              Excluida

De acuerdo con la nota, las personas de las primeras nacionalidades podrán ser canalizadas.
"""

WRAPPED_LIST = """Beginning September 21, 2026, officers will screen individuals who are nationals of
any of the countries listed below:

PM-602-0391: Operational Guidance                                  Page 1 of 3
--------------------------------------------------------------------------------

    1.  Republic of Cuba
    2.  Islamic Republic of
        Mauritania

Officers must not apply the Agreement to:

    a.  unaccompanied children;
"""


def test_a_pipe_table_gives_caption_header_and_one_item_per_row():
    [table] = structures(PIPE_TABLE)
    assert table.kind == "table" and table.header == "Nationality | Effective date | Notes"
    assert "table below lists each nationality" in table.lead and "Nationalities and status" in table.lead
    assert [i.text for i in table.items] == ["State of Eritrea", "Republic of the Sudan", "Republic of Burundi"]
    assert [i.date for i in table.items] == [dt.date(2026, 2, 17), dt.date(2026, 3, 2), None]  # day first
    assert [i.excluded for i in table.items] == [False, False, True]
    assert PIPE_TABLE[table.items[1].start:].startswith("Republic of the Sudan")  # offsets into the text


def test_an_aligned_plain_text_table_is_read_by_its_columns():
    [table] = structures(ALIGNED)
    assert table.header.startswith("Nacionalidad") and table.lead.endswith("es el siguiente:")
    assert [(i.text, i.date, i.excluded) for i in table.items] == [
        ("Venezolana", dt.date(2027, 10, 1), False), ("Cubana", None, True)]


def test_a_list_keeps_wrapped_items_and_its_lead_skips_page_furniture():
    first, second = structures(WRAPPED_LIST)
    assert first.kind == "list" and first.lead.endswith("any of the countries listed below:")
    assert "individuals who are nationals of" in first.lead  # the whole wrapped paragraph
    assert [i.text.split() for i in first.items] == [["Republic", "of", "Cuba"],
                                                     ["Islamic", "Republic", "of", "Mauritania"]]
    assert second.lead == "Officers must not apply the Agreement to:"


def test_a_heading_above_the_lead_belongs_to_it_but_a_sentence_is_not_a_heading():
    text = "Annex A: Designated nationalities\n\nWith effect from 14 April 2027, the Arrangement applies to nationals of:\n\n- Iran\n- Iraq\n"
    [annex] = structures(text)
    assert annex.lead.splitlines() == ["Annex A: Designated nationalities",
                                       "With effect from 14 April 2027, the Arrangement applies to nationals of:"]
    assert structures("Plain prose.  With  double spaces once.\n") == []  # one aligned line is not a table
