"""The generated clients as production code uses them, against the fake on a loopback port: errors
raised by class, timeouts, retries that honour the server's wait, and LINE WORKS OAuth.

Faults are injected into the fake (`app.faults`), so every path is real HTTP. Timing checks are
lower bounds (a retry waited at least what the server asked) or hang detectors, never speed goals.
"""

from __future__ import annotations

import asyncio
import datetime
import logging
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from dooray_calendar import AuthenticatedClient as DoorayClient
from dooray_calendar.api.calendars import list_calendars
from dooray_calendar.api.events import get_event as dooray_get_event
from lineworks_calendar import AuthenticatedClient as LineWorksClient
from lineworks_calendar import errors as lw_errors
from lineworks_calendar.api.calendars import get_default_calendar
from lineworks_calendar.api.events import create_event, get_event, list_events
from lineworks_calendar.auth import OAuthRefreshAuth, ServiceAccountAuth, TokenSet
from lineworks_calendar.models import CreateEventRequest, EventRequest, EventTimeInput
from lineworks_calendar.types import UNSET

from calspec.contract.loopback import serve
from calspec.core.providers import FIXTURES_DIR
from calspec.fake.app import FakeApp, create_app
from calspec.fake.limits import UVICORN_OPTIONS

USER = "userf7da-f82c-4284-13e7-030f3b4c756x"
OTHER_USER = "user2b3c-4d5e-46f7-8a9b-0c1d2e3f4a5x"
CALENDAR = "calendar-96b8-4c74-8277-7953e0b4604a"
KST = datetime.timezone(datetime.timedelta(hours=9))
DECEMBER = (datetime.datetime(2021, 12, 1, tzinfo=KST), datetime.datetime(2021, 12, 31, tzinfo=KST))
PRIVATE_KEY = (FIXTURES_DIR / "lineworks-demo-service-account.pem").read_text(encoding="utf-8")
CLIENT_ID, CLIENT_SECRET = "demo-client-id", "demo-client-secret"
SERVICE_ACCOUNT = "demo.serviceaccount@example.com"


class Clock:
    """A clock both the fake and the client's token cache read, moved by hand."""

    def __init__(self) -> None:
        self.offset = 0.0

    def monotonic(self) -> float:
        return time.monotonic() + self.offset

    def now(self) -> datetime.datetime:
        return datetime.datetime.now(datetime.UTC) + datetime.timedelta(seconds=self.offset)


@pytest.fixture(scope="module")
def served() -> Iterator[tuple[FakeApp, str]]:
    app = create_app(db=None)
    with serve(app, **UVICORN_OPTIONS) as url:
        yield app, url


@pytest.fixture
def fake(served: tuple[FakeApp, str]) -> Iterator[tuple[FakeApp, str]]:
    app, url = served
    app.faults.clear()
    yield app, url
    app.faults.clear()


def lw(url: str, token: str = "lw-demo-token", **options: Any) -> LineWorksClient:
    return LineWorksClient(base_url=f"{url}/v1.0", token=token, **options)


def dooray(url: str, token: str = "dooray-demo-token", **options: Any) -> DoorayClient:
    return DoorayClient(base_url=url, token=token, **options)


def december(client: LineWorksClient, calendar: str = CALENDAR) -> Any:
    return list_events.sync(
        USER, calendar, client=client, from_date_time=DECEMBER[0], until_date_time=DECEMBER[1]
    )


def new_event(event_id: str | None = None) -> CreateEventRequest:
    start = EventTimeInput(date_time=datetime.datetime(2021, 12, 20, 10, 0), time_zone="Asia/Seoul")
    end = EventTimeInput(date_time=datetime.datetime(2021, 12, 20, 11, 0), time_zone="Asia/Seoul")
    component = EventRequest(summary="runtime", start=start, end=end)
    if event_id is not None:
        component.event_id = event_id
    return CreateEventRequest(event_components=[component])


# Errors ----------------------------------------------------------------------------------------------


def test_success_returns_only_the_success_type(fake: tuple[FakeApp, str]) -> None:
    _, url = fake
    listed = december(lw(url))
    assert type(listed).__name__ == "EventList" and listed.events


