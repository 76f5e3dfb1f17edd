"""`make contract` (python -m contract) must never leak the token, nor pass a run that never authenticated.

Most tests call `runner.main` in-process, with the schemathesis CLI replaced by a stub where a run is
needed; three run `python -m contract` against the fake on a loopback port, with a tiny run.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from calspec.contract import __main__ as runner
from calspec.contract import harness, hooks
from calspec.contract.loopback import serve

SECRET = "s3cr3t-calspec-token"
# Runner settings a developer may have exported (REPORTS_DIR is always set): the end-to-end tests set theirs.
RUNNER_VARIABLES = {"PROVIDER", "BASE_URL", "TOKEN", "TOKEN_ENV", "MAX_EXAMPLES", "SEED", "PHASES"}


def _environ(tmp_path: Path, **variables: str) -> dict[str, str]:
    return {"PROVIDER": "dooray", "BASE_URL": "http://127.0.0.1:9", "REPORTS_DIR": str(tmp_path), **variables}


def _assert_hidden(token: str, *texts: str) -> None:
    """Neither the token nor any line of it (a newline splits it in what a terminal shows) is in `texts`."""
    for text in texts:
        assert token not in text
        for part in token.splitlines():
            assert part.strip() not in text, f"{part!r} was shown"


@dataclass
class StubCli:
    """Stands in for `subprocess.run` of the schemathesis CLI: logs statuses, writes a report."""

    returncode: int = 0
    statuses: list[tuple[str, int]] = field(default_factory=list)
    report: str | None = None
    envs: list[dict[str, str]] = field(default_factory=list)
    configs: list[str] = field(default_factory=list)

    def __call__(self, command: list[str], **kwargs: Any) -> subprocess.CompletedProcess[bytes]:
        env: dict[str, str] = kwargs["env"]
        self.envs.append(dict(env))
        self.configs.append(Path(command[command.index("--config-file") + 1]).read_text(encoding="utf-8"))
        for label, status in self.statuses:
            hooks.log_status(env[harness.STATUS_LOG_VARIABLE], label, status)
        if self.report is not None:
            Path(command[command.index("--report-junit-path") + 1]).write_text(self.report, encoding="utf-8")
        return subprocess.CompletedProcess(command, self.returncode)


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch) -> StubCli:
    stub = StubCli()
    monkeypatch.setattr(subprocess, "run", stub)
    return stub


# Settings and usage


def test_runner_without_variables_prints_usage(capsys: pytest.CaptureFixture[str]) -> None:
    assert runner.main([], environ={}) == 0
    out = capsys.readouterr().out
    assert "usage: calspec-contract" in out and "make contract" in out
    assert "TOKEN_ENV=NAME" in out and "--token-env LW_TOKEN" in out


@pytest.mark.parametrize(
    ("environ", "message"),
    [
        ({"PROVIDER": "lineworks"}, "missing BASE_URL, TOKEN_ENV"),
        ({"PROVIDER": "google", "BASE_URL": "http://h", "TOKEN": "t"}, "PROVIDER must be one of"),
        ({"PROVIDER": "dooray", "BASE_URL": "http://h", "TOKEN": "t", "SEED": "x"}, "must be integers"),
        ({"PROVIDER": "dooray", "BASE_URL": "http://h", "TOKEN": "t", "PHASES": "unit"}, "PHASES must be"),
    ],
)
def test_runner_rejects_incomplete_settings(
    environ: dict[str, str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert runner.main([], environ=environ) == 2
    assert message in capsys.readouterr().err


def test_mask_hides_the_token() -> None:
    assert "secret" not in runner.mask("secret-token") and "12" in runner.mask("secret-token")


def test_readme_and_makefile_show_token_env() -> None:
    """The documented form keeps the token off command lines."""
    readme = (harness.REPO / "README.md").read_text(encoding="utf-8")
    makefile = (harness.REPO / "Makefile").read_text(encoding="utf-8")
    section = readme.split("## Contract tests against a real server", 1)[1].split("\n## ", 1)[0]
    assert "TOKEN_ENV=LW_TOKEN" in section and "TOKEN_ENV=" in makefile


# Failure 1: a token with control characters


@pytest.mark.parametrize(
    "token",
    [f"{SECRET}\nX-Injected: {SECRET}2", f"{SECRET}\r\n", f"{SECRET}\tx", f"{SECRET}\x7f", f"\x00{SECRET}"],
    ids=["newline", "crlf", "tab", "del", "nul"],
)
@pytest.mark.parametrize("form", ["TOKEN_ENV", "TOKEN"])
def test_runner_refuses_a_token_with_control_characters(
    token: str, form: str, tmp_path: Path, cli: StubCli, capfd: pytest.CaptureFixture[str]
) -> None:
    given = {"TOKEN_ENV": "LW_TOKEN", "LW_TOKEN": token} if form == "TOKEN_ENV" else {"TOKEN": token}
    assert runner.main([], environ=_environ(tmp_path, **given)) == 2
    out, err = capfd.readouterr()
    assert "control character" in err
    _assert_hidden(token, out, err)
    _assert_hidden(SECRET, out, err)
    assert cli.envs == [] and list(tmp_path.iterdir()) == [], "nothing may run or be written"


# Failure 3: a non-ASCII token


@pytest.mark.parametrize("token", [f"{SECRET}é", f"토큰{SECRET}", f"“{SECRET}”", f"{SECRET}\u00a0"])
def test_runner_refuses_a_non_ascii_token(
    token: str, tmp_path: Path, cli: StubCli, capfd: pytest.CaptureFixture[str]
) -> None:
    assert runner.main([], environ=_environ(tmp_path, TOKEN_ENV="LW_TOKEN", LW_TOKEN=token)) == 2
    out, err = capfd.readouterr()
    assert "must be ASCII" in err and "Traceback" not in err
    _assert_hidden(token, out, err)
    _assert_hidden(SECRET, out, err)
    assert cli.envs == []


# Failure 2, up front: the header's scheme word in the token


@pytest.mark.parametrize("provider", sorted(harness.PROVIDERS))
@pytest.mark.parametrize("prefix", ["Bearer ", "bearer ", "dooray-api ", "DOORAY-API ", " Bearer "])
def test_runner_refuses_a_token_with_a_scheme_prefix(
    provider: str, prefix: str, tmp_path: Path, cli: StubCli, capfd: pytest.CaptureFixture[str]
) -> None:
    environ = _environ(tmp_path, PROVIDER=provider, TOKEN_ENV="LW_TOKEN", LW_TOKEN=prefix + SECRET)
    assert runner.main([], environ=environ) == 2
    out, err = capfd.readouterr()
    assert "give the bare token" in err
    _assert_hidden(SECRET, out, err)
    assert cli.envs == []


def test_runner_accepts_a_token_that_merely_starts_like_a_scheme(tmp_path: Path, cli: StubCli) -> None:
    """Only the word and a space are a prefix: `Bearerish...` is a token."""
    environ = _environ(tmp_path, TOKEN_ENV="LW_TOKEN", LW_TOKEN="Bearerish" + SECRET)
    assert runner.main([], environ=environ) == 0
    assert cli.envs[0][runner.TOKEN_VARIABLE] == "Bearerish" + SECRET


# Failure 4: TOKEN_ENV, and TOKEN with a warning


def test_runner_reads_the_token_from_token_env(
    tmp_path: Path, cli: StubCli, capfd: pytest.CaptureFixture[str]
) -> None:
    environ = _environ(tmp_path, TOKEN_ENV="LW_TOKEN", LW_TOKEN=f" {SECRET} ")
    assert runner.main([], environ=environ) == 0
    out, err = capfd.readouterr()
    assert cli.envs[0][runner.TOKEN_VARIABLE] == SECRET, "passed to the CLI, trimmed"
    assert "${" + runner.TOKEN_VARIABLE + "}" in cli.configs[0] and SECRET not in cli.configs[0]
    assert "$LW_TOKEN" in out and "warning" not in err
    _assert_hidden(SECRET, out, err)


def test_runner_warns_that_token_is_visible_in_ps(
    tmp_path: Path, cli: StubCli, capfd: pytest.CaptureFixture[str]
) -> None:
    assert runner.main([], environ=_environ(tmp_path, TOKEN=SECRET)) == 0
    out, err = capfd.readouterr()
    assert cli.envs[0][runner.TOKEN_VARIABLE] == SECRET
    warnings = [line for line in err.splitlines() if "warning" in line]
    assert len(warnings) == 1 and "`ps`" in warnings[0] and "TOKEN_ENV" in warnings[0]
    _assert_hidden(SECRET, out, err)


@pytest.mark.parametrize("value", [None, "", "   "], ids=["unset", "empty", "blank"])
def test_runner_refuses_token_env_naming_an_empty_variable(
    value: str | None, tmp_path: Path, cli: StubCli, capfd: pytest.CaptureFixture[str]
) -> None:
    environ = _environ(tmp_path, TOKEN_ENV="LW_TOKEN")
    if value is not None:
        environ["LW_TOKEN"] = value
    assert runner.main([], environ=environ) == 2
    assert "LW_TOKEN, which is unset or empty" in capfd.readouterr().err
    assert cli.envs == []


@pytest.mark.parametrize("value", [f"{SECRET}.abc", "A" * 65 + SECRET.replace("-", "_")])
def test_runner_refuses_token_env_holding_the_token(
    value: str, tmp_path: Path, cli: StubCli, capfd: pytest.CaptureFixture[str]
) -> None:
    """`TOKEN_ENV=$LW_TOKEN` passes the token where a name belongs: refused without repeating it."""
    assert runner.main([], environ=_environ(tmp_path, TOKEN_ENV=value)) == 2
    out, err = capfd.readouterr()
    assert "TOKEN_ENV must be the name of an environment variable" in err
    _assert_hidden(value, out, err)
    _assert_hidden(SECRET, out, err)
    assert cli.envs == []


def test_runner_refuses_both_token_forms(
    tmp_path: Path, cli: StubCli, capfd: pytest.CaptureFixture[str]
) -> None:
    environ = _environ(tmp_path, TOKEN=SECRET, TOKEN_ENV="LW_TOKEN", LW_TOKEN=SECRET + "2")
    assert runner.main([], environ=environ) == 2
    out, err = capfd.readouterr()
    assert "not both" in err
    _assert_hidden(SECRET, out, err)
    assert cli.envs == []


# Failure 2: every operation answered 401/403


def test_auth_failed_needs_every_operation_refused() -> None:
    assert not runner.auth_failed([]), "no response is no evidence"
    assert runner.auth_failed([("GET /a", 401), ("GET /a", 401), ("POST /b", 403)])
    assert runner.auth_failed([("GET /a", 401), ("GET /a", 403)])
    assert not runner.auth_failed([("GET /a", 401), ("POST /b", 200)])
    assert not runner.auth_failed([("GET /a", 401), ("GET /a", 201), ("POST /b", 401)])
    assert not runner.auth_failed([("GET /a", 401), ("POST /b", 404)])
    assert not runner.auth_failed([("GET /a", 500)])


def test_status_log_round_trip(tmp_path: Path) -> None:
    """What the hooks write is what the runner reads; lines the hooks can't have written are skipped."""
    log = tmp_path / "statuses.jsonl"
    hooks.log_status(str(log), "GET /calendar/v1/calendars", 401)
    hooks.log_status(str(log), "POST /calendars", 201)
    with log.open("a", encoding="utf-8") as file:
        file.write('not json\n["GET /x"]\n["GET /x", "401"]\n')
    assert runner.read_status_log(log) == [("GET /calendar/v1/calendars", 401), ("POST /calendars", 201)]
    assert runner.read_status_log(tmp_path / "absent.jsonl") == []


