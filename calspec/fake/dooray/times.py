"""Dooray's way of writing times, read into the shared time logic of `calspec.fake.timeline`.

`startedAt`/`endedAt` is a date-time with an offset (an instant) or, for an all-day event, a date with
an offset (`2015-09-08+09:00`: midnight at that offset, not floating). A series' rule reads its start
on the clock of its `timezoneName`. Only that reading lives here: instants, overlap, bounded
occurrences and coarse windows are timeline's.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from calspec.core.formats import parse_date_time, parse_offset_date
from calspec.fake.timeline import Moment, zone


def is_day(value: str) -> bool:
    """An all-day value (`2015-09-08+09:00`) rather than a date-time."""
    return "T" not in value and "t" not in value


def moment(value: str) -> Moment:
    """A `startedAt`/`endedAt`: a date-time is an instant; an all-day date is midnight at its offset."""
    if not is_day(value):
        return Moment.instant(parse_date_time(value))
    day, offset = parse_offset_date(value)
    return Moment.fixed_day(day, offset)


def bounds(doc: Mapping[str, Any]) -> tuple[int, int]:
    """The event's start and end in epoch seconds (no `endedAt`: an instant)."""
    start = moment(doc["startedAt"]).seconds
    return start, moment(doc["endedAt"]).seconds if doc.get("endedAt") else start


def start_of(doc: Mapping[str, Any]) -> Moment:
    """The start as the event's rule reads it: a timed start on the clock of the rule's
    `timezoneName` (its weekdays and wall times are that zone's), an all-day one as written."""
    start = moment(doc["startedAt"])
    name = (doc.get("recurrenceRule") or {}).get("timezoneName")
    if start.day or not name:
        return start
    return Moment(start.seconds, False, start.clock.astimezone(zone(name)), offset=start.offset)
