"""Schemathesis against the fake, in-process: every check, every phase, deterministic.

One engine run per provider (module-scoped, on a fresh app with an in-memory database); the tests below
read its result. The settings come from `contract.harness`, which `make contract` uses as well; the hooks'
own tests are in `test_contract_hooks.py`.
"""

from __future__ import annotations

import tomllib

import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from calspec.contract import harness

FAKE_ROOT = "http://localhost"


# One engine run per provider, shared by the tests that read it: under pytest-xdist (make test) each
# provider's tests stay in one worker (`--dist loadgroup`), so no run is made twice, and tests/conftest.py
# starts these long runs first.
@pytest.fixture(
    scope="module",
    params=[
        pytest.param(name, marks=pytest.mark.xdist_group(f"contract-{name}"))
        for name in sorted(harness.PROVIDERS)
    ],
)
def provider(request: pytest.FixtureRequest) -> harness.Provider:
    return harness.get_provider(request.param)


_RUNS: dict[str, tuple[harness.RunResult, set[str]]] = {}


@pytest.fixture(scope="module")
def contract_run(provider: harness.Provider) -> tuple[harness.RunResult, set[str]]:
    """The engine run for `provider` against a fresh fake, with the spec's operation labels."""
    if provider.name not in _RUNS:
        from calspec.fake.app import create_app

        config = harness.build_config(
            provider, base_url=FAKE_ROOT + provider.base_path, token=provider.demo_token
        )
        schema = harness.load_schema(provider, config, app=create_app(db=None))
        _RUNS[provider.name] = (harness.run_engine(schema), harness.operation_labels(schema))
    return _RUNS[provider.name]


def test_no_failures(contract_run: tuple[harness.RunResult, set[str]]) -> None:
    result, _ = contract_run
    assert not result.errors, "\n".join(result.errors)
    assert not result.failures, result.summary() + "\n\n" + harness.format_failures(result.failures)
    assert result.stop_reason == "completed", result.summary()


def test_every_phase_sent_requests(contract_run: tuple[harness.RunResult, set[str]]) -> None:
    result, _ = contract_run
    assert set(harness.PHASES) <= {phase for phase, count in result.requests.items() if count}, (
        result.summary()
    )


def test_every_check_ran(contract_run: tuple[harness.RunResult, set[str]]) -> None:
    result, _ = contract_run
    assert set(harness.CHECKS) <= set(result.checks), result.summary()


def test_every_operation_reached_2xx(contract_run: tuple[harness.RunResult, set[str]]) -> None:
    """Positive cases must get past auth and lookup, or the suite only tests error paths."""
    result, operations = contract_run
    assert operations, "no operations loaded"
    assert result.operations_2xx == operations, result.summary()


def test_every_error_status_seen(contract_run: tuple[harness.RunResult, set[str]]) -> None:
    """Negative cases must reach validation (400) and unknown ids lookup (404) on the fake.

    401 is not required here: ignored_auth sends its no-auth probes inside the check, unrecorded.
    """
    result, _ = contract_run
    assert {400, 404} <= set(result.statuses), result.summary()


def _broken_app() -> Starlette:
    async def plain(request: Request) -> Response:
        return PlainTextResponse("boom", status_code=500)

    return Starlette(routes=[Route("/{path:path}", plain, methods=["GET", "POST"])])


@pytest.mark.parametrize("name", sorted(harness.PROVIDERS))
def test_harness_reports_a_broken_server(name: str) -> None:
    """The same settings against a server that answers 500 in plain text must report failures.

    The documented examples alone show it (every answer is a 500 page); the other phases would only
    send more requests to the same page."""
    provider = harness.get_provider(name)
    config = harness.build_config(
        provider, base_url=FAKE_ROOT, token=provider.demo_token, max_examples=3, phases=["examples"]
    )
    result = harness.run_engine(harness.load_schema(provider, config, app=_broken_app()))
    failing_checks = {line.split(":", 1)[0].split("] ", 1)[1] for line in result.failures}
    assert {"not_a_server_error", "content_type_conformance"} <= failing_checks, result.summary()


@pytest.mark.parametrize("name", sorted(harness.PROVIDERS))
def test_toml_is_the_same_config(name: str) -> None:
    """`make contract` writes the config as TOML; it must read back as the dict the tests use."""
    settings = harness.config_dict(harness.get_provider(name), base_url="http://h/v1.0", token="${T}")
    assert tomllib.loads(harness.to_toml(settings)) == settings


@pytest.mark.parametrize("name", sorted(harness.PROVIDERS))
def test_no_operation_accepts_any_400(name: str) -> None:
    """A positive 400 is judged by the rules of x-calspec-rules (hooks.accept_broken_rules), not by config."""
    settings = harness.config_dict(harness.get_provider(name), base_url="http://h/v1.0", token="${T}")
    assert all("checks" not in operation for operation in settings["operations"])
    assert settings["checks"]["positive_data_acceptance"] == {"enabled": True}
