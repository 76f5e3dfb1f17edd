"""LINE WORKS API 2.0 Calendar: one handler per operationId of spec/lineworks/calendar.yaml.

Events are stored as the documents the API returns: `{"eventComponents": [...],
"organizerCalendarId": ...}`, one row per (calendar, eventId).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from urllib.parse import quote

from dateutil.rrule import rrulestr

from fake.auth import Principal
from fake.context import Context, Handler
from fake.errors import ApiError
from fake.spec import parse_date_time
from fake.store import FOREVER, Conflict, Store
from fake.timeutil import DAY, epoch, local_epoch, offset_of, wall_seconds, zone

PROVIDER = "lineworks"
MAX_WINDOW = 31 * DAY
WRITE_ROLES = frozenset({"CALENDAR_EVENT_READ_WRITE", "EVENT_READ_WRITE"})
MAX_EXPANSION = 100_000  # occurrences looked at per series and request, a guard against FREQ=SECONDLY
VIEW_URL = "https://calendar.worksmobile.com/calendar/event?calendarId={calendar}&eventId={event}"


def _invalid(message: str) -> ApiError:
    return ApiError(400, message, "INVALID_PARAMETER")


# Access ------------------------------------------------------------------------------------------


def resolve_user(ctx: Context) -> Principal:
    """The path's `userId`: `me`, the token's user id or its email. Anyone else: 403 ACCESS_DENIED."""
    user_id = ctx.path["userId"]
    principal = ctx.principal
    if user_id == "me" or user_id == principal.user_id or user_id.lower() == principal.email.lower():
        return principal
    raise ApiError(
        403, "Access denied: the token's user may not access this user's calendars", "ACCESS_DENIED"
    )


def role_of(calendar: Mapping[str, Any], user_id: str) -> str | None:
    for member in calendar.get("members", []):
        if member.get("type", "USER") == "USER" and member.get("id") == user_id:
            return str(member.get("role", "EVENT_READ"))
    return None


def visible_calendar(ctx: Context, user: Principal, *, write: bool) -> dict[str, Any]:
    """The calendar if the user is a member (404 NOT_FOUND otherwise); 403 when writing read-only."""
    calendar_id = ctx.path["calendarId"]
    calendar = ctx.store.get_calendar(PROVIDER, calendar_id)
    role = None if calendar is None else role_of(calendar, user.user_id)
    if calendar is None or role is None:
        raise ApiError(404, "Calendar not found", "NOT_FOUND")
    if write and role not in WRITE_ROLES:
        raise ApiError(403, "Access denied: the user may only read this calendar", "ACCESS_DENIED")
    return calendar


# Times -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Moment:
    """A start or end: a fixed instant (dateTime + timeZone) or a floating day (all-day date)."""

    seconds: int  # epoch seconds when fixed; wall seconds of midnight when floating
    floating: bool

    def at(self, window_offset: int) -> int:
        return self.seconds - window_offset if self.floating else self.seconds


def _moment(value: Mapping[str, Any], default_zone: str, where: str) -> Moment:
    has_date, has_time = "date" in value, "dateTime" in value
    if has_date == has_time:
        raise _invalid(f"{where}: give exactly one of date and dateTime")
    if has_date:
        day = date.fromisoformat(value["date"])
        return Moment(wall_seconds(datetime(day.year, day.month, day.day)), True)
    name = value.get("timeZone", default_zone)
    try:
        return Moment(local_epoch(datetime.fromisoformat(value["dateTime"]), name), False)
    except ValueError:
        raise _invalid(f"{where}.timeZone: unknown time zone") from None


def span(component: Mapping[str, Any], default_zone: str = "UTC") -> tuple[Moment, Moment]:
    start = _moment(component["start"], default_zone, "start")
    if "end" in component:
        end = _moment(component["end"], default_zone, "end")
    else:
        end = Moment(start.seconds + DAY, True) if start.floating else start
    return start, end


def _rule_set(component: Mapping[str, Any]) -> Any:
    start = component["start"]
    if "date" in start:
        day = date.fromisoformat(start["date"])
        dtstart = datetime(day.year, day.month, day.day)
    else:
        dtstart = datetime.fromisoformat(start["dateTime"]).replace(tzinfo=zone(start["timeZone"]))
    return rrulestr("\n".join(component["recurrence"]), dtstart=dtstart, forceset=True)


def occurrence_starts(component: Mapping[str, Any], window_offset: int, lo: int, hi: int) -> Iterator[int]:
    """Starts (epoch seconds) of the series' occurrences in [lo, hi)."""
    floating = "date" in component["start"]
    try:
        for count, occurrence in enumerate(_rule_set(component)):
            when = wall_seconds(occurrence) - window_offset if floating else epoch(occurrence)
            if when >= hi or count >= MAX_EXPANSION:
                return
            if when >= lo:
                yield when
    except (ValueError, OverflowError, TypeError):  # the calendar runs out (year 9999)
        return


