"""Generate one client: prepare the spec copy, run openapi-python-client, write the lock file.

Output goes to a fresh directory first, so files of removed operations never linger and
`check` can generate into a temp dir with exactly the same code path.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from .lockfile import write_lock
from .prepare import prepare_spec
from .providers import TEMPLATES_DIR, Provider, display_path

# Options that affect the output; recorded in the lock file. `--meta uv` makes a project folder with a
# pyproject.toml (our template switches the build backend to hatchling) and py.typed.
OPTIONS = ["--meta", "uv", "--overwrite", "--fail-on-warning"]


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
    with tempfile.TemporaryDirectory(prefix=f"calspec-{provider.name}-") as tmp:
        prepared = prepare_spec(provider.spec, Path(tmp))
        out = dest / provider.project_name
        cmd = [
            str(Path(sys.executable).parent / "openapi-python-client"),
            "generate",
            "--path",
            str(prepared),
            "--output-path",
            str(out),
            "--config",
            str(provider.config),
            "--custom-template-path",
            str(TEMPLATES_DIR),
            *OPTIONS,
        ]
        result = subprocess.run(cmd, env=tool_env(), capture_output=True, text=True, check=False)
        if result.returncode != 0:
            raise GenerationError(
                f"openapi-python-client failed for {display_path(provider.spec)} "
                f"(exit {result.returncode}):\n{result.stdout}{result.stderr}"
            )
    shutil.rmtree(out / ".ruff_cache", ignore_errors=True)
    for cache in out.rglob("__pycache__"):
        shutil.rmtree(cache, ignore_errors=True)
    write_lock(provider, out, OPTIONS)
    return out


def generate(provider: Provider) -> None:
    """Regenerate provider.output_dir from scratch."""
    staging_root = provider.output_dir.parent
    staging_root.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".staging-", dir=staging_root) as tmp:
        fresh = generate_into(provider, Path(tmp))
        if provider.output_dir.exists():
            shutil.rmtree(provider.output_dir)
        fresh.rename(provider.output_dir)
    print(f"generated {display_path(provider.output_dir)}")
