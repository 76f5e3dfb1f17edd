"""iCalendar (RFC 5545) in and out for LINE WORKS events (added by calspec). Needs the `ics` extra:
`pip install 'lineworks-calendar-client[ics]'` (icalendar).

    from lineworks_calendar import ics

    text = ics.to_ics(list_events.sync(user, calendar, client=client, ...).events)  # or get_event's answer
    for request in ics.from_ics(path.read_text()):
        create_event.sync(user, calendar, client=client, body=request)

`to_ics` writes one VCALENDAR: a VEVENT per event component (the master, and its exceptions with
RECURRENCE-ID), a VTIMEZONE for every zone used and a PRODID naming calspec. `from_ics` gives one
`CreateEventRequest` per UID: the event and its overridden occurrences (`recurringEventId`), all with
an `eventId` taken from the UID when the UID can be one (so importing a file twice answers 409).
Times stay wall-clock times in the event's own zone.

The mapping, and what can't be mapped, is in spec/NOTES.md ("iCalendar mapping"). Whatever is dropped
or changed on the way is reported once per kind as an `IcsWarning` (a UserWarning).
"""

from __future__ import annotations

import datetime
import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterable

from . import _ical
from ._ical import IcsWarning, When
from .models import (
    AttendeeInput,
    AttendeePartstat,
    CreateEventRequest,
    Event,
    EventComponents,
    EventReplacement,
    EventRequest,
    EventTimeInput,
    MapInput,
    MapUrlInput,
    OrganizerInput,
    ReminderInput,
    ReminderMethod,
    ReplaceEventRequest,
    Transparency,
    VideoMeetingInput,
    Visibility,
    ZonedDateTimeInput,
)
from .models.event_time import EventTime
from .models.zoned_date_time import ZonedDateTime
from .types import UNSET, Unset

__all__ = ["IcsWarning", "from_ics", "to_ics"]

PRODUCT = "lineworks-calendar-client 1.0.0"
Events = EventComponents | CreateEventRequest | ReplaceEventRequest
Component = Event | EventRequest | EventReplacement

# What the spec allows (EventRequest): longer values are cut, with a warning, so that a create succeeds.
MAX_SUMMARY, MAX_DESCRIPTION, MAX_LOCATION, MAX_COMPONENTS = 200, 5000, 100, 1000
# An iCalendar UID used as the eventId: a path segment the service can take back (no '/', ':' or spaces).
EVENT_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@+=-]{0,254}$")
RESOURCE = "lineworks-resource"
_PARTSTATS = {member.value: member for member in AttendeePartstat}
_INT32 = 2**31 - 1


# Out ------------------------------------------------------------------------------------------------


def to_ics(events: Events | Iterable[Events], *, time_zone: str | None = None) -> str:
    """One VCALENDAR with the events: `EventComponents` as get, create and list answer them (a series
    with its exceptions), or requests (`CreateEventRequest`, `ReplaceEventRequest`).

    `time_zone` is written as X-WR-TIMEZONE, the calendar's zone (default: the zone most starts use).
    Every time keeps its own zone: DTSTART;TZID=..., all-day events DTSTART;VALUE=DATE.
    """
    items: list[Events] = [events] if isinstance(events, Events) else list(events)
    notes = _ical.Notes()
    if time_zone is not None and _ical.zone(time_zone) is None:
        raise ValueError(f"time_zone {time_zone!r} is not an IANA time zone")
    components: list[list[Component]] = [[*item.event_components] for item in items]
    if time_zone is None:
        zones = Counter(
            str(c.start.time_zone)
            for group in components
            for c in group
            if isinstance(c.start.time_zone, str) and _ical.zone(c.start.time_zone) is not None
        )
        time_zone = zones.most_common(1)[0][0] if zones else None
    calendar = _ical.new_calendar(PRODUCT, time_zone)
    for group in components:
        if not group:
            continue
        uid = next((str(c.event_id) for c in group if isinstance(c.event_id, str)), None) or _derived_uid(group)
        for component in group:
            vevent = _vevent(component, uid, notes)
            if vevent is not None:
                calendar.add_component(vevent)
    text = _ical.serialize(calendar)
    notes.emit()
    return text


