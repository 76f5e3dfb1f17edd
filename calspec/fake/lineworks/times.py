"""LINE WORKS' way of writing times, read into the shared time logic of `calspec.fake.timeline`.

A component's `start`/`end` is a `dateTime` (wall clock) with an IANA `timeZone`, or an all-day
`date` that floats (midnight wherever it is read). A series is the master component's RFC 5545
`recurrence` lines over its start; an exception component names the occurrence it replaces with an
RFC 5545 RECURRENCE-ID in `recurringEventId`. Only that reading lives here: instants, overlap,
bounded occurrences and coarse windows are timeline's.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from calspec.fake import timeline
from calspec.fake.lineworks.access import invalid
from calspec.fake.recurrence import Recurrence, RuleError, parse_lines
from calspec.fake.timeline import Moment, Span


def moment(value: Mapping[str, Any], default_zone: str, where: str) -> Moment:
    """A `start` or `end`: exactly one of `date` (a floating day) and `dateTime` (an instant in its
    `timeZone`, `default_zone` when absent); 400 invalid-parameter otherwise."""
    has_date, has_time = "date" in value, "dateTime" in value
    if has_date == has_time:
        raise invalid(f"{where}: give exactly one of date and dateTime")
    if has_date:
        return Moment.floating_day(date.fromisoformat(value["date"]))
    name = value.get("timeZone", default_zone)
    try:
        return Moment.instant(datetime.fromisoformat(value["dateTime"]).replace(tzinfo=timeline.zone(name)))
    except ValueError:
        raise invalid(f"{where}.timeZone: unknown time zone") from None


def span(component: Mapping[str, Any], default_zone: str = "UTC") -> tuple[Moment, Moment]:
    """A component's start and end; without `end`, a timed event is an instant and an all-day one
    lasts its day."""
    start = moment(component["start"], default_zone, "start")
    if "end" in component:
        return start, moment(component["end"], default_zone, "end")
    if start.floating:
        after = start.seconds + timeline.DAY
        return start, Moment(after, True, timeline.wall_time(after), True)
    return start, start


def series(component: Mapping[str, Any], start: Moment) -> Recurrence:
    """The master component's recurrence over its start; 400 invalid-parameter when the fake refuses it."""
    try:
        return parse_lines(list(component["recurrence"]), start.clock)
    except RuleError as error:
        raise invalid(f"recurrence: {error}") from None


def recurrence_id(text: str, master: Mapping[str, Any], window_offset: int) -> int | None:
    """Epoch seconds of an RFC 5545 RECURRENCE-ID such as `TZID=Asia/Seoul:20211213T140000` (a date
    floats: read at the window's offset); None when it can't be read."""
    params, _, value = text.rpartition(":")
    try:
        if "T" not in value:
            return timeline.wall_seconds(datetime.strptime(value, "%Y%m%d")) - window_offset
        if value.endswith("Z"):
            return timeline.wall_seconds(datetime.strptime(value, "%Y%m%dT%H%M%SZ"))
        local = datetime.strptime(value, "%Y%m%dT%H%M%S")
        name = params.partition("TZID=")[2] or master["start"].get("timeZone", "UTC")
        return timeline.local_epoch(local, name)
    except (ValueError, KeyError):
        return None


def event_overlaps(doc: Mapping[str, Any], window: Span) -> bool:
    """Whether a stored event meets the window: a single component, an exception, or an occurrence of
    the series that no exception replaces."""
    lo, hi, offset = window.lo, window.hi, window.offset
    components = doc["eventComponents"]
    exceptions = [c for c in components if c.get("recurringEventId") and not c.get("recurrence")]
    for component in components:
        if component.get("recurrence"):
            continue
        start, end = span(component)
        if timeline.overlaps(start.at(offset), end.at(offset), lo, hi):
            return True
    for master in (c for c in components if c.get("recurrence")):
        start, end = span(master)
        duration = end.at(offset) - start.at(offset)
        replaced = {recurrence_id(e["recurringEventId"], master, offset) for e in exceptions}
        recurrence = series(master, start)
        for occurrence in timeline.occurrences(recurrence, start, lo - max(duration, 0), hi, offset):
            when = occurrence.start
            if when not in replaced and timeline.overlaps(when, when + duration, lo, hi):
                return True
    return False


def coarse_window(components: list[dict[str, Any]]) -> tuple[int, int, bool]:
    """Epoch bounds that hold every occurrence of every component, for any window offset, and whether
    they are the event's own extent there, so the store's range test alone decides a list (`exact`):
    one timed component, no recurrence (an instant's `[t, t+1)` meets a window exactly when
    `lo <= t < hi`, as `timeline.overlaps` counts it)."""
    windows = []
    exact = len(components) == 1
    for component in components:
        start, end = span(component)
        recurring = bool(component.get("recurrence"))
        recurrence = series(component, start) if recurring else None
        windows.append(timeline.coarse_window(start, end, recurrence))
        exact = exact and not recurring and not (start.floating or end.floating)
    return min(lo for lo, _ in windows), max(hi for _, hi in windows), exact


def check_time_zones(value: Any, where: str) -> None:
    """400 naming the first `timeZone` anywhere in `value` that is no IANA zone (start, end,
    reminders' triggerDateTime...)."""
    if isinstance(value, Mapping):
        for key, item in value.items():
            if key == "timeZone" and isinstance(item, str):
                try:
                    timeline.zone(item)
                except ValueError:
                    raise invalid(f"{where}.timeZone: unknown time zone (not an IANA name)") from None
            else:
                check_time_zones(item, f"{where}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            check_time_zones(item, f"{where}[{index}]")


def stamp(now: datetime, zone_name: str) -> dict[str, str]:
    """`now` as LINE WORKS writes `createdTime`/`updatedTime`: wall clock in a zone."""
    return {
        "dateTime": now.astimezone(timeline.zone(zone_name)).strftime("%Y-%m-%dT%H:%M:%S"),
        "timeZone": zone_name,
    }
