"""LINE WORKS semantics of the fake: create fills and stores, list finds what overlaps the window."""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest
import yaml
from starlette.testclient import TestClient

from calspec.core.locations import SPEC_DIR

USER = "userf7da-f82c-4284-13e7-030f3b4c756x"
CALENDAR = "calendar-96b8-4c74-8277-7953e0b4604a"
OTHER_CALENDAR = "calendar-2d4e-4a1b-9c3d-5e6f7a8b9c0d"
TEAM_CALENDAR = "calendar-5a6b-4c7d-8e9f-0a1b2c3d4e5f"
EVENTS = f"/v1.0/users/{USER}/calendars/{CALENDAR}/events"
AUTH = {"Authorization": "Bearer lw-demo-token"}
OTHER_AUTH = {"Authorization": "Bearer lw-other-token"}
NOW = datetime(2021, 12, 12, 13, 44, 59, tzinfo=UTC)


@pytest.fixture
def fake_now() -> Callable[[], datetime]:
    return lambda: NOW


def spec_example(name: str) -> dict[str, Any]:
    document = yaml.safe_load((SPEC_DIR / "lineworks" / "calendar.yaml").read_text(encoding="utf-8"))
    value: dict[str, Any] = document["components"]["examples"][name]["value"]
    return copy.deepcopy(value)


def timed(summary: str, start: str, end: str, zone: str = "Asia/Seoul", **extra: Any) -> dict[str, Any]:
    return {
        "summary": summary,
        "start": {"dateTime": start, "timeZone": zone},
        "end": {"dateTime": end, "timeZone": zone},
        **extra,
    }


def create(client: TestClient, *components: dict[str, Any], path: str = EVENTS, **headers: str) -> Any:
    return client.post(path, json={"eventComponents": list(components)}, headers={**AUTH, **headers})


def listed(
    client: TestClient, start: str, until: str, path: str = EVENTS, auth: dict[str, str] = AUTH
) -> list[str]:
    response = client.get(path, params={"fromDateTime": start, "untilDateTime": until}, headers=auth)
    assert response.status_code == 200, response.text
    return [event["eventComponents"][0]["eventId"] for event in response.json()["events"]]


# Create ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["CreateEventRequestKo", "CreateEventRequestJa"])
def test_documented_request_creates_the_event_and_list_returns_it_intact(
    client: TestClient, name: str
) -> None:
    request = spec_example(name)
    response = client.post(EVENTS, json=request, headers=AUTH)
    assert response.status_code == 201, response.text
    created = response.json()
    assert created["organizerCalendarId"] == CALENDAR
    [component] = created["eventComponents"]
    sent = request["eventComponents"][0]
    for key, value in sent.items():
        if key != "organizer":
            assert component[key] == value, key
    zone = sent["start"]["timeZone"]
    expected_now = "2021-12-12T22:44:59"  # NOW in Asia/Seoul and Asia/Tokyo
    assert component["createdTime"] == {"dateTime": expected_now, "timeZone": zone}
    assert component["updatedTime"] == {"dateTime": expected_now, "timeZone": zone}
    assert component["organizer"] == {"email": "user1@example.com", "displayName": "userName1"}
    assert component["viewUrl"].startswith("https://calendar.worksmobile.com/")
    assert "sendNotification" not in component

    events = client.get(
        EVENTS,
        params={"fromDateTime": "2021-12-13T00:00:00+09:00", "untilDateTime": "2022-01-13T00:00:00+09:00"},
        headers=AUTH,
    ).json()["events"]
    found = [e for e in events if e["eventComponents"][0]["eventId"] == sent["eventId"]]
    assert found == [created]


def test_event_id_is_assigned_and_shared_by_every_component(client: TestClient) -> None:
    master = timed(
        "series", "2021-12-06T09:00:00", "2021-12-06T10:00:00", recurrence=["RRULE:FREQ=DAILY;COUNT=5"]
    )
    exception = timed(
        "moved",
        "2021-12-07T15:00:00",
        "2021-12-07T16:00:00",
        recurringEventId="TZID=Asia/Seoul:20211207T090000",
    )
    response = create(client, master, exception)
    assert response.status_code == 201, response.text
    ids = {c["eventId"] for c in response.json()["eventComponents"]}
    assert len(ids) == 1
    [event_id] = ids
    assert event_id.startswith("event-") and len(event_id) == len("event-") + 32
    again = create(client, master)
    assert again.json()["eventComponents"][0]["eventId"] != event_id


