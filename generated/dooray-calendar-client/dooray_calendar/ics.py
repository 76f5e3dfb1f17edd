"""iCalendar (RFC 5545) in and out for Dooray events (added by calspec). Needs the `ics` extra:
`pip install 'dooray-calendar-client[ics]'` (icalendar).

    from dooray_calendar import ics

    text = ics.to_ics(list_events.sync(client=client, ...), time_zone="Asia/Seoul")
    for request in ics.from_ics(path.read_text()):
        create_event.sync(calendar_id, client=client, body=request)

`to_ics` takes events as get and list answer them (`Event`, `EventResponse`, `EventListResponse`) or
create requests, and writes one VCALENDAR: a VEVENT per event, a VTIMEZONE for every zone used and a
PRODID naming calspec. Dooray answers times with a UTC offset and no zone: they are written in
`time_zone` when given, else in the fixed-offset zone of their offset (`Etc/GMT-9` for +09:00).

`from_ics` gives one `CreateEventRequest` per event. A Dooray rule holds no exceptions: the occurrences
a file moves (RECURRENCE-ID) or deletes (EXDATE, STATUS:CANCELLED) are left out of those requests,
with a warning. `read_events` gives them too, to apply after the create: update the occurrence
`occurrence_id(created_id, moved.original_start)` with `moved.changes`, and delete each excluded one
with `deleteType: this`.

The mapping, and what can't be mapped, is in spec/NOTES.md ("iCalendar mapping"). Whatever is dropped
or changed on the way is reported once per kind as an `IcsWarning` (a UserWarning).
"""

from __future__ import annotations

import datetime
import hashlib
import html
import itertools
import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from . import _ical
from . import types as _types
from ._ical import IcsWarning, When
from .models import (
    AttendanceStatus,
    BodyInput,
    BodyInputMimeType,
    CreateEventRequest,
    EmailInvitee,
    EmailInviteeEmailUser,
    Event,
    EventListResponse,
    EventResponse,
    EventUsersInput,
    MemberInvitee,
    MemberInviteeMember,
    PersonalSettings,
    PersonalSettingsAlarmsItem,
    PersonalSettingsAlarmsItemAction,
    PersonalSettingsClass,
    RecurrenceRule,
    RecurrenceRuleInput,
    RecurrenceRuleInputFrequency,
    RecurrenceType,
    UpdateEventRequest,
)
from .types import UNSET, OffsetDate, Unset

__all__ = ["ImportedEvent", "IcsWarning", "MovedOccurrence", "from_ics", "occurrence_id", "read_events", "to_ics"]

PRODUCT = "dooray-calendar-client 1.0.0"
Events = Event | EventResponse | EventListResponse | CreateEventRequest
MEMBER = "dooray-member"
UNTITLED = "(untitled)"
_STATUS = {
    AttendanceStatus.ACCEPTED: "ACCEPTED",
    AttendanceStatus.DECLINED: "DECLINED",
    AttendanceStatus.TENTATIVE: "TENTATIVE",
    AttendanceStatus.NOT_CONFIRMED: "NEEDS-ACTION",
}
_FREQUENCIES = {member.value.upper(): member for member in RecurrenceRuleInputFrequency}
_WEEKDAY = re.compile(r"^([+-]?\d{1,2})?(SU|MO|TU|WE|TH|FR|SA)$")
# RRULE parts a Dooray rule has (frequency, interval, until, byday, bymonth, bymonthday); COUNT becomes UNTIL.
_KEPT = {"FREQ", "INTERVAL", "UNTIL", "COUNT", "BYDAY", "BYMONTH", "BYMONTHDAY"}


# Out ------------------------------------------------------------------------------------------------


