"""The fake's fast list path against its full check, and its JSON storage.

A LINE WORKS list answers from an index range (`store.SHORT` bounds the search for short events) and
lists an exact row as stored, without decoding it. Both are shortcuts: for any window, what they
list must be exactly what deciding every event of the calendar with `event_overlaps` lists, in the
same order, with the same bytes.
"""

from __future__ import annotations

import json
import random
from datetime import datetime, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from starlette.testclient import TestClient

from calspec.fake.app import FakeApp, create_app
from calspec.fake.jsontext import Raw, dumps, loads
from calspec.fake.lineworks.times import event_overlaps
from calspec.fake.store import SHORT, Store
from calspec.fake.timeline import Span, epoch

USER = "userf7da-f82c-4284-13e7-030f3b4c756x"
CALENDAR = "calendar-96b8-4c74-8277-7953e0b4604a"
EVENTS = f"/v1.0/users/{USER}/calendars/{CALENDAR}/events"
AUTH = {"Authorization": "Bearer lw-demo-token"}
BASE = datetime(2040, 3, 1)
ZONES = ["Asia/Seoul", "Asia/Tokyo", "UTC", "America/Los_Angeles", "Pacific/Kiritimati", "Pacific/Pago_Pago"]


def _wall(value: datetime) -> str:
    return value.strftime("%Y-%m-%dT%H:%M:%S")


def _components(rng: random.Random, number: int) -> list[dict[str, Any]]:
    """One event of a kind drawn at random: every kind the list treats differently."""
    start = BASE + timedelta(minutes=rng.randrange(0, 60 * 24 * 75, 15))
    zone = rng.choice(ZONES)
    kind = rng.choice(
        ["timed", "timed", "instant", "long", "day", "days", "series", "open-series", "exception"]
    )
    summary = f"index {number} {kind}"
    if kind in ("timed", "long", "instant"):
        length = {"timed": timedelta(minutes=rng.randrange(15, 600, 15)), "instant": timedelta(0)}.get(
            kind, timedelta(seconds=SHORT) + timedelta(days=rng.randrange(1, 40))
        )
        end = start + length
        return [
            {
                "summary": summary,
                "start": {"dateTime": _wall(start), "timeZone": zone},
                "end": {"dateTime": _wall(end), "timeZone": zone},
            }
        ]
    if kind in ("day", "days"):
        days = 1 if kind == "day" else rng.randrange(2, 12)
        return [
            {
                "summary": summary,
                "start": {"date": start.date().isoformat()},
                "end": {"date": (start.date() + timedelta(days=days)).isoformat()},
            }
        ]
    timed = {
        "summary": summary,
        "start": {"dateTime": _wall(start), "timeZone": zone},
        "end": {"dateTime": _wall(start + timedelta(hours=1)), "timeZone": zone},
    }
    if kind == "series":
        return [{**timed, "recurrence": [f"RRULE:FREQ=DAILY;INTERVAL={rng.randrange(1, 9)};COUNT=6"]}]
    if kind == "open-series":
        return [{**timed, "recurrence": ["RRULE:FREQ=WEEKLY"]}]
    moved = start + timedelta(days=1)  # the second occurrence, moved two hours later
    return [
        {**timed, "recurrence": ["RRULE:FREQ=DAILY;COUNT=3"]},
        {
            "summary": summary + " moved",
            "start": {"dateTime": _wall(moved + timedelta(hours=2)), "timeZone": zone},
            "end": {"dateTime": _wall(moved + timedelta(hours=3)), "timeZone": zone},
            "recurringEventId": f"TZID={zone}:{moved.strftime('%Y%m%dT%H%M%S')}",
        },
    ]


@pytest.fixture(scope="module")
def filled() -> tuple[FakeApp, TestClient]:
    app = create_app()
    client = TestClient(app)
    rng = random.Random(20261202)
    for number in range(160):
        response = client.post(EVENTS, json={"eventComponents": _components(rng, number)}, headers=AUTH)
        assert response.status_code == 201, response.text
    return app, client


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    start=st.integers(min_value=-10 * 24 * 60, max_value=95 * 24 * 60),
    minutes=st.integers(min_value=0, max_value=31 * 24 * 60),
    offset=st.sampled_from([-11 * 60, -8 * 60, 0, 9 * 60, 14 * 60]),
)
def test_listing_agrees_with_deciding_every_event(
    filled: tuple[FakeApp, TestClient], start: int, minutes: int, offset: int
) -> None:
    app, client = filled
    sign = "-" if offset < 0 else "+"
    written = f"{sign}{abs(offset) // 60:02d}:{abs(offset) % 60:02d}"
    lo_wall = BASE + timedelta(minutes=start)
    hi_wall = lo_wall + timedelta(minutes=minutes)
    query = {"fromDateTime": _wall(lo_wall) + written, "untilDateTime": _wall(hi_wall) + written}
    response = client.get(EVENTS, params=query, headers=AUTH)
    assert response.status_code == 200, response.text

    lo = epoch(datetime.fromisoformat(query["fromDateTime"]))
    hi = epoch(datetime.fromisoformat(query["untilDateTime"]))
    window = Span(lo, hi, offset * 60)
    expected = [
        doc for doc in app.store.calendar_events("lineworks", CALENDAR) if event_overlaps(doc, window)
    ]
    assert response.json() == {"events": expected}


def test_an_event_longer_than_the_short_bound_is_found_from_its_middle() -> None:
    """A row the bounded range can't reach (it starts more than SHORT before the window) is listed."""
    client = TestClient(create_app())
    body = {
        "eventComponents": [
            {
                "eventId": "index-very-long",
                "summary": "a quarter",
                "start": {"dateTime": "2041-01-01T00:00:00", "timeZone": "UTC"},
                "end": {"dateTime": "2041-04-01T00:00:00", "timeZone": "UTC"},
            }
        ]
    }
    assert client.post(EVENTS, json=body, headers=AUTH).status_code == 201
    window = {"fromDateTime": "2041-02-10T00:00:00Z", "untilDateTime": "2041-02-11T00:00:00Z"}
    events = client.get(EVENTS, params=window, headers=AUTH).json()["events"]
    assert [e["eventComponents"][0]["eventId"] for e in events] == ["index-very-long"]


def test_integers_beyond_64_bits_survive_storage_exactly() -> None:
    """orjson can't hold them; the text that does is marked and read back by `json`."""
    store = Store()
    doc = {"id": "e", "big": 2**70, "small": -(2**63) - 1, "text": "회의 ☃"}
    store.insert_event("x", "c", "e", doc, 0, 10)
    assert store.get_event("x", "c", "e") == doc
    assert loads(dumps(doc)) == doc
    assert loads(dumps({"plain": 2**63 - 1})) == {"plain": 2**63 - 1}
    assert json.loads(dumps(Raw(b'{"a":[' + dumps(doc) + b"]}"))) == {"a": [doc]}
    assert Raw(b"[" + dumps(doc) + b"]").value() == [doc]


def test_stored_json_is_the_compact_utf8_the_standard_library_writes() -> None:
    """Answers are byte-for-byte what `json.dumps(..., ensure_ascii=False)` compact would write."""
    value = {"summary": "회의 ☃ \u2028", "n": [1, 2.5, None, True], "nested": {"a": '"q" \\ /'}}
    assert dumps(value) == json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()
