"""Issue 13's hostile inputs, each sent exactly as found: the fake answers at once, in the provider's
format, changes nothing, and keeps serving.

Timing bounds here are hang detectors (a request that took 5 s or never came back), set far above
what the work takes; speed itself is measured by `make bench`.
"""

from __future__ import annotations

import http.client
import json
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from starlette.testclient import TestClient

from calspec.contract.loopback import serve
from calspec.fake.app import FakeApp, create_app
from calspec.fake.limits import MAX_DEPTH, MAX_PATH, UVICORN_OPTIONS

USER = "userf7da-f82c-4284-13e7-030f3b4c756x"
CALENDAR = "calendar-96b8-4c74-8277-7953e0b4604a"
LW = {"Authorization": "Bearer lw-demo-token"}
DOORAY = {"Authorization": "dooray-api dooray-demo-token"}
LW_EVENTS = f"/v1.0/users/{USER}/calendars/{CALENDAR}/events"
LW_DEFAULT_EVENTS = f"/v1.0/users/{USER}/calendar/events"
DOORAY_EVENTS = "/calendar/v1/calendars/1/events"
HANG = 3.0  # seconds: far above any answer here, far below a hang


def timed(summary: str = "hostile", **extra: Any) -> dict[str, Any]:
    return {
        "summary": summary,
        "start": {"dateTime": "2022-01-01T09:00:00", "timeZone": "UTC"},
        "end": {"dateTime": "2022-01-01T10:00:00", "timeZone": "UTC"},
        **extra,
    }


def lineworks_error(response: httpx.Response, status: int, *fragments: str) -> str:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"code", "description"}, body
    for fragment in fragments:
        assert fragment in body["description"], body
    return str(body["description"])


def dooray_error(response: httpx.Response, status: int, *fragments: str) -> str:
    assert response.status_code == status, response.text
    body = response.json()
    assert body["header"]["isSuccessful"] is False and body["result"] is None, body
    for fragment in fragments:
        assert fragment in body["header"]["resultMessage"], body
    return str(body["header"]["resultMessage"])


def still_serving(client: TestClient) -> None:
    response = client.get(
        LW_EVENTS,
        params={"fromDateTime": "2021-12-01T00:00:00+09:00", "untilDateTime": "2021-12-31T00:00:00+09:00"},
        headers=LW,
    )
    assert response.status_code == 200


def event_count(app: FakeApp) -> int:
    return app.store.count_events("lineworks") + app.store.count_events("dooray")


# Rows 1-3: recurrence rules that hung the server, took seconds, or were listed with gaps ------------

DEGENERATE_RULES = [
    "RRULE:FREQ=DAILY;INTERVAL=0",
    "RRULE:FREQ=WEEKLY;INTERVAL=0",
    "RRULE:FREQ=YEARLY;INTERVAL=0",
    "RRULE:FREQ=SECONDLY;INTERVAL=0",
    "RRULE:FREQ=SECONDLY;BYMONTH=2;BYMONTHDAY=30",
    "RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30",
    "RRULE:FREQ=YEARLY;INTERVAL=4;BYMONTH=2;BYMONTHDAY=29",
    "RRULE:FREQ=DAILY;COUNT=1000000000",
]


@pytest.mark.parametrize("rule", DEGENERATE_RULES)
@pytest.mark.parametrize("path", [LW_EVENTS, LW_DEFAULT_EVENTS])
def test_lineworks_degenerate_rule_is_refused_at_once(
    client: TestClient, app: FakeApp, rule: str, path: str
) -> None:
    before = event_count(app)
    started = time.perf_counter()
    response = client.post(path, json={"eventComponents": [timed(recurrence=[rule])]}, headers=LW)
    assert time.perf_counter() - started < HANG
    lineworks_error(response, 400, "recurrence")
    assert event_count(app) == before
    still_serving(client)


@pytest.mark.parametrize("rule", DEGENERATE_RULES[:5])
def test_lineworks_degenerate_rule_is_refused_on_update(client: TestClient, app: FakeApp, rule: str) -> None:
    created = client.post(LW_EVENTS, json={"eventComponents": [timed()]}, headers=LW).json()
    event_id = created["eventComponents"][0]["eventId"]
    started = time.perf_counter()
    response = client.put(
        f"{LW_EVENTS}/{event_id}",
        json={"eventComponents": [timed(eventId=event_id, recurrence=[rule])]},
        headers=LW,
    )
    assert time.perf_counter() - started < HANG
    lineworks_error(response, 400, "recurrence")
    stored = client.get(f"{LW_EVENTS}/{event_id}", headers=LW).json()
    assert "recurrence" not in stored["eventComponents"][0]


