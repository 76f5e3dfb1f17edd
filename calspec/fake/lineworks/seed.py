"""The fixture file `lineworks.json`: its users with their tokens, and its calendars and events."""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Mapping
from typing import Any

from calspec.core.formats import parse_date_time
from calspec.fake.auth import Principal
from calspec.fake.lineworks.access import PROVIDER
from calspec.fake.lineworks.calendars import CALENDAR_EMAIL, CREATED_CALENDAR_TYPE, normalise_members
from calspec.fake.lineworks.events import prepare_components, store_event
from calspec.fake.store import Store


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
        seed_calendar(store, calendar)
    for event in data.get("events", []):
        seed_event(store, event, users)


def seed_calendar(store: Store, calendar: Mapping[str, Any]) -> None:
    """One calendar of the fixture format, stored as it is."""
    store.put_calendar(PROVIDER, calendar["calendarId"], dict(calendar))


def seed_event(store: Store, event: Mapping[str, Any], users: Mapping[str, Principal]) -> dict[str, Any]:
    """One event of the fixture format (`calendarId`, `createdAt`, `eventComponents` as a create
    request sends them), checked and filled in as createEvent does, by the calendar's owner at
    `createdAt`; the stored document. ApiError (400, 409) as createEvent would answer."""
    calendar = store.get_calendar(PROVIDER, str(event["calendarId"]))
    if calendar is None:
        raise ValueError(f"event of calendar {event['calendarId']}: no such calendar")
    owner = users.get(str(calendar.get("ownerUserId", "")))
    if owner is None:
        raise ValueError(f"calendar {calendar['calendarId']} has no known owner")
    components = prepare_components(
        [dict(component) for component in event["eventComponents"]],
        calendar=calendar,
        owner=owner,
        user=owner,
        now=parse_date_time(event["createdAt"]),
    )
    return store_event(store, calendar["calendarId"], components)


# Adding to a running fake (calspec.fake.handle): the fixture format, with what a create would fill.

USER_KEYS = frozenset({"userId", "email", "displayName", "timeZone", "tokens"})
CALENDAR_KEYS = frozenset(
    {
        "calendarId",
        "calendarName",
        "calendarEmail",
        "description",
        "isPublic",
        "type",
        "default",
        "ownerUserId",
        "members",
        "personal",
    }
)
CALENDAR_REQUEST_KEYS = ("calendarName", "description", "isPublic", "members")  # createCalendar's body
EVENT_KEYS = frozenset({"calendarId", "createdAt", "eventComponents"})


def complete_user(user: Mapping[str, Any]) -> dict[str, Any]:
    """A fixture user; a missing `userId` is made up, a missing `email` made from it."""
    done = dict(user)
    done.setdefault("userId", f"user-{uuid.uuid4()}")
    done.setdefault("email", f"{done['userId']}@example.com")
    done.setdefault("displayName", str(done["email"]).split("@")[0])
    done["tokens"] = [dict(grant) for grant in done.get("tokens", [])]
    return done


def complete_calendar(calendar: Mapping[str, Any], owner: Principal) -> dict[str, Any]:
    """A fixture calendar as createCalendar would store one made by `owner`: a new `calendarId`, the
    owner first in `members` as CALENDAR_EVENT_READ_WRITE, not public, not a default calendar."""
    done = dict(calendar)
    done.setdefault("calendarId", f"calendar-{uuid.uuid4()}")
    done.setdefault("calendarName", "Calendar")
    done.setdefault("calendarEmail", CALENDAR_EMAIL.format(calendar=done["calendarId"]))
    done.setdefault("isPublic", False)
    done.setdefault("type", CREATED_CALENDAR_TYPE)
    done.setdefault("default", False)
    done["ownerUserId"] = owner.user_id
    done["members"] = normalise_members(list(done.get("members", [])), owner.user_id, owner)
    return done
