"""The fake as other projects' tests use it: the `CalendarFake` handle (seeding from plain dicts through
the fixture files' code, the clock, faults, in-process transports) and the pytest plugin's fixtures,
run in a pytester project as an installed plugin would be."""

from __future__ import annotations

import asyncio
import dataclasses
import datetime
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from dooray_calendar import errors as dooray_errors
from dooray_calendar.api.calendars import list_calendars
from lineworks_calendar import errors as lw_errors
from lineworks_calendar.api.events import list_events
from lineworks_calendar.types import Unset
from starlette.testclient import TestClient

from calspec.core.providers import PROVIDERS
from calspec.fake.handle import CalendarFake, ClientNotInstalled, LineWorksFake, SeedError

pytest_plugins = ["pytester"]

KST = datetime.timezone(datetime.timedelta(hours=9))
NOW = datetime.datetime(2030, 1, 3, 12, 0, tzinfo=datetime.UTC)
LW_AUTH = {"Authorization": "Bearer lw-demo-token"}
DOORAY_AUTH = {"Authorization": "dooray-api dooray-demo-token"}
LW_CALENDAR = "calendar-96b8-4c74-8277-7953e0b4604a"
COMPONENT = {
    "summary": "Planning 회의",
    "description": "Agenda",
    "location": "4-5",
    "start": {"dateTime": "2030-01-08T10:00:00", "timeZone": "Asia/Seoul"},
    "end": {"dateTime": "2030-01-08T11:00:00", "timeZone": "Asia/Seoul"},
    "attendees": [{"email": "user2@example.com", "displayName": "userName2", "partstat": "NEEDS-ACTION"}],
    "reminders": [{"method": "DISPLAY", "trigger": "-PT10M"}],
}
DOORAY_EVENT = {
    "subject": "출시 회의",
    "startedAt": "2030-01-08T10:00:00+09:00",
    "endedAt": "2030-01-08T11:00:00+09:00",
    "location": "7층",
}


@pytest.fixture
def fake() -> Iterator[CalendarFake]:
    with CalendarFake(check_responses=True, now=NOW) as made:
        yield made
        assert made.violations == []


def without(doc: Any, *keys: str) -> Any:
    """`doc` with `keys` dropped at every level (ids that differ between two equal events)."""
    if isinstance(doc, dict):
        return {k: without(v, *keys) for k, v in doc.items() if k not in keys}
    if isinstance(doc, list):
        return [without(item, *keys) for item in doc]
    return doc


# Seeding looks like creating -----------------------------------------------------------------------


def test_a_seeded_lineworks_event_is_stored_as_a_created_one(fake: CalendarFake) -> None:
    seeded = fake.lineworks.add_event({"eventComponents": [COMPONENT]})
    created = TestClient(fake.app).post(
        f"/v1.0/users/me/calendars/{LW_CALENDAR}/events",
        json={"eventComponents": [COMPONENT]},
        headers=LW_AUTH,
    )
    assert created.status_code == 201
    (stored_created,) = [
        e
        for e in fake.lineworks.events(LW_CALENDAR)
        if e["eventComponents"][0]["eventId"] != seeded["eventComponents"][0]["eventId"]
        and e["eventComponents"][0]["summary"] == COMPONENT["summary"]
    ]
    assert without(seeded, "eventId", "viewUrl") == without(stored_created, "eventId", "viewUrl")
    component = seeded["eventComponents"][0]
    assert component["createdTime"] == {"dateTime": "2030-01-03T21:00:00", "timeZone": "Asia/Seoul"}
    assert component["organizer"] == {"email": "user1@example.com", "displayName": "userName1"}


def test_a_seeded_dooray_event_is_stored_as_a_created_one(fake: CalendarFake) -> None:
    seeded = fake.dooray.add_event(dict(DOORAY_EVENT))
    answer = TestClient(fake.app).post(
        "/calendar/v1/calendars/1/events", json=DOORAY_EVENT, headers=DOORAY_AUTH
    )
    assert answer.status_code == 200
    created_id = answer.json()["result"]["id"]
    (created,) = [e for e in fake.dooray.events("1") if e["id"] == created_id]
    assert without(seeded, "id", "uid") == without(created, "id", "uid")
    assert seeded["createdAt"] == "2030-01-03T21:00:00+09:00" and seeded["wholeDayFlag"] is False


