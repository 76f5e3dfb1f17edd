"""The calendar handlers: list, get, create, delete, and replace who a calendar is shared with.

Who may do what is `access`'s; every write checks everything before its first write, inside one
transaction, so a refused request changes nothing.
"""

from __future__ import annotations

from typing import Any

from calspec.fake.context import Context
from calspec.fake.dooray.access import (
    DEFAULT_COLOR,
    DELETE_ROLES,
    MANAGE_ROLES,
    apply_members,
    calendar_for,
    check_grants,
    member_entry,
    next_order,
    role_of,
    visible_calendars,
)
from calspec.fake.dooray.common import PROVIDER, forbidden, new_id, ok, stamp
from calspec.fake.dooray.render import render_calendar


def list_calendars(ctx: Context) -> tuple[int, Any]:
    """The member's calendars in their order; without `size` everything is one page (`page` and its
    default come from the spec)."""
    calendars = visible_calendars(ctx.store, ctx.principal.user_id)
    page = int(ctx.query["page"])
    size = ctx.query.get("size")
    chosen = calendars if size is None else calendars[page * size : (page + 1) * size]
    members = ctx.world.users.get(PROVIDER, {})
    result = [render_calendar(c, ctx.principal.user_id, members, detail=False) for c in chosen]
    return 200, ok(result, totalCount=len(calendars))


def get_calendar(ctx: Context) -> tuple[int, Any]:
    calendar = calendar_for(ctx, ctx.path["calendar-id"])
    members = ctx.world.users.get(PROVIDER, {})
    return 200, ok(render_calendar(calendar, ctx.principal.user_id, members, detail=True))


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
            # The documents send both `ffffff` and `#ffffff`; answers always carry the `#` (NOTES D36).
            "color": "#" + str(me.get("color", DEFAULT_COLOR)).lstrip("#"),
            "listed": True,
            "checked": True,
            "order": next_order(ctx.store, member_id),
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


def replace_calendar_members(ctx: Context) -> tuple[int, Any]:
    """owner, delegatee and all may, within their own role (`check_grants`); view, read_write and
    opaque_view get 403."""
    with ctx.store.transaction():
        calendar = calendar_for(ctx, ctx.path["calendar-id"])
        if calendar.get("type") == "subscription":
            raise forbidden("a subscription calendar can't be shared")
        if role_of(calendar, ctx.principal.user_id) not in MANAGE_ROLES:
            raise forbidden("the member may not change who this calendar is shared with")
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
            raise forbidden("only the owner or a delegatee may delete this calendar")
        owner = member_entry(calendar, str(calendar.get("ownerOrganizationMemberId", ""))) or {}
        if owner.get("default"):
            raise forbidden("a member's default calendar can't be deleted")
        ctx.store.delete_calendar(PROVIDER, str(calendar["id"]))
    return 200, ok(None)
