"""Fault injection (calspec/fake/faults.py): from Python and over `/_calspec/faults`, and where a fault
sits in the fake's pipeline (after routing, before the token)."""

from __future__ import annotations

import time
from typing import Any

import pytest
from starlette.testclient import TestClient

from calspec.fake.app import FakeApp
from calspec.fake.faults import Fault, FaultError

LW_USER = "/v1.0/users/userf7da-f82c-4284-13e7-030f3b4c756x"
LW_EVENTS = f"{LW_USER}/calendars/calendar-96b8-4c74-8277-7953e0b4604a/events"
LW_DEFAULT = f"{LW_USER}/calendar"  # getDefaultCalendar
LW_DEFAULT_EVENTS = f"{LW_USER}/calendar/events"  # listEventsInDefaultCalendar
LW_AUTH = {"Authorization": "Bearer lw-demo-token"}
LW_WINDOW = {"fromDateTime": "2021-12-01T00:00:00+09:00", "untilDateTime": "2021-12-31T00:00:00+09:00"}
DOORAY_EVENTS = "/calendar/v1/calendars/*/events"  # Dooray listEvents
DOORAY_CALENDARS = "/calendar/v1/calendars"  # Dooray listCalendars
DOORAY_AUTH = {"Authorization": "dooray-api dooray-demo-token"}
DOORAY_WINDOW = {"timeMin": "2020-08-01T00:00:00+09:00", "timeMax": "2020-09-01T00:00:00+09:00"}
FAULTS = "/_calspec/faults"


def lw_events(client: TestClient, **headers: str) -> Any:
    return client.get(LW_EVENTS, params=LW_WINDOW, headers=headers or LW_AUTH)


def dooray_events(client: TestClient) -> Any:
    return client.get(DOORAY_EVENTS, params=DOORAY_WINDOW, headers=DOORAY_AUTH)


def assert_lineworks_error(response: Any, status: int, code: str) -> None:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert set(body) == {"code", "description"}
    assert body["code"] == code
    assert body["description"]


def assert_dooray_error(response: Any, status: int, code: int) -> None:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert body["result"] is None
    assert body["header"]["isSuccessful"] is False
    assert body["header"]["resultCode"] == code
    assert body["header"]["resultMessage"]


def event_body(event_id: str) -> dict[str, Any]:
    return {
        "eventComponents": [
            {
                "eventId": event_id,
                "summary": "x",
                "start": {"dateTime": "2021-12-20T10:00:00", "timeZone": "Asia/Seoul"},
                "end": {"dateTime": "2021-12-20T11:00:00", "timeZone": "Asia/Seoul"},
            }
        ]
    }


# From Python --------------------------------------------------------------------------------------


def test_python_fault_hits_the_operation_named_the_given_times_then_calls_answer_normally(
    app: FakeApp, client: TestClient
) -> None:
    app.faults.inject(status=503, times=2, operation="lineworks:listEvents")
    # Other operations, including the default-calendar twin and Dooray's listEvents, are not hit.
    assert client.get(LW_DEFAULT, headers=LW_AUTH).status_code == 200
    assert client.get(LW_DEFAULT_EVENTS, params=LW_WINDOW, headers=LW_AUTH).status_code == 200
    assert dooray_events(client).status_code == 200
    assert app.faults.pending()[0]["times"] == 2
    assert_lineworks_error(lw_events(client), 503, "INTERNAL_SERVER_ERROR")
    assert app.faults.pending()[0]["times"] == 1
    assert_lineworks_error(lw_events(client), 503, "INTERNAL_SERVER_ERROR")
    assert app.faults.pending() == []
    assert lw_events(client).status_code == 200
    assert lw_events(client).status_code == 200


def test_a_bare_operation_id_matches_it_in_every_provider(app: FakeApp, client: TestClient) -> None:
    app.faults.inject(status=503, times=2, operation="listEvents")  # LINE WORKS and Dooray both have one
    assert client.get(DOORAY_CALENDARS, headers=DOORAY_AUTH).status_code == 200
    assert_dooray_error(dooray_events(client), 503, -503)
    assert_lineworks_error(lw_events(client), 503, "INTERNAL_SERVER_ERROR")
    assert dooray_events(client).status_code == 200
    assert lw_events(client).status_code == 200


def test_a_provider_qualified_operation_matches_only_that_provider(app: FakeApp, client: TestClient) -> None:
    app.faults.inject(status=500, operation="dooray:listEvents")
    assert lw_events(client).status_code == 200
    assert_dooray_error(dooray_events(client), 500, -500)
    assert dooray_events(client).status_code == 200


