"""Dooray! Calendar: one handler per operationId of spec/dooray/calendar.yaml.

Calendars are stored with their members and each member's own settings (`me`). Events are stored as
documents; a recurring series is one row (the master, with `recurrenceRule` and the starts it no
longer has, `exdates`), an occurrence edited on its own is one more row whose id is the occurrence
id `{masterId}-{YYYYMMDDTHHMMSSZ}`.
"""

from __future__ import annotations

import copy
import re
import secrets
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

from dateutil import rrule

from calspec.core.formats import parse_date_time, parse_offset_date
from calspec.fake.auth import Principal
from calspec.fake.context import Context, Handler
from calspec.fake.errors import ApiError
from calspec.fake.recurrence import Recurrence, RuleError, from_options
from calspec.fake.store import FOREVER, Store
from calspec.fake.timeutil import (
    DAY,
    date_epoch,
    epoch,
    format_offset,
    offset_of,
    utc_stamp,
    wall_seconds,
    wall_time,
    zone,
    zoned_time,
)

PROVIDER = "dooray"
MAX_WINDOW = 366 * DAY  # "at most one year": a leap year fits
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
_INTERNAL = {"calendarId", "personalSettings", "exdates"}
# Roles, strongest first: who may write events, manage the member list, delete the calendar.
ROLES = ("owner", "delegatee", "all", "read_write", "view", "opaque_view")
ROLE_RANK = {role: rank for rank, role in enumerate(ROLES)}
WRITE_ROLES = frozenset({"owner", "delegatee", "all", "read_write"})
MANAGE_ROLES = frozenset({"owner", "delegatee", "all"})
DELETE_ROLES = frozenset({"owner", "delegatee"})
OPAQUE_ROLE = "opaque_view"
BUSY_SUBJECT = "Busy"
# What an opaque_view member sees of an event: when, never what (subject replaced, no body, location
# or users).
OPAQUE_FIELDS = frozenset(
    {
        "id",
        "masterScheduleId",
        "calendar",
        "recurrenceId",
        "startedAt",
        "endedAt",
        "wholeDayFlag",
        "category",
        "uid",
        "recurrenceType",
        "recurrenceRule",
        "createdAt",
        "updatedAt",
    }
)
# createEvent's result: the id, and every other event field present and null (as the SDKs see it).
CREATED_NULL_FIELDS = (
    "calendar",
    "category",
    "createdAt",
    "endedAt",
    "files",
    "location",
    "masterScheduleId",
    "recurrenceId",
    "recurrenceType",
    "startedAt",
    "subject",
    "tenant",
    "uid",
    "updatedAt",
    "wholeDayFlag",
)
SERVER_ZONE = timezone(timedelta(hours=9))  # createdAt/updatedAt are written in KST
DEFAULT_COLOR = "#333333"


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
    lists = calendar.get("distributionLists") or []
    if detail and (len(calendar.get("members", [])) > 1 or lists):
        out["calendarMemberList"] = [
            {"type": "member", "member": _member_ref(m["organizationMemberId"], members), "role": m["role"]}
            for m in calendar["members"]
        ] + [
            {
                "type": "distributionList",
                "distributionList": {"emailAddress": d["emailAddress"]},
                "role": d["role"],
            }
            for d in lists
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


def series(doc: Mapping[str, Any]) -> tuple[When, Recurrence]:
    """The series' start and its recurrence (from `recurrenceRule`); ValueError if it can't be read,
    RuleError if the fake refuses it."""
    rule = doc["recurrenceRule"]
    when = _when(doc)
    options: dict[str, Any] = {"interval": int(rule.get("interval") or 1)}
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
    return when, from_options(FREQUENCIES[rule["frequency"]], when.dtstart, **options)


def occurrences(doc: Mapping[str, Any], lo: int, hi: int) -> Iterator[tuple[int, datetime, When]]:
    """(epoch, start, when) of each occurrence starting in [lo, hi), leaving out the deleted ones."""
    when, recurrence = series(doc)
    excluded = set(doc.get("exdates") or ())
    if when.whole_day:  # days at the event's own offset
        starts = recurrence.starts(wall_time(lo + when.offset), wall_time(hi + when.offset))
    else:
        where = recurrence.dtstart.tzinfo
        assert where is not None  # a timed series starts at an aware time
        starts = recurrence.starts(zoned_time(lo, where), zoned_time(hi, where))
    for value in starts:
        seconds = when.epoch_of(value)
        if lo <= seconds < hi and seconds not in excluded:
            yield seconds, value, when


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
    opaque: bool = False,
) -> dict[str, Any]:
    """The event as `member_id` sees it; `opaque` (an opaque_view member): only when it is."""
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
    if opaque:
        out = {key: value for key, value in out.items() if key in OPAQUE_FIELDS}
        out["subject"] = BUSY_SUBJECT
        out["location"] = None
        if detail:
            out["users"] = None
        return out
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
        opaque = role_of(calendar, member_id) == OPAQUE_ROLE
        if category is not None and doc.get("category", "general") != category:
            continue
        if not _matches_post_type(doc, member_id, post_type):
            continue
        start, end = bounds(doc)
        if not doc.get("recurrenceRule"):
            if overlaps(start, end, lo, hi):
                item = render_event(doc, calendar, member_id, detail=False, opaque=opaque)
                items.append((start, doc["id"], item))
            continue
        duration = end - start
        for occurrence in occurrences(doc, lo - max(duration, 0), hi):
            seconds = occurrence[0]
            occurrence_id = f"{doc['id']}-{utc_stamp(seconds)}"
            if ctx.store.get_event(PROVIDER, doc["calendarId"], occurrence_id) is not None:
                continue  # edited on its own: its own row answers for it
            if overlaps(seconds, seconds + duration, lo, hi):
                item = render_event(
                    doc, calendar, member_id, detail=False, occurrence=occurrence, opaque=opaque
                )
                items.append((seconds, item["id"], item))
    items.sort(key=lambda item: (item[0], item[1]))
    result = [item for _, _, item in items]
    return 200, ok(result, totalCount=len(result))


