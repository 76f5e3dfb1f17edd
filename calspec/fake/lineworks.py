"""LINE WORKS API 2.0 Calendar: one handler per operationId of spec/lineworks/calendar.yaml.

Events are stored as the documents the API returns: `{"eventComponents": [...],
"organizerCalendarId": ...}`, one row per (calendar, eventId). Calendars are stored with their
shared properties plus `ownerUserId`, `default` and `personal` (each user's own settings:
`isShowOnLNBList`, `displayOrder`, and `removed` once the user took it out of their list).
"""

from __future__ import annotations

import base64
import binascii
import uuid
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from urllib.parse import quote

from calspec.core.formats import parse_date_time
from calspec.fake.auth import Principal
from calspec.fake.context import Context, Handler
from calspec.fake.errors import ApiError
from calspec.fake.recurrence import Recurrence, RuleError, parse_lines
from calspec.fake.store import FOREVER, Conflict, Store
from calspec.fake.timeutil import (
    DAY,
    epoch,
    local_epoch,
    offset_of,
    wall_seconds,
    wall_time,
    zone,
    zoned_time,
)

PROVIDER = "lineworks"
MAX_WINDOW = 31 * DAY
MANAGE_ROLE = "CALENDAR_EVENT_READ_WRITE"  # the calendar itself and its events
WRITE_ROLES = frozenset({MANAGE_ROLE, "EVENT_READ_WRITE"})
READ_ROLE = "EVENT_READ"
FREE_BUSY_ROLE = "EVENT_READ_FREE_BUSY"
# What an EVENT_READ_FREE_BUSY member sees of each component (plus a summary that says busy or free).
FREE_BUSY_FIELDS = ("eventId", "start", "end", "transparency", "recurrence", "recurringEventId")
CALENDAR_FIELDS = (
    "calendarId",
    "calendarName",
    "members",
    "description",
    "isPublic",
    "calendarEmail",
    "type",
)
CREATED_CALENDAR_TYPE = "INDIVIDUAL"  # a user's own shared calendar (マイカレンダー), see fake/README.md
CALENDAR_EMAIL = "{calendar}@groups.example.com"
DEFAULT_DISPLAY_ORDER = 9999
RESOURCE_LOCATION = 14101  # the documents' example value; the fake has one instance
CURSOR_PREFIX = "lw-personals:"
VIEW_URL = "https://calendar.worksmobile.com/calendar/event?calendarId={calendar}&eventId={event}"


def _invalid(message: str) -> ApiError:
    return ApiError(400, message, "invalid-parameter")


# Access ------------------------------------------------------------------------------------------


def resolve_user(ctx: Context) -> Principal:
    """The path's `userId`: `me`, the token's user id or its email. Anyone else: 403 ACCESS_DENIED."""
    user_id = ctx.path["userId"]
    principal = ctx.principal
    if user_id == "me" or user_id == principal.user_id or user_id.lower() == principal.email.lower():
        return principal
    raise ApiError(
        403, "Access denied: the token's user may not access this user's calendars", "access-denied"
    )


def is_user(member: Mapping[str, Any], user: Principal) -> bool:
    """Whether a member entry names the user (by user id, or by login email in any case)."""
    if member.get("type", "USER") != "USER":
        return False
    ident = str(member.get("id", ""))
    return ident == user.user_id or (bool(user.email) and ident.lower() == user.email.lower())


def is_member(calendar: Mapping[str, Any], user: Principal) -> bool:
    return calendar.get("ownerUserId") == user.user_id or any(
        is_user(m, user) for m in calendar.get("members", [])
    )


def role_of(calendar: Mapping[str, Any], user: Principal) -> str | None:
    """The user's role: the owner manages; members have theirs; a public calendar is readable by all."""
    if calendar.get("ownerUserId") == user.user_id:
        return MANAGE_ROLE
    public = bool(calendar.get("isPublic"))
    for member in calendar.get("members", []):
        if is_user(member, user):
            role = str(member.get("role", READ_ROLE))
            return READ_ROLE if public and role == FREE_BUSY_ROLE else role
    return READ_ROLE if public else None