def to_ics(events: Events | Iterable[Events], *, time_zone: str | None = None) -> str:
    """One VCALENDAR with the events.

    A series' master (an event with `recurrenceRule` and no `recurrenceId`) is written with its RRULE;
    its occurrences edited on their own (`recurrenceType: modified`) as overrides with RECURRENCE-ID,
    the others are the rule's and left out. Occurrences without their master among the events (what the
    list answers) are written as events of their own, so a window exports as it shows.

    `time_zone`: the IANA zone to write times in (Dooray answers only offsets), and X-WR-TIMEZONE.
    """
    if time_zone is not None and _ical.zone(time_zone) is None:
        raise ValueError(f"time_zone {time_zone!r} is not an IANA time zone")
    items = _flatten(events)
    notes = _ical.Notes()
    zones = [_zone_of(item, time_zone) for item in items]
    used = Counter(zone or _offset_zone(item.started_at) for item, zone in zip(items, zones))
    default_zone = time_zone or (used.most_common(1)[0][0] if used else None)
    calendar = _ical.new_calendar(PRODUCT, default_zone)
    masters = {_series_key(item): item for item in items if isinstance(item, Event) and _is_master(item)}
    for item, zone_name in zip(items, zones):
        vevent = None
        if isinstance(item, CreateEventRequest):
            vevent = _vevent(item, _derived_uid(item), zone_name, notes)
        elif _is_master(item) or _recurrence_id(item) is None:
            vevent = _vevent(item, _uid(item), zone_name, notes)
        else:
            master = masters.get(_series_key(item))
            if master is None:
                vevent = _vevent(item, _standalone_uid(item), zone_name, notes)
                if vevent is not None:
                    _ical.add_text(vevent, "X-DOORAY-MASTER-SCHEDULE-ID", _series_key(item))
            elif item.recurrence_type == RecurrenceType.MODIFIED:
                vevent = _vevent(item, _uid(master), _zone_of(master, time_zone), notes, override=True)
        if vevent is not None:
            calendar.add_component(vevent)
    text = _ical.serialize(calendar)
    notes.emit()
    return text


def _flatten(events: Events | Iterable[Events]) -> list[Event | CreateEventRequest]:
    out: list[Event | CreateEventRequest] = []
    for item in [events] if isinstance(events, Events) else events:
        if isinstance(item, EventResponse):
            out.append(item.result)
        elif isinstance(item, EventListResponse):
            out.extend(item.result)
        else:
            out.append(item)
    return out


def _series_key(event: Event) -> str:
    return event.master_schedule_id if isinstance(event.master_schedule_id, str) else event.id


def _is_master(event: Event) -> bool:
    return not isinstance(event.recurrence_rule, Unset) and _recurrence_id(event) is None


def _recurrence_id(event: Event) -> str | None:
    return event.recurrence_id if isinstance(event.recurrence_id, str) and event.recurrence_id else None


def _uid(event: Event) -> str:
    return event.uid if isinstance(event.uid, str) and event.uid else event.id


def _standalone_uid(event: Event) -> str:
    """An occurrence written as an event of its own: its own id, in the domain of the series' UID."""
    uid = _uid(event)
    return f"{event.id}@{uid.partition('@')[2]}" if "@" in uid else event.id


def _derived_uid(request: CreateEventRequest) -> str:
    content = json.dumps(request.to_dict(), sort_keys=True, default=str)
    return f"calspec-{hashlib.sha256(content.encode('utf-8')).hexdigest()[:32]}"


def _zone_of(item: Event | CreateEventRequest, time_zone: str | None) -> str | None:
    """The zone an event's times are written in: its rule's `timezoneName` (requests), else `time_zone`;
    None: each time in the fixed-offset zone of its own offset (`Etc/GMT-9` for +09:00)."""
    if isinstance(item, CreateEventRequest) and not isinstance(item.recurrence_rule, Unset):
        name = item.recurrence_rule.timezone_name
        if isinstance(name, str) and _ical.zone(name) is not None:
            return name
    return time_zone


def _offset_zone(value: object) -> str:
    """The fixed-offset zone of a time's offset (UTC when the offset isn't whole hours)."""
    offset = value.utcoffset() if isinstance(value, (datetime.datetime, OffsetDate)) else None
    return _ical.offset_zone_name(offset) or "UTC"


def _when(value: datetime.date | None | Unset, zone_name: str | None) -> When | None:
    if isinstance(value, datetime.datetime):
        name = zone_name or _offset_zone(value)
        instant = value if value.tzinfo is not None else _ical.aware(value, name)
        return When(local=instant.astimezone(_ical.zone(name) or _ical.UTC).replace(tzinfo=None), zone=name)
    if isinstance(value, datetime.date):
        return When(day=datetime.date(value.year, value.month, value.day))
    return None


