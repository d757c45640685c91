"""Lifecycle family: signed, in force, suspended, terminated — and verbs that only look like them."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.unit.detect.conftest import current, keys


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ecuador and the United States signed an asylum cooperative agreement in Washington on Tuesday.",
         {"agreement_signed EC -"}),
        ("Uganda said it had reached a deal with Washington to take in asylum seekers who cannot get protection "
         "in the United States.", {"agreement_signed UG -"}),
        ("The safe third country agreement between Paraguay and the United States entered into force on Monday.",
         {"agreement_in_force PY -"}),
        ("The first asylum seekers sent under the agreement with Uganda arrived in Kampala on Sunday.",
         {"agreement_in_force UG -"}),
        ("Transfers of asylum seekers to Costa Rica under the safe third country agreement were suspended "
         "on Wednesday.", {"agreement_suspended CR -"}),
        ("The United States terminated its asylum cooperative agreement with Panama.",
         {"agreement_terminated PA -"}),
        ("Panamá denunció formalmente el acuerdo de asilo con Estados Unidos.", {"agreement_terminated PA -"}),
        ("El Acuerdo de Cooperación en materia de Asilo con Ecuador entró en vigor este lunes.",
         {"agreement_in_force EC -"}),
        ("Honduras y Estados Unidos firmaron un acuerdo de tercer país seguro.", {"agreement_signed HN -"}),
        ("Costa Rica suspendió los traslados de solicitantes de asilo previstos en el acuerdo de tercer país seguro.",
         {"agreement_suspended CR -"}),
        ("El Protocolo entre el Reino de España y la República Islámica de Mauritania sobre el examen de solicitudes "
         "de protección internacional entra hoy en vigor.", {"agreement_in_force MR -"}),
        ("El Acuerdo de asilo con Ecuador se encuentra en plena ejecución desde el 20 de febrero.",
         {"agreement_in_force EC -"}),
        # a transfer policy named by what it does; "will not proceed with" ends it
        ("LONDON — The prime minister confirmed on Saturday that the previous government's plan to send asylum "
         "seekers to Rwanda has been scrapped.", {"agreement_terminated RW -"}),
        ("The government will not proceed with the Rwanda asylum scheme, the prime minister said.",
         {"agreement_terminated RW -"}),
    ],
)
def test_lifecycle_actions(run, text: str, expected: set[str]) -> None:
    assert keys(run(text)) == expected


def test_plural_agreements_cover_every_partner_of_the_document(run) -> None:
    detection = run(
        "The State Department notified Honduras and Guatemala that it is ending the asylum cooperative agreements "
        "with both countries. The United States has also suspended the agreements, effective immediately."
    )
    assert {"agreement_suspended HN -", "agreement_suspended GT -"} <= keys(detection)


def test_partner_taken_from_the_document_when_the_sentence_says_the_agreement(run) -> None:
    detection = run(
        "Paraguay's foreign ministry said on Monday that the asylum cooperative agreement with Washington "
        "had been working well. Later that day, it announced that the agreement was suspended."
    )
    assert "agreement_suspended PY -" in keys(detection)


@pytest.mark.parametrize(
    "text",
    [
        # The ruling, the termination or a tariff is the subject, not the agreement.
        "The judge's ruling against the Safe Third Country Agreement was put on hold for six months.",
        "Under the asylum agreement with Guatemala, termination takes effect 90 days after notification.",
        "The court suspended its declaration that the safe third country agreement is invalid.",
        # Other agreements.
        "Guatemala and the United States signed a trade agreement that enters into force in January.",
        "Mexico and Guatemala signed a treaty on the transfer of sentenced persons.",
        "The power transfer agreement between Guatemala and Mexico was suspended during the storm.",
        # Removals to prisons are not asylum transfers.
        "El Salvador agreed to take in deportees of any nationality and hold them in its CECOT prison.",
    ],
)
def test_lifecycle_lookalikes_are_not_events(run, text: str) -> None:
    assert keys(run(text)) == set()


def test_first_transfer_of_a_nationality_is_in_force_and_made_amenable(run) -> None:
    detection = run("A Nicaraguan woman became the first asylum seeker transferred to Paraguay under the "
                    "safe third country agreement.")
    assert keys(detection) == {"agreement_in_force PY -", "made_amenable PY NI"}


def test_agreed_that_is_a_decision_not_a_signing(run) -> None:
    detection = run("Ambos gobiernos acordaron que los traslados se harán en vuelos comerciales, según el acuerdo "
                    "de tercer país seguro con Paraguay.", lang="es")
    assert not any(e.action == "agreement_signed" for e in detection.events)


def test_start_date_still_to_be_set_is_not_in_force(run) -> None:
    detection = run("The start of transfers under the asylum agreement with Uganda will be announced later, "
                    "the ministry said.")
    assert keys(detection) == set()


def test_a_lifecycle_verb_takes_the_receivers_of_its_own_clause(run) -> None:
    detection = run(
        "In 2019 the Departments implemented asylum cooperative agreements with Guatemala, Honduras and El Salvador; only the "
        "Guatemala agreement became operational, and all three were terminated in 2021."
    )
    assert "agreement_in_force GT -" in keys(detection)
    assert not {"agreement_in_force HN -", "agreement_in_force SV -"} & keys(detection)
    assert {"agreement_terminated GT -", "agreement_terminated HN -", "agreement_terminated SV -"} <= keys(detection)


def test_a_serial_comma_does_not_cut_the_list_of_partners(run) -> None:
    detection = run(
        "The United States has suspended the Asylum Cooperative Agreements with the Governments of El Salvador, "
        "Guatemala, and Honduras, and has started the process of ending them."
    )
    assert {"agreement_suspended SV -", "agreement_suspended GT -", "agreement_suspended HN -"} <= keys(detection)


def test_those_deals_point_back_at_the_previous_sentence(run) -> None:
    detection = run(
        "Ecuador signed an asylum cooperative agreement with the United States in January. "
        "It is modeled on the agreements signed with Guatemala and Honduras in 2019. "
        "Those deals were terminated in 2021."
    )
    terminated = {k for k in keys(detection) if k.startswith("agreement_terminated")}
    assert terminated == {"agreement_terminated GT -", "agreement_terminated HN -"}


@pytest.mark.parametrize(
    "text",
    [
        # an individual appeal, not the agreement, suspends a transfer
        "Decisions under the asylum arrangement with Rwanda can be appealed, and an appeal suspends the transfer.",
        # a case leaves the procedure; nothing leaves the agreement
        "If the applicant establishes a fear of persecution in Costa Rica, the case exits ACA processing.",
        # the first flight has not happened yet
        "Under the asylum agreement with Ghana, reception capacity is funded before the first flight.",
        # a border-security memorandum is not an asylum agreement
        "Guatemala y Estados Unidos firman memorando de entendimiento en materia de seguridad fronteriza.",
        # signing a designation is not signing the agreement
        "Under the asylum arrangement, the minister signed a new designation for Papua New Guinea.",
    ],
)
def test_look_alike_lifecycle_verbs_are_not_events(run, text: str) -> None:
    assert not {k for k in keys(run(text)) if not k.startswith("made_amenable")}


def test_suspension_for_one_nationality_is_coverage_not_the_agreement(run) -> None:
    detection = run(
        "La COMAR informa que a partir de hoy se suspende la aplicación del Mecanismo de Responsabilidad "
        "Compartida con Belice a las personas solicitantes de asilo de nacionalidad venezolana. El mecanismo continúa aplicándose a las "
        "demás nacionalidades."
    )
    assert not keys(detection)
    assert detection.relevant  # who is covered changed: news about the agreement


def test_arrangements_a_department_has_concluded_are_recapped(run) -> None:
    detection = run(
        "Today we examine the protection cooperation arrangements the Department has concluded over the past "
        "eighteen months, beginning with the arrangement with Ghana."
    )
    assert all(e.background for e in detection.events if e.action == "agreement_signed")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Costa Rica reanudó este martes la recepción de solicitantes de asilo trasladados desde Estados Unidos bajo "
         "el acuerdo de tercer país seguro.", {"agreement_in_force CR -"}),
        ("El Salvador has begun taking in asylum seekers sent from the United States under the asylum cooperative "
         "agreement, the foreign ministry said.", {"agreement_in_force SV -"}),
        ("Uganda has stopped accepting asylum seekers sent from the United States under the two countries' "
         "protection agreement, the Office of the Prime Minister said.", {"agreement_suspended UG -"}),
    ],
)
def test_resumptions_beginnings_and_stops(run, text: str, expected: set[str]) -> None:
    assert current(run(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Copenhagen says the arrangement with Rwanda is signed but the first transfers are unlikely before late 2028.",
        "De ser aprobado el acuerdo de asilo con Panamá, los primeros traslados no ocurrirían antes de junio.",
        "El acuerdo de asilo con Costa Rica entrará en vigor en la fecha en que ambas partes se notifiquen el "
        "cumplimiento de sus requisitos internos.",
    ],
)
def test_steps_not_yet_taken_are_not_events(run, text: str) -> None:
    assert not {k for k in current(run(text)) if k.startswith("agreement_in_force")}


def test_standing_states_and_dating_clauses_are_background(run) -> None:
    detection = run(
        "Under the asylum agreement with Paraguay, in force since December, Cubans have been eligible for transfer. "
        "Most were nationals of Burundi, the country designated when the agreement with Uganda took effect."
    )
    assert not {k for k in current(run("x")) if k}  # sanity: nothing from nothing
    assert not {k for k in current(detection) if k.startswith("agreement_in_force")}


def test_a_court_suspends_transfers_as_an_interim_measure(run) -> None:
    # "como medida cautelar" is "as", not "how"; the quoted title's participle describes the agreement
    text = ('La Sala Constitucional, en resolución dictada este 21 de abril, ordenó como medida cautelar la '
            'suspensión de los traslados de personas solicitantes de refugio hacia Costa Rica que se realizan al '
            'amparo del "Acuerdo entre el Gobierno de la República de Costa Rica y el Gobierno de los Estados Unidos '
            'de América relativo a la cooperación en el examen de solicitudes de protección", firmado en septiembre '
            'de 2025 y en aplicación desde el 3 de noviembre de ese año.')
    detection = run(text, published=dt.date(2026, 4, 21))
    assert current(detection) == {"agreement_suspended CR -"} and detection.relevant


@pytest.mark.parametrize("text", [
    "And commit, in writing, that no such agreement with Guatemala will be signed again without Congress.",
    "BELMOPAN — The deputy minister said her ministry had signed off on the first group of people to be covered by "
    "the protection memorandum with the United States.",
])
def test_signings_and_first_groups_still_to_come(run, text: str) -> None:
    assert current(run(text)) == set()
