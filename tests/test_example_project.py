"""calspec as another project gets it: the wheels of calspec and both clients, built from this checkout,
installed into a clean venv outside the repository, and the example project's tests
(examples/calendar-sync) run there with that venv's pytest, from a copy of the example, with no
PYTHONPATH: only what the wheels declare and ship can make them pass (the spec files, the fixtures,
the pytest plugin's entry point, the dependencies). The installed `calspec-fake` command is run there
too, waited for on its ready line and called.

Speed: the wheels are built with hatchling in-process-free one call each, and the dependencies come
from a wheelhouse made of the distributions already in .venv (repacked as wheels, only those the
built wheels need), installed with `--no-index`: no download, and still a venv that holds nothing but
what was declared. Should .venv lack a dependency the wheels ask for, the install falls back to the
package index.
"""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import os
import re
import shutil
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import httpx
import pytest
from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.tags import sys_tags
from packaging.utils import canonicalize_name
from test_fake_cli import wait_for_ready

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "examples" / "calendar-sync"
PROJECTS = [
    REPO,
    REPO / "generated" / "lineworks-calendar-client",
    REPO / "generated" / "dooray-calendar-client",
]
TEST_TOOLS = ["pytest"]  # what the example's tests run with, besides calspec and the clients
pytestmark = pytest.mark.xdist_group("example-project")


@dataclass
class CleanVenv:
    root: Path
    wheels: list[Path]
    install_seconds: float
    from_index: bool

    @property
    def bin(self) -> Path:
        return self.root / "bin"

    def env(self) -> dict[str, str]:
        """A clean environment: this venv's bin first, no PYTHONPATH, no virtualenv of ours."""
        keep = {"HOME", "LANG", "LC_ALL", "TMPDIR", "SSL_CERT_FILE", "TZ"}
        env = {name: value for name, value in os.environ.items() if name in keep}
        env["PATH"] = f"{self.bin}{os.pathsep}/usr/bin{os.pathsep}/bin"
        return env


def build_wheels(out: Path) -> list[Path]:
    """calspec's and the clients' wheels, built by hatchling from this checkout (no isolation: the
    pinned hatchling of .venv)."""
    for project in PROJECTS:
        subprocess.run(
            [sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(out)],
            cwd=project,
            check=True,
            capture_output=True,
        )
    return sorted(out.glob("*.whl"))


def requirements_of(wheel: Path) -> list[Requirement]:
    with zipfile.ZipFile(wheel) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        text = archive.read(name).decode("utf-8")
    return [
        Requirement(line.split(":", 1)[1].strip())
        for line in text.splitlines()
        if line.startswith("Requires-Dist:")
    ]


def needed(requirements: list[Requirement]) -> dict[str, metadata.Distribution]:
    """The distributions of .venv that `requirements` pull in (markers evaluated, no extras asked),
    by name; those .venv doesn't have are left out (the index supplies them)."""
    environment = {key: str(value) for key, value in default_environment().items()}
    found: dict[str, metadata.Distribution] = {}
    todo = [(r, "") for r in requirements]
    while todo:
        requirement, extra = todo.pop()
        if requirement.marker is not None and not requirement.marker.evaluate(
            {**environment, "extra": extra}
        ):
            continue
        name = canonicalize_name(requirement.name)
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        for wanted in requirement.extras:
            todo.extend((Requirement(r), wanted) for r in dist.requires or [])
        if name in found:
            continue
        found[name] = dist
        todo.extend((Requirement(r), "") for r in dist.requires or [])
    return found


def repack(dist: metadata.Distribution, out: Path) -> Path | None:
    """An installed distribution as a wheel again: its files under site-packages (scripts, bytecode
    and the installer's own records left out; pip writes those anew), a fresh RECORD. None for a
    distribution not installed from a wheel (no WHEEL file)."""
    wheel_info = dist.read_text("WHEEL")
    if wheel_info is None or dist.files is None:
        return None
    tags = [line.split(":", 1)[1].strip() for line in wheel_info.splitlines() if line.startswith("Tag:")]
    supported = {str(tag) for tag in sys_tags()}
    tag = next((tag for tag in tags if tag in supported), tags[0])  # py2.py3 wheels list py2 first
    dist_info = next(str(f).split("/")[0] for f in dist.files if str(f).endswith(".dist-info/METADATA"))
    name = re.sub(r"[-_.]+", "_", dist.metadata["Name"]).lower()
    path = out / f"{name}-{dist.version}-{tag}.whl"
    skip = {"RECORD", "INSTALLER", "REQUESTED", "direct_url.json"}
    records = io.StringIO()
    writer = csv.writer(records, lineterminator="\n")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        for file in dist.files:
            text = str(file)
            if text.startswith("..") or "__pycache__" in text or text.endswith(".pyc"):
                continue
            if text.startswith(dist_info + "/") and text.split("/", 1)[1] in skip:
                continue
            source = Path(str(dist.locate_file(file)))
            if not source.is_file():
                continue
            data = source.read_bytes()
            archive.writestr(text, data)
            digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
            writer.writerow([text, f"sha256={digest}", len(data)])
        writer.writerow([f"{dist_info}/RECORD", "", ""])
        archive.writestr(f"{dist_info}/RECORD", records.getvalue())
    return path


