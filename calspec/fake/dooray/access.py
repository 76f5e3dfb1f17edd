"""Who may do what with a calendar: its members and their roles, the calendars a member sees, and
the checks a write makes before it touches anything.

A calendar the member isn't shared with is a 404 (its existence isn't revealed); a role too weak for
the call is a 403. Roles, strongest first: `owner`, `delegatee`, `all`, `read_write`, `view`,
`opaque_view` (busy/free only).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from calspec.fake.auth import Principal
from calspec.fake.context import Context
from calspec.fake.dooray.common import PROVIDER, forbidden
from calspec.fake.errors import ApiError
from calspec.fake.store import Store

ROLES = ("owner", "delegatee", "all", "read_write", "view", "opaque_view")
ROLE_RANK = {role: rank for rank, role in enumerate(ROLES)}
WRITE_ROLES = frozenset({"owner", "delegatee", "all", "read_write"})  # write events
MANAGE_ROLES = frozenset({"owner", "delegatee", "all"})  # replace the member list
DELETE_ROLES = frozenset({"owner", "delegatee"})  # delete the calendar
OPAQUE_ROLE = "opaque_view"
DEFAULT_COLOR = "#333333"


# Members -------------------------------------------------------------------------------------------


def member_entry(calendar: Mapping[str, Any], member_id: str) -> dict[str, Any] | None:
    """The member's entry in the calendar (role and own settings), or None when not shared with them."""
    for entry in calendar.get("members", []):
        if entry.get("organizationMemberId") == member_id:
            return dict(entry)
    return None


def role_of(calendar: Mapping[str, Any], member_id: str) -> str | None:
    entry = member_entry(calendar, member_id)
    return None if entry is None else str(entry.get("role", "view"))


def member_ref(member_id: str, members: Mapping[str, Principal]) -> dict[str, str]:
    """A member as the API names one: the id, with name and address when the organization knows them."""
    person = members.get(member_id)
    ref = {"organizationMemberId": member_id}
    if person is not None:
        ref.update(name=person.name, emailAddress=person.email)
    return ref


# Calendar lookups ----------------------------------------------------------------------------------


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


def writable_calendar(ctx: Context, calendar_id: str) -> dict[str, Any]:
    """A calendar whose events the member may write: 404 unseen, 403 for view, opaque_view and
    subscription calendars (an iCalendar feed is read-only)."""
    calendar = calendar_for(ctx, calendar_id)
    if calendar.get("type") == "subscription":
        raise forbidden("a subscription calendar is read-only")
    if role_of(calendar, ctx.principal.user_id) not in WRITE_ROLES:
        raise forbidden("the member may not change events of this calendar")
    return calendar


# Sharing -------------------------------------------------------------------------------------------


def check_grants(calendar: Mapping[str, Any], caller: str, grants: list[dict[str, Any]]) -> None:
    """403 unless the caller stays within its own role: it grants no role above its own (so it can't
    raise itself either) except to leave a member above it as it is, and it neither changes nor
    removes any member above it. Without this a member with `all` could make itself `delegatee` and
    then delete the owner's calendar."""
    own = role_of(calendar, caller) or OPAQUE_ROLE
    rank = ROLE_RANK[own]
    current = {str(m["organizationMemberId"]): str(m.get("role")) for m in calendar.get("members", [])}
    given: dict[str, str] = {}
    for grant in grants:
        member_id = str(grant["member"]["organizationMemberId"]) if grant["type"] == "member" else None
        unchanged = member_id is not None and member_id != caller and current.get(member_id) == grant["role"]
        if ROLE_RANK.get(grant["role"], 0) < rank and not unchanged:
            raise forbidden(f"a member with role {own!r} may not grant {grant['role']!r}")
        if member_id is not None:
            given[member_id] = grant["role"]
    owner = str(calendar.get("ownerOrganizationMemberId", ""))
    for member_id, role in current.items():
        if member_id in (owner, caller) or ROLE_RANK.get(role, 0) >= rank:
            continue
        if given.get(member_id) != role:
            raise forbidden("a member may not change or remove a member whose role is above its own")


def next_order(store: Store, member_id: str) -> int:
    """The `order` that puts a calendar last in the member's list."""
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
                "order": next_order(ctx.store, member_id),
            }
        entry.update(organizationMemberId=member_id, role=role)
        members.append(entry)
    calendar["members"] = members
    calendar["distributionLists"] = list(lists.values())