def get_event(ctx: Context) -> tuple[int, Any]:
    calendar = calendar_for(ctx, ctx.path["calendar-id"])
    member_id = ctx.principal.user_id
    opaque = role_of(calendar, member_id) == OPAQUE_ROLE
    target = find_event(ctx.store, calendar, ctx.path["event-id"])
    if target.kind == "occurrence":
        assert target.master is not None and target.occurrence is not None
        event = render_event(
            target.master, calendar, member_id, detail=True, occurrence=target.occurrence, opaque=opaque
        )
    else:
        event = render_event(target.doc, calendar, member_id, detail=True, opaque=opaque)
    return 200, ok(event)


# Finding events ------------------------------------------------------------------------------------


@dataclass
class Target:
    """What an event id names: a single `event`, a series' `master`, an occurrence edited on its own
    (`modified`, a stored row) or an `occurrence` the series produces (not stored)."""

    kind: str
    doc: dict[str, Any]  # the stored row; for an `occurrence`, the row it would become when edited
    master: dict[str, Any] | None = None
    at: int | None = None  # epoch of the occurrence's original start
    occurrence: tuple[int, datetime, When] | None = None


def find_event(store: Store, calendar: Mapping[str, Any], event_id: str) -> Target:
    """404 unless the id is a stored event of the calendar or an occurrence its series has."""
    calendar_id = str(calendar["id"])
    doc = store.get_event(PROVIDER, calendar_id, event_id)
    match = OCCURRENCE_ID.match(event_id)
    at = wall_seconds(datetime.strptime(match.group("stamp"), "%Y%m%dT%H%M%SZ")) if match else None
    if doc is not None:
        if doc.get("recurrenceRule"):
            return Target("master", doc)
        master_id = doc.get("masterScheduleId", doc["id"])
        if master_id != doc["id"]:
            master = store.get_event(PROVIDER, calendar_id, str(master_id))
            return Target("modified", doc, master=master, at=at)
        return Target("event", doc)
    if match and at is not None:
        master = store.get_event(PROVIDER, calendar_id, match.group("master"))
        if master is not None and master.get("recurrenceRule"):
            for occurrence in occurrences(master, at, at + 1):
                return Target("occurrence", materialize(master, occurrence), master, at, occurrence)
    raise ApiError(404, "Event not found")


