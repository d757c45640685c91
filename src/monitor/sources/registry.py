"""Loading and validating a sources file (YAML, a list under `sources:`).

Validation errors name the source and the field, so an operator can fix the file quickly.
The packaged default (`sources.yaml`) is used unless MONITOR_SOURCES (settings.sources) or
`--sources` names another file.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import yaml
from pydantic import ValidationError

from monitor.errors import SourceConfigError
from monitor.models import Source

DEFAULT_SOURCES = "sources.yaml"


def default_sources_path() -> Path:
    """The sources file shipped with the package."""
    return Path(str(resources.files("monitor.sources") / DEFAULT_SOURCES))


def parse_sources(text: str, *, origin: str = "<sources>") -> list[Source]:
    """Parse and validate sources YAML; raise `SourceConfigError` naming source and field."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise SourceConfigError(f"{origin}: not valid YAML: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("sources"), list):
        raise SourceConfigError(f"{origin}: expected a mapping with a list under 'sources:'")
    sources: list[Source] = []
    seen: set[str] = set()
    for position, raw in enumerate(data["sources"], start=1):
        label = raw.get("id", f"#{position}") if isinstance(raw, dict) else f"#{position}"
        if not isinstance(raw, dict):
            raise SourceConfigError(f"{origin}: source {label}: expected a mapping")
        try:
            source = Source.model_validate(raw)
        except ValidationError as exc:
            problems = "; ".join(
                f"field '{'.'.join(str(p) for p in err['loc']) or '?'}': {err['msg']}"
                for err in exc.errors()
            )
            raise SourceConfigError(f"{origin}: source {label}: {problems}") from exc
        _check_kind(source, origin)
        if source.id in seen:
            raise SourceConfigError(f"{origin}: source {label}: field 'id': duplicate id")
        seen.add(source.id)
        sources.append(source)
    return sources


def _check_kind(source: Source, origin: str) -> None:
    """Per-kind rules pydantic cannot express: html_list needs usable selectors, others none."""
    from monitor.sources.html_list import check_selectors

    if source.kind == "html_list":
        try:
            check_selectors(source)
        except SourceConfigError as exc:
            raise SourceConfigError(f"{origin}: {exc}") from exc
    elif source.selectors:
        raise SourceConfigError(f"{origin}: source {source.id}: field 'selectors': only for kind html_list")


def load_sources(path: Path | None = None, *, enabled_only: bool = True) -> list[Source]:
    """Load a sources file (default: the packaged one)."""
    path = path or default_sources_path()
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise SourceConfigError(f"cannot read sources file {path}: {exc}") from exc
    sources = parse_sources(text, origin=str(path))
    return [s for s in sources if s.enabled or not enabled_only]
