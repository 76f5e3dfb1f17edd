"""Where the spec files are: inside the installed package (a wheel ships them as `calspec/spec`), or at
the repository root in a checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent


def _spec_dir() -> Path:
    shipped = _PACKAGE / "spec"
    return shipped if (shipped / "extensions.yaml").is_file() else _PACKAGE.parent / "spec"


SPEC_DIR = _spec_dir()
