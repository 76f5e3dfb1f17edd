"""calendar-sync against calspec's fake, with the plugin's fixtures only: each test gets a fresh fake
of both APIs, the clients bound to it in-process, and handles to seed it, move its clock and fault it."""

from __future__ import annotations

import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from calendar_sync import copy_week, week_window
from calendar_sync.__main__ import main
from dooray_calendar import errors as dooray_errors
from dooray_calendar.api.events import get_event
from dooray_calendar.api.events import list_events as list_dooray_events
from lineworks_calendar.api.events import list_events as list_lineworks_events

WEEK = datetime.date(2030, 1, 7)  # a Monday
SEOUL = ZoneInfo("Asia/Seoul")


def timed(summary: str, start: str, end: str, **extra: Any) -> dict[str, Any]:
    """A LINE WORKS event as a create request sends it (times are wall clock in Asia/Seoul)."""
    component = {
        "summary": summary,
        "start": {"dateTime": start, "timeZone": "Asia/Seoul"},
        "end": {"dateTime": end, "timeZone": "Asia/Seoul"},
        **extra,
    }
    return {"eventComponents": [component]}


@pytest.fixture
def target(dooray_fake: Any) -> str:
    """A Dooray calendar of the demo member to copy into."""
    return str(dooray_fake.add_calendar({"name": "From LINE WORKS"})["id"])


def copied(dooray_client: Any, target: str) -> list[Any]:
    start, end = week_window(WEEK, "Asia/Seoul")
    return list(
        list_dooray_events.sync(client=dooray_client, time_min=start, time_max=end, calendars=target).result
    )


def sync(lineworks_client: Any, dooray_client: Any, lineworks_fake: Any, target: str) -> Any:
    return copy_week(
        lineworks_client,
        dooray_client,
        source_calendar=lineworks_fake.default_calendar_id(),
        target_calendar=target,
        week_of=WEEK,
    )


def test_copies_the_weeks_events(
    lineworks_fake: Any, lineworks_client: Any, dooray_client: Any, target: str
) -> None:
    lineworks_fake.add_event(timed("Planning", "2030-01-08T10:00:00", "2030-01-08T11:00:00", location="4-5"))
    lineworks_fake.add_event(
        {
            "eventComponents": [
                {"summary": "Offsite", "start": {"date": "2030-01-10"}, "end": {"date": "2030-01-12"}}
            ]
        }
    )
    lineworks_fake.add_event(timed("Next week", "2030-01-15T10:00:00", "2030-01-15T11:00:00"))

    report = sync(lineworks_client, dooray_client, lineworks_fake, target)

    assert sorted(report.copied) == ["Offsite", "Planning"]
    events = {event.subject: event for event in copied(dooray_client, target)}
    assert set(events) == {"Offsite", "Planning"}
    assert events["Planning"].started_at == datetime.datetime(2030, 1, 8, 10, tzinfo=SEOUL)
    assert events["Planning"].location == "4-5"
    assert events["Offsite"].whole_day_flag is True
    assert events["Offsite"].started_at == datetime.date(2030, 1, 10)  # an OffsetDate (+09:00)


def test_running_twice_copies_nothing_twice(
    lineworks_fake: Any, lineworks_client: Any, dooray_client: Any, target: str
) -> None:
    lineworks_fake.add_event(timed("Planning", "2030-01-08T10:00:00", "2030-01-08T11:00:00"))
    assert sync(lineworks_client, dooray_client, lineworks_fake, target).copied == ["Planning"]
    again = sync(lineworks_client, dooray_client, lineworks_fake, target)
    assert (again.copied, again.already_there) == ([], ["Planning"])
    assert len(copied(dooray_client, target)) == 1


def test_a_recurring_series_is_reported_not_copied(
    lineworks_fake: Any, lineworks_client: Any, dooray_client: Any, target: str
) -> None:
    lineworks_fake.add_event(
        timed(
            "Stand-up", "2030-01-07T09:00:00", "2030-01-07T09:15:00", recurrence=["RRULE:FREQ=DAILY;COUNT=5"]
        )
    )
    report = sync(lineworks_client, dooray_client, lineworks_fake, target)
    assert report.skipped == ["Stand-up: recurring, not copied"] and report.copied == []