def _derived_uid(group: list[Component]) -> str:
    """A UID for an event that has no eventId yet (a request): the same for the same content."""
    content = json.dumps([c.to_dict() for c in group], sort_keys=True, default=str)
    return f"calspec-{hashlib.sha256(content.encode('utf-8')).hexdigest()[:32]}"


def _when(value: EventTime | EventTimeInput | Unset) -> When | None:
    if isinstance(value, Unset):
        return None
    if isinstance(value.date_time, datetime.datetime):
        name = value.time_zone if isinstance(value.time_zone, str) else "UTC"
        return When(local=value.date_time.replace(tzinfo=None), zone=name)
    if isinstance(value.date, datetime.date):
        return When(day=value.date)
    return None


def _ical_value(when: When) -> datetime.date:
    if when.day is not None:
        return when.day
    assert when.local is not None
    return _ical.aware(when.local, when.zone)


def _zoned(value: ZonedDateTime | ZonedDateTimeInput | Unset) -> tuple[datetime.datetime, str] | None:
    """A ZonedDateTime as an instant and its zone."""
    if isinstance(value, Unset) or not isinstance(value.date_time, datetime.datetime):
        return None
    name = value.time_zone if isinstance(value.time_zone, str) else "UTC"
    return _ical.aware(value.date_time.replace(tzinfo=None), name), name


def _vevent(c: Component, uid: str, notes: _ical.Notes) -> _ical.icalendar.Event | None:
    start = _when(c.start)
    if start is None:
        notes.add("event component without a start time not exported")
        return None
    if start.local is not None and _ical.zone(start.zone) is None:
        notes.add(f"time zone {start.zone!r} is not an IANA zone: its times are written as UTC")
        start = When(local=start.local, zone="UTC")
    event = _ical.icalendar.Event()
    event.add("UID", uid)
    stamp = None
    if isinstance(c, Event):
        stamp = _zoned(c.updated_time) or _zoned(c.created_time)
    event.add("DTSTAMP", (stamp[0] if stamp else datetime.datetime.now(_ical.UTC)).astimezone(_ical.UTC))
    if c.recurring_event_id and not c.recurrence:
        original = _ical.parse_properties([_recurrence_id_line(str(c.recurring_event_id))])
        if original is None or _ical.get(original, "RECURRENCE-ID") is None:
            notes.add("exception with an unreadable recurringEventId not exported")
            return None
        event.add("RECURRENCE-ID", _ical.get(original, "RECURRENCE-ID"))
    event.add("SUMMARY", c.summary)
    if isinstance(c.description, str):
        event.add("DESCRIPTION", c.description)
    if isinstance(c.location, str):
        event.add("LOCATION", c.location)
    event.add("DTSTART", _ical_value(start))
    end = _when(c.end)
    if end is not None:
        if end.local is not None and _ical.zone(end.zone) is None:
            end = When(local=end.local, zone="UTC")
        event.add("DTEND", _ical_value(end))
    if c.recurrence:
        _add_recurrence(event, list(c.recurrence), notes)
    if not isinstance(c.transparency, Unset):
        event.add("TRANSP", c.transparency.value)
    if not isinstance(c.visibility, Unset):
        event.add("CLASS", c.visibility.value)
    if isinstance(c.sequence, int):
        event.add("SEQUENCE", c.sequence)
    if isinstance(c.priority, int):
        event.add("PRIORITY", c.priority)
    organizer_email = None
    if not isinstance(c.organizer, Unset):
        organizer_email = c.organizer.email
        name = c.organizer.display_name if isinstance(c.organizer.display_name, str) else None
        event.add("ORGANIZER", _ical.address(organizer_email, "", {"CN": name}))
    for attendee in c.attendees or []:
        _add_attendee(event, attendee, notes)
    for reminder in c.reminders or []:
        _add_reminder(event, reminder, c.summary, organizer_email, notes)
    _add_extras(event, c)
    return event


