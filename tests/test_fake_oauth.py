"""The LINE WORKS token endpoint (calspec/fake/oauth.py) and what its tokens may do
(calspec/fake/lineworks/access.py `resolve_user`, calspec/fake/auth.py expiry)."""

from __future__ import annotations

import json
import shutil
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from starlette.testclient import TestClient

from calspec.core.providers import FIXTURES_DIR
from calspec.fake.app import FakeApp, create_app

TOKEN_URL = "/oauth2/v2.0/token"
JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer"
CLIENT_ID = "demo-client-id"
CLIENT_SECRET = "demo-client-secret"
SERVICE_ACCOUNT = "demo.serviceaccount@example.com"
PRIVATE_KEY = (FIXTURES_DIR / "lineworks-demo-service-account.pem").read_text(encoding="utf-8")
REFRESH_TOKEN = "lw-demo-refresh-token"
USER1 = "userf7da-f82c-4284-13e7-030f3b4c756x"
USER2 = "user2b3c-4d5e-46f7-8a9b-0c1d2e3f4a5x"
USER1_DEFAULT = "calendar-96b8-4c74-8277-7953e0b4604a"
USER2_DEFAULT = "calendar-2d4e-4a1b-9c3d-5e6f7a8b9c0d"


def claims(now: float | None = None, **changes: Any) -> dict[str, Any]:
    issued = int(time.time() if now is None else now)
    return {"iss": CLIENT_ID, "sub": SERVICE_ACCOUNT, "iat": issued, "exp": issued + 3600, **changes}


def assertion(now: float | None = None, key: str = PRIVATE_KEY, **changes: Any) -> str:
    return jwt.encode(claims(now, **changes), key, algorithm="RS256")


def jwt_form(scope: str = "calendar", now: float | None = None, **changes: str) -> dict[str, str]:
    return {
        "grant_type": JWT_BEARER,
        "client_id": CLIENT_ID,
        "client_secret": CLIENT_SECRET,
        "scope": scope,
        "assertion": assertion(now),
        **changes,
    }


def refresh_form(token: str = REFRESH_TOKEN, **changes: str) -> dict[str, str]:
    return {
        "grant_type": "refresh_token",
        "client_id": CLIENT_ID,
        "client_secret": CLIENT_SECRET,
        "refresh_token": token,
        **changes,
    }


def issue(client: TestClient, form: dict[str, str]) -> dict[str, Any]:
    response = client.post(TOKEN_URL, data=form)
    assert response.status_code == 200, response.text
    answer: dict[str, Any] = response.json()
    return answer


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def assert_lineworks_error(response: Any, status: int, code: str) -> None:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"code", "description"}
    assert body["code"] == code


def another_key() -> str:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode("ascii")


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2021, 12, 13, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


# The jwt-bearer grant -----------------------------------------------------------------------------------


def test_jwt_bearer_grant_answers_a_token(client: TestClient) -> None:
    response = client.post(TOKEN_URL, data=jwt_form())
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.headers["Cache-Control"] == "no-store"
    answer = response.json()
    assert answer["token_type"] == "Bearer"
    assert answer["expires_in"] == 3600
    assert answer["scope"] == "calendar"
    assert isinstance(answer["access_token"], str) and answer["access_token"]
    assert isinstance(answer["refresh_token"], str) and answer["refresh_token"] != REFRESH_TOKEN
    assert issue(client, jwt_form())["access_token"] != answer["access_token"]  # each grant a new one


def test_the_scope_is_what_was_asked(client: TestClient) -> None:
    assert issue(client, jwt_form(scope="calendar.read calendar"))["scope"] == "calendar calendar.read"
    assert issue(client, jwt_form(scope="calendar.read"))["scope"] == "calendar.read"