def materialize(master: Mapping[str, Any], occurrence: tuple[int, datetime, When]) -> dict[str, Any]:
    """The row an occurrence becomes when it is edited on its own: the series' fields at its time."""
    seconds, value, when = occurrence
    start, end = bounds(master)
    row = {key: copy.deepcopy(v) for key, v in master.items() if key not in ("recurrenceRule", "exdates")}
    row["id"] = f"{master['id']}-{utc_stamp(seconds)}"
    row["masterScheduleId"] = master["id"]
    row["recurrenceId"] = when.render(value)
    row["recurrenceType"] = "modified"
    row["startedAt"] = when.render(value)
    if master.get("endedAt"):
        row["endedAt"] = when.render(value + timedelta(seconds=end - start))
    return row


# Writing -------------------------------------------------------------------------------------------


def role_of(calendar: Mapping[str, Any], member_id: str) -> str | None:
    entry = member_entry(calendar, member_id)
    return None if entry is None else str(entry.get("role", "view"))


def _forbidden(message: str) -> ApiError:
    return ApiError(403, f"Forbidden: {message}")


def writable_calendar(ctx: Context, calendar_id: str) -> dict[str, Any]:
    """A calendar whose events the member may write: 404 unseen, 403 for view, opaque_view and
    subscription calendars (an iCalendar feed is read-only)."""
    calendar = calendar_for(ctx, calendar_id)
    if calendar.get("type") == "subscription":
        raise _forbidden("a subscription calendar is read-only")
    if role_of(calendar, ctx.principal.user_id) not in WRITE_ROLES:
        raise _forbidden("the member may not change events of this calendar")
    return calendar


def new_id() -> str:
    """A 19-digit id, as Dooray's."""
    return str(10**18 + secrets.randbelow(9 * 10**18))


def stamp(ctx: Context) -> str:
    return ctx.now().astimezone(SERVER_ZONE).isoformat(timespec="seconds")


def _is_day(value: str) -> bool:
    return "T" not in value and "t" not in value


def check_times(doc: dict[str, Any]) -> None:
    """Rules the schema can't state (400): startedAt and endedAt both dates (all-day) or both times,
    matching `wholeDayFlag`; the end not before the start; a rule that reads (known timezoneName)."""
    whole_day = _is_day(doc["startedAt"])
    if _is_day(doc["endedAt"]) != whole_day:
        raise _bad("endedAt: must be a date when startedAt is a date (all-day), a date-time otherwise")
    if bool(doc.get("wholeDayFlag", whole_day)) != whole_day:
        raise _bad("wholeDayFlag: all-day events take dates (2015-09-08+09:00), others date-times")
    doc["wholeDayFlag"] = whole_day
    start, end = bounds(doc)
    if end < start:
        raise _bad("endedAt: must not be before startedAt")
    rule = doc.get("recurrenceRule")
    if rule:
        if rule.get("timezoneName"):
            try:
                zone(rule["timezoneName"])
            except ValueError:
                raise _bad("recurrenceRule.timezoneName: unknown time zone") from None
        try:
            series(doc)
        except RuleError as error:
            raise _bad(f"recurrenceRule: {error}") from None
        except (ValueError, TypeError, OverflowError):
            raise _bad("recurrenceRule: not a rule that produces dates") from None


def _invitee(
    item: Mapping[str, Any], members: Mapping[str, Principal], old: Mapping[str, str]
) -> dict[str, Any]:
    if item["type"] == "member":
        member_id = str(item["member"]["organizationMemberId"])
        status = old.get(f"member:{member_id}", "not_confirmed")
        return {"type": "member", "member": _member_ref(member_id, members), "status": status}
    email = dict(item["emailUser"])
    status = old.get(f"email:{str(email['emailAddress']).lower()}", "not_confirmed")
    return {"type": "emailUser", "emailUser": email, "status": status}


