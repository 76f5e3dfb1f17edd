"""Client versions: MAJOR.MINOR.PATCH per provider (`client_version` in calspec.core.providers).

A client's version is a release decision, not a fact of the API: the API's own version (the spec's
`info.version`) is recorded beside it (pyproject, README, `API_VERSION`). The rule kept here: a
spec that changed since the committed client was generated needs a new client version.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path
from typing import Any

from calspec.core import providers
from calspec.core.providers import Provider

from .layout import display_path
from .lockfile import LOCK_NAME, sha256_file

SEMVER = re.compile(r"(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)")
LEVELS = ("major", "minor", "patch")
REGISTRY = display_path(Path(providers.__file__))


def default_base() -> str:
    """The revision holding the last release: $RELEASE_BASE (a branch's fork point: origin/main) or HEAD."""
    return os.environ.get("RELEASE_BASE") or "HEAD"


class VersionError(ValueError):
    """A version that isn't MAJOR.MINOR.PATCH, or a git revision that can't be read."""


def parse_version(text: str) -> tuple[int, int, int]:
    match = SEMVER.fullmatch(text)
    if not match:
        raise VersionError(f"{text!r} is not a version MAJOR.MINOR.PATCH (like 1.0.0)")
    major, minor, patch = (int(part) for part in match.groups())
    return major, minor, patch


def bump(version: str, level: str) -> str:
    """The next version at `level` (major, minor or patch): 1.4.2 -> 2.0.0, 1.5.0, 1.4.3."""
    major, minor, patch = parse_version(version)
    if level == "major":
        return f"{major + 1}.0.0"
    if level == "minor":
        return f"{major}.{minor + 1}.0"
    if level == "patch":
        return f"{major}.{minor}.{patch + 1}"
    raise VersionError(f"unknown level {level!r}; expected one of {', '.join(LEVELS)}")


def git_show(repo: Path, revision: str, path: str) -> str | None:
    """The text of `path` (relative to `repo`, a folder inside a git work tree) at `revision`; None when
    the revision has no such file or `repo` isn't in a git work tree. A revision that doesn't name a
    commit is an error."""
    inside = subprocess.run(
        ["git", "-C", str(repo), "rev-parse", "--is-inside-work-tree"], capture_output=True, text=True
    )
    if inside.returncode != 0:
        return None
    commit = subprocess.run(
        ["git", "-C", str(repo), "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"],
        capture_output=True,
        text=True,
    )
    if commit.returncode != 0:
        raise VersionError(f"{revision!r} is not a git revision in {repo}")
    shown = subprocess.run(
        ["git", "-C", str(repo), "show", f"{commit.stdout.strip()}:./{path}"], capture_output=True, text=True
    )
    return shown.stdout if shown.returncode == 0 else None


def committed_lock(project: Path, revision: str = "HEAD") -> dict[str, Any] | None:
    """The calspec.lock of a generated project as committed at `revision` (None: not committed there)."""
    repo = project
    while not repo.is_dir():  # a project not generated yet: ask its nearest existing folder
        repo = repo.parent
    relative = project.relative_to(repo) / LOCK_NAME
    text = git_show(repo, revision, relative.as_posix())
    if text is None:
        return None
    data = json.loads(text)
    return data if isinstance(data, dict) else None


def unbumped_change(provider: Provider, project: Path, base: str | None = None) -> str | None:
    """Why the provider's client version must change before its spec change is committed, or None.

    `base` is the revision that holds the last release (default_base(): HEAD, or a branch's fork point).
    The lock committed there names the spec hash and version it was generated from: a spec with another
    hash needs a higher version than that one.
    """
    base = base or default_base()
    committed = committed_lock(project, base)
    if committed is None or "client_version" not in committed:
        return None  # never released with a version: nothing to compare with
    if committed.get("spec_sha256") == sha256_file(provider.spec):
        return None
    released, current = str(committed["client_version"]), provider.client_version
    if parse_version(current) > parse_version(released):
        return None
    return (
        f"{display_path(provider.spec)} changed since {provider.project_name} {released} was generated: "
        f"bump its version in {REGISTRY} (client_version of {provider.name!r}, now {current}; "
        f"python -m generator diff {base} --provider {provider.name} shows whether the change breaks clients)"
    )