def _ical_value(when: When) -> datetime.date:
    if when.day is not None:
        return when.day
    assert when.local is not None
    return _ical.aware(when.local, when.zone)


def _parse_time(text: str) -> datetime.date | None:
    """A Dooray time value as text (`recurrenceId`): a date-time with offset or an all-day date."""
    for parse in (_types.parse_datetime, _types.parse_date):
        try:
            return parse(text)
        except ValueError:
            continue
    return None


def _vevent(
    item: Event | CreateEventRequest, uid: str, zone_name: str | None, notes: _ical.Notes, *, override: bool = False
) -> _ical.icalendar.Event | None:
    start = _when(item.started_at, zone_name)
    if start is None:
        notes.add("event without startedAt (a post or milestone without dates) not exported")
        return None
    event = _ical.icalendar.Event()
    event.add("UID", uid)
    stamp = item.updated_at if isinstance(item, Event) else None
    event.add(
        "DTSTAMP",
        (stamp if isinstance(stamp, datetime.datetime) else datetime.datetime.now(_ical.UTC)).astimezone(_ical.UTC),
    )
    if override and isinstance(item, Event):
        original = _when(_parse_time(_recurrence_id(item) or ""), zone_name)
        if original is None:
            notes.add("occurrence with an unreadable recurrenceId not exported")
            return None
        event.add("RECURRENCE-ID", _ical_value(original))
    subject = item.subject if isinstance(item.subject, str) else ""
    event.add("SUMMARY", subject)
    _add_body(event, item)
    if isinstance(item.location, str):
        event.add("LOCATION", item.location)
    event.add("DTSTART", _ical_value(start))
    end = _when(item.ended_at, zone_name)
    if end is not None:
        event.add("DTEND", _ical_value(end))
    is_series = isinstance(item, CreateEventRequest) or _is_master(item)  # an occurrence has its series' rule
    if is_series and not isinstance(item.recurrence_rule, Unset):
        event.add("RRULE", _rrule(item.recurrence_rule, item.started_at, zone_name))
    if isinstance(item, Event):
        _add_users(event, item)
        for name, value in (("CREATED", item.created_at), ("LAST-MODIFIED", item.updated_at)):
            if isinstance(value, datetime.datetime):
                event.add(name, value.astimezone(_ical.UTC))
        if not isinstance(item.conferencing, Unset) and isinstance(item.conferencing.url, str):
            conference = _ical.icalendar.vUri(item.conferencing.url)
            conference.params["VALUE"] = "URI"
            conference.params["FEATURE"] = "VIDEO"
            event.add("CONFERENCE", conference)
    else:
        _add_invitees(event, item)
        _add_settings(event, item, subject, notes)
    return event


def _add_body(event: _ical.icalendar.Event, item: Event | CreateEventRequest) -> None:
    """The body as DESCRIPTION (plain text) and, exactly as Dooray holds it, X-ALT-DESC with its type."""
    body = item.body
    if isinstance(body, Unset) or not isinstance(body.content, str):
        return
    mime = body.mime_type.value if isinstance(body.mime_type, BodyInputMimeType) else body.mime_type
    mime_text = mime if isinstance(mime, str) else None
    plain = body.content if mime_text == "text/x-markdown" else _ical.html_to_text(body.content)
    event.add("DESCRIPTION", plain)
    alt = _ical.icalendar.vText(body.content)
    if mime_text is not None:
        alt.params["FMTTYPE"] = mime_text
    event.add("X-ALT-DESC", alt)


def _rrule(rule: RecurrenceRule | RecurrenceRuleInput, start: object, zone_name: str | None) -> _ical.icalendar.vRecur:
    parts: dict[str, list[object]] = {}
    if not isinstance(rule.frequency, Unset):
        parts["FREQ"] = [rule.frequency.value.upper()]
    until = rule.until
    if isinstance(until, datetime.datetime):
        if isinstance(start, datetime.date) and not isinstance(start, datetime.datetime):
            offset_zone = start.tzinfo if isinstance(start, OffsetDate) else until.tzinfo
            parts["UNTIL"] = [until.astimezone(offset_zone).date() if until.tzinfo else until.date()]
        else:
            parts["UNTIL"] = [(until if until.tzinfo else _ical.aware(until, zone_name or "UTC")).astimezone(_ical.UTC)]
    if isinstance(rule.interval, int):
        parts["INTERVAL"] = [rule.interval]
    if isinstance(rule.byday, str):
        parts["BYDAY"] = [day.replace(" ", "") for day in rule.byday.split(",")]
    if isinstance(rule.bymonthday, str):
        parts["BYMONTHDAY"] = [int(day) for day in rule.bymonthday.split(",")]
    if isinstance(rule.bymonth, str):
        parts["BYMONTH"] = [int(month) for month in rule.bymonth.split(",")]
    return _ical.icalendar.vRecur(parts)


