"""Recurring events as occurrences: LINE WORKS series expanded by `lineworks_calendar.recurrence`,
Dooray's listed items mapped by `dooray_calendar.recurrence`, both to the one `Occurrence` type.

The expansion is checked against an independent computation: the same event written as an iCalendar
VEVENT (icalendar) and expanded by recurring_ical_events, on generated rules, zones and windows around
DST changes. Exceptions, cancellations, RDATE, COUNT and UNTIL have examples of their own; the fake
server runs the same weekly schedule through both generated clients; runaway rules must come back
(or raise) within a hang detector's few seconds. Time bounds here are hang detectors, not speed goals.
"""

from __future__ import annotations

import datetime
import threading
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

import icalendar
import pytest
import recurring_ical_events  # type: ignore[import-untyped]
from dooray_calendar import AuthenticatedClient as DoorayClient
from dooray_calendar.api.events import create_event as dooray_create_event
from dooray_calendar.api.events import list_events as dooray_list_events
from dooray_calendar.api.events import update_event as dooray_update_event
from dooray_calendar.models import CreateEventRequest as DoorayCreateEventRequest
from dooray_calendar.models import Event as DoorayEvent
from dooray_calendar.models import (
    EventListResponse,
    RecurrenceRuleInput,
    RecurrenceRuleInputFrequency,
    UpdateEventRequest,
)
from dooray_calendar.recurrence import occurrences as dooray_occurrences
from dooray_calendar.types import OffsetDate
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lineworks_calendar import AuthenticatedClient as LineWorksClient
from lineworks_calendar.api.events import create_event, list_events
from lineworks_calendar.models import (
    CreateEventRequest,
    EventComponents,
    EventList,
    EventRequest,
    EventTimeInput,
)
from lineworks_calendar.occurrence import Occurrence
from lineworks_calendar.recurrence import occurrences

from calspec.contract.loopback import serve
from calspec.fake.app import create_app
from calspec.fake.limits import UVICORN_OPTIONS

UTC = datetime.UTC
SEOUL, NEW_YORK, BERLIN = ZoneInfo("Asia/Seoul"), ZoneInfo("America/New_York"), ZoneInfo("Europe/Berlin")
HANG = 5.0  # seconds: a call that takes longer is taken to hang
T = TypeVar("T")


def at(
    zone: datetime.tzinfo, year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0
) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour, minute, second, tzinfo=zone)


def timed(wall: datetime.datetime, zone: str) -> dict[str, str]:
    return {"dateTime": wall.isoformat(timespec="seconds"), "timeZone": zone}


def component(
    start: dict[str, str],
    end: dict[str, str] | None = None,
    *,
    recurrence: Sequence[str] = (),
    recurring_event_id: str | None = None,
    summary: str = "Standup",
    event_id: str = "event-1",
) -> dict[str, Any]:
    data: dict[str, Any] = {"eventId": event_id, "summary": summary, "start": start}
    if end is not None:
        data["end"] = end
    if recurrence:
        data["recurrence"] = list(recurrence)
    if recurring_event_id is not None:
        data["recurringEventId"] = recurring_event_id
    return data


def event(*components: dict[str, Any]) -> EventComponents:
    return EventComponents.from_dict({"eventComponents": list(components)})


def weekly(zone: str = "Asia/Seoul", *lines: str, first: str = "2024-03-04T09:00:00") -> dict[str, Any]:
    """A one-hour meeting every Monday from `first` (a Monday), in `zone`."""
    start = datetime.datetime.fromisoformat(first)
    return component(
        timed(start, zone),
        timed(start + datetime.timedelta(hours=1), zone),
        recurrence=["RRULE:FREQ=WEEKLY;BYDAY=MO", *lines],
    )


def starts(found: Sequence[Occurrence]) -> list[datetime.datetime | datetime.date]:
    return [o.start for o in found]


def within(seconds: float, call: Callable[[], T]) -> T:
    """`call()`, failing the test if it hasn't returned or raised after `seconds` (it keeps running in a
    daemon thread: a hang detector, not a timer)."""
    box: dict[str, Any] = {}

    def run() -> None:
        try:
            box["value"] = call()
        except BaseException as error:  # handed to the test below
            box["error"] = error

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), f"still running after {seconds} s"
    if "error" in box:
        raise box["error"]
    value: T = box["value"]
    return value


MARCH = (at(SEOUL, 2024, 3, 1), at(SEOUL, 2024, 4, 1))


# The oracle: icalendar + recurring_ical_events ---------------------------------------------------------

ZONES = ("America/New_York", "Europe/Berlin", "Australia/Sydney", "Asia/Seoul")
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
FREQUENCIES = ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")


def _dst_changes(name: str) -> list[datetime.datetime]:
    """The UTC hours in 2023-2026 at which the zone's offset changes (a fixed date for zones without DST)."""
    zone, found = ZoneInfo(name), []
    moment = datetime.datetime(2023, 1, 1, tzinfo=UTC)
    previous = moment.astimezone(zone).utcoffset()
    while moment.year < 2026:
        moment += datetime.timedelta(hours=1)
        offset = moment.astimezone(zone).utcoffset()
        if offset != previous:
            found.append(moment)
        previous = offset
    return found or [datetime.datetime(2024, 6, 1, tzinfo=UTC)]


DST_CHANGES = {name: _dst_changes(name) for name in ZONES}