def test_given_event_id_is_copied_to_components_without_one(client: TestClient) -> None:
    master = timed(
        "s", "2021-12-06T09:00:00", "2021-12-06T10:00:00", eventId="mine", recurrence=["RRULE:FREQ=DAILY"]
    )
    exception = timed("e", "2021-12-07T11:00:00", "2021-12-07T12:00:00", recurringEventId="20211207T000000Z")
    response = create(client, master, exception)
    assert [c["eventId"] for c in response.json()["eventComponents"]] == ["mine", "mine"]


def test_date_time_without_time_zone_is_refused(client: TestClient) -> None:
    component = {"summary": "no zone", "start": {"dateTime": "2021-12-20T10:00:00"}}
    response = create(client, component)
    assert response.status_code == 400
    assert response.json()["code"] == "INVALID_PARAMETER"
    assert "timeZone" in response.json()["description"]


@pytest.mark.parametrize(
    ("components", "fragment"),
    [
        (
            [
                timed("a", "2021-12-20T10:00:00", "2021-12-20T11:00:00", eventId="one"),
                timed("b", "2021-12-21T10:00:00", "2021-12-21T11:00:00", eventId="two", recurringEventId="x"),
            ],
            "same eventId",
        ),
        ([{"summary": "neither", "start": {}}], "eventComponents[0].start"),
        (
            [{"summary": "both", "start": {"date": "2021-12-20", "dateTime": "2021-12-20T10:00:00"}}],
            "eventComponents[0].start",
        ),
        (
            [
                {
                    "summary": "mixed",
                    "start": {"date": "2021-12-20"},
                    "end": {"dateTime": "2021-12-21T10:00:00", "timeZone": "Asia/Seoul"},
                }
            ],
            "end: must be a date",
        ),
        ([timed("backwards", "2021-12-20T11:00:00", "2021-12-20T10:00:00")], "before start"),
        (
            [timed("zone", "2021-12-20T10:00:00", "2021-12-20T11:00:00", zone="Mars/Olympus")],
            "eventComponents[0].start.timeZone",
        ),
        (
            [timed("zone", "2021-12-20T10:00:00", "2021-12-20T11:00:00", zone="../../etc/passwd")],
            "eventComponents[0].start.timeZone",
        ),
        (
            [
                timed(
                    "rule", "2021-12-20T10:00:00", "2021-12-20T11:00:00", recurrence=["RRULE:FREQ=SOMETIMES"]
                )
            ],
            "recurrence",
        ),
        (
            [
                timed(
                    "rule",
                    "2021-12-20T10:00:00",
                    "2021-12-20T11:00:00",
                    recurrence=["RRULE:FREQ=DAILY;UNTIL=20211231"],
                )
            ],
            "recurrence",
        ),
        (
            [
                timed("a", "2021-12-20T10:00:00", "2021-12-20T11:00:00"),
                timed("b", "2021-12-21T10:00:00", "2021-12-21T11:00:00"),
            ],
            "only one component",
        ),
    ],
)
def test_semantic_errors_are_400_invalid_parameter_and_store_nothing(
    client: TestClient, components: list[dict[str, Any]], fragment: str
) -> None:
    before = listed(client, "2021-12-15T00:00:00+09:00", "2022-01-15T00:00:00+09:00")
    response = create(client, *components)
    assert response.status_code == 400, response.text
    assert response.json()["code"] == "INVALID_PARAMETER"
    assert fragment in response.json()["description"]
    assert listed(client, "2021-12-15T00:00:00+09:00", "2022-01-15T00:00:00+09:00") == before


def test_same_event_id_twice_is_409_and_keeps_the_first(client: TestClient) -> None:
    first = create(client, timed("first", "2021-12-20T10:00:00", "2021-12-20T11:00:00", eventId="dup"))
    assert first.status_code == 201
    second = create(client, timed("second", "2021-12-20T12:00:00", "2021-12-20T13:00:00", eventId="dup"))
    assert second.status_code == 409
    assert second.json() == {"code": "ALREADY_EXIST", "description": second.json()["description"]}
    events = client.get(
        EVENTS,
        params={"fromDateTime": "2021-12-20T00:00:00+09:00", "untilDateTime": "2021-12-21T00:00:00+09:00"},
        headers=AUTH,
    ).json()["events"]
    assert [
        e["eventComponents"][0]["summary"] for e in events if e["eventComponents"][0]["eventId"] == "dup"
    ] == ["first"]


def test_shared_calendar_uses_its_own_mail_address_as_organizer(client: TestClient) -> None:
    path = f"/v1.0/users/me/calendars/{TEAM_CALENDAR}/events"
    response = create(
        client, timed("team", "2021-12-20T10:00:00", "2021-12-20T11:00:00"), path=path, **OTHER_AUTH
    )
    assert response.status_code == 201, response.text
    assert response.json()["eventComponents"][0]["organizer"] == {
        "email": "team-calendar@example.com",
        "displayName": "Team calendar",
    }