def _add_users(event: _ical.icalendar.Event, item: Event) -> None:
    users = item.users
    if users is None or isinstance(users, Unset):
        return
    if not isinstance(users.from_, Unset):
        organizer = _user_address(users.from_, {})
        if organizer is not None:
            event.add("ORGANIZER", organizer)
    for role, people in (("REQ-PARTICIPANT", users.to), ("OPT-PARTICIPANT", users.cc)):
        for user in people or []:
            partstat = _STATUS.get(user.status) if isinstance(user.status, AttendanceStatus) else None
            value = _user_address(user, {"ROLE": role, "PARTSTAT": partstat, "CUTYPE": "INDIVIDUAL"})
            if value is not None:
                event.add("ATTENDEE", value)


def _user_address(user: object, params: dict[str, str | None]) -> _ical.icalendar.vCalAddress | None:
    member = getattr(user, "member", UNSET)
    email_user = getattr(user, "email_user", UNSET)
    if not isinstance(member, Unset):
        member_id = getattr(member, "organization_member_id", UNSET)
        email = getattr(member, "email_address", UNSET)
        name = getattr(member, "name", UNSET)
        if not isinstance(member_id, str) and not isinstance(email, str):
            return None
        params = {**params, "CN": name if isinstance(name, str) else None}
        if isinstance(member_id, str):
            params["X-DOORAY-MEMBER-ID"] = member_id
        fallback = _ical.urn(MEMBER, member_id) if isinstance(member_id, str) else ""
        return _ical.address(email if isinstance(email, str) else None, fallback, params)
    if not isinstance(email_user, Unset):
        email = getattr(email_user, "email_address", UNSET)
        name = getattr(email_user, "name", UNSET)
        if isinstance(email, str):
            return _ical.address(email, "", {**params, "CN": name if isinstance(name, str) else None})
    return None


def _add_invitees(event: _ical.icalendar.Event, item: CreateEventRequest) -> None:
    if isinstance(item.users, Unset):
        return
    for role, people in (("REQ-PARTICIPANT", item.users.to), ("OPT-PARTICIPANT", item.users.cc)):
        for person in people or []:
            value = _user_address(person, {"ROLE": role, "CUTYPE": "INDIVIDUAL"})
            if value is not None:
                event.add("ATTENDEE", value)


def _add_settings(event: _ical.icalendar.Event, item: CreateEventRequest, subject: str, notes: _ical.Notes) -> None:
    """The caller's own settings (requests only: Dooray never answers them): VALARM, TRANSP, CLASS."""
    settings = item.personal_settings
    if isinstance(settings, Unset):
        return
    if isinstance(settings.busy, bool):
        event.add("TRANSP", "OPAQUE" if settings.busy else "TRANSPARENT")
    if not isinstance(settings.class_, Unset):
        event.add("CLASS", settings.class_.value.upper())
    for alarm in settings.alarms or []:
        trigger = _ical.parse_trigger(alarm.trigger)
        if trigger is None:
            notes.add("alarm with an unreadable trigger not exported")
            continue
        action = "EMAIL" if alarm.action == PersonalSettingsAlarmsItemAction.MAIL else "DISPLAY"
        event.add_component(_ical.new_alarm(action, trigger, subject, None))


# In -------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MovedOccurrence:
    """An occurrence of a series the file overrides: its `original_start` (what Dooray's occurrence id
    is made of) and what to update it with."""

    original_start: datetime.datetime
    changes: UpdateEventRequest


