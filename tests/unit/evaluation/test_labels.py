"""Label files (src/monitor/evaluation/labels.py): a bad one, or none, is a configuration error naming it."""

from __future__ import annotations

from pathlib import Path

import pytest

from monitor.errors import ConfigError
from monitor.evaluation import evaluate
from tests.unit.evaluation.labeled import UNRELATED, write


def test_bad_label_and_empty_directory_are_config_errors(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no \\*.expected.json"):
        evaluate(tmp_path)
    write(tmp_path, "typo.txt", UNRELATED, background_event=[])
    with pytest.raises(ConfigError, match="typo.expected.json"):
        evaluate(tmp_path)
