"""Dooray! Calendar: one handler per operationId of spec/dooray/calendar.yaml.

Calendars are stored with their members and each member's own settings (`me`). Events are stored as
documents; a recurring series is one row (the master, with `recurrenceRule`), an occurrence edited
on its own is one more row whose id is the occurrence id `{masterId}-{YYYYMMDDTHHMMSSZ}`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from dateutil import rrule

from fake.auth import Principal
from fake.context import Context, Handler
from fake.errors import ApiError
from fake.spec import parse_date_time, parse_offset_date
from fake.store import FOREVER, Store
from fake.timeutil import DAY, date_epoch, epoch, format_offset, offset_of, utc_stamp, wall_seconds, zone

PROVIDER = "dooray"
MAX_WINDOW = 366 * DAY  # "at most one year": a leap year fits
MAX_EXPANSION = 100_000
OCCURRENCE_ID = re.compile(r"^(?P<master>.+)-(?P<stamp>\d{8}T\d{6}Z)$")
FREQUENCIES: dict[str, Any] = {
    "daily": rrule.DAILY,
    "weekly": rrule.WEEKLY,
    "monthly": rrule.MONTHLY,
    "yearly": rrule.YEARLY,
}
WEEKDAYS = {
    "MO": rrule.MO,
    "TU": rrule.TU,
    "WE": rrule.WE,
    "TH": rrule.TH,
    "FR": rrule.FR,
    "SA": rrule.SA,
    "SU": rrule.SU,
}
DAY_TOKEN = re.compile(r"^(-?[1-5])? ?(SU|MO|TU|WE|TH|FR|SA)$")
# Fields an event document keeps that the API never shows.
_INTERNAL = {"calendarId"}


def ok(result: Any, **extra: Any) -> dict[str, Any]:
    return {"header": {"isSuccessful": True, "resultCode": 0, "resultMessage": ""}, "result": result, **extra}


def _bad(message: str) -> ApiError:
    return ApiError(400, message)


# Calendars -----------------------------------------------------------------------------------------


def member_entry(calendar: Mapping[str, Any], member_id: str) -> dict[str, Any] | None:
    for entry in calendar.get("members", []):
        if entry.get("organizationMemberId") == member_id:
            return dict(entry)
    return None


def visible_calendars(store: Store, member_id: str, *, listed_only: bool = True) -> list[dict[str, Any]]:
    """The member's calendars (own or shared), subscription calendars left out, in the member's order."""
    calendars = [
        c
        for c in store.list_calendars(PROVIDER)
        if member_entry(c, member_id) is not None and not (listed_only and c.get("type") == "subscription")
    ]
    return sorted(
        calendars, key=lambda c: (int((member_entry(c, member_id) or {}).get("order", 0)), str(c["id"]))
    )


def calendar_for(ctx: Context, calendar_id: str) -> dict[str, Any]:
    """404 for an unknown calendar and for one the member can't see (no existence leak)."""
    calendar = ctx.store.get_calendar(PROVIDER, calendar_id)
    if calendar is None or member_entry(calendar, ctx.principal.user_id) is None:
        raise ApiError(404, "Calendar not found")
    return calendar


def render_calendar(
    calendar: Mapping[str, Any], member_id: str, members: Mapping[str, Principal], *, detail: bool
) -> dict[str, Any]:
    out = {
        key: calendar[key]
        for key in ("id", "name", "type", "createdAt", "projectId", "ownerOrganizationMemberId")
        if key in calendar
    }
    entry = member_entry(calendar, member_id) or {}
    out["me"] = {
        "default": bool(entry.get("default", False)),
        "color": str(entry.get("color", "#333333")),
        "listed": bool(entry.get("listed", True)),
        "checked": bool(entry.get("checked", True)),
        "role": entry.get("role", "view"),
        "order": int(entry.get("order", 0)),
    }
    if detail and len(calendar.get("members", [])) > 1:
        out["calendarMemberList"] = [
            {"type": "member", "member": _member_ref(m["organizationMemberId"], members), "role": m["role"]}
            for m in calendar["members"]
        ]
    return out


