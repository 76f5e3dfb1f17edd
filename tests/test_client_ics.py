"""iCalendar in and out (`<package>.ics`): what survives a round trip, what a real export imports as, and
that the fake takes the requests `from_ics` builds.

The property tests generate events as the APIs hold them, write them with `to_ics` and read them back
with `from_ics`: every mapped field must come back equal, and the only warnings allowed are the ones
that say what the other side can't hold. tests/data/export.ics is a calendar export written by hand
from the RFC 5545 grammar (two zones with daylight saving time, folded lines, all-day events, a series
with an EXDATE, a moved and a cancelled occurrence, attendees, an organizer and alarms).
"""

from __future__ import annotations

import datetime
import re
import subprocess
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import dooray_calendar.models as dm
import icalendar
import lineworks_calendar.models as lm
import pytest
import recurring_ical_events  # type: ignore[import-untyped]
from dooray_calendar import AuthenticatedClient as DoorayClient
from dooray_calendar import ics as dooray_ics
from dooray_calendar.api.events import create_event as dooray_create
from dooray_calendar.api.events import delete_event as dooray_delete
from dooray_calendar.api.events import get_event as dooray_get
from dooray_calendar.api.events import list_events as dooray_list
from dooray_calendar.api.events import update_event as dooray_update
from dooray_calendar.types import OffsetDate
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lineworks_calendar import AuthenticatedClient as LineWorksClient
from lineworks_calendar import ics as lw_ics
from lineworks_calendar.api.events import create_event as lw_create
from lineworks_calendar.api.events import get_event as lw_get
from lineworks_calendar.api.events import list_events as lw_list

from calspec.contract.loopback import serve
from calspec.core.providers import PROVIDERS
from calspec.fake.app import FakeApp, create_app
from calspec.fake.limits import UVICORN_OPTIONS
from generator.layout import output_dir

