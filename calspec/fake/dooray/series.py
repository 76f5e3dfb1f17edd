"""Recurring series: Dooray's `recurrenceRule` read into a bounded `Recurrence`, the occurrences a
series has, what an event id names, the row an occurrence becomes when it is edited on its own, and
the delete types.

A series is one stored row, the master, with the starts it no longer has (`exdates`, epoch
seconds); an occurrence edited on its own is a row of its own whose id is the occurrence id
`{masterId}-{YYYYMMDDTHHMMSSZ}` (its original start in UTC), with `masterScheduleId` and
`recurrenceType: modified`. The generic time logic is `timeline`'s; only Dooray's forms are here.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from dateutil import rrule

from calspec.core.formats import parse_date_time
from calspec.fake import timeline
from calspec.fake.dooray.common import PROVIDER
from calspec.fake.dooray.times import bounds, moment, start_of
from calspec.fake.errors import ApiError
from calspec.fake.recurrence import Recurrence, from_options
from calspec.fake.store import Store
from calspec.fake.timeline import Moment, Occurrence, offset_of, utc_stamp, wall_seconds, wall_time

OCCURRENCE_ID = re.compile(r"^(?P<master>.+)-(?P<stamp>\d{8}T\d{6}Z)$")
_STAMP = "%Y%m%dT%H%M%SZ"
FREQUENCIES: dict[str, Any] = {
    "daily": rrule.DAILY,
    "weekly": rrule.WEEKLY,
    "monthly": rrule.MONTHLY,
    "yearly": rrule.YEARLY,
}
WEEKDAYS = {
    "MO": rrule.MO,
    "TU": rrule.TU,
    "WE": rrule.WE,
    "TH": rrule.TH,
    "FR": rrule.FR,
    "SA": rrule.SA,
    "SU": rrule.SU,
}
DAY_TOKEN = re.compile(r"^(-?[1-5])? ?(SU|MO|TU|WE|TH|FR|SA)$")


# Rules ---------------------------------------------------------------------------------------------


def _byday(text: str) -> list[Any]:
    days = []
    for token in text.split(","):
        match = DAY_TOKEN.match(token.strip())
        if not match:
            raise ValueError(f"bad byday {token!r}")
        weekday = WEEKDAYS[match.group(2)]
        days.append(weekday(int(match.group(1))) if match.group(1) else weekday)
    return days


def series(doc: Mapping[str, Any]) -> tuple[Moment, Recurrence]:
    """The series' start and its recurrence (from `recurrenceRule`); ValueError if it can't be read,
    RuleError if the fake refuses it."""
    rule = doc["recurrenceRule"]
    start = start_of(doc)
    options: dict[str, Any] = {"interval": int(rule.get("interval") or 1)}
    if rule.get("until"):
        until = parse_date_time(rule["until"])
        if start.day:  # an all-day rule runs on naive midnights: the until's wall time at the offset
            until = until.replace(tzinfo=None) + timedelta(seconds=start.offset - offset_of(until))
        options["until"] = until
    if rule.get("byday"):
        options["byweekday"] = _byday(rule["byday"])
    if rule.get("bymonth"):
        options["bymonth"] = [int(v) for v in str(rule["bymonth"]).split(",")]
    if rule.get("bymonthday"):
        options["bymonthday"] = [int(v) for v in str(rule["bymonthday"]).split(",")]
    return start, from_options(FREQUENCIES[rule["frequency"]], start.clock, **options)


def occurrences(doc: Mapping[str, Any], lo: int, hi: int) -> Iterator[Occurrence]:
    """The occurrences starting in [lo, hi), less the deleted ones (`exdates`). Edited ones are
    still here: their own rows answer for them, and the caller decides."""
    start, recurrence = series(doc)
    excluded = set(doc.get("exdates") or ())
    for occurrence in timeline.occurrences(recurrence, start, lo, hi):
        if occurrence.start not in excluded:
            yield occurrence


def coarse_window(doc: Mapping[str, Any]) -> tuple[int, int]:
    """Epoch bounds that hold every occurrence (the store's index); a series that never ends
    reaches `timeline.FOREVER`."""
    if doc.get("recurrenceRule"):
        start, recurrence = series(doc)
    else:
        start, recurrence = moment(doc["startedAt"]), None
    end = moment(doc["endedAt"]) if doc.get("endedAt") else start
    return timeline.coarse_window(start, end, recurrence)


# Occurrences ---------------------------------------------------------------------------------------


def occurrence_id(master_id: str, start: int) -> str:
    return f"{master_id}-{utc_stamp(start)}"


def parse_occurrence_id(event_id: str) -> tuple[str, int] | None:
    """(master id, original start) of an occurrence id; None for any other id, including one whose
    digits are no time (`3-20201399T010000Z`)."""
    match = OCCURRENCE_ID.match(event_id)
    if match is None:
        return None
    try:
        at = wall_seconds(datetime.strptime(match.group("stamp"), _STAMP))
    except ValueError:
        return None
    return match.group("master"), at


def occurrence_fields(master: Mapping[str, Any], occurrence: Occurrence) -> dict[str, Any]:
    """What an occurrence has of its own: its id and times (the rest is the series')."""
    start = start_of(master)
    begin, end = bounds(master)
    fields: dict[str, Any] = {
        "id": occurrence_id(str(master["id"]), occurrence.start),
        "masterScheduleId": master["id"],
        "recurrenceId": start.render(occurrence.value),
        "startedAt": start.render(occurrence.value),
    }
    if master.get("endedAt"):
        fields["endedAt"] = start.render(occurrence.value + timedelta(seconds=end - begin))
    return fields


def materialize(master: Mapping[str, Any], occurrence: Occurrence) -> dict[str, Any]:
    """The row an occurrence becomes when it is edited on its own: the series' fields at its time."""
    row = {key: copy.deepcopy(v) for key, v in master.items() if key not in ("recurrenceRule", "exdates")}
    row.update(occurrence_fields(master, occurrence))
    row["recurrenceType"] = "modified"
    return row


# Targets -------------------------------------------------------------------------------------------


@dataclass
class Target:
    """What an event id names: a single `event`, a series' `master`, an occurrence edited on its own
    (`modified`, a stored row) or an `occurrence` the series produces (not stored)."""

    kind: str
    doc: dict[str, Any]  # the stored row; for an `occurrence`, the row it would become when edited
    master: dict[str, Any] | None = None
    at: int | None = None  # epoch of the occurrence's original start
    occurrence: Occurrence | None = None


def find_event(store: Store, calendar: Mapping[str, Any], event_id: str) -> Target:
    """404 unless the id is a stored event of the calendar or an occurrence its series has (and
    that wasn't deleted)."""
    calendar_id = str(calendar["id"])
    doc = store.get_event(PROVIDER, calendar_id, event_id)
    parsed = parse_occurrence_id(event_id)
    at = parsed[1] if parsed else None
    if doc is not None:
        if doc.get("recurrenceRule"):
            return Target("master", doc)
        master_id = doc.get("masterScheduleId", doc["id"])
        if master_id != doc["id"]:
            master = store.get_event(PROVIDER, calendar_id, str(master_id))
            return Target("modified", doc, master=master, at=at)
        return Target("event", doc)
    if parsed is not None:
        master = store.get_event(PROVIDER, calendar_id, parsed[0])
        if master is not None and master.get("recurrenceRule"):
            for occurrence in occurrences(master, parsed[1], parsed[1] + 1):
                return Target("occurrence", materialize(master, occurrence), master, parsed[1], occurrence)
    raise ApiError(404, "Event not found")


# Deleting ------------------------------------------------------------------------------------------


def edited_occurrences(store: Store, calendar_id: str, master_id: str) -> list[dict[str, Any]]:
    """The rows of the series' occurrences edited on their own."""
    return [
        row
        for row in store.calendar_events(PROVIDER, calendar_id)
        if row["id"] != master_id and row.get("masterScheduleId") == master_id
    ]


def delete_series(store: Store, calendar_id: str, master_id: str) -> None:
    for row in edited_occurrences(store, calendar_id, master_id):
        store.delete_event(PROVIDER, calendar_id, str(row["id"]))
    store.delete_event(PROVIDER, calendar_id, master_id)


def _until_before(master: Mapping[str, Any], at: int) -> str:
    """`until` that ends the series just before the occurrence starting at `at`, in the event's offset."""
    offset = moment(master["startedAt"]).offset
    return wall_time(at - 1 + offset).isoformat(timespec="seconds") + timeline.format_offset(offset)


def _is_first(master: Mapping[str, Any], at: int) -> bool:
    """Whether the occurrence starting at `at` is the series' first (none left before it)."""
    return next(occurrences(master, bounds(master)[0], at), None) is None


def delete(store: Store, calendar_id: str, target: Target, delete_type: str) -> None:
    """A single event, or a series' master id: deleted whole, whatever the type. On an occurrence:
    `this` excludes it from its series; `wholeFromThis` ends the series just before it (on the first
    occurrence the series goes); `whole` takes the series with every edited occurrence."""
    master = target.master
    if target.kind == "event" or (target.kind == "modified" and master is None):
        store.delete_event(PROVIDER, calendar_id, str(target.doc["id"]))
    elif target.kind == "master":
        delete_series(store, calendar_id, str(target.doc["id"]))
    elif master is not None and target.at is not None:
        master_id, at = str(master["id"]), target.at
        if delete_type == "whole" or (delete_type == "wholeFromThis" and _is_first(master, at)):
            delete_series(store, calendar_id, master_id)
            return
        if delete_type == "wholeFromThis":
            for row in edited_occurrences(store, calendar_id, master_id):
                parsed = parse_occurrence_id(str(row["id"]))
                if parsed is not None and parsed[1] >= at:
                    store.delete_event(PROVIDER, calendar_id, str(row["id"]))
            master["recurrenceRule"] = {**master["recurrenceRule"], "until": _until_before(master, at)}
        else:
            if target.kind == "modified":
                store.delete_event(PROVIDER, calendar_id, str(target.doc["id"]))
            master["exdates"] = sorted({*master.get("exdates", []), at})
        store.replace_event(PROVIDER, calendar_id, master_id, master, *coarse_window(master))