def build_users(
    given: Mapping[str, Any],
    organizer: Principal,
    members: Mapping[str, Principal],
    old: Mapping[str, Any] | None,
) -> dict[str, Any]:
    """`from` is the organizer (accepted); `to` and `cc` as given (the lists not given are kept).
    Invitees keep the answer they gave; new ones are not_confirmed."""
    users: dict[str, Any] = (
        copy.deepcopy(dict(old))
        if old
        else {
            "from": {
                "type": "member",
                "member": _member_ref(organizer.user_id, members),
                "status": "accepted",
            },
            "to": [],
            "cc": [],
        }
    )
    answers: dict[str, str] = {}
    for _, user in _people(users):
        if user.get("type") == "member":
            answers[f"member:{(user.get('member') or {}).get('organizationMemberId')}"] = str(
                user.get("status")
            )
        elif user.get("type") == "emailUser":
            email = str((user.get("emailUser") or {}).get("emailAddress", "")).lower()
            answers[f"email:{email}"] = str(user.get("status"))
    for kind in ("to", "cc"):
        if kind in given:
            users[kind] = [_invitee(item, members, answers) for item in given[kind]]
    return users


def _content(body: Mapping[str, Any]) -> dict[str, Any]:
    return {"mimeType": body.get("mimeType", "text/html"), "content": body["content"]}


def create_calendar(ctx: Context) -> tuple[int, Any]:
    """A private calendar owned by the member (shared through `calendarMemberList`), or a
    subscription calendar (stored, never listed). 200 with `{id}`."""
    body = ctx.body
    member_id = ctx.principal.user_id
    with ctx.store.transaction():
        me = body.get("me") or {}
        owner = {
            "organizationMemberId": member_id,
            "role": "owner",
            "default": False,
            "color": me.get("color", DEFAULT_COLOR),
            "listed": True,
            "checked": True,
            "order": _next_order(ctx.store, member_id),
        }
        if "notification" in me:
            owner["notification"] = me["notification"]
        calendar: dict[str, Any] = {
            "id": new_id(),
            "name": body["name"],
            "type": body["type"],
            "createdAt": stamp(ctx),
            "ownerOrganizationMemberId": member_id,
            "members": [owner],
        }
        if body["type"] == "subscription":
            calendar["calendarUrl"] = body["calendarUrl"]
        else:
            apply_members(ctx, calendar, body.get("calendarMemberList", []))
        ctx.store.put_calendar(PROVIDER, calendar["id"], calendar)
    return 200, ok({"id": calendar["id"]})


def _next_order(store: Store, member_id: str) -> int:
    calendars = visible_calendars(store, member_id, listed_only=False)
    return 1 + max((int((member_entry(c, member_id) or {}).get("order", 0)) for c in calendars), default=0)


def apply_members(ctx: Context, calendar: dict[str, Any], grants: list[dict[str, Any]]) -> None:
    """The grants replace every member but the owner. Members unknown to the organization are
    ignored, and so is the owner; a member named twice gets the last role. Members who stay keep
    their own settings; new ones get defaults, the calendar last in their list. Distribution lists
    are stored and shown; the fake knows no list's members, so they give nobody access."""
    known = ctx.world.users.get(PROVIDER, {})
    owner_id = str(calendar.get("ownerOrganizationMemberId", ""))
    old = {str(m["organizationMemberId"]): m for m in calendar.get("members", [])}
    roles: dict[str, str] = {}
    lists: dict[str, dict[str, str]] = {}
    for grant in grants:
        if grant["type"] == "member":
            member_id = str(grant["member"]["organizationMemberId"])
            if member_id != owner_id and member_id in known:
                roles.pop(member_id, None)
                roles[member_id] = grant["role"]
        else:
            email = str(grant["distributionList"]["emailAddress"])
            lists.pop(email.lower(), None)
            lists[email.lower()] = {"emailAddress": email, "role": grant["role"]}
    members = [old[owner_id]] if owner_id in old else []
    for member_id, role in roles.items():
        entry = dict(old.get(member_id) or {})
        if not entry:
            entry = {
                "default": False,
                "color": DEFAULT_COLOR,
                "listed": True,
                "checked": True,
                "order": _next_order(ctx.store, member_id),
            }
        entry.update(organizationMemberId=member_id, role=role)
        members.append(entry)
    calendar["members"] = members
    calendar["distributionLists"] = list(lists.values())


