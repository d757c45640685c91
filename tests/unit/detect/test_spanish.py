"""Spanish family: government communiqué and press phrasing, demonyms in every gender and number."""

from __future__ import annotations

import pytest

from tests.unit.detect.conftest import keys


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("El Instituto de Migración informa que, a partir del lunes, las personas originarias de Haití que "
         "soliciten protección en Estados Unidos podrán ser remitidas a Guatemala, conforme al acuerdo de asilo.",
         {"made_amenable GT HT"}),
        ("Honduras recibirá a personas de nacionalidad cubana y nicaragüense, en virtud del Acuerdo de "
         "Cooperación en materia de Asilo.", {"made_amenable HN CU", "made_amenable HN NI"}),
        ("Las salvadoreñas y los salvadoreños que pidan asilo podrán ser trasladados a Panamá conforme al acuerdo.",
         {"made_amenable PA SV"}),
        ("EE. UU. podrá trasladar a Uganda a solicitantes de asilo eritreos y somalíes bajo el acuerdo migratorio, "
         "anunció el Departamento de Seguridad Nacional.", {"made_amenable UG ER", "made_amenable UG SO"}),
        # "que piden protección" seeks protection: not a request that someone act (a recommendation).
        ("El DHS confirmó que ciudadanos mexicanos que piden protección en la frontera sur podrán ser "
         "trasladados a Guatemala, en aplicación del acuerdo de cooperación en materia de asilo.",
         {"made_amenable GT MX"}),
    ],
)
def test_spanish_made_amenable(run, text: str, expected: set[str]) -> None:
    detection = run(text, lang="es")
    assert keys(detection) == expected
    assert detection.lang == "es"


def test_spanish_communique_with_continuation_and_dominant_country(run) -> None:
    detection = run(
        "Asunción, 10 de marzo de 2026.- El Ministerio de Relaciones Exteriores informa que arribó al país el "
        "primer grupo de personas trasladadas desde los Estados Unidos, en cumplimiento del Acuerdo de "
        "Cooperación en materia de Asilo suscrito entre ambos países. Se trata de personas de nacionalidad "
        "haitiana, quienes podrán solicitar refugio en el Paraguay.",
        lang="es",
    )
    assert {"agreement_in_force PY -", "made_amenable PY HT"} <= keys(detection)


def test_spanish_acronym_with_space_does_not_split_sentences() -> None:
    from monitor.detect.text import split_sentences

    text = "El Departamento de Seguridad Nacional de EE. UU. no respondió. La Cancillería sí."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "El Departamento de Seguridad Nacional de EE. UU. no respondió.", "La Cancillería sí."]


@pytest.mark.parametrize(
    "text",
    [
        "Las personas guatemaltecas retornadas desde Estados Unidos fueron trasladadas al Centro de Recepción.",
        "México aceptó recibir temporalmente a los solicitantes devueltos bajo el programa Quédate en México.",
        "Los hondureños expulsados bajo el Título 42 fueron enviados a México.",
        "El delantero hondureño será trasladado a Guatemala tras el acuerdo entre los clubes.",
    ],
)
def test_spanish_lookalikes_are_not_events(run, text: str) -> None:
    assert keys(run(text, lang="es")) == set()
