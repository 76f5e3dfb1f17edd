"""The fixture file `lineworks.json`: its users with their tokens, and its calendars and events."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from calspec.core.formats import parse_date_time
from calspec.fake.auth import Principal
from calspec.fake.lineworks.access import PROVIDER
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
