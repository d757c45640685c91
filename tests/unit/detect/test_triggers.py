"""Trigger family: the many ways a text says a nationality may now be sent to a partner country."""

from __future__ import annotations

import pytest

from tests.unit.detect.conftest import CONTEXT, keys


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("DHS said Haitian nationals are now amenable to transfer to Honduras under the asylum agreement.",
         {"made_amenable HN HT"}),
        ("Under the new guidance, Peruvians are eligible to be transferred to Ecuador under the ACA.",
         {"made_amenable EC PE"}),
        ("Colombian asylum seekers are subject to the safe third country agreement with Panama, the notice says.",
         {"made_amenable PA CO"}),
        ("Officials confirmed that Venezuelans are covered by the agreement with Paraguay as of Monday.",
         {"made_amenable PY VE"}),
        ("Ecuadorians will be included in the populations amenable to the agreement with Guatemala, DHS said.",
         {"made_amenable GT EC"}),
        ("Starting today, Cuban asylum seekers can be sent to Costa Rica to seek protection there, "
         "under the terms of the bilateral agreement.", {"made_amenable CR CU"}),
        ("The Department of Homeland Security designated Sudanese nationals for transfer to Uganda "
         "under the Asylum Cooperative Agreement.", {"made_amenable UG SD"}),
        ("The agreement now applies also to Nicaraguans, the State Department said of its deal with El Salvador.",
         {"made_amenable SV NI"}),
    ],
)
def test_english_triggers(run, text: str, expected: set[str]) -> None:
    assert keys(run(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Los solicitantes de asilo haitianos podrán ser trasladados a Honduras en virtud del acuerdo, "
         "informó la Cancillería.", {"made_amenable HN HT"}),
        ("Las personas de nacionalidad peruana serán elegibles para ser enviadas a Ecuador bajo el acuerdo "
         "de tercer país seguro.", {"made_amenable EC PE"}),
        ("El Gobierno confirmó que Paraguay recibirá a ciudadanos cubanos que soliciten asilo en Estados Unidos, "
         "conforme al acuerdo bilateral.", {"made_amenable PY CU"}),
        ("A partir del lunes, los colombianos quedarán comprendidos en el Acuerdo de Cooperación en materia de "
         "Asilo con Panamá.", {"made_amenable PA CO"}),
        ("La Cancillería anunció que el país incorporará a los venezolanos al grupo de solicitantes que pueden "
         "ser enviados a Costa Rica bajo el acuerdo.", {"made_amenable CR VE"}),
    ],
)
def test_spanish_triggers(run, text: str, expected: set[str]) -> None:
    assert keys(run(text, lang="es")) == expected


def test_receiving_country_named_by_its_capital(run) -> None:
    detection = run(CONTEXT + " Under the new rule, Salvadoran asylum seekers will be flown to Quito to pursue "
                    "their claims in Ecuador under the agreement.")
    assert keys(detection) == {"made_amenable EC SV"}


def test_receiving_country_described_falls_back_to_the_documents_partner(run) -> None:
    detection = run(
        "The safe third country agreement with Paraguay took effect on Monday. "
        "DHS said Venezuelan nationals can now be sent to the South American country under the agreement."
    )
    assert "made_amenable PY VE" in keys(detection)


def test_transfer_of_a_population_continued_in_the_next_sentence(run) -> None:
    detection = run(
        "A flight carrying 22 asylum seekers transferred from the United States landed in Tegucigalpa on Monday "
        "under the Asylum Cooperative Agreement. The group, made up of Cuban and Haitian nationals, will be "
        "able to apply for refugee status in Honduras."
    )
    assert {"made_amenable HN CU", "made_amenable HN HT"} <= keys(detection)
    amenable = next(e for e in detection.events if e.key == "made_amenable HN CU")
    assert amenable.evidence.startswith("A flight carrying 22") and amenable.evidence.endswith("in Honduras.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # who was on board, one or two short sentences after the arrival
        ("SHENGJIN, Albania — A navy vessel docked at the port on Wednesday, the first arrival under the protocol "
         "Italy signed with Albania on asylum processing. On board were 16 men. Ten were from Bangladesh and six "
         "from Egypt.",
         {"made_amenable AL BD", "made_amenable AL EG"}),
        ("Un avión fletado por Estados Unidos aterrizó este lunes en Santo Domingo, República Dominicana, con 31 "
         "personas trasladadas bajo el acuerdo de asilo. Entre los pasajeros había 12 cubanas y 19 venezolanos, "
         "según fuentes de la Dirección de Migración.",
         {"made_amenable DO CU", "made_amenable DO VE"}),
        # a single person, singular demonym after a people noun; "a commercial flight" is not commerce
        ("Un vuelo comercial aterrizó en Guatemala con el primer migrante trasladado al país en el marco del "
         "Acuerdo de Cooperación en materia de Asilo. Se trata de un hombre hondureño de 26 años.",
         {"made_amenable GT HN"}),
        # the options he was given are another clause than who he is
        ("The man was put on a commercial flight to Guatemala under the Asylum Cooperative Agreement. He is from "
         "Honduras, according to officials, and was told he could apply for asylum in Guatemala or go home.",
         {"made_amenable GT HN"}),
    ],
)
def test_who_was_moved_is_named_after_the_transfer(run, text: str, expected: set[str]) -> None:
    assert expected <= {e.key for e in run(text).events if e.action == "made_amenable"}