# Access ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("user", ["me", USER, "user1@example.com", "USER1@example.com"])
def test_user_may_be_me_id_or_email(client: TestClient, user: str) -> None:
    path = f"/v1.0/users/{user}/calendars/{CALENDAR}/events"
    assert "event-fixture-timed" in listed(
        client, "2021-12-13T00:00:00+09:00", "2021-12-14T00:00:00+09:00", path
    )


def test_other_users_token_is_refused_with_access_denied(client: TestClient) -> None:
    response = client.get(
        EVENTS,
        params={"fromDateTime": "2021-12-13T00:00:00+09:00", "untilDateTime": "2021-12-14T00:00:00+09:00"},
        headers=OTHER_AUTH,
    )
    assert response.status_code == 403
    assert response.json()["code"] == "ACCESS_DENIED"
    response = create(client, timed("x", "2021-12-20T10:00:00", "2021-12-20T11:00:00"), **OTHER_AUTH)
    assert response.status_code == 403
    assert response.json()["code"] == "ACCESS_DENIED"


def test_calendar_of_someone_else_is_not_found(client: TestClient) -> None:
    path = f"/v1.0/users/me/calendars/{OTHER_CALENDAR}/events"
    response = client.get(
        path,
        params={"fromDateTime": "2021-12-13T00:00:00+09:00", "untilDateTime": "2021-12-14T00:00:00+09:00"},
        headers=AUTH,
    )
    assert response.status_code == 404
    assert response.json()["code"] == "NOT_FOUND"


def test_shared_calendar_is_readable_but_not_writable(client: TestClient) -> None:
    path = f"/v1.0/users/me/calendars/{TEAM_CALENDAR}/events"
    assert listed(client, "2021-12-15T00:00:00+09:00", "2021-12-16T00:00:00+09:00", path) == [
        "event-fixture-team"
    ]
    response = create(client, timed("x", "2021-12-20T10:00:00", "2021-12-20T11:00:00"), path=path)
    assert response.status_code == 403
    assert response.json()["code"] == "ACCESS_DENIED"
    assert listed(client, "2021-12-15T00:00:00+09:00", "2022-01-15T00:00:00+09:00", path) == [
        "event-fixture-team"
    ]


# List windows ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "until", "fragment"),
    [
        ("2021-12-01T00:00:00+09:00", "2022-01-01T00:00:01+09:00", "longer than 31 days"),
        ("2021-12-02T00:00:00+09:00", "2021-12-01T00:00:00+09:00", "before"),
        ("2021-12-01T00:00:00Z", "2021-12-01T08:59:59+09:00", "before"),
    ],
)
def test_window_too_long_or_reversed_is_400(
    client: TestClient, start: str, until: str, fragment: str
) -> None:
    response = client.get(EVENTS, params={"fromDateTime": start, "untilDateTime": until}, headers=AUTH)
    assert response.status_code == 400
    assert response.json()["code"] == "INVALID_PARAMETER"
    assert fragment in response.json()["description"]


def test_window_of_exactly_31_days_is_allowed(client: TestClient) -> None:
    assert listed(client, "2021-12-01T00:00:00+09:00", "2022-01-01T00:00:00+09:00") == [
        "event-fixture-timed",
        "event-fixture-allday",
        "event-fixture-weekly",
    ]


@pytest.mark.parametrize(
    ("start", "until", "expected"),
    [
        # The timed event is 10:00-11:00 KST on Monday 12-13 (the weekly standup is 09:00-09:30):
        # the window's end is exclusive, its start inclusive.
        ("2021-12-13T11:00:00+09:00", "2021-12-13T12:00:00+09:00", []),
        ("2021-12-13T09:00:00+09:00", "2021-12-13T10:00:00+09:00", ["event-fixture-weekly"]),
        ("2021-12-13T10:59:59+09:00", "2021-12-13T12:00:00+09:00", ["event-fixture-timed"]),
        ("2021-12-13T01:30:00Z", "2021-12-13T01:30:01Z", ["event-fixture-timed"]),
        # The same instant in another offset.
        ("2021-12-12T20:30:00-05:00", "2021-12-12T20:31:00-05:00", ["event-fixture-timed"]),
    ],
)
def test_timed_event_overlap(client: TestClient, start: str, until: str, expected: list[str]) -> None:
    assert listed(client, start, until) == expected


