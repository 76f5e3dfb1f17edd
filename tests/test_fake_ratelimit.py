"""Rate limits (calspec/fake/ratelimit.py): off by default; the numbers of each spec's
`x-calspec-rate-limit` when on, or smaller ones for tests; 429 in the provider's format."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from starlette.testclient import TestClient

from calspec.core.extensions import RateLimit
from calspec.core.providers import PROVIDERS
from calspec.fake.app import FakeApp, RateLimits, create_app
from calspec.fake.ratelimit import RateLimiter, limit_with

LW_USER = "/v1.0/users/userf7da-f82c-4284-13e7-030f3b4c756x"
LW_EVENTS = f"{LW_USER}/calendars/calendar-96b8-4c74-8277-7953e0b4604a/events"
LW_DEFAULT = f"{LW_USER}/calendar"
LW_AUTH = {"Authorization": "Bearer lw-demo-token"}
LW_OTHER = {"Authorization": "Bearer lw-other-token"}
LW_WINDOW = {"fromDateTime": "2021-12-01T00:00:00+09:00", "untilDateTime": "2021-12-31T00:00:00+09:00"}
DOORAY_CALENDARS = "/calendar/v1/calendars"
DOORAY_EVENTS = "/calendar/v1/calendars/*/events"
DOORAY_AUTH = {"Authorization": "dooray-api dooray-demo-token"}
DOORAY_OTHER = {"Authorization": "dooray-api dooray-other-token"}
DOORAY_WINDOW = {"timeMin": "2020-08-01T00:00:00+09:00", "timeMax": "2020-09-01T00:00:00+09:00"}


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def checked(rate_limits: RateLimits) -> Iterator[TestClient]:
    """A client of a fake with these limits whose every answer (429 included) must match the spec."""
    app = create_app(check_responses=True, rate_limits=rate_limits)
    yield TestClient(app)
    assert app.violations == []


@pytest.fixture
def documented() -> Iterator[TestClient]:
    yield from checked(True)


@pytest.fixture
def small() -> Iterator[TestClient]:
    # rate 0.01: no token comes back while a test runs, however slow the machine
    yield from checked(
        {"lineworks": {"limit": 2, "window-seconds": 60}, "dooray": {"burst": 2, "rate": 0.01}}
    )


def lw_events(client: TestClient, headers: dict[str, str] = LW_AUTH) -> Any:
    return client.get(LW_EVENTS, params=LW_WINDOW, headers=headers)


def rate_headers(response: Any) -> dict[str, str]:
    return {k.lower(): v for k, v in response.headers.items() if "ratelimit" in k.lower()}


def lw_event(event_id: str) -> dict[str, Any]:
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


# Off, and the documented numbers --------------------------------------------------------------------


def test_off_by_default(app: FakeApp, client: TestClient) -> None:
    assert app.rate_limiters == {}
    for _ in range(30):  # more than Dooray's burst of 20
        response = lw_events(client)
        assert response.status_code == 200
        assert rate_headers(response) == {}
        response = client.get(DOORAY_CALENDARS, headers=DOORAY_AUTH)
        assert response.status_code == 200
        assert rate_headers(response) == {}


def test_on_uses_the_documented_lineworks_numbers(documented: TestClient) -> None:
    first = lw_events(documented)
    assert first.status_code == 200
    assert first.headers["rateLimit-limit"] == "240"
    assert first.headers["rateLimit-remaining"] == "239"
    assert 0 < int(first.headers["rateLimit-reset"]) <= 60
    assert lw_events(documented).headers["rateLimit-remaining"] == "238"
    # Per operation: another operation has its own 240.
    assert documented.get(LW_DEFAULT, headers=LW_AUTH).headers["rateLimit-remaining"] == "239"


def test_on_uses_the_documented_dooray_numbers(documented: TestClient) -> None:
    first = documented.get(DOORAY_CALENDARS, headers=DOORAY_AUTH)
    assert first.status_code == 200
    assert first.headers["X-RateLimit-Burst-Capacity"] == "20"
    assert first.headers["X-RateLimit-Replenish-Rate"] == "5"
    assert first.headers["X-RateLimit-Requested-Tokens"] == "1"
    assert first.headers["X-RateLimit-Remaining"] == "19"
    assert "rateLimit-limit" not in first.headers


def test_the_documented_numbers_are_the_specs() -> None:
    lineworks, dooray = PROVIDERS["lineworks"].document.rate_limit, PROVIDERS["dooray"].document.rate_limit
    assert lineworks is not None and dooray is not None
    assert (lineworks.algorithm, lineworks.scope, lineworks.limit, lineworks.window_seconds) == (
        "fixed-window",
        "operation",
        240,
        60,
    )
    assert (dooray.algorithm, dooray.scope, dooray.burst, dooray.rate) == ("token-bucket", "token", 20, 5.0)


# Small limits -------------------------------------------------------------------------------------------


def test_lineworks_third_call_of_an_operation_is_429_while_another_operation_answers(
    small: TestClient,
) -> None:
    assert [lw_events(small).status_code for _ in range(2)] == [200, 200]
    refused = lw_events(small)
    assert refused.status_code == 429
    assert refused.headers["content-type"] == "application/json"
    assert refused.json() == {"code": "TOO_MANY_REQUESTS", "description": "API rate limit exceeded"}
    assert refused.headers["rateLimit-limit"] == "2"
    assert refused.headers["rateLimit-remaining"] == "0"
    assert 0 < int(refused.headers["rateLimit-reset"]) <= 60
    # Scope `operation`: every token shares it, and another operation has its own budget.
    assert lw_events(small, LW_OTHER).status_code == 429
    other = small.get(LW_DEFAULT, headers=LW_AUTH)
    assert other.status_code == 200
    assert other.headers["rateLimit-remaining"] == "1"


def test_dooray_bucket_is_per_token(small: TestClient) -> None:
    assert [small.get(DOORAY_CALENDARS, headers=DOORAY_AUTH).status_code for _ in range(2)] == [200, 200]
    refused = small.get(DOORAY_CALENDARS, headers=DOORAY_AUTH)
    assert refused.status_code == 429
    body = refused.json()
    assert body["header"]["isSuccessful"] is False
    assert body["header"]["resultCode"] == -429
    assert body["result"] is None
    assert refused.headers["X-RateLimit-Remaining"] == "0"
    assert refused.headers["X-RateLimit-Burst-Capacity"] == "2"
    # Scope `token`: the same token is refused on every operation; another token still answers.
    assert small.get(DOORAY_EVENTS, params=DOORAY_WINDOW, headers=DOORAY_AUTH).status_code == 429
    other = small.get(DOORAY_CALENDARS, headers=DOORAY_OTHER)
    assert other.status_code == 200
    assert other.headers["X-RateLimit-Remaining"] == "1"


def test_overrides_for_one_provider_leave_the_other_unlimited() -> None:
    client = TestClient(create_app(rate_limits={"lineworks": {"limit": 1}}))
    assert lw_events(client).status_code == 200
    assert lw_events(client).status_code == 429
    for _ in range(25):
        response = client.get(DOORAY_CALENDARS, headers=DOORAY_AUTH)
        assert response.status_code == 200 and rate_headers(response) == {}


def test_an_empty_override_means_the_documented_numbers_for_that_provider() -> None:
    client = TestClient(create_app(rate_limits={"dooray": {}}))
    assert client.get(DOORAY_CALENDARS, headers=DOORAY_AUTH).headers["X-RateLimit-Burst-Capacity"] == "20"
    assert rate_headers(lw_events(client)) == {}


def test_a_refused_write_stores_nothing(small: TestClient) -> None:
    assert small.post(LW_EVENTS, json=lw_event("first"), headers=LW_AUTH).status_code == 201
    assert small.post(LW_EVENTS, json=lw_event("second"), headers=LW_AUTH).status_code == 201
    refused = small.post(LW_EVENTS, json=lw_event("third"), headers=LW_AUTH)
    assert refused.status_code == 429
    assert small.get(f"{LW_EVENTS}/third", headers=LW_AUTH).status_code == 404
    assert small.get(f"{LW_EVENTS}/second", headers=LW_AUTH).status_code == 200


def test_a_refused_dooray_create_stores_nothing() -> None:
    app = create_app(rate_limits={"dooray": {"burst": 1, "rate": 0.01}})
    client = TestClient(app)
    before = len(app.store.list_calendars("dooray"))
    assert client.get(DOORAY_CALENDARS, headers=DOORAY_AUTH).status_code == 200  # the one token spent
    refused = client.post(DOORAY_CALENDARS, json={"type": "private", "name": "refused"}, headers=DOORAY_AUTH)
    assert refused.status_code == 429
    assert len(app.store.list_calendars("dooray")) == before
    created = client.post(DOORAY_CALENDARS, json={"type": "private", "name": "made"}, headers=DOORAY_OTHER)
    assert created.status_code == 200  # the other member's bucket is full: the same request goes through
    assert len(app.store.list_calendars("dooray")) == before + 1


def test_refused_tokens_spend_nothing_and_answers_after_the_limiter_report_it() -> None:
    client = TestClient(create_app(rate_limits={"lineworks": {"limit": 2}}))
    unauthenticated = client.get(LW_EVENTS, params=LW_WINDOW)
    assert unauthenticated.status_code == 401 and rate_headers(unauthenticated) == {}
    readonly = {"Authorization": "Bearer lw-demo-readonly"}
    forbidden = client.post(LW_EVENTS, json=lw_event("x"), headers=readonly)
    assert forbidden.status_code == 403 and rate_headers(forbidden) == {}
    # A request the spec refuses comes after the limiter: it spends one and says so.
    invalid = client.get(LW_EVENTS, headers=LW_AUTH)  # no window
    assert invalid.status_code == 400
    assert invalid.headers["rateLimit-remaining"] == "1"
    missing = client.get(f"{LW_EVENTS.replace('96b8', '0000')}", params=LW_WINDOW, headers=LW_AUTH)
    assert missing.status_code == 404  # the handler's own refusal reports it too
    assert missing.headers["rateLimit-remaining"] == "0"
    assert lw_events(client).status_code == 429


def test_faulted_calls_spend_nothing() -> None:
    app = create_app(rate_limits={"lineworks": {"limit": 1}})
    client = TestClient(app)
    app.faults.inject(status=503, times=3, operation="lineworks:listEvents")
    for _ in range(3):
        faulted = lw_events(client)
        assert faulted.status_code == 503 and rate_headers(faulted) == {}
    assert lw_events(client).status_code == 200
    assert lw_events(client).status_code == 429


@pytest.mark.parametrize(
    "setting",
    [
        {"lineworks": {"limit": 0}},
        {"lineworks": {"limit": -1}},
        {"lineworks": {"limit": 1.5}},
        {"lineworks": {"limit": True}},
        {"lineworks": {"limit": "2"}},
        {"lineworks": {"window-seconds": 0}},
        {"lineworks": {"window": 60}},
        {"lineworks": {"burst": 2}},  # a token-bucket setting on a fixed window
        {"dooray": {"limit": 2}},
        {"dooray": {"rate": float("inf")}},
        {"dooray": {"rate": float("nan")}},
        {"dooray": {"burst": 0}},
        {"lineworkz": {"limit": 2}},  # no such provider
        {"lineworks": 2},
        ["lineworks"],
    ],
)
def test_bad_overrides_raise_at_create_app(setting: Any) -> None:
    with pytest.raises(ValueError):
        create_app(rate_limits=setting)


# The limiter itself, with a clock ------------------------------------------------------------------


def test_fixed_window_resets_after_its_seconds() -> None:
    clock = Clock()
    documented = PROVIDERS["lineworks"].document.rate_limit
    assert documented is not None
    limiter = RateLimiter(limit_with(documented, {"limit": 2, "window-seconds": 60}), clock=clock)
    first = limiter.check("listEvents", "a")
    assert first.allowed
    assert first.headers == {"rateLimit-limit": "2", "rateLimit-remaining": "1", "rateLimit-reset": "60"}
    clock.now += 10
    second = limiter.check("listEvents", "b")  # scope operation: the token doesn't matter
    assert second.allowed and second.headers["rateLimit-remaining"] == "0"
    assert second.headers["rateLimit-reset"] == "50"
    clock.now += 20
    refused = limiter.check("listEvents", "a")
    assert not refused.allowed
    assert refused.headers["rateLimit-remaining"] == "0" and refused.headers["rateLimit-reset"] == "30"
    assert refused.retry_after == 30.0
    assert limiter.check("getEvent", "a").allowed  # another operation, another window
    clock.now += 29.5
    assert not limiter.check("listEvents", "a").allowed
    clock.now += 0.5  # 60 s after the window opened
    again = limiter.check("listEvents", "a")
    assert again.allowed
    assert again.headers["rateLimit-remaining"] == "1" and again.headers["rateLimit-reset"] == "60"


def test_token_bucket_refills_at_its_rate_up_to_its_burst() -> None:
    clock = Clock()
    limit = RateLimit(
        algorithm="token-bucket",
        scope="token",
        headers={
            "remaining": "R",
            "requested-tokens": "T",
            "burst-capacity": "B",
            "replenish-rate": "P",
        },
        burst=2,
        rate=1.0,
    )
    limiter = RateLimiter(limit, clock=clock)
    first = limiter.check("op", "token-a")
    assert first.allowed and first.headers == {"R": "1", "T": "1", "B": "2", "P": "1"}
    assert limiter.check("other-op", "token-a").allowed  # scope token: one bucket for all operations
    refused = limiter.check("op", "token-a")
    assert not refused.allowed and refused.headers["R"] == "0" and refused.retry_after == 1.0
    assert limiter.check("op", "token-b").allowed  # another token, another bucket
    clock.now += 0.5
    half = limiter.check("op", "token-a")
    assert not half.allowed and half.retry_after == pytest.approx(0.5)
    clock.now += 0.5
    assert limiter.check("op", "token-a").allowed
    assert not limiter.check("op", "token-a").allowed
    clock.now += 100  # refills to the burst, no further
    assert [limiter.check("op", "token-a").allowed for _ in range(3)] == [True, True, False]