def personal(calendar: Mapping[str, Any], user_id: str) -> dict[str, Any]:
    """The user's own settings for a calendar, defaults filled in."""
    stored = (calendar.get("personal") or {}).get(user_id) or {}
    return {
        "isShowOnLNBList": bool(stored.get("isShowOnLNBList", True)),
        "displayOrder": int(stored.get("displayOrder", DEFAULT_DISPLAY_ORDER)),
        "removed": bool(stored.get("removed", False)),
    }


def in_list(calendar: Mapping[str, Any], user: Principal) -> bool:
    """Whether the calendar is in the user's calendar list: owned or shared with them, not removed."""
    return is_member(calendar, user) and not personal(calendar, user.user_id)["removed"]


def _not_found(what: str = "Calendar") -> ApiError:
    return ApiError(404, f"{what} not found")


def _denied(message: str) -> ApiError:
    return ApiError(403, f"Access denied: {message}", "access-denied")


def user_calendar(
    ctx: Context, user: Principal, calendar_id: str, *, write: bool
) -> tuple[dict[str, Any], str]:
    """A calendar through the user's paths, with the user's role.

    404 NOT_FOUND when the user can't see it or took it out of their list (existence is not
    revealed); 403 ACCESS_DENIED when writing needs a role the user lacks.
    """
    calendar = ctx.store.get_calendar(PROVIDER, calendar_id)
    role = None if calendar is None else role_of(calendar, user)
    if calendar is None or role is None or personal(calendar, user.user_id)["removed"]:
        raise _not_found()
    if write and role not in WRITE_ROLES:
        raise _denied("the user may only read this calendar")
    return calendar, role


def default_calendar(ctx: Context, user: Principal) -> dict[str, Any]:
    for calendar in ctx.store.list_calendars(PROVIDER):
        if calendar.get("default") and calendar.get("ownerUserId") == user.user_id:
            return calendar
    raise ApiError(404, "The user has no default calendar")


def event_target(ctx: Context, *, write: bool) -> tuple[Principal, dict[str, Any], str]:
    """(user, calendar, role) of an event operation: the path's calendar, or the user's default one."""
    user = resolve_user(ctx)
    if "calendarId" in ctx.path:
        calendar, role = user_calendar(ctx, user, ctx.path["calendarId"], write=write)
        return user, calendar, role
    return user, default_calendar(ctx, user), MANAGE_ROLE


def shared_calendar(ctx: Context) -> tuple[dict[str, Any], str]:
    """`/calendars/{calendarId}` for the token's user: 404 unless they may see it."""
    calendar = ctx.store.get_calendar(PROVIDER, ctx.path["calendarId"])
    role = None if calendar is None else role_of(calendar, ctx.principal)
    if calendar is None or role is None:
        raise _not_found()
    return calendar, role


def event_view(doc: Mapping[str, Any], role: str) -> dict[str, Any]:
    """The event as a member with `role` sees it: EVENT_READ_FREE_BUSY sees only when (busy or free)."""
    if role != FREE_BUSY_ROLE:
        return dict(doc)
    components = []
    for component in doc["eventComponents"]:
        stripped = {key: component[key] for key in FREE_BUSY_FIELDS if key in component}
        stripped["summary"] = "Free" if component.get("transparency") == "TRANSPARENT" else "Busy"
        components.append(stripped)
    return {"eventComponents": components, "organizerCalendarId": doc["organizerCalendarId"]}


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


def series(component: Mapping[str, Any]) -> Recurrence:
    """The master component's recurrence over its start; 400 when the fake refuses it."""
    start = component["start"]
    if "date" in start:
        day = date.fromisoformat(start["date"])
        dtstart = datetime(day.year, day.month, day.day)
    else:
        dtstart = datetime.fromisoformat(start["dateTime"]).replace(tzinfo=zone(start["timeZone"]))
    try:
        return parse_lines(list(component["recurrence"]), dtstart)
    except RuleError as error:
        raise _invalid(f"recurrence: {error}") from None