@pytest.mark.parametrize(
    ("kind", "status", "code", "call"),
    [
        (lw_errors.AuthenticationError, 401, "UNAUTHORIZED", lambda url: december(lw(url, "wrong"))),
        (
            lw_errors.BadRequestError,
            400,
            "INVALID_PARAMETER",
            lambda url: list_events.sync(
                USER, CALENDAR, client=lw(url), from_date_time=DECEMBER[1], until_date_time=DECEMBER[0]
            ),
        ),
        (
            lw_errors.PermissionDeniedError,
            403,
            "FORBIDDEN",
            lambda url: create_event.sync(
                USER, CALENDAR, client=lw(url, "lw-demo-readonly"), body=new_event()
            ),
        ),
        (
            lw_errors.NotFoundError,
            404,
            "NOT_FOUND",
            lambda url: get_event.sync(USER, CALENDAR, "nope", client=lw(url)),
        ),
        (
            lw_errors.ConflictError,
            409,
            "ALREADY_EXIST",
            lambda url: create_event.sync(
                USER, CALENDAR, client=lw(url), body=new_event("event-fixture-timed")
            ),
        ),
    ],
)
def test_each_error_status_raises_its_class(
    fake: tuple[FakeApp, str], kind: type[lw_errors.ApiError], status: int, code: str, call: Any
) -> None:
    _, url = fake
    with pytest.raises(kind) as raised:
        call(url)
    error = raised.value
    assert isinstance(error, lw_errors.ApiError)
    assert (error.status_code, error.code) == (status, code)
    assert error.message and error.content and error.headers["content-type"] == "application/json"
    assert str(status) in str(error) and "lw-demo" not in str(error)


def test_dooray_errors_take_the_code_from_the_envelope(fake: tuple[FakeApp, str]) -> None:
    _, url = fake
    from dooray_calendar import errors as dooray_errors

    with pytest.raises(dooray_errors.NotFoundError) as raised:
        dooray_get_event.sync("1", "nope", client=dooray(url))
    assert (raised.value.status_code, raised.value.code) == (404, "-404")
    with pytest.raises(dooray_errors.AuthenticationError):
        list_calendars.sync(client=dooray(url, "wrong"))


def test_detailed_calls_return_the_response_for_every_status(fake: tuple[FakeApp, str]) -> None:
    _, url = fake
    response = get_event.sync_detailed(USER, CALENDAR, "nope", client=lw(url))
    assert response.status_code == 404
    assert response.parsed is not None and getattr(response.parsed, "code", None) == "NOT_FOUND"


@pytest.mark.parametrize("status", [500, 502, 503])
def test_a_gateway_page_raises_a_server_error_with_a_readable_message(
    fake: tuple[FakeApp, str], status: int
) -> None:
    app, url = fake
    page = f"<html><body><h1>{status} Bad Gateway</h1><p>nginx</p></body></html>"
    app.faults.inject(status=status, times=3, operation="listEvents", body=page)
    with pytest.raises(lw_errors.ServerError) as raised:
        december(lw(url, max_retries=2))
    assert raised.value.status_code == status and raised.value.code is None
    assert "not the API's JSON (text/html)" in raised.value.message and "Bad Gateway" in raised.value.message
    assert app.faults.pending() == []  # the GET was tried three times
    response = list_events.sync_detailed(
        USER, CALENDAR, client=lw(url), from_date_time=DECEMBER[0], until_date_time=DECEMBER[1]
    )
    assert response.status_code == 200


def test_an_empty_error_body_is_described(fake: tuple[FakeApp, str]) -> None:
    app, url = fake
    app.faults.inject(status=503, times=1, operation="getDefaultCalendar", body="", content_type="text/plain")
    with pytest.raises(lw_errors.ServerError) as raised:
        get_default_calendar.sync(USER, client=lw(url, max_retries=0))
    assert "empty body" in raised.value.message


# Retries ---------------------------------------------------------------------------------------------


def test_a_429_with_retry_after_is_retried_after_waiting(fake: tuple[FakeApp, str]) -> None:
    app, url = fake
    app.faults.inject(status=429, times=1, operation="listEvents", retry_after="1")
    started = time.monotonic()
    listed = december(lw(url))
    assert time.monotonic() - started >= 1.0
    assert listed.events