def check_grants(calendar: Mapping[str, Any], caller: str, grants: list[dict[str, Any]]) -> None:
    """403 unless the caller stays within its own role: it grants no role above its own (so it can't
    raise itself either) except to leave a member above it as it is, and it neither changes nor
    removes any member above it."""
    own = role_of(calendar, caller) or "opaque_view"
    rank = ROLE_RANK[own]
    current = {str(m["organizationMemberId"]): str(m.get("role")) for m in calendar.get("members", [])}
    given: dict[str, str] = {}
    for grant in grants:
        member_id = str(grant["member"]["organizationMemberId"]) if grant["type"] == "member" else None
        unchanged = member_id is not None and member_id != caller and current.get(member_id) == grant["role"]
        if ROLE_RANK.get(grant["role"], 0) < rank and not unchanged:
            raise _forbidden(f"a member with role {own!r} may not grant {grant['role']!r}")
        if member_id is not None:
            given[member_id] = grant["role"]
    owner = str(calendar.get("ownerOrganizationMemberId", ""))
    for member_id, role in current.items():
        if member_id in (owner, caller) or ROLE_RANK.get(role, 0) >= rank:
            continue
        if given.get(member_id) != role:
            raise _forbidden("a member may not change or remove a member whose role is above its own")


def replace_calendar_members(ctx: Context) -> tuple[int, Any]:
    """owner, delegatee and all may, within their own role (`check_grants`); view, read_write and
    opaque_view get 403."""
    with ctx.store.transaction():
        calendar = calendar_for(ctx, ctx.path["calendar-id"])
        if calendar.get("type") == "subscription":
            raise _forbidden("a subscription calendar can't be shared")
        if role_of(calendar, ctx.principal.user_id) not in MANAGE_ROLES:
            raise _forbidden("the member may not change who this calendar is shared with")
        check_grants(calendar, ctx.principal.user_id, ctx.body["calendarMemberList"])
        apply_members(ctx, calendar, ctx.body["calendarMemberList"])
        ctx.store.put_calendar(PROVIDER, str(calendar["id"]), calendar)
    return 200, ok(None)


def delete_calendar(ctx: Context) -> tuple[int, Any]:
    """The calendar and its events, for every member. Only the owner or a delegatee; a member's
    default calendar can't be deleted (403)."""
    with ctx.store.transaction():
        calendar = calendar_for(ctx, ctx.path["calendar-id"])
        if role_of(calendar, ctx.principal.user_id) not in DELETE_ROLES:
            raise _forbidden("only the owner or a delegatee may delete this calendar")
        owner = member_entry(calendar, str(calendar.get("ownerOrganizationMemberId", ""))) or {}
        if owner.get("default"):
            raise _forbidden("a member's default calendar can't be deleted")
        ctx.store.delete_calendar(PROVIDER, str(calendar["id"]))
    return 200, ok(None)


def create_event(ctx: Context) -> tuple[int, Any]:
    """200 (not 201); `result` is the id with every other event field null."""
    body = ctx.body
    member_id = ctx.principal.user_id
    with ctx.store.transaction():
        calendar = writable_calendar(ctx, ctx.path["calendar-id"])
        event_id = new_id()
        now = stamp(ctx)
        doc: dict[str, Any] = {
            "id": event_id,
            "calendarId": calendar["id"],
            "subject": body["subject"],
            "body": _content(body["body"]) if "body" in body else {"mimeType": "text/html", "content": ""},
            "startedAt": body["startedAt"],
            "endedAt": body["endedAt"],
            "location": body.get("location"),
            "createdAt": now,
            "updatedAt": now,
            "category": "general",
            "uid": f"{event_id}@dooray.com",
            "users": build_users(
                body.get("users") or {}, ctx.principal, ctx.world.users.get(PROVIDER, {}), None
            ),
        }
        if "wholeDayFlag" in body:
            doc["wholeDayFlag"] = body["wholeDayFlag"]
        if "recurrenceRule" in body:
            doc["recurrenceRule"] = dict(body["recurrenceRule"])
        if "personalSettings" in body:
            doc["personalSettings"] = {member_id: body["personalSettings"]}
        check_times(doc)
        lo, hi = coarse_window(doc)
        ctx.store.insert_event(PROVIDER, str(calendar["id"]), event_id, doc, lo, hi)
    return 200, ok({"id": event_id, **dict.fromkeys(CREATED_NULL_FIELDS)})


