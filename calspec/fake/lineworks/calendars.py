"""Calendar handlers (`/calendars...`, the default calendar) and each user's own view of them
(`/users/{userId}/calendar-personals...`, and leaving a calendar).

A calendar's `members` decide who sees it (see `access`); `personal` holds each user's own
settings. Leaving a calendar takes the user out of `members` and drops their settings.
"""

from __future__ import annotations

import base64
import binascii
import uuid
from collections.abc import Mapping
from typing import Any

from calspec.fake.auth import Principal
from calspec.fake.context import Context
from calspec.fake.lineworks.access import (
    MANAGE_ROLE,
    PROVIDER,
    default_calendar,
    denied,
    invalid,
    is_member,
    is_user,
    listed_calendar,
    manageable,
    owner_of,
    personal,
    resolve_user,
    shared_calendar,
)

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
RESOURCE_LOCATION = 14101  # the documents' example value; the fake has one instance
CURSOR_PREFIX = "lw-personals:"


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


def update_calendar(ctx: Context) -> tuple[int, Any]:
    """PATCH: the fields given change, the others stay; `members` replaces the list (owner kept).
    A user who left and is named again is a member again, with default personal settings."""
    with ctx.store.transaction():
        calendar = manageable(ctx)
        body = ctx.body
        for key in ("calendarName", "description", "isPublic"):
            if key in body:
                calendar[key] = body[key]
        if "members" in body:
            owner_id = str(calendar.get("ownerUserId", ""))
            calendar["members"] = normalise_members(body["members"], owner_id, owner_of(ctx, calendar))
        ctx.store.put_calendar(PROVIDER, str(calendar["calendarId"]), calendar)
        return 200, render_calendar(calendar)


def delete_calendar(ctx: Context) -> tuple[int, Any]:
    """The calendar and every event in it. A default calendar can't be deleted (403)."""
    with ctx.store.transaction():
        calendar = manageable(ctx)
        if calendar.get("default"):
            raise denied("a default calendar can't be deleted")
        ctx.store.delete_calendar(PROVIDER, str(calendar["calendarId"]))
        return 204, None


def get_default_calendar(ctx: Context) -> tuple[int, Any]:
    return 200, render_calendar(default_calendar(ctx, resolve_user(ctx)))


# Calendar-personals ---------------------------------------------------------------------------------


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
    """The position a cursor continues after; 400 invalid-parameter for anything else."""
    try:
        text = base64.urlsafe_b64decode(cursor.encode("ascii")).decode("utf-8")
        if text.startswith(CURSOR_PREFIX) and text[len(CURSOR_PREFIX) :].isdigit():
            return int(text[len(CURSOR_PREFIX) :])
    except (ValueError, UnicodeError, binascii.Error):
        pass
    raise invalid("cursor: not a nextCursor of this list")


def list_calendar_personals(ctx: Context) -> tuple[int, Any]:
    """The calendars in the user's list, in creation order, `count` a page (its default is the
    spec's, filled in by the request checks).

    The cursor is opaque (it names the last position returned), so pages stay consistent while
    calendars are added or removed; `nextCursor` is null on the last page."""
    user = resolve_user(ctx)
    after = decode_cursor(ctx.query["cursor"]) if "cursor" in ctx.query else -1
    count = int(ctx.query["count"])
    rows = [(pos, c) for pos, c in ctx.store.calendar_rows(PROVIDER) if pos > after and is_member(c, user)]
    page = rows[:count]
    next_cursor = encode_cursor(page[-1][0]) if len(rows) > count else None
    return 200, {
        "calendarPersonals": [render_personal(c, user.user_id) for _, c in page],
        "responseMetaData": {"nextCursor": next_cursor},
    }


def get_calendar_personal(ctx: Context) -> tuple[int, Any]:
    user = resolve_user(ctx)
    return 200, render_personal(listed_calendar(ctx, user), user.user_id)


def update_calendar_personal(ctx: Context) -> tuple[int, Any]:
    with ctx.store.transaction():
        user = resolve_user(ctx)
        calendar = listed_calendar(ctx, user)
        settings = calendar.setdefault("personal", {}).setdefault(user.user_id, {})
        for key in ("isShowOnLNBList", "displayOrder"):
            if key in ctx.body:
                settings[key] = ctx.body[key]
        ctx.store.put_calendar(PROVIDER, str(calendar["calendarId"]), calendar)
        return 200, render_personal(calendar, user.user_id)


def leave_calendar(ctx: Context) -> tuple[int, Any]:
    """removeCalendarFromList: the user leaves the calendar (指定カレンダーから脱退する).

    Their member entries (by user id or email) go, and so do their personal settings: from then on
    the calendar is to them what it is to any non-member. The calendar and its events stay for
    everyone else. Not in the user's list: 404. The owner can't leave (403): they delete it; the
    user's default calendar can't be left either (403).
    """
    with ctx.store.transaction():
        user = resolve_user(ctx)
        calendar = listed_calendar(ctx, user)
        if calendar.get("default") and calendar.get("ownerUserId") == user.user_id:
            raise denied("the user's default calendar can't be left")
        if calendar.get("ownerUserId") == user.user_id:
            raise denied("the owner can't leave their own calendar; delete it instead")
        calendar["members"] = [m for m in calendar.get("members", []) if not is_user(m, user)]
        (calendar.get("personal") or {}).pop(user.user_id, None)
        ctx.store.put_calendar(PROVIDER, str(calendar["calendarId"]), calendar)
        return 204, None