def test_a_fault_without_operation_hits_the_next_call_of_any_operation(
    app: FakeApp, client: TestClient
) -> None:
    app.faults.inject(status=500)
    assert_dooray_error(client.get(DOORAY_CALENDARS, headers=DOORAY_AUTH), 500, -500)
    assert client.get(DOORAY_CALENDARS, headers=DOORAY_AUTH).status_code == 200


def test_the_oldest_matching_fault_goes_first(app: FakeApp, client: TestClient) -> None:
    app.faults.inject(status=500, operation="getDefaultCalendar")
    app.faults.inject(status=503, operation="lineworks:getDefaultCalendar")
    assert client.get(LW_DEFAULT, headers=LW_AUTH).status_code == 500
    assert client.get(LW_DEFAULT, headers=LW_AUTH).status_code == 503
    assert client.get(LW_DEFAULT, headers=LW_AUTH).status_code == 200


def test_a_fault_object_is_queued_as_a_copy(app: FakeApp, client: TestClient) -> None:
    fault = Fault(status=503, times=1, operation="getDefaultCalendar")
    app.faults.inject(fault)
    assert client.get(LW_DEFAULT, headers=LW_AUTH).status_code == 503
    assert fault.times == 1  # the caller's object is not counted down
    app.faults.inject(fault)  # so it can be queued again
    assert client.get(LW_DEFAULT, headers=LW_AUTH).status_code == 503
    assert client.get(LW_DEFAULT, headers=LW_AUTH).status_code == 200


@pytest.mark.parametrize(
    "fields",
    [
        {"status": 42},
        {"status": 100},  # a final answer can't be informational
        {"status": True},
        {"status": 503, "times": 0},
        {"status": 503, "times": True},
        {"status": 503, "delay": -1},
        {"status": 503, "operation": "listEvent"},  # a typo: no such operation
        {"status": 204, "body": "x"},
        {"status": 503, "headers": {"X-Oops": "a\r\nInjected: yes"}},
        {"status": 503, "headers": {"Content-Length": "1"}},
        {"body": "<html></html>"},  # a body needs a status
        {},  # neither a status nor a delay: nothing to do
    ],
)
def test_python_refuses_a_bad_fault_and_queues_nothing(app: FakeApp, fields: dict[str, Any]) -> None:
    with pytest.raises(FaultError):
        app.faults.inject(**fields)
    assert app.faults.pending() == []


# What a fault answers ------------------------------------------------------------------------------


def test_retry_after_and_headers_are_sent(app: FakeApp, client: TestClient) -> None:
    app.faults.inject(status=503, retry_after=7, headers={"X-Fault": "yes"})
    response = client.get(DOORAY_CALENDARS, headers=DOORAY_AUTH)
    assert_dooray_error(response, 503, -503)
    assert response.headers["Retry-After"] == "7"
    assert response.headers["X-Fault"] == "yes"
    app.faults.inject(status=429, retry_after="Wed, 21 Oct 2015 07:28:00 GMT")
    response = client.get(LW_DEFAULT, headers=LW_AUTH)
    assert_lineworks_error(response, 429, "TOO_MANY_REQUESTS")
    assert response.headers["Retry-After"] == "Wed, 21 Oct 2015 07:28:00 GMT"
    normal = client.get(LW_DEFAULT, headers=LW_AUTH)
    assert normal.status_code == 200 and "Retry-After" not in normal.headers


def test_a_body_is_answered_raw_with_its_content_type(app: FakeApp, client: TestClient) -> None:
    page = "<html><body><h1>502 Bad Gateway</h1></body></html>"
    app.faults.inject(status=502, body=page)
    response = lw_events(client)
    assert response.status_code == 502
    assert response.text == page
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    app.faults.inject(status=500, body="upstream timed out", content_type="text/plain")
    response = dooray_events(client)
    assert (response.status_code, response.text) == (500, "upstream timed out")
    assert response.headers["content-type"].startswith("text/plain")


def test_a_status_without_body_answers_in_each_providers_error_format(
    app: FakeApp, client: TestClient
) -> None:
    app.faults.inject(status=401, operation="lineworks:listEvents")
    app.faults.inject(status=429, operation="dooray:listEvents")
    assert_lineworks_error(lw_events(client), 401, "UNAUTHORIZED")
    assert_dooray_error(dooray_events(client), 429, -429)


def test_a_204_fault_answers_no_body(app: FakeApp, client: TestClient) -> None:
    app.faults.inject(status=204, operation="getDefaultCalendar")
    response = client.get(LW_DEFAULT, headers=LW_AUTH)
    assert response.status_code == 204
    assert response.content == b""
    assert "content-type" not in response.headers


def test_a_delay_delays_and_then_answers_normally(app: FakeApp, client: TestClient) -> None:
    app.faults.inject(delay=0.2, operation="getDefaultCalendar")
    started = time.monotonic()
    response = client.get(LW_DEFAULT, headers=LW_AUTH)
    assert time.monotonic() - started >= 0.2
    assert response.status_code == 200
    assert response.json()["calendarId"] == "calendar-96b8-4c74-8277-7953e0b4604a"


