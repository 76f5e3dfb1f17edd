"""Generate one client: prepare the spec copy, run openapi-python-client, write the lock file.

Output goes to a fresh directory first, so files of removed operations never linger and
`check` can generate into a temp dir with exactly the same code path. The files in KEPT are not
generated: they are carried over from the previous output (CHANGELOG.md, written by
`python -m generator diff --changelog`).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

from calspec.core.providers import Provider

from .extras import write_extras
from .layout import TEMPLATES_DIR, display_path, generator_config, output_dir
from .lockfile import write_lock
from .prepare import prepare_spec, prepare_templates
from .release import VersionError, parse_version, unbumped_change

# Options that affect the output; recorded in the lock file. `--meta uv` makes a project folder with a
# pyproject.toml (our template switches the build backend to hatchling) and py.typed.
OPTIONS = ["--meta", "uv", "--overwrite", "--fail-on-warning"]
# Files of a project the generator doesn't make but keeps when it regenerates (and `check` ignores).
KEPT = ("CHANGELOG.md",)


class GenerationError(RuntimeError):
    """openapi-python-client failed or warned."""


def tool_env() -> dict[str, str]:
    """Environment with this interpreter's bin dir first on PATH: the ruff post hooks need `ruff`."""
    env = dict(os.environ)
    bin_dir = str(Path(sys.executable).parent)
    env["PATH"] = bin_dir + os.pathsep + env.get("PATH", "")
    return env


def generate_into(provider: Provider, dest: Path) -> Path:
    """Generate provider's client into dest/<project_name> and return that directory."""
    try:
        parse_version(provider.client_version)
    except VersionError as exc:
        raise GenerationError(f"client_version of {provider.name!r}: {exc}") from None
    with tempfile.TemporaryDirectory(prefix=f"calspec-{provider.name}-") as tmp:
        prepared = prepare_spec(provider.spec, Path(tmp))
        templates = prepare_templates(TEMPLATES_DIR, prepared, Path(tmp))
        config = Path(tmp) / "config.yaml"
        config.write_text(yaml.safe_dump(generator_config(provider), sort_keys=True), encoding="utf-8")
        out = dest / provider.project_name
        cmd = [
            str(Path(sys.executable).parent / "openapi-python-client"),
            "generate",
            "--path",
            str(prepared),
            "--output-path",
            str(out),
            "--config",
            str(config),
            "--custom-template-path",
            str(templates),
            *OPTIONS,
        ]
        result = subprocess.run(cmd, env=tool_env(), capture_output=True, text=True, check=False)
        if result.returncode != 0:
            raise GenerationError(
                f"openapi-python-client failed for {display_path(provider.spec)} "
                f"(exit {result.returncode}):\n{result.stdout}{result.stderr}"
            )
    written = write_extras(provider, out)
    python = [str(path) for path in written if path.suffix == ".py"]
    if python:
        ruff = str(Path(sys.executable).parent / "ruff")
        for args in (["check", "--fix-only", "--quiet"], ["format", "--quiet"]):
            subprocess.run([ruff, *args, *python], env=tool_env(), capture_output=True, check=True)
    shutil.rmtree(out / ".ruff_cache", ignore_errors=True)
    for cache in out.rglob("__pycache__"):
        shutil.rmtree(cache, ignore_errors=True)
    write_lock(provider, out, OPTIONS)
    return out


def generate(provider: Provider, target: Path | None = None) -> None:
    """Regenerate the provider's project (generated/<project_name> unless given) from scratch, keeping
    its KEPT files. A spec change without a version bump is only a warning here: `check` fails on it."""
    target = target or output_dir(provider)
    staging_root = target.parent
    staging_root.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".staging-", dir=staging_root) as tmp:
        fresh = generate_into(provider, Path(tmp))
        for name in KEPT:
            if (target / name).is_file():
                shutil.copy2(target / name, fresh / name)
        try:
            problem = unbumped_change(provider, target)
        except VersionError:
            problem = None  # no commit to compare with: nothing to warn about
        if target.exists():
            shutil.rmtree(target)
        fresh.rename(target)
    print(f"generated {display_path(target)} ({provider.project_name} {provider.client_version})")
    if problem:
        print(f"warning: {problem}", file=sys.stderr)
