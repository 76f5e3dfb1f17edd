"""Check that generated/ is exactly what the generator makes from the current specs and templates, and that a
spec changed since the committed lock file comes with a new client version."""

from __future__ import annotations

import difflib
import tempfile
from pathlib import Path

from calspec.core.providers import Provider

from .generate import KEPT, generate_into
from .layout import display_path, output_dir
from .release import unbumped_change

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
        and p.relative_to(root).as_posix() not in KEPT
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


def check(provider: Provider, target: Path | None = None, base: str | None = None) -> bool:
    """Print what is wrong and return False when the generated output (generated/<project_name> unless
    given) is stale, or when the spec changed since `base`'s lock file and the client version didn't."""
    target = target or output_dir(provider)
    label = display_path(target)
    problem = unbumped_change(provider, target, base)
    if problem:
        print(problem)
    with tempfile.TemporaryDirectory(prefix="calspec-check-") as tmp:
        fresh = generate_into(provider, Path(tmp))
        diff = compare(fresh, target, label)
    if not diff:
        if not problem:
            print(f"{label} is up to date ({provider.project_name} {provider.client_version})")
        return not problem
    print(f"{label} is stale: run `make generate`")
    print("".join(diff[:MAX_DIFF_LINES]), end="")
    if len(diff) > MAX_DIFF_LINES:
        print(f"... {len(diff) - MAX_DIFF_LINES} more diff lines")
    return False