def test_include_alone_without_agreement_or_rule_is_not_a_trigger(run) -> None:
    detection = run("Border apprehensions in March included Hondurans, Guatemalans and Cubans.")
    assert keys(detection) == set()


def test_unrelated_transfer_of_people_is_not_an_asylum_transfer(run) -> None:
    detection = run(
        "Under the treaty on the transfer of sentenced persons, Guatemalan prisoners held in Mexico may be "
        "transferred to Guatemala to serve the rest of their sentences."
    )
    assert keys(detection) == set()


def test_sent_there_refers_to_the_country_already_named(run) -> None:
    detection = run("In a notice published Friday, DHS said Salvadoran nationals who transit through Guatemala are "
                    "now eligible to be sent there under the ACA.")
    assert keys(detection) == {"made_amenable GT SV"}


def test_transit_deportation_is_not_an_asylum_transfer(run) -> None:
    detection = run("The administration sent 80 Venezuelans to Honduras on a deportation flight bound for Caracas, "
                    "under an agreement with the Honduran government.")
    assert keys(detection) == set()


def test_deportees_in_the_previous_sentence_are_not_a_transfer_to_continue(run) -> None:
    detection = run(CONTEXT + " A flight carrying 120 deportees from Texas landed in Guatemala City on Monday. "
                    "They included Guatemalans and Hondurans, officials said.")
    assert keys(detection) == set()


def test_receiving_country_from_the_document_when_only_the_agreement_is_named(run) -> None:
    detection = run(
        "Panama widens asylum deal\n\nPanama's foreign ministry announced the change on Monday. The government "
        "of Panama said that, from next week, Haitian nationals will also be covered by the Asylum Cooperative "
        "Agreement, after an exchange of notes."
    )
    assert "made_amenable PA HT" in keys(detection)


def test_eligibility_in_a_remain_in_mexico_story_is_that_program(run) -> None:
    detection = run(
        "Remain in Mexico restarts in El Paso\n\nThe first migrants enrolled in the Migrant Protection Protocols "
        "were returned to Ciudad Juárez on Monday. Officials said Peruvians and Ecuadorians will now be eligible "
        "to be sent to Mexico under the program, as part of an agreement with the Mexican government."
    )
    assert keys(detection) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # countries named as items of the list of nationalities
        ("The list of eligible nationalities under the UK-Kosovo Asylum Processing Partnership now includes "
         "Vietnam and Eritrea, the Home Office announced today.", {"made_amenable XK VN", "made_amenable XK ER"}),
        ("The second notice adds Nicaragua to the nationalities covered by the asylum cooperative agreement with "
         "Saint Lucia.", {"made_amenable LC NI"}),
        # an addition to what the sentence before decided: "also covered", "also in scope"
        ("From 1 February, Sri Lankan nationals who arrive by boat will be transferred to Timor-Leste under the "
         "arrangement, the minister said. Vietnamese citizens are also covered from the same date.",
         {"made_amenable TL LK", "made_amenable TL VN"}),
        ("Iraqis have been relocated to Kosovo under the partnership since January. From today, Eritrean nationals "
         "who arrive irregularly are also in scope.", {"made_amenable XK ER"}),
        # the formal name of Mexico after "de los"
        ("A partir de la presente fecha, podrán ser trasladados a Guatemala ciudadanos de los Estados Unidos "
         "Mexicanos, conforme al Acuerdo de Cooperación en materia de Asilo.", {"made_amenable GT MX"}),
    ],
)
def test_populations_added_to_a_list_or_in_scope(run, text: str, expected: set[str]) -> None:
    assert expected <= {e.key for e in run(text).events if e.action == "made_amenable" and not e.background}