def test_a_429_with_an_http_date_is_honoured(fake: tuple[FakeApp, str]) -> None:
    app, url = fake
    when = datetime.datetime.now(datetime.UTC) + datetime.timedelta(seconds=2)
    app.faults.inject(
        status=429, times=1, operation="listEvents", retry_after=when.strftime("%a, %d %b %Y %H:%M:%S GMT")
    )
    started = time.monotonic()
    december(lw(url))
    assert time.monotonic() - started >= 0.9


@pytest.mark.anyio
async def test_async_calls_retry_the_same_way(fake: tuple[FakeApp, str]) -> None:
    app, url = fake
    app.faults.inject(status=429, times=1, operation="listEvents", retry_after="1")
    client = lw(url)
    started = time.monotonic()
    listed = await list_events.asyncio(
        USER, CALENDAR, client=client, from_date_time=DECEMBER[0], until_date_time=DECEMBER[1]
    )
    assert time.monotonic() - started >= 1.0 and listed.events
    app.faults.inject(status=429, times=3, operation="listEvents", retry_after="0")
    with pytest.raises(lw_errors.RateLimitError):
        await list_events.asyncio(
            USER, CALENDAR, client=client, from_date_time=DECEMBER[0], until_date_time=DECEMBER[1]
        )


def test_the_retry_budget_used_up_raises_rate_limit_error(fake: tuple[FakeApp, str]) -> None:
    app, url = fake
    app.faults.inject(status=429, times=5, operation="listEvents", retry_after="0")
    with pytest.raises(lw_errors.RateLimitError) as raised:
        december(lw(url, max_retries=2))
    assert raised.value.retry_after == 0.0
    assert app.faults.pending()[0]["times"] == 2  # 1 try + 2 retries


def test_a_wait_longer_than_the_cap_raises_at_once(fake: tuple[FakeApp, str]) -> None:
    app, url = fake
    app.faults.inject(status=429, times=1, operation="listEvents", retry_after="120")
    started = time.monotonic()
    with pytest.raises(lw_errors.RateLimitError) as raised:
        december(lw(url, max_retry_wait=60))
    assert raised.value.retry_after == 120.0
    assert time.monotonic() - started < 30  # a hang detector: it must not have slept 120 s


def test_a_post_that_gets_a_500_is_not_retried(fake: tuple[FakeApp, str]) -> None:
    app, url = fake
    app.faults.inject(status=500, times=2, operation="createEvent")
    with pytest.raises(lw_errors.ServerError):
        create_event.sync(USER, CALENDAR, client=lw(url), body=new_event())
    assert app.faults.pending()[0]["times"] == 1  # sent once


def test_a_post_that_gets_a_429_is_retried(fake: tuple[FakeApp, str]) -> None:
    app, url = fake
    app.faults.inject(status=429, times=1, operation="createEvent", retry_after="0")
    created = create_event.sync(USER, CALENDAR, client=lw(url), body=new_event())
    assert created.event_components[0].summary == "runtime"


def test_rate_limit_reset_is_honoured() -> None:
    """LINE WORKS says when its window resets in `rateLimit-reset`; the client waits that long."""
    app = create_app(db=None, rate_limits={"lineworks": {"limit": 1, "window-seconds": 1}})
    with serve(app, **UVICORN_OPTIONS) as url:
        client = lw(url)
        december(client)
        started = time.monotonic()
        december(client)  # over the limit: 429 with rateLimit-reset: 1, then allowed
        assert time.monotonic() - started >= 0.5


def test_retries_are_logged_without_the_token(
    fake: tuple[FakeApp, str], caplog: pytest.LogCaptureFixture
) -> None:
    app, url = fake
    app.faults.inject(status=503, times=1, operation="listEvents", retry_after="0")
    with caplog.at_level(logging.INFO, logger="lineworks_calendar"):
        december(lw(url, token="lw-demo-token"))
    lines = [record.getMessage() for record in caplog.records if record.name == "lineworks_calendar"]
    assert any("list_events" in line and "503" in line and "0.00 s" in line for line in lines), lines
    assert not any("lw-demo-token" in record.getMessage() for record in caplog.records)