def test_a_service_account_token_reads_any_users_calendars_by_id_or_email(client: TestClient) -> None:
    token = bearer(issue(client, jwt_form())["access_token"])
    for user in (USER2, "user2@example.com", "USER2@example.com"):
        response = client.get(f"/v1.0/users/{user}/calendar", headers=token)
        assert response.status_code == 200, response.text
        assert response.json()["calendarId"] == USER2_DEFAULT
    assert client.get(f"/v1.0/users/{USER1}/calendar", headers=token).json()["calendarId"] == USER1_DEFAULT
    personals = client.get(f"/v1.0/users/{USER2}/calendar-personals", headers=token)
    assert personals.status_code == 200
    assert USER2_DEFAULT in [c["calendarId"] for c in personals.json()["calendarPersonals"]]
    # A user's token may not do that.
    assert_lineworks_error(
        client.get(f"/v1.0/users/{USER2}/calendar", headers=bearer("lw-demo-token")), 403, "ACCESS_DENIED"
    )


def test_a_service_account_token_is_no_user_of_its_own(client: TestClient) -> None:
    token = bearer(issue(client, jwt_form())["access_token"])
    me = client.get("/v1.0/users/me/calendar", headers=token)
    assert_lineworks_error(me, 400, "INVALID_PARAMETER")
    assert "me" in me.json()["description"]
    for unknown in ("user0000-0000-0000-0000-000000000000", "nobody@example.com", SERVICE_ACCOUNT):
        assert_lineworks_error(client.get(f"/v1.0/users/{unknown}/calendar", headers=token), 404, "NOT_FOUND")


def test_a_service_account_writes_as_the_user_it_names(client: TestClient) -> None:
    token = bearer(issue(client, jwt_form())["access_token"])
    body = {
        "eventComponents": [
            {
                "eventId": "by-service-account",
                "summary": "booked for user2",
                "start": {"dateTime": "2021-12-20T10:00:00", "timeZone": "Asia/Seoul"},
                "end": {"dateTime": "2021-12-20T11:00:00", "timeZone": "Asia/Seoul"},
            }
        ]
    }
    created = client.post(f"/v1.0/users/{USER2}/calendar/events", json=body, headers=token)
    assert created.status_code == 201, created.text
    assert created.json()["organizerCalendarId"] == USER2_DEFAULT
    seen = client.get("/v1.0/users/me/calendar/events/by-service-account", headers=bearer("lw-other-token"))
    assert seen.status_code == 200
    assert seen.json()["eventComponents"][0]["summary"] == "booked for user2"


def test_a_read_only_service_account_token_cannot_write(client: TestClient) -> None:
    token = bearer(issue(client, jwt_form(scope="calendar.read"))["access_token"])
    assert client.get(f"/v1.0/users/{USER2}/calendar", headers=token).status_code == 200
    response = client.post(
        f"/v1.0/users/{USER2}/calendars/{USER2_DEFAULT}/events", json={"eventComponents": []}, headers=token
    )
    assert_lineworks_error(response, 403, "FORBIDDEN")
    assert_lineworks_error(
        client.post("/v1.0/calendars", json={"calendarName": "x"}, headers=token), 403, "FORBIDDEN"
    )


# Errors ---------------------------------------------------------------------------------------------------


def without(form: dict[str, str], name: str) -> dict[str, str]:
    return {k: v for k, v in form.items() if k != name}