def test_seeded_calendars_are_stored_as_created_ones(fake: CalendarFake) -> None:
    client = TestClient(fake.app)
    lw = fake.lineworks.add_calendar({"calendarName": "Team", "description": "d", "members": []})
    answer = client.post(
        "/v1.0/calendars", json={"calendarName": "Team", "description": "d"}, headers=LW_AUTH
    )
    assert answer.status_code == 201
    (created,) = [c for c in fake.lineworks.calendars() if c["calendarId"] == answer.json()["calendarId"]]
    assert without(lw, "calendarId", "calendarEmail") == without(created, "calendarId", "calendarEmail")
    dooray = fake.dooray.add_calendar({"name": "업무 2"})
    answer = client.post(
        "/calendar/v1/calendars", json={"name": "업무 3", "type": "private"}, headers=DOORAY_AUTH
    )
    (made,) = [c for c in fake.dooray.calendars() if c["id"] == answer.json()["result"]["id"]]
    assert without(dooray, "id", "name", "order") == without(made, "id", "name", "order")
    assert made["members"][0]["order"] == dooray["members"][0]["order"] + 1  # last in the list, each in turn


def test_seeded_data_is_what_the_clients_read(fake: CalendarFake) -> None:
    fake.lineworks.add_event({"eventComponents": [COMPONENT]})
    client = fake.lineworks.client()
    window = {
        "from_date_time": datetime.datetime(2030, 1, 1, tzinfo=KST),
        "until_date_time": datetime.datetime(2030, 1, 31, tzinfo=KST),
    }
    listed = list_events.sync("me", LW_CALENDAR, client=client, **window)
    (event,) = listed.events
    assert event.event_components[0].summary == COMPONENT["summary"]
    attendees = event.event_components[0].attendees
    assert isinstance(attendees, list) and attendees[0].email == "user2@example.com"


@pytest.mark.parametrize(
    ("add", "message"),
    [
        (
            lambda f: f.lineworks.add_event({"eventComponents": [{**COMPONENT, "sumary": "x"}]}),
            "unknown property 'sumary'",
        ),
        (
            lambda f: f.lineworks.add_event(
                {
                    "eventComponents": [
                        {**COMPONENT, "end": {"dateTime": "2030-01-08T09:00:00", "timeZone": "Asia/Seoul"}}
                    ]
                }
            ),
            "must not be before start",
        ),
        (
            lambda f: f.lineworks.add_event(
                {"eventComponents": [{**COMPONENT, "recurrence": ["RRULE:FREQ=SOMETIMES"]}]}
            ),
            "recurrence",
        ),
        (
            lambda f: f.lineworks.add_event({"calendarId": "calendar-nope", "eventComponents": [COMPONENT]}),
            "no such calendar",
        ),
        (
            lambda f: f.lineworks.add_event({"calendar": LW_CALENDAR, "eventComponents": [COMPONENT]}),
            "unknown keys calendar",
        ),
        (
            lambda f: f.lineworks.add_calendar({"calendarName": "x", "ownerUserId": "nobody"}),
            "add_user first",
        ),
        (lambda f: f.lineworks.add_calendar({"calendarName": "x", "members": [{"id": "a"}]}), "members"),
        (lambda f: f.lineworks.add_user({"userID": "x"}), "unknown keys userID"),
        (
            lambda f: f.dooray.add_event({**DOORAY_EVENT, "endedAt": "2030-01-08T09:00:00+09:00"}),
            "must not be before",
        ),
        (lambda f: f.dooray.add_event({"subject": "x"}), "needs startedAt, endedAt"),
        (lambda f: f.dooray.add_event({**DOORAY_EVENT, "calendarId": "999"}), "no calendar '999'"),
        (lambda f: f.dooray.add_event({**DOORAY_EVENT, "id": "1", "calendarId": "1"}), "already"),
        (lambda f: f.dooray.add_calendar({"name": "x", "ownerOrganizationMemberId": "77"}), "add_user first"),
    ],
)
def test_what_the_api_would_refuse_is_a_seed_error(fake: CalendarFake, add: Any, message: str) -> None:
    with pytest.raises(SeedError, match=message):
        add(fake)


# People, the clock, faults -------------------------------------------------------------------------------


