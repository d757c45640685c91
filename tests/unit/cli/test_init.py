"""The `monitor` command's parser and exit codes (src/monitor/cli/__init__.py): every command
docs/CLI.md documents is there (and nothing undocumented), and `main` maps ConfigError to 2,
any other MonitorError to 1 — checked with a stand-in command function, no services."""

from __future__ import annotations

import io
import os
import re
import sys
from pathlib import Path

import pytest

import monitor.cli.documents as documents
from monitor.cli import EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, build_parser, main
from monitor.errors import ConfigError, FetchError, IndexError_, InvalidToken, SourceConfigError
from monitor.settings import get_settings

DOC = Path(__file__).resolve().parents[3] / "docs" / "CLI.md"


def documented_usages() -> list[str]:
    """Every `monitor …` usage in the Commands table of docs/CLI.md, as written."""
    table = DOC.read_text().split("## Commands", 1)[1].split("\n## ", 1)[0]
    usages = []
    for row in table.splitlines():
        if row.startswith("| `monitor"):
            first_cell = re.split(r"(?<!\\)\|", row)[1]
            usages += [u.replace("\\|", "|") for u in re.findall(r"`(monitor [^`]+)`", first_cell)]
    return usages


def documented_commands() -> set[str]:
    return {usage.split()[1] for usage in documented_usages()}


def parser_commands() -> set[str]:
    """The subcommands, as `monitor --help` lists them (`{es,smtp,…}`)."""
    [choices] = re.findall(r"\{([a-z,-]+)\}", build_parser().format_usage())
    return set(choices.split(","))


def command_path(usage: str) -> str:
    """The command words of a usage ("monitor sources check ID [--url URL]" → "sources check")."""
    words = []
    for word in usage.split()[1:]:
        if not re.fullmatch(r"[a-z][a-z-]*", word):
            break
        words.append(word)
    return " ".join(words)


def documented_options() -> list[tuple[str, str]]:
    """(command, --flag) for every flag docs/CLI.md shows a command (or subcommand) with."""
    return sorted({(command_path(usage), flag) for usage in documented_usages()
                   for flag in re.findall(r"--[a-z-]+", usage)})


def test_the_doc_lists_the_commands_it_should():
    # A guard on the reader above: a table it cannot read would make the next test vacuous.
    assert {"ingest", "detect", "search", "subscribe", "timeline", "run-local"} <= documented_commands()


def test_the_parser_has_every_documented_command_and_no_other():
    assert parser_commands() == documented_commands()


# Known gaps between docs/CLI.md and the parser, each a strict xfail: fixing one makes it fail, so
# the entry is removed with the fix.
DOC_GAPS: dict[tuple[str, str], str] = {}


@pytest.mark.parametrize(("command", "flag"), [
    pytest.param(command, flag, marks=pytest.mark.xfail(strict=True, reason=DOC_GAPS[command, flag]))
    if (command, flag) in DOC_GAPS else (command, flag)
    for command, flag in documented_options()
])
def test_every_documented_option_is_accepted(command, flag, capsys):
    with pytest.raises(SystemExit):
        build_parser().parse_args([*command.split(), "--help"])
    listed = capsys.readouterr().out  # `monitor COMMAND --help`, as docs/CLI.md tells readers to run
    assert re.search(rf"(?<![\w-]){re.escape(flag)}(?![\w-])", listed), f"monitor {command} has no {flag}"


@pytest.fixture
def no_settings_env(monkeypatch):
    """`main` reads settings once per process: start each test from a clean environment."""
    for name in list(os.environ):
        if name.startswith("MONITOR_"):
            monkeypatch.delenv(name)
    get_settings.cache_clear()
    yield monkeypatch
    get_settings.cache_clear()


def run_detect(monkeypatch, behaviour) -> int:
    """`main(["detect", "x"])` with the detect command replaced by `behaviour(args, settings)`."""
    monkeypatch.setattr(documents, "cmd_detect", behaviour)
    return main(["detect", "story.txt"])


def raises(error: Exception):
    def command(args, settings):
        raise error
    return command


@pytest.mark.parametrize(("error", "code"), [
    (ConfigError("--since: 'x' is not a date"), EXIT_USAGE),
    (SourceConfigError("sources.yaml: source dhs: field 'url'"), EXIT_USAGE),
    (FetchError("HTTP 503"), EXIT_PARTIAL),
    (IndexError_("Elasticsearch failed to save documents"), EXIT_PARTIAL),
    (InvalidToken("this link has expired"), EXIT_PARTIAL),  # not a usage error (issue 11, item 8)
])
def test_errors_become_exit_codes_and_one_line_on_stderr(no_settings_env, capsys, error, code):
    assert run_detect(no_settings_env, raises(error)) == code
    assert capsys.readouterr().err == f"monitor: {error}\n"


def test_the_commands_own_exit_code_is_returned(no_settings_env):
    seen = []
    assert run_detect(no_settings_env, lambda args, settings: seen.append((args.files, settings)) or EXIT_PARTIAL) == 1
    assert seen[0][0] == ["story.txt"] and seen[0][1] is get_settings()
    assert run_detect(no_settings_env, lambda args, settings: EXIT_OK) == 0


def test_a_bad_monitor_variable_is_a_usage_error_naming_it(no_settings_env, capsys):
    no_settings_env.setenv("MONITOR_SMTP_PORT", "many")
    assert run_detect(no_settings_env, lambda args, settings: pytest.fail("must not run")) == EXIT_USAGE
    assert "MONITOR_SMTP_PORT" in capsys.readouterr().err


def test_a_reader_that_leaves_is_not_an_error(no_settings_env):
    stderr = io.StringIO()
    no_settings_env.setattr(sys, "stderr", stderr)  # main closes it: nothing more can be said to the pipe
    assert run_detect(no_settings_env, raises(BrokenPipeError())) == EXIT_OK  # `monitor … | head`
    assert stderr.closed


def test_a_bug_is_not_dressed_as_a_monitor_error(no_settings_env):
    with pytest.raises(KeyError):  # a traceback, not "monitor: …" and exit 1
        run_detect(no_settings_env, raises(KeyError("events")))


def test_usage_errors_exit_2_before_any_command_runs(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["nonsense"])
    assert exit_.value.code == EXIT_USAGE and "invalid choice" in capsys.readouterr().err
