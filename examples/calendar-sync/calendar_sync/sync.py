"""The copy: list a week of a LINE WORKS calendar, create what the Dooray calendar lacks."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from dooray_calendar import AuthenticatedClient as DoorayClient
from dooray_calendar.api.events import create_event
from dooray_calendar.api.events import list_events as list_dooray_events
from dooray_calendar.models import BodyInput, BodyInputMimeType, CreateEventRequest
from dooray_calendar.types import OffsetDate
from lineworks_calendar import AuthenticatedClient as LineWorksClient
from lineworks_calendar.api.events import list_events as list_lineworks_events
from lineworks_calendar.models import EventTime

COPIED_FROM = "Copied from LINE WORKS event {event_id}."


@dataclass
class Report:
    copied: list[str] = field(default_factory=list)  # subjects created in Dooray
    already_there: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # with the reason


def week_window(week_of: datetime.date, zone: str) -> tuple[datetime.datetime, datetime.datetime]:
    """Monday 00:00 of the week holding `week_of` to the next Monday, in `zone`."""
    monday = week_of - datetime.timedelta(days=week_of.weekday())
    start = datetime.datetime.combine(monday, datetime.time(), ZoneInfo(zone))
    return start, start + datetime.timedelta(days=7)


def _instant(value: EventTime, zone: str) -> datetime.datetime | OffsetDate:
    """A LINE WORKS start or end as Dooray takes it: an aware datetime, or a date with its offset."""
    if isinstance(value.date_time, datetime.datetime):  # wall clock in its timeZone
        time_zone = value.time_zone if isinstance(value.time_zone, str) else zone
        return value.date_time.replace(tzinfo=ZoneInfo(time_zone))
    day = value.date
    if not isinstance(day, datetime.date):
        raise ValueError("an event time has a dateTime or a date")
    offset = datetime.datetime.combine(day, datetime.time(), ZoneInfo(zone)).utcoffset()
    assert offset is not None
    return OffsetDate(day.year, day.month, day.day, datetime.timezone(offset))


def _key(subject: str, start: object) -> tuple[str, str]:
    if isinstance(start, datetime.datetime):
        return subject, start.astimezone(datetime.UTC).isoformat()
    return subject, str(start)[:10]


def copy_week(
    lineworks: LineWorksClient,
    dooray: DoorayClient,
    *,
    source_calendar: str,
    target_calendar: str,
    week_of: datetime.date,
    zone: str = "Asia/Seoul",
    user_id: str = "me",
) -> Report:
    """Copy the events of `source_calendar` (LINE WORKS) in the week of `week_of` into
    `target_calendar` (Dooray). API errors propagate (the clients raise them, after their retries)."""
    start, end = week_window(week_of, zone)
    report = Report()
    source = list_lineworks_events.sync(
        user_id, source_calendar, client=lineworks, from_date_time=start, until_date_time=end
    )
    existing = list_dooray_events.sync(client=dooray, time_min=start, time_max=end, calendars=target_calendar)
    present = {
        _key(event.subject, event.started_at)
        for event in existing.result
        if isinstance(event.subject, str) and event.started_at
    }
    for listed in source.events:
        main = next(c for c in listed.event_components if not c.recurring_event_id)
        if main.recurrence:
            report.skipped.append(f"{main.summary}: recurring, not copied")
            continue
        started = _instant(main.start, zone)
        ended = _instant(main.end, zone) if isinstance(main.end, EventTime) else started
        if _key(main.summary, started) in present:
            report.already_there.append(main.summary)
            continue
        description = main.description if isinstance(main.description, str) else ""
        note = COPIED_FROM.format(event_id=main.event_id)
        request = CreateEventRequest(
            subject=main.summary,
            started_at=started,
            ended_at=ended,
            whole_day_flag=not isinstance(started, datetime.datetime),
            body=BodyInput(
                content=f"{description}\n\n{note}".strip(), mime_type=BodyInputMimeType.TEXT_MARKDOWN
            ),
        )
        if isinstance(main.location, str):
            request.location = main.location
        create_event.sync(target_calendar, client=dooray, body=request)
        report.copied.append(main.summary)
    return report