def _recurrence_id_line(value: str) -> str:
    """`recurringEventId` (`TZID=Asia/Seoul:20211213T140000`, `20211213T050000Z`, `VALUE=DATE:20211213`)
    as a RECURRENCE-ID content line."""
    return f"RECURRENCE-ID;{value}" if ":" in value else f"RECURRENCE-ID:{value}"


def _add_recurrence(event: _ical.icalendar.Event, lines: list[str], notes: _ical.Notes) -> None:
    """`recurrence` lines (RRULE, RDATE, EXDATE) as the VEVENT's own properties, read by icalendar."""
    for line in lines:
        parsed = _ical.parse_properties([line])
        if parsed is None:
            notes.add("recurrence line icalendar can't read not exported")
            continue
        for name, value in parsed.property_items(recursive=False):
            if name not in ("BEGIN", "END"):
                event.add(name, value)


def _add_attendee(event: _ical.icalendar.Event, attendee: object, notes: _ical.Notes) -> None:
    email = getattr(attendee, "email", UNSET)
    resource_id = getattr(attendee, "id", UNSET)
    if not isinstance(email, str) and not isinstance(resource_id, str):
        notes.add("attendee with neither email nor resource id not exported")
        return
    partstat = getattr(attendee, "partstat", UNSET)
    optional = getattr(attendee, "is_optional", UNSET)
    resource = getattr(attendee, "is_resource", UNSET)
    external = getattr(attendee, "is_external_resource", UNSET)
    name = getattr(attendee, "display_name", UNSET)
    value = getattr(attendee, "resource_value", UNSET)
    params = {
        "CN": name if isinstance(name, str) else None,
        "PARTSTAT": None if isinstance(partstat, Unset) else str(partstat.value),
        "ROLE": None if not isinstance(optional, bool) else "OPT-PARTICIPANT" if optional else "REQ-PARTICIPANT",
        "CUTYPE": None if not isinstance(resource, bool) else "RESOURCE" if resource else "INDIVIDUAL",
        "X-LINEWORKS-RESOURCE-ID": resource_id if isinstance(resource_id, str) else None,
        "X-LINEWORKS-EXTERNAL-RESOURCE": None if not isinstance(external, bool) else "TRUE" if external else "FALSE",
        "X-LINEWORKS-RESOURCE-VALUE": value if isinstance(value, str) else None,
    }
    fallback = _ical.urn(RESOURCE, resource_id) if isinstance(resource_id, str) else ""
    event.add("ATTENDEE", _ical.address(email if isinstance(email, str) else None, fallback, params))


def _add_reminder(
    event: _ical.icalendar.Event, reminder: object, summary: str, email: str | None, notes: _ical.Notes
) -> None:
    method = getattr(reminder, "method", None)
    if not isinstance(method, ReminderMethod) or method.value not in ("DISPLAY", "EMAIL"):
        notes.add("reminder of an unknown method not exported")
        return
    trigger = getattr(reminder, "trigger", UNSET)
    if isinstance(trigger, str):
        offset = _ical.parse_duration(trigger)
        if offset is None:
            notes.add("reminder with an unreadable trigger not exported")
            return
        event.add_component(_ical.new_alarm(method.value, offset, summary, email))
        return
    zoned = _zoned(getattr(reminder, "trigger_date_time", UNSET))
    if zoned is None:
        notes.add("reminder with neither trigger nor triggerDateTime not exported")
        return
    event.add_component(_ical.new_alarm(method.value, zoned[0], summary, email, zoned[1]))