@st.composite
def series_cases(draw: st.DrawFn) -> dict[str, Any]:
    """A recurring event near a DST change of its zone, and a window of 1-120 days around that change."""
    name = draw(st.sampled_from(ZONES))
    zone = ZoneInfo(name)
    change = draw(st.sampled_from(DST_CHANGES[name]))
    all_day = draw(st.booleans()) and draw(st.booleans())  # one case in four
    freq = draw(st.sampled_from(FREQUENCIES))
    before = draw(st.one_of(st.integers(-20, 60), st.integers(-20, 400)))  # mostly a series already running
    first_day = change.astimezone(zone).date() - datetime.timedelta(days=before)
    # Often the hours the clocks skip or repeat at the change, so occurrences land in the gap or the fold.
    edge = (change - datetime.timedelta(minutes=1)).astimezone(zone).hour
    hour = draw(st.one_of(st.integers(0, 23), st.sampled_from([edge, (edge + 1) % 24])))
    wall = datetime.datetime.combine(first_day, datetime.time(hour, draw(st.sampled_from([0, 30]))))
    byday = bymonthday = None
    if draw(st.booleans()):  # a subset that keeps DTSTART on the rule
        byday = sorted(draw(st.sets(st.integers(0, 6), max_size=3)) | {first_day.weekday()})
    if freq != "WEEKLY" and draw(st.booleans()):  # RFC 5545: no BYMONTHDAY in a weekly rule
        bymonthday = sorted(draw(st.sets(st.integers(1, 28), max_size=3)) | {first_day.day})
    ending = draw(st.sampled_from(["none", "count", "until"]))
    length = draw(st.integers(1, 120))
    lo = change - datetime.timedelta(days=draw(st.integers(0, length)), hours=draw(st.integers(0, 23)))
    window_zone = draw(st.sampled_from([zone, UTC]))
    return {
        "zone": name,
        "all_day": all_day,
        "freq": freq,
        "interval": draw(st.integers(1, 4)),
        "wall": wall,
        "minutes": draw(st.sampled_from([0, 30, 60, 150, 24 * 60])),
        "days": draw(st.integers(1, 3)),
        "byday": byday,
        "bymonthday": bymonthday,
        "count": draw(st.integers(1, 40)) if ending == "count" else None,
        "until": (
            wall.replace(tzinfo=zone).astimezone(UTC)
            + datetime.timedelta(days=draw(st.integers(0, 500)), hours=draw(st.integers(0, 23)))
            if ending == "until"
            else None
        ),
        "lo": lo.astimezone(window_zone),
        "hi": (lo + datetime.timedelta(days=length)).astimezone(window_zone),
        "utc_exdates": draw(st.booleans()),
    }


def _bounds(
    case: dict[str, Any],
) -> tuple[datetime.date | datetime.datetime, datetime.date | datetime.datetime]:
    wall: datetime.datetime = case["wall"]
    if case["all_day"]:
        return wall.date(), wall.date() + datetime.timedelta(days=case["days"])
    zone = ZoneInfo(case["zone"])
    return wall.replace(tzinfo=zone), (wall + datetime.timedelta(minutes=case["minutes"])).replace(
        tzinfo=zone
    )


def _rrule_text(case: dict[str, Any]) -> str:
    parts = [f"FREQ={case['freq']}", f"INTERVAL={case['interval']}"]
    if case["byday"]:
        parts.append("BYDAY=" + ",".join(WEEKDAYS[day] for day in case["byday"]))
    if case["bymonthday"]:
        parts.append("BYMONTHDAY=" + ",".join(str(day) for day in case["bymonthday"]))
    if case["count"] is not None:
        parts.append(f"COUNT={case['count']}")
    if case["until"] is not None:
        until: datetime.datetime = case["until"]
        parts.append(
            "UNTIL=" + (until.strftime("%Y%m%d") if case["all_day"] else until.strftime("%Y%m%dT%H%M%SZ"))
        )
    return ";".join(parts)


def oracle(case: dict[str, Any], exdates: Sequence[datetime.date]) -> list[Any]:
    """recurring_ical_events' occurrences of the case as a VEVENT, over the window widened by a day and
    the event's length on each side (the window itself is applied by `in_window`)."""
    start, end = _bounds(case)
    vevent = icalendar.Event()
    vevent.add("uid", "oracle@calspec")
    vevent.add("summary", "Standup")
    vevent.add("dtstart", start)
    vevent.add("dtend", end)
    vevent.add("rrule", icalendar.vRecur.from_ical(_rrule_text(case)))
    if exdates:
        vevent.add("exdate", list(exdates))
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//calspec//oracle//EN")
    calendar.add("version", "2.0")
    calendar.add_component(vevent)
    margin = datetime.timedelta(days=4)
    return list(recurring_ical_events.of(calendar).between(case["lo"] - margin, case["hi"] + margin))


def lineworks_case(case: dict[str, Any], exdates: Sequence[datetime.date]) -> EventComponents:
    """The same event as LINE WORKS lists it."""
    start, end = _bounds(case)
    lines = ["RRULE:" + _rrule_text(case)]
    if case["all_day"]:
        times = {"date": start.isoformat()}, {"date": end.isoformat()}
        if exdates:
            lines.append("EXDATE;VALUE=DATE:" + ",".join(f"{day:%Y%m%d}" for day in exdates))
    else:
        assert isinstance(start, datetime.datetime) and isinstance(end, datetime.datetime)
        times = timed(start.replace(tzinfo=None), case["zone"]), timed(end.replace(tzinfo=None), case["zone"])
        values = [value for value in exdates if isinstance(value, datetime.datetime)]
        if values and case["utc_exdates"]:
            lines.append("EXDATE:" + ",".join(f"{value.astimezone(UTC):%Y%m%dT%H%M%SZ}" for value in values))
        elif values:
            lines.append(
                f"EXDATE;TZID={case['zone']}:" + ",".join(f"{value:%Y%m%dT%H%M%S}" for value in values)
            )
    return event(component(times[0], times[1], recurrence=lines))