def occurrence_starts(component: Mapping[str, Any], window_offset: int, lo: int, hi: int) -> Iterator[int]:
    """Starts (epoch seconds) of the series' occurrences in [lo, hi), in order."""
    recurrence = series(component)
    if recurrence.dtstart.tzinfo is None:  # all-day: floating days, read at the window's offset
        for value in recurrence.starts(wall_time(lo + window_offset), wall_time(hi + window_offset)):
            yield wall_seconds(value) - window_offset
    else:
        where = recurrence.dtstart.tzinfo
        for value in recurrence.starts(zoned_time(lo, where), zoned_time(hi, where)):
            yield epoch(value)


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
    """Epoch bounds that hold every occurrence for any window time zone (floating days widen by a
    day); a series that never ends reaches FOREVER."""
    lo, hi = FOREVER, -FOREVER
    for component in components:
        start, end = span(component)
        lo = min(lo, start.seconds - (DAY if start.floating else 0))
        hi = max(hi, end.seconds + (DAY if end.floating else 0), start.seconds + 1)
        if component.get("recurrence"):
            last = series(component).last_start()
            if last is None:
                hi = FOREVER
            else:
                last_seconds = wall_seconds(last) if last.tzinfo is None else epoch(last)
                hi = max(hi, last_seconds + max(end.seconds - start.seconds, 0) + DAY + 1)
    return lo, min(hi, FOREVER)


def check_time_zones(value: Any, where: str) -> None:
    """400 naming the first `timeZone` anywhere in `value` that is no IANA zone (start, end,
    reminders' triggerDateTime...)."""
    if isinstance(value, Mapping):
        for key, item in value.items():
            if key == "timeZone" and isinstance(item, str):
                try:
                    zone(item)
                except ValueError:
                    raise _invalid(f"{where}.timeZone: unknown time zone (not an IANA name)") from None
            else:
                check_time_zones(item, f"{where}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            check_time_zones(item, f"{where}[{index}]")


# Create ------------------------------------------------------------------------------------------


def prepare_components(
    components: list[dict[str, Any]],
    *,
    calendar: Mapping[str, Any],
    owner: Principal | None,
    user: Principal,
    now: datetime,
    event_id: str | None = None,
) -> list[dict[str, Any]]:
    """Check what the schema can't say and fill the read-only fields; the stored components.

    `event_id`: the path's event (a replacement); every component must carry exactly it.
    """
    if event_id is not None:
        for index, component in enumerate(components):
            if component.get("eventId", event_id) != event_id:
                raise _invalid(f"eventComponents[{index}].eventId: must be the path's eventId {event_id!r}")
    ids = {c["eventId"] for c in components if "eventId" in c}
    if len(ids) > 1:
        raise _invalid("eventComponents: every component must have the same eventId")
    event_id = ids.pop() if ids else event_id or f"event-{uuid.uuid4().hex}"
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
        check_time_zones(component, where)
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
                series(component)
            except ApiError as error:
                raise _invalid(f"{where}.{error.message}") from None
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
            409, "An event with this eventId already exists in the calendar", "already-exists"
        ) from None
    return doc


def _owner(ctx: Context, calendar: Mapping[str, Any]) -> Principal | None:
    return ctx.world.users.get(PROVIDER, {}).get(str(calendar.get("ownerUserId", "")))


# Events ------------------------------------------------------------------------------------------
# Each handler serves both variants: `/users/{userId}/calendars/{calendarId}/events...` and the
# default calendar's `/users/{userId}/calendar/events...` (see `event_target`).


def create_event(ctx: Context) -> tuple[int, Any]:
    with ctx.store.transaction():
        user, calendar, _ = event_target(ctx, write=True)
        components = prepare_components(
            ctx.body["eventComponents"],
            calendar=calendar,
            owner=_owner(ctx, calendar),
            user=user,
            now=ctx.now(),
        )
        return 201, store_event(ctx.store, str(calendar["calendarId"]), components)


