"""Where the generator reads and writes: its templates, and each provider's generated project.

The providers themselves are the one registry in `calspec.core.providers`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from calspec.core.providers import Provider

ROOT = Path(__file__).resolve().parent.parent
GENERATOR_DIR = ROOT / "generator"
TEMPLATES_DIR = GENERATOR_DIR / "templates"
GENERATED_DIR = ROOT / "generated"


def output_dir(provider: Provider) -> Path:
    """The committed client project of a provider: generated/<project_name>."""
    return GENERATED_DIR / provider.project_name


def generator_config(provider: Provider) -> dict[str, Any]:
    """openapi-python-client's options for a provider, all taken from the registry."""
    return {
        "project_name_override": provider.project_name,
        "package_name_override": provider.package_name,
        "package_version_override": provider.client_version,  # `package_version` in its templates
    }


def display_path(path: Path) -> str:
    """Show repo files relative to the repo root (as in `spec/...`), anything else as given."""
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)
