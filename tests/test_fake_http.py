"""The fake's HTTP hygiene: routing, 404/405, auth, validation errors in each provider's format."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from starlette.testclient import TestClient

from calspec.fake.app import FakeApp

LW = "/v1.0/users/userf7da-f82c-4284-13e7-030f3b4c756x/calendars/calendar-96b8-4c74-8277-7953e0b4604a/events"
LW_AUTH = {"Authorization": "Bearer lw-demo-token"}
LW_WINDOW = {"fromDateTime": "2021-12-01T00:00:00+09:00", "untilDateTime": "2021-12-31T00:00:00+09:00"}
DOORAY_AUTH = {"Authorization": "dooray-api dooray-demo-token"}
DOORAY_WINDOW = {"timeMin": "2020-08-01T00:00:00+09:00", "timeMax": "2020-09-01T00:00:00+09:00"}


def event(summary: str = "x", **extra: Any) -> dict[str, Any]:
    return {
        "eventComponents": [
            {
                "summary": summary,
                "start": {"dateTime": "2021-12-20T10:00:00", "timeZone": "Asia/Seoul"},
                "end": {"dateTime": "2021-12-20T11:00:00", "timeZone": "Asia/Seoul"},
                **extra,
            }
        ]
    }


def lw_count(client: TestClient) -> int:
    response = client.get(LW, params=LW_WINDOW, headers=LW_AUTH)
    assert response.status_code == 200
    return len(response.json()["events"])


def assert_lineworks_error(response: Any, status: int, code: str) -> None:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert set(body) == {"code", "description"}
    assert body["code"] == code


def assert_dooray_error(response: Any, status: int) -> None:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert body["result"] is None
    assert body["header"]["isSuccessful"] is False
    assert body["header"]["resultCode"] == -status
    assert isinstance(body["header"]["resultMessage"], str) and body["header"]["resultMessage"]


# Routing -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "path", "allow"),
    [
        ("DELETE", LW, "GET, POST"),
        ("PUT", LW, "GET, POST"),
        ("OPTIONS", LW, "GET, POST"),
        ("PUT", "/calendar/v1/calendars", "GET, POST"),
        ("POST", "/calendar/v1/calendars/*/events", "GET"),
        ("PUT", "/calendar/v1/calendars/1", "GET, DELETE"),
        ("PATCH", "/calendar/v1/calendars/1/events/1", "GET, PUT"),
        ("GET", "/calendar/v1/calendars/1/events", "POST"),
        ("GET", "/calendar/v1/calendars/1/events/1/delete", "POST"),
        ("GET", "/calendar/v1/calendars/1/members", "PUT"),
        ("PUT", "/v1.0/calendars", "POST"),
        ("POST", "/v1.0/calendars/c", "GET, DELETE, PATCH"),
        ("GET", "/v1.0/users/me/calendars/c", "DELETE"),
        ("POST", "/v1.0/users/me/calendar-personals/c", "GET, PATCH"),
        ("POST", LW + "/e", "GET, PUT, DELETE"),
    ],
)
def test_wrong_method_is_405_with_exact_allow(client: TestClient, method: str, path: str, allow: str) -> None:
    response = client.request(method, path, headers={**LW_AUTH, **DOORAY_AUTH})
    assert response.status_code == 405
    assert response.headers["allow"] == allow
    assert response.headers["content-type"] == "application/json"


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/v1.0",
        "/v1.0/users/me/calendars",
        LW + "/",
        "/v1.0/users//calendars/c/events",
        "/calendar/v1/calendars/",
        "/calendar/v1/nothing",
        "/calendar/v1/calendars/1/events/1/delete/x",
        "/elsewhere/%00",
    ],
)
def test_unknown_paths_get_a_json_404_in_the_provider_format(client: TestClient, path: str) -> None:
    response = client.get(path, headers=LW_AUTH)
    assert response.status_code == 404
    if path.startswith("/calendar/"):
        assert_dooray_error(response, 404)
    else:
        assert_lineworks_error(response, 404, "NOT_FOUND")


@pytest.mark.parametrize("odd", ["a%0Ab", "%00", "%2F", "a%2Fb", "%E2%9C%93", "%FF%FE", "%2E%2E", "%20"])
def test_odd_ids_get_json_answers(client: TestClient, odd: str) -> None:
    response = client.get(f"/calendar/v1/calendars/{odd}", headers=DOORAY_AUTH)
    assert_dooray_error(response, 404)
    response = client.get(f"/calendar/v1/calendars/1/events/{odd}", headers=DOORAY_AUTH)
    assert_dooray_error(response, 404)
    response = client.get(f"/v1.0/users/me/calendars/{odd}/events", params=LW_WINDOW, headers=LW_AUTH)
    assert_lineworks_error(response, 404, "NOT_FOUND")


def test_literal_star_route_wins_over_the_template(client: TestClient) -> None:
    response = client.get("/calendar/v1/calendars/*/events", params=DOORAY_WINDOW, headers=DOORAY_AUTH)
    assert response.status_code == 200
    assert response.json()["header"]["isSuccessful"] is True
    # The same literal, percent-encoded, is the same route.
    encoded = client.get("/calendar/v1/calendars/%2A/events", params=DOORAY_WINDOW, headers=DOORAY_AUTH)
    assert encoded.json() == response.json()


def test_percent_encoded_slash_stays_inside_an_id(client: TestClient) -> None:
    """`a%2Fb` is one id, so the path still matches the events route (and the calendar is unknown)."""
    response = client.get("/v1.0/users/me/calendars/a%2Fb/events", params=LW_WINDOW, headers=LW_AUTH)
    assert_lineworks_error(response, 404, "NOT_FOUND")
    assert response.json()["description"] == "Calendar not found"


# Auth --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": "Bearer nope"},
        {"Authorization": "lw-demo-token"},
        {"Authorization": "Basic lw-demo-token"},
        {"Authorization": "Bearer "},
        {"Authorization": "dooray-api lw-demo-token"},
    ],
)
def test_lineworks_without_a_valid_token_is_401(client: TestClient, headers: dict[str, str]) -> None:
    response = client.get(LW, params=LW_WINDOW, headers=headers)
    assert_lineworks_error(response, 401, "UNAUTHORIZED")
    assert "lw-demo-token" not in response.text


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": "dooray-api nope"},
        {"Authorization": "Bearer dooray-demo-token"},
        {"Authorization": "dooray-api"},
    ],
)
def test_dooray_without_a_valid_token_is_401(client: TestClient, headers: dict[str, str]) -> None:
    assert_dooray_error(client.get("/calendar/v1/calendars", headers=headers), 401)


def test_lineworks_token_is_not_a_dooray_token(client: TestClient) -> None:
    response = client.get("/calendar/v1/calendars", headers={"Authorization": "dooray-api lw-demo-token"})
    assert_dooray_error(response, 401)


def test_read_only_token_may_list_but_not_create(client: TestClient) -> None:
    readonly = {"Authorization": "Bearer lw-demo-readonly"}
    assert client.get(LW, params=LW_WINDOW, headers=readonly).status_code == 200
    before = lw_count(client)
    response = client.post(LW, json=event(), headers=readonly)
    assert_lineworks_error(response, 403, "FORBIDDEN")
    assert lw_count(client) == before


def test_auth_comes_before_validation(client: TestClient) -> None:
    """No token and a bad body: 401, not 400 (schemathesis' missing-auth probes rely on it)."""
    response = client.post(LW, content=b"{", headers={"Content-Type": "application/json"})
    assert_lineworks_error(response, 401, "UNAUTHORIZED")


def test_tokens_never_reach_the_log(client: TestClient, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    client.get(LW, params=LW_WINDOW, headers=LW_AUTH)
    client.post(LW, json=event(), headers={"Authorization": "Bearer lw-demo-readonly"})
    assert "lw-demo" not in caplog.text


# Validation --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "content_type", "code"),
    [
        (b"{", "application/json", "BAD_REQUEST"),
        (b"\xff\xfe{}", "application/json", "BAD_REQUEST"),
        (b"", "application/json", "BAD_REQUEST"),
        (
            b'{"eventComponents": [{"summary": "x", "start": {"date": "2021-12-01"}}]}',
            "text/plain",
            "BAD_REQUEST",
        ),
        (b"[]", "application/json", "INVALID_PARAMETER"),
        (b"NaN", "application/json", "BAD_REQUEST"),
        (b'{"eventComponents": []}', "application/json", "INVALID_PARAMETER"),
        (b'{"eventComponents": [{"summary": "x"}]}', "application/json", "INVALID_PARAMETER"),
        (
            b'{"eventComponents": [{"summary": "x", "start": {"date": "2021-12-01"}, "bogus": 1}]}',
            "application/json",
            "INVALID_PARAMETER",
        ),
        (
            b'{"eventComponents": [{"summary": "x", "start": {"dateTime": "2021-12-01T10:00"}}]}',
            "application/json",
            "INVALID_PARAMETER",
        ),
        (
            b'{"eventComponents": [{"summary": "x", "start": {"date": "2021-02-30"}}]}',
            "application/json",
            "INVALID_PARAMETER",
        ),
    ],
)
def test_bad_create_bodies_are_400_and_change_nothing(
    client: TestClient, content: bytes, content_type: str, code: str
) -> None:
    before = lw_count(client)
    response = client.post(LW, content=content, headers={**LW_AUTH, "Content-Type": content_type})
    assert_lineworks_error(response, 400, code)
    assert lw_count(client) == before


@pytest.mark.parametrize(
    ("params", "code"),
    [
        ({"fromDateTime": "2021-12-01T00:00:00+09:00"}, "MISSING_PARAMETER"),
        ({}, "MISSING_PARAMETER"),
        (
            {"fromDateTime": "2021-12-01T00:00:00", "untilDateTime": "2021-12-02T00:00:00+09:00"},
            "INVALID_PARAMETER",
        ),
        ({"fromDateTime": "2021-12-01", "untilDateTime": "2021-12-02T00:00:00+09:00"}, "INVALID_PARAMETER"),
        (
            {"fromDateTime": "2021-12-01 00:00:00+09:00", "untilDateTime": "2021-12-02T00:00:00+09:00"},
            "INVALID_PARAMETER",
        ),
        (
            {"fromDateTime": "2021-13-01T00:00:00+09:00", "untilDateTime": "2021-12-02T00:00:00+09:00"},
            "INVALID_PARAMETER",
        ),
    ],
)
def test_bad_list_queries_are_400(client: TestClient, params: dict[str, str], code: str) -> None:
    assert_lineworks_error(client.get(LW, params=params, headers=LW_AUTH), 400, code)


def test_unencoded_plus_in_the_offset_is_rejected(client: TestClient) -> None:
    """`+` in a query means a space; LINE WORKS wants `%2B`."""
    query = "fromDateTime=2021-12-01T00:00:00+09:00&untilDateTime=2021-12-02T00:00:00%2B09:00"
    response = client.get(f"{LW}?{query}", headers=LW_AUTH)
    assert_lineworks_error(response, 400, "INVALID_PARAMETER")


def test_repeated_query_parameter_is_400(client: TestClient) -> None:
    query = (
        "timeMin=2020-08-01T00:00:00%2B09:00&timeMin=2020-08-02T00:00:00%2B09:00&timeMax=2020-09-01T00:00:00Z"
    )
    assert_dooray_error(client.get(f"/calendar/v1/calendars/*/events?{query}", headers=DOORAY_AUTH), 400)


def test_non_utf8_query_is_400(client: TestClient) -> None:
    query = "timeMin=%FF&timeMax=2020-09-01T00:00:00Z"
    assert_dooray_error(client.get(f"/calendar/v1/calendars/*/events?{query}", headers=DOORAY_AUTH), 400)


@pytest.mark.parametrize(
    "params",
    [
        {"page": "x"},
        {"page": "-1"},
        {"size": "0"},
        {"size": "1.5"},
        {"page": "99999999999"},
    ],
)
def test_dooray_bad_paging_is_400(client: TestClient, params: dict[str, str]) -> None:
    assert_dooray_error(client.get("/calendar/v1/calendars", params=params, headers=DOORAY_AUTH), 400)


@pytest.mark.parametrize(
    "params",
    [
        {"timeMin": "2020-08-01T00:00:00+09:00"},
        {**DOORAY_WINDOW, "postType": "everyone"},
        {**DOORAY_WINDOW, "category": "task"},
        {**DOORAY_WINDOW, "calendars": "1,,2"},
        {**DOORAY_WINDOW, "calendars": ""},
        {"timeMin": "2020-08-01T00:00:00+09:00", "timeMax": "2020-07-01T00:00:00+09:00"},
        {"timeMin": "2020-01-01T00:00:00+09:00", "timeMax": "2021-01-02T00:00:00+09:00"},
    ],
)
def test_dooray_bad_event_queries_are_400(client: TestClient, params: dict[str, str]) -> None:
    assert_dooray_error(
        client.get("/calendar/v1/calendars/*/events", params=params, headers=DOORAY_AUTH), 400
    )


def test_unexpected_errors_are_json_500_without_a_traceback(
    app: FakeApp, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def boom(ctx: Any) -> tuple[int, Any]:
        raise RuntimeError("secret internals")

    monkeypatch.setitem(app.handlers, "dooray:listCalendars", boom)
    response = TestClient(app).get("/calendar/v1/calendars", headers=DOORAY_AUTH)
    assert_dooray_error(response, 500)
    assert "secret internals" not in response.text and "Traceback" not in response.text
    assert "secret internals" in caplog.text
