"""Tests mirror `src/` (the house rule; tests/README.md explains it): every module with logic has its
unit test file at the mirrored path —

    src/monitor/x/y.py         →  tests/unit/x/test_y.py
    src/monitor/y.py           →  tests/unit/test_y.py
    src/monitor/x/__init__.py  →  tests/unit/x/test_init.py

— or an entry in COVERED_ELSEWHERE below naming the test files that cover it and why. A module
without logic (a docstring, imports, `__all__`, constants) needs neither. The check also fails
when an entry is stale (its module is gone, or a file it names is missing), when a unit test
file mirrors no module and is not accounted for (a renamed module leaves its tests behind),
and when tests/README.md's tables and this map disagree.
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SRC = REPO / "src" / "monitor"
TESTS = REPO / "tests"
README = TESTS / "README.md"

_DETECT = "tested by phenomenon through detect() (docs/DETECTION.md); to be restructured by the next issue"

#: module (under src/monitor/) → (test files under tests/ that cover it, why there). Modules whose
#: job is I/O against a real service are covered by integration tests; those that also have
#: pure parts have a mirrored unit test file as well, and their entry says what the
#: integration tests add. tests/README.md lists the same entries (checked below).
COVERED_ELSEWHERE: dict[str, tuple[tuple[str, ...], str]] = {
    # -- the edges: the `monitor` command --------------------------------------------------------
    "cli/__main__.py": (("integration/test_end_to_end.py", "integration/test_alerts.py"),
                        "`python -m monitor.cli` is how every CLI integration test runs the command"),
    "cli/alerts.py": (("integration/test_alerts.py", "integration/test_end_to_end.py",
                       "integration/test_finding_lifecycle.py"),
                      "subscribe, subscriptions, unsubscribe, alerts, review against ES and SMTP; `digest` has no "
                      "CLI test"),
    "cli/documents.py": (("integration/test_end_to_end.py", "integration/test_knowledge.py",
                          "integration/test_one_answer.py"),
                         "ingest and search (end to end), timeline (knowledge, one answer), sources (one answer); "
                         "detect and eval: unit"),
    "cli/services.py": (("integration/test_es_launcher.py",),
                        "`es up` and `es status`; smtp, demo, serve, index and run-local have no CLI test"),
    # -- the edges: web app ------------------------------------------------------------------------
    "web/app.py": (("integration/test_web_api.py", "integration/test_alerts.py", "integration/test_web_operator.py",
                    "integration/test_web_plugin.py", "integration/test_browser.py"),
                   "the app served by uvicorn (and mounted by Airflow) against the real cluster"),
    "web/api.py": (("integration/test_web_api.py",), "the routes against the real cluster (pure parts: unit)"),
    "web/pages.py": (("integration/test_web_api.py", "integration/test_browser.py"),
                     "the page routes against the real cluster (link and bucket helpers: unit)"),
    "web/operator.py": (("integration/test_web_operator.py",), "bearer token under `monitor serve`, Airflow login"),
    "web/subscribe_routes.py": (("integration/test_alerts.py", "integration/test_run_links.py",
                                 "integration/test_web_plugin.py"),
                                "subscribe form, confirm and unsubscribe links, Atom feeds"),
    "web/server.py": (("integration/test_web_server.py",), "uvicorn in the foreground until Ctrl-C"),
    "web/findings.py": (("integration/test_finding_lifecycle.py", "integration/test_browser_review.py"),
                        "a finding's page and JSON against the real cluster, in the browser too"),
    "web/review_routes.py": (("integration/test_browser_review.py",),
                             "login, the queue and approval in headless Chromium, with the real SMTP sink"),
    # -- the edges: Airflow and local services -----------------------------------------------------
    "airflow/orchestration.py": (("integration/test_airflow.py",),
                                 "the task bodies in real DAG runs (pure parts: unit)"),
    "services/cluster.py": (("integration/test_end_to_end.py", "integration/test_web_operator.py",
                             "integration/test_airflow.py"),
                            "which cluster the CLI, the web app and the tasks open"),
    "services/elasticsearch.py": (("integration/test_es_launcher.py", "integration/test_faults.py"),
                                  "the local launcher: up, status, idempotence, a killed cluster"),
    "services/httpsite.py": (("integration/test_end_to_end.py", "integration/test_big_poll.py"),
                             "the loopback demo site every ingest test polls"),
    "services/smtp.py": (("integration/test_alerts.py", "integration/test_end_to_end.py"),
                         "the loopback SMTP sink every alert test reads"),
    "services/es_distribution.py": (("integration/test_es_launcher.py",),
                                    "the JDK the launcher chooses has every module Elasticsearch needs; the Maven "
                                    "fetch runs whenever a test session starts the local cluster"),
    "services/stack.py": (("integration/test_run_links.py",),
                          "the email links of a `make run` alert, built from the environment `make run` gives "
                          "Airflow (services/local_airflow.py); run_local_stack itself has no test"),
    # -- flows --------------------------------------------------------------------------------------
    "ingest/poll.py": (("integration/test_big_poll.py", "integration/test_sources_ingest.py",
                        "integration/test_sources_hostile.py"),
                       "one source from listing to stored documents and state"),
    "ingest/run.py": (("integration/test_sources_hostile.py", "integration/test_end_to_end.py",
                       "integration/test_faults.py"), "a whole run: sources in parallel, reconcile, alert"),
    "detect/__init__.py": (("unit/detect/test_amenable.py", "unit/detect/test_background.py"),
                           "the engine loaded on first use of `detect`: every detection test imports it so"),
    "ingest/warm.py": (("unit/ingest/test_analyse.py",),
                       "imported by the analysis pool's fork server: every pooled analysis there runs on it"),
    "ingest/document.py": (("integration/test_sources_ingest.py",),
                           "real article fetches of every source kind (build_document: unit)"),
    "sources/listing.py": (("integration/test_sources_ingest.py", "integration/test_sources_hostile.py"),
                           "real listing fetches, pagination, 304s (hashing and dispatch: unit)"),
    "sources/health.py": (("integration/test_sources_ingest.py", "integration/test_airflow.py"),
                          "health collected from stored state (the rules: unit)"),
    "knowledge.py": (("integration/test_knowledge.py",),
                     "reconcile against ES: findings once, concurrent runs, new epochs (Terminations: unit)"),
    "alerts/delivery.py": (("integration/test_alerts.py", "integration/test_end_to_end.py"),
                           "planning and sending through the ledger, SMTP down (ids and records: unit)"),
    "alerts/digest.py": (("integration/test_alerts.py", "integration/test_airflow.py"), "daily digests sent once"),
    "alerts/flows.py": (("integration/test_alerts.py", "integration/test_web_operator.py"),
                        "double opt-in, confirm, unsubscribe against ES and SMTP"),
    "alerts/channels.py": (("integration/test_alerts.py",), "an Apprise JSON webhook on loopback"),
    # -- storage ------------------------------------------------------------------------------------
    "index/client.py": (("integration/test_knowledge.py", "integration/test_alerts.py", "integration/test_big_poll.py"),
                        "create-once, compare-and-set and bulk against ES (chunking and hits: unit)"),
    "index/repository.py": (("integration/test_knowledge.py", "integration/test_index_management.py"),
                            "the facade every integration test opens (tests/conftest.py `repo`)"),
    "index/documents.py": (("integration/test_big_poll.py", "integration/test_knowledge.py",
                            "integration/test_sources_ingest.py"), "stored articles, lookups, reconciled marks"),
    "index/versions.py": (("integration/test_sources_ingest.py", "integration/test_airflow.py"),
                          "superseded texts and their retention"),
    "index/findings.py": (("integration/test_knowledge.py", "integration/test_alerts.py"), "knowledge records"),
    "index/subscriptions.py": (("integration/test_alerts.py", "integration/test_web_operator.py"), "subscriptions"),
    "index/ledger.py": (("integration/test_alerts.py",), "the delivery ledger: claims, stuck records, requeue"),
    "index/source_state.py": (("integration/test_big_poll.py", "integration/test_sources_hostile.py",
                               "integration/test_airflow.py"), "each source's cursor and health"),
    "index/search.py": (("integration/test_web_api.py", "integration/test_end_to_end.py",
                         "integration/test_index_management.py"), "the document search against ES"),
    "index/management.py": (("integration/test_index_management.py", "integration/test_airflow.py"),
                            "templates, ensure, migrate, template checks"),
    "fetch/session.py": (("integration/test_fetch_faults.py", "integration/test_sources_ingest.py",
                          "integration/test_big_poll.py"), "the fetcher against a misbehaving loopback server"),
    "fetch/transport.py": (("integration/test_fetch_faults.py",), "the connected address checked (DNS rebinding)"),
    # -- detection: by phenomenon ---------------------------------------------------------------------
    "detect/cues.py": (("unit/detect/test_negation.py", "unit/detect/test_modality.py", "unit/detect/test_relevance.py",
                        "unit/detect/test_background.py", "unit/detect/test_triggers.py"),
                       f"negation, modality, critics, neighbouring policies, time cues; {_DETECT}"),
    "detect/rules.py": (("unit/detect/test_triggers.py", "unit/detect/test_lifecycle.py", "unit/detect/test_spanish.py",
                         "unit/detect/test_roles.py", "unit/detect/test_relevance.py"),
                        f"triggers, lifecycle verbs, role cues, agreement names; {_DETECT}"),
    "detect/events.py": (("unit/detect/test_triggers.py", "unit/detect/test_lifecycle.py", "unit/detect/test_lists.py",
                          "unit/detect/test_negation.py", "unit/detect/test_modality.py"),
                         f"candidate events of a sentence; {_DETECT}"),
    "detect/text.py": (("unit/detect/test_background.py", "unit/detect/test_spanish.py", "unit/detect/test_engine.py"),
                       f"sentences, datelines, background dating; {_DETECT}"),
    "detect/roles.py": (("unit/detect/test_lists.py", "unit/detect/test_spanish.py"),
                        f"roles in lists and Spanish phrasing (roles themselves: unit/detect/test_roles.py); {_DETECT}"),
    "detect/gazetteer.py": (("unit/detect/test_spanish.py",),
                            f"Spanish demonyms in context (lookups: unit/detect/test_gazetteer.py); {_DETECT}"),
}

#: Unit test files that mirror no module on purpose.
NOT_MIRRORS: dict[str, str] = {
    "unit/test_architecture.py": "the import layering of docs/ARCHITECTURE.md",
    "unit/test_layout.py": "this check",
    "unit/dags/test_dag_policy.py": "the DAG files in dags/ (not a src/ module)",
    "unit/dags/test_parse_times.py": "the DAG files in dags/ (not a src/ module)",
    "unit/sources/test_default_sources.py": "each default source of sources.yaml (data, not a module) on a fixture "
                                            "in its real format, through its kind's adapter",
}


def has_logic(path: Path) -> bool:
    """Anything beyond a docstring, imports, `if TYPE_CHECKING:` and plain assignments is logic."""
    for node in ast.parse(path.read_text(), str(path)).body:
        if isinstance(node, (ast.Import, ast.ImportFrom, ast.Assign, ast.AnnAssign)):
            continue
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
            continue
        if isinstance(node, ast.If) and ast.unparse(node.test) in ("TYPE_CHECKING", "typing.TYPE_CHECKING"):
            continue
        return True
    return False


def mirror_of(module: str) -> str:
    """`x/y.py` → `unit/x/test_y.py`; `x/__init__.py` → `unit/x/test_init.py` (paths under tests/)."""
    path = Path(module)
    name = "init" if path.stem == "__init__" else path.stem
    return str(Path("unit") / path.parent / f"test_{name}.py")


def modules() -> list[str]:
    return sorted(str(p.relative_to(SRC)) for p in SRC.rglob("*.py"))


def problems() -> list[str]:
    found = []
    known = set(modules())
    for module in modules():
        if not (TESTS / mirror_of(module)).exists() and module not in COVERED_ELSEWHERE and has_logic(SRC / module):
            found.append(f"src/monitor/{module}: no tests/{mirror_of(module)} and no entry in COVERED_ELSEWHERE")
    for module, (files, _why) in COVERED_ELSEWHERE.items():
        if module not in known:
            found.append(f"COVERED_ELSEWHERE[{module!r}]: there is no src/monitor/{module}")
        found += [f"COVERED_ELSEWHERE[{module!r}]: tests/{f} does not exist" for f in files if not (TESTS / f).exists()]
    mirrors = {mirror_of(m) for m in known}
    named = {f for files, _ in COVERED_ELSEWHERE.values() for f in files}
    for path in sorted((TESTS / "unit").rglob("test_*.py")):
        test_file = str(path.relative_to(TESTS))
        if test_file not in mirrors and test_file not in named and test_file not in NOT_MIRRORS:
            found.append(f"tests/{test_file}: mirrors no module under src/monitor/ and is not accounted for")
    found += [f"NOT_MIRRORS[{f!r}]: tests/{f} does not exist" for f in NOT_MIRRORS if not (TESTS / f).exists()]
    return found


def readme_rows() -> dict[str, tuple[str, ...]]:
    """module → test files, from the `| \\`module\\` | \\`file\\`, … |` rows of tests/README.md."""
    rows = {}
    for line in README.read_text().splitlines():
        match = re.match(r"^\| `([\w/]+\.py)` \| (.+?) \|", line)
        if match:
            rows[match.group(1)] = tuple(re.findall(r"`([\w/]+\.py)`", match.group(2)))
    return rows


def test_every_module_with_logic_has_a_mirror_or_an_entry():
    found = problems()
    assert not found, "\n".join(["", *found, "(see tests/README.md)"])


def test_the_readme_lists_the_same_coverage_as_the_map():
    expected = {module: files for module, (files, _) in COVERED_ELSEWHERE.items()}
    assert readme_rows() == expected


def test_the_rules_read_a_module_as_the_rule_says():
    assert mirror_of("index/documents.py") == "unit/index/test_documents.py"
    assert mirror_of("dates.py") == "unit/test_dates.py"
    assert mirror_of("cli/__init__.py") == "unit/cli/test_init.py"
    assert mirror_of("index/queries/search.py") == "unit/index/queries/test_search.py"
    assert not has_logic(SRC / "index" / "queries" / "__init__.py")  # re-exports only
    assert has_logic(SRC / "cli" / "__main__.py")  # one call is logic: it is covered by integration tests


def fake_tree(tmp_path: Path, monkeypatch, files: dict[str, str]) -> None:
    """A src/monitor/ and tests/ of our own, for the checker to read."""
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    module = sys.modules[__name__]
    monkeypatch.setattr(module, "SRC", tmp_path / "src" / "monitor")
    monkeypatch.setattr(module, "TESTS", tmp_path / "tests")
    monkeypatch.setattr(module, "COVERED_ELSEWHERE", {})
    monkeypatch.setattr(module, "NOT_MIRRORS", {})


def test_the_checker_catches_a_module_without_tests(tmp_path, monkeypatch):
    fake_tree(tmp_path, monkeypatch, {
        "src/monitor/__init__.py": '"""Root."""\n__version__ = "1"\n',  # no logic: needs nothing
        "src/monitor/alerts/__init__.py": "from monitor.alerts.tested import f\n__all__ = ['f']\n",
        "src/monitor/alerts/tested.py": "def f():\n    return 1\n",
        "tests/unit/alerts/test_tested.py": "def test_f(): ...\n",
        "src/monitor/alerts/untested.py": '"""Does things."""\n\ndef g():\n    return 2\n',
    })
    assert problems() == ["src/monitor/alerts/untested.py: no tests/unit/alerts/test_untested.py and no entry in "
                          "COVERED_ELSEWHERE"]
    monkeypatch.setattr(sys.modules[__name__], "COVERED_ELSEWHERE", {
        "alerts/untested.py": (("integration/test_alerts.py",), "talks to SMTP")})
    assert problems() == ["COVERED_ELSEWHERE['alerts/untested.py']: tests/integration/test_alerts.py does not exist"]
    (tmp_path / "tests" / "integration").mkdir()
    (tmp_path / "tests" / "integration" / "test_alerts.py").write_text("def test_g(): ...\n")
    assert problems() == []


def test_the_checker_catches_stale_entries_and_orphaned_tests(tmp_path, monkeypatch):
    fake_tree(tmp_path, monkeypatch, {
        "src/monitor/dates.py": "def parse(): ...\n",
        "tests/unit/test_dates.py": "def test_parse(): ...\n",
        "tests/unit/test_pipeline.py": "def test_urls(): ...\n",  # its module was split away
    })
    monkeypatch.setattr(sys.modules[__name__], "COVERED_ELSEWHERE", {"pipeline.py": ((), "old")})
    assert problems() == [
        "COVERED_ELSEWHERE['pipeline.py']: there is no src/monitor/pipeline.py",
        "tests/unit/test_pipeline.py: mirrors no module under src/monitor/ and is not accounted for",
    ]