def in_window(case: dict[str, Any], start: Any, length: datetime.timedelta) -> bool:
    """Whether an occurrence starting at `start` and lasting `length` (exactly; days for all-day
    events) overlaps the case's window: [start, end) against [lo, hi), an instant when lo <= it < hi."""
    lo: datetime.datetime = case["lo"]
    hi: datetime.datetime = case["hi"]
    if isinstance(start, datetime.datetime):  # as UTC instants: aware datetimes of one zone compare walls
        begin, finish = start.astimezone(UTC), start.astimezone(UTC) + length
        lo, hi = lo.astimezone(UTC), hi.astimezone(UTC)
    else:  # floating dates are read in the zone of the window's start
        begin = datetime.datetime.combine(start, datetime.time(), tzinfo=lo.tzinfo)
        finish = datetime.datetime.combine(start + length, datetime.time(), tzinfo=lo.tzinfo)
        begin, finish = begin.replace(tzinfo=None), finish.replace(tzinfo=None)
        lo, hi = lo.replace(tzinfo=None), hi.astimezone(lo.tzinfo).replace(tzinfo=None)
    if begin == finish:
        return lo <= begin < hi
    return begin < hi and finish > lo


@settings(max_examples=100, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(case=series_cases(), data=st.data())
def test_expansion_matches_recurring_ical_events(case: dict[str, Any], data: st.DataObject) -> None:
    unexcluded = sorted(o.start for o in oracle(case, ()))
    exdates = data.draw(st.lists(st.sampled_from(unexcluded), max_size=3, unique=True)) if unexcluded else []
    check_against_oracle(case, exdates)


@pytest.mark.parametrize("zone", ["America/New_York", "Europe/Berlin", "Australia/Sydney"])
@pytest.mark.parametrize("freq", ["DAILY", "WEEKLY"])
def test_expansion_matches_recurring_ical_events_in_the_hours_clocks_skip_or_repeat(
    zone: str, freq: str
) -> None:
    """The generated cases reach these hours only now and then: here every change of 2024 meets a
    series at the hour before it and the hour after it on the wall clock, which the clocks skip (in
    spring) or repeat (in autumn)."""
    for change in (c for c in DST_CHANGES[zone] if c.year == 2024):
        local = (change - datetime.timedelta(minutes=1)).astimezone(ZoneInfo(zone))
        for hour in (local.hour, (local.hour + 1) % 24):
            wall = datetime.datetime.combine(
                local.date() - datetime.timedelta(days=14), datetime.time(hour, 30)
            )
            case = {
                "zone": zone,
                "all_day": False,
                "freq": freq,
                "interval": 1,
                "wall": wall,
                "minutes": 60,
                "days": 1,
                "byday": None,
                "bymonthday": None,
                "count": None,
                "until": None,
                "lo": change - datetime.timedelta(days=3),
                "hi": change + datetime.timedelta(days=3),
                "utc_exdates": False,
            }
            found = check_against_oracle(case, ())
            assert local.date() in {_instant(o.start).astimezone(ZoneInfo(zone)).date() for o in found}


def check_against_oracle(case: dict[str, Any], exdates: Sequence[datetime.date]) -> list[Occurrence]:
    """Our occurrences of the case are the oracle's, at the same instants, with the same ends (exact
    lengths: where the oracle's wall-clock length differs across a DST change, ours is the exact one)."""
    start, end = _bounds(case)
    if case["all_day"]:
        length = datetime.timedelta(days=case["days"])
    else:
        assert isinstance(start, datetime.datetime) and isinstance(end, datetime.datetime)
        length = end.astimezone(UTC) - start.astimezone(UTC)  # exact (RFC 5545 for DTEND)
    expected = sorted(
        (o for o in oracle(case, exdates) if in_window(case, o.start, length)),
        key=lambda o: _instant(o.start),
    )

    found = occurrences(lineworks_case(case, exdates), case["lo"], case["hi"])

    assert [_instant(o.start) for o in found] == [_instant(o.start) for o in expected]
    for mine, theirs in zip(found, expected, strict=True):
        assert mine.all_day is case["all_day"]
        assert mine.recurrence_id == mine.start and mine.summary == "Standup" and not mine.modified
        if case["all_day"]:
            assert type(mine.start) is datetime.date and mine.end == theirs.end
            continue
        assert isinstance(mine.start, datetime.datetime) and isinstance(mine.end, datetime.datetime)
        zone = ZoneInfo(case["zone"])
        assert mine.start.tzinfo == zone
        real = _instant(mine.start).astimezone(zone)
        assert mine.start.replace(tzinfo=None) == real.replace(tzinfo=None), "a wall time the zone has"
        assert _instant(mine.end) - _instant(mine.start) == length  # exact
        if _instant(theirs.end) - _instant(theirs.start) == length:  # no DST change inside it
            assert _instant(mine.end) == _instant(theirs.end)
        if _instant(theirs.start).astimezone(zone).replace(tzinfo=None) == theirs.start.replace(tzinfo=None):
            assert mine.start.replace(tzinfo=None).time() == case["wall"].time()  # not in a gap: as written
    return found


def _instant(value: Any) -> Any:
    return value.astimezone(UTC) if isinstance(value, datetime.datetime) else value


# DST, all-day and single events ------------------------------------------------------------------------


def test_a_weekly_meeting_stays_at_nine_local_across_the_dst_change() -> None:
    found = occurrences(
        event(weekly("America/New_York")), at(NEW_YORK, 2024, 3, 1), at(NEW_YORK, 2024, 3, 26)
    )
    assert [o.start.isoformat() for o in found if isinstance(o.start, datetime.datetime)] == [
        "2024-03-04T09:00:00-05:00",
        "2024-03-11T09:00:00-04:00",  # the day after the change: still 09:00, now EDT
        "2024-03-18T09:00:00-04:00",
        "2024-03-25T09:00:00-04:00",
    ]
    assert all(o.end == o.start + datetime.timedelta(hours=1) for o in found)


def test_a_time_the_dst_gap_skips_is_read_with_the_offset_before_it() -> None:
    daily = component(
        timed(datetime.datetime(2024, 3, 9, 2, 30), "America/New_York"),
        timed(datetime.datetime(2024, 3, 9, 3, 0), "America/New_York"),
        recurrence=["RRULE:FREQ=DAILY;COUNT=3"],
    )
    found = occurrences(event(daily), at(NEW_YORK, 2024, 3, 9), at(NEW_YORK, 2024, 3, 12))
    assert [o.start.isoformat() for o in found if isinstance(o.start, datetime.datetime)] == [
        "2024-03-09T02:30:00-05:00",
        "2024-03-10T03:30:00-04:00",  # 02:30 doesn't exist that night: RFC 5545 reads it as EST
        "2024-03-11T02:30:00-04:00",
    ]


def test_window_edges_next_to_a_dst_change_keep_their_occurrences() -> None:
    hourly = component(
        timed(datetime.datetime(2024, 3, 9, 0, 30), "America/New_York"), recurrence=["RRULE:FREQ=HOURLY"]
    )
    found = occurrences(event(hourly), at(NEW_YORK, 2024, 3, 9, 23, 30), at(NEW_YORK, 2024, 3, 10, 4, 31))
    assert [o.start.isoformat() for o in found if isinstance(o.start, datetime.datetime)] == [
        "2024-03-09T23:30:00-05:00",
        "2024-03-10T00:30:00-05:00",
        "2024-03-10T01:30:00-05:00",
        "2024-03-10T03:30:00-04:00",  # 02:30 (skipped by the clocks) and 03:30 are one instant: once
        "2024-03-10T04:30:00-04:00",
    ]
    back = occurrences(event(hourly), at(NEW_YORK, 2024, 11, 2, 23, 30), at(NEW_YORK, 2024, 11, 3, 2, 31))
    assert [o.start.isoformat() for o in back if isinstance(o.start, datetime.datetime)] == [
        "2024-11-02T23:30:00-04:00",
        "2024-11-03T00:30:00-04:00",
        "2024-11-03T01:30:00-04:00",  # the repeated hour: its first time (RFC 5545), on dateutil's wall clock
        "2024-11-03T02:30:00-05:00",
    ]


def test_an_all_day_series_yields_dates_read_in_the_windows_zone() -> None:
    monthly = component(
        {"date": "2024-01-31"}, {"date": "2024-02-01"}, recurrence=["RRULE:FREQ=MONTHLY;COUNT=4"]
    )
    found = occurrences(event(monthly), at(SEOUL, 2024, 1, 1), at(SEOUL, 2025, 1, 1))
    assert starts(found) == [datetime.date(2024, m, 31) for m in (1, 3, 5, 7)]  # months with a 31st
    assert all(o.all_day and type(o.start) is datetime.date and o.tzinfo is SEOUL for o in found)
    assert found[0].end == datetime.date(2024, 2, 1) and found[0].recurrence_id == datetime.date(2024, 1, 31)
    # One instant, 2024-03-31T15:00Z, as the window's start: in Seoul it is 04-01 00:00, after 03-31;
    # in UTC it is 15:00 on 03-31, which is still in that day. The dates float: the window's zone reads them.
    seoul = occurrences(event(monthly), at(SEOUL, 2024, 4, 1), at(SEOUL, 2024, 5, 1))
    utc = occurrences(event(monthly), at(UTC, 2024, 3, 31, 15), at(UTC, 2024, 4, 30, 15))
    assert starts(seoul) == [] and starts(utc) == [datetime.date(2024, 3, 31)]
    assert utc[0].starts_at == at(UTC, 2024, 3, 31)


def test_a_single_event_yields_itself_when_it_overlaps() -> None:
    single = component(
        timed(datetime.datetime(2024, 3, 5, 23, 30), "Asia/Seoul"),
        timed(datetime.datetime(2024, 3, 6, 0, 30), "Asia/Seoul"),
        summary="Late call",
    )
    (only,) = occurrences(event(single), at(SEOUL, 2024, 3, 6), at(SEOUL, 2024, 3, 7))
    assert only.recurrence_id is None and only.summary == "Late call" and only.event_id == "event-1"
    assert only.start == at(SEOUL, 2024, 3, 5, 23, 30) and only.end == at(SEOUL, 2024, 3, 6, 0, 30)
    assert occurrences(event(single), at(SEOUL, 2024, 3, 6, 0, 30), at(SEOUL, 2024, 3, 7)) == []
    instant = component(timed(datetime.datetime(2024, 3, 6, 9, 0), "Asia/Seoul"))  # no end: an instant
    assert len(occurrences(event(instant), at(SEOUL, 2024, 3, 6, 9), at(SEOUL, 2024, 3, 6, 10))) == 1
    assert occurrences(event(instant), at(SEOUL, 2024, 3, 6, 8), at(SEOUL, 2024, 3, 6, 9)) == []


def test_a_window_must_be_aware_and_in_order() -> None:
    naive = datetime.datetime(2024, 3, 1)
    with pytest.raises(ValueError, match="start must be an aware datetime"):
        occurrences(event(weekly()), naive, MARCH[1])
    with pytest.raises(ValueError, match="end must be an aware datetime"):
        occurrences(event(weekly()), MARCH[0], naive)
    with pytest.raises(ValueError, match="is before start"):
        occurrences(event(weekly()), MARCH[1], MARCH[0])
    with pytest.raises(ValueError, match="start must be an aware datetime"):
        dooray_occurrences([], naive, MARCH[1])


# Exceptions, cancellations, RDATE, COUNT, UNTIL --------------------------------------------------------


def test_a_modified_occurrence_replaces_the_one_it_names() -> None:
    moved = component(
        timed(datetime.datetime(2024, 3, 12, 14, 0), "Asia/Seoul"),
        timed(datetime.datetime(2024, 3, 12, 15, 30), "Asia/Seoul"),
        recurring_event_id="TZID=Asia/Seoul:20240311T090000",
        summary="Standup (moved)",
    )
    found = occurrences(event(weekly(), moved), *MARCH)
    assert starts(found) == [
        at(SEOUL, 2024, 3, 4, 9),
        at(SEOUL, 2024, 3, 12, 14),  # instead of 03-11 09:00
        at(SEOUL, 2024, 3, 18, 9),
        at(SEOUL, 2024, 3, 25, 9),
    ]
    replacement = found[1]
    assert replacement.modified and replacement.summary == "Standup (moved)"
    assert replacement.recurrence_id == at(SEOUL, 2024, 3, 11, 9)
    assert replacement.end == at(SEOUL, 2024, 3, 12, 15, 30)
    assert replacement.source.recurring_event_id == "TZID=Asia/Seoul:20240311T090000"
    assert [o.summary for o in found if o is not replacement] == ["Standup"] * 3
    assert {o.event_id for o in found} == {"event-1"}


@pytest.mark.parametrize(
    "recurrence_id",
    [
        "TZID=Asia/Seoul:20240311T090000",
        "RECURRENCE-ID;TZID=Asia/Seoul:20240311T090000",
        "20240311T000000Z",  # the same instant in UTC
        "20240311T090000",  # floating: the master's timeZone
        "TZID=Asia/Tokyo:20240311T090000",  # the same instant in another zone with +09:00
        "2024-03-11T09:00:00",
    ],
)
def test_a_recurrence_id_names_an_occurrence_in_any_rfc_5545_form(recurrence_id: str) -> None:
    moved = component(
        timed(datetime.datetime(2024, 3, 11, 17, 0), "Asia/Seoul"),
        recurring_event_id=recurrence_id,
        summary="Later",
    )
    found = occurrences(event(weekly(), moved), *MARCH)
    assert at(SEOUL, 2024, 3, 11, 9) not in starts(found)
    assert [o.start for o in found if o.modified] == [at(SEOUL, 2024, 3, 11, 17)]


def test_an_occurrence_moved_out_of_the_window_leaves_it_and_one_moved_in_enters() -> None:
    out = component(
        timed(datetime.datetime(2024, 4, 2, 9, 0), "Asia/Seoul"),
        recurring_event_id="TZID=Asia/Seoul:20240325T090000",
    )
    into = component(
        timed(datetime.datetime(2024, 3, 29, 9, 0), "Asia/Seoul"),
        recurring_event_id="TZID=Asia/Seoul:20240401T090000",
    )
    found = occurrences(event(weekly(), out, into), *MARCH)
    assert starts(found) == [
        at(SEOUL, 2024, 3, 4, 9),
        at(SEOUL, 2024, 3, 11, 9),
        at(SEOUL, 2024, 3, 18, 9),
        at(SEOUL, 2024, 3, 29, 9),
    ]
    assert found[-1].recurrence_id == at(SEOUL, 2024, 4, 1, 9)


def test_an_exdate_cancels_the_occurrence_it_names() -> None:
    for line in (
        "EXDATE;TZID=Asia/Seoul:20240311T090000,20240325T090000",
        "EXDATE:20240311T000000Z,20240325T000000Z",
        "EXDATE:20240311T090000,20240325T090000",  # floating: the master's zone
        "EXDATE;VALUE=DATE:20240311,20240325",  # a date in a timed series: that day's occurrences
    ):
        found = occurrences(event(weekly("Asia/Seoul", line)), *MARCH)
        assert starts(found) == [at(SEOUL, 2024, 3, 4, 9), at(SEOUL, 2024, 3, 18, 9)], line


def test_an_exception_stands_even_when_an_exdate_names_its_original() -> None:
    """NOTES R1: an EXDATE cancels the series' occurrence; an exception component is its own occurrence."""
    moved = component(
        timed(datetime.datetime(2024, 3, 12, 9, 0), "Asia/Seoul"),
        recurring_event_id="TZID=Asia/Seoul:20240311T090000",
        summary="Moved",
    )
    series = weekly("Asia/Seoul", "EXDATE;TZID=Asia/Seoul:20240311T090000")
    found = occurrences(event(series, moved), *MARCH)
    assert [(o.start, o.summary) for o in found][:2] == [
        (at(SEOUL, 2024, 3, 4, 9), "Standup"),
        (at(SEOUL, 2024, 3, 12, 9), "Moved"),
    ]


def test_rdate_adds_occurrences_with_the_series_duration() -> None:
    series = weekly("Asia/Seoul", "RDATE;TZID=Asia/Seoul:20240313T160000", "RDATE:20240320T050000Z")
    found = occurrences(event(series), *MARCH)
    assert at(SEOUL, 2024, 3, 13, 16) in starts(found) and at(SEOUL, 2024, 3, 20, 14) in starts(found)
    assert len(found) == 6
    extra = next(o for o in found if o.start == at(SEOUL, 2024, 3, 13, 16))
    assert extra.end == at(SEOUL, 2024, 3, 13, 17) and extra.recurrence_id == extra.start
    all_day = component({"date": "2024-03-01"}, recurrence=["RRULE:FREQ=YEARLY", "RDATE;VALUE=DATE:20240315"])
    assert starts(occurrences(event(all_day), *MARCH)) == [
        datetime.date(2024, 3, 1),
        datetime.date(2024, 3, 15),
    ]


def test_count_and_until_stop_the_series() -> None:
    counted = weekly("Asia/Seoul") | {"recurrence": ["RRULE:FREQ=WEEKLY;COUNT=2"]}
    assert starts(occurrences(event(counted), *MARCH)) == [
        at(SEOUL, 2024, 3, 4, 9),
        at(SEOUL, 2024, 3, 11, 9),
    ]
    until_utc = weekly("Asia/Seoul") | {"recurrence": ["RRULE:FREQ=WEEKLY;UNTIL=20240318T000000Z"]}
    assert starts(occurrences(event(until_utc), *MARCH))[-1] == at(SEOUL, 2024, 3, 18, 9)  # 00:00Z is 09:00
    until_floating = weekly("Asia/Seoul") | {"recurrence": ["RRULE:FREQ=WEEKLY;UNTIL=20240318T085959"]}
    assert starts(occurrences(event(until_floating), *MARCH))[-1] == at(SEOUL, 2024, 3, 11, 9)
    until_day = weekly("Asia/Seoul") | {
        "recurrence": ["RRULE:FREQ=WEEKLY;UNTIL=20240318"]
    }  # through that day
    assert starts(occurrences(event(until_day), *MARCH))[-1] == at(SEOUL, 2024, 3, 18, 9)
    counted_far = weekly("Asia/Seoul") | {"recurrence": ["RRULE:FREQ=DAILY;COUNT=5000"]}
    later = occurrences(event(counted_far), at(SEOUL, 2037, 11, 1), at(SEOUL, 2038, 1, 1))
    assert starts(later)[-1] == at(SEOUL, 2024, 3, 4, 9) + datetime.timedelta(days=4999)


def test_dtstart_is_the_first_occurrence_even_off_the_rule() -> None:
    """The seed's own example: a Sunday rule over a Monday start, and an EXDATE of that start."""
    seed = component(
        timed(datetime.datetime(2021, 12, 13, 14, 0), "Asia/Seoul"),
        timed(datetime.datetime(2021, 12, 13, 15, 0), "Asia/Seoul"),
        recurrence=["RRULE:FREQ=WEEKLY;INTERVAL=1;BYDAY=SU", "EXDATE;TZID=Asia/Seoul:20211213T140000"],
        recurring_event_id="TZID=Asia/Seoul:20211213T140000",  # a component with recurrence is the series
    )
    december = (at(SEOUL, 2021, 12, 1), at(SEOUL, 2021, 12, 31))
    assert starts(occurrences(event(seed), *december)) == [at(SEOUL, 2021, 12, d, 14) for d in (19, 26)]
    seed["recurrence"] = seed["recurrence"][:1]  # without the EXDATE, the Monday start counts
    assert starts(occurrences(event(seed), *december))[0] == at(SEOUL, 2021, 12, 13, 14)


def test_several_events_come_sorted_and_an_event_listed_twice_counts_once() -> None:
    other = component(
        timed(datetime.datetime(2024, 3, 4, 8, 0), "Europe/Berlin"),
        timed(datetime.datetime(2024, 3, 4, 8, 30), "Europe/Berlin"),
        event_id="event-2",
        summary="Berlin",
    )
    all_day = component({"date": "2024-03-04"}, event_id="event-3", summary="Holiday")
    midnight = component(
        timed(datetime.datetime(2024, 3, 4), "Asia/Seoul"), event_id="event-4", summary="Midnight"
    )
    listed = EventList(
        events=[event(weekly()), event(other), event(midnight), event(all_day), event(weekly())]
    )
    found = occurrences(listed, at(SEOUL, 2024, 3, 4), at(SEOUL, 2024, 3, 5))
    # 00:00 KST all day, then 00:00 KST timed (all-day first at the same moment), 09:00 KST, 16:00 KST
    assert [o.summary for o in found] == ["Holiday", "Midnight", "Standup", "Berlin"]
    assert found == sorted(found) and found[0] < found[1] < found[2] < found[3]
    standups = [o for o in occurrences(listed, *MARCH) if o.summary == "Standup"]
    assert len(standups) == 4  # listed twice, counted once
    assert occurrences([event(weekly()), event(all_day)], *MARCH) == occurrences(
        iter([event(all_day), event(weekly())]), *MARCH
    )


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("RRULE:FREQ=WEEKLY;INTERVAL=0", "INTERVAL must be 1 or more"),
        ("RRULE:FREQ=WEEKLY;INTERVAL=-2", "INTERVAL must be 1 or more"),
        ("RRULE:FREQ=WEEKLY;COUNT=0", "COUNT must be 1 or more"),
        ("RRULE:FREQ=YEARLY;BYEASTER=0", "BYEASTER"),
        ("RRULE:FREQ=FORTNIGHTLY", "not a rule python-dateutil can read"),
        ("EXRULE:FREQ=WEEKLY", "EXRULE is deprecated"),
        ("DTSTART:20240301T090000", "only RRULE, RDATE and EXDATE"),
        ("EXDATE;TZID=Mars/Olympus:20240311T090000", "unknown time zone"),
        ("EXDATE:20240230T090000", "not an RFC 5545 date"),
        ("RDATE;VALUE=PERIOD:20240311T090000Z/PT1H", "VALUE=PERIOD"),
        ("FREQ=WEEKLY", "not an RFC 5545 content line"),
    ],
)
def test_lines_that_cant_be_read_safely_raise(line: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        occurrences(event(weekly("Asia/Seoul", line)), *MARCH)


def test_times_that_cant_be_read_raise() -> None:
    unzoned = component({"dateTime": "2024-03-04T09:00:00"}, recurrence=["RRULE:FREQ=DAILY"])
    with pytest.raises(ValueError, match="needs its timeZone"):
        occurrences(event(unzoned), *MARCH)
    mixed = component(timed(datetime.datetime(2024, 3, 4, 9), "Asia/Seoul"), {"date": "2024-03-05"})
    with pytest.raises(ValueError, match="timed start needs a timed end"):
        occurrences(event(mixed), *MARCH)
    this_and_future = component(
        timed(datetime.datetime(2024, 3, 12, 9), "Asia/Seoul"),
        recurring_event_id="RANGE=THISANDFUTURE;TZID=Asia/Seoul:20240311T090000",
    )
    with pytest.raises(ValueError, match="THISANDFUTURE"):
        occurrences(event(weekly(), this_and_future), *MARCH)


# Runaway rules -----------------------------------------------------------------------------------------


def test_a_rule_that_never_occurs_returns_nothing_at_once() -> None:
    never = weekly("Asia/Seoul") | {"recurrence": ["RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30"]}
    found = within(HANG, lambda: occurrences(event(never), at(SEOUL, 2024, 3, 5), at(SEOUL, 2124, 3, 5)))
    assert found == []
    # Bounded by the window, not by the years to 9999: a year of it fits in a hundred steps.
    assert occurrences(event(never), at(SEOUL, 2024, 3, 5), at(SEOUL, 2025, 3, 5), max_steps=100) == []
    yearly = weekly("Asia/Seoul") | {"recurrence": ["RRULE:FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=31;COUNT=3"]}
    assert (
        within(HANG, lambda: occurrences(event(yearly), at(SEOUL, 2024, 3, 5), at(SEOUL, 2074, 3, 5))) == []
    )


def test_a_secondly_rule_over_a_year_raises_instead_of_hanging() -> None:
    secondly = component(
        timed(datetime.datetime(2024, 3, 4, 9), "Asia/Seoul"), recurrence=["RRULE:FREQ=SECONDLY"]
    )
    with pytest.raises(ValueError, match="more than 100000 steps; ask for a shorter window"):
        within(HANG, lambda: occurrences(event(secondly), at(SEOUL, 2024, 3, 5), at(SEOUL, 2025, 3, 5)))
    # The same rule answers a short window, even far from its start (the series is re-anchored).
    found = within(
        HANG, lambda: occurrences(event(secondly), at(SEOUL, 2090, 1, 1, 12), at(SEOUL, 2090, 1, 1, 12, 0, 3))
    )
    assert [o.start for o in found] == [at(SEOUL, 2090, 1, 1, 12, 0, s) for s in range(3)]


def test_a_counted_rule_far_from_its_window_stays_bounded() -> None:
    counted = weekly("Asia/Seoul") | {"recurrence": ["RRULE:FREQ=MINUTELY;COUNT=100000000"]}
    with pytest.raises(ValueError, match="ask for a shorter window"):
        within(HANG, lambda: occurrences(event(counted), at(SEOUL, 2030, 1, 1), at(SEOUL, 2030, 1, 2)))
    near = occurrences(event(counted), at(SEOUL, 2024, 3, 4, 9, 30), at(SEOUL, 2024, 3, 4, 9, 31))
    assert len(near) == 31  # hour-long events from 09:00: those that started 09:00 to 09:30 meet the window


def test_an_old_daily_series_is_cheap_in_a_far_window() -> None:
    old = component(
        timed(datetime.datetime(1900, 1, 1, 9, 0), "Europe/Berlin"),
        timed(datetime.datetime(1900, 1, 1, 10, 0), "Europe/Berlin"),
        recurrence=["RRULE:FREQ=DAILY"],
    )
    found = within(
        HANG, lambda: occurrences(event(old), at(BERLIN, 2100, 3, 27), at(BERLIN, 2100, 3, 30), max_steps=200)
    )
    assert [o.start for o in found] == [at(BERLIN, 2100, 3, d, 9) for d in (27, 28, 29)]


# Dooray: listed items as occurrences -------------------------------------------------------------------


def dooray_item(**fields: Any) -> DoorayEvent:
    return DoorayEvent.from_dict({"id": "1", "subject": "회의", **fields})


def test_dooray_items_map_to_occurrences_in_the_window() -> None:
    items = [
        dooray_item(
            id="7-20240311T000000Z",
            masterScheduleId="7",
            recurrenceType="unmodified",
            recurrenceId="2024-03-11T09:00:00+09:00",
            startedAt="2024-03-11T09:00:00+09:00",
            endedAt="2024-03-11T10:00:00+09:00",
        ),
        dooray_item(
            id="7-20240318T000000Z",
            masterScheduleId="7",
            recurrenceType="modified",
            recurrenceId="2024-03-18T09:00:00+09:00",
            startedAt="2024-03-19T14:00:00+09:00",
            endedAt="2024-03-19T15:00:00+09:00",
            subject="옮긴 회의",
        ),
        dooray_item(id="8", startedAt="2024-03-11+09:00", endedAt="2024-03-13+09:00", wholeDayFlag=True),
        dooray_item(id="9", startedAt=None, endedAt=None, category="post"),  # a post without dates
        dooray_item(id="10", startedAt="2024-04-01T00:00:00+09:00", endedAt="2024-04-01T01:00:00+09:00"),
    ]
    found = dooray_occurrences(items, *MARCH)
    assert [o.event_id for o in found] == ["8", "7", "7"]
    day, first, moved = found
    assert day.all_day and day.start == datetime.date(2024, 3, 11) and day.end == datetime.date(2024, 3, 13)
    assert type(day.start) is datetime.date and not isinstance(day.start, OffsetDate)
    assert day.tzinfo == datetime.timezone(datetime.timedelta(hours=9)) and day.recurrence_id is None
    assert first.recurrence_id == first.start == at(SEOUL, 2024, 3, 11, 9) and not first.modified
    assert (
        moved.modified and moved.summary == "옮긴 회의" and moved.recurrence_id == at(SEOUL, 2024, 3, 18, 9)
    )
    assert moved.source.id == "7-20240318T000000Z"
    assert (
        dooray_occurrences(
            EventListResponse.from_dict({"header": HEADER, "result": [i.to_dict() for i in items]}), *MARCH
        )
        == found
    )
    assert dooray_occurrences(items + items, *MARCH) == found  # listed twice: counted once


HEADER = {"isSuccessful": True, "resultCode": 0, "resultMessage": ""}


def test_dooray_recurrence_id_falls_back_to_the_occurrence_ids_utc_start() -> None:
    item = dooray_item(
        id="7-20240311T000000Z",
        masterScheduleId="7",
        recurrenceType="unmodified",
        startedAt="2024-03-11T09:00:00+09:00",
    )
    (found,) = dooray_occurrences([item], *MARCH)
    assert found.recurrence_id == at(SEOUL, 2024, 3, 11, 9) and found.end == found.start
    assert isinstance(found.recurrence_id, datetime.datetime)
    assert found.recurrence_id.isoformat() == "2024-03-11T09:00:00+09:00"  # in the item's offset
    item.recurrence_id = "2024-03-11T00:00:00Z"
    (found,) = dooray_occurrences([item], *MARCH)
    assert isinstance(found.recurrence_id, datetime.datetime)
    assert found.recurrence_id.isoformat() == "2024-03-11T09:00:00+09:00"


def test_dooray_items_must_have_offsets() -> None:
    with pytest.raises(ValueError, match="has no UTC offset"):
        dooray_occurrences([dooray_item(startedAt="2024-03-11T09:00:00")], *MARCH)


# The same schedule through both generated clients, against the fake -------------------------------------

LW_USER = "userf7da-f82c-4284-13e7-030f3b4c756x"
LW_CALENDAR = "calendar-96b8-4c74-8277-7953e0b4604a"
DOORAY_CALENDAR = "1"
# A Monday 09:00 meeting in Berlin; the 03-18 one is moved to Tuesday 10:00. Clocks change on 03-31.
WINDOW = (at(BERLIN, 2024, 3, 10), at(BERLIN, 2024, 4, 10))  # 31 days: what one LINE WORKS list allows
EXPECTED = [
    ("2024-03-11T09:00:00+01:00", "Standup"),
    ("2024-03-19T10:00:00+01:00", "Standup (moved)"),
    ("2024-03-25T09:00:00+01:00", "Standup"),
    ("2024-04-01T09:00:00+02:00", "Standup"),
    ("2024-04-08T09:00:00+02:00", "Standup"),
]


@pytest.fixture(scope="module")
def fake_url() -> Iterator[str]:
    with serve(create_app(db=None), **UVICORN_OPTIONS) as url:
        yield url


def as_seen(found: Sequence[Any]) -> list[tuple[str, str]]:
    return [(o.start.isoformat(), o.summary) for o in found]


def test_lineworks_series_with_an_exception_through_the_fake(fake_url: str) -> None:
    client = LineWorksClient(base_url=f"{fake_url}/v1.0", token="lw-demo-token")
    berlin = "Europe/Berlin"
    series = EventRequest(
        event_id="event-recurrence-standup",
        summary="Standup",
        start=EventTimeInput(date_time=datetime.datetime(2024, 3, 4, 9), time_zone=berlin),
        end=EventTimeInput(date_time=datetime.datetime(2024, 3, 4, 10), time_zone=berlin),
        recurrence=["RRULE:FREQ=WEEKLY;BYDAY=MO"],
    )
    moved = EventRequest(
        event_id="event-recurrence-standup",
        summary="Standup (moved)",
        start=EventTimeInput(date_time=datetime.datetime(2024, 3, 19, 10), time_zone=berlin),
        end=EventTimeInput(date_time=datetime.datetime(2024, 3, 19, 11), time_zone=berlin),
        recurring_event_id=f"TZID={berlin}:20240318T090000",
    )
    create_event.sync(
        LW_USER, LW_CALENDAR, client=client, body=CreateEventRequest(event_components=[series, moved])
    )
    listed = list_events.sync(
        LW_USER, LW_CALENDAR, client=client, from_date_time=WINDOW[0], until_date_time=WINDOW[1]
    )
    ours = [e for e in listed.events if e.event_components[0].event_id == "event-recurrence-standup"]
    assert len(ours) == 1, "a series is listed once"
    found = occurrences(ours[0], *WINDOW)
    assert as_seen(found) == EXPECTED
    assert [o.recurrence_id for o in found] == [
        at(BERLIN, 2024, 3, 11, 9),
        at(BERLIN, 2024, 3, 18, 9),
        at(BERLIN, 2024, 3, 25, 9),
        at(BERLIN, 2024, 4, 1, 9),
        at(BERLIN, 2024, 4, 8, 9),
    ]
    assert [o.modified for o in found] == [False, True, False, False, False]
    assert all(o.end == o.start + datetime.timedelta(hours=1) for o in found)
    assert {o.event_id for o in found} == {"event-recurrence-standup"}
    assert [o for o in occurrences(listed, *WINDOW) if o.event_id == "event-recurrence-standup"] == found


def test_dooray_series_with_an_edited_occurrence_matches_what_lineworks_sees(fake_url: str) -> None:
    client = DoorayClient(base_url=fake_url, token="dooray-demo-token")
    cet = datetime.timezone(datetime.timedelta(hours=1))
    series = DoorayCreateEventRequest(
        subject="Standup",
        started_at=datetime.datetime(2024, 3, 4, 9, tzinfo=cet),
        ended_at=datetime.datetime(2024, 3, 4, 10, tzinfo=cet),
        recurrence_rule=RecurrenceRuleInput(
            frequency=RecurrenceRuleInputFrequency.WEEKLY,
            interval=1,
            byday="MO",
            timezone_name="Europe/Berlin",
        ),
    )
    created = dooray_create_event.sync(DOORAY_CALENDAR, client=client, body=series)
    assert created.result, "a create answers the new id"
    master_id = created.result.id

    def listed() -> list[DoorayEvent]:
        answer = dooray_list_events.sync(
            client=client, time_min=WINDOW[0], time_max=WINDOW[1], calendars=DOORAY_CALENDAR
        )
        return [item for item in answer.result if item.master_schedule_id == master_id]

    before = dooray_occurrences(listed(), *WINDOW)
    assert [o.start for o in before][:2] == [at(BERLIN, 2024, 3, 11, 9), at(BERLIN, 2024, 3, 18, 9)]
    edit = UpdateEventRequest(
        subject="Standup (moved)",
        started_at=datetime.datetime(2024, 3, 19, 10, tzinfo=cet),
        ended_at=datetime.datetime(2024, 3, 19, 11, tzinfo=cet),
    )
    dooray_update_event.sync(DOORAY_CALENDAR, before[1].source.id, client=client, body=edit)

    found = dooray_occurrences(listed(), *WINDOW)
    assert as_seen(found) == EXPECTED  # the same starts and titles LINE WORKS' expansion gives
    assert [o.modified for o in found] == [False, True, False, False, False]
    assert found[1].recurrence_id == at(BERLIN, 2024, 3, 18, 9)
    assert {o.event_id for o in found} == {master_id}
