"""Generate a client from a small inline spec with the real generator and templates, and import it.

For tests that show the generator works from the spec's data (formats, x-calspec-* extensions), not
from the names of the real specs' operations and models.
"""

from __future__ import annotations

import contextlib
import dataclasses
import importlib
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

from calspec.core.providers import PROVIDERS
from generator.generate import generate_into


@contextlib.contextmanager
def tiny_client(spec: str, package: str, root: Path) -> Iterator[ModuleType]:
    """`spec` generated as the package `package` under `root`, imported; forgotten again on exit."""
    (root / "spec.yaml").write_text(spec, encoding="utf-8")
    provider = dataclasses.replace(
        PROVIDERS["lineworks"],
        name=package,
        spec_file=str(root / "spec.yaml"),
        project_name=package.replace("_", "-"),
        package_name=package,
        demo_ids={},
        operation_ids={},
    )
    out = generate_into(provider, root / "out")
    sys.path.insert(0, str(out))
    try:
        yield importlib.import_module(package)
    finally:
        sys.path.remove(str(out))
        for name in [m for m in sys.modules if m == package or m.startswith(f"{package}.")]:
            del sys.modules[name]