def test_added_users_get_their_own_tokens_and_calendars(fake: CalendarFake) -> None:
    alice = fake.lineworks.add_user({"email": "alice@example.com", "timeZone": "Asia/Tokyo"}, token="alice")
    calendar = fake.lineworks.add_calendar(
        {"calendarName": "Alice", "ownerUserId": alice["userId"], "default": True}
    )
    assert fake.lineworks.default_calendar_id(alice["userId"]) == calendar["calendarId"]
    fake.lineworks.add_event({"calendarId": calendar["calendarId"], "eventComponents": [COMPONENT]})
    window = {
        "from_date_time": datetime.datetime(2030, 1, 1, tzinfo=KST),
        "until_date_time": datetime.datetime(2030, 1, 31, tzinfo=KST),
    }
    listed = list_events.sync("me", calendar["calendarId"], client=fake.lineworks.client("alice"), **window)
    organizer = listed.events[0].event_components[0].organizer
    assert not isinstance(organizer, Unset) and organizer.email == "alice@example.com"
    with pytest.raises(lw_errors.NotFoundError):  # the demo user doesn't see Alice's calendar
        list_events.sync("me", calendar["calendarId"], client=fake.lineworks.client(), **window)
    bob = fake.dooray.add_user({"name": "Bob"}, token="bob")
    mine = fake.dooray.add_calendar(
        {"name": "Bob's", "ownerOrganizationMemberId": bob["organizationMemberId"]}
    )
    names = [c.name for c in list_calendars.sync(client=fake.dooray.client("bob"), page=0).result]
    assert names == ["Bob's"] and mine["members"][0]["role"] == "owner"
    with pytest.raises(dooray_errors.AuthenticationError):
        list_calendars.sync(client=fake.dooray.client("nobody"), page=0)


def test_fakes_are_isolated(fake: CalendarFake) -> None:
    fake.lineworks.add_user({"userId": "alice"}, token="alice")
    fake.lineworks.add_event({"eventComponents": [COMPONENT]})
    with CalendarFake() as other:
        assert "alice" not in other.lineworks.users
        assert len(other.lineworks.events(LW_CALENDAR)) == len(fake.lineworks.events(LW_CALENDAR)) - 1
        assert other.now() != fake.now()


def test_the_clock_dates_what_the_fake_writes(fake: CalendarFake) -> None:
    assert fake.now() == NOW
    assert fake.advance(hours=1, minutes=30) == NOW + datetime.timedelta(hours=1, minutes=30)
    event = fake.dooray.add_event(dict(DOORAY_EVENT))
    assert event["createdAt"] == "2030-01-03T22:30:00+09:00"
    fake.set_now(datetime.datetime(2031, 5, 1, tzinfo=KST))
    assert fake.dooray.add_event(dict(DOORAY_EVENT))["createdAt"] == "2031-05-01T00:00:00+09:00"
    with pytest.raises(ValueError, match="aware"):
        fake.set_now(datetime.datetime(2031, 5, 1))
    running = CalendarFake()  # not set: the real time, moved by advance
    before = running.now()
    assert running.advance(datetime.timedelta(days=1)) - before >= datetime.timedelta(days=1)


def test_faults_and_timeouts_reach_sync_and_async_clients(fake: CalendarFake) -> None:
    window = {
        "from_date_time": datetime.datetime(2021, 12, 1, tzinfo=KST),
        "until_date_time": datetime.datetime(2021, 12, 31, tzinfo=KST),
    }
    fake.faults.inject(status=503, retry_after="0", operation="listEvents")  # retried, then fine
    assert list_events.sync("me", LW_CALENDAR, client=fake.lineworks.client(), **window).events
    fake.faults.inject(status=503, times=3, retry_after="0", operation="listEvents")
    with pytest.raises(lw_errors.ServerError):
        list_events.sync("me", LW_CALENDAR, client=fake.lineworks.client(), **window)
    fake.faults.inject(delay=5, operation="listEvents")
    quick = fake.lineworks.client(timeout=httpx.Timeout(0.2), max_retries=0)
    with pytest.raises(lw_errors.ApiTimeoutError):
        list_events.sync("me", LW_CALENDAR, client=quick, **window)

    async def from_async() -> None:
        fake.faults.inject(delay=5, operation="listEvents")
        client = fake.lineworks.async_client(timeout=httpx.Timeout(0.2), max_retries=0)
        with pytest.raises(lw_errors.ApiTimeoutError):
            await list_events.asyncio("me", LW_CALENDAR, client=client, **window)
        # The sync client called from inside a running loop (sync code in an async test) still works.
        assert list_events.sync("me", LW_CALENDAR, client=fake.lineworks.client(), **window).events

    asyncio.run(from_async())


def test_a_missing_client_package_is_named(fake: CalendarFake) -> None:
    missing = dataclasses.replace(PROVIDERS["lineworks"], package_name="calspec_no_such_client")
    with pytest.raises(ClientNotInstalled, match="calspec_no_such_client package isn't installed"):
        LineWorksFake(fake, missing).client()


def test_a_fresh_fake_is_cheap_after_the_first() -> None:
    """Each fixture makes one: the compiled specs and the seeded store are shared, so only state is
    made (figures: `make bench`, fixture_start; this only catches a return to per-app compiling)."""
    CalendarFake().close()
    fake = CalendarFake()
    assert fake.app.router is CalendarFake().app.router
    assert fake.app.checks == CalendarFake().app.checks  # the same compiled Checks objects
    fake.close()