def update_event(ctx: Context) -> tuple[int, Any]:
    """Only the fields given change. An occurrence id makes that occurrence `modified`: a row of its
    own, the series' fields plus the change. Changing a series' `startedAt` or `recurrenceRule`
    redefines it: its deleted and edited occurrences are dropped."""
    body = ctx.body
    member_id = ctx.principal.user_id
    with ctx.store.transaction():
        calendar = writable_calendar(ctx, ctx.path["calendar-id"])
        target = find_event(ctx.store, calendar, ctx.path["event-id"])
        if "recurrenceRule" in body and target.kind in ("modified", "occurrence"):
            raise _bad(
                "recurrenceRule: an occurrence has no rule of its own; update its series (masterScheduleId)"
            )
        doc = copy.deepcopy(target.doc)
        changes_kind = "wholeDayFlag" in body and bool(body["wholeDayFlag"]) != bool(doc.get("wholeDayFlag"))
        if changes_kind and not ("startedAt" in body and "endedAt" in body):
            raise _bad("wholeDayFlag: send startedAt and endedAt with it")
        for key in ("subject", "startedAt", "endedAt", "wholeDayFlag", "location", "recurrenceRule"):
            if key in body:
                doc[key] = copy.deepcopy(body[key])
        if "wholeDayFlag" not in body and "startedAt" in body and "endedAt" in body:
            doc["wholeDayFlag"] = _is_day(body["startedAt"])
        if "body" in body:
            doc["body"] = _content(body["body"])
        if "users" in body:
            organizer = ctx.world.users.get(PROVIDER, {}).get(member_id, ctx.principal)
            doc["users"] = build_users(
                body["users"], organizer, ctx.world.users.get(PROVIDER, {}), doc.get("users")
            )
        if "personalSettings" in body:
            doc.setdefault("personalSettings", {})[member_id] = body["personalSettings"]
        check_times(doc)
        doc["updatedAt"] = stamp(ctx)
        calendar_id = str(calendar["id"])
        if target.kind == "master" and ("startedAt" in body or "recurrenceRule" in body):
            doc.pop("exdates", None)
            for row in _edited_occurrences(ctx.store, calendar_id, str(doc["id"])):
                ctx.store.delete_event(PROVIDER, calendar_id, str(row["id"]))
        lo, hi = coarse_window(doc)
        if target.kind == "occurrence":
            ctx.store.insert_event(PROVIDER, calendar_id, str(doc["id"]), doc, lo, hi)
        else:
            ctx.store.replace_event(PROVIDER, calendar_id, str(doc["id"]), doc, lo, hi)
    return 200, ok(None)


def _edited_occurrences(store: Store, calendar_id: str, master_id: str) -> list[dict[str, Any]]:
    return [
        row
        for row in store.calendar_events(PROVIDER, calendar_id)
        if row["id"] != master_id and row.get("masterScheduleId") == master_id
    ]


def _delete_series(store: Store, calendar_id: str, master_id: str) -> None:
    for row in _edited_occurrences(store, calendar_id, master_id):
        store.delete_event(PROVIDER, calendar_id, str(row["id"]))
    store.delete_event(PROVIDER, calendar_id, master_id)


def _until_before(master: Mapping[str, Any], at: int) -> str:
    """`until` that ends the series just before the occurrence starting at `at`, in the event's offset."""
    offset = _instant(master["startedAt"])[2]
    wall = datetime(1970, 1, 1) + timedelta(seconds=at - 1 + offset)
    return wall.strftime("%Y-%m-%dT%H:%M:%S") + format_offset(offset)


