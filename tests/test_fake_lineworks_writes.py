"""LINE WORKS semantics of the fake beyond create and list: get / PUT / DELETE of events (also in the
default calendar), shared calendars, calendar-personals, leaving a calendar, and roles."""

from __future__ import annotations

import base64
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from starlette.testclient import TestClient

from calspec.fake.app import FakeApp

USER = "userf7da-f82c-4284-13e7-030f3b4c756x"
OTHER_USER = "user2b3c-4d5e-46f7-8a9b-0c1d2e3f4a5x"
CALENDAR = "calendar-96b8-4c74-8277-7953e0b4604a"  # the demo user's default calendar
OTHER_CALENDAR = "calendar-2d4e-4a1b-9c3d-5e6f7a8b9c0d"  # the second user's default calendar
TEAM = "calendar-5a6b-4c7d-8e9f-0a1b2c3d4e5f"  # demo user: EVENT_READ
BUSY = "calendar-7e8f-4a0b-9c1d-2e3f4a5b6c7d"  # demo user: EVENT_READ_FREE_BUSY
COMPANY = "calendar-3c4d-4e5f-8a6b-7c8d9e0f1a2b"  # public, demo user no member
AUTH = {"Authorization": "Bearer lw-demo-token"}
READONLY = {"Authorization": "Bearer lw-demo-readonly"}
OTHER_AUTH = {"Authorization": "Bearer lw-other-token"}
DECEMBER = {"fromDateTime": "2021-12-01T00:00:00+09:00", "untilDateTime": "2021-12-31T00:00:00+09:00"}
START = datetime(2021, 12, 12, 13, 44, 59, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def fake_now(clock: Clock) -> Callable[[], datetime]:
    return clock


def events_path(calendar: str | None = CALENDAR, user: str = "me") -> str:
    if calendar is None:
        return f"/v1.0/users/{user}/calendar/events"
    return f"/v1.0/users/{user}/calendars/{calendar}/events"


def timed(summary: str, day: int = 20, **extra: Any) -> dict[str, Any]:
    return {
        "summary": summary,
        "start": {"dateTime": f"2021-12-{day:02d}T10:00:00", "timeZone": "Asia/Seoul"},
        "end": {"dateTime": f"2021-12-{day:02d}T11:00:00", "timeZone": "Asia/Seoul"},
        **extra,
    }


def create(
    client: TestClient, *components: dict[str, Any], calendar: str | None = CALENDAR, auth: Any = AUTH
) -> Any:
    response = client.post(events_path(calendar), json={"eventComponents": list(components)}, headers=auth)
    return response


def created_id(client: TestClient, *components: dict[str, Any], calendar: str | None = CALENDAR) -> str:
    response = create(client, *components, calendar=calendar)
    assert response.status_code == 201, response.text
    event_id: str = response.json()["eventComponents"][0]["eventId"]
    return event_id


def listed(client: TestClient, calendar: str | None = CALENDAR, auth: Any = AUTH) -> list[dict[str, Any]]:
    response = client.get(events_path(calendar), params=DECEMBER, headers=auth)
    assert response.status_code == 200, response.text
    events: list[dict[str, Any]] = response.json()["events"]
    return events


def ids(client: TestClient, calendar: str | None = CALENDAR, auth: Any = AUTH) -> list[str]:
    return [e["eventComponents"][0]["eventId"] for e in listed(client, calendar, auth)]


def personals(client: TestClient, auth: Any = AUTH, **params: Any) -> dict[str, Any]:
    response = client.get("/v1.0/users/me/calendar-personals", params=params, headers=auth)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def personal_ids(client: TestClient, auth: Any = AUTH) -> list[str]:
    return [p["calendarId"] for p in personals(client, auth)["calendarPersonals"]]


def new_calendar(client: TestClient, auth: Any = AUTH, **body: Any) -> dict[str, Any]:
    response = client.post("/v1.0/calendars", json={"calendarName": "Project", **body}, headers=auth)
    assert response.status_code == 201, response.text
    calendar: dict[str, Any] = response.json()
    return calendar


def assert_error(response: Any, status: int, code: str) -> None:
    assert response.status_code == status, response.text
    assert response.json()["code"] == code


# Events: get, replace, delete --------------------------------------------------------------------


@pytest.mark.parametrize("calendar", [CALENDAR, None])
def test_get_returns_what_create_stored_in_both_path_variants(
    client: TestClient, calendar: str | None
) -> None:
    response = create(client, timed("read me", description="memo"), calendar=calendar)
    assert response.status_code == 201, response.text
    event_id = response.json()["eventComponents"][0]["eventId"]
    for path in (events_path(CALENDAR), events_path(None)):  # the default calendar is the same calendar
        got = client.get(f"{path}/{event_id}", headers=AUTH)
        assert got.status_code == 200, got.text
        assert got.json() == response.json()
    assert event_id in ids(client, None)


def test_put_replaces_the_whole_event_and_resets_what_it_leaves_out(client: TestClient, clock: Clock) -> None:
    full = timed(
        "full",
        description="memo",
        location="Room 1",
        attendees=[{"email": "a@example.com", "partstat": "ACCEPTED"}],
        reminders=[{"method": "DISPLAY", "trigger": "-PT10M"}],
        transparency="TRANSPARENT",
        visibility="PRIVATE",
        sequence=3,
        priority=2,
    )
    event_id = created_id(client, full)
    before = client.get(f"{events_path()}/{event_id}", headers=AUTH).json()["eventComponents"][0]
    clock.now = START + timedelta(hours=2)
    replacement = {"eventId": event_id, **timed("bare", day=21)}
    response = client.put(
        f"{events_path()}/{event_id}",
        json={"eventComponents": [replacement], "sendNotification": False},
        headers=AUTH,
    )
    assert response.status_code == 200, response.text
    [component] = response.json()["eventComponents"]
    left_out = ("description", "location", "attendees", "reminders", "transparency", "visibility", "sequence")
    for key in (*left_out, "priority"):
        assert key not in component, key
    assert component["summary"] == "bare"
    assert component["start"] == replacement["start"]
    assert component["createdTime"] == before["createdTime"]
    assert component["updatedTime"] == {"dateTime": "2021-12-13T00:44:59", "timeZone": "Asia/Seoul"}
    assert component["organizer"] == before["organizer"] and component["viewUrl"] == before["viewUrl"]
    assert client.get(f"{events_path()}/{event_id}", headers=AUTH).json() == response.json()
    assert event_id in ids(client)  # moved to the 21st, still listed once
    assert ids(client).count(event_id) == 1


def test_put_can_turn_a_single_event_into_a_series_with_an_exception(client: TestClient) -> None:
    event_id = created_id(client, timed("single"))
    master = {"eventId": event_id, **timed("series", recurrence=["RRULE:FREQ=DAILY;COUNT=3"])}
    exception = {
        "eventId": event_id,
        **timed("moved", day=21),
        "recurringEventId": "TZID=Asia/Seoul:20211221T100000",
    }
    response = client.put(
        f"{events_path(None)}/{event_id}", json={"eventComponents": [master, exception]}, headers=AUTH
    )
    assert response.status_code == 200, response.text
    assert [c.get("recurringEventId") for c in response.json()["eventComponents"]] == [
        None,
        "TZID=Asia/Seoul:20211221T100000",
    ]


@pytest.mark.parametrize(
    ("components", "fragment"),
    [
        ([{"eventId": "someone-else", **timed("x")}], "must be the path's eventId"),
        (
            [{"eventId": "{id}", **timed("x")}, {"eventId": "other", **timed("y", recurringEventId="z")}],
            "eventId",
        ),
        ([{"eventId": "{id}", **timed("x", recurrence=["RRULE:FREQ=SOMETIMES"])}], "recurrence"),
        (
            [
                {
                    "eventId": "{id}",
                    "summary": "x",
                    "start": {"date": "2021-12-20"},
                    "end": {"date": "2021-12-19"},
                }
            ],
            "before",
        ),
    ],
)
def test_refused_put_is_400_and_changes_nothing(
    client: TestClient, components: list[dict[str, Any]], fragment: str
) -> None:
    event_id = created_id(client, timed("keep me", description="still here"))
    before = client.get(f"{events_path()}/{event_id}", headers=AUTH).json()
    body = [{**c, "eventId": c["eventId"].replace("{id}", event_id)} for c in components]
    response = client.put(f"{events_path()}/{event_id}", json={"eventComponents": body}, headers=AUTH)
    assert_error(response, 400, "INVALID_PARAMETER")
    assert fragment in response.json()["description"]
    assert client.get(f"{events_path()}/{event_id}", headers=AUTH).json() == before


def test_put_of_a_missing_event_is_404_and_creates_nothing(client: TestClient) -> None:
    before = ids(client)
    response = client.put(
        f"{events_path()}/nope", json={"eventComponents": [{"eventId": "nope", **timed("x")}]}, headers=AUTH
    )
    assert_error(response, 404, "NOT_FOUND")
    assert ids(client) == before


@pytest.mark.parametrize("calendar", [CALENDAR, None])
def test_delete_is_204_then_the_event_is_gone(client: TestClient, calendar: str | None) -> None:
    event_id = created_id(client, timed("bye"))
    response = client.delete(
        f"{events_path(calendar)}/{event_id}", params={"sendNotification": "false"}, headers=AUTH
    )
    assert response.status_code == 204
    assert response.content == b""
    assert_error(client.get(f"{events_path(CALENDAR)}/{event_id}", headers=AUTH), 404, "NOT_FOUND")
    assert_error(client.get(f"{events_path(None)}/{event_id}", headers=AUTH), 404, "NOT_FOUND")
    assert event_id not in ids(client)
    assert_error(client.delete(f"{events_path(calendar)}/{event_id}", headers=AUTH), 404, "NOT_FOUND")


def test_deleting_a_series_removes_its_exceptions_too(client: TestClient, app: FakeApp) -> None:
    before = app.store.count_events("lineworks")
    response = client.delete(f"{events_path()}/event-fixture-weekly", headers=AUTH)
    assert response.status_code == 204
    assert "event-fixture-weekly" not in ids(client)
    assert app.store.count_events("lineworks") == before - 1


def test_read_only_token_can_get_but_not_replace_or_delete(client: TestClient) -> None:
    path = f"{events_path()}/event-fixture-timed"
    assert client.get(path, headers=READONLY).status_code == 200
    body = {"eventComponents": [{"eventId": "event-fixture-timed", **timed("x")}]}
    assert_error(client.put(path, json=body, headers=READONLY), 403, "FORBIDDEN")
    assert_error(client.delete(path, headers=READONLY), 403, "FORBIDDEN")
    assert client.get(path, headers=AUTH).json()["eventComponents"][0]["summary"] == "Project kickoff"


def test_another_users_path_is_403_for_every_event_operation(client: TestClient) -> None:
    for path in (events_path(CALENDAR, OTHER_USER), events_path(None, OTHER_USER)):
        assert_error(client.get(f"{path}/event-fixture-other", headers=AUTH), 403, "ACCESS_DENIED")
        assert_error(client.delete(f"{path}/event-fixture-other", headers=AUTH), 403, "ACCESS_DENIED")


# Roles -------------------------------------------------------------------------------------------

# calendar -> (may read, may write, sees only free/busy); None: not found (404).
ROLE_MATRIX: dict[str, tuple[str, str] | None] = {
    CALENDAR: ("full", "write"),
    TEAM: ("full", "read"),  # EVENT_READ
    BUSY: ("free-busy", "read"),  # EVENT_READ_FREE_BUSY
    COMPANY: ("full", "read"),  # public: everyone reads
    OTHER_CALENDAR: None,
}
FIXTURE_EVENT = {
    CALENDAR: "event-fixture-timed",
    TEAM: "event-fixture-team",
    BUSY: "event-fixture-busy",
    COMPANY: "event-fixture-company",
    OTHER_CALENDAR: "event-fixture-other",
}


@pytest.mark.parametrize("calendar", list(ROLE_MATRIX))
def test_role_matrix_of_the_demo_user(client: TestClient, calendar: str) -> None:
    access = ROLE_MATRIX[calendar]
    event_id = FIXTURE_EVENT[calendar]
    path = f"{events_path(calendar)}/{event_id}"
    replacement = {"eventComponents": [{"eventId": event_id, **timed("hijacked")}]}
    if access is None:
        for response in (
            client.get(events_path(calendar), params=DECEMBER, headers=AUTH),
            client.get(path, headers=AUTH),
            client.put(path, json=replacement, headers=AUTH),
            client.delete(path, headers=AUTH),
            create(client, timed("x"), calendar=calendar),
        ):
            assert_error(response, 404, "NOT_FOUND")
        return
    sight, rights = access
    got = client.get(path, headers=AUTH)
    assert got.status_code == 200, got.text
    assert (got.json()["eventComponents"][0]["summary"] == "Busy") is (sight == "free-busy")
    assert event_id in ids(client, calendar)
    if rights == "write":
        return
    for response in (
        create(client, timed("x"), calendar=calendar),
        client.put(path, json=replacement, headers=AUTH),
        client.delete(path, headers=AUTH),
    ):
        assert_error(response, 403, "ACCESS_DENIED")
    owner_view = client.get(f"{events_path(calendar)}/{event_id}", headers=OTHER_AUTH).json()
    assert owner_view["eventComponents"][0]["summary"] not in ("hijacked", "Busy")


def test_free_busy_member_sees_only_when(client: TestClient) -> None:
    events = {e["eventComponents"][0]["eventId"]: e for e in listed(client, BUSY)}
    busy = events["event-fixture-busy"]["eventComponents"][0]
    assert busy == {
        "eventId": "event-fixture-busy",
        "summary": "Busy",
        "start": {"dateTime": "2021-12-16T10:00:00", "timeZone": "Asia/Seoul"},
        "end": {"dateTime": "2021-12-16T12:00:00", "timeZone": "Asia/Seoul"},
        "transparency": "OPAQUE",
        "recurrence": ["RRULE:FREQ=WEEKLY;BYDAY=TH;COUNT=3"],
    }
    assert events["event-fixture-busy"]["organizerCalendarId"] == BUSY
    free = events["event-fixture-free"]["eventComponents"][0]
    assert free["summary"] == "Free" and set(free) == {"eventId", "summary", "start", "end", "transparency"}
    owner = client.get(f"{events_path(BUSY)}/event-fixture-busy", headers=OTHER_AUTH).json()
    assert owner["eventComponents"][0]["description"].startswith("Confidential")


def test_event_read_write_member_writes_events_but_not_the_calendar(client: TestClient) -> None:
    calendar = new_calendar(
        client, OTHER_AUTH, members=[{"id": "user1@example.com", "type": "USER", "role": "EVENT_READ_WRITE"}]
    )
    calendar_id = calendar["calendarId"]
    event_id = created_id(client, timed("mine"), calendar=calendar_id)
    body = {"eventComponents": [{"eventId": event_id, **timed("changed")}]}
    assert client.put(f"{events_path(calendar_id)}/{event_id}", json=body, headers=AUTH).status_code == 200
    assert client.delete(f"{events_path(calendar_id)}/{event_id}", headers=AUTH).status_code == 204
    path = f"/v1.0/calendars/{calendar_id}"
    assert_error(client.patch(path, json={"calendarName": "mine now"}, headers=AUTH), 403, "ACCESS_DENIED")
    assert_error(client.delete(path, headers=AUTH), 403, "ACCESS_DENIED")
    assert client.get(path, headers=AUTH).json()["calendarName"] == "Project"


# Shared calendars --------------------------------------------------------------------------------


def test_create_calendar_makes_the_caller_its_owner(client: TestClient) -> None:
    calendar = new_calendar(
        client,
        description="memo",
        members=[
            {"id": "user2@example.com", "type": "USER", "role": "EVENT_READ"},
            {"id": "USER2@example.com", "type": "USER", "role": "EVENT_READ_WRITE"},  # same user: last wins
            {"id": USER, "type": "USER", "role": "EVENT_READ"},  # the owner can't demote themselves
            {"id": "group-1", "type": "GROUP", "role": "EVENT_READ"},
        ],
    )
    calendar_id = calendar["calendarId"]
    assert calendar_id.startswith("calendar-")
    assert calendar["members"] == [
        {"id": USER, "type": "USER", "role": "CALENDAR_EVENT_READ_WRITE"},
        {"id": "USER2@example.com", "type": "USER", "role": "EVENT_READ_WRITE"},
        {"id": "group-1", "type": "GROUP", "role": "EVENT_READ"},
    ]
    assert calendar["calendarEmail"] == f"{calendar_id}@groups.example.com"
    assert calendar["type"] == "INDIVIDUAL" and calendar["isPublic"] is False
    assert calendar["description"] == "memo"
    assert client.get(f"/v1.0/calendars/{calendar_id}", headers=AUTH).json() == calendar
    assert client.get(f"/v1.0/calendars/{calendar_id}", headers=OTHER_AUTH).json() == calendar
    assert calendar_id in personal_ids(client) and calendar_id in personal_ids(client, OTHER_AUTH)
    # Events in it carry the calendar's address as organizer; the member may write.
    response = create(client, timed("team"), calendar=calendar_id, auth=OTHER_AUTH)
    assert response.status_code == 201, response.text
    assert response.json()["eventComponents"][0]["organizer"] == {
        "email": calendar["calendarEmail"],
        "displayName": "Project",
    }


def test_calendar_not_shared_with_the_user_is_404(client: TestClient) -> None:
    calendar_id = new_calendar(client, OTHER_AUTH)["calendarId"]
    for response in (
        client.get(f"/v1.0/calendars/{calendar_id}", headers=AUTH),
        client.patch(f"/v1.0/calendars/{calendar_id}", json={"calendarName": "x"}, headers=AUTH),
        client.delete(f"/v1.0/calendars/{calendar_id}", headers=AUTH),
        client.get(f"/v1.0/calendars/{OTHER_CALENDAR}", headers=AUTH),
        client.get("/v1.0/calendars/nope", headers=AUTH),
    ):
        assert_error(response, 404, "NOT_FOUND")
    assert (
        client.get(f"/v1.0/calendars/{calendar_id}", headers=OTHER_AUTH).json()["calendarName"] == "Project"
    )


def test_public_calendar_is_readable_by_everyone_but_not_in_their_list(client: TestClient) -> None:
    response = client.get(f"/v1.0/calendars/{COMPANY}", headers=AUTH)
    assert response.status_code == 200 and response.json()["isPublic"] is True
    assert "default" not in response.json() and "ownerUserId" not in response.json()
    assert COMPANY not in personal_ids(client)
    assert_error(client.get(f"/v1.0/users/me/calendar-personals/{COMPANY}", headers=AUTH), 404, "NOT_FOUND")


def test_free_busy_member_of_a_public_calendar_reads_it_like_everyone(client: TestClient) -> None:
    path = f"/v1.0/calendars/{BUSY}"
    free_busy = {"id": USER, "type": "USER", "role": "EVENT_READ_FREE_BUSY"}
    assert (
        client.patch(path, json={"isPublic": True, "members": [free_busy]}, headers=OTHER_AUTH).status_code
        == 200
    )
    got = client.get(f"{events_path(BUSY)}/event-fixture-busy", headers=AUTH).json()
    assert got["eventComponents"][0]["summary"] == "Salary negotiations"


def test_patch_changes_only_the_fields_given_and_members_replace_the_list(client: TestClient) -> None:
    calendar = new_calendar(
        client,
        description="memo",
        isPublic=True,
        members=[{"id": OTHER_USER, "type": "USER", "role": "EVENT_READ"}],
    )
    path = f"/v1.0/calendars/{calendar['calendarId']}"
    response = client.patch(path, json={"calendarName": "Renamed"}, headers=AUTH)
    assert response.status_code == 200, response.text
    assert response.json() == {**calendar, "calendarName": "Renamed"}
    response = client.patch(
        path,
        json={"members": [{"id": "user3@example.com", "type": "USER", "role": "EVENT_READ"}]},
        headers=AUTH,
    )
    assert response.json()["members"] == [
        {"id": USER, "type": "USER", "role": "CALENDAR_EVENT_READ_WRITE"},
        {"id": "user3@example.com", "type": "USER", "role": "EVENT_READ"},
    ]
    assert response.json()["description"] == "memo" and response.json()["isPublic"] is True
    assert calendar["calendarId"] not in personal_ids(client, OTHER_AUTH)  # dropped from the members
    response = client.patch(path, json={"members": []}, headers=AUTH)
    assert response.json()["members"] == [{"id": USER, "type": "USER", "role": "CALENDAR_EVENT_READ_WRITE"}]


def test_patch_by_a_reader_is_403_and_changes_nothing(client: TestClient) -> None:
    before = client.get(f"/v1.0/calendars/{TEAM}", headers=AUTH).json()
    response = client.patch(
        f"/v1.0/calendars/{TEAM}",
        json={
            "calendarName": "mine",
            "members": [{"id": USER, "type": "USER", "role": "CALENDAR_EVENT_READ_WRITE"}],
        },
        headers=AUTH,
    )
    assert_error(response, 403, "ACCESS_DENIED")
    assert client.get(f"/v1.0/calendars/{TEAM}", headers=AUTH).json() == before


def test_delete_calendar_removes_it_and_its_events(client: TestClient, app: FakeApp) -> None:
    calendar_id = new_calendar(client, members=[{"id": OTHER_USER, "type": "USER", "role": "EVENT_READ"}])[
        "calendarId"
    ]
    first = created_id(client, timed("one"), calendar=calendar_id)
    created_id(client, timed("two", recurrence=["RRULE:FREQ=DAILY"]), calendar=calendar_id)
    before = app.store.count_events("lineworks")
    assert_error(client.delete(f"/v1.0/calendars/{calendar_id}", headers=OTHER_AUTH), 403, "ACCESS_DENIED")
    assert app.store.count_events("lineworks") == before
    response = client.delete(f"/v1.0/calendars/{calendar_id}", headers=AUTH)
    assert response.status_code == 204 and response.content == b""
    assert app.store.count_events("lineworks") == before - 2
    assert app.store.calendar_events("lineworks", calendar_id) == []
    assert_error(client.get(f"/v1.0/calendars/{calendar_id}", headers=AUTH), 404, "NOT_FOUND")
    assert_error(client.get(f"{events_path(calendar_id)}/{first}", headers=AUTH), 404, "NOT_FOUND")
    assert calendar_id not in personal_ids(client) and calendar_id not in personal_ids(client, OTHER_AUTH)
    assert_error(client.delete(f"/v1.0/calendars/{calendar_id}", headers=AUTH), 404, "NOT_FOUND")


def test_default_calendar_cannot_be_deleted(client: TestClient) -> None:
    assert_error(client.delete(f"/v1.0/calendars/{CALENDAR}", headers=AUTH), 403, "ACCESS_DENIED")
    assert "event-fixture-timed" in ids(client)


def test_default_calendar_is_the_users_own(client: TestClient) -> None:
    for user in ("me", USER, "user1@example.com"):
        response = client.get(f"/v1.0/users/{user}/calendar", headers=READONLY)
        assert response.status_code == 200, response.text
        assert response.json()["calendarId"] == CALENDAR
        assert set(response.json()) <= {
            "calendarId",
            "calendarName",
            "members",
            "description",
            "isPublic",
            "calendarEmail",
            "type",
        }
    assert client.get("/v1.0/users/me/calendar", headers=OTHER_AUTH).json()["calendarId"] == OTHER_CALENDAR
    assert_error(client.get(f"/v1.0/users/{OTHER_USER}/calendar", headers=AUTH), 403, "ACCESS_DENIED")


# Calendar-personals ------------------------------------------------------------------------------


def test_personals_list_the_users_calendars_with_defaults(client: TestClient) -> None:
    body = personals(client)
    assert [p["calendarId"] for p in body["calendarPersonals"]] == [CALENDAR, TEAM, BUSY]
    assert body["calendarPersonals"][1] == {
        "calendarId": TEAM,
        "calendarName": "Team calendar",
        "isShowOnLNBList": True,
        "displayOrder": 9999,
        "resourceLocation": 14101,
    }
    assert body["responseMetaData"] == {"nextCursor": None}
    assert personal_ids(client, OTHER_AUTH) == [OTHER_CALENDAR, TEAM, BUSY, COMPANY]


def test_personals_page_with_an_opaque_cursor(client: TestClient) -> None:
    seen: list[str] = []
    cursors: list[str] = []
    cursor: str | None = None
    for _ in range(10):  # a cursor that doesn't advance fails here instead of looping forever
        params: dict[str, Any] = {"count": 2}
        if cursor is not None:
            params["cursor"] = cursor
        body = personals(client, OTHER_AUTH, **params)
        page = [p["calendarId"] for p in body["calendarPersonals"]]
        assert 1 <= len(page) <= 2
        seen += page
        cursor = body["responseMetaData"]["nextCursor"]
        if cursor is None:
            break
        assert all(part not in cursor for part in page)  # opaque: no calendar id in it
        cursors.append(cursor)
        if len(cursors) == 1:
            new_calendar(client, OTHER_AUTH)  # added while paging: shows up at the end, nothing skipped
    else:
        pytest.fail(f"no last page after 10 pages: {seen}")
    assert seen[:4] == [OTHER_CALENDAR, TEAM, BUSY, COMPANY] and len(seen) == 5
    assert len(cursors) == 2
    # The same cursor gives the same page again.
    again = personals(client, OTHER_AUTH, count=2, cursor=cursors[0])
    assert [p["calendarId"] for p in again["calendarPersonals"]] == seen[2:4]


@pytest.mark.parametrize("cursor", ["nope", base64.urlsafe_b64encode(b"lw-personals:x").decode(), "%%%"])
def test_unreadable_cursor_is_400(client: TestClient, cursor: str) -> None:
    response = client.get("/v1.0/users/me/calendar-personals", params={"cursor": cursor}, headers=AUTH)
    assert_error(response, 400, "INVALID_PARAMETER")


def test_update_personal_changes_only_the_given_fields_for_that_user(client: TestClient) -> None:
    path = f"/v1.0/users/me/calendar-personals/{TEAM}"
    response = client.patch(path, json={"displayOrder": 3}, headers=AUTH)
    assert response.status_code == 200, response.text
    assert response.json()["displayOrder"] == 3 and response.json()["isShowOnLNBList"] is True
    response = client.patch(path, json={"isShowOnLNBList": False}, headers=AUTH)
    assert response.json()["displayOrder"] == 3 and response.json()["isShowOnLNBList"] is False
    assert client.get(path, headers=READONLY).json() == response.json()
    assert [p for p in personals(client)["calendarPersonals"] if p["calendarId"] == TEAM] == [response.json()]
    theirs = client.get(path, headers=OTHER_AUTH).json()
    assert theirs["displayOrder"] == 9999 and theirs["isShowOnLNBList"] is True
    assert_error(client.patch(path, json={"displayOrder": 10000}, headers=AUTH), 400, "INVALID_PARAMETER")
    assert client.get(path, headers=AUTH).json()["displayOrder"] == 3
    assert_error(client.patch(path, json={"displayOrder": 1}, headers=READONLY), 403, "FORBIDDEN")


def test_personal_of_a_calendar_not_in_the_list_is_404(client: TestClient) -> None:
    for calendar in (OTHER_CALENDAR, "nope"):
        path = f"/v1.0/users/me/calendar-personals/{calendar}"
        assert_error(client.get(path, headers=AUTH), 404, "NOT_FOUND")
        assert_error(client.patch(path, json={"displayOrder": 1}, headers=AUTH), 404, "NOT_FOUND")


# Leaving a calendar (removeCalendarFromList: 指定カレンダーから脱退する) ------------------------------


def leave(client: TestClient, calendar: str, auth: Any = AUTH, user: str = "me") -> Any:
    return client.delete(f"/v1.0/users/{user}/calendars/{calendar}", headers=auth)


def shared(client: TestClient, calendar: str, auth: Any = OTHER_AUTH) -> dict[str, Any]:
    response = client.get(f"/v1.0/calendars/{calendar}", headers=auth)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def member_ids(client: TestClient, calendar: str) -> list[str]:
    """The calendar's members as its owner (the second user) sees them."""
    return [m["id"] for m in shared(client, calendar)["members"]]


@pytest.mark.parametrize(("calendar", "named_as"), [(TEAM, USER), (BUSY, "user1@example.com")])
def test_leaving_a_calendar_ends_the_membership(client: TestClient, calendar: str, named_as: str) -> None:
    assert named_as in member_ids(client, calendar)
    owners_view = shared(client, calendar)
    owners_events = ids(client, calendar, OTHER_AUTH)
    response = leave(client, calendar)
    assert response.status_code == 204 and response.content == b""
    # The owner sees the member list without the leaver (named by user id or by email), nothing else changed.
    assert named_as not in member_ids(client, calendar)
    assert shared(client, calendar)["members"] == [m for m in owners_view["members"] if m["id"] != named_as]
    assert ids(client, calendar, OTHER_AUTH) == owners_events
    assert calendar in personal_ids(client, OTHER_AUTH)
    # The leaver has no access left: every user path, the personals entry and the calendar answer 404.
    assert calendar not in personal_ids(client)
    personal_path = f"/v1.0/users/me/calendar-personals/{calendar}"
    assert_error(client.get(personal_path, headers=AUTH), 404, "NOT_FOUND")
    assert_error(client.patch(personal_path, json={"displayOrder": 1}, headers=AUTH), 404, "NOT_FOUND")
    assert_error(client.get(events_path(calendar), params=DECEMBER, headers=AUTH), 404, "NOT_FOUND")
    event_id = owners_events[0]
    assert_error(client.get(f"{events_path(calendar)}/{event_id}", headers=AUTH), 404, "NOT_FOUND")
    assert_error(client.delete(f"{events_path(calendar)}/{event_id}", headers=AUTH), 404, "NOT_FOUND")
    assert_error(create(client, timed("late"), calendar=calendar), 404, "NOT_FOUND")
    assert_error(client.get(f"/v1.0/calendars/{calendar}", headers=AUTH), 404, "NOT_FOUND")


def test_leaving_twice_is_404_and_changes_nothing(client: TestClient) -> None:
    assert leave(client, TEAM).status_code == 204
    members = shared(client, TEAM)
    assert_error(leave(client, TEAM), 404, "NOT_FOUND")
    assert shared(client, TEAM) == members


def test_leaving_a_public_calendar_leaves_what_any_non_member_has(client: TestClient) -> None:
    writer = {"id": USER, "type": "USER", "role": "EVENT_READ_WRITE"}
    path = f"/v1.0/calendars/{COMPANY}"
    assert client.patch(path, json={"members": [writer]}, headers=OTHER_AUTH).status_code == 200
    assert COMPANY in personal_ids(client)
    assert leave(client, COMPANY).status_code == 204
    assert USER not in member_ids(client, COMPANY)
    assert COMPANY not in personal_ids(client)
    assert_error(client.get(f"/v1.0/users/me/calendar-personals/{COMPANY}", headers=AUTH), 404, "NOT_FOUND")
    # Public: it still reads, as for anyone, and takes no writes.
    assert shared(client, COMPANY, AUTH) == shared(client, COMPANY)
    assert ids(client, COMPANY) == ids(client, COMPANY, OTHER_AUTH) == ["event-fixture-company"]
    assert_error(create(client, timed("late"), calendar=COMPANY), 403, "ACCESS_DENIED")
    assert_error(leave(client, COMPANY), 404, "NOT_FOUND")


def test_leaving_drops_the_personal_settings_and_adding_back_restores_access(client: TestClient) -> None:
    personal_path = f"/v1.0/users/me/calendar-personals/{TEAM}"
    assert client.patch(personal_path, json={"displayOrder": 3}, headers=AUTH).status_code == 200
    assert leave(client, TEAM).status_code == 204
    reader = {"id": USER, "type": "USER", "role": "EVENT_READ"}
    response = client.patch(f"/v1.0/calendars/{TEAM}", json={"members": [reader]}, headers=OTHER_AUTH)
    assert response.status_code == 200, response.text
    assert reader in response.json()["members"]
    assert TEAM in personal_ids(client)
    again = client.get(personal_path, headers=AUTH)
    assert again.status_code == 200 and again.json()["displayOrder"] == 9999  # the old settings are gone
    assert ids(client, TEAM) == ["event-fixture-team"]
    assert client.get(f"/v1.0/calendars/{TEAM}", headers=AUTH).status_code == 200
    assert leave(client, TEAM).status_code == 204  # and they can leave again


def test_a_member_may_leave_another_users_default_calendar(client: TestClient) -> None:
    reader = {"id": USER, "type": "USER", "role": "EVENT_READ"}
    path = f"/v1.0/calendars/{OTHER_CALENDAR}"
    assert client.patch(path, json={"members": [reader]}, headers=OTHER_AUTH).status_code == 200
    assert OTHER_CALENDAR in personal_ids(client)
    assert leave(client, OTHER_CALENDAR).status_code == 204
    assert member_ids(client, OTHER_CALENDAR) == [OTHER_USER]
    assert OTHER_CALENDAR not in personal_ids(client)


def test_the_owner_cannot_leave_their_calendar(client: TestClient) -> None:
    calendar = new_calendar(client, members=[{"id": OTHER_USER, "type": "USER", "role": "EVENT_READ"}])
    calendar_id = calendar["calendarId"]
    event_id = created_id(client, timed("mine"), calendar=calendar_id)
    before = personal_ids(client)
    response = leave(client, calendar_id)
    assert_error(response, 403, "ACCESS_DENIED")
    assert "owner can't leave" in response.json()["description"]
    assert shared(client, calendar_id, AUTH) == calendar
    assert personal_ids(client) == before
    assert ids(client, calendar_id) == [event_id]


def test_the_default_calendar_cannot_be_left(client: TestClient) -> None:
    before = (shared(client, CALENDAR, AUTH), personal_ids(client), ids(client))
    response = leave(client, CALENDAR)
    assert_error(response, 403, "ACCESS_DENIED")
    assert "default calendar" in response.json()["description"]
    assert_error(leave(client, OTHER_CALENDAR, OTHER_AUTH), 403, "ACCESS_DENIED")
    assert (shared(client, CALENDAR, AUTH), personal_ids(client), ids(client)) == before


@pytest.mark.parametrize("calendar", [OTHER_CALENDAR, COMPANY, "calendar-nope"])
def test_leaving_a_calendar_one_is_not_a_member_of_is_404(client: TestClient, calendar: str) -> None:
    before = personal_ids(client)
    assert_error(leave(client, calendar), 404, "NOT_FOUND")
    assert personal_ids(client) == before


def test_leave_refused_for_scope_or_another_user_changes_nothing(client: TestClient) -> None:
    members = shared(client, TEAM)
    assert_error(leave(client, TEAM, READONLY), 403, "FORBIDDEN")
    assert_error(leave(client, TEAM, AUTH, user=OTHER_USER), 403, "ACCESS_DENIED")
    assert_error(leave(client, TEAM, OTHER_AUTH, user=USER), 403, "ACCESS_DENIED")
    assert shared(client, TEAM) == members
    assert TEAM in personal_ids(client)
