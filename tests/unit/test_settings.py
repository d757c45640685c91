"""Configuration (src/monitor/settings.py): MONITOR_* variables read once, a ConfigError that
names each bad variable, and the development signing key created once (mode 0600) and reused."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from monitor import __version__
from monitor.errors import ConfigError
from monitor.settings import Settings, _development_key, get_settings


@pytest.fixture(autouse=True)
def clean(monkeypatch):
    """No MONITOR_* from the test run's own environment; nothing cached between tests."""
    for name in list(os.environ):
        if name.startswith("MONITOR_"):
            monkeypatch.delenv(name)
    get_settings.cache_clear()
    _development_key.cache_clear()
    yield
    get_settings.cache_clear()
    _development_key.cache_clear()


def test_variables_are_parsed_into_typed_settings(monkeypatch, tmp_path):
    monkeypatch.setenv("MONITOR_SMTP_PORT", "2525")
    monkeypatch.setenv("MONITOR_ALLOW_LOOPBACK", "1")
    monkeypatch.setenv("MONITOR_HOST_DELAY", "0.25")
    monkeypatch.setenv("MONITOR_STATE_DIR", str(tmp_path / "state"))
    monkeypatch.setenv("MONITOR_OPERATOR_EMAILS", "ops@example.org, ,oncall@example.org")
    settings = get_settings()
    assert (settings.smtp_port, settings.allow_loopback, settings.host_delay) == (2525, True, 0.25)
    assert settings.operators == ["ops@example.org", "oncall@example.org"]
    assert settings.state_path == (tmp_path / "state").resolve() and settings.mail_dir == settings.state_path / "mail"


def test_defaults_without_any_variable():
    settings = get_settings()
    assert settings.es_url is None and settings.index_prefix == "monitor" and settings.smtp_security == "none"
    assert settings.operators == [] and settings.max_parallel_sources == 128
    assert settings.user_agent == f"AsylumPolicyMonitor/{__version__} (+{settings.user_agent_contact})"


def test_an_empty_variable_counts_as_unset(monkeypatch):
    monkeypatch.setenv("MONITOR_ES_URL", "")
    monkeypatch.setenv("MONITOR_SMTP_PORT", "")
    settings = get_settings()
    assert settings.es_url is None and settings.smtp_port == 8025


def test_the_environment_is_read_once_per_process(monkeypatch):
    monkeypatch.setenv("MONITOR_INDEX_PREFIX", "first")
    settings = get_settings()
    monkeypatch.setenv("MONITOR_INDEX_PREFIX", "second")
    assert get_settings() is settings and get_settings().index_prefix == "first"


@pytest.mark.parametrize(("name", "value"), [
    ("MONITOR_SMTP_PORT", "many"),
    ("MONITOR_INDEX_PREFIX", "Not Valid!"),
    ("MONITOR_SMTP_SECURITY", "tls1.3"),
    ("MONITOR_MAX_PARALLEL_SOURCES", "0"),
    ("MONITOR_ALLOW_LOOPBACK", "perhaps"),
])
def test_a_bad_value_is_a_config_error_naming_the_variable(monkeypatch, name, value):
    monkeypatch.setenv(name, value)
    with pytest.raises(ConfigError, match=f"configuration error: {name}: "):
        get_settings()


def test_every_bad_variable_is_named_at_once(monkeypatch):
    monkeypatch.setenv("MONITOR_SMTP_PORT", "many")
    monkeypatch.setenv("MONITOR_HTTP_TIMEOUT", "soon")
    with pytest.raises(ConfigError) as caught:
        get_settings()
    assert "MONITOR_SMTP_PORT" in str(caught.value) and "MONITOR_HTTP_TIMEOUT" in str(caught.value)


def test_secrets_are_not_shown_in_the_settings_repr(monkeypatch):
    monkeypatch.setenv("MONITOR_SECRET_KEY", "s3cret-value")
    monkeypatch.setenv("MONITOR_SMTP_PASSWORD", "pa55-value")
    settings = get_settings()
    assert "s3cret-value" not in repr(settings) and "pa55-value" not in repr(settings)
    assert settings.signing_key() == "s3cret-value"


def test_a_configured_key_is_used_and_no_development_key_is_written(tmp_path):
    settings = Settings(state_dir=tmp_path, secret_key="configured")
    assert settings.signing_key() == "configured"
    assert not (tmp_path / "dev-secret-key").exists()


def test_the_development_key_is_created_once_private_and_reused(tmp_path):
    key = Settings(state_dir=tmp_path / "state").signing_key()
    key_file = tmp_path / "state" / "dev-secret-key"
    assert len(key) >= 32 and key_file.read_text().strip() == key
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600  # a signing key other users cannot read
    assert Settings(state_dir=tmp_path / "state").signing_key() == key
    _development_key.cache_clear()  # as a new process would: the file is read back, not replaced
    assert Settings(state_dir=tmp_path / "state").signing_key() == key
    assert Settings(state_dir=tmp_path / "other").signing_key() != key  # one key per state dir


def test_the_development_key_is_read_once_per_process(tmp_path):
    settings = Settings(state_dir=tmp_path)
    key = settings.signing_key()
    (tmp_path / "dev-secret-key").write_text("changed on disk")
    assert settings.signing_key() == key


def test_an_existing_development_key_file_is_used_as_it_is(tmp_path):
    (tmp_path / "dev-secret-key").write_text("  kept-from-an-earlier-run\n")
    assert Settings(state_dir=tmp_path).signing_key() == "kept-from-an-earlier-run"


def test_the_default_cache_dir_is_a_system_one_for_root_else_the_users(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setattr(os, "geteuid", lambda: 1000)
    assert Settings().cache_dir == tmp_path / "xdg" / "asylum-monitor"
    monkeypatch.setattr(os, "geteuid", lambda: 0)  # root: a cache the Elasticsearch user can read
    assert Settings().cache_dir == Path("/var/cache/asylum-monitor")