@dataclass(frozen=True)
class ImportedEvent:
    """An event of a file: the request that creates it and, for a series, the occurrences to update
    (`moved`) and to delete (`excluded`, original starts) after it is created."""

    request: CreateEventRequest
    moved: tuple[MovedOccurrence, ...] = ()
    excluded: tuple[datetime.datetime, ...] = ()


def occurrence_id(event_id: str, original_start: datetime.datetime) -> str:
    """The id Dooray gives an occurrence of the series `event_id`: `{eventId}-{YYYYMMDDTHHMMSSZ}`, its
    original start in UTC."""
    return f"{event_id}-{original_start.astimezone(_ical.UTC):%Y%m%dT%H%M%SZ}"


def from_ics(text: str | bytes, *, default_time_zone: str | None = None) -> list[CreateEventRequest]:
    """A create request for every event of an iCalendar file.

    Floating times (no TZID) and all-day dates are read in the file's X-WR-TIMEZONE, else in
    `default_time_zone`, else UTC (an all-day value carries that zone's offset). Occurrences the file
    moves or deletes can't be in a Dooray rule: they are left out, with a warning (see `read_events`).
    """
    notes = _ical.Notes()
    events = _read(text, default_time_zone, notes)
    moved = sum(len(event.moved) for event in events)
    excluded = sum(len(event.excluded) for event in events)
    if moved or excluded:
        notes.add(
            f"{moved} moved and {excluded} deleted occurrences left out: a Dooray rule holds no exceptions; "
            "ics.read_events() gives them, to apply after the create"
        )
    notes.emit()
    return [event.request for event in events]


def read_events(text: str | bytes, *, default_time_zone: str | None = None) -> list[ImportedEvent]:
    """Every event of an iCalendar file, with what its series changes in single occurrences."""
    notes = _ical.Notes()
    events = _read(text, default_time_zone, notes)
    notes.emit()
    return events


def _read(text: str | bytes, default_time_zone: str | None, notes: _ical.Notes) -> list[ImportedEvent]:
    default_zone, groups = _ical.read_calendar(text, default_time_zone, notes)
    out: list[ImportedEvent] = []
    for group in groups:
        out.extend(_imported(group, default_zone, notes))
    return out


def _imported(group: _ical.Group, default_zone: str | None, notes: _ical.Notes) -> list[ImportedEvent]:
    master = group.master
    if master is not None and _ical.is_cancelled(master):
        notes.add("cancelled event (STATUS:CANCELLED) not imported")
        return []
    if master is None:
        notes.add("occurrences (RECURRENCE-ID) whose series isn't in the file imported as events of their own")
        singles = [_request(o, default_zone, notes) for o in group.overrides if not _ical.is_cancelled(o)]
        return [ImportedEvent(request) for request, _ in singles if request is not None]
    request, start = _request(master, default_zone, notes, series=True)
    if request is None or start is None:
        return []
    moved: list[MovedOccurrence] = []
    excluded: list[datetime.datetime] = []
    recurs = not isinstance(request.recurrence_rule, Unset)
    if group.overrides and not recurs:
        notes.add("override (RECURRENCE-ID) of an event that doesn't recur dropped")
    if recurs:
        for values in _ical.dates(master, "EXDATE"):
            for value in values:
                original = _ical.read_when(value, default_zone, notes)
                if original is not None:
                    excluded.append(_original_start(original, start, request))
        for override in group.overrides:
            original = _ical.read_when(_ical.dt(override, "RECURRENCE-ID"), default_zone, notes)
            if original is None:
                continue
            at = _original_start(original, start, request)
            if _ical.is_cancelled(override):
                excluded.append(at)
                continue
            changes, _ = _request(override, default_zone, notes)
            if changes is not None:
                moved.append(MovedOccurrence(at, _update(changes)))
    return [ImportedEvent(request, tuple(sorted(moved, key=lambda m: m.original_start)), tuple(sorted(excluded)))]


def _original_start(original: When, start: When, request: CreateEventRequest) -> datetime.datetime:
    """An occurrence's original start as Dooray names it: the instant; for an all-day series, midnight at
    the series' offset."""
    if start.day is not None:
        day = original.day if original.day is not None else original.local.date() if original.local else start.day
        offset = request.started_at.tzinfo if isinstance(request.started_at, OffsetDate) else _ical.UTC
        return datetime.datetime.combine(day, datetime.time(), offset)
    if original.day is not None:
        assert start.local is not None
        original = When(local=datetime.datetime.combine(original.day, start.local.time()), zone=start.zone)
    return original.instant.astimezone(_ical.UTC)