def _case(method: str, *, positive: bool = True, scenario: str | None = None) -> SimpleNamespace:
    mode = SimpleNamespace(is_positive=positive)
    meta = SimpleNamespace(generation=SimpleNamespace(mode=mode), phase=SimpleNamespace(data=None))
    if scenario is not None:
        meta.phase.data = SimpleNamespace(scenario=scenario)
    return SimpleNamespace(method=method, operation=SimpleNamespace(method="get"), meta=meta)


def test_hooks_log_only_responses_that_show_whether_the_token_works() -> None:
    """A server may refuse a malformed request before authenticating it: those statuses don't count."""
    assert hooks.tells_auth(_case("GET"))
    assert hooks.tells_auth(_case("GET", scenario="example_value"))
    assert not hooks.tells_auth(_case("GET", positive=False))
    assert not hooks.tells_auth(_case("TRACE"))
    assert not hooks.tells_auth(_case("GET", scenario="unsupported_content_type"))


@pytest.mark.parametrize("cli_exit", [0, 1])
def test_runner_fails_a_run_that_never_authenticated(
    cli_exit: int, tmp_path: Path, cli: StubCli, capfd: pytest.CaptureFixture[str]
) -> None:
    cli.returncode = cli_exit
    cli.statuses = [("GET /calendar/v1/calendars", 401), ("POST /calendar/v1/calendars", 403)]
    assert runner.main([], environ=_environ(tmp_path, TOKEN_ENV="DOORAY_TOKEN", DOORAY_TOKEN=SECRET)) == 3
    out, err = capfd.readouterr()
    assert "authentication failed" in err and "$DOORAY_TOKEN" in err
    _assert_hidden(SECRET, out, err)