# Timeouts and connection errors ------------------------------------------------------------------------


def test_a_read_that_never_answers_times_out_within_the_timeout(fake: tuple[FakeApp, str]) -> None:
    app, url = fake
    app.faults.inject(delay=5.0, times=1, operation="getDefaultCalendar")
    client = lw(url, timeout=httpx.Timeout(0.5), max_retries=0)
    started = time.monotonic()
    with pytest.raises(lw_errors.ApiTimeoutError):
        get_default_calendar.sync(USER, client=client)
    assert time.monotonic() - started < 4.0  # it gave up at the timeout, not after the server's 5 s


def test_the_default_timeout_is_finite() -> None:
    client = LineWorksClient(base_url="http://x", token="t")
    timeout = client.get_httpx_client().timeout
    assert (timeout.connect, timeout.read) == (10.0, 30.0)
    assert (client.max_retries, client.max_retry_wait) == (2, 60.0)


def test_a_refused_connection_is_retried_then_raised() -> None:
    client = lw("http://127.0.0.1:9", max_retries=1)  # nothing listens on the discard port
    with pytest.raises(lw_errors.ApiConnectionError):
        december(client)


# Auth --------------------------------------------------------------------------------------------------


def counted(client: LineWorksClient) -> list[str]:
    """The paths this client sends, token requests included."""
    paths: list[str] = []
    client.get_httpx_client().event_hooks["request"].append(lambda request: paths.append(request.url.path))
    return paths


def service_account(url: str, **options: Any) -> ServiceAccountAuth:
    return ServiceAccountAuth(
        CLIENT_ID,
        CLIENT_SECRET,
        service_account_id=SERVICE_ACCOUNT,
        private_key=PRIVATE_KEY,
        scopes=["calendar"],
        token_url=f"{url}/oauth2/v2.0/token",
        **options,
    )


def test_service_account_gets_a_token_and_caches_it(fake: tuple[FakeApp, str]) -> None:
    _, url = fake
    client = LineWorksClient(base_url=f"{url}/v1.0", auth=service_account(url))
    paths = counted(client)
    assert get_default_calendar.sync(OTHER_USER, client=client).calendar_id
    assert december(client).events
    assert paths.count("/oauth2/v2.0/token") == 1
    assert "demo-client-secret" not in repr(client.auth) and "PRIVATE" not in repr(client.auth)


def test_service_account_refreshes_on_expiry() -> None:
    clock = Clock()
    app = create_app(db=None, token_lifetime=600, now=clock.now)
    with serve(app, **UVICORN_OPTIONS) as url:
        client = LineWorksClient(base_url=f"{url}/v1.0", auth=service_account(url, clock=clock.monotonic))
        paths = counted(client)
        december(client)
        clock.offset += 601  # both the server and the cache see the token expire
        december(client)
        assert paths.count("/oauth2/v2.0/token") == 2


def test_service_account_refreshes_once_on_a_401() -> None:
    clock = Clock()
    app = create_app(db=None, token_lifetime=600, now=clock.now)
    with serve(app, **UVICORN_OPTIONS) as url:
        client = LineWorksClient(base_url=f"{url}/v1.0", auth=service_account(url))
        paths = counted(client)
        december(client)
        clock.offset += 601  # only the server sees the token expire: the client learns it from a 401
        december(client)
        assert paths.count("/oauth2/v2.0/token") == 2
        assert paths.count(f"/v1.0/users/{USER}/calendars/{CALENDAR}/events") == 3


def test_a_wrong_secret_raises_an_oauth_error_without_secrets(fake: tuple[FakeApp, str]) -> None:
    _, url = fake
    auth = ServiceAccountAuth(
        "demo-client-id",
        "not-the-secret",
        SERVICE_ACCOUNT,
        PRIVATE_KEY,
        ["calendar"],
        token_url=f"{url}/oauth2/v2.0/token",
    )
    from lineworks_calendar.auth import OAuthError

    with pytest.raises(OAuthError) as raised:
        december(LineWorksClient(base_url=f"{url}/v1.0", auth=auth))
    assert raised.value.code == "invalid_client" and isinstance(raised.value, lw_errors.AuthenticationError)
    assert "not-the-secret" not in str(raised.value)