def _update(request: CreateEventRequest) -> UpdateEventRequest:
    changes = UpdateEventRequest(
        subject=request.subject,
        started_at=request.started_at,
        ended_at=request.ended_at,
        whole_day_flag=request.whole_day_flag,
    )
    for name in ("users", "body", "personal_settings"):
        setattr(changes, name, getattr(request, name))
    if isinstance(request.location, str) and request.location:
        changes.location = request.location
    return changes


def _offset_value(when: When, zone_name: str) -> datetime.date:
    """A Dooray time: a date-time with its offset, or an all-day date with the offset of the zone there."""
    tz = _ical.zone(zone_name) or _ical.UTC
    if when.day is not None:
        offset = datetime.datetime.combine(when.day, datetime.time(), tz).utcoffset() or datetime.timedelta()
        return OffsetDate(when.day.year, when.day.month, when.day.day, datetime.timezone(offset))
    instant = when.instant
    offset = instant.utcoffset() or datetime.timedelta()
    return instant.astimezone(datetime.timezone(offset))


def _request(
    event: _ical.icalendar.Event, default_zone: str | None, notes: _ical.Notes, *, series: bool = False
) -> tuple[CreateEventRequest | None, When | None]:
    start, end = _ical.start_and_end(event, default_zone, notes)
    if start is None:
        notes.add("VEVENT without DTSTART dropped")
        return None, None
    day_zone = default_zone or "UTC"
    if end is None:
        end = When(day=start.day + datetime.timedelta(days=1)) if start.day is not None else start
    subject = _ical.text(event, "SUMMARY") or ""
    if not subject:
        notes.add(f"event without SUMMARY sent with the subject {UNTITLED!r} (Dooray needs one)")
        subject = UNTITLED
    request = CreateEventRequest(
        subject=subject,
        started_at=_offset_value(start, day_zone if start.day is not None else start.zone),
        ended_at=_offset_value(end, day_zone if end.day is not None else end.zone),
        whole_day_flag=start.day is not None,
    )
    body = _body(event)
    if body is not None:
        request.body = body
    location = _ical.text(event, "LOCATION")
    if location:
        request.location = location
    if series:
        rule = _rule(event, start, request, notes)
        if rule is not None:
            request.recurrence_rule = rule
        if _ical.get(event, "RDATE") is not None:
            notes.add("RDATE dropped: a Dooray rule has no extra dates")
    users = _users(event, notes)
    if users is not None:
        request.users = users
    span = end.instant - start.instant
    settings = _settings(event, span, default_zone, notes)
    if settings is not None:
        request.personal_settings = settings
    if _ical.get(event, "ORGANIZER") is not None:
        notes.add("ORGANIZER dropped: Dooray makes the calling member the organizer")
    priority = _ical.get(event, "PRIORITY")
    if priority is not None and str(priority) != "0":
        notes.add("PRIORITY dropped: Dooray events have no priority")
    for name in ("URL", "ATTACH", "CATEGORIES", "RESOURCES", "CONTACT", "COMMENT", "RELATED-TO", "GEO", "CONFERENCE"):
        if _ical.get(event, name) is not None:
            notes.add(f"{name} dropped: Dooray events can't be created with it")
    return request, start


def _body(event: _ical.icalendar.Event) -> BodyInput | None:
    alt = _ical.get(event, "X-ALT-DESC")
    if alt is not None:
        content = _ical.text(event, "X-ALT-DESC") or ""
        mime = (_ical.param(alt, "FMTTYPE") or "").lower()
        body = BodyInput(content=content)
        if mime in ("text/html", "text/x-markdown"):
            body.mime_type = BodyInputMimeType(mime)
        elif mime:
            return _plain_body(event)
        return body
    return _plain_body(event)


def _plain_body(event: _ical.icalendar.Event) -> BodyInput | None:
    """A plain-text DESCRIPTION as the HTML body Dooray shows: escaped, line breaks kept."""
    description = _ical.text(event, "DESCRIPTION")
    if description is None:
        return None
    content = html.escape(description, quote=False).replace("\r\n", "\n").replace("\n", "<br>")
    return BodyInput(content=content, mime_type=BodyInputMimeType.TEXT_HTML)