def test_runner_keeps_the_cli_exit_code_when_something_authenticated(tmp_path: Path, cli: StubCli) -> None:
    cli.returncode = 1
    cli.statuses = [("GET /calendar/v1/calendars", 401), ("POST /calendar/v1/calendars", 200)]
    assert runner.main([], environ=_environ(tmp_path, TOKEN_ENV="DOORAY_TOKEN", DOORAY_TOKEN=SECRET)) == 1


# Failure 5: the token in the JUnit report


def test_mask_file_replaces_every_spelling(tmp_path: Path) -> None:
    token = 'ab/c+d"e&f<g h'
    forms = [
        "ab/c+d&quot;e&amp;f&lt;g h",  # XML
        "ab%2Fc%2Bd%22e%26f%3Cg%20h",  # percent-encoded
        'ab/c+d\\"e&f<g h',  # JSON string
        "ab%2Fc%2Bd%22e%26f%3Cg+h",  # form-encoded
    ]
    report = tmp_path / "report.xml"
    report.write_text("<x>" + " | ".join([token, *forms]) + "</x>", encoding="utf-8")
    assert runner.mask_file(report, token) == 5
    text = report.read_text(encoding="utf-8")
    assert text == "<x>" + " | ".join([runner.MASKED] * 5) + "</x>"