def pip_install(venv: Path, args: list[str]) -> subprocess.CompletedProcess[str]:
    """pip of .venv installing into the clean venv (`--python`): the venv itself needs no pip."""
    command = [sys.executable, "-m", "pip", "--python", str(venv / "bin" / "python"), "install"]
    command += ["--no-compile", "--disable-pip-version-check", "--quiet", *args]
    return subprocess.run(command, capture_output=True, text=True)


@pytest.fixture(scope="module")
def clean_venv(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CleanVenv]:
    base = tmp_path_factory.mktemp("example-project")
    wheels = build_wheels(base / "wheels")
    wheelhouse = base / "wheelhouse"
    wheelhouse.mkdir()
    requirements = [r for wheel in wheels for r in requirements_of(wheel)] + [
        Requirement(t) for t in TEST_TOOLS
    ]
    built = {canonicalize_name(wheel.name.split("-")[0]) for wheel in wheels}
    for name, dist in needed(requirements).items():
        if name not in built:
            repack(dist, wheelhouse)
    root = base / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(root)], check=True)
    started = time.perf_counter()
    wanted = [str(wheel) for wheel in wheels] + TEST_TOOLS
    result = pip_install(root, ["--no-index", "--find-links", str(wheelhouse), *wanted])
    from_index = result.returncode != 0
    if from_index:  # .venv lacks something the wheels ask for: the index has it
        result = pip_install(root, ["--find-links", str(wheelhouse), *wanted])
    assert result.returncode == 0, result.stdout + result.stderr
    yield CleanVenv(root, wheels, time.perf_counter() - started, from_index)


def test_example_project_passes_in_a_clean_venv(clean_venv: CleanVenv, tmp_path: Path) -> None:
    project = tmp_path / "calendar-sync"
    shutil.copytree(EXAMPLE, project, ignore=shutil.ignore_patterns("__pycache__", ".pytest_cache"))
    result = subprocess.run(
        [
            str(clean_venv.bin / "pytest"),
            "-q",
            "-p",
            "no:cacheprovider",
            "-W",
            "error::pytest.PytestUnknownMarkWarning",
        ],
        cwd=project,
        env=clean_venv.env(),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"\b8 passed\b", result.stdout), result.stdout
    # Nothing of the checkout was imported: calspec came from the venv.
    where = subprocess.run(
        [str(clean_venv.bin / "python"), "-c", "import calspec.core.locations as l; print(l.SPEC_DIR)"],
        cwd=project,
        env=clean_venv.env(),
        capture_output=True,
        text=True,
        check=True,
    )
    assert where.stdout.strip().startswith(str(clean_venv.root)), where.stdout


def test_calspec_fake_command_prints_its_ready_line_and_serves(clean_venv: CleanVenv, tmp_path: Path) -> None:
    help_text = subprocess.run(
        [str(clean_venv.bin / "calspec-fake"), "--help"], env=clean_venv.env(), capture_output=True, text=True
    )
    assert help_text.returncode == 0 and "--fault JSON" in help_text.stdout, help_text.stderr
    fault = '{"status": 503, "operation": "listCalendars", "retryAfter": 1}'
    process = subprocess.Popen(
        [str(clean_venv.bin / "calspec-fake"), "--port", "0", "--fault", fault, "--log-level", "warning"],
        cwd=tmp_path,
        env=clean_venv.env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        url = wait_for_ready(process)
        headers = {"Authorization": "dooray-api dooray-demo-token"}
        first = httpx.get(f"{url}/calendar/v1/calendars", headers=headers)
        assert (first.status_code, first.headers["Retry-After"]) == (503, "1")
        second = httpx.get(f"{url}/calendar/v1/calendars", headers=headers)
        assert second.status_code == 200 and second.json()["header"]["isSuccessful"] is True
    finally:
        process.terminate()
        process.wait(timeout=10)