def _day_token(value: str) -> str | None:
    """An RRULE weekday (`MO`, `1MO`, `-1FR`) as Dooray writes it (`MO`, `1 MO`, `-1 FR`); None when its
    ordinal is beyond what Dooray takes (-5 to 5)."""
    match = _WEEKDAY.match(value.upper())
    if match is None:
        return None
    if match.group(1) is None:
        return match.group(2)
    number = int(match.group(1))
    return f"{number} {match.group(2)}" if number != 0 and -5 <= number <= 5 else None


def _rule(
    event: _ical.icalendar.Event, start: When, request: CreateEventRequest, notes: _ical.Notes
) -> RecurrenceRuleInput | None:
    rules = [r for r in _ical.values(event, "RRULE") if isinstance(r, _ical.icalendar.vRecur)]
    if len(_ical.values(event, "RRULE")) > len(rules):
        notes.add("RRULE icalendar can't read dropped")
    if not rules:
        return None
    if len(rules) > 1:
        notes.add("RRULE beyond the first dropped: a Dooray event has one rule")
    if _ical.get(event, "EXRULE") is not None:
        notes.add("EXRULE dropped: a Dooray rule has no exceptions")
    rule = _ical.rule_for(rules[0], start, notes)
    frequency = _FREQUENCIES.get(str(rule.get("FREQ", [""])[0]).upper())
    if frequency is None:
        notes.add(f"FREQ={rule.get('FREQ', ['?'])[0]} can't be held by a Dooray rule: imported as its first occurrence")
        return None
    out = RecurrenceRuleInput(frequency=frequency)
    if start.day is None:
        out.timezone_name = start.zone
    bydays = [str(day) for day in rule.get("BYDAY", [])]
    dropped = [key for key in rule if key not in _KEPT]
    if "WKST" in dropped and [str(day).upper() for day in rule["WKST"]] == ["MO"]:
        dropped.remove("WKST")  # Monday is RFC 5545's default week start
    setpos = [int(pos) for pos in rule.get("BYSETPOS", [])]
    weekday = _WEEKDAY.match(bydays[0].upper()) if len(bydays) == 1 else None
    monthly = frequency in (RecurrenceRuleInputFrequency.MONTHLY, RecurrenceRuleInputFrequency.YEARLY)
    if len(setpos) == 1 and weekday is not None and weekday.group(1) is None and monthly:
        bydays = [f"{setpos[0]}{weekday.group(2)}"]  # BYSETPOS=-1;BYDAY=FR is BYDAY=-1FR
        dropped.remove("BYSETPOS")
    interval = rule.get("INTERVAL")
    if interval:
        out.interval = int(interval[0])
    if bydays:
        tokens = [_day_token(day) for day in bydays]
        if all(token is not None for token in tokens):
            out.byday = ",".join(str(token) for token in tokens)
        else:
            dropped.append("BYDAY (an ordinal beyond -5 to 5)")
    months = [int(month) for month in rule.get("BYMONTH", [])]
    if months:
        out.bymonth = ",".join(str(month) for month in months)
    monthdays = [int(day) for day in rule.get("BYMONTHDAY", [])]
    if monthdays:
        if all(1 <= day <= 31 for day in monthdays):
            out.bymonthday = ",".join(str(day) for day in monthdays)
        else:
            dropped.append("BYMONTHDAY (days counted from the end)")
    if dropped:
        notes.add(f"RRULE parts a Dooray rule can't hold dropped: {', '.join(dropped)}")
    until = rule.get("UNTIL")
    if until:
        out.until = _until(until[0], start, request)
    count = rule.get("COUNT")
    if count:
        last = _last_of(rule, start, int(count[0]))
        if last is not None:
            out.until = _until(last, start, request)
    return out