ERRORS: list[tuple[str, Any, int, str]] = [
    ("no grant_type", lambda: without(jwt_form(), "grant_type"), 400, "invalid_request"),
    ("unknown grant type", lambda: jwt_form(grant_type="password"), 400, "unsupported_grant_type"),
    ("client_credentials", lambda: jwt_form(grant_type="client_credentials"), 400, "unsupported_grant_type"),
    ("wrong client secret", lambda: jwt_form(client_secret="not-the-secret"), 401, "invalid_client"),
    ("unknown client", lambda: jwt_form(client_id="someone-else"), 401, "invalid_client"),
    ("no client secret", lambda: without(jwt_form(), "client_secret"), 400, "invalid_request"),
    ("no assertion", lambda: without(jwt_form(), "assertion"), 400, "invalid_request"),
    ("not a JWT", lambda: jwt_form(assertion="not.a.jwt"), 400, "invalid_grant"),
    ("another key", lambda: jwt_form(assertion=assertion(key=another_key())), 400, "invalid_grant"),
    (
        "HS256, not RS256",
        lambda: jwt_form(assertion=jwt.encode(claims(), "a-shared-secret-of-32-bytes-or-more!", "HS256")),
        400,
        "invalid_grant",
    ),
    ("wrong iss", lambda: jwt_form(assertion=assertion(iss="other-client")), 400, "invalid_grant"),
    ("unknown sub", lambda: jwt_form(assertion=assertion(sub="nobody@example.com")), 400, "invalid_grant"),
    ("a user as sub", lambda: jwt_form(assertion=assertion(sub="user1@example.com")), 400, "invalid_grant"),
    (
        "expired",
        lambda: jwt_form(assertion=assertion(now=time.time() - 7200, exp=int(time.time()) - 3600)),
        400,
        "invalid_grant",
    ),
    (
        "issued in the future",
        lambda: jwt_form(assertion=assertion(now=time.time() + 600)),
        400,
        "invalid_grant",
    ),
    (
        "exp over an hour after iat",
        lambda: jwt_form(assertion=assertion(exp=int(time.time()) + 3601)),
        400,
        "invalid_grant",
    ),
    ("exp before iat", lambda: jwt_form(assertion=assertion(exp=int(time.time()) - 1)), 400, "invalid_grant"),
    ("iat not a number", lambda: jwt_form(assertion=assertion(iat="yesterday")), 400, "invalid_grant"),
    (
        "no exp",
        lambda: jwt_form(assertion=jwt.encode(without(claims(), "exp"), PRIVATE_KEY, "RS256")),
        400,
        "invalid_grant",
    ),
    ("no scope", lambda: without(jwt_form(), "scope"), 400, "invalid_scope"),
    ("blank scope", lambda: jwt_form(scope="  "), 400, "invalid_scope"),
    ("no refresh token", lambda: without(refresh_form(), "refresh_token"), 400, "invalid_request"),
    ("unknown refresh token", lambda: refresh_form("lw-refresh-made-up"), 400, "invalid_grant"),
    ("refresh, wrong secret", lambda: refresh_form(client_secret="nope"), 401, "invalid_client"),
]


@pytest.mark.parametrize(("form", "status", "error"), [e[1:] for e in ERRORS], ids=[e[0] for e in ERRORS])
def test_refusals_are_rfc6749_errors_that_echo_no_secret(
    client: TestClient, form: Any, status: int, error: str
) -> None:
    sent: dict[str, str] = form()
    response = client.post(TOKEN_URL, data=sent)
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert set(body) == {"error", "error_description"}
    assert body["error"] == error
    assert isinstance(body["error_description"], str) and body["error_description"]
    for secret in (CLIENT_SECRET, sent.get("client_secret"), sent.get("assertion")):
        if secret:
            assert secret not in response.text
    for part in (sent.get("assertion") or "").split("."):
        if len(part) > 8:
            assert part not in response.text  # not even the assertion's header, claims or signature


def test_a_body_that_is_not_utf8_is_invalid_request(client: TestClient) -> None:
    response = client.post(
        TOKEN_URL, content=b"grant_type=\xff", headers={"Content-Type": "application/x-www-form-urlencoded"}
    )
    assert response.status_code == 400
    assert response.json()["error"] == "invalid_request"


def test_get_on_the_token_endpoint_is_405(client: TestClient) -> None:
    response = client.get(TOKEN_URL)
    assert response.status_code == 405
    assert response.headers["Allow"] == "POST"
    assert response.json()["error"] == "invalid_request"


def test_a_refused_grant_issues_nothing(app: FakeApp, client: TestClient) -> None:
    tokens_before = len(app.world.tokens.demo_tokens("lineworks"))
    refresh_before = dict(next(iter(app.token_endpoints.values())).refresh_tokens)
    client.post(TOKEN_URL, data=jwt_form(client_secret="wrong"))
    client.post(TOKEN_URL, data=without(jwt_form(), "scope"))
    assert len(app.world.tokens.demo_tokens("lineworks")) == tokens_before
    assert next(iter(app.token_endpoints.values())).refresh_tokens == refresh_before


# The refresh_token grant ---------------------------------------------------------------------------------