def _recurrence_id(text: str, master: Mapping[str, Any], window_offset: int) -> int | None:
    """Epoch of an RFC 5545 RECURRENCE-ID such as `TZID=Asia/Seoul:20211213T140000`."""
    params, _, value = text.rpartition(":")
    try:
        if "T" not in value:
            day = datetime.strptime(value, "%Y%m%d")
            return wall_seconds(day) - window_offset
        if value.endswith("Z"):
            return wall_seconds(datetime.strptime(value, "%Y%m%dT%H%M%SZ"))
        local = datetime.strptime(value, "%Y%m%dT%H%M%S")
        name = params.partition("TZID=")[2] or master["start"].get("timeZone", "UTC")
        return local_epoch(local, name)
    except (ValueError, KeyError):
        return None


def overlaps(start: int, end: int, lo: int, hi: int) -> bool:
    """Whether [start, end) meets [lo, hi); an instant (start == end) counts when lo <= start < hi."""
    if start == end:
        return lo <= start < hi
    return start < hi and end > lo


def event_overlaps(doc: Mapping[str, Any], lo: int, hi: int, window_offset: int) -> bool:
    components = doc["eventComponents"]
    masters = [c for c in components if c.get("recurrence")]
    exceptions = [c for c in components if c.get("recurringEventId") and not c.get("recurrence")]
    for component in components:
        if component.get("recurrence"):
            continue
        start, end = span(component)
        if overlaps(start.at(window_offset), end.at(window_offset), lo, hi):
            return True
    for master in masters:
        start, end = span(master)
        duration = end.at(window_offset) - start.at(window_offset)
        replaced = {_recurrence_id(e["recurringEventId"], master, window_offset) for e in exceptions}
        for when in occurrence_starts(master, window_offset, lo - max(duration, 0), hi):
            if when not in replaced and overlaps(when, when + duration, lo, hi):
                return True
    return False


def coarse_window(components: list[dict[str, Any]]) -> tuple[int, int]:
    """Epoch bounds that hold every occurrence for any window time zone (floating days widen by a day)."""
    lo, hi = FOREVER, -FOREVER
    for component in components:
        start, end = span(component)
        lo = min(lo, start.seconds - (DAY if start.floating else 0))
        hi = max(hi, end.seconds + (DAY if end.floating else 0), start.seconds + 1)
        if component.get("recurrence"):
            hi = FOREVER
    return lo, hi


# Create ------------------------------------------------------------------------------------------


def prepare_components(
    components: list[dict[str, Any]],
    *,
    calendar: Mapping[str, Any],
    owner: Principal | None,
    user: Principal,
    now: datetime,
) -> list[dict[str, Any]]:
    """Check what the schema can't say and fill the read-only fields; the stored components."""
    ids = {c["eventId"] for c in components if "eventId" in c}
    if len(ids) > 1:
        raise _invalid("eventComponents: every component must have the same eventId")
    event_id = ids.pop() if ids else f"event-{uuid.uuid4().hex}"
    mains = [c for c in components if c.get("recurrence") or not c.get("recurringEventId")]
    if len(mains) > 1:
        raise _invalid(
            "eventComponents: only one component may be the event itself; the others need recurringEventId"
        )
    if calendar.get("default") and owner is not None:
        organizer = {"email": owner.email, "displayName": owner.name}
    else:
        organizer = {
            "email": str(calendar.get("calendarEmail", "")),
            "displayName": str(calendar["calendarName"]),
        }
    stored: list[dict[str, Any]] = []
    for index, source in enumerate(components):
        component = dict(source)
        where = f"eventComponents[{index}]"
        component["eventId"] = event_id
        for key in ("start", "end"):
            if key in component and "dateTime" in component[key] and "timeZone" not in component[key]:
                component[key] = {**component[key], "timeZone": user.time_zone}
            if key in component and "timeZone" in component[key]:
                try:
                    zone(component[key]["timeZone"])
                except ValueError:
                    raise _invalid(f"{where}.{key}.timeZone: unknown time zone") from None
        try:
            start, end = span(component, user.time_zone)
        except ApiError as error:
            raise _invalid(f"{where}.{error.message}") from None
        if "end" in component:
            if start.floating != end.floating:
                raise _invalid(f"{where}.end: must be a date when start is a date, a dateTime otherwise")
            if end.seconds < start.seconds:
                raise _invalid(f"{where}.end: must not be before start")
        if component.get("recurrence"):
            try:
                rules = iter(_rule_set(component))
                for _ in range(3):
                    next(rules, None)
            except (ValueError, TypeError, OverflowError, KeyError):
                raise _invalid(f"{where}.recurrence: not a valid RRULE/EXDATE/RDATE set") from None
        zone_name = component["start"].get("timeZone", user.time_zone)
        stamp = {
            "dateTime": now.astimezone(zone(zone_name)).strftime("%Y-%m-%dT%H:%M:%S"),
            "timeZone": zone_name,
        }
        component["createdTime"] = stamp
        component["updatedTime"] = dict(stamp)
        component["organizer"] = dict(organizer)
        component["viewUrl"] = VIEW_URL.format(
            calendar=quote(str(calendar["calendarId"]), safe=""), event=quote(event_id, safe="")
        )
        stored.append(component)
    return stored


