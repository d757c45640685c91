"""The document commands that need no services (src/monitor/cli/documents.py): `monitor detect`
prints one docs/DETECTION.md record per file (JSON Lines with --json) and exits 1 when a file
could not be read; `monitor eval` prints the evaluation report. Run through `main`, as the
`monitor` command runs them. The commands that need Elasticsearch (`ingest`, `search`,
`timeline`, `sources`) are covered by the integration tests (see tests/README.md)."""

from __future__ import annotations

import json
import os

import pytest

from monitor.cli import main
from monitor.evaluation import evaluate
from monitor.settings import get_settings

SENTENCE = ("Certain Mexicans seeking humanitarian protections in the United States may now be eligible to be "
            "transferred to Guatemala under the Asylum Cooperative Agreement, the Department of Homeland Security said.")


@pytest.fixture(autouse=True)
def clean_settings(monkeypatch):
    for name in list(os.environ):
        if name.startswith("MONITOR_"):
            monkeypatch.delenv(name)
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


@pytest.fixture
def files(tmp_path):
    (tmp_path / "story.txt").write_text(SENTENCE, encoding="utf-8")
    (tmp_path / "budget.html").write_text("<html><body><article><p>The council approved the road budget on "
                                          "Tuesday.</p></article></body></html>", encoding="utf-8")
    return tmp_path


def test_detect_json_prints_one_record_per_file_in_order(files, capsys):
    story, budget = str(files / "story.txt"), str(files / "budget.html")
    assert main(["detect", story, budget, "--json"]) == 0
    lines = capsys.readouterr().out.splitlines()
    records = [json.loads(line) for line in lines]
    assert [r["file"] for r in records] == [story, budget]  # the paths as given
    assert [(e["action"], e["receiving"], e["population"]) for e in records[0]["events"]] == [
        ("made_amenable", "GT", "MX")]
    assert records[0]["relevant"] is True and records[1]["relevant"] is False and records[1]["events"] == []


def test_detect_prints_events_for_people(files, capsys):
    assert main(["detect", str(files / "story.txt")]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"{files / 'story.txt'}: relevant=True lang=en"
    assert out[1].startswith("  made_amenable GT MX [") and out[1].endswith(SENTENCE)


def test_detect_exits_1_when_a_file_cannot_be_read_and_still_reports_the_others(files, capsys):
    missing = str(files / "missing.txt")
    assert main(["detect", missing, str(files / "story.txt"), "--json"]) == 1
    first, second = (json.loads(line) for line in capsys.readouterr().out.splitlines())
    assert first == {"file": missing, "error": "cannot read: No such file or directory"}
    assert second["relevant"] is True
    assert main(["detect", missing]) == 1
    assert capsys.readouterr().out == f"{missing}: error: cannot read: No such file or directory\n"


def test_eval_prints_the_report_of_the_labeled_folder(files, capsys):
    (files / "story.expected.json").write_text(json.dumps({
        "file": "story.txt", "lang": "en", "published": "2020-01-06", "source_kind": "news", "relevant": True,
        "events": [{"action": "made_amenable", "receiving": "GT", "population": "MX"}], "background_events": [],
        "affected_count": None, "notes": ""}), encoding="utf-8")
    assert main(["eval", str(files), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report == json.loads(json.dumps(evaluate(files).as_dict()))
    assert main(["eval", str(files / "empty-folder")]) == 2  # no labels: a usage error
    assert "no *.expected.json label files" in capsys.readouterr().err