def test_refresh_token_works_once_and_rotates(client: TestClient) -> None:
    first = issue(client, refresh_form())
    assert first["token_type"] == "Bearer" and first["scope"] == "calendar"
    assert first["refresh_token"] != REFRESH_TOKEN
    # The token acts for the refresh token's user, as `me` too.
    calendar = client.get("/v1.0/users/me/calendar", headers=bearer(first["access_token"]))
    assert calendar.status_code == 200 and calendar.json()["calendarId"] == USER1_DEFAULT
    assert_lineworks_error(
        client.get(f"/v1.0/users/{USER2}/calendar", headers=bearer(first["access_token"])),
        403,
        "ACCESS_DENIED",
    )
    used = client.post(TOKEN_URL, data=refresh_form())
    assert (used.status_code, used.json()["error"]) == (400, "invalid_grant")
    assert REFRESH_TOKEN not in used.text
    second = issue(client, refresh_form(first["refresh_token"]))
    assert second["refresh_token"] not in (first["refresh_token"], REFRESH_TOKEN)
    assert client.post(TOKEN_URL, data=refresh_form(first["refresh_token"])).status_code == 400
    assert client.get("/v1.0/users/me/calendar", headers=bearer(second["access_token"])).status_code == 200


def test_a_service_accounts_refresh_token_gives_a_service_account_token(client: TestClient) -> None:
    granted = issue(client, jwt_form(scope="calendar.read"))
    refreshed = issue(client, refresh_form(granted["refresh_token"]))
    assert refreshed["scope"] == "calendar.read"
    token = bearer(refreshed["access_token"])
    assert client.get(f"/v1.0/users/{USER2}/calendar", headers=token).status_code == 200
    assert client.get("/v1.0/users/me/calendar", headers=token).status_code == 400


def test_another_apps_attempt_leaves_a_refresh_token_usable(tmp_path: Path) -> None:
    for name in ("dooray.json", "lineworks.json"):
        shutil.copy(FIXTURES_DIR / name, tmp_path / name)
    data = json.loads((tmp_path / "lineworks.json").read_text(encoding="utf-8"))
    data["apps"].append({**data["apps"][0], "clientId": "other-client", "clientSecret": "other-secret"})
    (tmp_path / "lineworks.json").write_text(json.dumps(data), encoding="utf-8")
    client = TestClient(create_app(fixtures_dir=tmp_path))
    refused = client.post(
        TOKEN_URL, data=refresh_form(client_id="other-client", client_secret="other-secret")
    )
    assert (refused.status_code, refused.json()["error"]) == (400, "invalid_grant")
    assert issue(client, refresh_form())["scope"] == "calendar"


# Lifetime -------------------------------------------------------------------------------------------------


def test_an_issued_token_expires_after_the_lifetime() -> None:
    clock = Clock()
    client = TestClient(create_app(token_lifetime=60, now=clock))
    answer = issue(client, jwt_form(now=clock.now.timestamp()))
    assert answer["expires_in"] == 60
    token = bearer(answer["access_token"])
    assert client.get(f"/v1.0/users/{USER2}/calendar", headers=token).status_code == 200
    clock.now += timedelta(seconds=59)
    assert client.get(f"/v1.0/users/{USER2}/calendar", headers=token).status_code == 200
    clock.now += timedelta(seconds=1)
    expired = client.get(f"/v1.0/users/{USER2}/calendar", headers=token)
    assert_lineworks_error(expired, 401, "UNAUTHORIZED")
    assert answer["access_token"] not in expired.text
    # Fixture tokens don't expire, and the refresh token still gets a new access token.
    assert client.get("/v1.0/users/me/calendar", headers=bearer("lw-demo-token")).status_code == 200
    renewed = issue(client, refresh_form(answer["refresh_token"]))
    assert (
        client.get(f"/v1.0/users/{USER2}/calendar", headers=bearer(renewed["access_token"])).status_code
        == 200
    )


def test_assertions_are_judged_by_the_fakes_clock() -> None:
    clock = Clock()  # 2021: an assertion signed now (years later) was issued in the future
    client = TestClient(create_app(now=clock))
    assert client.post(TOKEN_URL, data=jwt_form()).json()["error"] == "invalid_grant"
    assert issue(client, jwt_form(now=clock.now.timestamp()))["expires_in"] == 3600


@pytest.mark.parametrize("lifetime", [0, -1, True])
def test_a_lifetime_must_be_positive_seconds(lifetime: Any) -> None:
    with pytest.raises(ValueError):
        create_app(token_lifetime=lifetime)
