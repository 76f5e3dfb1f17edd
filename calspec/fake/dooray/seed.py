"""The fixture file (`fixtures/dooray.json`): its members with their tokens, and its calendars and
events written to a new database."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from calspec.fake.auth import Principal
from calspec.fake.dooray.common import PROVIDER
from calspec.fake.dooray.series import coarse_window, series
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
        store.put_calendar(PROVIDER, calendar["id"], calendar)
    for doc in data.get("events", []):
        if doc.get("recurrenceRule"):
            series(doc)
        lo, hi = coarse_window(doc)
        store.insert_event(PROVIDER, doc["calendarId"], doc["id"], doc, lo, hi)
