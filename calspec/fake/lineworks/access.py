"""Who the user is and what they may do: the path's user, roles, membership, personal settings, and
the calendar an operation addresses.

Calendars are stored with their shared properties plus `ownerUserId`, `default` and `personal`
(each user's own settings: `isShowOnLNBList`, `displayOrder`). Being in a user's calendar list is
being its owner or a member; a user who leaves a calendar stops being a member.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from calspec.fake.auth import Principal
from calspec.fake.context import Context
from calspec.fake.errors import ApiError

PROVIDER = "lineworks"
MANAGE_ROLE = "CALENDAR_EVENT_READ_WRITE"  # the calendar itself and its events
WRITE_ROLES = frozenset({MANAGE_ROLE, "EVENT_READ_WRITE"})
READ_ROLE = "EVENT_READ"
FREE_BUSY_ROLE = "EVENT_READ_FREE_BUSY"
DEFAULT_DISPLAY_ORDER = 9999


def invalid(message: str) -> ApiError:
    return ApiError(400, message, "invalid-parameter")


def denied(message: str) -> ApiError:
    return ApiError(403, f"Access denied: {message}", "access-denied")


def not_found(what: str = "Calendar") -> ApiError:
    return ApiError(404, f"{what} not found")


def resolve_user(ctx: Context) -> Principal:
    """The path's `userId`: `me`, the token's user id or its email. Anyone else: 403 access-denied,
    whether or not that user exists. A service account's token acts for any user of the tenant (by
    id or email, with the token's scopes) but never as `me` (400), and an unknown user is 404."""
    user_id = ctx.path["userId"]
    principal = ctx.principal
    if principal.service:
        if user_id == "me":
            raise invalid("userId: `me` names no user with a service-account token; give a user ID or email")
        for user in ctx.world.users.get(PROVIDER, {}).values():
            if user_id == user.user_id or user_id.lower() == user.email.lower():
                return replace(user, scopes=principal.scopes)
        raise not_found("User")
    if user_id == "me" or user_id == principal.user_id or user_id.lower() == principal.email.lower():
        return principal
    raise denied("the token's user may not access this user's calendars")


def is_user(member: Mapping[str, Any], user: Principal) -> bool:
    """Whether a member entry names the user (by user id, or by login email in any case)."""
    if member.get("type", "USER") != "USER":
        return False
    ident = str(member.get("id", ""))
    return ident == user.user_id or (bool(user.email) and ident.lower() == user.email.lower())


def is_member(calendar: Mapping[str, Any], user: Principal) -> bool:
    """Owner or member: the calendar is in the user's calendar list."""
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
    }


def owner_of(ctx: Context, calendar: Mapping[str, Any]) -> Principal | None:
    """The calendar's owner as a fixture user (None when the fixtures don't know them)."""
    return ctx.world.users.get(PROVIDER, {}).get(str(calendar.get("ownerUserId", "")))


def user_calendar(
    ctx: Context, user: Principal, calendar_id: str, *, write: bool
) -> tuple[dict[str, Any], str]:
    """A calendar through the user's paths, with the user's role.

    404 when the user can't see it (existence is not revealed); 403 access-denied when writing
    needs a role the user lacks.
    """
    calendar = ctx.store.get_calendar(PROVIDER, calendar_id)
    role = None if calendar is None else role_of(calendar, user)
    if calendar is None or role is None:
        raise not_found()
    if write and role not in WRITE_ROLES:
        raise denied("the user may only read this calendar")
    return calendar, role


def listed_calendar(ctx: Context, user: Principal) -> dict[str, Any]:
    """The path's calendar if it is in the user's list (owned or a member of it); 404 otherwise."""
    calendar = ctx.store.get_calendar(PROVIDER, ctx.path["calendarId"])
    if calendar is None or not is_member(calendar, user):
        raise not_found()
    return calendar


def default_calendar(ctx: Context, user: Principal) -> dict[str, Any]:
    """The calendar with `default: true` the user owns."""
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
        raise not_found()
    return calendar, role


def manageable(ctx: Context) -> dict[str, Any]:
    """`/calendars/{calendarId}` for changing it: the owner and CALENDAR_EVENT_READ_WRITE members."""
    calendar, role = shared_calendar(ctx)
    if role != MANAGE_ROLE:
        raise denied("only the owner and CALENDAR_EVENT_READ_WRITE members may change this calendar")
    return calendar