def test_runner_masks_a_token_that_reached_the_report(
    tmp_path: Path, cli: StubCli, capfd: pytest.CaptureFixture[str]
) -> None:
    cli.report = f'<testsuites><failure message="Authorization: dooray-api {SECRET}">{SECRET}</failure>'
    assert runner.main([], environ=_environ(tmp_path, TOKEN_ENV="DOORAY_TOKEN", DOORAY_TOKEN=SECRET)) == 0
    out, err = capfd.readouterr()
    report = (tmp_path / "contract-dooray.xml").read_text(encoding="utf-8")
    assert SECRET not in report and report.count(runner.MASKED) == 2
    assert "appeared 2 times in the JUnit report" in err
    _assert_hidden(SECRET, out, err)


# End to end, `python -m contract` against the fake on loopback


def _run_cli(environ: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "calspec.contract"],
        cwd=harness.REPO,
        env={**{k: v for k, v in os.environ.items() if k not in RUNNER_VARIABLES}, **environ},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_runner_against_a_live_fake_writes_junit_and_hides_the_token(tmp_path: Path) -> None:
    """`make contract` end to end, on loopback; few examples and two phases (links included) to stay quick."""
    from calspec.fake.app import create_app

    with serve(create_app(db=None)) as root:
        completed = _run_cli(
            {
                "PROVIDER": "dooray",
                "BASE_URL": root,
                "TOKEN_ENV": "CALSPEC_TEST_TOKEN",
                "CALSPEC_TEST_TOKEN": "dooray-demo-token",
                "MAX_EXAMPLES": "3",
                "PHASES": "examples,stateful",
                "REPORTS_DIR": str(tmp_path),
            }
        )
    output = completed.stdout + completed.stderr
    report = (tmp_path / "contract-dooray.xml").read_text(encoding="utf-8")
    assert completed.returncode == 0, output[-4000:]
    assert 'failures="0"' in report and "<testcase" in report
    assert "dooray-demo-token" not in output and "dooray-demo-token" not in report


