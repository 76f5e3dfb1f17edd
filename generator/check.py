"""Check that generated/ is exactly what the generator makes from the current specs and templates."""

from __future__ import annotations

import difflib
import tempfile
from pathlib import Path

from calspec.core.providers import Provider

from .generate import generate_into
from .layout import display_path, output_dir

MAX_DIFF_LINES = 200
IGNORED = {"__pycache__", ".ruff_cache", ".mypy_cache", ".pytest_cache"}


def _files(root: Path) -> set[str]:
    if not root.is_dir():
        return set()
    return {
        p.relative_to(root).as_posix()
        for p in root.rglob("*")
        if p.is_file()
        and not IGNORED.intersection(p.relative_to(root).parts)
        and not any(part.endswith(".egg-info") for part in p.relative_to(root).parts)
    }


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8", errors="replace").splitlines(keepends=True)


def compare(expected: Path, actual: Path, label: str) -> list[str]:
    """Unified-diff lines between the fresh output (expected) and the committed one (actual)."""
    lines: list[str] = []
    want, have = _files(expected), _files(actual)
    for rel in sorted(want | have):
        old = _lines(actual / rel) if rel in have else []
        new = _lines(expected / rel) if rel in want else []
        if rel in have and rel in want and old == new:
            continue
        lines.extend(difflib.unified_diff(old, new, f"{label}/{rel} (committed)", f"{label}/{rel} (fresh)"))
        if rel not in want:
            lines.append(f"--- {label}/{rel}: should not exist\n")
        if rel not in have:
            lines.append(f"+++ {label}/{rel}: missing\n")
    return lines


def check(provider: Provider) -> bool:
    """Print a (truncated) diff and return False when generated output is stale."""
    with tempfile.TemporaryDirectory(prefix="calspec-check-") as tmp:
        fresh = generate_into(provider, Path(tmp))
        diff = compare(fresh, output_dir(provider), display_path(output_dir(provider)))
    if not diff:
        print(f"{display_path(output_dir(provider))} is up to date")
        return True
    print(f"{display_path(output_dir(provider))} is stale: run `make generate`")
    print("".join(diff[:MAX_DIFF_LINES]), end="")
    if len(diff) > MAX_DIFF_LINES:
        print(f"... {len(diff) - MAX_DIFF_LINES} more diff lines")
    return False