def list_events(ctx: Context) -> tuple[int, Any]:
    start = parse_date_time(ctx.query["fromDateTime"])
    until = parse_date_time(ctx.query["untilDateTime"])
    lo, hi = epoch(start), epoch(until)
    if hi < lo:
        raise _invalid("untilDateTime: must not be before fromDateTime")
    if hi - lo > MAX_WINDOW:
        raise _invalid("untilDateTime: the window is longer than 31 days")
    _, calendar, role = event_target(ctx, write=False)
    window_offset = offset_of(start)
    candidates = ctx.store.events_between(PROVIDER, [str(calendar["calendarId"])], lo, hi)
    events = [event_view(doc, role) for doc in candidates if event_overlaps(doc, lo, hi, window_offset)]
    return 200, {"events": events}


def _stored_event(ctx: Context, calendar: Mapping[str, Any]) -> dict[str, Any]:
    doc = ctx.store.get_event(PROVIDER, str(calendar["calendarId"]), ctx.path["eventId"])
    if doc is None:
        raise _not_found("Event")
    return doc


def get_event(ctx: Context) -> tuple[int, Any]:
    _, calendar, role = event_target(ctx, write=False)
    return 200, event_view(_stored_event(ctx, calendar), role)


def update_event(ctx: Context) -> tuple[int, Any]:
    """PUT: the components sent replace the stored ones whole; what they leave out is gone.

    Only `createdTime` survives (from the stored main component); `updatedTime` is now, and
    `organizer` and `viewUrl` are filled as on create. `sequence` is stored as sent (left out: reset).
    """
    with ctx.store.transaction():
        user, calendar, _ = event_target(ctx, write=True)
        calendar_id = str(calendar["calendarId"])
        stored = _stored_event(ctx, calendar)
        event_id = ctx.path["eventId"]
        components = prepare_components(
            ctx.body["eventComponents"],
            calendar=calendar,
            owner=_owner(ctx, calendar),
            user=user,
            now=ctx.now(),
            event_id=event_id,
        )
        created = stored["eventComponents"][0].get("createdTime")
        if created is not None:
            for component in components:
                component["createdTime"] = dict(created)
        doc = {
            "eventComponents": components,
            "organizerCalendarId": stored.get("organizerCalendarId", calendar_id),
        }
        lo, hi = coarse_window(components)
        ctx.store.replace_event(PROVIDER, calendar_id, event_id, doc, lo, hi)
        return 200, doc


def delete_event(ctx: Context) -> tuple[int, Any]:
    """The event with all its components. `sendNotification` is accepted and ignored."""
    with ctx.store.transaction():
        _, calendar, _ = event_target(ctx, write=True)
        _stored_event(ctx, calendar)
        ctx.store.delete_event(PROVIDER, str(calendar["calendarId"]), ctx.path["eventId"])
        return 204, None


# Calendars ---------------------------------------------------------------------------------------


def render_calendar(calendar: Mapping[str, Any]) -> dict[str, Any]:
    """The shared properties (the stored owner, default flag and personal settings are not shown)."""
    out = {key: calendar[key] for key in CALENDAR_FIELDS if key in calendar}
    out["members"] = [dict(m) for m in calendar.get("members", [])]
    return out


def _owner_entry(member: Mapping[str, Any], owner_id: str, owner: Principal | None) -> bool:
    if owner is not None:
        return is_user(member, owner)
    return member.get("type", "USER") == "USER" and member.get("id") == owner_id


def normalise_members(
    given: list[dict[str, Any]], owner_id: str, owner: Principal | None
) -> list[dict[str, Any]]:
    """The owner first, as CALENDAR_EVENT_READ_WRITE, then the others; a member named twice (same
    type and id, emails in any case) keeps the last role given. GROUP and ORGUNIT entries are kept
    as given; the fake has no groups, so they give no fixture user any access."""
    chosen: dict[tuple[str, str], dict[str, Any]] = {}
    for member in given:
        if _owner_entry(member, owner_id, owner):
            continue
        ident = str(member["id"])
        key = (str(member["type"]), ident.lower() if "@" in ident else ident)
        chosen.pop(key, None)
        chosen[key] = {"id": ident, "type": member["type"], "role": member["role"]}
    return [{"id": owner_id, "type": "USER", "role": MANAGE_ROLE}, *chosen.values()]