def _member_ref(member_id: str, members: Mapping[str, Principal]) -> dict[str, str]:
    person = members.get(member_id)
    ref = {"organizationMemberId": member_id}
    if person is not None:
        ref.update(name=person.name, emailAddress=person.email)
    return ref


def list_calendars(ctx: Context) -> tuple[int, Any]:
    calendars = visible_calendars(ctx.store, ctx.principal.user_id)
    page = int(ctx.query.get("page", 0))
    size = ctx.query.get("size")
    chosen = calendars if size is None else calendars[page * size : (page + 1) * size]
    members = ctx.world.users.get(PROVIDER, {})
    result = [render_calendar(c, ctx.principal.user_id, members, detail=False) for c in chosen]
    return 200, ok(result, totalCount=len(calendars))


def get_calendar(ctx: Context) -> tuple[int, Any]:
    calendar = calendar_for(ctx, ctx.path["calendar-id"])
    members = ctx.world.users.get(PROVIDER, {})
    return 200, ok(render_calendar(calendar, ctx.principal.user_id, members, detail=True))


# Event times ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class When:
    """An event's start as the rule engine sees it, plus how to render instants back."""

    dtstart: datetime  # aware (timed) or naive midnight (all-day)
    offset: int  # the all-day value's UTC offset (seconds); unused for timed events
    whole_day: bool

    def epoch_of(self, value: datetime) -> int:
        return wall_seconds(value) - self.offset if self.whole_day else epoch(value)

    def render(self, value: datetime) -> str:
        if self.whole_day:
            return f"{value.date().isoformat()}{format_offset(self.offset)}"
        return value.isoformat(timespec="seconds")


def _instant(value: str) -> tuple[int, datetime, int]:
    """(epoch, datetime, offset) of a startedAt/endedAt: date-time, or all-day date with offset."""
    if "T" in value or "t" in value:
        parsed = parse_date_time(value)
        return epoch(parsed), parsed, offset_of(parsed)
    day, seconds = parse_offset_date(value)
    midnight = datetime(day.year, day.month, day.day)
    return date_epoch(day, seconds), midnight, seconds


def bounds(doc: Mapping[str, Any]) -> tuple[int, int]:
    start = _instant(doc["startedAt"])[0]
    end = _instant(doc["endedAt"])[0] if doc.get("endedAt") else start
    return start, end


def _when(doc: Mapping[str, Any]) -> When:
    _, value, offset = _instant(doc["startedAt"])
    whole_day = bool(doc.get("wholeDayFlag"))
    if not whole_day:
        name = (doc.get("recurrenceRule") or {}).get("timezoneName")
        if name:
            value = value.astimezone(zone(name))
    return When(value, offset, whole_day)


def _byday(text: str) -> list[Any]:
    days = []
    for token in text.split(","):
        match = DAY_TOKEN.match(token.strip())
        if not match:
            raise ValueError(f"bad byday {token!r}")
        weekday = WEEKDAYS[match.group(2)]
        days.append(weekday(int(match.group(1))) if match.group(1) else weekday)
    return days


def series(doc: Mapping[str, Any]) -> tuple[When, Any]:
    """The series' start and its dateutil rule (from `recurrenceRule`)."""
    rule = doc["recurrenceRule"]
    when = _when(doc)
    options: dict[str, Any] = {"interval": int(rule.get("interval") or 1), "dtstart": when.dtstart}
    if rule.get("until"):
        until = parse_date_time(rule["until"])
        if when.whole_day:
            options["until"] = datetime(1970, 1, 1) + timedelta(seconds=epoch(until) + when.offset)
        else:
            options["until"] = until
    if rule.get("byday"):
        options["byweekday"] = _byday(rule["byday"])
    if rule.get("bymonth"):
        options["bymonth"] = [int(v) for v in str(rule["bymonth"]).split(",")]
    if rule.get("bymonthday"):
        options["bymonthday"] = [int(v) for v in str(rule["bymonthday"]).split(",")]
    return when, rrule.rrule(FREQUENCIES[rule["frequency"]], **options)


