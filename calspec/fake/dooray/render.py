"""Calendars and events as a member sees them: `me` (the member's own settings or place), the
member list in a calendar's detail, one item per occurrence, and what an `opaque_view` member may
see (when, never what)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from calspec.fake.auth import Principal
from calspec.fake.dooray.access import DEFAULT_COLOR, member_entry, member_ref
from calspec.fake.dooray.series import occurrence_fields
from calspec.fake.dooray.users import event_me
from calspec.fake.timeline import Occurrence

# Fields an event document keeps that the API never shows.
_INTERNAL = {"calendarId", "personalSettings", "exdates"}
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


def render_calendar(
    calendar: Mapping[str, Any], member_id: str, members: Mapping[str, Principal], *, detail: bool
) -> dict[str, Any]:
    """The calendar with the member's own settings (`me`); the detail lists who it is shared with
    when that is anyone besides the owner."""
    out = {
        key: calendar[key]
        for key in ("id", "name", "type", "createdAt", "projectId", "ownerOrganizationMemberId")
        if key in calendar
    }
    entry = member_entry(calendar, member_id) or {}
    out["me"] = {
        "default": bool(entry.get("default", False)),
        "color": str(entry.get("color", DEFAULT_COLOR)),
        "listed": bool(entry.get("listed", True)),
        "checked": bool(entry.get("checked", True)),
        "role": entry.get("role", "view"),
        "order": int(entry.get("order", 0)),
    }
    lists = calendar.get("distributionLists") or []
    if detail and (len(calendar.get("members", [])) > 1 or lists):
        out["calendarMemberList"] = [
            {"type": "member", "member": member_ref(m["organizationMemberId"], members), "role": m["role"]}
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


def render_event(
    doc: Mapping[str, Any],
    calendar: Mapping[str, Any],
    member_id: str,
    *,
    detail: bool,
    occurrence: Occurrence | None = None,
    opaque: bool = False,
) -> dict[str, Any]:
    """The event (or one `occurrence` of the series `doc`) as `member_id` sees it; `detail` adds
    `body` and `users`; `opaque` (an opaque_view member): only when it is."""
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
        out.update(occurrence_fields(doc, occurrence))
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