def create_calendar(ctx: Context) -> tuple[int, Any]:
    """A shared calendar owned by the token's user, who manages it (CALENDAR_EVENT_READ_WRITE)."""
    body = ctx.body
    owner = ctx.principal
    calendar_id = f"calendar-{uuid.uuid4()}"
    calendar: dict[str, Any] = {
        "calendarId": calendar_id,
        "calendarName": body["calendarName"],
        "members": normalise_members(body.get("members", []), owner.user_id, owner),
        "isPublic": bool(body.get("isPublic", False)),
        "calendarEmail": CALENDAR_EMAIL.format(calendar=calendar_id),
        "type": CREATED_CALENDAR_TYPE,
        "default": False,
        "ownerUserId": owner.user_id,
    }
    if "description" in body:
        calendar["description"] = body["description"]
    ctx.store.put_calendar(PROVIDER, calendar_id, calendar)
    return 201, render_calendar(calendar)


def get_calendar(ctx: Context) -> tuple[int, Any]:
    calendar, _ = shared_calendar(ctx)
    return 200, render_calendar(calendar)


def _manageable(ctx: Context) -> dict[str, Any]:
    calendar, role = shared_calendar(ctx)
    if role != MANAGE_ROLE:
        raise _denied("only the owner and CALENDAR_EVENT_READ_WRITE members may change this calendar")
    return calendar


def update_calendar(ctx: Context) -> tuple[int, Any]:
    """PATCH: the fields given change, the others stay; `members` replaces the list (owner kept).

    A user taken out of the list and later added back (absent from the old members, present in
    the new) gets the calendar back in their calendar list."""
    with ctx.store.transaction():
        calendar = _manageable(ctx)
        body = ctx.body
        for key in ("calendarName", "description", "isPublic"):
            if key in body:
                calendar[key] = body[key]
        if "members" in body:
            owner_id = str(calendar.get("ownerUserId", ""))
            owner = _owner(ctx, calendar)
            before = dict(calendar)
            calendar["members"] = normalise_members(body["members"], owner_id, owner)
            for user_id, settings in (calendar.get("personal") or {}).items():
                person = ctx.world.users.get(PROVIDER, {}).get(user_id)
                if person is not None and not is_member(before, person) and is_member(calendar, person):
                    settings.pop("removed", None)
        ctx.store.put_calendar(PROVIDER, str(calendar["calendarId"]), calendar)
        return 200, render_calendar(calendar)


def delete_calendar(ctx: Context) -> tuple[int, Any]:
    """The calendar and every event in it. A default calendar can't be deleted (403)."""
    with ctx.store.transaction():
        calendar = _manageable(ctx)
        if calendar.get("default"):
            raise _denied("a default calendar can't be deleted")
        ctx.store.delete_calendar(PROVIDER, str(calendar["calendarId"]))
        return 204, None


def get_default_calendar(ctx: Context) -> tuple[int, Any]:
    return 200, render_calendar(default_calendar(ctx, resolve_user(ctx)))


# Calendar-personals ------------------------------------------------------------------------------


def render_personal(calendar: Mapping[str, Any], user_id: str) -> dict[str, Any]:
    settings = personal(calendar, user_id)
    return {
        "calendarId": calendar["calendarId"],
        "calendarName": calendar["calendarName"],
        "isShowOnLNBList": settings["isShowOnLNBList"],
        "displayOrder": settings["displayOrder"],
        "resourceLocation": RESOURCE_LOCATION,
    }


def encode_cursor(position: int) -> str:
    return base64.urlsafe_b64encode(f"{CURSOR_PREFIX}{position}".encode()).decode("ascii")


def decode_cursor(cursor: str) -> int:
    """The position a cursor continues after; 400 INVALID_PARAMETER for anything else."""
    try:
        text = base64.urlsafe_b64decode(cursor.encode("ascii")).decode("utf-8")
        if text.startswith(CURSOR_PREFIX) and text[len(CURSOR_PREFIX) :].isdigit():
            return int(text[len(CURSOR_PREFIX) :])
    except (ValueError, UnicodeError, binascii.Error):
        pass
    raise _invalid("cursor: not a nextCursor of this list")