def occurrences(doc: Mapping[str, Any], lo: int, hi: int) -> Iterator[tuple[int, datetime, When]]:
    """(epoch, start) of each occurrence starting in [lo, hi)."""
    when, rule = series(doc)
    try:
        for count, value in enumerate(rule):
            seconds = when.epoch_of(value)
            if seconds >= hi or count >= MAX_EXPANSION:
                return
            if seconds >= lo:
                yield seconds, value, when
    except (ValueError, OverflowError):
        return


def overlaps(start: int, end: int, lo: int, hi: int) -> bool:
    if start == end:
        return lo <= start < hi
    return start < hi and end > lo


# Event rendering -----------------------------------------------------------------------------------


def _people(users: Mapping[str, Any]) -> Iterator[tuple[str, Mapping[str, Any]]]:
    if isinstance(users.get("from"), Mapping):
        yield "from", users["from"]
    for kind in ("to", "cc"):
        for user in users.get(kind) or []:
            yield kind, user


def event_me(doc: Mapping[str, Any], member_id: str) -> dict[str, Any] | None:
    for kind, user in _people(doc.get("users") or {}):
        if (
            user.get("type") == "member"
            and (user.get("member") or {}).get("organizationMemberId") == member_id
        ):
            me = {k: v for k, v in user.items() if k in ("type", "member", "status")}
            me["userType"] = kind
            return me
    return None


def render_event(
    doc: Mapping[str, Any],
    calendar: Mapping[str, Any],
    member_id: str,
    *,
    detail: bool,
    occurrence: tuple[int, datetime, When] | None = None,
) -> dict[str, Any]:
    out: dict[str, Any] = {"id": doc["id"], "masterScheduleId": doc.get("masterScheduleId", doc["id"])}
    out["calendar"] = {"id": calendar["id"], "name": calendar["name"]}
    for key, value in doc.items():
        if key in _INTERNAL or key in out or key in ("body", "users", "recurrenceRule"):
            continue
        out[key] = value
    out.setdefault("recurrenceId", None)
    out.setdefault("category", "general")
    out.setdefault("uid", f"{doc['id']}@dooray.com")
    out.setdefault("recurrenceType", "none")
    if doc.get("recurrenceRule"):
        out["recurrenceRule"] = {k: v for k, v in doc["recurrenceRule"].items() if k != "timezoneName"}
        out["recurrenceType"] = "unmodified"
    if occurrence is not None:
        seconds, value, when = occurrence
        start, end = bounds(doc)
        out["id"] = f"{doc['id']}-{utc_stamp(seconds)}"
        out["masterScheduleId"] = doc["id"]
        out["recurrenceId"] = when.render(value)
        out["startedAt"] = when.render(value)
        if doc.get("endedAt"):
            out["endedAt"] = when.render(value + timedelta(seconds=end - start))
        out["recurrenceType"] = "unmodified"
    me = event_me(doc, member_id)
    if me is not None:
        out["me"] = me
    if detail:
        out["body"] = doc.get("body", {"mimeType": "text/html", "content": ""})
        out["users"] = doc.get("users")
    return out


# Event handlers ------------------------------------------------------------------------------------


def _matches_post_type(doc: Mapping[str, Any], member_id: str, post_type: str | None) -> bool:
    if post_type is None:
        return True
    kinds = {"toMe": {"to"}, "toCcMe": {"to", "cc"}, "fromToCcMe": {"from", "to", "cc"}}[post_type]
    for kind, user in _people(doc.get("users") or {}):
        if kind in kinds and (user.get("member") or {}).get("organizationMemberId") == member_id:
            return True
    return False