def _add_extras(event: _ical.icalendar.Event, c: Component) -> None:
    """Fields with no RFC 5545 property of their own, in X-LINEWORKS-* properties `from_ics` reads back;
    GEO, CONFERENCE, URL, ATTACH, CREATED and LAST-MODIFIED where there is one."""
    if not isinstance(c.map_, Unset):
        geo = c.map_.geo if isinstance(c.map_.geo, str) else None
        point = _geo(geo)
        if point is not None:
            event.add("GEO", point)
        if geo is not None and (point is None or _geo_text(point) != geo):
            _ical.add_text(event, "X-LINEWORKS-MAP-GEO", geo)
        _ical.add_text(event, "X-LINEWORKS-MAP-TYPE", c.map_.type_ if isinstance(c.map_.type_, str) else None)
    if not isinstance(c.map_url, Unset):
        _ical.add_text(event, "X-LINEWORKS-MAP-URL", c.map_url.map_url if isinstance(c.map_url.map_url, str) else None)
        image = c.map_url.image_id
        _ical.add_text(event, "X-LINEWORKS-MAP-IMAGE-ID", image if isinstance(image, str) else None)
    if isinstance(c.category_id, str):
        _ical.add_text(event, "X-LINEWORKS-CATEGORY-ID", c.category_id)
    if not isinstance(c.video_meeting, Unset):
        if isinstance(c.video_meeting.url, str):
            conference = _ical.icalendar.vUri(c.video_meeting.url)
            conference.params["VALUE"] = "URI"
            conference.params["FEATURE"] = "VIDEO"
            event.add("CONFERENCE", conference)
        meeting = c.video_meeting.resource_id
        _ical.add_text(event, "X-LINEWORKS-VIDEO-MEETING-ID", meeting if isinstance(meeting, str) else None)
    if not isinstance(c, Event):
        return
    if isinstance(c.view_url, str):
        event.add("URL", c.view_url)
    created, updated = _zoned(c.created_time), _zoned(c.updated_time)
    if created is not None:
        event.add("CREATED", created[0].astimezone(_ical.UTC))
    if updated is not None:
        event.add("LAST-MODIFIED", updated[0].astimezone(_ical.UTC))
    for attachment in c.attachments or []:
        if isinstance(attachment.file_url, str):
            attach = _ical.icalendar.vUri(attachment.file_url)
            if isinstance(attachment.file_name, str):
                attach.params["FILENAME"] = attachment.file_name
            if isinstance(attachment.file_size, int):
                attach.params["SIZE"] = str(attachment.file_size)
            event.add("ATTACH", attach)


def _geo(text: str | None) -> tuple[float, float] | None:
    if text is None:
        return None
    parts = text.split(";")
    try:
        latitude, longitude = float(parts[0]), float(parts[1])
    except (ValueError, IndexError):
        return None
    if len(parts) != 2 or not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        return None
    return latitude, longitude


def _geo_text(point: tuple[float, float]) -> str:
    return f"{point[0]!r};{point[1]!r}"


# In -------------------------------------------------------------------------------------------------


def from_ics(text: str | bytes, *, default_time_zone: str | None = None) -> list[CreateEventRequest]:
    """The create requests for every event of an iCalendar file, one per UID: the event and its
    overridden occurrences (RECURRENCE-ID) as components with `recurringEventId`.

    Floating times (no TZID) are read in the file's X-WR-TIMEZONE, else in `default_time_zone`, else UTC.
    A cancelled occurrence (STATUS:CANCELLED) becomes an EXDATE; a cancelled event is left out.
    """
    notes = _ical.Notes()
    default_zone, groups = _ical.read_calendar(text, default_time_zone, notes)
    requests: list[CreateEventRequest] = []
    for group in groups:
        requests.extend(_requests(group, default_zone, notes))
    notes.emit()
    return requests