def list_calendar_personals(ctx: Context) -> tuple[int, Any]:
    """The calendars in the user's list, in creation order, `count` a page.

    The cursor is opaque (it names the last position returned), so pages stay consistent while
    calendars are added or removed; `nextCursor` is null on the last page."""
    user = resolve_user(ctx)
    after = decode_cursor(ctx.query["cursor"]) if "cursor" in ctx.query else -1
    count = int(ctx.query.get("count", 50))
    rows = [(pos, c) for pos, c in ctx.store.calendar_rows(PROVIDER) if pos > after and in_list(c, user)]
    page = rows[:count]
    next_cursor = encode_cursor(page[-1][0]) if len(rows) > count else None
    return 200, {
        "calendarPersonals": [render_personal(c, user.user_id) for _, c in page],
        "responseMetaData": {"nextCursor": next_cursor},
    }


def _listed_calendar(ctx: Context, user: Principal) -> dict[str, Any]:
    calendar = ctx.store.get_calendar(PROVIDER, ctx.path["calendarId"])
    if calendar is None or not in_list(calendar, user):
        raise _not_found()
    return calendar


def get_calendar_personal(ctx: Context) -> tuple[int, Any]:
    user = resolve_user(ctx)
    return 200, render_personal(_listed_calendar(ctx, user), user.user_id)


def update_calendar_personal(ctx: Context) -> tuple[int, Any]:
    with ctx.store.transaction():
        user = resolve_user(ctx)
        calendar = _listed_calendar(ctx, user)
        settings = calendar.setdefault("personal", {}).setdefault(user.user_id, {})
        for key in ("isShowOnLNBList", "displayOrder"):
            if key in ctx.body:
                settings[key] = ctx.body[key]
        ctx.store.put_calendar(PROVIDER, str(calendar["calendarId"]), calendar)
        return 200, render_personal(calendar, user.user_id)


def remove_calendar_from_list(ctx: Context) -> tuple[int, Any]:
    """The user stops seeing the calendar: it leaves their calendar-personals, and their
    `/users/{userId}/calendars/{calendarId}/...` paths answer 404. Their membership stays (others
    still see them in `members`, and `/calendars/{calendarId}` still answers them). Owners can't
    remove their own calendars (403): they delete them."""
    with ctx.store.transaction():
        user = resolve_user(ctx)
        calendar = _listed_calendar(ctx, user)
        if calendar.get("ownerUserId") == user.user_id:
            raise _denied("the owner can't remove their own calendar from their list; delete it instead")
        calendar.setdefault("personal", {}).setdefault(user.user_id, {})["removed"] = True
        ctx.store.put_calendar(PROVIDER, str(calendar["calendarId"]), calendar)
        return 204, None


HANDLERS: dict[str, Handler] = {
    "createEvent": create_event,
    "listEvents": list_events,
    "getEvent": get_event,
    "updateEvent": update_event,
    "deleteEvent": delete_event,
    "createEventInDefaultCalendar": create_event,
    "listEventsInDefaultCalendar": list_events,
    "getEventInDefaultCalendar": get_event,
    "updateEventInDefaultCalendar": update_event,
    "deleteEventInDefaultCalendar": delete_event,
    "createCalendar": create_calendar,
    "getCalendar": get_calendar,
    "updateCalendar": update_calendar,
    "deleteCalendar": delete_calendar,
    "getDefaultCalendar": get_default_calendar,
    "listCalendarPersonals": list_calendar_personals,
    "getCalendarPersonal": get_calendar_personal,
    "updateCalendarPersonal": update_calendar_personal,
    "removeCalendarFromList": remove_calendar_from_list,
}


# Fixtures ----------------------------------------------------------------------------------------


def people(data: Mapping[str, Any]) -> Iterator[tuple[list[str], Principal]]:
    """Each fixture user with their tokens: one principal per token, as each token has its scopes."""
    for user in data.get("users", []):
        for grant in user.get("tokens", []):
            principal = Principal(
                provider=PROVIDER,
                user_id=user["userId"],
                email=user["email"],
                name=user.get("displayName", ""),
                scopes=frozenset(grant.get("scopes", [])),
                time_zone=user.get("timeZone", "UTC"),
            )
            yield [grant["token"]], principal


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