def test_dooray_impossible_rule_is_refused_at_once(client: TestClient, app: FakeApp) -> None:
    before = event_count(app)
    body = {
        "subject": "never",
        "startedAt": "2022-01-01T09:00:00+09:00",
        "endedAt": "2022-01-01T10:00:00+09:00",
        "recurrenceRule": {"frequency": "daily", "bymonth": "2", "bymonthday": "30"},
    }
    started = time.perf_counter()
    response = client.post(DOORAY_EVENTS, json=body, headers=DOORAY)
    assert time.perf_counter() - started < HANG
    dooray_error(response, 400, "recurrenceRule", "never occurs")
    assert event_count(app) == before


def listed_ids(client: TestClient, start: str, end: str) -> list[str]:
    response = client.get(LW_EVENTS, params={"fromDateTime": start, "untilDateTime": end}, headers=LW)
    assert response.status_code == 200, response.text
    return [event["eventComponents"][0]["eventId"] for event in response.json()["events"]]


@pytest.mark.parametrize(
    "window",
    [
        ("2022-01-02T03:00:00Z", "2022-01-02T03:00:05Z"),
        ("2022-01-02T05:00:00Z", "2022-01-02T05:00:05Z"),  # past the old 100k-occurrence cap
        ("2030-06-01T12:00:00Z", "2030-06-01T12:00:01Z"),
        ("2022-01-01T00:00:00Z", "2022-02-01T00:00:00Z"),
    ],
)
def test_secondly_series_is_listed_in_every_window(client: TestClient, window: tuple[str, str]) -> None:
    """Row 3: a FREQ=SECONDLY series starting 2022-01-01T00:00Z went missing 27.8 hours in."""
    component = {
        "summary": "every second",
        "start": {"dateTime": "2022-01-01T00:00:00", "timeZone": "UTC"},
        "end": {"dateTime": "2022-01-01T00:00:01", "timeZone": "UTC"},
        "recurrence": ["RRULE:FREQ=SECONDLY"],
    }
    created = client.post(LW_EVENTS, json={"eventComponents": [component]}, headers=LW)
    assert created.status_code == 201, created.text
    event_id = created.json()["eventComponents"][0]["eventId"]
    started = time.perf_counter()
    assert event_id in listed_ids(client, *window)
    assert time.perf_counter() - started < HANG


def test_daily_series_from_long_ago_is_listed_now(client: TestClient) -> None:
    component = {
        "summary": "since 1000",
        "start": {"dateTime": "1000-01-01T09:00:00", "timeZone": "UTC"},
        "end": {"dateTime": "1000-01-01T10:00:00", "timeZone": "UTC"},
        "recurrence": ["RRULE:FREQ=DAILY"],
    }
    event_id = client.post(LW_EVENTS, json={"eventComponents": [component]}, headers=LW).json()[
        "eventComponents"
    ][0]["eventId"]
    assert event_id in listed_ids(client, "2031-05-01T09:30:00Z", "2031-05-01T09:40:00Z")
    assert event_id not in listed_ids(client, "2031-05-01T10:30:00Z", "2031-05-01T11:00:00Z")


# Row 4: a long member list was checked pairwise -----------------------------------------------------


def test_long_member_list_is_refused_quickly(client: TestClient) -> None:
    members = [{"id": f"user{i}@example.com", "type": "USER", "role": "EVENT_READ"} for i in range(15_500)]
    started = time.perf_counter()
    response = client.post("/v1.0/calendars", json={"calendarName": "crowd", "members": members}, headers=LW)
    assert time.perf_counter() - started < HANG
    lineworks_error(response, 400, "members", "maxItems")
    still_serving(client)


def test_duplicate_members_are_found_in_linear_time(client: TestClient) -> None:
    members = [{"id": f"user{i}@example.com", "type": "USER", "role": "EVENT_READ"} for i in range(1000)]
    members[-1] = dict(members[0])
    response = client.post("/v1.0/calendars", json={"calendarName": "twice", "members": members}, headers=LW)
    lineworks_error(response, 400, "members[999]", "uniqueItems")


