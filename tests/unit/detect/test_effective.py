"""Effective dates read from the sentence that states them."""

from __future__ import annotations

import datetime as dt

import pytest

from monitor.detect.effective import effective_date

DEC = dt.date(2026, 12, 10)


@pytest.mark.parametrize(("sentence", "day"), [
    ("Mexicans can be sent to Guatemala from June 1.", dt.date(2027, 6, 1)),
    ("Beginning March 1, 2020, Hondurans are covered.", dt.date(2020, 3, 1)),
    ("The rule is effective January 15.", dt.date(2027, 1, 15)),
    ("Effective December 20 the agreement applies to Cubans.", dt.date(2026, 12, 20)),
    ("a partir del 15 de octubre los venezolanos podrán ser trasladados", dt.date(2027, 10, 15)),
    ("desde el 1 de junio de 2026 se aplicará a los nicaragüenses", dt.date(2026, 6, 1)),
    ("starting on Monday, January 4, transfers resume", dt.date(2027, 1, 4)),
    ("as of 3 February 2021 nobody is transferred", dt.date(2021, 2, 3)),
])
def test_a_stated_start_is_read(sentence, day):
    assert effective_date(sentence, DEC) == day


@pytest.mark.parametrize("sentence", [
    "The agreement was signed on June 1.",
    "Asylum seekers from the United States arrived.",
    "from 31 February",
    "",
])
def test_no_start_no_date(sentence):
    assert effective_date(sentence, DEC) is None


def test_without_a_year_or_a_document_date_nothing_is_guessed():
    assert effective_date("from June 1", None) is None
    assert effective_date("from June 1, 2027", None) == dt.date(2027, 6, 1)