def _requests(group: _ical.Group, default_zone: str | None, notes: _ical.Notes) -> list[CreateEventRequest]:
    master = group.master
    if master is not None and _ical.is_cancelled(master):
        notes.add("cancelled event (STATUS:CANCELLED) not imported")
        return []
    overrides = sorted(group.overrides, key=lambda e: _ical.original_start(e, default_zone))
    if master is None:
        notes.add("occurrences (RECURRENCE-ID) whose series isn't in the file imported as events of their own")
        out = []
        for override in overrides:
            if _ical.is_cancelled(override):
                continue
            component = _component(override, default_zone, notes, series=False)
            if component is not None:
                at = _ical.original_start(override, default_zone)
                uid = f"{group.uid}-{at.astimezone(_ical.UTC):%Y%m%dT%H%M%SZ}" if group.uid else None
                _set_event_id([component], uid)
                out.append(CreateEventRequest(event_components=[component]))
        return out
    main = _component(master, default_zone, notes, series=True)
    if main is None:
        return []
    start = _when(main.start)
    assert start is not None
    components = [main]
    cancelled: list[When] = []
    for override in overrides:
        original = _ical.read_when(_ical.dt(override, "RECURRENCE-ID"), default_zone, notes)
        if original is None:
            continue
        if (_ical.param(_ical.get(override, "RECURRENCE-ID"), "RANGE") or "").upper() == "THISANDFUTURE":
            notes.add("RECURRENCE-ID;RANGE=THISANDFUTURE read as an override of that occurrence alone")
        if not main.recurrence:
            notes.add("override (RECURRENCE-ID) of an event that doesn't recur dropped")
            continue
        if _ical.is_cancelled(override):
            cancelled.append(original)
            continue
        component = _component(override, default_zone, notes, series=False)
        if component is not None:
            component.recurring_event_id = _recurring_event_id(original, start)
            components.append(component)
    if cancelled and isinstance(main.recurrence, list):
        main.recurrence.append(_date_line("EXDATE", cancelled, start))
    if len(components) > MAX_COMPONENTS:
        notes.add(f"overrides beyond the {MAX_COMPONENTS} components an event can have dropped")
        components = components[:MAX_COMPONENTS]
    _set_event_id(components, group.uid)
    return [CreateEventRequest(event_components=components)]


def _set_event_id(components: list[EventRequest], uid: str | None) -> None:
    """The UID as the eventId of every component, when it can be one (else LINE WORKS assigns one)."""
    if uid is not None and EVENT_ID.match(uid):
        for component in components:
            component.event_id = uid


def _recurring_event_id(original: When, start: When) -> str:
    """The RECURRENCE-ID as LINE WORKS writes `recurringEventId`: on the clock of the series' start."""
    if start.day is not None:
        day = original.day if original.day is not None else original.instant.date()
        return f"VALUE=DATE:{_day_stamp(day)}"
    if original.day is not None:
        assert start.local is not None
        original = When(local=datetime.datetime.combine(original.day, start.local.time()), zone=start.zone)
    local = original.in_zone(start.zone).local
    assert local is not None
    return f"TZID={start.zone}:{_time_stamp(local)}"


def _day_stamp(day: datetime.date) -> str:
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"


def _time_stamp(local: datetime.datetime) -> str:
    return f"{_day_stamp(local.date())}T{local.hour:02d}{local.minute:02d}{local.second:02d}"


def _date_line(name: str, items: list[When], start: When) -> str:
    """An EXDATE or RDATE line on the clock of the series' start (dates for an all-day series)."""
    if start.day is not None:
        days = [item.day if item.day is not None else item.instant.date() for item in items]
        return f"{name};VALUE=DATE:" + ",".join(_day_stamp(day) for day in days)
    assert start.local is not None
    stamps = []
    for item in items:
        if item.day is not None:
            item = When(local=datetime.datetime.combine(item.day, start.local.time()), zone=start.zone)
        local = item.in_zone(start.zone).local
        assert local is not None
        stamps.append(_time_stamp(local))
    return f"{name};TZID={start.zone}:" + ",".join(stamps)


def _recurrence(event: _ical.icalendar.Event, start: When, default_zone: str | None, notes: _ical.Notes) -> list[str]:
    lines = []
    for rule in _ical.values(event, "RRULE"):
        if not isinstance(rule, _ical.icalendar.vRecur):
            notes.add("RRULE icalendar can't read dropped")
            continue
        lines.append("RRULE:" + _ical.rule_text(_ical.rule_for(rule, start, notes)))
    if _ical.get(event, "EXRULE") is not None:
        notes.add("EXRULE dropped (RFC 5545 deprecates it; LINE WORKS takes RRULE, RDATE and EXDATE)")
    for name in ("RDATE", "EXDATE"):
        for group in _ical.dates(event, name):
            items = []
            for item in group:
                if isinstance(item, tuple):
                    notes.add(f"{name};VALUE=PERIOD dropped: only dates and date-times can be held")
                    continue
                when = _ical.read_when(item, default_zone, notes)
                if when is not None:
                    items.append(when)
            if items:
                lines.append(_date_line(name, items, start))
    return lines