def list_events(ctx: Context) -> tuple[int, Any]:
    lo = epoch(parse_date_time(ctx.query["timeMin"]))
    hi = epoch(parse_date_time(ctx.query["timeMax"]))
    if hi < lo:
        raise _bad("timeMax: must not be before timeMin")
    if hi - lo > MAX_WINDOW:
        raise _bad("timeMax: the window is longer than one year")
    member_id = ctx.principal.user_id
    calendars = {c["id"]: c for c in visible_calendars(ctx.store, member_id)}
    if "calendars" in ctx.query:
        wanted = [part.strip() for part in ctx.query["calendars"].split(",")]
        calendars = {cid: calendars[cid] for cid in dict.fromkeys(wanted) if cid in calendars}
    post_type, category = ctx.query.get("postType"), ctx.query.get("category")
    items: list[tuple[int, str, dict[str, Any]]] = []
    for doc in ctx.store.events_between(PROVIDER, list(calendars), lo, hi):
        calendar = calendars[doc["calendarId"]]
        if category is not None and doc.get("category", "general") != category:
            continue
        if not _matches_post_type(doc, member_id, post_type):
            continue
        start, end = bounds(doc)
        if not doc.get("recurrenceRule"):
            if overlaps(start, end, lo, hi):
                items.append((start, doc["id"], render_event(doc, calendar, member_id, detail=False)))
            continue
        duration = end - start
        for occurrence in occurrences(doc, lo - max(duration, 0), hi):
            seconds = occurrence[0]
            occurrence_id = f"{doc['id']}-{utc_stamp(seconds)}"
            if ctx.store.get_event(PROVIDER, doc["calendarId"], occurrence_id) is not None:
                continue  # edited on its own: its own row answers for it
            if overlaps(seconds, seconds + duration, lo, hi):
                item = render_event(doc, calendar, member_id, detail=False, occurrence=occurrence)
                items.append((seconds, item["id"], item))
    items.sort(key=lambda item: (item[0], item[1]))
    result = [item for _, _, item in items]
    return 200, ok(result, totalCount=len(result))


def get_event(ctx: Context) -> tuple[int, Any]:
    calendar = calendar_for(ctx, ctx.path["calendar-id"])
    event_id = ctx.path["event-id"]
    member_id = ctx.principal.user_id
    doc = ctx.store.get_event(PROVIDER, calendar["id"], event_id)
    if doc is not None:
        return 200, ok(render_event(doc, calendar, member_id, detail=True))
    match = OCCURRENCE_ID.match(event_id)
    if match:
        master = ctx.store.get_event(PROVIDER, calendar["id"], match.group("master"))
        if master is not None and master.get("recurrenceRule"):
            at = wall_seconds(datetime.strptime(match.group("stamp"), "%Y%m%dT%H%M%SZ"))
            for occurrence in occurrences(master, at, at + 1):
                return 200, ok(render_event(master, calendar, member_id, detail=True, occurrence=occurrence))
    raise ApiError(404, "Event not found")


HANDLERS: dict[str, Handler] = {
    "listCalendars": list_calendars,
    "getCalendar": get_calendar,
    "listEvents": list_events,
    "getEvent": get_event,
}


# Fixtures ------------------------------------------------------------------------------------------


def coarse_window(doc: Mapping[str, Any]) -> tuple[int, int]:
    start, end = bounds(doc)
    if doc.get("recurrenceRule"):
        return start, FOREVER
    return start, max(end, start + 1)


def seed(store: Store, data: Mapping[str, Any]) -> None:
    for calendar in data.get("calendars", []):
        store.put_calendar(PROVIDER, calendar["id"], calendar)
    for doc in data.get("events", []):
        if doc.get("recurrenceRule"):
            series(doc)  # fail early on a broken fixture rule
        lo, hi = coarse_window(doc)
        store.insert_event(PROVIDER, doc["calendarId"], doc["id"], doc, lo, hi)