def test_runner_against_a_live_fake_fails_a_wrong_token(tmp_path: Path) -> None:
    """Schemathesis passes every check on 401 pages and exits 0; the runner must not."""
    from calspec.fake.app import create_app

    token = "not-a-real-token"
    with serve(create_app(db=None)) as root:
        completed = _run_cli(
            {
                "PROVIDER": "dooray",
                "BASE_URL": root,
                "TOKEN_ENV": "CALSPEC_TEST_TOKEN",
                "CALSPEC_TEST_TOKEN": token,
                "MAX_EXAMPLES": "2",
                "PHASES": "examples",
                "REPORTS_DIR": str(tmp_path),
            }
        )
    output = completed.stdout + completed.stderr
    assert completed.returncode == 3, output[-4000:]
    assert "contract: authentication failed: every operation answered 401/403 only" in completed.stderr
    assert token not in output
    assert token not in (tmp_path / "contract-dooray.xml").read_text(encoding="utf-8")


@pytest.mark.parametrize("form", ["TOKEN_ENV", "TOKEN"])
def test_runner_against_a_live_fake_refuses_a_newline_token(form: str, tmp_path: Path) -> None:
    """The probe that printed the token 19 times and wrote it 20 times into the report."""
    from calspec.fake.app import create_app

    token = f"{SECRET}\nX-Injected: {SECRET}2"
    given = {"TOKEN_ENV": "CALSPEC_TEST_TOKEN", "CALSPEC_TEST_TOKEN": token} if form == "TOKEN_ENV" else {}
    with serve(create_app(db=None)) as root:
        environ = {"PROVIDER": "dooray", "BASE_URL": root, "REPORTS_DIR": str(tmp_path / "reports"), **given}
        if form == "TOKEN":
            environ["TOKEN"] = token
        completed = _run_cli(environ)
    assert completed.returncode == 2, completed.stderr[-4000:]
    assert "control character" in completed.stderr
    _assert_hidden(token, completed.stdout, completed.stderr)
    for path in tmp_path.rglob("*"):
        if path.is_file():
            _assert_hidden(token, path.read_text(encoding="utf-8", errors="replace"))


def test_command_line_options_stand_for_the_variables(
    tmp_path: Path, cli: StubCli, capfd: pytest.CaptureFixture[str]
) -> None:
    """`calspec-contract --provider ... --base-url ... --token-env NAME` is `make contract` without make."""
    environ = {"LW_TOKEN": SECRET, "PATH": "/usr/bin"}
    argv = ["--provider", "lineworks", "--base-url=http://127.0.0.1:1/v1.0", "--token-env", "LW_TOKEN"]
    argv += ["--max-examples", "2", "--phases", "examples", "--reports-dir", str(tmp_path)]
    assert runner.main(argv, environ=environ) == 0
    out, err = capfd.readouterr()
    assert cli.envs[0][runner.TOKEN_VARIABLE] == SECRET
    assert "max-examples = 2" in cli.configs[0] and "base_url=http://127.0.0.1:1/v1.0" in out
    _assert_hidden(SECRET, out, err)


@pytest.mark.parametrize("argv", [["--token", "x"], ["--provider"], ["positional"]])
def test_unknown_or_incomplete_options_are_refused(
    argv: list[str], cli: StubCli, capfd: pytest.CaptureFixture[str]
) -> None:
    assert runner.main(argv, environ={"LW_TOKEN": SECRET}) == 2
    assert cli.envs == []
    out, err = capfd.readouterr()
    assert "contract:" in err and SECRET not in out + err