def store_event(store: Store, calendar_id: str, components: list[dict[str, Any]]) -> dict[str, Any]:
    doc = {"eventComponents": components, "organizerCalendarId": calendar_id}
    lo, hi = coarse_window(components)
    try:
        store.insert_event(PROVIDER, calendar_id, components[0]["eventId"], doc, lo, hi)
    except Conflict:
        raise ApiError(
            409, "An event with this eventId already exists in the calendar", "ALREADY_EXIST"
        ) from None
    return doc


def _owner(ctx: Context, calendar: Mapping[str, Any]) -> Principal | None:
    return ctx.world.users.get(PROVIDER, {}).get(str(calendar.get("ownerUserId", "")))


def create_event(ctx: Context) -> tuple[int, Any]:
    user = resolve_user(ctx)
    calendar = visible_calendar(ctx, user, write=True)
    components = prepare_components(
        ctx.body["eventComponents"], calendar=calendar, owner=_owner(ctx, calendar), user=user, now=ctx.now()
    )
    return 201, store_event(ctx.store, str(calendar["calendarId"]), components)


# List --------------------------------------------------------------------------------------------


def list_events(ctx: Context) -> tuple[int, Any]:
    start = parse_date_time(ctx.query["fromDateTime"])
    until = parse_date_time(ctx.query["untilDateTime"])
    lo, hi = epoch(start), epoch(until)
    if hi < lo:
        raise _invalid("untilDateTime: must not be before fromDateTime")
    if hi - lo > MAX_WINDOW:
        raise _invalid("untilDateTime: the window is longer than 31 days")
    user = resolve_user(ctx)
    calendar = visible_calendar(ctx, user, write=False)
    window_offset = offset_of(start)
    candidates = ctx.store.events_between(PROVIDER, [str(calendar["calendarId"])], lo, hi)
    events = [doc for doc in candidates if event_overlaps(doc, lo, hi, window_offset)]
    return 200, {"events": events}


HANDLERS: dict[str, Handler] = {
    "createEvent": create_event,
    "listEvents": list_events,
}


# Fixtures ----------------------------------------------------------------------------------------


def seed(store: Store, data: Mapping[str, Any], users: Mapping[str, Principal]) -> None:
    """Put the fixture calendars and events in a new database (events get their read-only fields
    exactly as a create would fill them, at the fixture's `createdAt`)."""
    for calendar in data.get("calendars", []):
        store.put_calendar(PROVIDER, calendar["calendarId"], calendar)
    calendars = {c["calendarId"]: c for c in data.get("calendars", [])}
    for event in data.get("events", []):
        calendar = calendars[event["calendarId"]]
        owner = users.get(str(calendar.get("ownerUserId", "")))
        if owner is None:
            raise ValueError(f"fixture calendar {calendar['calendarId']} has no known owner")
        components = prepare_components(
            event["eventComponents"],
            calendar=calendar,
            owner=owner,
            user=owner,
            now=parse_date_time(event["createdAt"]),
        )
        store_event(store, calendar["calendarId"], components)