def test_a_delay_with_a_status_delays_the_fault(app: FakeApp, client: TestClient) -> None:
    app.faults.inject(status=504, delay=0.15)
    started = time.monotonic()
    response = client.get(DOORAY_CALENDARS, headers=DOORAY_AUTH)
    assert time.monotonic() - started >= 0.15
    assert_dooray_error(response, 504, -500)  # no documented 504 code: the 5xx one


def test_a_faulted_write_changes_nothing(app: FakeApp, client: TestClient) -> None:
    app.faults.inject(status=503, operation="lineworks:createEvent")
    assert_lineworks_error(
        client.post(LW_EVENTS, json=event_body("faulted"), headers=LW_AUTH), 503, "INTERNAL_SERVER_ERROR"
    )
    assert client.get(f"{LW_EVENTS}/faulted", headers=LW_AUTH).status_code == 404
    assert client.post(LW_EVENTS, json=event_body("faulted"), headers=LW_AUTH).status_code == 201


# Over HTTP ---------------------------------------------------------------------------------------------


def test_http_camel_case_fault(app: FakeApp, client: TestClient) -> None:
    sent = {
        "status": 503,
        "times": 2,
        "operation": "dooray:listCalendars",
        "retryAfter": "3",
        "contentType": "text/plain",
        "body": "maintenance",
    }
    response = client.post(FAULTS, json=sent)
    assert response.status_code == 201
    (queued,) = response.json()["faults"]
    assert queued == {
        "status": 503,
        "times": 2,
        "operation": "dooray:listCalendars",
        "retry_after": "3",
        "headers": {},
        "body": "maintenance",
        "content_type": "text/plain",
        "delay": 0.0,
    }
    assert lw_events(client).status_code == 200  # another operation
    for _ in range(2):
        faulted = client.get(DOORAY_CALENDARS, headers=DOORAY_AUTH)
        assert (faulted.status_code, faulted.text) == (503, "maintenance")
        assert faulted.headers["Retry-After"] == "3"
    assert client.get(DOORAY_CALENDARS, headers=DOORAY_AUTH).status_code == 200


def test_http_snake_case_faults_as_a_list(app: FakeApp, client: TestClient) -> None:
    sent = [
        {"status": 500, "operation": "getDefaultCalendar", "retry_after": 1},
        {"status": 502, "operation": "getDefaultCalendar", "content_type": "text/html", "body": "<p>x</p>"},
    ]
    response = client.post(FAULTS, json=sent)
    assert response.status_code == 201
    assert [f["status"] for f in response.json()["faults"]] == [500, 502]
    first = client.get(LW_DEFAULT, headers=LW_AUTH)
    assert_lineworks_error(first, 500, "INTERNAL_SERVER_ERROR")
    assert first.headers["Retry-After"] == "1"
    second = client.get(LW_DEFAULT, headers=LW_AUTH)
    assert (second.status_code, second.text) == (502, "<p>x</p>")
    assert client.get(LW_DEFAULT, headers=LW_AUTH).status_code == 200


def test_http_get_lists_pending_faults_and_delete_clears_them(app: FakeApp, client: TestClient) -> None:
    assert client.get(FAULTS).json() == {"faults": []}
    client.post(FAULTS, json={"status": 503, "times": 3, "operation": "getDefaultCalendar"})
    client.post(FAULTS, json={"delay": 0.01})
    assert client.get(LW_DEFAULT, headers=LW_AUTH).status_code == 503
    listed = client.get(FAULTS)
    assert listed.status_code == 200
    assert [(f["status"], f["times"], f["delay"]) for f in listed.json()["faults"]] == [
        (503, 2, 0.0),
        (None, 1, 0.01),
    ]
    cleared = client.delete(FAULTS)
    assert cleared.status_code == 204 and cleared.content == b""
    assert client.get(FAULTS).json() == {"faults": []}
    assert app.faults.pending() == []
    assert client.get(LW_DEFAULT, headers=LW_AUTH).status_code == 200