def _until(value: datetime.date, start: When, request: CreateEventRequest) -> datetime.datetime:
    """UNTIL as Dooray's `until`: for a timed series the instant at the start's offset; for an all-day
    series midnight of the last day at the series' offset."""
    if start.day is not None:
        day = value.date() if isinstance(value, datetime.datetime) else value
        offset = request.started_at.tzinfo if isinstance(request.started_at, OffsetDate) else _ical.UTC
        return datetime.datetime.combine(day, datetime.time(), offset)
    instant = (
        value if isinstance(value, datetime.datetime) else datetime.datetime.combine(value, datetime.time(), _ical.UTC)
    )
    local = instant.astimezone(_ical.zone(start.zone) or _ical.UTC)
    return local.astimezone(datetime.timezone(local.utcoffset() or datetime.timedelta()))


def _last_of(rule: _ical.icalendar.vRecur, start: When, count: int) -> datetime.date | None:
    """The last of COUNT occurrences (Dooray has no count: it becomes the until), expanded by dateutil."""
    parts = _ical.icalendar.vRecur({key: value for key, value in rule.items() if key != "COUNT"})
    dtstart = start.instant if start.day is None else datetime.datetime.combine(start.day, datetime.time())
    try:
        expanded = _ical.rrulestr(_ical.rule_text(parts), dtstart=dtstart)
        occurrences = list(itertools.islice(iter(expanded), count))
    except (ValueError, TypeError, OverflowError):
        return None
    if not occurrences:
        return None
    last = occurrences[-1]
    return last.date() if start.day is not None else last


def _users(event: _ical.icalendar.Event, notes: _ical.Notes) -> EventUsersInput | None:
    to: list[EmailInvitee | MemberInvitee] = []
    cc: list[EmailInvitee | MemberInvitee] = []
    for prop in _ical.values(event, "ATTENDEE"):
        uri = str(prop)
        member_id = _ical.param(prop, "X-DOORAY-MEMBER-ID") or _ical.from_urn(uri, MEMBER)
        email = _ical.email_of(uri)
        invitee: EmailInvitee | MemberInvitee
        if member_id is not None:
            invitee = MemberInvitee(type_="member", member=MemberInviteeMember(organization_member_id=member_id))
        elif email is not None:
            person = EmailInviteeEmailUser(email_address=email)
            name = _ical.param(prop, "CN")
            if name is not None:
                person.name = name
            invitee = EmailInvitee(type_="emailUser", email_user=person)
        else:
            notes.add("ATTENDEE without a mailto: address dropped")
            continue
        partstat = (_ical.param(prop, "PARTSTAT") or "NEEDS-ACTION").upper()
        if partstat != "NEEDS-ACTION":
            notes.add("PARTSTAT dropped: Dooray invitees answer for themselves")
        role = (_ical.param(prop, "ROLE") or "REQ-PARTICIPANT").upper()
        (cc if role in ("OPT-PARTICIPANT", "NON-PARTICIPANT") else to).append(invitee)
    if not to and not cc:
        return None
    users = EventUsersInput()
    if to:
        users.to = to
    if cc:
        users.cc = cc
    return users


def _settings(
    event: _ical.icalendar.Event, span: datetime.timedelta, default_zone: str | None, notes: _ical.Notes
) -> PersonalSettings | None:
    settings = PersonalSettings()
    alarms = [
        PersonalSettingsAlarmsItem(
            action=PersonalSettingsAlarmsItemAction.MAIL
            if alarm.action == "EMAIL"
            else PersonalSettingsAlarmsItemAction.APP,
            trigger=_ical.trigger_line(alarm.offset if alarm.offset is not None else alarm.at or datetime.timedelta()),
        )
        for alarm in _ical.read_alarms(event, span, default_zone, notes)
    ]
    if alarms:
        settings.alarms = alarms
    transp = str(_ical.get(event, "TRANSP") or "").upper()
    if transp in ("OPAQUE", "TRANSPARENT"):
        settings.busy = transp == "OPAQUE"
    klass = str(_ical.get(event, "CLASS") or "").upper()
    if klass in ("PUBLIC", "PRIVATE"):
        settings.class_ = PersonalSettingsClass(klass.lower())
    elif klass == "CONFIDENTIAL":
        notes.add("CLASS:CONFIDENTIAL read as private (Dooray has public and private)")
        settings.class_ = PersonalSettingsClass.PRIVATE
    elif klass:
        notes.add(f"CLASS:{klass} dropped")
    if isinstance(settings.alarms, Unset) and isinstance(settings.busy, Unset) and isinstance(settings.class_, Unset):
        return None
    return settings