# The plugin as a project gets it -----------------------------------------------------------------------

# The plugin loaded whether or not calspec is installed. schemathesis's own plugin stays out of the runs:
# they are in-process, and pytester drops every module a run imported first, so the reporting modules
# schemathesis's plugin imports at the end of a run would be imported again, twice over, by the
# contract tests in this process (their events then fail isinstance against the first copy).
PLUGIN = ["-p", "no:calspec", "-p", "calspec.pytest_plugin", "-p", "no:schemathesis"]

PROJECT_TESTS = """
import datetime

import httpx
import pytest
from dooray_calendar import errors
from dooray_calendar.api.calendars import list_calendars
from lineworks_calendar.api.calendars import get_default_calendar

NOW = datetime.datetime(2030, 1, 3, 12, 0, tzinfo=datetime.UTC)


def test_sync_clients(lineworks_client, dooray_client, lineworks_fake, dooray_fake):
    default = get_default_calendar.sync("me", client=lineworks_client)
    assert default.calendar_id == lineworks_fake.default_calendar_id()
    dooray_fake.add_calendar({"name": "seeded"})
    assert "seeded" in [c.name for c in list_calendars.sync(client=dooray_client, page=0).result]


def test_each_test_has_a_fresh_fake(dooray_client):
    assert "seeded" not in [c.name for c in list_calendars.sync(client=dooray_client, page=0).result]


@pytest.mark.anyio
async def test_async_clients(lineworks_async_client, dooray_async_client, calendar_fake):
    calendar = await get_default_calendar.asyncio("me", client=lineworks_async_client)
    assert calendar.calendar_id
    calendar_fake.faults.inject(status=503, times=3, retry_after="0", operation="listCalendars")
    with pytest.raises(Exception, match="503"):
        await list_calendars.asyncio(client=dooray_async_client, page=0)


def test_options_from_the_conftest_and_the_marker(calendar_fake):
    assert calendar_fake.now() == NOW  # calendar_fake_options in conftest.py
    assert calendar_fake.app.rate_limiters == {}


@pytest.mark.calendar_fake(rate_limits={"dooray": {"burst": 1, "rate": 0.001}})
def test_marker(calendar_fake, dooray_client):
    assert set(calendar_fake.app.rate_limiters) == {"dooray"}
    list_calendars.sync(client=dooray_client, page=0)
    with pytest.raises(errors.RateLimitError):  # asked to wait longer than max_retry_wait: no retry
        list_calendars.sync(client=dooray_client, page=0)


def test_url(calendar_fake_url, calendar_fake):
    calendar_fake.faults.inject(status=418, operation="listCalendars")
    auth = {"Authorization": "dooray-api dooray-demo-token"}
    assert httpx.get(calendar_fake_url + "/calendar/v1/calendars", headers=auth).status_code == 418
    assert httpx.get(calendar_fake_url + "/calendar/v1/calendars", headers=auth).status_code == 200
"""

PROJECT_CONFTEST = """
import datetime
import pytest

@pytest.fixture
def calendar_fake_options():
    return {"now": datetime.datetime(2030, 1, 3, 12, 0, tzinfo=datetime.UTC), "check_responses": True}
"""


def test_the_plugins_fixtures_in_a_project(pytester: pytest.Pytester) -> None:
    pytester.makeconftest(PROJECT_CONFTEST)
    pytester.makepyfile(test_project=PROJECT_TESTS)
    result = pytester.runpytest(*PLUGIN, "-p", "anyio", "-W", "error::pytest.PytestUnknownMarkWarning")
    result.assert_outcomes(passed=6)


def test_client_fixtures_skip_saying_what_to_install(pytester: pytest.Pytester) -> None:
    pytester.makeconftest("import sys\nsys.modules['dooray_calendar'] = None  # as if not installed\n")
    pytester.makepyfile(
        test_skip="def test_dooray(dooray_client):\n    pass\n\n\ndef test_lw(lineworks_client):\n    pass\n"
    )
    result = pytester.runpytest(*PLUGIN, "-rs")
    result.assert_outcomes(passed=1, skipped=1)
    result.stdout.fnmatch_lines(
        ["*dooray_calendar package isn't installed: pip install the dooray-calendar-client wheel*"]
    )


def test_the_readmes_example_test_passes(pytester: pytest.Pytester) -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    (example,) = [b for b in re.findall(r"```python\n(.*?)```", readme, re.S) if "lineworks_fake" in b]
    pytester.makepyfile(test_readme_example=example)
    pytester.runpytest(*PLUGIN).assert_outcomes(passed=1)