@pytest.mark.parametrize(
    "content",
    [
        b'{"status": 503, "stauts": 500}',  # unknown field
        b'{"status": 42}',
        b'{"status": 503, "times": 0}',
        b'{"status": "503"}',
        b'{"status": 503, "delay": 301}',
        b'{"status": 503, "retryAfter": [1]}',
        b'{"status": 503, "headers": {"Bad Name": "x"}}',
        b'{"status": 503, "operation": "noSuchOperation"}',
        b'{"status": 304, "body": "x"}',
        b"42",  # not an object
        b'"status"',
        b"[42]",
        b'[{"status": 503}, {"status": 42}]',  # the good one is not queued either
        b"{not json",
        b"\xff\xfe",
        b"{}",
    ],
)
def test_http_bad_control_input_is_400_with_a_message_and_queues_nothing(
    client: TestClient, content: bytes
) -> None:
    response = client.post(FAULTS, content=content, headers={"Content-Type": "application/json"})
    assert response.status_code == 400, response.text
    assert response.headers["content-type"] == "application/json"
    message = response.json()["error"]
    assert isinstance(message, str) and message
    assert client.get(FAULTS).json() == {"faults": []}
    assert client.get(LW_DEFAULT, headers=LW_AUTH).status_code == 200


def test_http_error_messages_say_what_is_wrong(client: TestClient) -> None:
    assert "stauts" in client.post(FAULTS, json={"stauts": 503}).json()["error"]
    assert "status" in client.post(FAULTS, json={"status": 42}).json()["error"]
    assert "times" in client.post(FAULTS, json={"status": 503, "times": 0}).json()["error"]
    assert "object" in client.post(FAULTS, json=7).json()["error"]


def test_control_endpoints_health_unknown_and_methods(client: TestClient) -> None:
    health = client.get("/_calspec/health")
    assert (health.status_code, health.json()) == (200, {"status": "ok"})
    for path in ("/_calspec/x", "/_calspec", "/_calspec/faults/1"):
        unknown = client.get(path)
        assert unknown.status_code == 404
        assert unknown.headers["content-type"] == "application/json"
        assert "/_calspec/faults" in unknown.json()["error"]
    wrong = client.put(FAULTS, json={"status": 503})
    assert wrong.status_code == 405
    assert wrong.headers["Allow"] == "GET, POST, DELETE"
    assert client.get(FAULTS).json() == {"faults": []}


# Where a fault sits in the pipeline -----------------------------------------------------------------


def test_a_fault_answers_before_the_token_is_checked_and_is_used_up(app: FakeApp, client: TestClient) -> None:
    """route -> fault -> token: like a proxy's answer, a fault comes whatever the token."""
    app.faults.inject(status=503, operation="getDefaultCalendar")
    assert_lineworks_error(client.get(LW_DEFAULT), 503, "INTERNAL_SERVER_ERROR")  # no token at all
    assert app.faults.pending() == []
    assert_lineworks_error(client.get(LW_DEFAULT), 401, "UNAUTHORIZED")  # used up: auth again
    app.faults.inject(status=503, operation="getDefaultCalendar")
    bad = {"Authorization": "Bearer not-a-token"}
    assert client.get(LW_DEFAULT, headers=bad).status_code == 503
    assert client.get(LW_DEFAULT, headers=bad).status_code == 401


def test_a_fault_answers_before_validation(app: FakeApp, client: TestClient) -> None:
    app.faults.inject(status=503, operation="lineworks:listEvents")
    assert client.get(LW_EVENTS, headers=LW_AUTH).status_code == 503  # no window: would be 400
    assert_lineworks_error(client.get(LW_EVENTS, headers=LW_AUTH), 400, "MISSING_PARAMETER")


def test_a_delay_only_fault_still_checks_the_token_and_scope(app: FakeApp, client: TestClient) -> None:
    app.faults.inject(delay=0.01, times=2)
    assert_lineworks_error(client.get(LW_DEFAULT), 401, "UNAUTHORIZED")
    readonly = {"Authorization": "Bearer lw-demo-readonly"}
    response = client.post(LW_EVENTS, json=event_body("scoped"), headers=readonly)
    assert_lineworks_error(response, 403, "FORBIDDEN")
    assert app.faults.pending() == []


def test_unknown_routes_and_methods_are_not_faulted_and_leave_the_fault(
    app: FakeApp, client: TestClient
) -> None:
    app.faults.inject(status=503)
    assert_lineworks_error(client.get("/v1.0/nowhere", headers=LW_AUTH), 404, "NOT_FOUND")
    assert client.put(LW_DEFAULT, headers=LW_AUTH).status_code == 405
    assert client.post("/oauth2/v2.0/token", data={}).status_code == 400  # the token endpoint: no fault
    assert client.get("/_calspec/health").status_code == 200
    assert len(app.faults.pending()) == 1
    assert client.get(LW_DEFAULT, headers=LW_AUTH).status_code == 503


def test_fault_answers_are_not_counted_as_spec_violations(app: FakeApp, client: TestClient) -> None:
    """`check_responses` checks the fake's own answers; an injected one is off the spec on purpose
    (the `app` fixture fails the test if any answer was recorded as a violation)."""
    app.faults.inject(status=418, body="teapot", content_type="text/plain")
    assert client.get(LW_DEFAULT, headers=LW_AUTH).status_code == 418
    assert app.violations == []
