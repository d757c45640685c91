"""Background family: old facts are reported as background, news is not; documents are dated."""

from __future__ import annotations

import datetime as dt

from monitor.detect import detect
from monitor.detect.text import dateline, is_background
from tests.unit.detect.conftest import keys


def background_of(detection, key: str) -> bool:
    return next(e for e in detection.events if e.key == key).background


def test_last_year_and_earlier_years_are_background(run) -> None:
    detection = run("The administration signed asylum agreements with Uganda and Paraguay last year. "
                    "In 2019, the United States signed an asylum cooperative agreement with Honduras.")
    assert keys(detection) == {"agreement_signed UG -", "agreement_signed PY -", "agreement_signed HN -"}
    assert all(e.background for e in detection.events)


def test_earlier_month_without_future_is_background_later_date_is_not() -> None:
    published = dt.date(2025, 11, 20)
    assert is_background("The deal was signed in August.", published)
    assert not is_background("The deal will enter into force in December.", published)
    assert not is_background("Transfers begin on November 24.", published)


def test_signing_described_in_a_clause_is_background_but_the_news_is_not(run) -> None:
    detection = run("The asylum agreement with Ecuador, signed in March 2024, entered into force on Monday.",
                    published=dt.date(2025, 5, 4))
    assert background_of(detection, "agreement_signed EC -") is True
    assert background_of(detection, "agreement_in_force EC -") is False


def test_relative_clause_signing_is_background(run) -> None:
    detection = run("The deal, which Paraguay signed in August, now covers Cubans, who can be transferred to "
                    "Paraguay under the safe third country agreement.", published=dt.date(2025, 12, 1))
    assert background_of(detection, "agreement_signed PY -") is True
    assert background_of(detection, "made_amenable PY CU") is False


def test_original_deal_and_since_are_background(run) -> None:
    detection = run("Hondurans were the only group sent under the original asylum agreement with Guatemala. "
                    "Since November, Salvadorans have been transferred to Guatemala under the ACA.")
    assert background_of(detection, "made_amenable GT HN") is True
    assert background_of(detection, "made_amenable GT SV") is True


def test_spanish_background_cues(run) -> None:
    detection = run("El año pasado, Honduras firmó un acuerdo de tercer país seguro con Estados Unidos. "
                    "Desde mayo, los venezolanos son trasladados a Costa Rica en virtud del acuerdo.", lang="es")
    assert all(e.background for e in detection.events)
    assert keys(detection) == {"agreement_signed HN -", "made_amenable CR VE"}


def test_current_news_preferred_over_a_background_mention_of_the_same_event(run) -> None:
    detection = run("Last year Hondurans were made eligible for transfer to Guatemala under the ACA. "
                    "Hondurans are again eligible to be transferred to Guatemala under the ACA, DHS said today.")
    assert background_of(detection, "made_amenable GT HN") is False


def test_dateline_dates_a_plain_text_document() -> None:
    assert dateline("Headline\n\nMarch 3, 2026\n\nBody text.") == dt.date(2026, 3, 3)
    assert dateline("Quito, 12 de marzo de 2026\n\nEl Ministerio informa") == dt.date(2026, 3, 12)
    assert dateline("San Salvador, 8 de febrero de 2021. El Ministerio de Relaciones Exteriores informa que "
                    "recibió la nota diplomática.") == dt.date(2021, 2, 8)
    assert dateline("Headline\n\nA photo caption says migrants boarded a bus in El Paso, Texas, on June 1, 2019, "
                    "before dawn.") is None
    assert dateline("No date at all here.") is None
    assert dateline("Headline\n\nBy Ana Ruiz | Isthmus Daily | PANAMA CITY | April 22, 2026\n\nBody.") == \
        dt.date(2026, 4, 22)


def test_a_month_qualified_by_mid_or_early_dates_the_sentence(run) -> None:
    text = ("Panama readies shelters for asylum transfers\n\nApril 22, 2026\n\n"
            "The asylum agreement with Panama took effect in mid-February.")
    assert background_of(detect(text), "agreement_in_force PA -") is True


def test_dateline_is_used_when_no_date_is_given() -> None:
    text = ("Asylum agreement with Honduras ends\n\nJune 2, 2027\n\n"
            "The administration signed the agreement with Honduras in 2025. "
            "The State Department terminated the asylum cooperative agreement with Honduras on Monday.")
    detection = detect(text)
    assert background_of(detection, "agreement_signed HN -") is True
    assert background_of(detection, "agreement_terminated HN -") is False


def test_the_agreements_own_history_does_not_date_the_news(run) -> None:
    detection = run("Honduras has started receiving Venezuelan asylum seekers under a 2019 cooperative agreement "
                    "that Washington revived last year, the foreign ministry said on Monday.",
                    published=dt.date(2026, 2, 2))
    assert background_of(detection, "made_amenable HN VE") is False


def test_transfers_told_in_the_past_in_a_document_reporting_the_termination_are_history(run) -> None:
    detection = run(
        "El informe analiza la aplicación del Acuerdo de Cooperación en materia de Asilo con Guatemala hasta la "
        "terminación del Acuerdo, anunciada por el Departamento de Estado el 6 de febrero de 2021. Según los datos, "
        "945 personas fueron trasladadas a Guatemala bajo el ACA: 636 de nacionalidad hondureña.",
        published=dt.date(2021, 6, 1),
    )
    assert "made_amenable GT HN" in {e.key for e in detection.events if e.background}
    assert "agreement_terminated GT -" in {e.key for e in detection.events}


def test_the_date_of_the_agreement_in_a_clause_without_a_relative_pronoun_is_not_the_news_date() -> None:
    text = ("First asylum seekers flown from Denmark to Rwanda\n\n12 May 2026\n\nA chartered plane landed in Kigali "
            "at dawn on Tuesday. On board were 41 men from Eritrea and Sudan, the first people sent from Denmark under "
            "the asylum agreement the two countries concluded in December.")
    assert background_of(detect(text), "made_amenable RW ER") is False


def test_a_year_in_a_clause_before_the_agreement_still_dates_the_sentence(run) -> None:
    # "in 2020 under the ACA" dates the transfers; only "the 2019 agreement" names the agreement by its year
    text = "Data note: 312 Hondurans were transferred to Guatemala in 2020 under the ACA, according to new figures."
    assert background_of(run(text), "made_amenable GT HN") is True


def test_a_previous_decade_is_background(run) -> None:
    text = ("In the previous decade, Israel quietly paid Rwanda to take Eritrean asylum seekers who agreed to leave, "
            "under an arrangement never made public.")
    assert background_of(run(text), "made_amenable RW ER") is True


def test_who_was_transferred_under_an_ended_agreement_is_its_history(run) -> None:
    text = ("Statistical note, June 14, 2021. All transferred individuals were nationals of Honduras or El Salvador. "
            "Transfers to Guatemala were suspended in March 2020 and the asylum cooperative agreement with Guatemala "
            "was terminated in 2021.")
    detection = run(text, published=dt.date(2021, 6, 14))
    assert background_of(detection, "made_amenable GT HN") is True and not detection.relevant


def test_a_look_back_at_an_agreement_that_used_to_send_people_is_background(run) -> None:
    text = ("Cuatro años después: lo que dejó el acuerdo que enviaba hondureños a Guatemala\n\nUn estudio entrevistó a "
            "41 personas trasladadas entre 2019 y 2020.")
    assert background_of(run(text, published=dt.date(2023, 5, 10)), "made_amenable GT HN") is True