# Rows 5-6: deep nesting and lone surrogates ---------------------------------------------------------

BODY_PATHS = [
    ("post", LW_EVENTS),
    ("post", LW_DEFAULT_EVENTS),
    ("post", "/v1.0/calendars"),
    ("patch", f"/v1.0/users/{USER}/calendar-personals/{CALENDAR}"),
    ("post", "/calendar/v1/calendars"),
    ("post", DOORAY_EVENTS),
    ("put", "/calendar/v1/calendars/2/members"),
]


def send(client: TestClient, method: str, path: str, raw: bytes) -> httpx.Response:
    headers = {**(DOORAY if path.startswith("/calendar/") else LW), "Content-Type": "application/json"}
    return client.request(method, path, content=raw, headers=headers)


def error_of(path: str, response: httpx.Response, status: int, *fragments: str) -> str:
    check = dooray_error if path.startswith("/calendar/") else lineworks_error
    return check(response, status, *fragments)


@pytest.mark.parametrize(("method", "path"), BODY_PATHS)
def test_deep_nesting_is_a_400(client: TestClient, app: FakeApp, method: str, path: str) -> None:
    before = event_count(app)
    raw = b"[" * 10_000 + b"]" * 10_000
    error_of(path, send(client, method, path, raw), 400, f"deeper than {MAX_DEPTH}")
    nested: Any = "x"
    for _ in range(MAX_DEPTH + 5):
        nested = {"a": nested}
    error_of(path, send(client, method, path, json.dumps({"summary": nested}).encode()), 400, "deeper")
    assert event_count(app) == before


@pytest.mark.parametrize("surrogate", ["\\ud800", "\\udfff"])
def test_lone_surrogate_is_a_400_naming_the_field(client: TestClient, app: FakeApp, surrogate: str) -> None:
    before = event_count(app)
    raw = (
        '{"eventComponents": [{"summary": "a' + surrogate + '", "start": {"date": "2022-01-01"}}]}'
    ).encode()
    message = error_of(LW_EVENTS, send(client, "post", LW_EVENTS, raw), 400, "eventComponents[0].summary")
    assert "surrogate" in message
    text = '{"subject": "' + surrogate + '", "startedAt": "2022-01-01+09:00", "endedAt": "2022-01-02+09:00"}'
    message = error_of(DOORAY_EVENTS, send(client, "post", DOORAY_EVENTS, text.encode()), 400, "body.subject")
    assert "surrogate" in message
    text = (
        '{"calendarName": "ok", "description": "x", "members": [{"id": "' + surrogate + '", "type": "USER"}]}'
    )
    error_of("/v1.0/calendars", send(client, "post", "/v1.0/calendars", text.encode()), 400, "members[0].id")
    assert event_count(app) == before


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [
        (b'{"eventComponents": [], "eventComponents": []}', "appears twice"),
        (
            b'{"eventComponents": [{"summary": "x", "sequence": 1e999, "start": {"date": "2022-01-01"}}]}',
            "range",
        ),
        (b'{"eventComponents": [{"summary": "x", "priority": NaN, "start": {"date": "2022-01-01"}}]}', "NaN"),
        (b'{"eventComponents": [{"summary": "x", "sequence": ' + b"9" * 5000 + b"}]}", "digits"),
        (b'{"eventComponents": [{"summary": "\xff"}]}', "UTF-8"),
    ],
)
def test_json_the_apis_can_not_mean_is_a_400(client: TestClient, raw: bytes, fragment: str) -> None:
    error_of(LW_EVENTS, send(client, "post", LW_EVENTS, raw), 400, fragment)


# Row 7: a time zone nobody checked ------------------------------------------------------------------


def test_unknown_reminder_time_zone_is_a_400(client: TestClient, app: FakeApp) -> None:
    before = event_count(app)
    reminder = {
        "method": "DISPLAY",
        "triggerDateTime": {"dateTime": "2022-01-01T08:00:00", "timeZone": "Nope/Nope"},
    }
    response = client.post(LW_EVENTS, json={"eventComponents": [timed(reminders=[reminder])]}, headers=LW)
    lineworks_error(response, 400, "eventComponents[0].reminders[0].triggerDateTime.timeZone")
    assert event_count(app) == before


