from monitor.index.timeline import build_timeline


def _record(action, receiving, population=None, published=None, first_seen="2026-01-01T00:00:00Z", **extra):
    return {"id": f"{action}:{receiving}:{population or '-'}", "action": action, "receiving": receiving,
            "population": population, "published": published, "first_seen": first_seen,
            "evidence": f"{action} {receiving}", "url": "https://x.test/", "title": "t", **extra}


def test_records_are_grouped_by_receiving_country_in_report_order():
    timelines = build_timeline([
        _record("agreement_terminated", "GT", published="2021-02-06T10:00:00Z"),
        _record("made_amenable", "GT", "MX", published="2020-01-07T15:00:00Z",
                sources=[{"document_id": "a", "url": "https://a.test/", "evidence": "e", "seen": "s"}]),
        _record("agreement_signed", "HN", published="2019-09-25T00:00:00Z"),
        _record("agreement_signed", "GT", published="2019-07-26T00:00:00Z"),
        _record("agreement_in_force", "GT", published=None, first_seen="2019-11-15T00:00:00Z"),
        {"action": "", "receiving": "XX"},  # not a knowledge record: ignored
    ])
    assert [t.receiving for t in timelines] == ["GT", "HN"]
    gt = timelines[0].entries
    assert [e.action for e in gt] == ["agreement_signed", "agreement_in_force", "made_amenable", "agreement_terminated"]
    assert gt[1].date == "2019-11-15T00:00:00Z"  # no publication date: first seen
    assert gt[2].population == "MX" and gt[2].sources[0].url == "https://a.test/"


def test_undated_entries_come_last():
    [tl] = build_timeline([_record("made_amenable", "CR", "VE", first_seen=None),
                           _record("agreement_signed", "CR", published="2026-03-01T00:00:00Z")])
    assert [e.action for e in tl.entries] == ["agreement_signed", "made_amenable"]