def _cut(value: str | None, limit: int, what: str, notes: _ical.Notes) -> str | None:
    if value is not None and len(value) > limit:
        notes.add(f"{what} longer than the {limit} characters LINE WORKS takes cut")
        return value[:limit]
    return value


def _time_input(when: When) -> EventTimeInput:
    if when.local is not None:
        return EventTimeInput(date_time=when.local, time_zone=when.zone)
    assert when.day is not None
    return EventTimeInput(date=when.day)


def _component(
    event: _ical.icalendar.Event, default_zone: str | None, notes: _ical.Notes, *, series: bool
) -> EventRequest | None:
    start, end = _ical.start_and_end(event, default_zone, notes)
    if start is None:
        notes.add("VEVENT without DTSTART dropped")
        return None
    component = EventRequest(
        summary=_cut(_ical.text(event, "SUMMARY"), MAX_SUMMARY, "SUMMARY", notes) or "",
        start=_time_input(start),
    )
    if end is not None:
        component.end = _time_input(end)
    description = _cut(_ical.text(event, "DESCRIPTION"), MAX_DESCRIPTION, "DESCRIPTION", notes)
    if description is not None:
        component.description = description
    location = _cut(_ical.text(event, "LOCATION"), MAX_LOCATION, "LOCATION", notes)
    if location is not None:
        component.location = location
    if series:
        lines = _recurrence(event, start, default_zone, notes)
        if lines:
            component.recurrence = lines
    transp = str(_ical.get(event, "TRANSP") or "").upper()
    if transp in ("OPAQUE", "TRANSPARENT"):
        component.transparency = Transparency(transp)
    klass = str(_ical.get(event, "CLASS") or "").upper()
    if klass in ("PUBLIC", "PRIVATE"):
        component.visibility = Visibility(klass)
    elif klass == "CONFIDENTIAL":
        notes.add("CLASS:CONFIDENTIAL read as PRIVATE (LINE WORKS has PUBLIC and PRIVATE)")
        component.visibility = Visibility.PRIVATE
    elif klass:
        notes.add(f"CLASS:{klass} dropped")
    for name, limit in (("SEQUENCE", _INT32), ("PRIORITY", 9)):
        value = _ical.get(event, name)
        if value is not None:
            try:
                number = int(value)
            except (TypeError, ValueError):
                number = -1
            if 0 <= number <= limit:
                setattr(component, name.lower(), number)
            else:
                notes.add(f"{name} out of range dropped")
    organizer = _ical.get(event, "ORGANIZER")
    if organizer is not None:
        email = _ical.email_of(str(organizer))
        if email is None:
            notes.add("ORGANIZER without a mailto: address dropped")
        else:
            component.organizer = OrganizerInput(email=email)
            cn = _ical.param(organizer, "CN")
            if cn is not None:
                component.organizer.display_name = cn
    attendees = [a for a in (_attendee(prop, notes) for prop in _ical.values(event, "ATTENDEE")) if a is not None]
    if attendees:
        component.attendees = attendees
    span = (end.instant - start.instant) if end is not None else datetime.timedelta(days=1 if start.day else 0)
    zone_of_alarms = start.zone if start.day is None else default_zone or "UTC"
    reminders = [_reminder(alarm, zone_of_alarms) for alarm in _ical.read_alarms(event, span, default_zone, notes)]
    if reminders:
        component.reminders = reminders
    _read_extras(event, component, notes)
    return component


