"""What every command shares (src/monitor/cli/common.py): a date option that is not a date is a
usage error naming the flag, a cluster that does not answer is a clear error naming the fix,
and foreground services stop cleanly on Ctrl-C."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from monitor.cli.common import EXIT_OK, date_option, repository, until_interrupted
from monitor.errors import ConfigError, MonitorError
from monitor.settings import Settings
from tests.support import free_port


def test_a_date_option_reads_iso_dates():
    assert date_option("2020-01-06", "--since") == dt.date(2020, 1, 6)


@pytest.mark.parametrize("value", ["06/01/2020", "2020-02-30", "yesterday", ""])
def test_a_date_option_that_is_not_a_date_is_a_usage_error_naming_the_flag(value):
    with pytest.raises(ConfigError, match=f"^--until: {value!r} is not a date \\(YYYY-MM-DD\\)$"):
        date_option(value, "--until")


def test_a_cluster_that_does_not_answer_is_an_error_naming_the_fix(tmp_path):
    url = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    started = time.monotonic()
    with pytest.raises(MonitorError, match=f"Elasticsearch is not reachable at {url}; start it with `monitor es up`"):
        with repository(Settings(es_url=url, state_dir=tmp_path)):
            pytest.fail("the body must not run without a cluster")
    assert time.monotonic() - started < 20


def test_a_foreground_service_ends_with_exit_0_on_ctrl_c(monkeypatch):
    naps = []

    def sleep(seconds):
        naps.append(seconds)
        if len(naps) == 2:
            raise KeyboardInterrupt

    monkeypatch.setattr(time, "sleep", sleep)
    assert until_interrupted() == EXIT_OK and len(naps) == 2
