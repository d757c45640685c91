import datetime as dt

from monitor.timeline import (
    agreement_status,
    agreements,
    amenable_on,
    build_timeline,
    epoch_for,
    record_date,
    termination_dates,
)


def rec(action, receiving, population=None, published="2020-01-06", background=False, **extra):
    return {
        "id": f"{action}:{receiving}:{population or '-'}", "action": action, "receiving": receiving,
        "population": population, "evidence": f"{action} {receiving} {population}", "url": "https://x.org/a",
        "published": published,
        "sources": [{"document_id": "d", "published": published, "background": background}], **extra,
    }


D = dt.date.fromisoformat

RECORDS = [
    rec("agreement_signed", "GT", published="2019-07-26"),
    rec("agreement_in_force", "GT", published="2019-11-21"),
    rec("made_amenable", "GT", "HN", published="2019-11-21"),
    rec("made_amenable", "GT", "SV", published="2019-12-10"),
    rec("made_amenable", "GT", "MX", published="2020-01-06"),
    rec("agreement_suspended", "GT", published="2020-03-16"),
    rec("agreement_terminated", "GT", published="2021-05-06"),
    rec("made_amenable", "HN", "CU", published="2020-02-01"),
]


def test_who_was_amenable_on_a_day():
    assert amenable_on(RECORDS, "GT", D("2019-11-01")) == []
    assert amenable_on(RECORDS, "GT", D("2019-12-15")) == ["HN", "SV"]
    assert amenable_on(RECORDS, "gt", D("2020-02-01")) == ["HN", "MX", "SV"]
    assert amenable_on(RECORDS, "GT", D("2020-04-01")) == []  # suspended
    assert amenable_on(RECORDS, "GT", D("2022-01-01")) == []  # terminated
    assert amenable_on(RECORDS, "HN", D("2020-03-01")) == ["CU"]


def test_a_readmission_after_termination_counts_again():
    later = [*RECORDS, rec("agreement_in_force", "GT", published="2025-07-01"),
             rec("made_amenable", "GT", "NI", published="2025-07-02")]
    later[-1]["id"] = "made_amenable:GT:NI@2021-05-06"
    assert amenable_on(later, "GT", D("2025-08-01")) == ["NI"]


def test_status_and_timeline_order():
    assert agreement_status(RECORDS, "GT", D("2020-04-01")) == "agreement_suspended"
    assert agreement_status(RECORDS, "SV", D("2020-04-01")) is None
    actions = [e.action for e in build_timeline(RECORDS, receiving="GT")]
    assert actions[:3] == ["agreement_signed", "agreement_in_force", "made_amenable"]
    assert actions[-1] == "agreement_terminated"


def test_background_reports_do_not_date_an_event():
    record = rec("agreement_signed", "HN", published="2020-01-06", background=True)
    record["sources"].append({"document_id": "e", "published": "2019-09-25", "background": False})
    assert record_date(record) == D("2019-09-25")


def test_epochs_follow_terminations():
    terminations = termination_dates(RECORDS, "GT")
    assert terminations == [D("2021-05-06")]
    assert epoch_for(terminations, D("2020-01-06")) == ""
    assert epoch_for(terminations, D("2025-07-02")) == "2021-05-06"
    assert epoch_for([], None) == ""


def test_records_are_grouped_by_receiving_country_in_date_order():
    def record(action, receiving, population=None, published=None, first_seen="2026-01-01T00:00:00Z", **extra):
        return {"id": f"{action}:{receiving}:{population or '-'}", "action": action, "receiving": receiving,
                "population": population, "published": published, "first_seen": first_seen,
                "evidence": f"{action} {receiving}", "url": "https://x.test/", "title": "t", **extra}

    timelines = agreements([
        record("agreement_terminated", "GT", published="2021-02-06T10:00:00Z"),
        record("made_amenable", "GT", "MX", published="2020-01-07T15:00:00Z",
               sources=[{"document_id": "a", "url": "https://a.test/", "evidence": "e", "seen": "s"}]),
        record("agreement_signed", "HN", published="2019-09-25T00:00:00Z"),
        record("agreement_signed", "GT", published="2019-07-26T00:00:00Z"),
        record("agreement_in_force", "GT", published=None, first_seen="2019-11-15T00:00:00Z"),
        {"action": "", "receiving": "XX"},  # not a knowledge record: ignored
    ])
    assert [t.receiving for t in timelines] == ["GT", "HN"]
    gt = timelines[0].entries
    assert [e.action for e in gt] == ["agreement_signed", "agreement_in_force", "made_amenable", "agreement_terminated"]
    assert gt[1].date == D("2019-11-15")  # no publication date: first seen
    assert gt[2].population == "MX" and gt[2].sources[0].url == "https://a.test/"


def test_one_date_rule_for_every_reader():
    # Reported as background first (2019), as news later (2020): the news date counts, on the CLI
    # timeline, the web timeline and the JSON API alike, since all build entries here.
    record = rec("made_amenable", "GT", "MX", published="2019-05-01",
                 sources=[{"document_id": "old", "published": "2019-05-01", "background": True},
                          {"document_id": "new", "published": "2020-01-06", "background": False}])
    assert record_date(record) == D("2020-01-06")
    assert build_timeline([record])[0].date == D("2020-01-06")
    assert agreements([record])[0].entries[0].date == D("2020-01-06")
