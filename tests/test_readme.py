"""README's client examples run as written against the fake, so the README can't drift from the clients.

Only the base URL and the token are swapped for the fake's, exactly as a user would do.
"""

from __future__ import annotations

import contextlib
import io
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from calspec.contract.loopback import serve
from calspec.core.providers import FIXTURES_DIR
from calspec.fake.app import create_app

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
EXAMPLES = [
    block for block in re.findall(r"```python\n(.*?)```", README, re.S) if "AuthenticatedClient" in block
]


@pytest.fixture(scope="module")
def fake_url() -> Iterator[str]:
    with serve(create_app()) as url:
        yield url


def test_readme_has_an_example_per_provider() -> None:
    assert any("lineworks_calendar" in block for block in EXAMPLES)
    assert any("dooray_calendar" in block for block in EXAMPLES)


@pytest.mark.parametrize(
    "block", EXAMPLES, ids=lambda b: "lineworks" if "lineworks_calendar" in b else "dooray"
)
def test_readme_example_runs_against_the_fake(
    block: str, fake_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # where an example writes its files
    replacements = {
        "https://www.worksapis.com/v1.0": f"{fake_url}/v1.0",
        '"ACCESS_TOKEN"': '"lw-demo-token"',
        "https://api.dooray.com": fake_url,
        '"PERSONAL_API_TOKEN"': '"dooray-demo-token"',
        "https://auth.worksmobile.com": fake_url,
        '"CLIENT_ID"': '"demo-client-id"',
        '"CLIENT_SECRET"': '"demo-client-secret"',
        '"SERVICE_ACCOUNT_ID"': '"demo.serviceaccount@example.com"',
        'Path("private_key.pem")': f"Path({str(FIXTURES_DIR / 'lineworks-demo-service-account.pem')!r})",
    }
    code = block
    for real, fake in replacements.items():
        code = code.replace(real, fake)
    assert code != block, "the example names neither a base URL nor a token to swap"
    namespace: dict[str, object] = {}
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, "README.md", "exec"), namespace)
    assert out.getvalue().strip(), "the example printed nothing: it found no data in the fake"
    printed = out.getvalue()
    if "ServiceAccountAuth" in code:
        assert printed.strip() == "gone: NOT_FOUND"  # the token was obtained, the 404 was caught
    elif "occurrences(" in code:
        (written,) = tmp_path.glob("*.ics")
        text = written.read_text(encoding="utf-8")
        assert text.startswith("BEGIN:VCALENDAR") and "BEGIN:VEVENT" in text
        if "lineworks_calendar" in code:
            assert printed.count("Weekly standup") >= 3  # the fixture series, expanded
            assert "RRULE:" in text  # a series is written once, with its rule
        else:
            assert printed.count("주간 회의") >= 8 and "(moved)" in printed  # occurrences, one edited
    elif "lineworks_calendar" in code:
        assert "Design review\n" in printed  # the event it created is in the listing
        assert "Design review (moved)" in printed  # the PUT replaced it
        assert printed.rstrip().endswith("204")  # and the delete went through
    else:
        assert "7층 대회의실" in printed  # the update changed the location


def test_readme_lists_every_operation() -> None:
    """A new operation in a spec must be named in README, or this fails."""
    generated = Path(__file__).resolve().parent.parent / "generated"
    modules = [p.stem for p in generated.glob("*/*/api/*/*.py") if p.stem != "__init__"]
    assert len(modules) >= 29
    missing = sorted({m for m in modules if f"`{m}`" not in README})
    assert missing == []


def test_readme_examples_pass_mypy_strict(tmp_path: Path) -> None:
    """Users copy these: they must type-check as written, against the generated packages."""
    for index, block in enumerate(EXAMPLES):
        (tmp_path / f"example_{index}.py").write_text(block, encoding="utf-8")
    config = tmp_path / "mypy.ini"
    config.write_text("[mypy]\n", encoding="utf-8")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--config-file",
            str(config),
            "--cache-dir",
            str(tmp_path / "c"),
        ]
        + sorted(str(p) for p in tmp_path.glob("example_*.py")),
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-4000:]