def test_the_copy_notes_its_source_and_is_dated_by_the_fakes_clock(
    calendar_fake: Any, lineworks_fake: Any, lineworks_client: Any, dooray_client: Any, target: str
) -> None:
    calendar_fake.set_now(datetime.datetime(2030, 1, 3, 12, 0, tzinfo=datetime.UTC))
    event = lineworks_fake.add_event(timed("Planning", "2030-01-08T10:00:00", "2030-01-08T11:00:00"))
    sync(lineworks_client, dooray_client, lineworks_fake, target)
    (listed,) = copied(dooray_client, target)
    detail = get_event.sync(target, listed.id, client=dooray_client).result
    assert f"LINE WORKS event {event['eventComponents'][0]['eventId']}" in detail.body.content
    assert detail.created_at == datetime.datetime(2030, 1, 3, 12, 0, tzinfo=datetime.UTC)


def test_a_dooray_outage_fails_the_copy_and_a_rate_limit_is_waited_out(
    calendar_fake: Any, lineworks_fake: Any, lineworks_client: Any, dooray_client: Any, target: str
) -> None:
    lineworks_fake.add_event(timed("Planning", "2030-01-08T10:00:00", "2030-01-08T11:00:00"))
    calendar_fake.faults.inject(status=503, operation="dooray:createEvent")  # POST: not retried on a 503
    with pytest.raises(dooray_errors.ServerError):
        sync(lineworks_client, dooray_client, lineworks_fake, target)
    assert copied(dooray_client, target) == []
    calendar_fake.faults.inject(status=429, retry_after=0, operation="dooray:createEvent")  # retried
    assert sync(lineworks_client, dooray_client, lineworks_fake, target).copied == ["Planning"]


def test_another_users_calendar(lineworks_fake: Any, dooray_client: Any, target: str) -> None:
    lineworks_fake.add_user({"userId": "alice", "email": "alice@example.com"}, token="alice-token")
    calendar = lineworks_fake.add_calendar({"calendarName": "Alice", "ownerUserId": "alice"})
    lineworks_fake.add_event(
        {
            "calendarId": calendar["calendarId"],
            **timed("Alice's", "2030-01-09T15:00:00", "2030-01-09T16:00:00"),
        }
    )
    alice = lineworks_fake.client("alice-token")
    report = copy_week(
        alice, dooray_client, source_calendar=calendar["calendarId"], target_calendar=target, week_of=WEEK
    )
    assert report.copied == ["Alice's"]


@pytest.mark.anyio
async def test_the_async_client(lineworks_fake: Any, lineworks_async_client: Any) -> None:
    lineworks_fake.add_event(timed("Planning", "2030-01-08T10:00:00", "2030-01-08T11:00:00"))
    start, end = week_window(WEEK, "Asia/Seoul")
    listed = await list_lineworks_events.asyncio(
        "me",
        lineworks_fake.default_calendar_id(),
        client=lineworks_async_client,
        from_date_time=start,
        until_date_time=end,
    )
    assert [e.event_components[0].summary for e in listed.events] == ["Planning"]


def test_the_command_line_against_a_served_fake(
    calendar_fake_url: str,
    lineworks_fake: Any,
    dooray_client: Any,
    target: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    lineworks_fake.add_event(timed("Planning", "2030-01-08T10:00:00", "2030-01-08T11:00:00"))
    for name, value in {
        "LINEWORKS_BASE_URL": f"{calendar_fake_url}/v1.0",
        "LINEWORKS_TOKEN": lineworks_fake.demo_token,
        "LINEWORKS_CALENDAR": lineworks_fake.default_calendar_id(),
        "DOORAY_BASE_URL": calendar_fake_url,
        "DOORAY_TOKEN": "dooray-demo-token",
        "DOORAY_CALENDAR": target,
    }.items():
        monkeypatch.setenv(name, value)
    assert main(["--week-of", WEEK.isoformat()]) == 0
    assert capsys.readouterr().out == "copied: Planning\n"
    assert [event.subject for event in copied(dooray_client, target)] == ["Planning"]
