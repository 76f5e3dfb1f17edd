"""The two calendar providers and where their spec, config and generated client live."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GENERATOR_DIR = ROOT / "generator"
TEMPLATES_DIR = GENERATOR_DIR / "templates"
GENERATED_DIR = ROOT / "generated"


@dataclass(frozen=True)
class Provider:
    """One provider: a spec file in, one pip-installable client project out."""

    name: str
    spec: Path
    config: Path
    project_name: str
    package_name: str

    @property
    def output_dir(self) -> Path:
        return GENERATED_DIR / self.project_name


PROVIDERS: dict[str, Provider] = {
    "lineworks": Provider(
        name="lineworks",
        spec=ROOT / "spec" / "lineworks" / "calendar.yaml",
        config=GENERATOR_DIR / "config" / "lineworks.yaml",
        project_name="lineworks-calendar-client",
        package_name="lineworks_calendar",
    ),
    "dooray": Provider(
        name="dooray",
        spec=ROOT / "spec" / "dooray" / "calendar.yaml",
        config=GENERATOR_DIR / "config" / "dooray.yaml",
        project_name="dooray-calendar-client",
        package_name="dooray_calendar",
    ),
}


def display_path(path: Path) -> str:
    """Show repo files relative to the repo root (as in `spec/...`), anything else as given."""
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)
