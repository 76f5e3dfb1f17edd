"""The fixture file (`fixtures/dooray.json`): its members with their tokens, and its calendars and
events written to a new database."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import datetime
from typing import Any

from calspec.fake.auth import Principal
from calspec.fake.dooray.access import DEFAULT_COLOR, next_order
from calspec.fake.dooray.common import PROVIDER, new_id, stamp_at
from calspec.fake.dooray.events import check_times
from calspec.fake.dooray.series import coarse_window, series
from calspec.fake.dooray.users import build_users
from calspec.fake.store import Store


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
    """Calendars and events as stored; a broken fixture rule fails at start, not at the first list."""
    for calendar in data.get("calendars", []):
        seed_calendar(store, calendar)
    for doc in data.get("events", []):
        seed_event(store, doc)


def seed_calendar(store: Store, calendar: Mapping[str, Any]) -> None:
    """One calendar of the fixture format, stored as it is."""
    store.put_calendar(PROVIDER, calendar["id"], dict(calendar))


def seed_event(store: Store, doc: Mapping[str, Any]) -> dict[str, Any]:
    """One event of the fixture format, stored as it is once its series (if any) reads; the stored
    document. Conflict when its id is taken in the calendar."""
    stored = dict(doc)
    if stored.get("recurrenceRule"):
        series(stored)
    lo, hi = coarse_window(stored)
    store.insert_event(PROVIDER, stored["calendarId"], stored["id"], stored, lo, hi)
    return stored


# Adding to a running fake (calspec.fake.handle): the fixture format, with what a create would fill.

USER_KEYS = frozenset({"organizationMemberId", "name", "emailAddress", "tokens"})
CALENDAR_KEYS = frozenset(
    {
        "id",
        "name",
        "type",
        "createdAt",
        "projectId",
        "ownerOrganizationMemberId",
        "members",
        "distributionLists",
        "calendarUrl",
    }
)
EVENT_KEYS = frozenset(
    {
        "id",
        "calendarId",
        "masterScheduleId",
        "recurrenceId",
        "recurrenceType",
        "subject",
        "body",
        "startedAt",
        "endedAt",
        "wholeDayFlag",
        "location",
        "createdAt",
        "updatedAt",
        "category",
        "uid",
        "tenant",
        "users",
        "recurrenceRule",
        "exdates",
        "personalSettings",
    }
)


def complete_user(user: Mapping[str, Any]) -> dict[str, Any]:
    """A fixture member; a missing id is made up (a 19-digit one, as Dooray's), a missing address
    made from it."""
    done = dict(user)
    done.setdefault("organizationMemberId", new_id())
    done.setdefault("emailAddress", f"member-{done['organizationMemberId']}@example.com")
    done.setdefault("name", str(done["emailAddress"]).split("@")[0])
    done["tokens"] = list(done.get("tokens", []))
    return done


def complete_calendar(calendar: Mapping[str, Any], owner: str, store: Store, now: datetime) -> dict[str, Any]:
    """A fixture calendar as createCalendar would store one made by member `owner`: a new id, private,
    the owner's entry first in `members` (role owner, not default, last in their list); every member
    entry gets the settings a share gives."""
    done = dict(calendar)
    done.setdefault("id", new_id())
    done.setdefault("name", "Calendar")
    done.setdefault("type", "private")
    done.setdefault("createdAt", stamp_at(now))
    done["ownerOrganizationMemberId"] = owner
    members = [dict(entry) for entry in done.get("members", [])]
    if not any(entry.get("organizationMemberId") == owner for entry in members):
        members.insert(0, {"organizationMemberId": owner, "role": "owner", "default": False})
    for entry in members:
        for key, value in (("default", False), ("color", DEFAULT_COLOR), ("listed", True), ("checked", True)):
            entry.setdefault(key, value)
        if "order" not in entry:
            entry["order"] = next_order(store, str(entry["organizationMemberId"]))
    done["members"] = members
    if done["type"] != "subscription":
        done.setdefault("distributionLists", [])
    return done


def complete_event(
    doc: Mapping[str, Any],
    calendar: Mapping[str, Any],
    members: Mapping[str, Principal],
    now: datetime,
) -> dict[str, Any]:
    """A fixture event as createEvent would store one made by the calendar's owner at `now`: a new
    id, an empty body, the organizer in `users`; `wholeDayFlag` from the times. ApiError (400) for
    times createEvent would refuse."""
    missing = [key for key in ("subject", "startedAt", "endedAt") if key not in doc]
    if missing:
        raise ValueError(f"an event needs {', '.join(missing)}")
    done = dict(doc)
    done.setdefault("id", new_id())
    done["calendarId"] = calendar["id"]
    done.setdefault("body", {"mimeType": "text/html", "content": ""})
    done.setdefault("location", None)
    done.setdefault("createdAt", stamp_at(now))
    done.setdefault("updatedAt", done["createdAt"])
    done.setdefault("category", "general")
    done.setdefault("uid", f"{done['id']}@dooray.com")
    if "users" not in done:
        owner = str(calendar.get("ownerOrganizationMemberId", ""))
        organizer = members.get(owner) or Principal(PROVIDER, owner, "", "", frozenset())
        done["users"] = build_users({}, organizer, members, None)
    check_times(done)
    return done
