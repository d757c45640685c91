"""DAG parse times for `make bench`: runs the parse-time test (a fresh interpreter per DAG
file, Airflow's own DagBag figure) and merges its figures into the results file.

    .venv/bin/python bench/dag_parse.py --json bench/results.json
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

from _results import merge_figures  # noqa: E402  (bench/ is on sys.path)

REPO = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--json", type=Path, required=True)
    args = parser.parse_args()
    done = subprocess.run([sys.executable, "-m", "pytest", "tests/unit/dags/test_parse_times.py", "-q", "-s",
                           "-p", "no:cacheprovider"], cwd=REPO, capture_output=True, text=True, timeout=600)
    print(done.stdout[-2000:])
    if done.returncode != 0:
        print(done.stderr[-2000:], file=sys.stderr)
        return done.returncode
    figures = json.loads((REPO / "tests" / "artifacts" / "dag_parse_times.json").read_text())
    merge_figures(args.json, "dag_parse", figures)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