@pytest.mark.anyio
async def test_twenty_concurrent_calls_with_a_cold_token_make_one_token_request(
    fake: tuple[FakeApp, str],
) -> None:
    _, url = fake
    client = LineWorksClient(base_url=f"{url}/v1.0", auth=service_account(url))
    paths: list[str] = []

    async def note(request: httpx.Request) -> None:
        paths.append(request.url.path)

    client.get_async_httpx_client().event_hooks["request"].append(note)
    results = await asyncio.gather(*(get_default_calendar.asyncio(USER, client=client) for _ in range(20)))
    assert all(result.calendar_id == CALENDAR for result in results)
    assert paths.count("/oauth2/v2.0/token") == 1


def test_concurrent_threads_make_one_token_request(fake: tuple[FakeApp, str]) -> None:
    _, url = fake
    client = LineWorksClient(base_url=f"{url}/v1.0", auth=service_account(url))
    paths = counted(client)
    threads = [
        threading.Thread(target=get_default_calendar.sync, args=(USER,), kwargs={"client": client})
        for _ in range(8)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert paths.count("/oauth2/v2.0/token") == 1


def test_oauth_refresh_rotates_the_refresh_token(fake: tuple[FakeApp, str]) -> None:
    _, url = fake
    stored: list[TokenSet] = []
    auth = OAuthRefreshAuth(
        CLIENT_ID,
        CLIENT_SECRET,
        refresh_token="lw-demo-refresh-token",
        on_refresh=stored.append,
        token_url=f"{url}/oauth2/v2.0/token",
    )
    client = LineWorksClient(base_url=f"{url}/v1.0", auth=auth)
    assert get_default_calendar.sync("me", client=client).calendar_id == CALENDAR
    assert len(stored) == 1 and stored[0].refresh_token and stored[0].refresh_token != "lw-demo-refresh-token"
    assert "lw-" not in repr(auth) and "lw-" not in repr(stored[0])
    # The rotated token works; the old one doesn't any more.
    again = OAuthRefreshAuth(
        CLIENT_ID, CLIENT_SECRET, refresh_token=stored[0].refresh_token, token_url=f"{url}/oauth2/v2.0/token"
    )
    assert get_default_calendar.sync(
        "me", client=LineWorksClient(base_url=f"{url}/v1.0", auth=again)
    ).calendar_id
    stale = OAuthRefreshAuth(
        CLIENT_ID, CLIENT_SECRET, refresh_token="lw-demo-refresh-token", token_url=f"{url}/oauth2/v2.0/token"
    )
    from lineworks_calendar.auth import OAuthError

    with pytest.raises(OAuthError):
        get_default_calendar.sync("me", client=LineWorksClient(base_url=f"{url}/v1.0", auth=stale))


def test_a_client_needs_a_token_or_an_auth() -> None:
    with pytest.raises(ValueError, match="token= or an auth="):
        LineWorksClient(base_url="http://x")


def test_unset_has_a_readable_repr() -> None:
    assert repr(UNSET) == "UNSET"


def test_the_dooray_hosts_are_named_constants() -> None:
    from dooray_calendar import servers

    assert servers.PRIVATE_CLOUD == servers.DEFAULT == "https://api.dooray.com"
    assert servers.PUBLIC_SECTOR == "https://api.gov-dooray.com"
    assert servers.PUBLIC_SECTOR_INTERNAL_NETWORK == "https://api.gov-dooray.co.kr"
    assert servers.FINANCIAL_SECTOR == "https://api.dooray.co.kr"
    assert len(servers.ALL) == 4
    assert DoorayClient(base_url=servers.FINANCIAL_SECTOR, token="t").prefix == "dooray-api"


def test_private_key_file_is_marked_test_only() -> None:
    assert PRIVATE_KEY.startswith("TEST ONLY.")
    assert Path(FIXTURES_DIR / "lineworks-demo-service-account.pem").stat().st_size < 4000