def delete_event(ctx: Context) -> tuple[int, Any]:
    """`this` (also without a body): a single event, or one occurrence (excluded from its series);
    `wholeFromThis`: the series ends before this occurrence (its `until` moves; the first
    occurrence takes the series with it); `whole`: the series with every edited occurrence. A
    single event, or a series' master id, is deleted whole whatever the type."""
    delete_type = (ctx.body or {}).get("deleteType", "this")
    with ctx.store.transaction():
        calendar = writable_calendar(ctx, ctx.path["calendar-id"])
        calendar_id = str(calendar["id"])
        target = find_event(ctx.store, calendar, ctx.path["event-id"])
        master = target.master
        if target.kind == "event" or (target.kind == "modified" and master is None):
            ctx.store.delete_event(PROVIDER, calendar_id, str(target.doc["id"]))
        elif target.kind == "master":
            _delete_series(ctx.store, calendar_id, str(target.doc["id"]))
        elif master is not None and target.at is not None:
            master_id = str(master["id"])
            at = target.at
            if delete_type == "whole" or (
                delete_type == "wholeFromThis"
                and next(occurrences(master, bounds(master)[0], at), None) is None
            ):
                _delete_series(ctx.store, calendar_id, master_id)
            elif delete_type == "wholeFromThis":
                for row in _edited_occurrences(ctx.store, calendar_id, master_id):
                    match = OCCURRENCE_ID.match(str(row["id"]))
                    if (
                        match
                        and wall_seconds(datetime.strptime(match.group("stamp"), "%Y%m%dT%H%M%SZ")) >= at
                    ):
                        ctx.store.delete_event(PROVIDER, calendar_id, str(row["id"]))
                master["recurrenceRule"] = {**master["recurrenceRule"], "until": _until_before(master, at)}
                ctx.store.replace_event(PROVIDER, calendar_id, master_id, master, *coarse_window(master))
            else:
                if target.kind == "modified":
                    ctx.store.delete_event(PROVIDER, calendar_id, str(target.doc["id"]))
                master["exdates"] = sorted({*master.get("exdates", []), at})
                ctx.store.replace_event(PROVIDER, calendar_id, master_id, master, *coarse_window(master))
    return 200, ok(None)


HANDLERS: dict[str, Handler] = {
    "listCalendars": list_calendars,
    "getCalendar": get_calendar,
    "createCalendar": create_calendar,
    "deleteCalendar": delete_calendar,
    "replaceCalendarMembers": replace_calendar_members,
    "listEvents": list_events,
    "getEvent": get_event,
    "createEvent": create_event,
    "updateEvent": update_event,
    "deleteEvent": delete_event,
}


# Fixtures ------------------------------------------------------------------------------------------


def coarse_window(doc: Mapping[str, Any]) -> tuple[int, int]:
    """Epoch bounds that hold every occurrence; a series that never ends reaches FOREVER."""
    start, end = bounds(doc)
    if doc.get("recurrenceRule"):
        when, recurrence = series(doc)
        last = recurrence.last_start()
        if last is None:
            return start, FOREVER
        return start, min(FOREVER, when.epoch_of(last) + max(end - start, 0) + DAY + 1)
    return start, max(end, start + 1)


def people(data: Mapping[str, Any]) -> Iterator[tuple[list[str], Principal]]:
    """Each fixture member with its tokens."""
    for member in data.get("members", []):
        principal = Principal(
            provider=PROVIDER,
            user_id=member["organizationMemberId"],
            email=member.get("emailAddress", ""),
            name=member.get("name", ""),
            scopes=frozenset(),
        )
        yield list(member.get("tokens", [])), principal


def seed(store: Store, data: Mapping[str, Any], users: Mapping[str, Principal]) -> None:
    for calendar in data.get("calendars", []):
        store.put_calendar(PROVIDER, calendar["id"], calendar)
    for doc in data.get("events", []):
        if doc.get("recurrenceRule"):
            series(doc)  # fail early on a broken fixture rule
        lo, hi = coarse_window(doc)
        store.insert_event(PROVIDER, doc["calendarId"], doc["id"], doc, lo, hi)