def _attendee(prop: object, notes: _ical.Notes) -> AttendeeInput | None:
    uri = str(prop)
    email = _ical.email_of(uri)
    resource_id = _ical.param(prop, "X-LINEWORKS-RESOURCE-ID") or _ical.from_urn(uri, RESOURCE)
    if email is None and resource_id is None:
        notes.add("ATTENDEE without a mailto: address dropped")
        return None
    attendee = AttendeeInput()
    if email is not None:
        attendee.email = email
    if resource_id is not None:
        attendee.id = resource_id
    name = _ical.param(prop, "CN")
    if name is not None:
        attendee.display_name = name
    partstat = (_ical.param(prop, "PARTSTAT") or "").upper()
    if partstat in _PARTSTATS:
        attendee.partstat = _PARTSTATS[partstat]
    elif partstat:
        notes.add(f"PARTSTAT={partstat} dropped (LINE WORKS answers are NEEDS-ACTION, ACCEPTED, DECLINED, TENTATIVE)")
    role = (_ical.param(prop, "ROLE") or "").upper()
    if role in ("OPT-PARTICIPANT", "NON-PARTICIPANT"):
        attendee.is_optional = True
    elif role in ("REQ-PARTICIPANT", "CHAIR"):
        attendee.is_optional = False
    cutype = (_ical.param(prop, "CUTYPE") or "").upper()
    if cutype in ("RESOURCE", "ROOM"):
        if resource_id is not None:
            attendee.is_resource = True
        else:
            notes.add("resource (CUTYPE=RESOURCE/ROOM) without a LINE WORKS resource id invited by its address")
    elif cutype in ("INDIVIDUAL", "GROUP"):
        attendee.is_resource = False
    external = (_ical.param(prop, "X-LINEWORKS-EXTERNAL-RESOURCE") or "").upper()
    if external in ("TRUE", "FALSE"):
        attendee.is_external_resource = external == "TRUE"
    value = _ical.param(prop, "X-LINEWORKS-RESOURCE-VALUE")
    if value is not None:
        attendee.resource_value = value
    return attendee


def _reminder(alarm: _ical.AlarmSpec, zone_name: str) -> ReminderInput:
    reminder = ReminderInput(method=ReminderMethod(alarm.action))
    if alarm.offset is not None:
        reminder.trigger = _ical.format_duration(alarm.offset)
    elif alarm.at is not None:
        name = alarm.zone or zone_name
        local = alarm.at.astimezone(_ical.zone(name) or _ical.UTC).replace(tzinfo=None)
        reminder.trigger_date_time = ZonedDateTimeInput(date_time=local, time_zone=name)
    return reminder


def _read_extras(event: _ical.icalendar.Event, component: EventRequest, notes: _ical.Notes) -> None:
    geo = _ical.text(event, "X-LINEWORKS-MAP-GEO")
    point = _ical.get(event, "GEO")
    if geo is None and point is not None:
        geo = _geo_text((float(point.latitude), float(point.longitude)))
    map_type = _ical.text(event, "X-LINEWORKS-MAP-TYPE")
    if geo is not None or map_type is not None:
        component.map_ = MapInput()
        if geo is not None:
            component.map_.geo = geo
        if map_type is not None:
            component.map_.type_ = map_type
    map_url, image = _ical.text(event, "X-LINEWORKS-MAP-URL"), _ical.text(event, "X-LINEWORKS-MAP-IMAGE-ID")
    if map_url is not None or image is not None:
        component.map_url = MapUrlInput()
        if map_url is not None:
            component.map_url.map_url = map_url
        if image is not None:
            component.map_url.image_id = image
    category = _ical.text(event, "X-LINEWORKS-CATEGORY-ID")
    if category is not None:
        component.category_id = category
    conference = next((str(c) for c in _ical.values(event, "CONFERENCE") if str(c).startswith("http")), None)
    meeting = _ical.text(event, "X-LINEWORKS-VIDEO-MEETING-ID")
    if conference is not None or meeting is not None:
        component.video_meeting = VideoMeetingInput()
        if conference is not None:
            component.video_meeting.url = conference
        if meeting is not None:
            component.video_meeting.resource_id = meeting
    if _ical.get(event, "URL") is not None:
        notes.add("URL dropped: LINE WORKS sets an event's link (viewUrl) itself")
    if _ical.get(event, "ATTACH") is not None:
        notes.add("ATTACH dropped: attachments can't be sent with an event")
    for name in ("CATEGORIES", "RESOURCES", "CONTACT", "COMMENT", "RELATED-TO"):
        if _ical.get(event, name) is not None:
            notes.add(f"{name} dropped: LINE WORKS events have no such field")
