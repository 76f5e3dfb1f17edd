"""Schemathesis against the fake, in-process: every check, every phase, deterministic.

One engine run per provider (module-scoped, on a fresh app with an in-memory database); the tests below
read its result. The settings come from `contract.harness`, which `make contract` uses as well.
"""

from __future__ import annotations

import datetime
import tomllib
from typing import Any

import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from calspec.contract import harness

FAKE_ROOT = "http://localhost"


@pytest.fixture(scope="module", params=sorted(harness.PROVIDERS))
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
    """The same settings against a server that answers 500 in plain text must report failures."""
    provider = harness.get_provider(name)
    config = harness.build_config(provider, base_url=FAKE_ROOT, token=provider.demo_token, max_examples=3)
    result = harness.run_engine(harness.load_schema(provider, config, app=_broken_app()))
    failing_checks = {line.split(":", 1)[0].split("] ", 1)[1] for line in result.failures}
    assert {"not_a_server_error", "content_type_conformance"} <= failing_checks, result.summary()


@pytest.mark.parametrize("name", sorted(harness.PROVIDERS))
def test_toml_is_the_same_config(name: str) -> None:
    """`make contract` writes the config as TOML; it must read back as the dict the tests use."""
    settings = harness.config_dict(harness.get_provider(name), base_url="http://h/v1.0", token="${T}")
    assert tomllib.loads(harness.to_toml(settings)) == settings


def test_hooks_narrow_only_windows_that_break_the_limits() -> None:
    from calspec.contract.hooks import narrow_window

    week = {"from": "2024-06-01T00:00:00+09:00", "until": "2024-06-08T00:00:00+09:00"}
    query = dict(week)
    narrow_window(query, "from", "until", datetime.timedelta(days=31))
    assert query == week
    query = {"from": "2024-06-01T00:00:00+09:00", "until": "2023-01-01T00:00:00+09:00"}
    narrow_window(query, "from", "until", datetime.timedelta(days=31))
    assert query == week


def test_hooks_repair_event_bodies() -> None:
    from calspec.contract.hooks import align_event_ids, repair_local_date_times, repair_time_zones

    body: dict[str, Any] = {
        "eventComponents": [
            {"eventId": "x", "start": {"dateTime": "0000-02-31T10:00:00", "timeZone": "0"}},
            {
                "start": {"date": "2024-06-01"},
                "reminders": [{"triggerDateTime": {"dateTime": "2024-02-30T09:00:00"}}],
            },
        ]
    }
    align_event_ids(body, "event-1")
    repair_local_date_times(body)
    repair_time_zones(body)
    first, second = body["eventComponents"]
    assert first == {
        "eventId": "event-1",
        "start": {"dateTime": "2000-01-01T10:00:00", "timeZone": "Asia/Seoul"},
    }
    assert second["eventId"] == "event-1" and second["start"] == {"date": "2024-06-01"}
    assert second["reminders"][0]["triggerDateTime"]["dateTime"] == "2000-01-01T09:00:00"


def test_hooks_keep_deletes_on_the_runs_own_data() -> None:
    from calspec.contract import hooks

    hooks.forget_run()
    try:
        steered = {"calendar-id": "1"}
        hooks.protect("dooray:deleteCalendar", steered, positive=False)
        assert steered == {"calendar-id": hooks.ABSENT_ID}, "a demo id is never deleted"
        hooks.record("dooray:createCalendar", 200, {}, {"result": {"id": "42"}}, None)
        foreign = {"calendar-id": "2"}
        hooks.protect("dooray:deleteCalendar", foreign, positive=True)
        assert foreign == {"calendar-id": "42"}, "pointed at what the run created"
        own = {"calendar-id": "42"}
        hooks.protect("dooray:deleteCalendar", own, positive=True)
        assert own == {"calendar-id": "42"}
        negative = {"calendar-id": ""}
        hooks.protect("dooray:deleteCalendar", negative, positive=False)
        assert negative == {"calendar-id": ""}, "a negative case keeps its defect"

        hooks.record(
            "dooray:deleteEvent", 200, {"calendar-id": "9", "event-id": "7-20240604T010000Z"}, None, None
        )
        assert hooks.deleted_by_post("9", "7-20240604T010000Z") and not hooks.deleted_by_post("9", "7")
        hooks.record(
            "dooray:deleteEvent", 200, {"calendar-id": "9", "event-id": "8"}, None, {"deleteType": "whole"}
        )
        assert hooks.deleted_by_post("9", "8-20240611T010000Z")

        query = {"cursor": "made-up"}
        hooks.use_issued_cursor(query, [])
        assert query == {}
        query = {"cursor": "made-up"}
        hooks.use_issued_cursor(query, ["issued"])
        assert query == {"cursor": "issued"}
    finally:
        hooks.forget_run()


def test_hooks_see_lineworks_removals_by_another_path() -> None:
    """A deleted calendar takes its events; a default-calendar delete names the same event (rule 5)."""
    from calspec.contract import hooks

    hooks.forget_run()
    try:
        assert not hooks.lineworks_removed("cal-a", "e1")
        hooks.record("lineworks:deleteCalendar", 404, {"calendarId": "cal-a"}, None, None)
        assert not hooks.lineworks_removed("cal-a", "e1"), "a failed delete removes nothing"
        hooks.record("lineworks:deleteCalendar", 204, {"calendarId": "cal-a"}, None, None)
        assert hooks.lineworks_removed("cal-a", "e1") and not hooks.lineworks_removed("cal-b", "e1")

        hooks.record(
            "lineworks:deleteEvent", 204, {"userId": "me", "calendarId": "cal-b", "eventId": "e2"}, None, None
        )
        assert hooks.lineworks_removed("cal-b", "e2") and hooks.lineworks_removed(None, "e2")
        assert not hooks.lineworks_removed("cal-c", "e2"), "same id, another calendar: still there"

        hooks.record(
            "lineworks:deleteEventInDefaultCalendar", 204, {"userId": "me", "eventId": "e3"}, None, None
        )
        assert hooks.lineworks_removed("cal-d", "e3") and hooks.lineworks_removed(None, "e3")
        assert not hooks.lineworks_removed(None, "e4")
    finally:
        hooks.forget_run()
