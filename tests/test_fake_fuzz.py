"""Hypothesis sends hostile bodies to every write operation of both APIs (issue 13).

What is generated: deep nesting, huge arrays, lone surrogates, NUL and invalid UTF-8, huge numbers and
NaN/Infinity literals, duplicate keys, unknown time zones wherever a zone goes, and runaway or
degenerate recurrence rules. Each body is sent as raw bytes, so the JSON itself can be broken.

What must hold for every one: no 500, an answer within `HANG` seconds (a hang detector, not a speed
test: `make bench` measures speed), an error body in the provider's format, and a normal request
answered 200 right after.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from starlette.testclient import TestClient

from calspec.core.operations import Operation
from calspec.core.providers import PROVIDERS
from calspec.fake.app import FakeApp, create_app

HANG = 3.0
USER = "userf7da-f82c-4284-13e7-030f3b4c756x"
CALENDAR = "calendar-96b8-4c74-8277-7953e0b4604a"
PATH_VALUES = {
    "userId": USER,
    "calendarId": CALENDAR,
    "eventId": "event-fixture-timed",
    "calendar-id": "1",
    "event-id": "1",
}
AUTH = {"lineworks": "Bearer lw-demo-token", "dooray": "dooray-api dooray-demo-token"}
HEALTH = {
    "lineworks": (
        f"/v1.0/users/{USER}/calendars/{CALENDAR}/events"
        "?fromDateTime=2021-12-01T00:00:00%2B09:00&untilDateTime=2021-12-31T00:00:00%2B09:00"
    ),
    "dooray": "/calendar/v1/calendars",
}
TIMED = {"dateTime": "2022-03-01T09:00:00", "timeZone": "Asia/Seoul"}
LINEWORKS_EVENT = {"summary": "fuzz", "start": TIMED, "end": {**TIMED, "dateTime": "2022-03-01T10:00:00"}}
DOORAY_EVENT = {
    "subject": "fuzz",
    "startedAt": "2022-03-01T09:00:00+09:00",
    "endedAt": "2022-03-01T10:00:00+09:00",
}
# A body each operation accepts; hostile ones are made from these.
BASES: dict[str, Any] = {
    "lineworks:createEvent": {"eventComponents": [LINEWORKS_EVENT]},
    "lineworks:createEventInDefaultCalendar": {"eventComponents": [LINEWORKS_EVENT]},
    "lineworks:updateEvent": {"eventComponents": [{**LINEWORKS_EVENT, "eventId": "event-fixture-timed"}]},
    "lineworks:updateEventInDefaultCalendar": {
        "eventComponents": [{**LINEWORKS_EVENT, "eventId": "event-fixture-timed"}]
    },
    "lineworks:createCalendar": {"calendarName": "fuzz", "members": []},
    "lineworks:updateCalendar": {"calendarName": "fuzz", "members": []},
    "lineworks:updateCalendarPersonal": {"isShowOnLNBList": True, "displayOrder": 3},
    "dooray:createCalendar": {"name": "fuzz", "type": "private", "calendarMemberList": []},
    "dooray:replaceCalendarMembers": {"calendarMemberList": []},
    "dooray:createEvent": DOORAY_EVENT,
    "dooray:updateEvent": {"subject": "fuzz"},
    "dooray:deleteEvent": {"deleteType": "this"},
}
RUNAWAY_RULES = [
    "RRULE:FREQ=DAILY;INTERVAL=0",
    "RRULE:FREQ=YEARLY;INTERVAL=0",
    "RRULE:FREQ=SECONDLY",
    "RRULE:FREQ=SECONDLY;INTERVAL=0",
    "RRULE:FREQ=MINUTELY;COUNT=1000000000",
    "RRULE:FREQ=DAILY;COUNT=1000000000",
    "RRULE:FREQ=SECONDLY;BYMONTH=2;BYMONTHDAY=30",
    "RRULE:FREQ=DAILY;BYMONTH=4,6,9,11;BYMONTHDAY=31",
    "RRULE:FREQ=YEARLY;BYWEEKNO=54",
    "RRULE:FREQ=MONTHLY;BYSETPOS=400;BYDAY=MO",
    "RRULE:FREQ=HOURLY;INTERVAL=5;BYHOUR=1,3",
    "RRULE:FREQ=WEEKLY;UNTIL=19000101T000000Z",
    "RRULE:FREQ=DAILY;INTERVAL=999999999",
    "EXRULE:FREQ=DAILY",
    "DTSTART:20200101T000000Z",
]
DOORAY_RULES: list[dict[str, Any]] = [
    {"frequency": "daily", "bymonth": "2", "bymonthday": "30"},
    {"frequency": "yearly", "interval": 4, "bymonth": "2", "bymonthday": "29"},
    {"frequency": "monthly", "bymonthday": "31", "bymonth": "4,6,9,11"},
    {"frequency": "weekly", "interval": 0},
    {"frequency": "daily", "until": "0001-01-01T00:00:00Z"},
    {"frequency": "daily", "until": "9999-12-31T23:59:59-23:59"},
    {"frequency": "yearly", "byday": "-5 SU", "bymonth": "2"},
]
ZONES = st.sampled_from(["Nope/Nope", "", "../../etc/passwd", "UTC\x00", "A" * 300, "\ud800", "Asia/Seoul "])
HOSTILE_TEXT = st.one_of(
    st.sampled_from(["\ud800", "\udfff", "a\x00b", "\u202e", "𝄞" * 3000, ""]),
    st.text(max_size=40),
)
HOSTILE_NUMBER = st.sampled_from(
    ["1e999", "-1e999", "NaN", "Infinity", "-Infinity", "9" * 400, "1" * 70, "-0"]
)


def operations() -> list[Operation]:
    return [op for p in PROVIDERS.values() for op in p.document.operations if op.body is not None]


WRITE_OPERATIONS = operations()


def test_every_write_operation_has_a_base_body() -> None:
    assert {f"{op.provider}:{op.operation_id}" for op in WRITE_OPERATIONS} == set(BASES)


def path_of(op: Operation) -> str:
    path = op.template
    for name in op.param_names:
        path = path.replace("{" + name + "}", PATH_VALUES[name])
    return path


def encode(value: Any) -> str:
    """JSON text that may hold raw number literals (`RawNumber`) and lone surrogates."""
    if isinstance(value, RawNumber):
        return value.text
    if isinstance(value, dict):
        return "{" + ",".join(f"{encode(str(k))}:{encode(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ",".join(encode(item) for item in value) + "]"
    return json.dumps(value)  # escapes surrogates as \ud800, which is what a client would send


class RawNumber:
    def __init__(self, text: str) -> None:
        self.text = text


def leaves(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from leaves(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from leaves(item, (*path, index))
    else:
        yield path


def replaced(value: Any, path: tuple[Any, ...], new: Any) -> Any:
    if not path:
        return new
    head, rest = path[0], path[1:]
    if isinstance(value, dict):
        return {**value, head: replaced(value[head], rest, new)}
    copy = list(value)
    copy[head] = replaced(copy[head], rest, new)
    return copy


def with_zones(value: Any, zone: str) -> Any:
    if isinstance(value, dict):
        out = {
            k: (zone if k in ("timeZone", "timezoneName") else with_zones(v, zone)) for k, v in value.items()
        }
        if "start" in out and isinstance(out["start"], dict):
            out["reminders"] = [
                {"method": "EMAIL", "triggerDateTime": {"dateTime": "2022-03-01T08:00:00", "timeZone": zone}}
            ]
        return out
    if isinstance(value, list):
        return [with_zones(item, zone) for item in value]
    return value


@st.composite
def hostile(draw: st.DrawFn, key: str) -> bytes:
    base = BASES[key]
    kind = draw(
        st.sampled_from(
            ["nesting", "array", "text", "number", "duplicate", "bytes", "zone", "rule", "truncated"]
        )
    )
    event(kind)
    if kind == "nesting":
        depth = draw(st.integers(min_value=30, max_value=20_000))
        opener, closer = draw(st.sampled_from([("[", "]"), ('{"a":', "}")]))
        inner = opener * depth + "1" + closer * depth
        target = draw(st.sampled_from(sorted(leaves(base)) or [()]))
        return encode(replaced(base, target, RawNumber(inner))).encode()
    if kind == "array":
        size = draw(st.integers(min_value=1000, max_value=60_000))
        item = draw(st.sampled_from([0, "x", {}, [], {"id": "u", "type": "USER", "role": "EVENT_READ"}]))
        target = draw(st.sampled_from(sorted(leaves(base)) or [()]))
        return encode(replaced(base, target, [item] * size)).encode()
    if kind == "text":
        target = draw(st.sampled_from(sorted(leaves(base)) or [()]))
        return encode(replaced(base, target, draw(HOSTILE_TEXT))).encode()
    if kind == "number":
        target = draw(st.sampled_from(sorted(leaves(base)) or [()]))
        return encode(replaced(base, target, RawNumber(draw(HOSTILE_NUMBER)))).encode()
    if kind == "duplicate":
        text = encode(base)
        name = next(iter(base)) if base else "x"
        return ("{" + json.dumps(name) + ":null," + text[1:]).encode()
    if kind == "bytes":
        data = encode(base).encode()
        cut = draw(st.integers(min_value=0, max_value=len(data)))
        junk = draw(st.sampled_from([b"\xff", b"\xc3", b"\xed\xa0\x80", b"\x00", b"\xf4\x90\x80\x80"]))
        return data[:cut] + junk + data[cut:]
    if kind == "zone":
        return encode(with_zones(base, draw(ZONES))).encode()
    if kind == "truncated":
        data = encode(base).encode()
        return data[: draw(st.integers(min_value=0, max_value=max(0, len(data) - 1)))]
    # kind == "rule"
    if key.startswith("lineworks:") and "eventComponents" in base:
        lines = draw(st.lists(st.sampled_from(RUNAWAY_RULES), min_size=1, max_size=3))
        component = {**base["eventComponents"][0], "recurrence": lines}
        if draw(st.booleans()):
            component = {**component, "start": {"date": "2022-03-01"}, "end": {"date": "2022-03-02"}}
        return encode({**base, "eventComponents": [component]}).encode()
    if key in ("dooray:createEvent", "dooray:updateEvent"):
        return encode({**DOORAY_EVENT, "recurrenceRule": draw(st.sampled_from(DOORAY_RULES))}).encode()
    return encode(base).encode()


@pytest.fixture(scope="module")
def fuzzed_app() -> FakeApp:
    return create_app(db=None, check_responses=True)


def assert_provider_error(provider: str, status: int, body: Any) -> None:
    if provider == "dooray":
        assert body["header"]["isSuccessful"] is (status < 300), body
    elif status >= 300:
        assert set(body) == {"code", "description"}, body


@pytest.mark.parametrize("op", WRITE_OPERATIONS, ids=lambda op: f"{op.provider}:{op.operation_id}")
@settings(
    max_examples=50,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
@given(data=st.data())
def test_hostile_bodies_never_break_the_fake(fuzzed_app: FakeApp, op: Operation, data: st.DataObject) -> None:
    key = f"{op.provider}:{op.operation_id}"
    raw = data.draw(hostile(key), label="body")
    client = TestClient(fuzzed_app, raise_server_exceptions=True)
    headers = {"Authorization": AUTH[op.provider], "Content-Type": "application/json"}
    started = time.perf_counter()
    response = client.request(op.method, path_of(op), content=raw, headers=headers)
    elapsed = time.perf_counter() - started
    assert response.status_code < 500, response.text
    assert elapsed < HANG, f"{key} took {elapsed:.1f} s"
    body = response.json() if response.content else None
    if body is not None:
        assert_provider_error(op.provider, response.status_code, body)
    assert client.get(HEALTH[op.provider], headers={"Authorization": AUTH[op.provider]}).status_code == 200
    assert fuzzed_app.violations == []