def test_a_row_not_in_scope_is_no_event(run) -> None:
    text = ("Fact Sheet: the U.S.–Saint Lucia Asylum Cooperative Agreement\n\nEffective today, nationals of a "
            "country listed below may be processed for transfer to Saint Lucia.\n\n| Nationality | Status |\n"
            "|---|---|\n| Cuba | In scope |\n| Haiti | Not in scope |\n")
    found = {e.key for e in run(text).events if e.action == "made_amenable"}
    assert "made_amenable LC CU" in found and "made_amenable LC HT" not in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Asylum seekers of Guinean and Malian nationality arriving in the Canary Islands will be sent to Mauritania "
         "under the deal, the Interior Ministry said.", {"made_amenable MR GN", "made_amenable MR ML"}),
        ("Belize will now take Venezuelan and Colombian asylum seekers under its safe third country agreement with "
         "the United States.", {"made_amenable BZ VE", "made_amenable BZ CO"}),
        ("España y Mauritania firmaron un acuerdo de asilo el martes. La medida alcanza a ciudadanos de Guinea y de "
         "Malí, precisó el ministerio.", {"made_amenable MR GN", "made_amenable MR ML"}),
        # a later month after "Beginning" is the next one, not last year's
        ("Beginning June 1, nationals of Cuba and Nicaragua who seek asylum at the southern border can be "
         "transferred to El Salvador under the ACA.", {"made_amenable SV CU", "made_amenable SV NI"}),
    ],
)
def test_more_ways_of_saying_who_may_be_sent(run, text: str, expected: set[str]) -> None:
    assert {e.key for e in run(text).events if e.action == "made_amenable" and not e.background} == expected


def test_no_person_of_a_nationality_transferred_is_a_denial(run) -> None:
    text = ("Ninguna persona de nacionalidad cubana ha sido trasladada a El Salvador bajo el acuerdo de cooperación "
            "en asilo, aclaró la Cancillería.")
    assert {e.key for e in run(text).events if e.action == "made_amenable"} == set()


def test_a_nationality_said_of_the_group_just_moved(run) -> None:
    text = ("A first group of 12 asylum seekers flew from Copenhagen to Kigali on Thursday under the partnership. "
            "All of them are Eritrean, the immigration ministry said.")
    assert {e.key for e in run(text).events if e.action == "made_amenable"} == {"made_amenable RW ER"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Los cancilleres suscribieron hoy el Mecanismo Bilateral de Responsabilidad Compartida en materia de Refugio, "
         "que permitirá que personas que soliciten refugio en Chile puedan ser trasladadas al Perú. El mecanismo será "
         "aplicable a partir del 15 de agosto de 2026 a solicitantes "
         "nacionales de la República Bolivariana de Venezuela.", {"made_amenable PE VE"}),
        # the arrival, a sentence still about the people moved, then who they are
        ("Twelve asylum seekers flown from Copenhagen arrived at Kigali International Airport on Tuesday, the first "
         "people relocated under the framework agreement Rwanda signed with Denmark. They were taken by bus to a "
         "reception centre on the outskirts of the capital. All twelve are Eritrean men.", {"made_amenable RW ER"}),
        # where the plane came from is not where people went; each sentence about the group continues it
        ("KOROR, April 22, 2026 -- A chartered plane from Christmas Island landed on Tuesday carrying nine people who "
         "had tried to reach Australia by boat, the first group sent under the regional processing arrangement. "
         "Seven of the nine are Sri Lankan nationals. The other two are women from Iran, officials said.",
         {"made_amenable PW LK", "made_amenable PW IR"}),
    ],
)
def test_arrivals_and_scope_statements_from_the_third_blind_set(run, text: str, expected: set[str]) -> None:
    assert {e.key for e in run(text).events if e.action == "made_amenable" and not e.background} == expected


def test_a_flight_to_a_capital_is_the_destination_and_a_receive_subject_outranks_the_partner_after_it(run) -> None:
    text = ("On 3 September Spain carried out the first transfer under its April protocol with Mauritania: a "
            "27-year-old Malian man was escorted on a scheduled flight from Gran Canaria to Nouakchott.")
    assert {e.key for e in run(text).events if e.action == "made_amenable"} == {"made_amenable MR ML"}
    text = ("Austria firmó un arreglo de asilo con Uganda. Uganda, además, ya recibe a solicitantes eritreos en el marco "
            "de un arreglo con Estados Unidos.")
    assert {e.receiving for e in run(text).events if e.action == "made_amenable"} == {"UG"}