EXPORT = Path(__file__).resolve().parent / "data" / "export.ics"
USER = "userf7da-f82c-4284-13e7-030f3b4c756x"
CALENDAR = "calendar-96b8-4c74-8277-7953e0b4604a"
DOORAY_CALENDAR = "1"  # the demo member's own calendar
KST = datetime.timezone(datetime.timedelta(hours=9))
NEW_YORK = ZoneInfo("America/New_York")
PROPERTIES = settings(
    max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
READ_ONLY = ("createdTime", "updatedTime", "viewUrl", "attachments")


def warned(call: Any, *args: Any, **kwargs: Any) -> tuple[Any, set[str]]:
    """The call's result and the IcsWarning messages it gave (counts stripped)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = call(*args, **kwargs)
    messages = {
        re.sub(r" \(\d+ times\)$", "", str(w.message))
        for w in caught
        if issubclass(w.category, (lw_ics.IcsWarning, dooray_ics.IcsWarning))
    }
    ours = (
        lw_ics.IcsWarning,
        dooray_ics.IcsWarning,
        ResourceWarning,
    )  # ResourceWarning: another test's garbage
    others = [w for w in caught if not issubclass(w.category, ours)]
    assert not others, [str(w.message) for w in others]
    return result, messages


def prop(component: icalendar.cal.Component, name: str) -> Any:
    """A property, untyped (icalendar types every property as any of its value types)."""
    return component[name]


def strip(component: dict[str, Any], *keys: str) -> dict[str, Any]:
    return {key: value for key, value in component.items() if key not in keys}


# Strategies ------------------------------------------------------------------------------------------

# Text as people type it: any letter, digit, punctuation or space (commas, semicolons, quotes, backslashes
# and colons included), and line breaks.
TEXT = st.text(
    alphabet=st.characters(
        codec="utf-8", categories=("L", "M", "N", "P", "S", "Zs"), include_characters="\n"
    ),
    max_size=40,
)
ZONES = st.sampled_from(
    ["Asia/Seoul", "Asia/Tokyo", "America/New_York", "Europe/Berlin", "Australia/Sydney", "UTC"]
)
DAYS = st.dates(min_value=datetime.date(1995, 1, 1), max_value=datetime.date(2035, 12, 31))
# Wall-clock times at any minute of the day, the hours daylight saving time skips or repeats included.
TIMES = st.builds(datetime.time, st.integers(0, 23), st.integers(0, 59), st.sampled_from([0, 30]))
EMAILS = st.builds(
    "{}.{}@example.{}".format,
    st.sampled_from(["alex", "jiwoo", "sam", "mina", "lena"]),
    st.integers(0, 99),
    st.sampled_from(["org", "net", "co.kr"]),
)
TRIGGERS = st.builds(datetime.timedelta, minutes=st.integers(-20160, 1440))


@st.composite
def durations(draw: Any) -> str:
    """A reminder trigger in the style the LINE WORKS documents write (`-PT0S`, `-PT15M`, `-P1W`,
    `-P6DT12H`): the form `from_ics` writes, built here without its code."""
    if draw(st.integers(0, 9)) == 0:
        return "-PT0S"
    sign = draw(st.sampled_from(["-", "-", ""]))
    if draw(st.integers(0, 4)) == 0:
        return f"{sign}P{draw(st.integers(1, 4))}W"
    days = draw(st.integers(0, 6))
    hours, minutes = draw(st.integers(0, 23)), draw(st.integers(0, 59))
    if not (days or hours or minutes):
        minutes = 5
    clock = (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "")
    return f"{sign}P" + (f"{days}D" if days else "") + (f"T{clock}" if clock else "")


def stamp(value: datetime.datetime) -> str:
    return value.strftime("%Y%m%dT%H%M%S")


def day_stamp(value: datetime.date) -> str:
    return value.strftime("%Y%m%d")


@st.composite
def lineworks_times(draw: Any) -> dict[str, Any]:
    """start and end (or no end), timed in a zone or all-day, with what a series needs."""
    day = draw(DAYS)
    if draw(st.booleans()):
        zone = draw(ZONES)
        start = datetime.datetime.combine(day, draw(TIMES))
        times: dict[str, Any] = {"start": {"dateTime": start.isoformat(), "timeZone": zone}}
        if draw(st.booleans()):
            end = start + datetime.timedelta(minutes=draw(st.integers(0, 3 * 1440)))
            times["end"] = {"dateTime": end.isoformat(), "timeZone": zone}
        return {"times": times, "zone": zone, "start": start, "day": None}
    times = {"start": {"date": day.isoformat()}}
    if draw(st.booleans()):
        times["end"] = {"date": (day + datetime.timedelta(days=draw(st.integers(1, 5)))).isoformat()}
    return {"times": times, "zone": None, "start": None, "day": day}


@st.composite
def lineworks_recurrence(draw: Any, when: dict[str, Any]) -> list[str]:
    """RRULE parts in RFC 5545's order (icalendar writes them so), and EXDATEs on the start's clock."""
    frequency = draw(st.sampled_from(["DAILY", "WEEKLY", "MONTHLY", "YEARLY"]))
    parts = [f"FREQ={frequency}"]
    first = when["start"] or datetime.datetime.combine(when["day"], datetime.time())
    end = draw(st.sampled_from(["none", "until", "count"]))
    if end == "until":
        last = first + datetime.timedelta(days=draw(st.integers(1, 400)))
        if when["day"] is None:
            utc = last.replace(tzinfo=ZoneInfo(when["zone"])).astimezone(datetime.UTC)
            parts.append(f"UNTIL={stamp(utc)}Z")
        else:
            parts.append(f"UNTIL={day_stamp(last.date())}")
    elif end == "count":
        parts.append(f"COUNT={draw(st.integers(1, 50))}")
    if draw(st.booleans()):
        parts.append(f"INTERVAL={draw(st.integers(1, 4))}")
    if frequency == "WEEKLY" and draw(st.booleans()):
        days = draw(
            st.lists(st.sampled_from(["MO", "TU", "WE", "TH", "FR", "SA", "SU"]), min_size=1, unique=True)
        )
        parts.append("BYDAY=" + ",".join(days))
    lines = ["RRULE:" + ";".join(parts)]
    for _ in range(draw(st.integers(0, 2))):
        offsets = draw(st.lists(st.integers(1, 60), min_size=1, max_size=3, unique=True))
        skipped = [first + datetime.timedelta(days=days) for days in offsets]
        if when["day"] is None:
            lines.append(f"EXDATE;TZID={when['zone']}:" + ",".join(stamp(value) for value in skipped))
        else:
            lines.append("EXDATE;VALUE=DATE:" + ",".join(day_stamp(value.date()) for value in skipped))
    return lines


@st.composite
def lineworks_attendee(draw: Any) -> dict[str, Any]:
    attendee: dict[str, Any] = {"email": draw(EMAILS)}
    if draw(st.booleans()):
        attendee["isResource"] = True
        attendee["id"] = f"resource-{draw(st.integers(1, 999))}"
        if draw(st.booleans()):
            del attendee["email"]
        if draw(st.booleans()):
            attendee["isExternalResource"] = draw(st.booleans())
        if draw(st.booleans()):
            attendee["resourceValue"] = draw(TEXT)
    elif draw(st.booleans()):
        attendee["isResource"] = False
    if draw(st.booleans()):
        attendee["displayName"] = draw(TEXT)
    if draw(st.booleans()):
        attendee["partstat"] = draw(st.sampled_from(["NEEDS-ACTION", "ACCEPTED", "DECLINED", "TENTATIVE"]))
    if draw(st.booleans()):
        attendee["isOptional"] = draw(st.booleans())
    return attendee


@st.composite
def lineworks_reminder(draw: Any) -> dict[str, Any]:
    reminder: dict[str, Any] = {"method": draw(st.sampled_from(["DISPLAY", "EMAIL"]))}
    if draw(st.booleans()):
        reminder["trigger"] = draw(durations())
    else:  # an absolute time, in the daytime (a wall time daylight saving time skips has no instant)
        at = datetime.datetime.combine(
            draw(DAYS), datetime.time(draw(st.integers(6, 22)), draw(st.integers(0, 59)))
        )
        reminder["triggerDateTime"] = {"dateTime": at.isoformat(), "timeZone": draw(ZONES)}
    return reminder


@st.composite
def lineworks_component(draw: Any, when: dict[str, Any], event_id: str) -> dict[str, Any]:
    component: dict[str, Any] = {"eventId": event_id, "summary": draw(TEXT), **when["times"]}
    for key, limit in (("description", 200), ("location", 100)):
        if draw(st.booleans()):
            component[key] = draw(TEXT)[:limit]
    if draw(st.booleans()):
        component["transparency"] = draw(st.sampled_from(["OPAQUE", "TRANSPARENT"]))
    if draw(st.booleans()):
        component["visibility"] = draw(st.sampled_from(["PUBLIC", "PRIVATE"]))
    if draw(st.booleans()):
        component["priority"] = draw(st.integers(0, 9))
    if draw(st.booleans()):
        component["sequence"] = draw(st.integers(0, 2**31 - 1))
    if draw(st.booleans()):
        component["organizer"] = {"email": draw(EMAILS)}
        if draw(st.booleans()):
            component["organizer"]["displayName"] = draw(TEXT)
    attendees = draw(st.lists(lineworks_attendee(), max_size=3))
    if attendees:
        component["attendees"] = attendees
    reminders = draw(st.lists(lineworks_reminder(), max_size=3))
    if reminders:
        component["reminders"] = reminders
    if draw(st.booleans()):
        latitude = draw(st.floats(-90, 90, allow_nan=False))
        longitude = draw(st.floats(-180, 180, allow_nan=False))
        component["map"] = {
            "geo": f"{latitude!r};{longitude!r}",
            "type": draw(st.sampled_from(["google", "NAVER"])),
        }
    if draw(st.booleans()):
        component["categoryId"] = f"category-{draw(st.integers(0, 99))}"
    if draw(st.booleans()):
        component["mapUrl"] = {"mapUrl": "https://maps.example.com/?q=4.12", "imageId": draw(TEXT)}
    if draw(st.booleans()):
        component["videoMeeting"] = {"url": "https://meet.example.com/abc-def", "resourceId": "meeting-1"}
    return component


@st.composite
def lineworks_events(draw: Any) -> dict[str, Any]:
    """An event as LINE WORKS answers it: the master, and for a series maybe a moved occurrence."""
    event_id = f"event-{draw(st.uuids()).hex}"
    when = draw(lineworks_times())
    master = draw(lineworks_component(when, event_id))
    components = [master]
    if draw(st.booleans()):
        master["recurrence"] = draw(lineworks_recurrence(when))
        if draw(st.booleans()):
            moved = draw(lineworks_times())
            exception = draw(lineworks_component(moved, event_id))
            first = when["start"] or datetime.datetime.combine(when["day"], datetime.time())
            original = first + datetime.timedelta(days=draw(st.integers(1, 30)))
            exception["recurringEventId"] = (
                f"TZID={when['zone']}:{stamp(original)}"
                if when["day"] is None
                else f"VALUE=DATE:{day_stamp(original)}"
            )
            components.append(exception)
    for component in components:
        component["createdTime"] = {"dateTime": "2021-12-01T09:00:00", "timeZone": "Asia/Seoul"}
        component["updatedTime"] = {"dateTime": "2021-12-02T09:00:00", "timeZone": "Asia/Seoul"}
        component["viewUrl"] = f"https://calendar.worksmobile.com/calendar/event?eventId={event_id}"
    return {"eventComponents": components, "organizerCalendarId": CALENDAR}


# LINE WORKS round trip -------------------------------------------------------------------------------


@PROPERTIES
@given(lineworks_events())
def test_lineworks_events_survive_to_ics_and_from_ics(doc: dict[str, Any]) -> None:
    """Every mapped field of every component comes back equal, as the request that creates the event;
    only the service's own link (viewUrl as URL) is dropped, with a warning."""
    expected = [strip(component, *READ_ONLY) for component in doc["eventComponents"]]
    text = lw_ics.to_ics(lm.EventComponents.from_dict(doc))
    requests, messages = warned(lw_ics.from_ics, text)
    assert [[c.to_dict() for c in r.event_components] for r in requests] == [expected]
    assert messages == {"URL dropped: LINE WORKS sets an event's link (viewUrl) itself"}
    # The request is written the same way as the answer.
    again = lw_ics.from_ics(lw_ics.to_ics(requests))
    assert [r.to_dict() for r in again] == [r.to_dict() for r in requests]


def test_lineworks_durations_are_written_as_the_documents_write_them() -> None:
    """ISO 8601 durations of reminders come back in the documented style, equal in length."""
    doc = {
        "eventComponents": [
            {
                "eventId": "event-durations",
                "summary": "x",
                "start": {"dateTime": "2021-12-13T10:00:00", "timeZone": "Asia/Seoul"},
                "reminders": [
                    {"method": "DISPLAY", "trigger": trigger}
                    for trigger in ("-PT0S", "-P7D", "-PT90M", "-P1W", "PT5M")
                ],
            }
        ]
    }
    (request,) = lw_ics.from_ics(lw_ics.to_ics(lm.EventComponents.from_dict(doc)))
    reminders = request.event_components[0].reminders
    assert isinstance(reminders, list)
    assert [r.trigger for r in reminders] == ["-PT0S", "-P1W", "-PT1H30M", "-P1W", "PT5M"]


# Dooray round trip -----------------------------------------------------------------------------------

DOORAY_ZONES = st.sampled_from(
    ["Asia/Seoul", "Asia/Tokyo", "America/New_York", "Europe/Berlin", "Australia/Sydney"]
)


def offset_text(value: datetime.datetime) -> str:
    return value.isoformat(timespec="seconds")


@st.composite
def dooray_rule(draw: Any, timed: bool, zone: str, start: datetime.datetime) -> dict[str, Any]:
    frequency = draw(st.sampled_from(["daily", "weekly", "monthly", "yearly"]))
    rule: dict[str, Any] = {"frequency": frequency}
    if draw(st.booleans()):
        rule["interval"] = draw(st.integers(1, 12))
    if draw(st.booleans()):
        last = start + datetime.timedelta(days=draw(st.integers(1, 700)))
        if timed:
            rule["until"] = offset_text(last.astimezone(ZoneInfo(zone)))
        else:
            rule["until"] = offset_text(datetime.datetime.combine(last.date(), datetime.time(), start.tzinfo))
    if frequency == "weekly" and draw(st.booleans()):
        rule["byday"] = ",".join(
            draw(
                st.lists(st.sampled_from(["MO", "TU", "WE", "TH", "FR", "SA", "SU"]), min_size=1, unique=True)
            )
        )
    elif frequency == "monthly" and draw(st.booleans()):
        rule["byday"] = f"{draw(st.sampled_from([-1, 1, 2, 3, 4, 5]))} {draw(st.sampled_from(['MO', 'FR']))}"
    elif frequency in ("monthly", "yearly") and draw(st.booleans()):
        rule["bymonthday"] = ",".join(
            str(d) for d in draw(st.lists(st.integers(1, 28), min_size=1, max_size=2, unique=True))
        )
    if frequency == "yearly" and draw(st.booleans()):
        rule["bymonth"] = ",".join(
            str(m) for m in draw(st.lists(st.integers(1, 12), min_size=1, max_size=2, unique=True))
        )
    if timed:
        rule["timezoneName"] = zone
    return rule


def dooray_invitee(draw: Any) -> dict[str, Any]:
    if draw(st.booleans()):
        return {"type": "member", "member": {"organizationMemberId": str(draw(st.integers(1, 10**18)))}}
    person: dict[str, Any] = {"emailAddress": draw(EMAILS)}
    if draw(st.booleans()):
        person["name"] = draw(TEXT)
    return {"type": "emailUser", "emailUser": person}


@st.composite
def dooray_requests(draw: Any) -> dict[str, Any]:
    """A create request with everything Dooray takes, times on the clock of a zone (all-day at its offset)."""
    zone = draw(DOORAY_ZONES)
    day = draw(DAYS)
    timed = draw(st.booleans())
    if timed:
        start = datetime.datetime.combine(day, draw(TIMES)).replace(tzinfo=ZoneInfo(zone))
        start = start.astimezone(ZoneInfo(zone))  # a skipped wall time moves to the one that exists
        end = (start + datetime.timedelta(minutes=draw(st.integers(0, 3 * 1440)))).astimezone(ZoneInfo(zone))
        started, ended = offset_text(start), offset_text(end)
    else:
        offset = datetime.datetime.combine(day, datetime.time(), ZoneInfo(zone)).utcoffset()
        assert offset is not None
        start = datetime.datetime.combine(day, datetime.time(), datetime.timezone(offset))
        started = OffsetDate(day.year, day.month, day.day, datetime.timezone(offset)).isoformat()
        last = day + datetime.timedelta(days=draw(st.integers(1, 5)))
        ended = OffsetDate(last.year, last.month, last.day, datetime.timezone(offset)).isoformat()
    request: dict[str, Any] = {
        "subject": draw(TEXT.filter(bool)),
        "startedAt": started,
        "endedAt": ended,
        "wholeDayFlag": not timed,
    }
    if draw(st.booleans()):
        request["location"] = draw(TEXT.filter(bool))
    if draw(st.booleans()):
        request["body"] = {
            "content": draw(st.sampled_from(["<p>Agenda</p>", "plain", "**bold**\n- item", "a &amp; b"]))
        }
        if draw(st.booleans()):
            request["body"]["mimeType"] = draw(st.sampled_from(["text/html", "text/x-markdown"]))
    if draw(st.booleans()):
        request["recurrenceRule"] = draw(dooray_rule(timed, zone, start))
    to = [dooray_invitee(draw) for _ in range(draw(st.integers(0, 2)))]
    cc = [dooray_invitee(draw) for _ in range(draw(st.integers(0, 2)))]
    if to or cc:
        request["users"] = {**({"to": to} if to else {}), **({"cc": cc} if cc else {})}
    settings_: dict[str, Any] = {}
    alarms = []
    for _ in range(draw(st.integers(0, 2))):
        if draw(st.booleans()):
            trigger = f"TRIGGER:{draw(durations())}"
        else:
            at = start.astimezone(datetime.UTC) - draw(TRIGGERS)
            trigger = f"TRIGGER;VALUE=DATE-TIME:{stamp(at)}Z"
        alarms.append({"action": draw(st.sampled_from(["mail", "app"])), "trigger": trigger})
    if alarms:
        settings_["alarms"] = alarms
    if draw(st.booleans()):
        settings_["busy"] = draw(st.booleans())
    if draw(st.booleans()):
        settings_["class"] = draw(st.sampled_from(["public", "private"]))
    if settings_:
        request["personalSettings"] = settings_
    return request


@PROPERTIES
@given(dooray_requests())
def test_dooray_requests_survive_to_ics_and_from_ics(doc: dict[str, Any]) -> None:
    """A create request written with `to_ics` reads back as the same request: times and offsets, the rule
    and its zone, invitees, alarms, busy and class; nothing is dropped, so nothing is warned about."""
    request = dm.CreateEventRequest.from_dict(doc)
    requests, messages = warned(dooray_ics.from_ics, dooray_ics.to_ics(request))
    assert [r.to_dict() for r in requests] == [doc]
    assert messages == set()


@st.composite
def dooray_answers(draw: Any) -> tuple[dict[str, Any], dict[str, Any], str]:
    """An event as Dooray's get answers it, the request `from_ics` should make of it, and its zone."""
    request = draw(dooray_requests())
    zone = (request.get("recurrenceRule") or {}).get("timezoneName") or draw(DOORAY_ZONES)
    if not request["wholeDayFlag"]:  # Dooray answers times at the zone's offset
        for key in ("startedAt", "endedAt"):
            value = datetime.datetime.fromisoformat(request[key]).astimezone(ZoneInfo(zone))
            request[key] = offset_text(value)
    else:
        zone = dooray_ics_offset_zone(request["startedAt"])
    request.pop("personalSettings", None)  # never answered
    answer = {
        "id": "4000000000000000001",
        "masterScheduleId": "4000000000000000001",
        "calendar": {"id": DOORAY_CALENDAR, "name": "내 캘린더"},
        "uid": "4000000000000000001@dooray.com",
        "category": "general",
        "recurrenceId": None,
        "recurrenceType": "unmodified" if "recurrenceRule" in request else "none",
        "createdAt": "2020-07-01T09:00:00+09:00",
        "updatedAt": "2020-07-02T09:00:00+09:00",
        **{key: value for key, value in request.items() if key not in ("users", "recurrenceRule")},
        "users": {
            "from": {
                "type": "member",
                "member": {"organizationMemberId": "1", "emailAddress": "demo@example.com"},
                "status": "accepted",
            }
        },
    }
    answer.setdefault("body", {"mimeType": "text/html", "content": ""})
    if "body" not in request:
        request["body"] = {"content": "", "mimeType": "text/html"}
    if "recurrenceRule" in request:
        answer["recurrenceRule"] = {k: v for k, v in request["recurrenceRule"].items() if k != "timezoneName"}
        if not request["wholeDayFlag"]:
            request["recurrenceRule"]["timezoneName"] = zone
    statuses = {"to": "accepted", "cc": "not_confirmed"}
    for kind, people in (request.get("users") or {}).items():
        answer["users"][kind] = [{**person, "status": statuses[kind]} for person in people]
    return answer, request, zone


def dooray_ics_offset_zone(started: str) -> str:
    """The IANA zone of an all-day value's fixed offset (`2020-08-14+09:00` is Etc/GMT-9)."""
    offset = datetime.datetime.fromisoformat(f"{started[:10]}T00:00:00{started[10:]}").utcoffset()
    assert offset is not None
    hours = int(offset.total_seconds()) // 3600
    return "UTC" if hours == 0 else f"Etc/GMT{-hours:+d}"


@PROPERTIES
@given(dooray_answers())
def test_dooray_answers_survive_to_ics_and_from_ics(case: tuple[dict[str, Any], dict[str, Any], str]) -> None:
    """An event as get answers it, written in its zone, reads back as the request that makes it again;
    the organizer and the invitees' answers are dropped with a warning (Dooray sets them itself)."""
    answer, expected, zone = case
    event = dm.Event.from_dict(answer)
    text = dooray_ics.to_ics(event, time_zone=zone)
    requests, messages = warned(dooray_ics.from_ics, text)
    assert [r.to_dict() for r in requests] == [expected]
    allowed = {
        "ORGANIZER dropped: Dooray makes the calling member the organizer",
        "PARTSTAT dropped: Dooray invitees answer for themselves",
    }
    assert "ORGANIZER dropped: Dooray makes the calling member the organizer" in messages
    assert messages <= allowed
    assert ("PARTSTAT dropped: Dooray invitees answer for themselves" in messages) == bool(
        expected.get("users", {}).get("to")
    )


def test_dooray_rule_parts_it_cannot_hold_are_converted_or_reported() -> None:
    """COUNT becomes the UNTIL of the last occurrence; BYSETPOS with one weekday becomes an ordinal
    weekday; what has no Dooray form is dropped with a warning that names it."""
    text = "\r\n".join(
        [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//test//EN",
            "BEGIN:VEVENT",
            "UID:a",
            "DTSTAMP:20240101T000000Z",
            "SUMMARY:Last Friday",
            "DTSTART;TZID=Asia/Seoul:20240126T090000",
            "RRULE:FREQ=MONTHLY;COUNT=3;BYDAY=FR;BYSETPOS=-1",
            "END:VEVENT",
            "BEGIN:VEVENT",
            "UID:b",
            "DTSTAMP:20240101T000000Z",
            "SUMMARY:Hourly",
            "DTSTART;TZID=Asia/Seoul:20240126T090000",
            "RRULE:FREQ=HOURLY;COUNT=3",
            "END:VEVENT",
            "BEGIN:VEVENT",
            "UID:c",
            "DTSTAMP:20240101T000000Z",
            "SUMMARY:Last day",
            "DTSTART;VALUE=DATE:20240131",
            "RRULE:FREQ=MONTHLY;BYMONTHDAY=-1;BYHOUR=9",
            "END:VEVENT",
            "END:VCALENDAR",
            "",
        ]
    )
    (last_friday, hourly, last_day), messages = warned(dooray_ics.from_ics, text)
    assert last_friday.to_dict()["recurrenceRule"] == {
        "frequency": "monthly",
        "until": "2024-03-29T09:00:00+09:00",  # the third last Friday: January, February, March
        "byday": "-1 FR",
        "timezoneName": "Asia/Seoul",
    }
    assert hourly.to_dict().get("recurrenceRule") is None
    assert last_day.to_dict()["recurrenceRule"] == {"frequency": "monthly"}
    assert messages == {
        "FREQ=HOURLY can't be held by a Dooray rule: imported as its first occurrence",
        "RRULE parts a Dooray rule can't hold dropped: BYHOUR, BYMONTHDAY (days counted from the end)",
    }


def test_zones_without_an_iana_name_and_floating_times() -> None:
    """A VTIMEZONE named the Windows way reads as the IANA zone it names; one with a made-up name keeps
    its instants in UTC, with a warning; floating times take `default_time_zone` when the file names no
    zone of its own."""
    text = "\r\n".join(
        [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//test//EN",
            "BEGIN:VTIMEZONE",
            "TZID:W. Europe Standard Time",
            "BEGIN:STANDARD",
            "DTSTART:16010101T030000",
            "TZOFFSETFROM:+0200",
            "TZOFFSETTO:+0100",
            "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10",
            "END:STANDARD",
            "BEGIN:DAYLIGHT",
            "DTSTART:16010101T020000",
            "TZOFFSETFROM:+0100",
            "TZOFFSETTO:+0200",
            "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3",
            "END:DAYLIGHT",
            "END:VTIMEZONE",
            "BEGIN:VTIMEZONE",
            "TZID:Ship time",
            "BEGIN:STANDARD",
            "DTSTART:16010101T000000",
            "TZOFFSETFROM:+0530",
            "TZOFFSETTO:+0530",
            "END:STANDARD",
            "END:VTIMEZONE",
            "BEGIN:VEVENT",
            "UID:windows",
            "DTSTAMP:20240101T000000Z",
            "SUMMARY:Windows zone",
            "DTSTART;TZID=W. Europe Standard Time:20240402T160000",
            "END:VEVENT",
            "BEGIN:VEVENT",
            "UID:ship",
            "DTSTAMP:20240101T000000Z",
            "SUMMARY:Ship zone",
            "DTSTART;TZID=Ship time:20240402T160000",
            "END:VEVENT",
            "BEGIN:VEVENT",
            "UID:floating",
            "DTSTAMP:20240101T000000Z",
            "SUMMARY:Floating",
            "DTSTART:20240402T160000",
            "END:VEVENT",
            "END:VCALENDAR",
            "",
        ]
    )
    requests, messages = warned(lw_ics.from_ics, text, default_time_zone="Asia/Seoul")
    assert [r.event_components[0].to_dict()["start"] for r in requests] == [
        {"dateTime": "2024-04-02T16:00:00", "timeZone": "Europe/Berlin"},
        {"dateTime": "2024-04-02T10:30:00", "timeZone": "UTC"},
        {"dateTime": "2024-04-02T16:00:00", "timeZone": "Asia/Seoul"},
    ]
    assert messages == {
        "time zone 'Ship time' has no IANA name: its times are written in UTC (the instants kept)"
    }
    dooray, _ = warned(dooray_ics.from_ics, text)
    assert [r.to_dict()["startedAt"] for r in dooray] == [
        "2024-04-02T16:00:00+02:00",
        "2024-04-02T10:30:00+00:00",
        "2024-04-02T16:00:00+00:00",  # no default zone: UTC, warned
    ]
    with pytest.raises(ValueError, match="IANA"):
        lw_ics.from_ics(text, default_time_zone="Mars/Olympus")


def test_occurrences_without_their_series_and_cancelled_events() -> None:
    """An invitation to single occurrences (no master in the file) imports each as an event of its own;
    a cancelled event is not imported; both are warned about."""
    text = "\r\n".join(
        [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//test//EN",
            "BEGIN:VEVENT",
            "UID:series@example.org",
            "RECURRENCE-ID;TZID=Asia/Seoul:20240408T090000",
            "DTSTAMP:20240101T000000Z",
            "SUMMARY:This one moved",
            "DTSTART;TZID=Asia/Seoul:20240408T150000",
            "END:VEVENT",
            "BEGIN:VEVENT",
            "UID:gone@example.org",
            "DTSTAMP:20240101T000000Z",
            "STATUS:CANCELLED",
            "SUMMARY:Called off",
            "DTSTART;VALUE=DATE:20240409",
            "END:VEVENT",
            "END:VCALENDAR",
            "",
        ]
    )
    requests, messages = warned(lw_ics.from_ics, text)
    assert [r.to_dict() for r in requests] == [
        {
            "eventComponents": [
                {
                    "eventId": "series@example.org-20240408T000000Z",
                    "summary": "This one moved",
                    "start": {"dateTime": "2024-04-08T15:00:00", "timeZone": "Asia/Seoul"},
                }
            ]
        }
    ]
    assert messages == {
        "occurrences (RECURRENCE-ID) whose series isn't in the file imported as events of their own",
        "cancelled event (STATUS:CANCELLED) not imported",
    }
    (dooray,), _ = warned(dooray_ics.from_ics, text)
    assert dooray.to_dict()["startedAt"] == "2024-04-08T15:00:00+09:00"


# The sample export -----------------------------------------------------------------------------------


def lineworks_sample() -> tuple[list[lm.CreateEventRequest], set[str]]:
    return warned(lw_ics.from_ics, EXPORT.read_bytes())


def test_the_sample_export_is_a_real_icalendar_file() -> None:
    """The hand-written file is what exporters write: CRLF lines of at most 75 octets, folded, with
    VTIMEZONE definitions that have daylight saving rules."""
    raw = EXPORT.read_bytes()
    lines = raw.split(b"\r\n")
    assert lines[-1] == b"" and b"\n" not in b"".join(lines)
    assert max(len(line) for line in lines) <= 75
    assert sum(line.startswith(b" ") for line in lines) >= 10
    calendar = icalendar.Calendar.from_ical(raw)
    zones = {str(tz["TZID"]): {c.name for c in tz.subcomponents} for tz in calendar.walk("VTIMEZONE")}
    assert zones == {"America/New_York": {"STANDARD", "DAYLIGHT"}, "Europe/Berlin": {"STANDARD", "DAYLIGHT"}}


def test_the_sample_export_imports_for_lineworks() -> None:
    requests, messages = lineworks_sample()
    by_id = {r.event_components[0].event_id: r for r in requests}
    assert list(by_id) == [
        "standup-2024@example.org",
        "offsite-2024@example.org",
        "conference-2024@example.org",
        "berlin-review-2024@example.org",
        "lunch-2024@example.org",
        "release-call-2024@example.org",
    ]
    standup = [c.to_dict() for c in by_id["standup-2024@example.org"].event_components]
    master, moved = standup
    assert master["start"] == {"dateTime": "2024-03-04T09:30:00", "timeZone": "America/New_York"}
    assert master["recurrence"] == [
        "RRULE:FREQ=WEEKLY;UNTIL=20240401T133000Z;BYDAY=MO",
        "EXDATE;TZID=America/New_York:20240318T093000",
        "EXDATE;TZID=America/New_York:20240325T093000",  # the cancelled occurrence
    ]
    assert moved["recurringEventId"] == "TZID=America/New_York:20240311T093000"
    assert moved["start"] == {"dateTime": "2024-03-11T14:00:00", "timeZone": "America/New_York"}
    assert [(a["email"], a.get("partstat"), a["isOptional"]) for a in master["attendees"]] == [
        ("alex.kim@example.org", "ACCEPTED", False),
        ("jiwoo.park@example.org", "TENTATIVE", False),
        ("sam.rivera@example.net", "NEEDS-ACTION", True),
        ("mina.sato@example.org", "DECLINED", True),
    ]
    assert master["attendees"][1]["displayName"] == "Park, Jiwoo"  # a quoted parameter with a comma
    assert master["organizer"] == {"email": "alex.kim@example.org", "displayName": "Alex Kim"}
    assert master["reminders"] == [
        {"method": "DISPLAY", "trigger": "-PT10M"},
        {"method": "EMAIL", "trigger": "-PT1H"},
    ]
    assert master["description"].endswith(
        "details go to the thread afterwards.\nDial-in details are in the team wiki."
    )
    assert (master["priority"], master["sequence"], master["transparency"]) == (5, 2, "OPAQUE")
    offsite = by_id["offsite-2024@example.org"].event_components[0].to_dict()
    assert (offsite["start"], offsite["end"]) == ({"date": "2024-03-15"}, {"date": "2024-03-16"})
    assert offsite["reminders"] == [{"method": "DISPLAY", "trigger": "-P1D"}]
    conference = by_id["conference-2024@example.org"].event_components[0].to_dict()
    assert conference["end"] == {"date": "2024-03-28"}  # DURATION:P3D, end exclusive
    berlin = by_id["berlin-review-2024@example.org"].event_components[0].to_dict()
    assert berlin["start"] == {"dateTime": "2024-04-02T16:00:00", "timeZone": "Europe/Berlin"}
    assert berlin["reminders"] == [
        {
            "method": "DISPLAY",
            "triggerDateTime": {"dateTime": "2024-04-02T15:30:00", "timeZone": "Europe/Berlin"},
        }
    ]
    assert berlin["visibility"] == "PRIVATE"
    lunch = by_id["lunch-2024@example.org"].event_components[0].to_dict()
    assert lunch["start"] == {
        "dateTime": "2024-03-20T12:00:00",
        "timeZone": "America/New_York",
    }  # X-WR-TIMEZONE
    call = by_id["release-call-2024@example.org"].event_components[0].to_dict()
    assert (call["start"], call["end"]) == (
        {"dateTime": "2024-03-22T15:00:00", "timeZone": "UTC"},
        {"dateTime": "2024-03-22T15:45:00", "timeZone": "UTC"},
    )
    assert messages == set()


def test_the_sample_series_has_dst_correct_occurrences() -> None:
    """The imported series, written out again, expands (recurring-ical-events, not our code) to the
    occurrences the file means: 09:30 in New York before and after the change to daylight saving time,
    the moved one at 14:00, the excluded and the cancelled ones gone."""
    requests, _ = lineworks_sample()
    standup = next(r for r in requests if r.event_components[0].event_id == "standup-2024@example.org")
    calendar = icalendar.Calendar.from_ical(lw_ics.to_ics(standup))
    found = recurring_ical_events.of(calendar).between(datetime.date(2024, 3, 1), datetime.date(2024, 4, 30))
    starts = sorted(event["DTSTART"].dt for event in found)
    assert [(s.astimezone(datetime.UTC).isoformat(), str(s.tzinfo)) for s in starts] == [
        ("2024-03-04T14:30:00+00:00", "America/New_York"),  # EST, -05:00
        ("2024-03-11T18:00:00+00:00", "America/New_York"),  # moved, EDT, -04:00
        ("2024-04-01T13:30:00+00:00", "America/New_York"),  # EDT
    ]


# Against the fake ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def served() -> Iterator[tuple[FakeApp, str]]:
    app = create_app(db=None, check_responses=True)
    with serve(app, **UVICORN_OPTIONS) as url:
        yield app, url
    assert app.violations == [], "responses broke the spec"


@pytest.fixture
def lw(served: tuple[FakeApp, str]) -> Iterator[LineWorksClient]:
    with LineWorksClient(base_url=f"{served[1]}/v1.0", token="lw-demo-token") as client:
        yield client


@pytest.fixture
def dooray(served: tuple[FakeApp, str]) -> Iterator[DoorayClient]:
    with DoorayClient(base_url=served[1], token="dooray-demo-token") as client:
        yield client


def as_request(component: dict[str, Any]) -> dict[str, Any]:
    """A component as the service answers it, less what the service sets (and the organizer: the fake
    makes the calendar's owner the organizer, as LINE WORKS does)."""
    return strip(component, *READ_ONLY, "organizer")


def test_the_sample_export_is_created_in_lineworks_and_reads_back_equal(lw: LineWorksClient) -> None:
    requests, _ = lineworks_sample()
    for request in requests:
        response = lw_create.sync_detailed(USER, CALENDAR, client=lw, body=request)
        assert response.status_code == 201, response.content
        event_id = request.event_components[0].event_id
        assert isinstance(event_id, str)
        stored = lw_get.sync(USER, CALENDAR, event_id, client=lw)
        sent = [as_request(c.to_dict()) for c in request.event_components]
        assert [as_request(c.to_dict()) for c in stored.event_components] == sent
        # and what is stored exports and imports as what was sent
        (again,), messages = warned(lw_ics.from_ics, lw_ics.to_ics(stored))
        assert messages == {"URL dropped: LINE WORKS sets an event's link (viewUrl) itself"}
        assert [as_request(c.to_dict()) for c in again.event_components] == sent
    # a second import of the same file is refused: the UIDs made the eventIds
    assert lw_create.sync_detailed(USER, CALENDAR, client=lw, body=requests[0]).status_code == 409


def test_the_sample_export_is_created_in_dooray_and_reads_back(dooray: DoorayClient) -> None:
    """Every event is created (200) and reads back with its fields; the series' moved occurrence is
    updated and its excluded and cancelled ones deleted, as `read_events` says, and the list then shows
    the series as the file does, at DST-correct times."""
    events, _ = warned(dooray_ics.read_events, EXPORT.read_text(encoding="utf-8"))
    assert len(events) == 6
    created = {}
    for event in events:
        response = dooray_create.sync_detailed(DOORAY_CALENDAR, client=dooray, body=event.request)
        assert response.status_code == 200, response.content
        result = response.parsed.result if response.parsed is not None else None
        assert isinstance(result, dm.CreatedResponseResult)
        event_id = result.id
        created[event.request.subject] = event_id
        stored = dooray_get.sync(DOORAY_CALENDAR, event_id, client=dooray).result.to_dict()
        sent = event.request.to_dict()
        for key in ("subject", "startedAt", "endedAt", "wholeDayFlag"):
            assert stored[key] == sent[key]
        assert stored.get("location") == sent.get("location")
        assert stored["body"]["content"] == sent.get("body", {}).get("content", "")
        if "recurrenceRule" in sent:
            assert stored["recurrenceRule"] == strip(sent["recurrenceRule"], "timezoneName")
        invited = {
            kind: [person["emailUser"]["emailAddress"] for person in stored["users"].get(kind) or []]
            for kind in ("to", "cc")
        }
        wanted = {
            kind: [person["emailUser"]["emailAddress"] for person in sent.get("users", {}).get(kind, [])]
            for kind in ("to", "cc")
        }
        assert invited == wanted
        for moved in event.moved:
            occurrence = dooray_ics.occurrence_id(event_id, moved.original_start)
            dooray_update.sync(DOORAY_CALENDAR, occurrence, client=dooray, body=moved.changes)
        for original in event.excluded:
            occurrence = dooray_ics.occurrence_id(event_id, original)
            dooray_delete.sync(DOORAY_CALENDAR, occurrence, client=dooray, body=dm.DeleteEventRequest())
    (series,) = [e for e in events if e.moved]
    assert len(series.moved) == 1 and len(series.excluded) == 2
    listed = dooray_list.sync(
        client=dooray,
        time_min=datetime.datetime(2024, 3, 1, tzinfo=NEW_YORK),
        time_max=datetime.datetime(2024, 5, 1, tzinfo=NEW_YORK),
        calendars=DOORAY_CALENDAR,
    )
    standup = created["Platform standup"]
    occurrences = [e for e in listed.result if e.master_schedule_id == standup]
    assert [(e.subject, dm_text(e.started_at)) for e in occurrences] == [
        ("Platform standup", "2024-03-04T09:30:00-05:00"),
        ("Platform standup (moved to the afternoon)", "2024-03-11T14:00:00-04:00"),
        ("Platform standup", "2024-04-01T09:30:00-04:00"),
    ]


def dm_text(value: Any) -> str:
    return str(value.isoformat())


# Exporting what the fake holds -----------------------------------------------------------------------


def vtimezones(text: str) -> tuple[icalendar.Calendar, set[str], set[str]]:
    """The calendar, the TZIDs it defines and the TZIDs its events use."""
    calendar = icalendar.Calendar.from_ical(text)
    defined = {str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")}
    return calendar, defined, set(calendar.get_used_tzids())


def test_a_month_of_lineworks_demo_events_exports(lw: LineWorksClient) -> None:
    kst = datetime.timezone(datetime.timedelta(hours=9))
    listed = lw_list.sync(
        USER,
        CALENDAR,
        client=lw,
        from_date_time=datetime.datetime(2021, 12, 1, tzinfo=kst),
        until_date_time=datetime.datetime(2021, 12, 31, tzinfo=kst),
    )
    text, messages = warned(lw_ics.to_ics, listed.events)
    assert messages == set()
    calendar, defined, used = vtimezones(text)
    assert used == {"Asia/Seoul"} and defined == used
    assert str(calendar["PRODID"]).startswith("-//calspec//lineworks-calendar-client")
    assert len(calendar.walk("VEVENT")) == sum(len(e.event_components) for e in listed.events)
    found = recurring_ical_events.of(calendar).between(datetime.date(2021, 12, 1), datetime.date(2022, 1, 1))
    standups = sorted(
        (str(e["DTSTART"].dt.isoformat()), str(e["SUMMARY"]))
        for e in found
        if str(e["UID"]) == "event-fixture-weekly"
    )
    assert standups == [
        ("2021-12-06T09:00:00+09:00", "Weekly standup"),
        ("2021-12-13T09:00:00+09:00", "Weekly standup"),
        ("2021-12-20T11:00:00+09:00", "Weekly standup (moved)"),
    ]


def test_a_month_of_dooray_demo_events_exports(dooray: DoorayClient) -> None:
    """The list answers one item per occurrence with an offset: written in the zone asked for, each
    parses back at the same instant; with no zone given, the offset's own fixed zone is used."""
    listed = dooray_list.sync(
        client=dooray,
        time_min=datetime.datetime(2020, 8, 1, tzinfo=KST),
        time_max=datetime.datetime(2020, 9, 1, tzinfo=KST),
        calendars="1,2",
    )
    assert len(listed.result) >= 5
    text, messages = warned(dooray_ics.to_ics, listed, time_zone="Asia/Seoul")
    assert messages == set()
    calendar, defined, used = vtimezones(text)
    assert used == {"Asia/Seoul"} and defined == used
    events = calendar.walk("VEVENT")
    assert len(events) == len(listed.result)
    assert not any(event.get("RRULE") for event in events)  # occurrences without their series: single events
    for item, event in zip(listed.result, events, strict=True):
        start = prop(event, "DTSTART").dt
        if isinstance(item.started_at, datetime.datetime):
            assert start == item.started_at and str(start.tzinfo) == "Asia/Seoul"
        else:
            assert start == item.started_at and not isinstance(start, datetime.datetime)
    _, defined, _ = vtimezones(dooray_ics.to_ics(listed))
    assert defined == {"Etc/GMT-9"}


def test_a_dooray_series_exports_with_its_rule_and_its_edited_occurrence(dooray: DoorayClient) -> None:
    master = dooray_get.sync("2", "3", client=dooray)
    edited = dooray_get.sync("2", "3-20200818T010000Z", client=dooray)
    calendar = icalendar.Calendar.from_ical(dooray_ics.to_ics([master, edited], time_zone="Asia/Seoul"))
    series, moved = calendar.walk("VEVENT")
    rule = prop(series, "RRULE").to_ical().decode()
    assert rule == "FREQ=WEEKLY;UNTIL=20200929T145959Z;INTERVAL=1;BYDAY=TU"
    assert prop(moved, "RECURRENCE-ID").dt == datetime.datetime(
        2020, 8, 18, 10, tzinfo=ZoneInfo("Asia/Seoul")
    )
    assert str(moved["UID"]) == str(series["UID"]) == "3@dooray.com"


# Packaging -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("provider", sorted(PROVIDERS))
def test_ics_is_an_optional_extra_with_a_clear_message(provider: str) -> None:
    """The extra is declared, and importing `ics` without icalendar names it."""
    p = PROVIDERS[provider]
    pyproject = (output_dir(p) / "pyproject.toml").read_text(encoding="utf-8")
    assert 'ics = ["icalendar>=7.0,<8"]' in pyproject
    blocked = "sys.modules['icalendar'] = sys.modules['dateutil'] = None"  # what the extra installs
    code = f"import sys, {p.package_name}; {blocked}; import {p.package_name}.ics"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert f"pip install '{p.project_name}[ics]'" in result.stderr
    assert "ImportError" in result.stderr