@pytest.mark.parametrize(
    ("start", "until", "expected"),
    [
        # All-day 12-24 is [12-24 00:00, 12-25 00:00) in the window's own offset.
        ("2021-12-24T23:00:00+09:00", "2021-12-25T00:00:00+09:00", ["event-fixture-allday"]),
        ("2021-12-25T00:00:00+09:00", "2021-12-25T01:00:00+09:00", []),
        ("2021-12-23T23:00:00-08:00", "2021-12-24T00:00:00-08:00", []),
        ("2021-12-24T00:00:00-08:00", "2021-12-24T00:00:01-08:00", ["event-fixture-allday"]),
    ],
)
def test_all_day_dates_are_read_in_the_windows_offset(
    client: TestClient, start: str, until: str, expected: list[str]
) -> None:
    assert listed(client, start, until) == expected


@pytest.mark.parametrize(
    ("start", "until", "expected"),
    [
        # Mondays 09:00-09:30 KST from 12-06, 12-27 excluded (EXDATE), 12-20 moved to 11:00 (exception).
        ("2021-12-06T09:00:00+09:00", "2021-12-06T09:30:00+09:00", True),
        ("2021-12-13T09:10:00+09:00", "2021-12-13T09:20:00+09:00", True),
        ("2021-12-14T09:00:00+09:00", "2021-12-14T10:00:00+09:00", False),
        ("2021-12-27T08:00:00+09:00", "2021-12-27T10:00:00+09:00", False),
        ("2021-12-20T09:00:00+09:00", "2021-12-20T09:30:00+09:00", False),
        ("2021-12-20T11:00:00+09:00", "2021-12-20T11:30:00+09:00", True),
        ("2022-01-03T09:00:00+09:00", "2022-01-03T09:30:00+09:00", True),
        # UNTIL=20220131T000000Z is 01-31 09:00 KST: inclusive, the last one.
        ("2022-01-31T09:00:00+09:00", "2022-01-31T09:30:00+09:00", True),
        ("2022-02-07T09:00:00+09:00", "2022-02-07T09:30:00+09:00", False),
        ("2021-11-29T09:00:00+09:00", "2021-11-29T09:30:00+09:00", False),
    ],
)
def test_series_is_listed_when_an_occurrence_overlaps(
    client: TestClient, start: str, until: str, expected: bool
) -> None:
    assert ("event-fixture-weekly" in listed(client, start, until)) is expected


def test_series_comes_back_once_as_master_and_exception(client: TestClient) -> None:
    response = client.get(
        EVENTS,
        params={"fromDateTime": "2021-12-01T00:00:00+09:00", "untilDateTime": "2021-12-31T00:00:00+09:00"},
        headers=AUTH,
    )
    series = [
        e for e in response.json()["events"] if e["eventComponents"][0]["eventId"] == "event-fixture-weekly"
    ]
    assert len(series) == 1
    master, exception = series[0]["eventComponents"]
    assert master["recurrence"][0].startswith("RRULE:FREQ=WEEKLY")
    assert "recurringEventId" not in master
    assert exception["recurringEventId"] == "TZID=Asia/Seoul:20211220T090000"


def test_created_all_day_series_is_found_in_later_windows(client: TestClient) -> None:
    component = {
        "summary": "payday",
        "start": {"date": "2021-01-25"},
        "end": {"date": "2021-01-26"},
        "recurrence": ["RRULE:FREQ=MONTHLY;BYMONTHDAY=25"],
    }
    event_id = create(client, component).json()["eventComponents"][0]["eventId"]
    assert event_id in listed(client, "2023-06-25T12:00:00+09:00", "2023-06-25T13:00:00+09:00")
    assert event_id not in listed(client, "2023-06-26T00:00:00+09:00", "2023-07-25T00:00:00+09:00")


def test_extreme_dates_do_not_break_the_list(client: TestClient) -> None:
    """Year 1 and year 9999 with the widest offsets: epoch arithmetic, no datetime overflow."""
    old = timed("old", "0001-01-01T00:00:00", "0001-01-01T01:00:00", recurrence=["RRULE:FREQ=YEARLY"])
    event_id = create(client, old).json()["eventComponents"][0]["eventId"]
    assert event_id in listed(client, "9998-12-31T00:00:00Z", "9999-01-02T00:00:00Z")
    assert event_id not in listed(client, "9999-12-01T00:00:00-23:59", "9999-12-31T23:59:59-23:59")
    # 0001-01-01T00:00 in Seoul (LMT +08:27:52) is still inside this window that starts before year 1 in UTC.
    assert event_id in listed(client, "0001-01-01T00:00:00+23:59", "0001-01-02T00:00:00+23:59")