# Row 8: a path id too long for the server layer ------------------------------------------------------


def raw_get(root: str, path: str, headers: dict[str, str]) -> httpx.Response:
    """GET through http.client: httpx refuses URLs over 64 KiB before sending them."""
    host, port = httpx.URL(root).host, httpx.URL(root).port
    connection = http.client.HTTPConnection(host, port, timeout=10)
    try:
        connection.request("GET", path, headers=headers)
        answer = connection.getresponse()
        return httpx.Response(answer.status, headers=dict(answer.getheaders()), content=answer.read())
    finally:
        connection.close()


@pytest.fixture(scope="module")
def served() -> Iterator[str]:
    with serve(create_app(db=None), **UVICORN_OPTIONS) as url:
        yield url


@pytest.mark.parametrize(
    ("path", "check"),
    [
        (f"/v1.0/users/{USER}/calendars/{CALENDAR}/events/{'x' * 100_000}", lineworks_error),
        (f"/calendar/v1/calendars/1/events/{'9' * 100_000}", dooray_error),
    ],
)
def test_very_long_path_gets_a_json_error(served: str, path: str, check: Any) -> None:
    headers = LW if path.startswith("/v1.0") else DOORAY
    check(raw_get(served, path, headers), 414, str(MAX_PATH))
    assert httpx.get(served + "/calendar/v1/calendars", headers=DOORAY, timeout=10).status_code == 200


def test_path_at_the_limit_is_answered_by_the_api(served: str) -> None:
    prefix = f"/v1.0/users/{USER}/calendars/{CALENDAR}/events/"
    path = prefix + "e" * (MAX_PATH - len(prefix))
    response = httpx.get(served + path, headers=LW, timeout=10)
    lineworks_error(response, 400, "eventId")  # past the spec's maxLength 255, within the fake's limit


@pytest.mark.parametrize("rule", ["RRULE:FREQ=MONTHLY;BYDAY=1MO", "RRULE:FREQ=MONTHLY;BYDAY=1MO;COUNT=100"])
def test_ordinal_weekday_series_is_listed_years_later(client: TestClient, rule: str) -> None:
    """The step budget counts months walked: an ordinal BYDAY must not spend it twice as fast."""
    component = {
        "summary": "first Monday",
        "start": {"dateTime": "2020-01-06T09:00:00", "timeZone": "UTC"},
        "end": {"dateTime": "2020-01-06T10:00:00", "timeZone": "UTC"},
        "recurrence": [rule],
    }
    created = client.post(LW_EVENTS, json={"eventComponents": [component]}, headers=LW)
    event_id = created.json()["eventComponents"][0]["eventId"]
    assert event_id in listed_ids(client, "2024-03-01T00:00:00Z", "2024-03-31T00:00:00Z")  # 2024-03-04
    assert event_id not in listed_ids(client, "2024-03-05T00:00:00Z", "2024-03-31T00:00:00Z")


def test_byeaster_is_refused(client: TestClient) -> None:
    response = client.post(
        LW_EVENTS, json={"eventComponents": [timed(recurrence=["RRULE:FREQ=YEARLY;BYEASTER=0"])]}, headers=LW
    )
    lineworks_error(response, 400, "BYEASTER")


def test_a_series_start_off_the_rule_is_its_first_occurrence(client: TestClient) -> None:
    """RFC 5545 (and the clients' expansion): DTSTART is always an instance. 2022-01-03 is a Monday."""
    component = {
        "summary": "starts Monday, repeats Thursdays",
        "start": {"dateTime": "2022-01-03T09:00:00", "timeZone": "UTC"},
        "end": {"dateTime": "2022-01-03T10:00:00", "timeZone": "UTC"},
        "recurrence": ["RRULE:FREQ=WEEKLY;BYDAY=TH"],
    }
    created = client.post(LW_EVENTS, json={"eventComponents": [component]}, headers=LW)
    event_id = created.json()["eventComponents"][0]["eventId"]
    assert event_id in listed_ids(client, "2022-01-03T08:00:00Z", "2022-01-03T12:00:00Z")
    assert event_id not in listed_ids(client, "2022-01-04T00:00:00Z", "2022-01-06T00:00:00Z")
    assert event_id in listed_ids(client, "2022-01-06T00:00:00Z", "2022-01-07T00:00:00Z")
